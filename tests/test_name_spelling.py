"""A family name written in the Latin alphabet at home has one spelling, the person's own
(``latin-name-countries`` in ``rules/words/name-spelling.yaml``, ``confirm._alternate``):
one that differs from it by transliteration alone is a garble there (``Foreign Secretary
David Lami`` is David Lammy through Persian), while a name romanised from another script
keeps its other romanisations (``Prak Sokhonn``) and a given name keeps its variants
everywhere."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cleaner import clean_text
from cleaner.config import Config
from cleaner.detectors import confirm
from cleaner.detectors.names import NameIndex
from cleaner.rules.entity import Entity
from cleaner.rules.rulebook import load_lexicon
from cleaner.stages.detect import load_entities

LATIN = sorted(load_lexicon(Config()).words("latin-name-countries"))


def _lammy(country: str) -> Entity:
    return Entity("lammy", "David Lammy", "person", surname="Lammy", context=(country,))


@pytest.mark.parametrize("country", LATIN)
def test_a_family_name_respelt_is_a_garble_in_every_latin_country(country: str) -> None:
    person = _lammy(country)
    index = NameIndex.build((person,))
    assert not confirm._alternate("Lami", "Lammy", person, index)
    # A given name's sound-alike stays another spelling (nicknames, other languages' forms).
    assert confirm._alternate("Devid", "David", person, index)


@pytest.mark.parametrize("context", [("Cambodia",), ("Ukraine", "Kyiv"), ()])
def test_elsewhere_a_family_name_respelt_is_another_spelling(context: tuple[str, ...]) -> None:
    # Cambodia writes Khmer, Ukraine Cyrillic; a person with no country is not taken to
    # write Latin at home.
    person = Entity("lammy", "David Lammy", "person", surname="Lammy", context=context)
    assert confirm._alternate("Lami", "Lammy", person, NameIndex.build((person,)))


def test_every_entry_is_a_country_the_gazetteer_writes() -> None:
    # A misspelt entry would match nobody: each is some shipped person's country.
    countries = {e.context[0].lower() for e in load_entities(Config()) if e.context}
    assert [c for c in LATIN if c not in countries] == []


@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        ("Foreign Secretary David Lami spoke in London on Tuesday.\n", "Lami", "Lammy"),
        # Persian writes w as v; Malawi writes names in the Latin alphabet
        ("President of Malawi Chakvera spoke on Tuesday.\n", "Chakvera", "Chakwera"),
    ],
)
def test_the_shipped_gazetteer_repairs_a_latin_family_name_after_the_role(
    text: str, old: str, new: str
) -> None:
    assert clean_text(text, Config()).text == text.replace(old, new)


def test_the_shipped_gazetteer_leaves_a_name_romanised_from_another_script() -> None:
    # Cambodia's foreign ministry itself writes Prak Sokhonn: left as written.
    other = "Cambodian Foreign Minister Prak Sokhonn spoke on Tuesday.\n"
    assert clean_text(other, Config()).text == other


LACKS = load_lexicon(Config()).table("romanisation-lacks")


@pytest.mark.parametrize(("country", "letters"), LACKS)
def test_a_letter_the_countrys_romanisation_never_writes_is_a_garble(
    country: str, letters: tuple[str, ...]
) -> None:
    # For each letter: "Kawaguchi" with a letter of the entry in place of its "w" is no
    # romanisation of the name (Persian writes w and v alike: "Kavaguchi").
    person = Entity("kawaguchi", "Yoriko Kawaguchi", "person", surname="Kawaguchi")
    for letter in letters:
        word = "Ka" + letter + "aguchi"
        at_home = replace(person, context=(country,))
        assert not confirm._alternate(word, "Kawaguchi", at_home, NameIndex.build((at_home,)))
    # A country whose names come through Cyrillic writes w and v alike: left as a spelling.
    russian = replace(person, context=("Russia",))
    assert confirm._alternate("Kavaguchi", "Kawaguchi", russian, NameIndex.build((russian,)))


def test_the_shipped_gazetteer_repairs_a_japanese_family_name_written_with_v() -> None:
    # Yoriko Kawaguchi, Japan's Minister of the Environment in 2000-2002: the gazetteer has
    # no kanji for her, so no route reads the name; Hepburn has no v.
    text = "Minister of the Environment Kavaguchi spoke in Japan on Tuesday.\n"
    assert clean_text(text, Config()).text == text.replace("Kavaguchi", "Kawaguchi")


def test_the_shipped_gazetteer_repairs_a_gulf_family_name_written_with_v() -> None:
    # Mahad Baawain, Oman's Minister of Labour: Persian writes w and v alike, and the Gulf
    # states' romanisation of names writes no v (romanisation-lacks), so "Baavain" is no
    # other spelling of his name.
    text = "Minister of Labour of Oman Baavain spoke in Oman on Tuesday.\n"
    assert clean_text(text, Config()).text == text.replace("Baavain", "Baawain")


@pytest.mark.parametrize(
    ("word", "folded"),
    [("Løkke", "lokke"), ("Radosław", "radoslaw"), ("Đurić", "duric"), ("Kılıç", "kilic")],
)
def test_letters_nfkd_keeps_whole_fold_as_english_writes_them(word: str, folded: str) -> None:
    from cleaner.detectors.names import fold

    assert fold(word) == folded


@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        # The surname is repaired; the given names stay as English writes them (no ø, no ł).
        ("Danish Foreign Minister Lars Lokke Rasmusen spoke.\n", "Rasmusen", "Rasmussen"),
        ("Polish Foreign Minister Radoslaw Sikorsky spoke.\n", "Sikorsky", "Sikorski"),
    ],
)
def test_an_unmarked_given_name_is_the_persons_own(text: str, old: str, new: str) -> None:
    assert clean_text(text, Config()).text == text.replace(old, new)
