"""A family name alone as a source in Chinese characters reads it (NE906, NE913).

News names a leader in full once and by family name from then on (``Japanese Prime
Minister Kishida``). A Chinese source writes that family name in characters (岸田, 尹, 蔡) and
MT reads them as pinyin, so the English comes back ``Japanese Prime Minister Antian``,
``Taiwanese President Cai``; a Vietnamese source reads the same characters the
Sino-Vietnamese way (``Chinese President Tap`` for Xi). The gazetteer's generated whole-name
spellings (``cleaner.rules.translit``: ``Antian Wenxiong``, ``Tap Can Binh``, ``Cai Yingwen``)
already hold these readings as their first word; ``generated_family_words`` reads them off,
once, from what the gazetteer stores. A Korean person's family syllable reads as NE914's
``korean-family-readings`` say (윤 -> ``yin``, 최 -> ``cui``): a name in Hangul alone has
no reading generated, only romanisations (``Choe Sang-mok``).

One word is no name by itself (``Cai`` is a billion people's), so two rules ask for more:
NE906 for the same word opening a two-word name earlier in the article, NE913
(``route_fold._family_after_role``) for the role of exactly one family name's bearers right
before the word. For NE913 a reading is dropped where it may be the person's own people's
name: a family name some gazetteer person of the same country writes (a Japanese ``Kan`` is
Naoto Kan, not Suga's 菅 read in Japanese), and, for a Korean, any word that romanises a
Hangul syllable (``Jin``: 진 is a family name too; ``Yun`` is Yoon's own).
"""

from __future__ import annotations

from collections.abc import Iterator

from cleaner.detectors.names import NameIndex, east_asian, fold, home_words, spelling_similarity
from cleaner.rules.entity import Entity

# A reading -> the titled people whose family name it may be, each with the spelling the
# reading is repaired to and the source that reads it so.
Readings = dict[str, tuple[tuple[Entity, str, str], ...]]
CHARACTERS = "a source in Chinese characters"
CYRILLIC = "a Russian or Ukrainian source"
ROMANISED = "another romanisation of the Korean name"
# How alike a word and a given name are when a reordered spelling puts the given name
# first ("Yoshihide Kan"): such a first word is no family name.
NAME_LIKE = 0.8
# The most pinyin readings of a Korean family syllable taken.
MAX_READINGS = 4


def generated_family_words(e: Entity) -> Iterator[str]:
    """The first words of a person's generated spellings that put the family name first:
    ``Yin`` of ``Yin Xiyue`` (Yoon Suk Yeol), ``Antian`` of ``Antian Wenxiong`` (Fumio
    Kishida, whose English name is given name first). Only a person whose native form puts
    the family name first (a name in Chinese, Korean or Japanese script, or an English name
    written family name first). Not, in a name written given name first, a word spelt like
    the given name or before one spelt like the family name (a garbled given name:
    ``Toshikazu Suzuki``); nor a spelling the routes through Cyrillic made (``Khvan Y
    Don``: Cyrillic letters, no reading of the characters)."""
    if e.kind != "person" or not e.surname:
        return
    family_first = e.canonical.startswith(e.surname + " ")
    if not family_first and not any(east_asian(c) for c in e.native or ""):
        return
    given = e.canonical.removesuffix(" " + e.surname).split()[0]
    cyrillic = set(e.through_cyrillic)
    for spelling, target in e.fixes:
        words = spelling.split()
        if spelling in cyrillic:
            continue  # a family name as Cyrillic wrote it (Khvan) reads no character
        if len(words) < 2 or (family_first and not target.startswith(e.surname + " ")):
            continue
        family = words[0]
        if family == e.surname or not family.isalpha():
            continue
        if not family[0].isupper() or not family[1:].islower():
            continue
        if not family_first and (
            spelling_similarity(family, given) >= NAME_LIKE
            or any(spelling_similarity(w, e.surname) >= NAME_LIKE for w in words[1:])
        ):
            continue  # the given name first: "Yoshihide Kan", "Toshikazu Suzuki"
        yield family


def cyrillic_family_words(e: Entity) -> Iterator[str]:
    """The family name as the routes through Russian and Ukrainian wrote it: ``Kisi`` of
    ``Nobuo Kisi`` (Nobuo Kishi; a Japanese name, given name first as Russian writes it),
    ``Tsoj`` of ``Tsoj San Mok`` (Choi Sang-mok; a Korean one, family name first). Where it
    stands is read off the name the spelling is repaired to, not the person's country (a
    Japanese ambassador to Seoul is written as a Japanese name)."""
    if e.kind != "person" or not e.surname:
        return
    targets = dict(e.fixes)
    for spelling in e.through_cyrillic:
        family = family_word(spelling.split(), targets.get(spelling, e.canonical), e.surname)
        if family and family != e.surname and family.isalpha() and family.istitle():
            yield family


