"""A rule's ``confirm`` phrases: an unsafe calque fix becomes safe, with default settings, only
when the article itself writes one of them outside the match (``cleaner.rules.confirms``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import Config, clean_text
from cleaner.errors import RuleFileError
from cleaner.model import FixSafety
from cleaner.rules.confirms import confirmation

DEFAULT = Config(grammar="none")
LETTER = "New Prime Minister Lee Hsien Loong sent a letter on behalf of the Singaporean government."


def _edits(text: str, config: Config = DEFAULT) -> list[tuple[str, str]]:
    return [
        (e.rule, e.new) for e in clean_text(text + "\n", config).edits if e.rule.startswith("MT")
    ]


def test_the_same_name_after_the_right_title_elsewhere_makes_the_title_fix_safe() -> None:
    assert _edits(LETTER) == []  # a suggestion only: "New Prime Minister X" can be English
    confirmed = LETTER + " In 2022 Singapore Prime Minister Lee Hsien Loong met Li Keqiang."
    assert _edits(confirmed) == [("MT295", "Singapore Prime Minister")]
    why = clean_text(confirmed + "\n", DEFAULT).edits[0].message
    assert "the article writes 'Singapore Prime Minister Lee Hsien Loong'" in why


def test_another_name_after_the_right_title_confirms_nothing() -> None:
    text = (
        "New Prime Minister Lawrence Wong sent a letter on behalf of the Singaporean "
        "government. In 2022 Singapore Prime Minister Lee Hsien Loong met Li Keqiang."
    )
    assert _edits(text) == []


def test_the_pair_written_elsewhere_confirms_new_china() -> None:
    text = (
        "Singapore and Chongqing built a project, and the new China relations have achieved "
        "milestones, including the new China (Shenzhen) smart city project"
    )
    assert _edits(text) == []
    confirmed = text + " and the upgraded China -Singapore Free Trade Agreement."
    assert [rule for rule, _ in _edits(confirmed)] == ["MT293", "MT296", "MT902"]
    out = clean_text(confirmed + "\n", DEFAULT).text
    assert "the Singapore-China relations" in out
    assert "the Singapore-China (Shenzhen) smart city" in out


def test_the_crossing_named_right_elsewhere_confirms_the_border_door() -> None:
    # Real-MT dev set (an Indonesian source): "pintu perbatasan" word for word, and the
    # article's own "border access gate" for the same crossing.
    text = "Prabowo assured that the border door would be open."
    assert _edits(text) == []  # a suggestion only: a door in a border wall is English
    confirmed = text + " The obstacle was the border access gate between Egypt and Gaza."
    assert _edits(confirmed) == [("MT294", "border gate")]
    assert _edits(text + " He walked to the gate.") == []  # a gate, not the crossing


def test_the_match_itself_is_no_confirmation() -> None:
    text = "the China-Singapore relations"
    assert confirmation(text, 4, 19, ["China-Singapore"]) is None
    assert confirmation(text + "; China - Singapore", 4, 19, ["China-Singapore"]) == (
        "China - Singapore"
    )
    assert confirmation("Prime Minister Lee spoke.", 0, 14, ["Minister {next}"]) is None


def _rule_file(tmp_path: Path, body: str) -> Config:
    folder = tmp_path / "newsroom"
    folder.mkdir()
    (folder / "calques.yaml").write_text(body, encoding="utf-8")
    return Config(grammar="none", extend_rules=(str(folder),))


RULE = """rules:
  - id: XX101
    type: substitution
    match: [iron brother]
    replace: close ally
    fix: {fix}
    confirm: [{confirm}]
    message: "'{{match}}' is '{{fix}}'"
    reason: a test
    tests:
      - in: Pakistan is our iron brother, a close ally of ours.
        out: Pakistan is our close ally, a close ally of ours.
"""


def test_a_newsroom_rule_can_be_confirmed(tmp_path: Path) -> None:
    config = _rule_file(tmp_path, RULE.format(fix="unsafe", confirm="close ally of"))
    text = "Pakistan is our iron brother."
    assert clean_text(text + "\n", config).text == text + "\n"
    result = clean_text(text + " It is a close ally of China.\n", config)
    assert result.text.startswith("Pakistan is our close ally.")
    assert [e.fix for e in result.edits if e.rule == "XX101"] == [FixSafety.SAFE]


@pytest.mark.parametrize(
    ("fix", "confirm", "problem"),
    [
        ("safe", "close ally of", "'fix' must be unsafe"),
        ("unsafe", "'{name} ally'", "only {next} may stand in braces"),
    ],
)
def test_a_bad_confirm_is_an_error(tmp_path: Path, fix: str, confirm: str, problem: str) -> None:
    config = _rule_file(tmp_path, RULE.format(fix=fix, confirm=confirm))
    with pytest.raises(RuleFileError, match=problem):
        clean_text("text\n", config)
