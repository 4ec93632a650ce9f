"""NE913 reads a role written out in full (``Minister of National Defense of the People's
Republic of China``) as one office: every capitalised word between where the office begins
and the name must be the person's own. The capitalised words right before the name alone
("People's Republic of China", "Japan") are the country, which every minister or ambassador
of that country shares, so they cannot tell a slip of one holder's name from another's.
A hand-built gazetteer: five ministers of one country and five ambassadors of another, as
Wikidata's offices are written."""

from __future__ import annotations

import dataclasses

import pytest

from cleaner.detectors import confirm
from cleaner.detectors.names import NameIndex
from cleaner.model import FixSafety
from cleaner.rules.entity import Entity

PRC = "People's Republic of China"


def _minister(name: str, office: str, surname: str | None = None) -> Entity:
    return Entity(
        name.lower().replace(" ", ""),
        name,
        "person",
        # Han's as the importer took it from a name written family name first: the last word
        surname=surname or name.split()[-1],
        titles=(f"Minister of {office} of the {PRC}",),
        context=(PRC,),
        gender="male",
    )


def _ambassador(name: str, country: str) -> Entity:
    return Entity(
        name.lower().replace(" ", ""),
        name,
        "person",
        surname=name.split()[-1],
        titles=(f"Ambassador of Japan to {country}",),
        context=("Japan",),
        gender="male",
    )


PEOPLE = (
    _minister("Han Changfu", "Agriculture"),
    _minister("Li Shangfu", "National Defense", surname="Li"),
    _minister("Wang Wentao", "Commerce"),
    _minister("Huai Jinpeng", "Education"),
    _minister("Lan Foan", "Finance"),
    _minister("Wang Guanghua", "Oil"),
    _ambassador("Hiroshi Takase", "Italy"),
    _ambassador("Kenji Yamanaka", "Poland"),
    _ambassador("Taro Suzuki", "Egypt"),
    _ambassador("Jiro Ikeda", "Brazil"),
    _ambassador("Ichiro Tanabe", "Spain"),
)
PLACES = (
    Entity("china", "China", "place", accepted=(PRC,)),
    Entity("japan", "Japan", "place"),
    Entity("italy", "Italy", "place"),
)
INDEX = NameIndex.build((*PEOPLE, *PLACES))


def _repairs(text: str, index: NameIndex = INDEX) -> list[tuple[str, str]]:
    return [
        (text[h.start : h.end], h.suggestions[0])
        for h in confirm.detect(text, index)
        if h.rule == "NE913" and h.fix is FixSafety.SAFE
    ]


@pytest.mark.parametrize(
    ("text", "repair"),
    [
        # The office's own words before the country: the Minister of Agriculture's name.
        (f"Minister of Agriculture of the {PRC} Changfo spoke.", ("Changfo", "Changfu")),
        # A short word of the office is still its own ("Oil", not only words of five letters).
        (f"Minister of Oil of the {PRC} Guanghau spoke.", ("Guanghau", "Guanghua")),
        ("Ambassador to Italy of Japan Takasi spoke.", ("Takasi", "Takase")),
        ("ambassador to Italy of Japan Takasi spoke.", ("Takasi", "Takase")),
        # Words before where the office begins belong to the sentence, not to the role.
        (
            "On a visit to Rome of Japan's Ambassador to Italy Takasi, talks began.",
            ("Takasi", "Takase"),
        ),
    ],
)
def test_a_role_written_out_in_full_confirms_its_own_holder(
    text: str, repair: tuple[str, str]
) -> None:
    assert _repairs(text) == [repair]


@pytest.mark.parametrize(
    "text",
    [
        # Another office of the same country: "National Defense" is no word of Han's title.
        f"Minister of National Defense of the {PRC} Changfo spoke.",
        # Another ambassador of the same country: "Spain" is no word of Takase's title.
        "ambassador to Spain of Japan Takasi spoke.",
        "Ambassador for Spain and Japan Takasi spoke.",
    ],
)
def test_another_office_of_the_same_country_confirms_no_one(text: str) -> None:
    assert _repairs(text) == []


def test_the_role_is_read_through_the_words_of_the_connectors_list() -> None:
    # With ``role-connectors`` empty the role ends at "of": only "China" is read, which
    # every minister of the country shares, and the Minister of Agriculture's name is taken
    # for a slip of Li Shangfu's office too.
    text = f"Minister of National Defense of the {PRC} Changfo spoke."
    bare = dataclasses.replace(INDEX.lexicon, lists={**INDEX.lexicon.lists, "role-connectors": ()})
    assert _repairs(text, NameIndex.build((*PEOPLE, *PLACES), bare)) == [("Changfo", "Changfu")]
    assert "of" in INDEX.lexicon.words("role-connectors")


ESMAILI = Entity(
    "esmaili",
    "Gholam Hossein Esmaili",
    "person",
    surname="Esmaili",
    titles=("Chief of Staff (Head of the Office of the President) of Iran",),
    context=("Iran",),
)


@pytest.mark.parametrize(
    ("text", "repairs"),
    [
        # The word before the name is a word of the office as written: the role.
        ("Iranian Chief of Staff Ismaili spoke.", [("Ismaili", "Esmaili")]),
        # "official" shares a stem with "Office", and "Iranian" is the country: no role.
        ("Iranian official Ismaili spoke.", []),
    ],
)
def test_the_word_before_the_name_is_a_word_of_the_office_itself(
    text: str, repairs: list[tuple[str, str]]
) -> None:
    index = NameIndex.build((*PEOPLE, *PLACES, ESMAILI, Entity("iran", "Iran", "place")))
    assert _repairs(text, index) == repairs
