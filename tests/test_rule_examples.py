"""Every shipped rule's own examples: a failing example is a failing test, and a rule without
examples fails (the same check as ``cleaner rules test``).

Hand-written rules are one test each, each rule alone. The entities ``cleaner gazetteer
import`` wrote (they carry ``wikidata``) are thousands of machine-made rules: they run as one
batch per file, all selected together, so a failure names the rule and the suite does not
build a pipeline per imported name.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from cleaner.config import Config
from cleaner.rules.examples import check_rule, check_rules
from cleaner.rules.rulebook import load_rules

RULES = load_rules(Config())
HAND = [r for r in RULES if getattr(r, "wikidata", None) is None]
IMPORTED: dict[str, list] = defaultdict(list)  # type: ignore[type-arg]
for _rule in RULES:
    if getattr(_rule, "wikidata", None) is not None:
        IMPORTED[_rule.path].append(_rule)


def test_shipped_rules_load() -> None:
    assert len(HAND) > 0
    assert sum(len(v) for v in IMPORTED.values()) >= 2000  # the gazetteer at newsroom scale


@pytest.mark.parametrize("rule", HAND, ids=[r.id for r in HAND])
def test_rule_examples(rule) -> None:  # type: ignore[no-untyped-def]
    failures = check_rule(rule)
    assert not failures, "\n".join(str(f) for f in failures)


@pytest.mark.parametrize("path", sorted(IMPORTED), ids=lambda p: p.rsplit("/", 1)[-1])
def test_imported_rule_examples(path: str) -> None:
    rules = IMPORTED[path]
    failures = check_rules(rules)
    assert not failures, f"{len(failures)} failing:\n" + "\n".join(str(f) for f in failures[:30])
    # Most imported entities repair something: a generated garble or a lost possessive.
    assert sum(1 for r in rules if r.tests) > 0.8 * len(rules)
