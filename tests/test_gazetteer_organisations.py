"""International organisations in the gazetteer (`rules/entities/wikidata/international.yaml`,
made by `tools/build_organisations.py` from SupraVerden and `cleaner gazetteer import`): their
English names are correct names and near-miss targets; no abbreviation is taken (the list's
are not always the body English news means: `ESA`, `IDB`), and no name makes a common English
word a name word."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import yaml

from cleaner import Config, clean_text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from build_organisations import usable  # noqa: E402
from build_parties import known_words, new_common_words  # noqa: E402

SHIPPED = ROOT / "rules/entities/wikidata/international.yaml"


@cache
def _shipped() -> list[dict]:
    return yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))["rules"]


def _codes(text: str) -> dict[str, list[str]]:
    result = clean_text(text, Config(grammar="none"))
    found: dict[str, list[str]] = {}
    for f in result.findings:
        found.setdefault(f.rule, []).append(text[f.start : f.end])
    for e in result.edits:
        found.setdefault(e.rule, []).append(e.old)
    return found


def test_which_names_are_taken() -> None:
    known = frozenset({"organization", "world", "nations", "united"})
    assert usable("Mercosur", known) is None
    assert usable("United Nations", known) is None
    assert usable("World Health Organization", known) == "common word"  # `Health`
    assert usable("Safety", known) == "English word"
    assert usable("Secretariat of the fisheries agreement", known) == "description"


def test_the_shipped_names_hold_no_abbreviation_and_no_new_common_word() -> None:
    rules = _shipped()
    assert len(rules) >= 150
    names = [n for r in rules for n in [r["canonical"], *(r.get("accepted") or [])]]
    assert [n for n in names if n.isupper() and len(n) <= 6] == []
    known = known_words({r["wikidata"] for r in rules})
    bad = {n: new_common_words(n, known) for n in names}
    assert {n: words for n, words in bad.items() if words} == {}


def test_a_near_miss_of_an_organisation_is_found() -> None:
    found = _codes("Talks at Mercosurr ended on Monday, the ministers said.\n")
    assert found.get("NE901") == ["Mercosurr"]


def test_prose_is_read_as_before() -> None:
    text = "He said the united nations and who knows what else would follow.\n"
    assert not [code for code in _codes(text) if code.startswith("NE")]
