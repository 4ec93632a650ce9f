"""Every shipped rule's own examples, one test per rule: a failing example is a failing test,
and a rule without examples fails (the same check as ``cleaner rules test``)."""

from __future__ import annotations

import pytest

from cleaner.config import Config
from cleaner.rules.examples import check_rule
from cleaner.rules.rulebook import load_rules

RULES = load_rules(Config())


def test_shipped_rules_load() -> None:
    assert len(RULES) > 0


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_examples(rule) -> None:  # type: ignore[no-untyped-def]
    failures = check_rule(rule)
    assert not failures, "\n".join(str(f) for f in failures)
