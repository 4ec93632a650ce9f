"""Japanese names through Russian and Ukrainian (``rules/words/japanese_cyrillic.yaml``).

A Russian source writes a Japanese name by Polivanov's syllable table (``Кисида``,
``Такаити``, ``Синдзо Абэ``) and MT romanises the Cyrillic again by whatever scheme it
learnt: ``Fumio Kisida``, ``Sanae Takaiti``, ``Sindzo Abe``, ``Yosikhide Suga``. A Ukrainian
source writes the same syllables with its own letters (``Кісіда``, ``Такаїті``), and its
national tables read г as h (``Siheru Isiba``). News about Japan's leaders reaches English
this way, and the name's letters are lost the same way in every name, so the route needs no
data per person: each Japanese person's English (Hepburn) name is read through the table,
then through every ``iuliia`` scheme and ``translitua`` table, when the gazetteer is built.

A spelling is a whole name in the English name's order (Russian and Ukrainian write a
Japanese name given name first, as English does). It joins the person's variants as the
other pivot routes' spellings do, and the Sino-Vietnamese route's guard decides it
(``route_collisions``): dropped where another entity has it as a name or variant, or where
English could write it for itself; repaired in an article about the person (it names them,
Japan or a word of their context), a suggestion elsewhere.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from cleaner.rules.cyrillic_routes import Table, add_spellings, plain, romanised
from cleaner.rules.entity import Entity, japanese


@lru_cache(maxsize=8)
def _syllables(table: Table) -> tuple[dict[str, str], int]:
    """The table as syllable -> Cyrillic, and its longest syllable: read once per table, not
    once per name word."""
    syllables = {key: values[0] for key, values in table if values}
    return syllables, max(map(len, syllables), default=0)


def to_cyrillic(word: str, table: Table) -> str | None:
    """A Hepburn name word in Polivanov Cyrillic (``Kishida`` -> ``кисида``), or ``None``
    when it does not read wholly as the table's syllables (no Japanese word). Read from the
    left, the longest syllable first; a doubled consonant doubles the next syllable's first
    letter (``Bessho`` -> ``бэссё``, ``tch`` too). Everything else is the table's (``kei``:
    ``кэй``, Keiko: Кэйко)."""
    syllables, longest = _syllables(tuple(table))
    text, out, i = plain(word), [], 0
    doubled = False  # a doubled consonant (Bessho, Hattori, Matcha) doubles the next letter
    while i < len(text):
        after = text[i + 1 : i + 2]
        if text[i] not in "aiueon'" and after and after in (text[i], "c" * (text[i] == "t")):
            doubled, i = True, i + 1
            continue
        for size in range(min(longest, len(text) - i), 0, -1):
            found = syllables.get(text[i : i + size])
            if found is not None:
                out.append(found[0] * doubled + found)
                doubled, i = False, i + size
                break
        else:
            return None
    return "".join(out) or None


def route_names(canonical: str, table: Table, ukrainian: Table = ()) -> dict[str, str]:
    """The whole-name spellings of a Japanese person's English name through Russian (and,
    given ``ukrainian``, through Ukrainian), each with what it becomes (the name). In the
    English name's order: Russian and Ukrainian text write a Japanese name given name
    first (``Фумио Кисида``), as English does. Both words in one scheme (an engine
    romanises a name one way: ``Yosikhide Suga``, ``Esikhide Suga``, never a mix), without
    the spellings that are the name itself (``Taro Kono`` is ``Таро Коно`` and back)."""
    words = canonical.split()
    if len(words) != 2:
        return {}
    first, last = (to_cyrillic(w, table) for w in words)
    if first is None or last is None:
        return {}
    return romanised([first, last], canonical, ukrainian)


def japanese_person(e: Entity) -> bool:
    """A Japanese person (``entity.japanese``: Japan is their country) whose native name is
    no Korean one: a Korean of Japan (a Hangul name) is romanised from Korean, not Hepburn."""
    if e.kind != "person" or not japanese(e):
        return False
    native = e.native or ""
    hangul = any(unicodedata.name(c, "").startswith("HANGUL") for c in native)
    return not hangul


def add_cyrillic_routes(
    entities: Iterable[Entity], table: Table, ukrainian: Table = ()
) -> tuple[list[Entity], dict[str, set[str]]]:
    """Each Japanese person with their spellings through Russian and Ukrainian as variants,
    and those spellings by entity id (``cyrillic_routes.add_spellings``)."""

    def spell(e: Entity) -> dict[str, str]:
        if not table or not japanese_person(e):
            return {}
        return route_names(e.canonical, table, ukrainian)

    return add_spellings(entities, spell)
