"""Every boilerplate rule's own examples, run by the agreed convention (COMMON.md): a ``tests``
example passes when the rule alone (with normalisation on) turns ``in`` into ``out``
normalised the same way; an ``allows`` example must get no edit and no finding from it."""

from __future__ import annotations

import pytest

from cleaner import Config, clean_text
from cleaner.errors import RuleFileError
from cleaner.resources import builtin_rules
from cleaner.rules.examples import check_rule
from cleaner.rules.loader import load_file
from cleaner.stages.boilerplate import load_boilerplate_rules

RULES = load_boilerplate_rules(Config())
TESTS = [(r, ex) for r in RULES for ex in r.tests]
ALLOWS = [(r, ex) for r in RULES for ex in r.allows]


def _id(item: object) -> str:
    rule, ex = item  # type: ignore[misc]
    return f"{rule.id}:{ex.line}"


def test_rules_load_and_each_has_examples() -> None:
    assert len(RULES) >= 20
    for rule in RULES:
        assert rule.id.startswith("BP2")
        assert rule.tests or rule.allows, f"{rule.where} has no examples"


@pytest.mark.parametrize("item", TESTS, ids=[_id(t) for t in TESTS])
def test_rule_example_is_fixed(item) -> None:  # type: ignore[no-untyped-def]
    rule, ex = item
    got = clean_text(ex.text_in, Config(select=(rule.id, "NM", "EN")))
    want = clean_text(ex.text_out, Config(select=("NM", "EN"))).text
    assert got.text == want, f"{rule.where}"
    assert any(e.rule == rule.id for e in got.edits)


@pytest.mark.parametrize("item", ALLOWS, ids=[_id(t) for t in ALLOWS])
def test_rule_allows_example(item) -> None:  # type: ignore[no-untyped-def]
    rule, ex = item
    got = clean_text(ex.text_in, Config(select=(rule.id, "NM", "EN")))
    assert not [e for e in got.edits if e.rule == rule.id], rule.where
    assert not [f for f in got.findings if f.rule == rule.id], rule.where


def test_bad_boilerplate_rule_names_file_and_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import cleaner.rules.types  # noqa: F401

    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "rules:\n  - id: BP299\n    type: boilerplate\n    message: x\n    pattern: '(['\n",
        encoding="utf-8",
    )
    rules, errors = load_file(bad)
    assert not rules
    assert len(errors) == 1 and isinstance(errors[0], RuleFileError)
    assert "bad.yaml:2" in str(errors[0]) and "BP299" in str(errors[0])


def test_lift_must_name_a_group(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import cleaner.rules.types  # noqa: F401

    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "rules:\n  - id: BP298\n    type: boilerplate\n    message: x\n"
        "    pattern: 'Source: (?P<src>.+)'\n    lift: {source: source}\n",
        encoding="utf-8",
    )
    _, errors = load_file(bad)
    assert errors and "not a named group" in str(errors[0])


def test_default_rules_folder_exists() -> None:
    assert (builtin_rules() / "boilerplate").is_dir()


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_passes_the_engines_example_check(rule) -> None:  # type: ignore[no-untyped-def]
    """The same examples through the rule engine's runner (``cleaner rules test``)."""
    assert check_rule(rule) == []
