"""Malformed rule files: every problem names the file, the line and what is wrong, and
``cleaner rules check`` lists them all at once (exit 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import cleaner.rules.types  # noqa: F401  (registers the types)
from cleaner.cli import main
from cleaner.config import Config
from cleaner.errors import RuleFileError
from cleaner.examples import check_rule
from cleaner.pipeline import clean_text
from cleaner.rules.loader import load_all, load_file

GOOD_SUB = """\
rules:
  - id: XX901
    type: substitution
    match: [security insurance]
    replace: security guarantees
    fix: safe
    message: "'{match}' -> '{fix}'"
    tests:
      - {in: "No security insurance.", out: "No security guarantees."}
"""


def _write(tmp_path: Path, text: str, name: str = "x.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "line", "problem"),
    [
        (
            "rules:\n  - id: MT901\n    type: substitution\n    match: [a b]\n    fix: safe\n"
            "    message: m\n",
            2,
            "'replace' is required",
        ),
        ("rules:\n  - id: bad\n    type: substitution\n", 2, "needs an 'id'"),
        ("rules:\n  - id: MT901\n    type: nosuch\n    message: m\n", 2, "unknown type"),
        (
            "rules:\n  - id: MT901\n    type: pattern\n    pattern: '(unclosed'\n    message: m\n",
            2,
            "bad 'pattern'",
        ),
        (
            "rules:\n  - id: MT901\n    type: substitution\n    match: [a]\n    replace: b\n"
            "    fix: safe\n    message: m\n    colour: red\n",
            2,
            "unknown field 'colour'",
        ),
        # The old vocabulary is refused with the key that replaced it.
        (
            "rules:\n  - id: BP201\n    type: boilerplate\n    message: m\n    pattern: x\n"
            "    max_words: 3\n",
            2,
            "BP201: 'max_words' is no longer a key: write 'max-words'",
        ),
        (
            "rules:\n  - id: BP201\n    type: boilerplate\n    message: m\n    pattern: x\n"
            "    case: sensitive\n",
            2,
            "'case' is no longer a key: write 'case-sensitive: true'",
        ),
        (
            "rules:\n  - id: BP201\n    type: boilerplate\n    message: m\n    pattern: x\n"
            "    action: replace\n    replacement: y\n",
            2,
            "'replacement' is no longer a key: write 'replace'",
        ),
        (
            "rules:\n  - id: MT901\n    type: substitution\n    match: [a]\n    replace: b\n"
            "    fix: safe\n    message: m\n    context_window: 5\n",
            2,
            "'context_window' is no longer a key: write 'context-window'",
        ),
        (
            "rules:\n  - id: NE901\n    type: entity\n    message: m\n    kind: person\n",
            2,
            "'canonical' is required",
        ),
        (
            "rules:\n  - id: NE901\n    type: entity\n    message: m\n    canonical: X Y\n"
            "    native: {fr: Xy}\n",
            2,
            "'native' language 'fr' unknown",
        ),
        (
            "rules:\n  - id: NE901\n    type: entity\n    message: m\n    canonical: X Y\n"
            "    guarded: [Z]\n",
            2,
            "'guarded' variants need 'context'",
        ),
        (
            "defaults:\n  native-context: {ru: [Russia]}\n"
            "rules:\n  - id: NE901\n    type: entity\n    message: m\n    canonical: Odesa\n"
            "    kind: place\n    native: {uk: Одеса}\n",
            4,
            "needs 'context' or 'native-context' words for uk",
        ),
        (
            "rules:\n  - id: MT901\n    type: existence\n    match: [a b]\n    fix: safe\n"
            "    message: m\n",
            2,
            "existence rule only flags",
        ),
        (
            "rules:\n  - id: MT901\n    type: substitution\n    match: [peace]\n"
            "    replace: lasting peace\n    fix: safe\n    message: m\n",
            2,
            "contains its own",
        ),
        ("rules:\n  - id: MT901\n  type: x\n", 3, "invalid YAML"),
        # A repeated key: YAML would keep the later value without a word.
        (
            'lists:\n  route-fold-examples:\n    "Marko Rubio": [persian, "Marco Rubio"]\n'
            '    "Marko Rubio": [arabic, "Marco Rubio"]\n',
            4,
            "duplicate key 'Marko Rubio' (also on line 3)",
        ),
    ],
)
def test_malformed_rule_names_file_line_and_problem(
    tmp_path: Path, body: str, line: int, problem: str
) -> None:
    path = _write(tmp_path, body)
    try:
        _, errors, _ = load_file(path)
    except RuleFileError as exc:
        errors = [exc]
    assert errors, body
    message = str(errors[0])
    assert message.startswith(f"{path}:{line}: "), message
    assert problem in message


def test_check_lists_every_problem_at_once(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    _write(folder, "rules:\n  - id: MT901\n    type: nosuch\n    message: m\n", "a.yaml")
    _write(folder, "rules:\n  - id: bad\n", "b.yaml")
    _write(folder, GOOD_SUB, "c.yaml")
    _write(folder, GOOD_SUB, "d.yaml")  # duplicate id
    (tmp_path / "cleaner.toml").write_text('extend-rules = ["rules"]\n', encoding="utf-8")
    result = CliRunner().invoke(
        main, ["rules", "check", "--config", str(tmp_path / "cleaner.toml")]
    )
    assert result.exit_code == 2
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith(str(folder))]
    assert len(lines) == 3, result.stderr
    assert any("a.yaml:2: MT901: unknown type" in ln for ln in lines)
    assert any("b.yaml:2: rule needs an 'id'" in ln for ln in lines)
    assert any("d.yaml:2: duplicate id XX901" in ln for ln in lines)


def test_bad_rule_file_stops_cleaning_with_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    _write(folder, "rules:\n  - id: MT901\n    type: nosuch\n    message: m\n", "a.yaml")
    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    (tmp_path / "cleaner.toml").write_text('extend-rules = ["rules"]\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", str(tmp_path / "a.txt")])
    assert result.exit_code == 2
    assert f"{folder}/a.yaml:2: MT901: unknown type" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_rule_without_examples_fails(tmp_path: Path) -> None:
    body = GOOD_SUB.split("    tests:")[0]
    rules, errors, _ = load_all([_write(tmp_path, body)])
    assert not errors
    failures = check_rule(rules[0].record())
    assert [f.problem for f in failures] == [
        "no 'tests' example that makes the rule fire (add one; 'allows' are not enough)"
    ]


def test_a_wrong_example_fails_naming_its_line(tmp_path: Path) -> None:
    body = GOOD_SUB.replace('out: "No security guarantees."', 'out: "No security cover."')
    path = _write(tmp_path, body)
    rules, _, _ = load_all([path])
    failures = check_rule(rules[0].record(), Config(extend_rules=(str(path),)))
    assert len(failures) == 1
    assert str(failures[0]).startswith(f"{path}:9: XX901: example ")


def test_newsroom_rules_folder_extends_the_shipped_rules(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    _write(folder, GOOD_SUB, "house.yaml")
    config = Config(extend_rules=(str(folder),))
    result = clean_text("There is no security insurance here.", config)
    assert result.text == "There is no security guarantees here.\n"
    assert [e.rule for e in result.edits if e.rule.startswith("XX")] == ["XX901"]


def test_rules_list_shows_generated_variants() -> None:
    result = CliRunner().invoke(main, ["rules", "list", "--variants", "NE103"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("NE103\tentity\twarning\tsafe\t")
    assert "\tZelenskij -> Zelenskyy" in lines
    assert "\tVladimir <surname> -> Volodymyr (first name)" in lines


def test_rules_test_cli_passes_on_the_shipped_rules() -> None:
    result = CliRunner().invoke(main, ["rules", "test", "MT2"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip().endswith("0 failure(s)")


def test_native_context_from_file_defaults_guards_generated_place_garbles(tmp_path: Path) -> None:
    """The country words come from the rule file (data), and only articles about that country
    get a one-word generated garble repaired."""
    from cleaner.rules.types.entity import EntityRule

    path = _write(
        tmp_path,
        "defaults:\n  native-context: {uk: [Ukraine, Kyiv]}\n"
        "rules:\n  - id: NE901\n    type: entity\n    message: m\n    canonical: Odesa\n"
        "    kind: place\n    native: {uk: Одеса}\n",
    )
    (rule,), errors, _ = load_file(path)
    assert errors == []
    assert isinstance(rule, EntityRule)
    assert rule.to_entity().context == ("Ukraine", "Kyiv")


def test_two_folders_own_rule_folders_are_not_confused(tmp_path: Path) -> None:
    """Each folder's config names its own ``rules`` (the same relative name): one process
    cleaning both must use each folder's rules (a built pipeline is cached by config)."""
    from cleaner.config import Resolver

    texts = {}
    for name in ("a", "b"):
        (tmp_path / name / "rules").mkdir(parents=True)
        rule = GOOD_SUB.replace("security guarantees", f"security guarantees {name}")
        (tmp_path / name / "rules" / "x.yaml").write_text(rule, encoding="utf-8")
        (tmp_path / name / "cleaner.toml").write_text(
            'extend-rules = ["rules"]\ngrammar = "none"\n', encoding="utf-8"
        )
        config = Resolver().for_path(tmp_path / name / "x.txt")
        texts[name] = clean_text("They sold security insurance.\n", config).text
    assert texts == {
        "a": "They sold security guarantees a.\n",
        "b": "They sold security guarantees b.\n",
    }
