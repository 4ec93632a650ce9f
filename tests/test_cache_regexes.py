"""Regular expressions compiled from the on-disk store match exactly as freshly compiled
ones (``cleaner.cache.regexes``, issue 17)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import regex

from cleaner.cache import regexes

PATTERNS: list[tuple[str, int]] = [
    (r"(?<![\p{L}])(?P<name>Xi|Si)\s+Jinping(?!\p{L})", 0),
    (r"\b(?:high|low)\s+-(?=tech\b)", regex.IGNORECASE),
    (r"(?x) ^ \s* (?:[-*\u2022]\s|\d{1,3}[.)]\s)  # a list item", regex.MULTILINE),
    (r"(?:Zelensky){e<=1}", regex.BESTMATCH),
    (r"(\w+)\s+and\s+\1", 0),
]
TEXT = (
    "Si Jinping met Xi Jinping. High -tech firms, low -tech ones.\n"
    "- a list item\n12) another\nZelenski and Zelenskyy. stable and stable."
)


def _behaviour(pattern: regex.Pattern[str]) -> object:
    return (
        pattern.pattern,
        pattern.flags,
        pattern.groupindex,
        [(m.span(), m.groups()) for m in pattern.finditer(TEXT)],
        pattern.sub("<>", TEXT),
    )


@pytest.fixture()
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path / "cache"))
    regexes.uninstall()
    try:
        yield tmp_path / "cache"
    finally:
        regexes.uninstall()


def test_a_second_process_takes_the_stored_patterns_and_they_match_alike(store: Path) -> None:
    fresh = [_behaviour(regex.compile(p, f)) for p, f in PATTERNS]
    regexes.install()
    first = [_behaviour(regex.compile(p + "(?#store)", f)) for p, f in PATTERNS]
    regexes.save()
    assert list(store.glob("compiled-v*/regex-*.marshal"))
    regexes.uninstall()  # a new process: nothing compiled yet
    regexes.install()
    again = [_behaviour(regex.compile(p + "(?#store)", f)) for p, f in PATTERNS]
    assert not regexes.STORE.unsaved  # every one came from the store, none was parsed
    strip = [(b[0].removesuffix("(?#store)"), *b[1:]) for b in again]
    assert strip == fresh
    assert again == first


def test_a_pattern_compiled_uncached_is_stored_but_never_kept(store: Path) -> None:
    """dateparser compiles its two time-zone patterns (16,000 characters) with
    ``cache_pattern=False``: a check's first date parsed them every run. They come from the
    store as any other, built afresh at each call as their caller asked."""
    pattern, flags = r"(?P<tz0>xi|si)\s+jinping|(?P<tz1>high)\s+-tech", regex.IGNORECASE
    fresh = _behaviour(regex.compile(pattern, flags, cache_pattern=False))
    regexes.install()
    regex.compile(pattern, flags, cache_pattern=False)
    regexes.save()
    regexes.uninstall()  # a new process
    regexes.install()
    assert (pattern, int(flags), int(regex.DEFAULT_VERSION)) in regexes.STORE.stored
    again = regex.compile(pattern, flags, cache_pattern=False)
    assert not regexes.STORE.unsaved  # built from the store, not parsed
    assert _behaviour(again) == fresh
    assert regex.compile(pattern, flags, cache_pattern=False) is not again
    assert all(key[0] != pattern for key in regexes._made)


def test_named_lists_and_locale_patterns_are_not_stored(store: Path) -> None:
    regexes.install()
    regex.compile(r"\L<names>", names=["Fico", "Xi"])
    regex.compile(r"(?L)\w+")
    regex.compile(r"\w+", regex.LOCALE)
    assert not regexes.STORE.unsaved
    assert regexes.STORE.used == {}


def test_a_damaged_store_is_compiled_around(store: Path) -> None:
    regexes.install()
    regex.compile(r"damaged\s+store", 0)
    regexes.save()
    regexes.uninstall()
    (path,) = store.glob("compiled-v*/regex-*.marshal")
    path.write_bytes(b"\x00not marshal")
    regexes.install()
    assert _behaviour(regex.compile(r"damaged\s+store")) == _behaviour(
        regex.compile(r"damaged\s+store", cache_pattern=False)
    )
    regexes.uninstall()
    import marshal

    # Well-formed, but the engine's arguments are wrong: compiled as usual, same result.
    path.write_bytes(marshal.dumps([(r"wrong\s+args", 0, int(regex.DEFAULT_VERSION), (1, 2))]))
    regexes.install()
    assert regexes.STORE.stored
    assert regex.compile(r"wrong\s+args").findall("a wrong  args b") == ["wrong  args"]
    assert regexes.STORE.unsaved


def test_after_the_first_save_new_patterns_are_not_kept_in_memory(store: Path) -> None:
    """A long batch whose articles make patterns of their own must not grow without end."""
    regexes.install()
    regex.compile(r"set-up\s+pattern")
    regexes.save()
    later = regex.compile(r"an\s+article's\s+own\s+pattern")
    assert later.findall("an article's  own pattern") == ["an article's  own pattern"]
    assert all(key[0] != later.pattern for key in regexes._made)
    assert not regexes.STORE.unsaved


def test_no_place_for_a_cache_means_no_store_not_an_error(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A command must still run where there is no home folder to keep a cache in."""
    monkeypatch.delenv("CLEANER_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def nowhere() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", nowhere)
    regexes.install()
    assert regex.compile(r"no\s+home").findall("no  home") == ["no  home"]
    regexes.save()  # nothing to write to, and no error
