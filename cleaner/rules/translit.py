"""Generate the spellings machine translation produces from a name's native form.

MT into English from Russian, Ukrainian or Chinese romanises names with whatever scheme its
training data used, so one name arrives as ``Zelenskiy``, ``Zelenskij``, ``Zelenskii`` ...
Rather than hand-type those, each entity gives its native spelling and this module runs the
real transliteration libraries over it: every ``iuliia`` scheme for Russian, every
``translitua`` table for Ukrainian, and for Chinese ``pypinyin`` (pinyin, Wade-Giles) plus the
route MT actually takes through Russian: Palladius Cyrillic (``Си Цзиньпин``) romanised again
by ``iuliia`` (``Si Tszinpin``). Generation happens when the gazetteer is built (once per
process), so a newsroom that adds ``native:`` to a rule gets the variants with no build step.

Only plausible English-text spellings are kept: ASCII letters, spaces, hyphens and
apostrophes (diacritic-laden scientific forms never appear in English MT output).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import regex

_PLAUSIBLE = regex.compile(r"^[A-Za-z][A-Za-z' -]*[A-Za-z]$")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "`": "'"})
LANGS = ("ru", "uk", "zh")


def _clean(word: str) -> str | None:
    """A transliteration as it could appear in English text, or ``None`` if implausible."""
    word = word.translate(_APOSTROPHES).strip()
    if not _PLAUSIBLE.match(word):
        return None
    return word


def _title(word: str) -> str:
    """``zELENSKIJ`` -> ``Zelenskij``; keeps the hyphenated parts capitalised."""
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


@lru_cache(maxsize=4096)
def russian(word: str) -> tuple[str, ...]:
    """One Russian word in every iuliia scheme."""
    import iuliia

    out: list[str] = []
    for name in iuliia.schemas.names():
        clean = _clean(iuliia.schemas.get(name).translate(word))
        if clean:
            out.append(_title(clean))
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=4096)
def ukrainian(word: str) -> tuple[str, ...]:
    """One Ukrainian word in every translitua table."""
    import translitua

    out: list[str] = []
    for table in translitua.ALL_UKRAINIAN:
        clean = _clean(translitua.translit(word, table))
        if clean:
            out.append(_title(clean))
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=4096)
def chinese(word: str) -> tuple[str, ...]:
    """One Chinese name part (a surname or a given name) as MT into English spells it.

    Pinyin (joined, hyphenated and spaced syllables), Wade-Giles, and Palladius Cyrillic
    romanised by every iuliia scheme (the Chinese -> Russian -> English route).
    """
    import pypinyin

    out: list[str] = []
    normal = pypinyin.lazy_pinyin(word)
    out += ["".join(normal), "-".join(normal), " ".join(normal)]
    wade = [s[0] for s in pypinyin.pinyin(word, style=pypinyin.Style.WADEGILES)]
    out += ["-".join(wade), "".join(wade)]
    cyr = "".join(s[0] for s in pypinyin.pinyin(word, style=pypinyin.Style.CYRILLIC))
    cyr = regex.sub(r"[0-9]", "", cyr)
    out += russian(cyr)
    result = []
    for w in out:
        clean = _clean(w)
        if clean:
            result.append(" ".join(_title(p) for p in clean.split(" ")))
    return tuple(dict.fromkeys(result))


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def word_variants(lang: str, word: str) -> tuple[str, ...]:
    """Every generated spelling of one native word (a name part)."""
    if lang == "ru":
        return russian(word)
    if lang == "uk":
        return ukrainian(word)
    if lang == "zh":
        return chinese(word)
    raise ValueError(f"no transliteration for language {lang!r} (known: {', '.join(LANGS)})")


def split_native(lang: str, native: str) -> list[str]:
    """Name parts of a native spelling: words, or for Chinese surname + given name.

    A Chinese name without spaces is read as a one-character surname and a given name
    (true of nearly every leader's name); write ``欧阳 修`` with a space for a two-character
    surname.
    """
    native = native.strip()
    if lang == "zh" and " " not in native and len(native) > 1:
        return [native[0], native[1:]]
    return native.split()


def part_variants(lang: str, native: str) -> list[tuple[str, ...]]:
    """For each name part of ``native``, its generated spellings."""
    return [word_variants(lang, part) for part in split_native(lang, native)]


def combos(parts: Iterable[Iterable[str]], limit: int = 400) -> list[str]:
    """Spellings of a whole name from the spellings of its parts (capped: it multiplies)."""
    result = [""]
    for options in parts:
        result = [f"{a} {b}".strip() for a in result for b in options][:limit]
    return result
