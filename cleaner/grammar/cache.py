"""On-disk cache of grammar results, so a re-run over an unchanged folder does not re-lint.

The in-process LRU (``cleaner.grammar.ResultCache``) only helps within one run; nightly
re-runs and ``cleaner check`` are new processes. One small JSON file per (checker settings,
text) hash under ``$CLEANER_CACHE_DIR`` (default ``$XDG_CACHE_HOME/cleaner`` or
``~/.cache/cleaner``), written by rename so concurrent workers never see half a file; a
damaged entry is a miss. Because the Harper linter is built lazily, a run whose documents
are all cached never pays its one-second start-up. ``CLEANER_NO_CACHE=1`` turns it off.

Only backends whose answers are fixed by their ``cache_key`` use it (Harper: a pinned
package version); a LanguageTool server can be upgraded under us, so its results stay in
memory only. Delete the folder to reclaim space; nothing else depends on it.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import asdict
from pathlib import Path

from cleaner.grammar import GrammarHit

# Bump when what the stage stores changes meaning (e.g. a new suggestion filter).
SCHEMA = 1


def cache_dir() -> Path | None:
    """Where grammar results live, or None when caching is switched off."""
    if os.environ.get("CLEANER_NO_CACHE", "") not in ("", "0"):
        return None
    root = os.environ.get("CLEANER_CACHE_DIR")
    if root:
        base = Path(root)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        base = (Path(xdg) if xdg else Path.home() / ".cache") / "cleaner"
    return base / f"grammar-v{SCHEMA}"


def _path(key: str) -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / key[:2] / f"{key}.json"


def load(key: str) -> tuple[GrammarHit, ...] | None:
    """The stored hits for ``key``, or None (missing, unreadable or malformed)."""
    path = _path(key)
    if path is None:
        return None
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return tuple(
            GrammarHit(**{**item, "suggestions": tuple(item["suggestions"])}) for item in raw
        )
    except (OSError, ValueError, TypeError, KeyError):
        return None


def store(key: str, hits: tuple[GrammarHit, ...]) -> None:
    """Write hits for ``key``; a cache that cannot be written is silently skipped."""
    path = _path(key)
    if path is None:
        return
    payload = json.dumps([asdict(h) for h in hits], ensure_ascii=False)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(payload)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise
    except OSError:
        return
