"""Political parties in the gazetteer (`rules/entities/wikidata/parties.yaml`, made by
`tools/build_parties.py` from Party Facts and `cleaner gazetteer import`): a party's name is a
correct name and a target for near misses, and the import makes no common English word a
name word the detectors read (they would then read a stray capital ``We`` as part of a
name): the name index keeps an organisation's common words out."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.gazetteer_files import new_common_words_of, reported, shipped_rules

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

from build_parties import (
    described,
    new_common_words,
    one_word_english,
    title_of,
    wanted,
)


def _shipped() -> list[dict]:
    return shipped_rules("parties.yaml")


def test_the_english_name_is_the_english_wikipedia_title() -> None:
    assert title_of("https://en.wikipedia.org/wiki/Bharatiya_Janata_Party") == (
        "Bharatiya Janata Party"
    )
    assert title_of("https://en.wikipedia.org/wiki/Fidesz%E2%80%93KDNP") == "Fidesz–KDNP"
    assert title_of("https://de.wikipedia.org/wiki/Die_Linke") is None
    assert title_of("") is None


def test_only_current_national_parties_of_the_countries_with_a_share() -> None:
    row = {"country": "IND", "year_last": "", "technical": "", "share": "25.6"}
    assert wanted(row)
    assert not wanted({**row, "year_last": "1977"})  # dissolved
    assert not wanted({**row, "technical": "1"})  # "other parties", an alliance of lists
    assert not wanted({**row, "share": "1.2"})  # never a national force
    assert not wanted({**row, "country": "NZL"})  # neither G20 nor a cabinet we hold


@pytest.mark.parametrize(
    ("name", "left_out"),
    [
        ("Centre-right coalition", True),  # a description of an alliance, not its name
        ("Romanian ethnic minorities parties", True),
        ("Law and Justice", False),  # grammar words are parts of names
        ("Laban ng Demokratikong Pilipino", False),  # another language's words
        ("Miljöpartiet de Gröna", False),
        ("People's Movement against the EU", False),
    ],
)
def test_a_description_is_no_name(name: str, left_out: bool) -> None:
    assert described(name) is left_out


def test_a_one_word_name_english_has_or_a_countrys_is_left_out() -> None:
    assert one_word_english("Change", set())
    assert one_word_english("Israel", {"Israel"})
    assert one_word_english("Qatarstan", {"Qatarstan"})  # a country's name, English or not
    assert not one_word_english("Fidesz", {"Hungary"})
    assert not one_word_english("Bharatiya Janata Party", set())


def test_a_name_that_would_make_a_common_word_a_name_word_is_found() -> None:
    assert new_common_words("We Are Family", frozenset()) == ["We", "Are", "Family"]
    assert new_common_words("We Are Family", frozenset({"we", "are", "family"})) == []
    assert new_common_words("Bharatiya Janata Party", frozenset({"party"})) == []


def test_no_shipped_party_makes_a_common_word_a_name_word() -> None:
    """What the name index guarantees (an organisation's common words are no name words),
    checked on the file itself: `We Are Family`, `For the People`, `Our Ukraine` are in
    since session 12, and their `We`, `For`, `Our` are still no name words."""
    rules = _shipped()
    assert new_common_words_of(rules, [r["canonical"] for r in rules]) == {}


def test_the_parties_are_organisations_with_their_country() -> None:
    rules = _shipped()
    assert len(rules) >= 200
    assert all(r["kind"] == "organisation" and r.get("context") for r in rules)
    by_name = {r["canonical"]: r for r in rules}
    assert by_name["Bharatiya Janata Party"]["context"] == ["India"]
    # Of two parties with one English name, the larger one's country.
    assert by_name["Democratic Progressive Party"]["context"] == ["Taiwan"]


def test_a_near_miss_of_a_party_is_found_where_its_country_is_named() -> None:
    found = reported("In Budapest, the Fidess party won the vote in Hungary, Viktor Orban said.\n")
    assert found.get("NE901") == ["Fidess"]


def test_a_partys_lost_possessive_is_found() -> None:
    found = reported("The Bharatiya Janata Partys manifesto was published in India.\n")
    assert "Bharatiya Janata Partys" in found.get("NE-Q10230", [])


def test_prose_and_stray_capitals_are_read_as_before() -> None:
    """Lower-case party-like words are prose, and a stray capital `We` is still one."""
    text = (
        "He said the democratic party and the labour party would vote for the people of"
        " Ohio. Talks stalled and people will lose faith in the future [...] We have to put"
        " aside differences.\n"
    )
    found = reported(text)
    assert found.get("MT901") == ["We"]
    assert not [code for code in found if code.startswith("NE")]
