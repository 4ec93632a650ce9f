"""Incremental runs: each article's result, remembered under a key of everything that decides it.

A newsroom re-runs ``cleaner clean`` nightly over folders where most articles did not change.
The result of cleaning is a pure function of: the input bytes, the rules (every rule file
under the built-in ``rules/`` folder and ``extend-rules``), the config, the ``--encoding``
option, and the code (cleaner's own source and the versions of the libraries it calls). The
key hashes all of them, so a hit is the result the pipeline would compute, and any change to
a rule file, a config key, or the code misses.

Where: one folder per user, ``$CLEANER_CACHE_DIR`` or ``$XDG_CACHE_HOME/cleaner`` (default
``~/.cache/cleaner``; entries under ``results-v1/``), not beside the outputs: the same
article cleaned into two output folders, to stdout or in place is the same computation.

What: one file per input, a line of JSON with what the run's summary needs and the cleaned
text's hash (so an output that already holds it is left alone), then the whole result
(text, edits, findings, metadata) zlib-compressed, decoded only to rewrite a missing output
or sidecar. Entries are written by rename and never trusted blindly: an unreadable entry is
a miss. Nothing evicts entries; delete the folder to reclaim the space (about the size of
the cleaned text). ``CLEANER_NO_CACHE=1`` or ``--no-cache`` switches it off.

The rules/config/code part of the key (the *salt*) is computed once per run, in the parent
process, and shipped to the workers with the cache object.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import sys
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from cleaner.config import Config
from cleaner.resources import content_digest, rule_folders

CACHE_ENV = "CLEANER_CACHE_DIR"
# Set (to anything but "" or "0") to switch every cache off; ``--no-cache`` sets it for the
# run, so caches inside stages (the grammar checker's) are bypassed too.
NO_CACHE_ENV = "CLEANER_NO_CACHE"
# Bump when the stored record's shape changes.
FORMAT = 1
T = TypeVar("T")


def default_cache_dir() -> Path:
    """``$CLEANER_CACHE_DIR``, else ``$XDG_CACHE_HOME/cleaner``, else ``~/.cache/cleaner``."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "cleaner"


def caching_disabled() -> bool:
    return os.environ.get(NO_CACHE_ENV, "") not in ("", "0")


def rules_digest(config: Config) -> str:
    """Hash of every rule file the config can load (``resources.content_digest``)."""
    return content_digest(rule_folders(config))


def folders_digest(folders: Iterable[Path]) -> str:
    """Hash of every file under ``folders`` (paths relative to each folder, and bytes)."""
    return content_digest(folders)


def memo_on_disk(
    kind: str,
    parts: Iterable[str],
    build: Callable[[], T],
    keep: Callable[[T], bool] = lambda value: True,
) -> T:
    """``build()``, or its pickled value from an earlier process with the same key.

    For per-process set-up that is slow to build and quick to unpickle: parsing the YAML
    rule files and generating the gazetteer's transliterations cost about 0.55 s of CPU in
    every worker and every ``cleaner check``; unpickling the result costs 0.01 s. The key is
    ``kind``, ``parts`` (say ``folders_digest(rule folders)`` and the config values the
    build reads) and the code (``code_digest``), so an edited rule file or a new version of
    cleaner builds afresh. Any failure to read or write the file only means building.
    Pickles are code: keep ``$CLEANER_CACHE_DIR`` private to the user (the default is).
    ``keep(value)`` false: return the value without storing it (say, a load with errors).

    Not switched off by ``--no-cache``/``CLEANER_NO_CACHE``: those mean "clean every file
    again", and this holds no results, only set-up whose key already covers everything it
    is built from (as Python's own ``.pyc`` files).
    """
    key = hashlib.sha256("\0".join([kind, code_digest(), *parts]).encode()).hexdigest()
    path = default_cache_dir() / f"compiled-v{FORMAT}" / f"{kind}-{key[:40]}.pickle"
    # A stale or damaged pickle can fail in many ways; each only means building.
    with contextlib.suppress(Exception), path.open("rb") as fh:
        return pickle.load(fh)  # type: ignore[no-any-return]
    value = build()
    if not keep(value):
        return value
    with contextlib.suppress(Exception):
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    return value


def config_digest(config: Config) -> str:
    """Hash of the config's values (not where it was read from)."""
    values = [(f.name, getattr(config, f.name)) for f in fields(config) if f.compare]
    return hashlib.sha256(repr(sorted(values)).encode()).hexdigest()


