"""The one-word office (cleaner/detectors/office.py): what news writes alone before a name
("President Shi Jinping", "Chancellor Scholz"), read from the person's own titles, and when
it stands alone enough to say whose name follows."""

from __future__ import annotations

import pytest

from cleaner.config import Config
from cleaner.detectors.office import heads, office_before
from cleaner.rules.entity import Entity
from cleaner.rules.rulebook import load_lexicon

LEXICON = load_lexicon(Config())
QUALIFIERS = LEXICON.words("office-qualifiers")


def _holder(*titles: str) -> Entity:
    return Entity("x", "Olaf Scholz", "person", surname="Scholz", titles=titles)


def test_the_one_word_offices_are_read_from_the_titles() -> None:
    person = _holder(
        "Federal Chancellor of Germany",  # "Federal" is left out: "Chancellor Scholz"
        "Vice President of the Bundestag",  # another office than a president's
        "Prime Minister of Hamburg",
        "President of the Bundesrat",
        "Acting Mayor of Hamburg",
    )
    assert heads(person, QUALIFIERS) == ("Chancellor", "President", "Mayor")
    # Without the qualifiers only the one-word title heads are offices.
    assert heads(person) == ("President",)


@pytest.mark.parametrize(
    ("text", "office"),
    [
        ("Chancellor Olaf Sholts", "Chancellor"),
        ("Later, Chancellor Olaf Sholts", "Chancellor"),
        ("He met Chancellor Olaf Sholts", "Chancellor"),
        ("Former Chancellor Olaf Sholts", "Chancellor"),  # a role modifier
        ("talks.\nChancellor Olaf Sholts", "Chancellor"),
        ("Vice Chancellor Olaf Sholts", ""),  # another capitalised word: another office
        ("Vice-Chancellor Olaf Sholts", ""),
        ("Austria's Chancellor Olaf Sholts", ""),
        ("Chancellor  Olaf Sholts", ""),  # not one space
        ("Governor Olaf Sholts", ""),  # not his
        ("Olaf Sholts", ""),
    ],
)
def test_the_office_must_stand_alone_right_before_the_name(text: str, office: str) -> None:
    person = _holder("Federal Chancellor of Germany")
    assert office_before(text, text.index("Olaf"), person, LEXICON) == office
