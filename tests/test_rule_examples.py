"""Every registered rule's own examples: YAML rules and the codes the Python stages emit alike
(the registry is the list). A failing example is a failing test, and a rule without a
``tests`` example that fires fails too (the same check as ``cleaner rules test``).

Hand-written rules and code rules are one test each, each rule alone. The entities ``cleaner
gazetteer import`` wrote (their rules carry ``wikidata``) are thousands of machine-made rules:
they run as one batch per file, all selected together, so a failure names the rule and the
suite does not build a pipeline per imported name.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from cleaner.config import Config
from cleaner.examples import check_rule, check_rules, unavailable
from cleaner.pipeline import code_rules, registry
from cleaner.rules.rulebook import load_rules

from .lt_standin import StandIn

RECORDS = list(registry(Config()))
_IMPORTED_FILES = {r.id: r.path for r in load_rules(Config()) if getattr(r, "wikidata", None)}
HAND = [r for r in RECORDS if r.code not in _IMPORTED_FILES]
IMPORTED: dict[str, list] = defaultdict(list)  # type: ignore[type-arg]
for _record in RECORDS:
    if _record.code in _IMPORTED_FILES:
        IMPORTED[_IMPORTED_FILES[_record.code]].append(_record)


def test_the_registry_holds_the_rule_files_and_the_code_rules() -> None:
    kinds = {r.kind for r in RECORDS}
    assert {"code", "entity", "substitution", "boilerplate", "pattern"} <= kinds
    codes = {r.code for r in RECORDS}
    assert {r.code for r in code_rules()} <= codes
    assert {"NM101", "EN101", "BP250", "LN101", "MT905", "NE904", "GR-harper/"} <= codes
    assert sum(len(v) for v in IMPORTED.values()) >= 2000  # the gazetteer at newsroom scale


@pytest.mark.parametrize("record", HAND, ids=[r.code for r in HAND])
def test_rule_examples(record) -> None:  # type: ignore[no-untyped-def]
    base = Config()
    if record.code == "GR-languagetool/":
        # No LanguageTool here: its examples run against the protocol stand-in.
        with StandIn() as standin:
            base = Config(languagetool_url=standin.url)
            assert unavailable(record, base) is None
            failures = check_rule(record, base)
    else:
        assert unavailable(record, base) is None
        failures = check_rule(record, base)
    assert not failures, "\n".join(str(f) for f in failures)


@pytest.mark.parametrize("path", sorted(IMPORTED), ids=lambda p: p.rsplit("/", 1)[-1])
def test_imported_rule_examples(path: str) -> None:
    records = IMPORTED[path]
    failures = check_rules(records)
    assert not failures, f"{len(failures)} failing:\n" + "\n".join(str(f) for f in failures[:30])
    # Most imported entities repair something: a generated garble or a lost possessive.
    # Parties and international organisations have no native route, and a name ending in s
    # (`Liberal Democrats`, `Indian National Congress`: 33 of 257 parties; `United Nations`,
    # `Organization of Turkic States`: 23 of 182 organisations; `Bernie Sanders`, `Brian
    # Schatz`: 4 of 39 leaders of Congress) shows no lost possessive.
    small = path.endswith(("/parties.yaml", "/international.yaml", "/legislatures.yaml"))
    share = 0.85 if small else 0.9
    assert sum(1 for r in records if r.tests) > share * len(records)
