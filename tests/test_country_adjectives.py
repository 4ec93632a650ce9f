"""A role written with its country's adjective (``country-adjectives``, NE913's role reading).

"Chinese Premier" names the People's Republic's premier as "China's Premier" does. The role
reading matches a country word by its first five letters ("Korean", "Russian"), which
misses adjectives that do not start like their country; rules/words/countries.yaml lists
those, and every entry is run here: with it the role reads, without it it does not.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from cleaner import Config, clean_text
from cleaner.detectors import confirm
from cleaner.detectors.names import NameIndex
from cleaner.rules.entity import Entity
from cleaner.rules.rulebook import load_lexicon
from cleaner.textview import as_view

LEXICON = load_lexicon(Config())
ENTRIES = [(a, countries[0]) for a, countries in LEXICON.table("country-adjectives")]
WITHOUT = replace(
    LEXICON, tables={k: v for k, v in LEXICON.tables.items() if k != "country-adjectives"}
)


def _reads_role(
    adjective: str, person: Entity, lexicon: object = LEXICON, office: str = "Prime Minister"
) -> bool:
    index = NameIndex.build((person,), lexicon)  # type: ignore[arg-type]
    view = as_view(f"The {adjective} {office} Xolanzo spoke on Monday.")
    i = next(k for k, t in enumerate(view.tokens) if t.text == "Xolanzo")
    return confirm._role_adjacent(view.text, view.tokens, i, person, index)


@pytest.mark.parametrize(("adjective", "country"), ENTRIES)
def test_every_adjective_reads_as_its_country_and_is_needed(adjective: str, country: str) -> None:
    person = Entity(
        "p", "Anna Xolanzo", "person", surname="Xolanzo",
        titles=(f"Prime Minister of {country}",), context=(country,),
    )  # fmt: skip
    assert _reads_role(adjective, person)
    assert not _reads_role(adjective, person, WITHOUT)  # the five letters alone miss it


def test_a_hand_written_person_s_country_is_the_place_the_title_ends_in() -> None:
    person = Entity(
        "p", "Anna Xolanzo", "person", surname="Xolanzo",
        titles=("Premier of the People's Republic of China",),
    )  # fmt: skip
    assert confirm.country_adjectives(person, NameIndex.build((person,), LEXICON)) == {"chinese"}
    assert _reads_role("Chinese", person, office="Premier")
    assert not _reads_role("Chinese", person, WITHOUT, office="Premier")


def test_chinese_is_no_adjective_of_taiwan() -> None:
    # Taiwan's office is styled "President of the Republic of China"; "Chinese President"
    # is the People's Republic's.
    tsai = Entity(
        "tsai", "Tsai Ing-wen", "person", surname="Tsai",
        titles=("President of Taiwan", "President of the Republic of China"),
        context=("Taiwan",),
    )  # fmt: skip
    assert confirm.country_adjectives(tsai, NameIndex.build((tsai,), LEXICON)) == frozenset()
    text = "Chinese President Tsai Ingwen spoke.\n"
    assert clean_text(text, Config(grammar="none")).text == text


@pytest.mark.parametrize(
    ("role", "written", "want"),
    [
        ("Chinese Premier", "Li Qaing", "Li Qiang"),
        ("British Prime Minister", "Starmar", "Starmer"),
    ],
)
def test_the_shipped_gazetteer_reads_a_role_with_an_adjective(
    role: str, written: str, want: str
) -> None:
    text = f"{role} {written} said the talks were useful.\n"
    assert clean_text(text, Config(grammar="none")).text == text.replace(written, want)
