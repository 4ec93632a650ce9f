"""A newsroom's own rule files cannot hang a batch or fail every article (issue 16).

A pattern with catastrophic backtracking is stopped by the regex time limit and becomes one
error line naming the rule and its file; a replacement template that refers to a group the
pattern does not have is a ``rules check`` error naming the file and line."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from .hostile import CLEANED, GOOD, cli, error_lines

FAST = ("--grammar", "none")

CATASTROPHIC = """\
rules:
  - id: XX901
    type: {type}
    pattern: '(a|a)+;'
    {extra}
    message: "a run of a"
    tests:
      - {{in: "Then a; came.", out: "Then a; came."}}
"""


def _newsroom(tmp_path: Path, rules: str) -> Path:
    feed = tmp_path / "feed"
    (feed / "rules").mkdir(parents=True)
    (feed / "rules" / "house.yaml").write_text(rules, encoding="utf-8")
    (feed / "cleaner.toml").write_text('extend-rules = ["rules"]\n', encoding="utf-8")
    (feed / "good.txt").write_text(GOOD, encoding="utf-8")
    return feed


@pytest.mark.parametrize(
    ("rule_type", "extra"),
    [("pattern", "fix: none"), ("boilerplate", "action: remove")],
)
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_catastrophic_pattern_is_one_error_naming_the_rule(
    tmp_path: Path, rule_type: str, extra: str, jobs: str
) -> None:
    feed = _newsroom(tmp_path, CATASTROPHIC.format(type=rule_type, extra=extra))
    (feed / "bad.txt").write_text("The cry was " + "a" * 34 + " and then silence.\n")
    out = tmp_path / "out"
    start = time.monotonic()
    done = cli("clean", str(feed), "-o", str(out), "-j", jobs, *FAST, timeout=120)
    elapsed = time.monotonic() - start
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    [line] = error_lines(done.stderr)
    assert "bad.txt: rule XX901 (" in line, line
    assert "house.yaml:2)" in line and "catastrophic backtracking" in line, line
    assert (out / "good.txt").read_text(encoding="utf-8") == CLEANED
    assert elapsed < 60, elapsed


BAD_TEMPLATES = """\
rules:
  - id: XX902
    type: pattern
    pattern: '(\\w+) -(?=tech)'
    replace: '\\9-'
    fix: safe
    message: "spaced hyphen"
    tests:
      - {in: "A high -tech plant.", out: "A high-tech plant."}
  - id: XX903
    type: boilerplate
    pattern: '^Source: (?P<who>.+)$'
    action: replace
    replace: 'Via \\g<whom>'
    message: "source line"
    tests:
      - {in: "Text.\\n\\nSource: AP", out: "Text.\\n\\nVia AP"}
"""


def test_rules_check_refuses_templates_that_refer_to_missing_groups(tmp_path: Path) -> None:
    feed = _newsroom(tmp_path, BAD_TEMPLATES)
    done = cli("rules", "check", "--config", str(feed / "cleaner.toml"))
    assert done.returncode == 2, done.stdout
    house = feed / "rules" / "house.yaml"
    assert f"{house}:2: XX902: bad 'replace' template '\\\\9-': group 9 does not exist" in (
        done.stderr
    ), done.stderr
    assert f"{house}:10: XX903: bad 'replace' template" in done.stderr, done.stderr
    assert "unknown group" in done.stderr


def test_cleaning_with_a_bad_template_is_a_rule_file_error_not_an_internal_one(
    tmp_path: Path,
) -> None:
    feed = _newsroom(tmp_path, BAD_TEMPLATES)
    done = cli("clean", str(feed / "good.txt"), *FAST)
    assert done.returncode == 2
    assert "internal error" not in done.stderr
    [line] = error_lines(done.stderr)
    assert "house.yaml:2: XX902: bad 'replace' template" in line
