"""``cleaner cache info|clear``: where the cache is, what it holds, and emptying it."""

from __future__ import annotations

import sys

import click

from cleaner.cache.store import (
    DEFAULT_MAX_MB,
    MAX_MB_ENV,
    clear,
    default_cache_dir,
    max_bytes,
    root_problem,
    usage,
)


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


@click.group()
def cache() -> None:
    """The cache of results and set-up: $CLEANER_CACHE_DIR, else ~/.cache/cleaner."""


@cache.command()
def info() -> None:
    """Where the cache is, whether it is used, and what each part holds."""
    root = default_cache_dir()
    problem = root_problem(root)
    print(f"folder: {root}")
    print("status: " + (f"not used: {problem}" if problem else "private to you, in use"))
    parts = usage(root)
    for part in parts:
        print(f"  {part.kind:<14} {part.entries:>8} entries  {_mb(part.bytes):>10}")
    total = sum(p.bytes for p in parts)
    limit = max_bytes()
    print(
        f"total: {_mb(total)} of {_mb(limit)} "
        f"(limit: --cache-max-mb or env {MAX_MB_ENV}, default {DEFAULT_MAX_MB} MB)"
    )
    sys.exit(2 if problem else 0)


@cache.command("clear")
def clear_command() -> None:
    """Delete everything cleaner cached (results, grammar hits, compiled rules)."""
    root = default_cache_dir()
    entries, size = clear(root)
    print(f"cleared {root}: {entries} entries, {_mb(size)}")
