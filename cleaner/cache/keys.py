"""What cached data is keyed by: the rules, the config and the code that decide a result.

A hit must be the result the pipeline would compute now, so every key covers the rule
files (by their path relative to their rule folder and their bytes: ``resources``), the
config's values, and the code (cleaner's source and the installed packages' versions).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from collections.abc import Iterable
from dataclasses import fields
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from cleaner.config import Config
from cleaner.resources import content_digest, rule_folders, source_digest

# Set (to anything but "" or "0") to switch every cache of results off; ``--no-cache`` sets
# it for the run, so caches inside stages (the grammar checker's) are bypassed too.
NO_CACHE_ENV = "CLEANER_NO_CACHE"


def caching_disabled() -> bool:
    return os.environ.get(NO_CACHE_ENV, "") not in ("", "0")


def rules_digest(config: Config) -> str:
    """Hash of every rule file the config can load (``resources.content_digest``)."""
    return content_digest(rule_folders(config))


def folders_digest(folders: Iterable[Path]) -> str:
    """Hash of every file under ``folders`` (paths relative to each folder, and bytes)."""
    return content_digest(folders)


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
    h.update(source_digest(Path(str(files("cleaner")))).encode())
    h.update(" ".join(sorted(_dist_infos())).encode())
    return h.hexdigest()


@lru_cache(maxsize=1)
def _dist_infos() -> tuple[str, ...]:
    """``*.dist-info`` folder names on ``sys.path``, in its order (the first one wins)."""
    found: dict[str, None] = {}
    for entry in sys.path:
        with contextlib.suppress(OSError):
            found.update((n, None) for n in os.listdir(entry or ".") if n.endswith(".dist-info"))
    return tuple(found)


def installed_version(name: str) -> str | None:
    """The installed version of distribution ``name`` (``harper-py``), from the same folder
    listing as ``code_digest`` (``importlib.metadata`` costs a worker 60-80 ms to import)."""
    wanted = name.lower().replace("-", "_").replace(".", "_")
    for folder in _dist_infos():
        dist, _, version = folder.removesuffix(".dist-info").partition("-")
        if dist.lower().replace("-", "_").replace(".", "_") == wanted:
            return version
    return None
