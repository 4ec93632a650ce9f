"""International organisations in the gazetteer (`rules/entities/wikidata/international.yaml`,
made by `tools/build_organisations.py` from SupraVerden and `cleaner gazetteer import`): their
English names are correct names and near-miss targets; no abbreviation is taken (the list's
are not always the body English news means: `ESA`, `IDB`), and no name makes a common English
word a name word."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.gazetteer_files import new_common_words_of, reported, shipped_rules

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

from build_organisations import usable


def test_which_names_are_taken() -> None:
    known = frozenset({"organization", "world", "nations", "united"})
    assert usable("Mercosur", known) is None
    assert usable("United Nations", known) is None
    assert usable("World Health Organization", known) == "common word"  # `Health`
    assert usable("Safety", known) == "English word"
    assert usable("Secretariat of the fisheries agreement", known) == "description"


def test_the_shipped_names_hold_no_abbreviation_and_no_new_common_word() -> None:
    rules = shipped_rules("international.yaml")
    assert len(rules) >= 150
    names = [n for r in rules for n in [r["canonical"], *(r.get("accepted") or [])]]
    assert [n for n in names if n.isupper() and len(n) <= 6] == []
    assert new_common_words_of(rules, names) == {}


def test_a_near_miss_of_an_organisation_is_found() -> None:
    found = reported("Talks at Mercosurr ended on Monday, the ministers said.\n")
    assert found.get("NE901") == ["Mercosurr"]


def test_prose_is_read_as_before() -> None:
    text = "He said the united nations and who knows what else would follow.\n"
    assert not [code for code in reported(text) if code.startswith("NE")]