def family_word(parts: list[str], name: str, surname: str) -> str | None:
    """Where a garble's family name stands: first when the name it is repaired to opens
    with the family name (``Yin`` of ``Yin Xiyue`` -> Yoon Suk Yeol; ``Kan`` of ``Kan
    Yoshihide`` -> Suga Yoshihide), last when that name closes with it (``Takaiti`` of
    ``Sanae Takaiti`` -> Sanae Takaichi); a garble of two or three words."""
    if len(parts) not in (2, 3):
        return None
    if name.startswith(surname + " "):
        return parts[0]
    if name.endswith(" " + surname):
        return parts[-1]
    return None


def after_role_table(index: NameIndex) -> Readings:
    """Every titled person's family-name readings (generated, or a Korean name's through
    NE914's tables; and as Russian or Ukrainian wrote it), each -> the people it may stand
    for; not a reading the person's own country writes as a family name, nor, for a Korean,
    a romanised Hangul syllable other than their own family name's (``Jin`` is 진, not Kim's
    김; ``Mun``, Moon's 문 as Russian and McCune-Reischauer write it, is Moon's)."""
    from cleaner.detectors import korean_pinyin

    table: dict[str, dict[str, tuple[Entity, str, str]]] = {}
    tables = korean_pinyin.tables_of(index)
    shapes = {e.id: shape[0] for e, shape in korean_pinyin.korean_people(index)}
    for e in index.entities:
        if e.kind != "person" or not e.titles or not e.surname or len(e.canonical.split()) < 2:
            continue
        readings = dict.fromkeys((fold(w) for w in generated_family_words(e)), CHARACTERS)
        # A Korean's family syllable as Chinese reads it (최 -> cui, 박 -> piao): a name in
        # Hangul has generated spellings too, but they romanise it (Choe, Bak), no reading.
        for reading in sorted(shapes.get(e.id, ()))[:MAX_READINGS]:
            readings.setdefault(reading, CHARACTERS)
        for w in cyrillic_family_words(e):
            readings.setdefault(fold(w), CYRILLIC)
        is_korean = korean_pinyin.korean_person(e, index)
        for reading, source in readings.items():
            if not foreign_reading(reading, e, index):
                continue
            if is_korean and tables.hangul(reading):
                source = ROMANISED
            table.setdefault(reading, {})[e.id] = (e, e.surname, source)
    return {k: tuple(v.values()) for k, v in table.items()}


def foreign_reading(word: str, e: Entity, index: NameIndex) -> bool:
    """Whether ``word`` may be how a source in another script read ``e``'s family name, not
    a name of their own people: no family name a gazetteer person of their country writes
    (a Japanese ``Kan`` is Naoto Kan, not Suga's 菅 read in Japanese; a Taiwanese ``Gou``
    is Terry Gou, not Wu through Greek), and, for a Korean, no romanised Hangul syllable
    other than their own family name's (``Jin`` is 진, not Kim's 김; ``Yun`` is Yoon's own
    윤)."""
    from cleaner.detectors import korean_pinyin

    reading = fold(word)
    if reading == fold(e.surname or ""):
        return False
    written = index.derived("own_families", own_families)
    if any(reading in written.get(c, ()) for c in home_words(e, index)):
        return False
    if not korean_pinyin.korean_person(e, index):
        return True
    tables = korean_pinyin.tables_of(index)
    syllables = tables.hangul(reading)
    return not syllables or bool(syllables & tables.hangul(e.surname or ""))


def own_families(index: NameIndex) -> dict[str, frozenset[str]]:
    """Per country (``names.home_words``: a person's ``context`` words and the place a
    title ends in, so a hand-written person without ``context`` counts too), the family
    names its gazetteer people write, folded."""
    out: dict[str, set[str]] = {}
    for e in index.entities:
        if e.kind != "person":
            continue
        family = fold(e.surname or e.canonical.split()[-1])
        for c in home_words(e, index):
            out.setdefault(c, set()).add(family)
    return {k: frozenset(v) for k, v in out.items()}


def after_role(word: str, index: NameIndex) -> tuple[tuple[Entity, str, str], ...]:
    """The titled people whose family name ``word`` may be a reading of (``Antian``:
    Kishida; ``Kisi``: Kishi), with the source that reads it so, for NE913 to choose from
    by the role before it."""
    return index.derived("family_readings_after_role", after_role_table).get(fold(word), ())
