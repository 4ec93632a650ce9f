"""MT912: a person's name left at the end of a clause after a place, their role earlier in
the sentence (a Slavic source's subject after the verb). A hand-built gazetteer."""

from __future__ import annotations

import pytest

from cleaner.detectors import postposed_name
from cleaner.detectors.names import NameIndex
from cleaner.model import FixSafety
from cleaner.rules.entity import Entity
from tests.detector_entities import ENTITIES

PEOPLE = (
    Entity(
        "steinmeier",
        "Frank-Walter Steinmeier",
        "person",
        surname="Steinmeier",
        titles=("President of Germany",),
        context=("Germany",),
        gender="male",
    ),
    Entity(
        "cooper",
        "Yvette Cooper",
        "person",
        surname="Cooper",
        titles=("Foreign Secretary of the United Kingdom",),
        context=("United Kingdom",),
        gender="female",
    ),
    Entity(
        "klobuchar",
        "Amy Klobuchar",
        "person",
        surname="Klobuchar",
        titles=("Senate Democratic Steering Committee Chair of the United States",),
        context=("United States of America",),
        gender="female",
    ),
    Entity("germany", "Germany", "place"),
)
INDEX = NameIndex.build((*ENTITIES, *PEOPLE))


def flagged(text: str) -> list[str]:
    hits = postposed_name.detect(text, INDEX)
    assert all(h.fix is FixSafety.NONE and not h.suggestions for h in hits)
    return [text[h.start : h.end] for h in hits]


@pytest.mark.parametrize(
    "text",
    [
        # Real-MT dev set (a Ukrainian source), the clause going on after the name.
        "In mid-April, the President of Germany wanted to come to Kyiv Frank-Walter "
        "Steinmeier, but the Ukrainian authorities canceled the reception.",
        "The German president arrived in Kyiv Frank-Walter Steinmeier.",
        # Her role in a translation's words (title-equivalents: secretary -> minister).
        "The British Foreign Minister flew to Kyiv Yvette Cooper.",
    ],
)
def test_a_name_after_a_place_with_its_role_earlier_is_flagged(text: str) -> None:
    assert len(flagged(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        # The name beside its role, or after a preposition that takes it.
        "The President of Germany Frank-Walter Steinmeier wanted to come to Kyiv.",
        "The German president handed the award in Kyiv to Frank-Walter Steinmeier.",
        # Someone else's role: the name is the object ("met in Kyiv" a translation's order).
        "The President of Ukraine met in Kyiv Frank-Walter Steinmeier.",
        # Another country's office with words of her title is no role of hers.
        "The Minister of Foreign Affairs of Germany flew to Kyiv Yvette Cooper.",
        # The role runs into its place (Wikinews, with the import's title for her).
        "Support for mail-in voting also came from United States Senator from Minnesota "
        "Amy Klobuchar.",
        # The name does not close the clause.
        "The President of Germany said in Kyiv Frank-Walter Steinmeier's visit was over.",
        # No role before it in this sentence.
        "The President of Germany spoke. Officials waited in Kyiv Frank-Walter Steinmeier.",
    ],
)
def test_a_name_with_its_role_or_someone_elses_role_is_not_flagged(text: str) -> None:
    assert flagged(text) == []


def test_an_office_many_countries_have_is_theirs_only_with_their_country() -> None:
    # Four ministers of culture of four countries: "the Minister of Culture" alone names
    # none of them, "the Finnish Minister of Culture" one.
    ministers = tuple(
        Entity(
            f"culture{n}",
            name,
            "person",
            surname=name.split()[-1],
            titles=(f"Minister of Culture of {country}",),
            context=(country,),
            gender="male",
        )
        for n, (name, country) in enumerate(
            [
                ("Petri Honkonen", "Finland"),
                ("Jan Novak", "Czech Republic"),
                ("Marco Rossi", "Italy"),
                ("Pedro Alves", "Portugal"),
            ]
        )
    )
    places = tuple(
        Entity(c, c, "place") for c in ("Finland", "Czech Republic", "Italy", "Portugal")
    )
    index = NameIndex.build((*ENTITIES, *ministers, *places))
    bare = "The Minister of Culture wanted to come to Kyiv Petri Honkonen, but it was cancelled."
    assert postposed_name.detect(bare, index) == []
    named = bare.replace("The Minister of Culture", "The Minister of Culture of Finland")
    assert len(postposed_name.detect(named, index)) == 1
