"""``amend`` entries: a rule folder adds to rules defined elsewhere (a shipped entity's
variants, a code rule's exceptions), validated like any rule, examples run where written."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from cleaner import Config, clean_text
from cleaner.cli import main


def folder(tmp_path: Path, body: str) -> Config:
    rules = tmp_path / "mine"
    rules.mkdir()
    (rules / "amend.yaml").write_text(body, encoding="utf-8")
    config = tmp_path / "cleaner.toml"
    config.write_text('[tool.cleaner]\nextend-rules = ["mine"]\ngrammar = "none"\n', "utf-8")
    return Config(extend_rules=(str(rules),), grammar="none")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_an_entity_learns_a_variant_from_another_folder(tmp_path: Path) -> None:
    config = folder(
        tmp_path,
        "amend:\n  - id: NE243\n    variants: [Steve Witkov]\n"
        "    tests:\n      - {in: 'Steve Witkov spoke.', out: 'Steve Witkoff spoke.'}\n",
    )
    assert clean_text("Steve Witkov spoke.\n").text == "Steve Witkov spoke.\n"
    assert clean_text("Steve Witkov spoke.\n", config).text == "Steve Witkoff spoke.\n"
    code, out = run("rules", "test", "NE243", "--config", str(tmp_path / "cleaner.toml"))
    assert code == 0 and "0 failure(s)" in out, out


def test_an_entity_learns_an_office_it_took_later(tmp_path: Path) -> None:
    # Steve Witkoff's rule names no office: a letter off right after it is nobody's yet.
    text = "United States Special Envoy Witkoft met Putin.\n"
    assert "Witkoff" not in clean_text(text, Config(grammar="none")).text
    config = folder(
        tmp_path,
        "amend:\n  - id: NE243\n    titles: [United States Special Envoy to the Middle East]\n",
    )
    assert clean_text(text, config).text == "United States Special Envoy Witkoff met Putin.\n"


def test_a_failing_amended_example_is_reported_where_it_was_written(tmp_path: Path) -> None:
    folder(
        tmp_path,
        "amend:\n  - id: NE243\n"
        "    tests:\n      - {in: 'Steve Witkov spoke.', out: 'Steve Witkoff spoke.'}\n",
    )
    code, out = run("rules", "test", "NE243", "--config", str(tmp_path / "cleaner.toml"))
    assert code == 1
    assert f"{tmp_path / 'mine' / 'amend.yaml'}:4: NE243: example 'Steve Witkov spoke.'" in out


def test_a_code_rule_learns_an_exception(tmp_path: Path) -> None:
    text = "Russia continues to Provide support.\n"
    assert [f.rule for f in clean_text(text, Config(grammar="none")).findings] == ["MT901"]
    config = folder(tmp_path, "amend:\n  - id: MT901\n    exceptions: ['\\bProvide\\b']\n")
    assert clean_text(text, config).findings == []


def test_bad_amendments_are_rule_file_errors(tmp_path: Path) -> None:
    folder(
        tmp_path,
        "amend:\n"
        "  - id: MT205\n    variants: [x]\n"
        "  - id: MT205\n    replace: y\n"
        "  - id: ZZ999\n    exceptions: [z]\n",
    )
    code, out = run("rules", "check", "--config", str(tmp_path / "cleaner.toml"))
    assert code == 2
    where = tmp_path / "mine" / "amend.yaml"
    assert f"{where}:2: amend MT205: 'variants' can only be added to an entity" in out
    assert f"{where}:4: amend MT205: 'replace' cannot be amended" in out
    assert f"{where}:6: amend ZZ999: no rule has this code" in out
