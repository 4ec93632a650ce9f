"""Japanese names through Russian (cleaner/rules/japanese_cyrillic.py).

The syllable table is data (rules/words/japanese_cyrillic.yaml) with examples that must read
through it; the spellings it gives a Japanese person are repaired in an article about them
and suggested elsewhere, and a name that is not Japanese gets none.
"""

from __future__ import annotations

import pytest

from cleaner import Config, clean_text
from cleaner.model import FixSafety
from cleaner.rules.cyrillic_routes import to_ukrainian
from cleaner.rules.entity import Entity
from cleaner.rules.japanese_cyrillic import add_cyrillic_routes, route_names, to_cyrillic
from cleaner.rules.rulebook import load_lexicon

LEXICON = load_lexicon(Config())
TABLE = LEXICON.table("hepburn-cyrillic")
UKRAINIAN = LEXICON.table("cyrillic-ukrainian")
EXAMPLES = LEXICON.table("hepburn-cyrillic-examples")
UK_EXAMPLES = LEXICON.table("cyrillic-ukrainian-examples")
GRAMMAR_OFF = Config(grammar="none")


@pytest.mark.parametrize(("name", "cyrillic"), [(n, c[0]) for n, c in EXAMPLES])
def test_the_examples_read_through_the_table(name: str, cyrillic: str) -> None:
    assert " ".join(to_cyrillic(w, TABLE) or "?" for w in name.split()) == cyrillic.lower()


@pytest.mark.parametrize(("name", "cyrillic"), [(n, c[0]) for n, c in UK_EXAMPLES])
def test_the_ukrainian_examples_read_through_both_tables(name: str, cyrillic: str) -> None:
    words = [to_ukrainian(to_cyrillic(w, TABLE) or "?", UKRAINIAN) for w in name.split()]
    assert " ".join(words) == cyrillic.lower()


def test_there_are_examples() -> None:
    assert len(EXAMPLES) >= 10 and len(UK_EXAMPLES) >= 5


def test_ukrainian_writes_g_as_h() -> None:
    names = route_names("Shigeru Ishiba", TABLE, UKRAINIAN)
    assert names["Siheru Isiba"] == "Shigeru Ishiba"
    assert "Siheru Isiba" not in route_names("Shigeru Ishiba", TABLE)


@pytest.mark.parametrize("word", ["Jong-yil", "Rahm", "Emanuel", "Xi", "Lee"])
def test_a_word_that_is_not_japanese_has_no_reading(word: str) -> None:
    assert to_cyrillic(word, TABLE) is None


def test_the_spellings_keep_the_english_order() -> None:
    names = route_names("Sanae Takaichi", TABLE)
    assert names["Sanae Takaiti"] == "Sanae Takaichi"
    assert "Takaiti Sanae" not in names


def test_a_name_russian_gives_back_unchanged_has_no_spelling() -> None:
    names = route_names("Taro Kono", TABLE)
    assert "Taro Kono" not in names and "Kono Taro" not in names


def test_only_japanese_people_get_spellings() -> None:
    japanese = Entity("a", "Takeshi Iwaya", "person", surname="Iwaya", context=("Japan",))
    korean = Entity("b", "Kim Sana", "person", surname="Kim", context=("Japan",), native="김사나")
    other = Entity("c", "Anna Kane", "person", surname="Kane", context=("Canada",))
    entities, added = add_cyrillic_routes([japanese, korean, other], TABLE)
    assert "Takesi Ivaya" in entities[0].variants and "Takesi Ivaya" in added["a"]
    assert entities[1] == korean and entities[2] == other and set(added) == {"a"}


def test_repaired_in_an_article_about_the_person() -> None:
    text = "Japanese Prime Minister Sanae Takaiti said on Tuesday that Japan would respond.\n"
    result = clean_text(text, GRAMMAR_OFF)
    assert "Sanae Takaichi said" in result.text
    assert any(e.old == "Sanae Takaiti" and e.fix is FixSafety.SAFE for e in result.edits)


def test_a_suggestion_where_nothing_says_the_article_is_about_them() -> None:
    text = "Sindzo Abe was killed in Nara in 2022.\n"
    assert clean_text(text, GRAMMAR_OFF).text == text
    found = [f for f in clean_text(text, GRAMMAR_OFF).findings if f.text == "Sindzo Abe"]
    assert found and found[0].suggestions == ("Shinzō Abe",)
    unsafe = clean_text(text, Config(grammar="none", unsafe_fixes=True))
    assert unsafe.text.startswith("Shinzō Abe was killed")
