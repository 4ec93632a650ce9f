"""Open-class word lists are data (rules/words/), extendable by a newsroom's own rule folder;
a misspelt list name is an error naming the file, not a list nobody reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import Config, clean_text
from cleaner.errors import RuleFileError
from cleaner.rules.rulebook import load_lexicon

TEXT = "The spokesperson said Vladimir Putin thanked her for her work.\n"


def _folder(tmp_path: Path, body: str) -> Config:
    folder = tmp_path / "newsroom"
    folder.mkdir()
    (folder / "words.yaml").write_text(body, encoding="utf-8")
    return Config(grammar="none", extend_rules=(str(folder),), select=("NE904",))


def test_shipped_lists_load() -> None:
    lexicon = load_lexicon(Config())
    assert "wife" in lexicon.words("female-words")
    assert "two" in lexicon.words("plural-cues")
    assert ("shch", ("X",)) in lexicon.table("sound-graphemes")


def test_a_newsroom_extends_a_list(tmp_path: Path) -> None:
    # NE904 checks "her" against Putin unless the sentence names someone female.
    plain = clean_text(TEXT, Config(grammar="none", select=("NE904",)))
    assert [f.rule for f in plain.findings] == ["NE904", "NE904"]
    config = _folder(tmp_path, "lists:\n  female-words: [spokesperson]\n")
    assert "wife" in load_lexicon(config).words("female-words")  # added to, not replaced
    assert clean_text(TEXT, config).findings == []


def test_an_unknown_list_name_is_an_error_naming_the_file(tmp_path: Path) -> None:
    config = _folder(tmp_path, "lists:\n  femail-words: [spokesperson]\n")
    with pytest.raises(RuleFileError, match=r"words\.yaml:1: unknown list 'femail-words'"):
        clean_text(TEXT, config)


@pytest.mark.parametrize("name", ["greek-fold", "cyrillic-ukrainian", "professional-variants"])
def test_a_key_that_is_no_regular_expression_is_an_error_naming_the_list(
    tmp_path: Path, name: str
) -> None:
    config = _folder(tmp_path, f'lists:\n  {name}:\n    "(и": [і]\n')
    with pytest.raises(RuleFileError, match=rf"words\.yaml:1: list '{name}': '\(и' is no regular"):
        load_lexicon(config)


def test_a_list_of_the_wrong_shape_is_an_error(tmp_path: Path) -> None:
    config = _folder(tmp_path, "lists:\n  month-names: {jan: january}\n")
    with pytest.raises(RuleFileError, match="must be a list of words"):
        load_lexicon(config)


def test_a_newsroom_adds_a_place_preposition(tmp_path: Path) -> None:
    # A capitalised word written after a place preposition (and elsewhere only after one of
    # those or "the") is a place, no man "he" could mean: the pronoun is Meloni's and
    # repaired. "via" is no shipped place preposition, so Brussels may be someone.
    text = (
        "Giorgia Meloni flew via Brussels. She met the Brussels press. "
        "Meloni said he wants a deal.\n"
    )
    plain = clean_text(text, Config(grammar="none", select=("NE904",)))
    assert plain.text == text
    assert [f.rule for f in plain.findings] == ["NE904"]
    config = _folder(tmp_path, "lists:\n  place-prepositions: [via]\n")
    assert "from" in load_lexicon(config).words("place-prepositions")  # added to
    assert clean_text(text, config).text == text.replace("said he", "said she")


def test_a_newsroom_adds_a_government_noun(tmp_path: Path) -> None:
    # NE913 reads a near miss right before a noun for the government a head leads, in an
    # article naming their country; "regime" is no shipped government noun.
    # ("Kishira": "Kishiba" is as near Shigeru Ishiba, Prime Minister since 2024.)
    text = "The Kishira regime fell in Japan.\n"
    shipped = Config(grammar="none", select=("NE913",))
    assert [e.rule for e in clean_text(text, shipped).edits] == []
    folder = tmp_path / "newsroom"
    folder.mkdir()
    (folder / "words.yaml").write_text("lists:\n  government-nouns: [regime]\n", encoding="utf-8")
    config = Config(grammar="none", extend_rules=(str(folder),), select=("NE913",))
    result = clean_text(text, config)
    assert [(e.rule, e.old, e.new) for e in result.edits] == [("NE913", "Kishira", "Kishida")]
