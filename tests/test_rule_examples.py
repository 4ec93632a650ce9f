"""Every registered rule's own examples, one test per rule code: YAML rules and the codes the
Python stages emit alike (the registry is the list). A failing example is a failing test, and
a rule without a ``tests`` example that fires fails too (the same check as ``cleaner rules
test``)."""

from __future__ import annotations

import pytest

from cleaner.config import Config
from cleaner.examples import check_rule, unavailable
from cleaner.pipeline import code_rules, registry

from .lt_standin import StandIn

RECORDS = list(registry(Config()))


def test_the_registry_holds_the_rule_files_and_the_code_rules() -> None:
    kinds = {r.kind for r in RECORDS}
    assert {"code", "entity", "substitution", "boilerplate", "pattern"} <= kinds
    codes = {r.code for r in RECORDS}
    assert {r.code for r in code_rules()} <= codes
    assert {"NM101", "EN101", "BP250", "LN101", "MT905", "NE904", "GR-harper/"} <= codes


@pytest.mark.parametrize("record", RECORDS, ids=[r.code for r in RECORDS])
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
