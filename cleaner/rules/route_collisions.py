"""Drop the Sino-Vietnamese route's spellings that would name someone or something else.

The route (``translit.sino_vietnamese``) reads a name in Chinese characters one syllable per
character, and Vietnamese has far fewer syllables than Chinese has characters: 李強 and 李剛
differ in Chinese and in pinyin but meet in few Vietnamese syllables, and a reading can be a
real Vietnamese person's name (the gazetteer's ``Pham Minh Chinh``) or a run of English words.
A route spelling is dropped from an entity when, compared without case or marks:

* another entity of the gazetteer has it as a name (canonical, short form, accepted, older
  spelling) or as a variant of its own (two people meeting on one reading: neither is
  repaired, as a Chinese family name alone never is);
* it is a phrase English text writes for itself (``english_phrase``: two common English
  words, no Vietnamese marks).

The route's spellings that stay are repaired only in an article about the person (it names
them or writes a ``context`` word: their country; ``Entity.evidence``): of the 416 without
marks, 126 open with a common Vietnamese family name (陳 Trần, 黃 Hoàng, 李 Lý, 吳 Ngô)
and 21 also have a common middle name (``Tran Duc Hoa``, ``Phan Van Trung``), which an
English article about Vietnam may write for a Vietnamese person.

Only the route's spellings are checked, so the other routes' outputs stay as they were.
Runs once per gazetteer build (whose result is stored on disk).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable

from cleaner.rules.entity import Entity, family_char
from cleaner.rules.translit import sino_vietnamese, strip_marks

# wordfreq Zipf: a word English text writes often enough that a run of them is English.
ORDINARY_ZIPF = 3.5


def _key(spelling: str) -> str:
    return " ".join(strip_marks(spelling).lower().replace("-", " ").split())


def english_phrase(spelling: str) -> bool:
    """A spelling English text could write for itself: no Vietnamese marks, at most two
    words, each a common English word (``Thai Ky`` for 蔡奇; ``Long An``). Vietnamese
    syllables are short and most are English words on their own (``Van``, ``Tai``,
    ``Dan``), but three of them in a row, capitalised, are a name and nothing else."""
    if not spelling.isascii():
        return False
    from wordfreq import zipf_frequency

    words = _key(spelling).split()
    return len(words) <= 2 and all(zipf_frequency(w, "en") >= ORDINARY_ZIPF for w in words)


def route_spellings(natives: Iterable[tuple[str, str]]) -> set[str]:
    """What the Sino-Vietnamese route makes of an entity's native names (``(lang, name)``;
    a Korean person's hanja is listed as ``zh``)."""
    return {s for lang, name in natives if lang in ("zh", "ja") for s in sino_vietnamese(name)}


def drop_route_collisions(
    entities: Iterable[Entity], routes: dict[str, set[str]]
) -> tuple[list[Entity], dict[str, int]]:
    """The entities without their colliding route spellings (``routes``: entity id -> its
    ``route_spellings``) and with the rest as ``evidence``, and how many were dropped for
    each reason (``name``: another entity's name or variant; ``english``)."""
    entities = list(entities)
    owners: dict[str, set[int]] = defaultdict(set)
    for i, e in enumerate(entities):
        names = (e.canonical, *e.short_forms, *e.accepted, *e.older, *e.variants, *e.evidence)
        for name in names:
            owners[_key(name)].add(i)
    counts = {"name": 0, "english": 0}
    out: list[Entity] = []
    for i, e in enumerate(entities):
        drop: set[str] = set()
        # The Sino-Vietnamese readings, and the own-family spellings ``to_entity`` marked.
        candidates = (routes.get(e.id, set()) & set(e.variants)) | set(e.evidence)
        for spelling in sorted(candidates):
            if owners[_key(spelling)] - {i}:
                counts["name"] += 1
                drop.add(spelling)
            elif english_phrase(spelling):
                counts["english"] += 1
                drop.add(spelling)
        kept = tuple(sorted(candidates - drop))
        if drop or kept != e.evidence:
            e = dataclasses.replace(
                e,
                variants=tuple(v for v in e.variants if v not in drop),
                fixes=tuple((s, t) for s, t in e.fixes if s not in drop),
                evidence=kept,
            )
        out.append(e)
    return out, counts


def drop_family_reading_collisions(
    entities: Iterable[Entity], listed: dict[str, set[str]] | None = None
) -> tuple[list[Entity], int]:
    """The entities without the generated spellings that are another person's name with the
    family name read another way, and how many were dropped. ``listed``: entity id -> the
    variants its rule lists by hand, which a newsroom wrote knowing its people, and which
    stay.

    One family character has many readings, and the gazetteer's spellings show them: 陳 is
    ``Chen``, ``Tran``, and ``Chin`` read in Japanese. A reading that two people's spellings
    give a character (the first word of a spelling of two words or more) is one a source may
    write for anyone of that family; written before a person's given name as English writes
    it, it names that person (``Chin Chu`` is Chen Chu, 陳菊). Sean Chen's (陳冲) Japanese
    reading is ``Chin Chu`` too, so the spelling is no longer his alone: neither is
    repaired, as two people meeting on one route spelling are not."""
    entities = list(entities)
    readers: dict[tuple[str, str], set[str]] = defaultdict(set)
    for e in entities:
        char = family_char(e)
        for v in e.variants if char else ():
            word = v.split()[0]
            if " " in v and word.isascii() and word.isalpha():
                readers[(char, word)].add(e.id)
    readings: dict[str, set[str]] = defaultdict(set)
    for (char, word), ids in readers.items():
        if len(ids) >= 2:
            readings[char].add(word)
    written: dict[str, set[str]] = defaultdict(set)
    for e in entities:
        char = family_char(e)
        own, *given = e.canonical.split()
        if char and given and e.surname in (None, own):
            for word in readings[char] - {own}:
                written[_key(" ".join([word, *given]))].add(e.canonical)
    dropped = 0
    out: list[Entity] = []
    for e in entities:
        # Owners by canonical: a newsroom's own record of a shipped person is that person.
        own = (listed or {}).get(e.id, set())
        drop = {
            v for v in e.variants if v not in own and written.get(_key(v), set()) - {e.canonical}
        }
        if drop:
            dropped += len(drop)
            e = dataclasses.replace(
                e,
                variants=tuple(v for v in e.variants if v not in drop),
                fixes=tuple((s, t) for s, t in e.fixes if s not in drop),
                evidence=tuple(s for s in e.evidence if s not in drop),
            )
        out.append(e)
    return out, dropped
