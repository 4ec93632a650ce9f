"""Incremental runs: each article's result, remembered under a key of everything that decides it.

A newsroom re-runs ``cleaner clean`` nightly over folders where most articles did not change.
The result of cleaning is a pure function of: the input bytes, the rules (every rule file
under the built-in rules folder and ``extend-rules``), the config, the ``--encoding``
option, and the code (cleaner's own source and the versions of the libraries it calls). The
key hashes all of them (``keys``), so a hit is the result the pipeline would compute, and
any change to a rule file, a config key, or the code misses.

Where: ``results-v1/`` in the user's private cache folder (``store``), not beside the
outputs: the same article cleaned into two output folders, to stdout or in place is the
same computation.

What: one file per input, a line of JSON with what the run's summary needs and the cleaned
text's hash (so an output that already holds it is left alone), then the whole result
(text, edits, findings, metadata) zlib-compressed, decoded only to rewrite a missing output
or sidecar. Entries are written by rename and never trusted blindly: an unreadable entry,
or one that is not the user's own, is a miss. ``CLEANER_NO_CACHE=1`` or ``--no-cache``
switches it off.

The rules/config/code part of the key (the *salt*) is computed once per run, in the parent
process, and shipped to the workers with the cache object.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from cleaner.cache.keys import code_digest, config_digest, rules_digest
from cleaner.cache.store import default_cache_dir, kind_dir, read_entry, shard_dir, write_entry
from cleaner.config import Config

# Bump when the stored record's shape changes.
FORMAT = 1


@lru_cache(maxsize=8)
def _folder(root: str) -> str | None:
    """The results folder under ``root``, checked once per process (None: not usable)."""
    folder = kind_dir(f"results-v{FORMAT}", Path(root))
    return None if folder is None else str(folder)


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

    @classmethod
    def for_configs(
        cls, configs: list[Config], encoding: str | None = None
    ) -> tuple[tuple[Config, ResultCache], ...]:
        """One cache per distinct config of a run (its key hashes the config), or none when
        caching is off or the folder cannot be trusted (warned about once, here, not again
        in every worker)."""
        from cleaner.cache.keys import caching_disabled

        if caching_disabled():
            return ()
        opened = [(c, cls.open(c, encoding)) for c in dict.fromkeys(configs)]
        return tuple(opened) if opened and opened[0][1].usable() else ()

    def key(self, data: bytes) -> str:
        return hashlib.sha256(self.salt.encode() + b"\0" + data).hexdigest()

    def usable(self) -> bool:
        """Whether the folder is private to the user (else a warning, once, and no cache)."""
        return _folder(str(self.folder)) is not None

    def _path(self, key: str) -> str | None:
        # A string, not a Path: pathlib's joins were a third of an unchanged re-run's lookup.
        folder = _folder(str(self.folder))
        return None if folder is None else f"{folder}/{key[:2]}/{key}.z"

    def get(self, key: str) -> Entry | None:
        """The stored entry, or None (missing, not ours, unreadable or corrupt: a miss)."""
        path = self._path(key)
        raw = read_entry(path) if path else None
        if raw is None:
            return None
        head, _, body = raw.partition(b"\n")
        try:
            summary = json.loads(head)
        except ValueError:
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
        folder = _folder(str(self.folder))
        shard = shard_dir(Path(folder), key) if folder else None
        if shard is None:
            return
        out = text.encode("utf-8")
        head = json.dumps({**summary, "key": key, "text_bytes": len(out)}).encode()
        full = zlib.compress(json.dumps(result).encode(), 1) if result is not None else b""
        write_entry(shard / f"{key}.z", head + b"\n" + out + full)


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
