"""A small hand-built gazetteer for the detector tests: only canonical names, short forms,
accepted spellings, context and gender; no garbled variants, so whatever the detectors find
they find from the canonical names alone."""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.detectors import Hit
from cleaner.detectors.names import NameIndex
from cleaner.rules.entity import Entity

ENTITIES: tuple[Entity, ...] = (
    Entity(
        "fico",
        "Robert Fico",
        "person",
        short_forms=("Fico",),
        context=("Slovakia", "Bratislava"),
        gender="male",
        first_name="Robert",
        titles=("Prime Minister", "Slovak Prime Minister"),
    ),
    Entity(
        "scholz",
        "Olaf Scholz",
        "person",
        short_forms=("Scholz",),
        context=("Germany", "Berlin", "chancellor"),
        gender="male",
        first_name="Olaf",
        titles=("Chancellor", "German Chancellor"),
    ),
    Entity(
        "zelensky",
        "Volodymyr Zelensky",
        "person",
        short_forms=("Zelensky",),
        accepted=("Zelenskyy", "Volodymyr Zelenskyy"),
        context=("Ukraine", "Kyiv"),
        gender="male",
        first_name="Volodymyr",
        titles=("President", "Ukrainian President"),
    ),
    Entity(
        "putin",
        "Vladimir Putin",
        "person",
        short_forms=("Putin",),
        context=("Russia", "Kremlin", "Moscow"),
        gender="male",
        first_name="Vladimir",
        titles=("President", "Russian President"),
    ),
    Entity(
        "macron",
        "Emmanuel Macron",
        "person",
        short_forms=("Macron",),
        context=("France", "Paris", "Elysee"),
        gender="male",
        first_name="Emmanuel",
        titles=("President", "French President"),
    ),
    Entity(
        "peskov",
        "Dmitry Peskov",
        "person",
        short_forms=("Peskov",),
        accepted=("Dmitri Peskov",),
        context=("Kremlin", "spokesman"),
        gender="male",
        first_name="Dmitry",
    ),
    Entity(
        "meloni",
        "Giorgia Meloni",
        "person",
        short_forms=("Meloni",),
        context=("Italy", "Rome"),
        gender="female",
        first_name="Giorgia",
        titles=("Prime Minister", "Italian Prime Minister"),
    ),
    Entity(
        "xi",
        "Xi Jinping",
        "person",
        short_forms=("Xi",),
        variants=("Si", "SI", "XI"),
        context=("China", "Chinese", "Beijing"),
        gender="male",
    ),
    Entity(
        "grushko",
        "Alexander Grushko",
        "person",
        short_forms=("Grushko",),
        context=("NATO", "deputy foreign minister"),
        gender="male",
        first_name="Alexander",
    ),
    Entity("kremlin", "Kremlin", "organisation"),
    Entity("china", "China", "place"),
    Entity("moscow", "Moscow", "place"),
    Entity("kyiv", "Kyiv", "place", accepted=("Kiev",)),
    Entity("berdyansk", "Berdyansk", "place", context=("Kyiv", "Ukraine")),
    Entity("ukraine", "Ukraine", "place"),
    Entity("beijing", "Beijing", "place"),
)

INDEX = NameIndex.build(ENTITIES)


def found(hits: Sequence[Hit], text: str) -> list[str]:
    """The text each hit covers, for readable assertions."""
    return [text[h.start : h.end] for h in hits]


def reported_not_rewritten(text: str, rule: str) -> list[str]:
    """What ``rule`` reports on ``text`` through the whole pipeline and the shipped
    gazetteer, asserting that neither the default nor ``--unsafe-fixes`` changes a word: a
    name in another spelling is a finding for a person to judge, never a rewrite."""
    from cleaner import clean_text
    from cleaner.config import Config

    reported = []
    for config in (Config(), Config(unsafe_fixes=True)):
        result = clean_text(text, config)
        assert result.text == text
        reported.append([text[f.start : f.end] for f in result.findings if f.rule == rule])
    assert reported[0] == reported[1]
    return reported[0]
