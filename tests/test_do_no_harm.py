"""Do no harm on text nobody here has seen (issue 12): each failure class a new user met on
professionally edited news, as a fixture in ``fixtures/harm/`` or a focused check.

``fixtures/harm/NAME.in.txt`` must clean to ``NAME.expected.txt`` with the default pipeline:
the expected files differ from the inputs only by the canonical form, never by a word.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import clean_text, restore
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
