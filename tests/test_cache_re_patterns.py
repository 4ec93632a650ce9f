"""Python's own ``re`` patterns compiled from the on-disk store match exactly as freshly
compiled ones (``cleaner.cache.re_patterns``, issue 17)."""

from __future__ import annotations

import marshal
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from cleaner.cache import re_patterns

PATTERNS: list[tuple[str, int]] = [
    (r"(?<![^\W\d_])(?P<name>Xi|Si)\s+Jinping(?![^\W\d_])", 0),
    (r"\b(?:high|low)\s+-(?=tech\b)", re.IGNORECASE),
    (r"(?x) ^ \s* (?:[-*\u2022]\s|\d{1,3}[.)]\s)  # a list item", re.MULTILINE),
    (r"(\w+)\s+and\s+\1", 0),
    (r"[\x80-\x9f]|[¦¤¨¬¯¸ƒ]+|Ã[\x80-\xbf]", re.VERBOSE),
    (r"(?a)\w+@\w+", 0),
]
TEXT = (
    "Si Jinping met Xi Jinping. High -tech firms, low -tech ones.\n"
    "- a list item\n12) another\nstable and stable. donÃ¢â‚¬â„¢t a@b é@ü\x85"
)


def _behaviour(pattern: re.Pattern[str]) -> object:
    return (
        pattern.pattern,
        pattern.flags,
        pattern.groupindex,
        [(m.span(), m.groups()) for m in pattern.finditer(TEXT)],
        pattern.sub("<>", TEXT),
    )


def _fresh(pattern: str, flags: int) -> re.Pattern[str]:
    """Compiled by ``re`` itself, past its own cache of compiled patterns."""
    re.purge()
    return re.compile(pattern, flags)


@pytest.fixture()
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path / "cache"))
    re_patterns.uninstall()
    try:
        yield tmp_path / "cache"
    finally:
        re_patterns.uninstall()
        re.purge()


def test_a_second_process_takes_the_stored_patterns_and_they_match_alike(store: Path) -> None:
    fresh = [_behaviour(_fresh(p, f)) for p, f in PATTERNS]
    re_patterns.install()
    re.purge()
    first = [_behaviour(re.compile(p, f)) for p, f in PATTERNS]
    re_patterns.save()
    assert list(store.glob("compiled-v*/re-*.marshal"))
    re_patterns.uninstall()  # a new process: nothing compiled yet
    re.purge()
    re_patterns.install()
    assert len(re_patterns.STORE.stored) == len(PATTERNS)
    again = [_behaviour(re.compile(p, f)) for p, f in PATTERNS]
    assert not re_patterns.STORE.unsaved  # every one came from the store, none was parsed
    assert again == first == fresh


def test_bytes_and_debug_patterns_are_not_stored(store: Path) -> None:
    re_patterns.install()
    re.purge()
    re.compile(rb"\w+ bytes")
    assert not re_patterns.STORE.unsaved
    assert re_patterns.STORE.used == {}


def test_a_damaged_store_is_compiled_around(store: Path) -> None:
    re_patterns.install()
    re.purge()
    re.compile(r"damaged\s+store")
    re_patterns.save()
    re_patterns.uninstall()
    (path,) = store.glob("compiled-v*/re-*.marshal")
    path.write_bytes(b"\x00not marshal")
    re.purge()
    re_patterns.install()
    assert re.compile(r"damaged\s+store").findall("a damaged  store") == ["damaged  store"]
    re_patterns.uninstall()
    # Well-formed, but the engine's arguments are wrong: compiled as usual, same result.
    path.write_bytes(marshal.dumps([(r"wrong\s+args", 0, (1, 2))]))
    re.purge()
    re_patterns.install()
    assert re_patterns.STORE.stored
    assert re.compile(r"wrong\s+args").findall("a wrong  args b") == ["wrong  args"]
    assert re_patterns.STORE.unsaved


def test_after_the_save_new_patterns_are_compiled_as_usual(store: Path) -> None:
    """A long batch whose articles make patterns of their own must not grow without end."""
    re_patterns.install()
    re.purge()
    re.compile(r"set-up\s+pattern")
    re_patterns.save()
    later = re.compile(r"an\s+article's\s+own\s+pattern")
    assert later.findall("an article's  own pattern") == ["an article's  own pattern"]
    assert all(key[0] != later.pattern for key in re_patterns.STORE.used)
    assert not re_patterns.STORE.unsaved
