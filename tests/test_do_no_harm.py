"""Do no harm on text nobody here has seen (issue 12): each failure class a new user met on
professionally edited news, as a fixture in ``fixtures/harm/`` or a focused check.

``fixtures/harm/NAME.in.txt`` must clean to ``NAME.expected.txt`` with the default pipeline:
the expected files differ from the inputs only by the canonical form, never by a word.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import Config, clean_text, restore
from cleaner.detectors import spacing
from cleaner.detectors.names import NameIndex
from cleaner.model import FixSafety
from cleaner.rules.entity import Entity

from .conftest import FIXTURES
from .detector_entities import ENTITIES

HARM = sorted((FIXTURES / "harm").glob("*.in.txt"))


@pytest.mark.parametrize("case", HARM, ids=[c.name.removesuffix(".in.txt") for c in HARM])
def test_harm_fixture(case: Path) -> None:
    raw = case.read_bytes().decode("utf-8")
    expected = case.with_name(case.name.replace(".in.txt", ".expected.txt"))
    result = clean_text(raw)
    assert result.text == expected.read_bytes().decode("utf-8")
    assert restore(result) == raw


# -- MT904: a glued word is split only when both halves are evidence -----------------------

# "Bridge" and "Power" occur inside gazetteer names; that makes them no evidence of a name.
_INDEX = NameIndex.build(
    (
        *ENTITIES,
        Entity("crimean-bridge", "Crimean Bridge", "place"),
        Entity("power-of-siberia", "Power of Siberia", "organisation"),
    )
)


@pytest.mark.parametrize(
    "text",
    [
        "Shares in Bridgewell Securities fell on Thursday.",
        "Powerwell Energy plans to sell two gas plants.",
        "Bridgeover Capital declined to comment.",
    ],
)
def test_a_company_name_is_not_split_at_a_word_from_some_gazetteer_name(text: str) -> None:
    assert [h for h in spacing.detect(text, _INDEX) if h.rule == "MT904"] == []


@pytest.mark.parametrize(
    ("text", "span", "fixed"),
    [
        ("Officials in Kyivand Warsaw met.", "Kyivand", "Kyiv and"),
        ("Chinese leader Xi Jinpingwhich arrived.", "Jinpingwhich", "Jinping which"),
    ],
)
def test_a_name_glued_to_a_common_word_is_still_split(text: str, span: str, fixed: str) -> None:
    hits = [h for h in spacing.detect(text, _INDEX) if h.rule == "MT904"]
    assert [text[h.start : h.end] for h in hits] == [span]
    assert hits[0].suggestions == (fixed,)
    assert hits[0].fix is FixSafety.SAFE


# -- Non-English text is left alone by English typography, CJK punctuation included -------


def test_chinese_full_width_punctuation_is_kept_and_not_scored_as_damage() -> None:
    text = (FIXTURES / "harm" / "chinese_paragraph.in.txt").read_text("utf-8")
    result = clean_text(text)
    assert "，" in result.text and "（" in result.text and "）" in result.text
    assert "“" in result.text and "１５" in result.text  # its quotes and digits too
    assert not [e for e in result.edits if e.rule.startswith("EN")]
    assert result.metadata["damage"]["score"] < 10


def test_one_repair_in_a_chinese_article_is_not_damage_all_over_it() -> None:
    """An ideograph counts as a word for the damage density, not a whole paragraph."""
    text = (FIXTURES / "harm" / "chinese_paragraph.in.txt").read_text("utf-8")
    result = clean_text(text.replace("图书节", "图书节&amp;", 1))
    assert [e.rule for e in result.edits if e.rule.startswith("EN")] == ["EN102"]
    assert result.metadata["damage"]["score"] < 10


def test_full_width_latin_in_english_text_is_still_narrowed() -> None:
    result = clean_text(
        "The sign said \uff2c\uff2f\uff35\uff24\u3000\uff2e\uff2f\uff29\uff33\uff25 in red."
    )
    assert result.text == "The sign said LOUD NOISE in red.\n"
    assert {e.rule for e in result.edits} >= {"EN104"}


# -- The encoding pre-filter is ftfy's own tables ------------------------------------------


def test_every_character_ftfys_tables_replace_reaches_ftfy() -> None:
    """The hand-written ranges missed 15 of ftfy's 22 ligatures (ĳ, ŉ, ǆ ...), 132 width
    variants and 11 control characters; a line holding any of them must reach ftfy."""
    from ftfy.chardata import CONTROL_CHARS, LIGATURES, WIDTH_MAP

    from cleaner.stages.encoding import needs_repair

    table = {*LIGATURES, *WIDTH_MAP, *CONTROL_CHARS} - {0xFEFF}  # the BOM is the normaliser's
    missed = [hex(c) for c in sorted(table) if not needs_repair(f"word {chr(c)} word")]
    assert missed == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u0149 Chloroplas is \u0149 organel.", "\u02bcn Chloroplas is \u02bcn organel.\n"),
        ("kori\u0161te\u01ccem dovo\u01c9no", "kori\u0161tenjem dovoljno\n"),
        ("the \u0133ssel river", "the ijssel river\n"),
    ],
)
def test_ligatures_ftfy_expands_are_expanded(text: str, expected: str) -> None:
    assert clean_text(text, Config(grammar="none")).text == expected
