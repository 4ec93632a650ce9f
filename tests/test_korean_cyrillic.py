"""Korean names through Russian and Ukrainian (cleaner/rules/korean_cyrillic.py).

The jamo tables are data (rules/words/korean_cyrillic.yaml) with examples that must read
through them; the spellings they give a Korean person are repaired in an article about them
and suggested elsewhere, and a name that is not two or three Hangul syllables gets none.
"""

from __future__ import annotations

import pytest

from cleaner import Config, clean_text
from cleaner.model import FixSafety
from cleaner.rules.cyrillic_routes import to_ukrainian
from cleaner.rules.entity import Entity
from cleaner.rules.korean_cyrillic import add_korean_routes, jamo, kontsevich, route_names
from cleaner.rules.rulebook import load_lexicon

LEXICON = load_lexicon(Config())
TABLES = kontsevich(LEXICON)
UKRAINIAN = LEXICON.table("cyrillic-ukrainian")
EXAMPLES = LEXICON.table("hangul-cyrillic-examples")
UK_EXAMPLES = LEXICON.table("hangul-ukrainian-examples")
GRAMMAR_OFF = Config(grammar="none")


@pytest.mark.parametrize(("hangul", "cyrillic"), [(h, c[0]) for h, c in EXAMPLES])
def test_the_examples_read_through_the_tables(hangul: str, cyrillic: str) -> None:
    assert cyrillic.lower() in [" ".join(words) for words in TABLES.words(hangul)]


@pytest.mark.parametrize(("hangul", "cyrillic"), [(h, c[0]) for h, c in UK_EXAMPLES])
def test_the_ukrainian_examples_read_through_the_tables(hangul: str, cyrillic: str) -> None:
    spellings = [
        " ".join(to_ukrainian(w, UKRAINIAN) for w in words) for words in TABLES.words(hangul)
    ]
    assert cyrillic.lower() in spellings


def test_there_are_examples() -> None:
    assert len(EXAMPLES) >= 10 and len(UK_EXAMPLES) >= 3


def test_jamo_are_unicodes_decomposition() -> None:
    assert jamo("윤") == ("ㅇ", "ㅠ", "ㄴ") and jamo("희") == ("ㅎ", "ㅢ", "")
    assert jamo("a") is None and jamo("ㄱ") is None


def test_an_initial_is_voiced_after_a_vowel_or_a_sonorant_not_after_a_stop() -> None:
    assert TABLES.words("김대중") == [["ким", "дэ", "чжун"]]  # 대 after ㅁ, 중 after ㅐ
    assert TABLES.words("박정희") == [["пак", "чон", "хи"]]  # 정 after ㄱ


@pytest.mark.parametrize("hangul", ["남궁민수", "김", "kim", "김x수"])
def test_a_name_not_of_two_or_three_syllables_has_no_reading(hangul: str) -> None:
    assert TABLES.words(hangul) == []


def test_the_spellings_are_family_name_first_one_word_per_syllable() -> None:
    names = route_names("Moon Jae-in", "문재인", TABLES, UKRAINIAN)
    assert names["Mun Chzhe In"] == "Moon Jae-in"
    assert all(len(s.split()) == 3 for s in names)


def test_a_syllable_of_one_letter_is_a_word() -> None:
    assert route_names("Woo Won-shik", "우원식", TABLES)["U Von Sik"] == "Woo Won-shik"


def test_ukrainian_writes_its_own_letters() -> None:
    names = route_names("Yoon Suk Yeol", "윤석열", TABLES, UKRAINIAN)
    assert "Yun Sok Yol" in names and "Iun Sok Iol" in names  # Йоль, not Ёль
    assert "Iun Sok Iol" not in route_names("Yoon Suk Yeol", "윤석열", TABLES)


def test_only_korean_people_with_a_hangul_name_get_spellings() -> None:
    korean = Entity("a", "Choe Son Hui", "person", surname="Choe", context=("North Korea",))
    place = Entity("b", "Pyongyang", "place", context=("North Korea",))
    other = Entity("c", "Anna Kane", "person", surname="Kane")
    taiwanese = Entity("d", "Lien Chan", "person", surname="Lien", context=("Taiwan",))
    hangul = {"a": "최선희", "b": "평양", "d": "롄잔"}  # Korean Wikipedia's label of Lien Chan
    entities, added = add_korean_routes([korean, place, other, taiwanese], hangul, TABLES)
    assert "Tsoi Son Khi" in entities[0].variants and "Tsoi Son Khi" in added["a"]
    assert entities[1:] == [place, other, taiwanese] and set(added) == {"a"}


def test_repaired_in_an_article_about_the_person() -> None:
    text = "South Korean President Mun Chzhe In said on Tuesday that Seoul would respond.\n"
    result = clean_text(text, GRAMMAR_OFF)
    assert "President Moon Jae-in said" in result.text
    assert any(e.old == "Mun Chzhe In" and e.fix is FixSafety.SAFE for e in result.edits)


def test_a_suggestion_where_nothing_says_the_article_is_about_them() -> None:
    text = "Mun Chzhe In arrived in Berlin on Tuesday.\n"
    result = clean_text(text, GRAMMAR_OFF)
    assert result.text == text
    found = [f for f in result.findings if f.text == "Mun Chzhe In"]
    assert found and found[0].suggestions == ("Moon Jae-in",)


def test_the_cyrillic_family_word_is_no_reading_of_the_characters() -> None:
    """Hwang Woo-yea has Hangul only: his family name after his role as a source in Chinese
    characters reads it (黃: ``Huang``) is still his, though the route gave him ``Khvan U
    Yo`` (whose first word is no such reading)."""
    text = "Deputy Prime Minister of South Korea Huang spoke in South Korea on Tuesday.\n"
    assert "South Korea Hwang spoke" in clean_text(text, GRAMMAR_OFF).text


def test_a_jamo_the_tables_do_not_give_reads_nothing() -> None:
    """A newsroom's table without an entry (or with an empty one) leaves the names that need
    it without a spelling; it never fails the build."""
    initial = [(k, v) for k, v in LEXICON.table("hangul-cyrillic-initial") if k != "ㄱ"]
    tables = type(TABLES).from_tables(
        [*initial, ("ㄱ", ())],
        LEXICON.table("hangul-cyrillic-vowel"),
        LEXICON.table("hangul-cyrillic-final"),
        (),
        (),
    )
    assert tables.words("김대중") == [] and tables.words("문재인") == [["мун", "чжэ", "ин"]]
