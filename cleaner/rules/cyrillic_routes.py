"""What the routes through Russian and Ukrainian share (``japanese_cyrillic``,
``korean_cyrillic``).

Russian writes a foreign name by a system per source language (Polivanov's for Japanese,
Kontsevich's for Korean); Ukrainian writes the same Cyrillic with its own letters; MT then
romanises that Cyrillic by whatever scheme it learnt. The systems differ, the last two steps
do not: they are here, once.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Callable, Iterable, Sequence

from cleaner.rules.entity import Entity
from cleaner.rules.translit import by_scheme

Table = Sequence[tuple[str, Sequence[str]]]


def plain(word: str) -> str:
    """``Jun'ichirō`` -> ``jun'ichiro``: lower case, marks off, a typographic apostrophe as
    ``'``, so a route spelling that only drops a macron is the name itself."""
    bare = unicodedata.normalize("NFKD", word.replace("\u2019", "'").lower())
    return "".join(c for c in bare if not unicodedata.combining(c))


def to_ukrainian(cyrillic: str, rules: Table) -> str:
    """A Russian spelling as a Ukrainian source writes the name (``cyrillic-ukrainian``:
    ``кисида`` -> ``кісіда``, ``такаити`` -> ``такаїті``, ``ын`` -> ``ин``)."""
    import regex

    for pattern, values in rules:
        cyrillic = regex.sub(pattern, values[0] if values else "", cyrillic)
    return cyrillic


def romanised(
    russian: Sequence[str], canonical: str, ukrainian: Table = (), syllables: bool = False
) -> dict[str, str]:
    """A name's Russian words (and, given ``ukrainian``, its Ukrainian ones) in every
    ``iuliia`` scheme (every ``translitua`` table), each with what it becomes (``canonical``).
    All words in one scheme (an engine romanises a name one way: ``Yosikhide Suga``,
    ``Esikhide Suga``, never a mix), without the spellings that are the name itself (``Taro
    Kono`` is ``Таро Коно`` and back). ``syllables``: each word is a syllable (a Korean
    name), so a word of one letter is one (``У Вон Сик``)."""
    variants = [(list(russian), "ru")]
    if ukrainian:
        variants.append(([to_ukrainian(w, ukrainian) for w in russian], "uk"))
    own = [plain(w) for w in canonical.replace("-", " ").split()]
    out: dict[str, str] = {}
    for words, lang in variants:
        for forms in zip(*(by_scheme(w, lang, syllables) for w in words), strict=True):
            names = [f for f in forms if f]
            if len(names) == len(forms) and [plain(f) for f in names] != own:
                out.setdefault(" ".join(names), canonical)
    return out


def add_spellings(
    entities: Iterable[Entity], spell: Callable[[Entity], dict[str, str]]
) -> tuple[list[Entity], dict[str, set[str]]]:
    """Each entity with what ``spell`` gives it as variants (a spelling it already has is left
    as it is), and those spellings by entity id, for
    ``route_collisions.drop_route_collisions`` to guard as it guards the other routes'."""
    out: list[Entity] = []
    added: dict[str, set[str]] = {}
    for e in entities:
        known = {*e.variants, *e.names}
        new = {s: t for s, t in spell(e).items() if s not in known}
        if new:
            e = dataclasses.replace(
                e,
                variants=(*e.variants, *new),
                fixes=(*e.fixes, *new.items()),
                through_cyrillic=(*e.through_cyrillic, *new),
            )
            added[e.id] = set(new)
        out.append(e)
    return out, added
