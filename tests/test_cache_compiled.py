"""The store the three set-up caches share (``cleaner.cache.compiled``, issue 17): what it
writes back and what it refuses to read (no home folder: tests/test_cache_regexes.py)."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest

from cleaner.cache.compiled import CompiledStore


def _rows(merged: dict[str, int]) -> list[tuple[str, int]]:
    return sorted(merged.items())


def _entries(rows: object) -> object:
    for key, value in rows:  # type: ignore[attr-defined]
        if type(key) is not str or type(value) is not int:
            raise TypeError("not a row of this store")
        yield key, value


def _store(keep_unused: int = 2, record_limit: int = 10) -> CompiledStore[str, int]:
    return CompiledStore("test", lambda: "v1", keep_unused, record_limit)


def test_a_save_keeps_this_runs_entries_and_a_bounded_number_of_old_ones(
    _private_cache: Path,
) -> None:
    first = _store(keep_unused=100)
    first.load(_entries)
    for n in range(5):
        first.add(f"old{n}", n)
    first.save(_rows)
    second = _store(keep_unused=2)
    second.load(_entries)
    assert len(second.stored) == 5
    second.add("new", 9)
    second.save(_rows)
    third = _store()
    third.load(_entries)
    # This run's entry and two of the five it did not use: a store that only grew would
    # cost its reading on every start.
    assert "new" in third.stored
    assert len(third.stored) == 3


def test_nothing_new_writes_nothing(_private_cache: Path) -> None:
    store = _store()
    store.load(_entries)
    store.used["taken"] = 1  # taken from the store, not compiled here
    store.save(_rows)
    assert not list(_private_cache.glob("compiled-v*/test-*.marshal"))


def test_after_a_save_or_at_the_bound_nothing_more_is_recorded(_private_cache: Path) -> None:
    store = _store(record_limit=2)
    store.load(_entries)
    assert not store.full()
    store.add("a", 1)
    store.add("b", 2)
    assert store.full()
    again = _store()
    again.load(_entries)
    again.save(_rows)
    assert again.full()


@pytest.mark.parametrize(
    "data", [b"\x00not marshal", marshal.dumps([("fine", 1), ("wrong", "shape")]), b""]
)
def test_a_damaged_store_reads_as_empty(_private_cache: Path, data: bytes) -> None:
    store = _store()
    store.load(_entries)
    store.add("fine", 1)
    store.save(_rows)
    (path,) = _private_cache.glob("compiled-v*/test-*.marshal")
    path.write_bytes(data)
    again = _store()
    again.load(_entries)
    assert again.stored == {}


def test_another_version_reads_another_file(_private_cache: Path) -> None:
    store = _store()
    store.load(_entries)
    store.add("a", 1)
    store.save(_rows)
    other: CompiledStore[str, int] = CompiledStore("test", lambda: "v2", 2, 10)
    other.load(_entries)
    assert other.stored == {}