@lru_cache(maxsize=1)
def code_digest() -> str:
    """cleaner's version and source files, and which packages (with versions) are installed.

    The version alone is not enough while developing (the code changes, the version does
    not), and a new ftfy can repair mojibake differently. The installed packages are read
    from the ``*.dist-info`` folder names on ``sys.path`` (one directory listing each), not
    with ``importlib.metadata``, which cost 60 ms of a 150 ms start-up; installing any
    package therefore empties the cache, which errs the safe way."""
    from cleaner import __version__

    h = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        h.update(f"\0{path.relative_to(package)}\0".encode())
        h.update(path.read_bytes())
    installed: set[str] = set()
    for entry in sys.path:
        with contextlib.suppress(OSError):
            installed.update(n for n in os.listdir(entry or ".") if n.endswith(".dist-info"))
    h.update(" ".join(sorted(installed)).encode())
    return h.hexdigest()


@dataclass(frozen=True, slots=True)
class ResultCache:
    """Results of ``clean_text`` on files' bytes, under one run's rules, config and code."""

    folder: Path
    salt: str

    @classmethod
    def open(
        cls, config: Config, encoding: str | None = None, folder: Path | None = None
    ) -> ResultCache:
        """The cache for a run: hashes the rules, config and code once."""
        parts = (
            f"format {FORMAT}",
            rules_digest(config),
            config_digest(config),
            code_digest(),
            f"encoding {encoding}",
        )
        salt = hashlib.sha256("\n".join(parts).encode()).hexdigest()
        return cls(folder or default_cache_dir(), salt)

    def key(self, data: bytes) -> str:
        return hashlib.sha256(self.salt.encode() + b"\0" + data).hexdigest()

    def _path(self, key: str) -> str:
        # A string, not a Path: pathlib's joins were a third of an unchanged re-run's lookup.
        return f"{self.folder}/results-v{FORMAT}/{key[:2]}/{key}.z"

    def get(self, key: str) -> Entry | None:
        """The stored entry, or None (missing, unreadable or corrupt: all just a miss)."""
        try:
            with open(self._path(key), "rb") as fh:
                raw = fh.read()
            head, _, body = raw.partition(b"\n")
            summary = json.loads(head)
        except (OSError, ValueError):
            return None
        if not isinstance(summary, dict) or summary.get("key") != key:
            return None
        return Entry(summary, body)

    def put(
        self, key: str, summary: dict[str, Any], text: str, result: dict[str, Any] | None
    ) -> None:
        """Store an entry; a cache that cannot be written only costs speed, never the run.

        ``result`` (the whole ``CleanResult.to_dict()``) only when the run writes sidecars:
        serialising the edits cost a quarter as much as cleaning, for a hit that rarely
        needs them."""
        out = text.encode("utf-8")
        head = json.dumps({**summary, "key": key, "text_bytes": len(out)}).encode()
        full = zlib.compress(json.dumps(result).encode(), 1) if result is not None else b""
        path = self._path(key)
        tmp = f"{path}.{os.getpid()}.tmp"
        with contextlib.suppress(OSError):
            try:
                fh = open(tmp, "wb")  # noqa: SIM115  (closed below; the folder may be missing)
            except FileNotFoundError:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                fh = open(tmp, "wb")  # noqa: SIM115
            with fh:
                fh.write(head + b"\n" + out + full)
            os.replace(tmp, path)


class Entry:
    """A cache hit: the small summary at once, the text and full result only if asked for.

    An unchanged re-run whose outputs are in place needs only the summary (counts for the
    report, the output's hash to compare). The file is one line of JSON, the cleaned text
    (UTF-8, ``text_bytes`` long), then, if the run wrote sidecars, the zlib-compressed
    ``CleanResult.to_dict()``."""

    def __init__(self, summary: dict[str, Any], body: bytes) -> None:
        self.summary = summary
        self._body = body

    def text(self) -> str | None:
        """The cleaned text; None if it does not match the stored hash."""
        out = self._body[: self.summary.get("text_bytes", -1)]
        if hashlib.sha256(out).hexdigest() != self.summary.get("text_sha256"):
            return None
        return out.decode("utf-8")

    def result(self) -> dict[str, Any] | None:
        """The stored ``CleanResult.to_dict()``; None if absent or corrupt."""
        try:
            full = self._body[self.summary["text_bytes"] :]
            result = json.loads(zlib.decompress(full)) if full else None
        except (KeyError, TypeError, ValueError, zlib.error):
            return None
        return result if isinstance(result, dict) else None
