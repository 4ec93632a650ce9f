"""The boilerplate rule files load, and a broken one names its file and line. Their examples
run with every other rule's, by the one runner (tests/test_rule_examples.py)."""

from __future__ import annotations

from cleaner import Config
from cleaner.errors import RuleFileError
from cleaner.resources import builtin_rules
from cleaner.rules.loader import load_file
from cleaner.stages.boilerplate import load_boilerplate_rules

RULES = load_boilerplate_rules(Config())


def test_rules_load() -> None:
    # Their examples run with every other rule's (tests/test_rule_examples.py).
    assert len(RULES) >= 20
    assert all(rule.id.startswith("BP2") for rule in RULES)


def test_bad_boilerplate_rule_names_file_and_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import cleaner.rules.types  # noqa: F401

    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "rules:\n  - id: BP299\n    type: boilerplate\n    message: x\n    pattern: '(['\n",
        encoding="utf-8",
    )
    rules, errors, _ = load_file(bad)
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
    _, errors, _ = load_file(bad)
    assert errors and "not a named group" in str(errors[0])


def test_default_rules_folder_exists() -> None:
    assert (builtin_rules() / "boilerplate").is_dir()
