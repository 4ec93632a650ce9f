"""On-disk cache of grammar results, so a re-run over an unchanged folder does not re-lint.

The in-process LRU (``cleaner.grammar.ResultCache``) only helps within one run; nightly
re-runs and ``cleaner check`` are new processes. One small JSON file per (checker settings,
this package's code, text) hash under ``$CLEANER_CACHE_DIR`` (default
``$XDG_CACHE_HOME/cleaner`` or ``~/.cache/cleaner``; private to the user and size-bounded,
see ``cleaner.cache.store``),
written by rename so concurrent workers never see half a file; a damaged entry is a miss.
Because the Harper linter is built lazily, a run whose documents are all cached never pays
its one-second start-up. ``CLEANER_NO_CACHE=1`` turns it off.

Only backends whose answers are fixed by their ``cache_key`` use it (Harper: a pinned
package version); a LanguageTool server can be upgraded under us, so its results stay in
memory only. ``cleaner cache clear`` reclaims the space; nothing else depends on it.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path

from cleaner.cache.store import kind_dir, read_entry, shard_dir, write_entry
from cleaner.grammar import GrammarHit

# Bump when the stored format changes. A change of the code that makes hits (a new
# suggestion filter) needs no bump: that code is part of every key (``code_version``).
SCHEMA = 1


def cache_dir() -> Path | None:
    """Where grammar results live (private to the user: ``cleaner.cache.store``), or None
    when caching is switched off or the folder cannot be trusted."""
    if os.environ.get("CLEANER_NO_CACHE", "") not in ("", "0"):
        return None
    return kind_dir(f"grammar-v{SCHEMA}")


def load(key: str) -> tuple[GrammarHit, ...] | None:
    """The stored hits for ``key``, or None (missing, not ours, unreadable or malformed)."""
    folder = cache_dir()
    data = read_entry(folder / key[:2] / f"{key}.json") if folder else None
    if data is None:
        return None
    try:
        raw = json.loads(data)
        return tuple(
            GrammarHit(**{**item, "suggestions": tuple(item["suggestions"])}) for item in raw
        )
    except (ValueError, TypeError, KeyError):
        return None


def store(key: str, hits: tuple[GrammarHit, ...]) -> None:
    """Write hits for ``key``; a cache that cannot be written is silently skipped."""
    folder = cache_dir()
    shard = shard_dir(folder, key) if folder else None
    if shard is None:
        return
    payload = json.dumps([asdict(h) for h in hits], ensure_ascii=False)
    write_entry(shard / f"{key}.json", payload.encode("utf-8"))


# -- what the pipeline expects --------------------------------------------------------------
# A marker per article as it arrived (before any stage), written once its grammar result is
# on disk: a later process that meets the same article expects a cache hit and does not
# start building a linter ahead of need (``HarperBackend.prefetch``). Only a hint: a wrong
# one costs a build in the background, or a build in the foreground as before.


def expected(key: str) -> bool:
    """Whether an earlier run stored the grammar result of the article behind ``key``."""
    folder = cache_dir()
    return folder is not None and read_entry(folder / key[:2] / f"{key}.seen") is not None


def mark_expected(key: str) -> None:
    folder = cache_dir()
    shard = shard_dir(folder, key) if folder else None
    if shard is not None and not expected(key):
        write_entry(shard / f"{key}.seen", b"")
