"""The importer's family name of an East Asian person with no Chinese, Korean or Japanese
label (``cleaner.gazetteer.family``): the first word where the name's shape says it is
written family name first, else nothing (the last word stays). Names are of the shapes
Wikidata's English labels have; each entry of ``family-first-countries`` is run."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from cleaner.detectors import confirm
from cleaner.detectors.names import NameIndex, family_name, romanised_whole
from cleaner.gazetteer.emit import rule_of
from cleaner.gazetteer.family import family_first
from cleaner.gazetteer.wikidata import Record
from cleaner.rules.entity import Entity
from cleaner.rules.loader import parse_common
from cleaner.rules.types.entity import EntityRule

INDEX = NameIndex.build(())
PRC = "People's Republic of China"


@pytest.mark.parametrize(
    ("name", "country", "family"),
    [
        # Two Mandarin syllables: the People's Republic writes its officials family first.
        ("Han Changfu", PRC, "Han"),
        ("Wang Yang", PRC, "Wang"),
        ("Chang Wanquan", "China", "Chang"),
        # A hyphenated given name second.
        ("Hsieh Chang-ting", "Taiwan", "Hsieh"),
        ("Tam Yiu-chung", "Hong Kong", "Tam"),
        ("Chui Sai-on", "Macau", "Chui"),
        ("Park Won-soon", "South Korea", "Park"),
        ("Pak Pong-ju", "North Korea", "Pak"),
        ("Boo Suk-jong", "South Korea", "Boo"),  # a family name the Korean tables lack
        ("Tan Chuan-Jin", "Singapore", "Tan"),
        # Three short words, a Chinese name as Singapore and Hong Kong write it.
        ("Teo Chee Hean", "Singapore", "Teo"),
        # Korean: the first word may be a family name and the last may not.
        ("Kim Woo Sik", "South Korea", "Kim"),
        ("Song Minsoon", "South Korea", "Song"),
        # Two words that both may be a Korean family name: a one-syllable given name (a
        # Korean's name in English is family name first; Park Jin's was read as Jin, and
        # Piao, 朴 in pinyin, after his office was repaired to "Jin").
        ("Park Jin", "South Korea", "Park"),
        ("Oh Myung", "South Korea", "Oh"),
        # A hyphenated given name whose second syllable is one letter (형오, Hyŏng-o).
        ("Kim Hyŏng-o", "South Korea", "Kim"),
    ],
)
def test_a_name_written_family_name_first_gives_its_first_word(
    name: str, country: str, family: str
) -> None:
    assert family_first(name, [country], INDEX) == family


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Lawrence Wong", "Singapore"),  # an English given name first
        ("Grace Fu", "Taiwan"),
        ("Richard Hu", PRC),
        ("Tony Tan Keng Yam", "Singapore"),  # four words: an English name and a Chinese one
        ("Hee-Jung Ahn", "South Korea"),  # a hyphenated given name first: English order
        ("Seongtae Lee", "South Korea"),  # the last word, not the first, a family name
        ("Jong Ho Lee", "South Korea"),  # both may be: undecided
        ("Padma Choling", PRC),  # a Tibetan name: no Mandarin syllable
        ("S. R. Nathan", "Singapore"),
        ("Halimah Yacob", "Singapore"),
        ("Han Changfu", "Vietnam"),  # not a country of family-first-countries
        ("Wei Fenghe", "Mongolia"),
    ],
)
def test_any_other_shape_decides_nothing(name: str, country: str) -> None:
    assert family_first(name, [country], INDEX) is None


def test_two_syllables_outside_the_peoples_republic_decide_nothing() -> None:
    # "Lu Hao" in the People's Republic; in Taiwan or Singapore an English label may put a
    # one-syllable given name first, so only a longer given name decides there.
    assert family_first("Lu Hao", [PRC], INDEX) == "Lu"
    assert family_first("Lu Hao", ["Taiwan"], INDEX) is None
    assert family_first("Lu Xiaoming", ["Taiwan"], INDEX) == "Lu"


def test_every_two_syllable_country_is_read() -> None:
    countries = INDEX.lexicon.words("two-syllable-family-first-countries")
    assert countries
    for country in countries:
        assert family_first("Lu Hao", [country.title()], INDEX) == "Lu", country


def test_every_family_first_country_is_read() -> None:
    countries = INDEX.lexicon.words("family-first-countries")
    assert len(countries) == 8
    for country in countries:
        assert family_first("Park Won-soon", [country.title()], INDEX) == "Park", country
    bare = dataclasses.replace(
        INDEX.lexicon, lists={**INDEX.lexicon.lists, "family-first-countries": ()}
    )
    assert family_first("Park Won-soon", ["South Korea"], NameIndex.build((), bare)) is None


def test_the_importer_writes_it_when_no_script_label_tells() -> None:
    han = Record("Q376439", "person", "Han Changfu", context=[PRC])
    assert rule_of(han)["surname"] == "Han"
    # A Chinese label still decides by its reading, as before.
    wu = Record("Q1", "person", "Joseph Wu", native={"zh": "吳釗燮"}, context=["Taiwan"])
    assert rule_of(wu)["surname"] == "Wu"
    # A Western name keeps its last word (no surname written).
    assert "surname" not in rule_of(Record("Q2", "person", "Lawrence Wong", context=["Singapore"]))


KIM_YC = Entity(
    "kimyc",
    "Kim Yeon-chul",
    "person",
    surname="Kim",  # no native label: the importer's family name from the name's shape
    titles=("Minister of Reunification",),
    context=("South Korea",),
)


def test_a_family_name_written_first_makes_the_name_romanised_whole() -> None:
    # As a Chinese or Korean native name does: "Yeon-chol" is no other spelling of the given
    # name to leave alone but a garble of the whole name (NE913 repairs it after the role),
    # and "Kim" alone is a billion people's (no family name for one-word near misses).
    index = NameIndex.build((KIM_YC,))
    assert romanised_whole(KIM_YC, index)
    assert family_name(KIM_YC, index) is None
    text = "Minister of Reunification Kim Yeon-chol spoke on Tuesday."
    assert [(text[h.start : h.end], h.suggestions) for h in confirm.detect(text, index)] == [
        ("Kim Yeon-chol", ("Kim Yeon-chul",))
    ]
    bare = dataclasses.replace(
        INDEX.lexicon, lists={**INDEX.lexicon.lists, "family-first-countries": ()}
    )
    western = NameIndex.build((KIM_YC,), bare)
    assert not romanised_whole(KIM_YC, western)
    assert family_name(KIM_YC, western) is None  # "Kim": under four letters
    assert confirm.detect(text, western) == []


def test_a_family_name_written_first_is_no_first_name() -> None:
    raw = {
        "type": "entity",
        "id": "NE-Q001",
        "canonical": "Kim Yeon-chul",
        "kind": "person",
        "surname": "Kim",
        "message": "m",
        "allows": ["Kim Yeon-chul spoke."],
    }
    where = Path("<test>")
    entity = EntityRule.from_raw(raw, parse_common(raw, where), where).to_entity()
    assert entity.first_name is None  # not "Kim": "Minister Kim" lost no surname
    western = {**raw, "canonical": "Yeon-chul Kim"}
    rule = EntityRule.from_raw(western, parse_common(western, where), where)
    assert rule.to_entity().first_name == "Yeon-chul"
