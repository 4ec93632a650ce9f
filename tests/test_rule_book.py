"""A run's view of the rule files (``RuleBook``, issue 17) holds what ``load_rules`` holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner.config import Config
from cleaner.errors import RuleFileError
from cleaner.rules import rulebook
from cleaner.rules.loader import Amendment
from cleaner.rules.rulebook import load_folders, load_lexicon, load_rules, rule_book, rule_folders
from cleaner.rules.types.entity import EntityRule


def _same_as_load_rules(config: Config) -> None:
    book = rule_book(config)
    rules = load_rules(config)
    files = [r for r in rules if not isinstance(r, Amendment)]
    assert book.ids == tuple(r.id for r in files)
    assert book.paths == {r.id: r.path for r in files}
    assert book.others == tuple(r for r in files if not isinstance(r, EntityRule))
    assert list(book.amendments) == [r for r in rules if isinstance(r, Amendment)]
    assert book.lexicon == load_folders(rule_folders(config))[2]
    assert len(book.rules) == len(files) and list(book.rules) == list(book.ids)
    for rule in files:  # every entity rule read back on demand equals the parsed one
        assert book.rule(rule.id) == rule
    assert "NO-SUCH-RULE" not in book.rules and book.rules.get("NO-SUCH-RULE") is None


def test_the_view_read_back_from_the_cache_is_the_rule_book() -> None:
    config = Config()
    rulebook.forget_rule_files()
    _same_as_load_rules(config)  # built from the rule files (and stored)
    rulebook.forget_rule_files()
    built = rule_book(config)
    assert any(isinstance(r, EntityRule) for r in load_rules(config))
    _same_as_load_rules(config)  # read back from the set-up cache
    assert rule_book(config) is built  # once per process and folder set
    assert load_lexicon(config) is built.lexicon


def test_a_rule_file_problem_is_raised_as_load_rules_raises_it(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "bad.yaml").write_text("rules:\n  - id: X1\n    type: entity\n", encoding="utf-8")
    config = Config(extend_rules=(str(folder),))
    with pytest.raises(RuleFileError) as by_load:
        load_rules(config)
    with pytest.raises(RuleFileError) as by_book:
        rule_book(config)
    assert str(by_book.value) == str(by_load.value)
    missing = Config(extend_rules=(str(tmp_path / "nowhere"),))
    with pytest.raises(RuleFileError, match="does not exist"):
        rule_book(missing)
