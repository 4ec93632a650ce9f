"""International organisations in the gazetteer (`rules/entities/wikidata/international.yaml`,
made by `tools/build_organisations.py` from SupraVerden and `cleaner gazetteer import`): their
English names are correct names and near-miss targets; no abbreviation is taken (the list's
are not always the body English news means: `ESA`, `IDB`), and no name makes a common English
word a name word the detectors read (the name index keeps an organisation's common words out,
so `World Health Organization` is in)."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.gazetteer_files import new_common_words_of, reported, shipped_rules

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

from build_organisations import usable


def test_which_names_are_taken() -> None:
    assert usable("Mercosur") is None
    assert usable("United Nations") is None
    # Common words (`Health`) are taken since session 12: the name index keeps them out.
    assert usable("World Health Organization") is None
    assert usable("Safety") == "English word"
    assert usable("Secretariat of the fisheries agreement") == "description"


def test_the_shipped_names_hold_no_abbreviation_and_no_new_common_word() -> None:
    rules = shipped_rules("international.yaml")
    assert len(rules) >= 500
    assert {"World Health Organization", "World Bank"} <= {r["canonical"] for r in rules}
    names = [n for r in rules for n in [r["canonical"], *(r.get("accepted") or [])]]
    assert [n for n in names if n.isupper() and len(n) <= 6] == []
    assert new_common_words_of(rules, names) == {}


def test_a_near_miss_of_an_organisation_is_found() -> None:
    found = reported("Talks at Mercosurr ended on Monday, the ministers said.\n")
    assert found.get("NE901") == ["Mercosurr"]


def test_prose_is_read_as_before() -> None:
    text = "He said the united nations and who knows what else would follow.\n"
    assert not [code for code in reported(text) if code.startswith("NE")]


def test_an_organisations_common_words_are_no_name_words() -> None:
    """With `World Health Organization` and `World Bank` known, `World` and `Health` are no
    name words the detectors read (a stray capital stays one); the proper ones are."""
    from cleaner import Config
    from cleaner.detectors.names import NameIndex
    from cleaner.stages.detect import load_entities

    index = NameIndex.build(load_entities(Config()))
    assert not index.is_known("World") and not index.is_known("Health")
    assert index.is_known("Mercosur") and index.is_known("Atlantic")


def test_a_plural_of_an_organisations_last_word_is_no_lost_possessive() -> None:
    # WCXB: "Integrations with various tools", once the Central American Bank for Economic
    # Integration is known: the last word alone is an English word, not the body's name.
    text = "The Central American Bank for Economic Integration says so. Integrations with tools.\n"
    assert "NE903" not in reported(text)
