"""The rule registry: every code the pipeline emits is listed, explained, selectable and
described in SARIF from one record; an unknown code in a config is a one-line error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import Config, clean_text
from cleaner.errors import ConfigError
from cleaner.examples import repairs_nothing
from cleaner.pipeline import registry

from .conftest import FIXTURES, SEEDS
from .test_cli_check import SARIF, write
from .test_cli_clean import run


def _listed() -> set[str]:
    code, out, _ = run("rules", "list")
    assert code == 0
    return {line.split("\t")[0] for line in out.splitlines() if not line.startswith("\t")}


def test_rules_list_covers_every_code_seen_on_the_seeds_and_fixtures() -> None:
    listed = _listed()
    texts = [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += [p.read_text("utf-8") for p in sorted(FIXTURES.rglob("*.txt"))]
    seen: set[str] = set()
    for config in (Config(), Config(unsafe_fixes=True)):
        for text in texts:
            result = clean_text(text, config)
            seen |= {e.rule for e in result.edits} | {f.rule for f in result.findings}
    assert seen, "the seeds should make some rule fire"
    assert seen <= listed, sorted(seen - listed)
    # The code rules that used to exist only as Python constants are listed too.
    assert {"EN101", "NM109", "BP250", "BP290", "LN101", "MT901", "NE904"} <= listed
    assert "GR-harper/SpellCheck" in listed


def test_rules_explain_prints_what_why_safety_and_examples() -> None:
    code, out, _ = run("rules", "explain", "MT905")
    assert code == 0
    assert out.startswith("MT905 (echo): a word or phrase said twice in a row")
    assert "fix:    safe" in out and "level:  warning" in out
    assert "'He went to the the station.'" in out
    code, out, _ = run("rules", "explain", "MT205")
    assert code == 0 and "security guarantees" in out and "calques.yaml" in out
    code, out, _ = run("rules", "explain", "GR-harper/SpellCheck")
    assert code == 0 and out.startswith("GR-harper/SpellCheck (in GR-harper/)")


def test_rules_explain_unknown_code_is_one_line(tmp_path: Path) -> None:
    code, _, err = run("rules", "explain", "ZZ999")
    assert code == 2
    assert err == "error: unknown rule code 'ZZ999' (`cleaner rules list` shows every code)\n"


@pytest.mark.parametrize("selector", ["ZZ", "MT9999", "GR-harper/NoSuchRule"])
def test_unknown_select_code_is_a_one_line_error(tmp_path: Path, selector: str) -> None:
    src = write(tmp_path / "a.txt", "Text.\n")
    for command in ("check", "fix", "clean", "damage"):
        code, _, err = run(command, "--select", selector, str(src))
        assert code == 2, command
        assert err.count("\n") == 1 and f"unknown rule code or prefix '{selector}'" in err
    assert src.read_text("utf-8") == "Text.\n"
    with pytest.raises(ConfigError, match="in select"):
        clean_text("Text.", Config(select=(selector,)))


def test_unknown_codes_in_the_config_file_are_refused_wherever_they_are(tmp_path: Path) -> None:
    src = write(tmp_path / "a.txt", "Text.\n")
    for table in ('ignore = ["MT2", "QQ1"]', '[per-path-ignores]\n"*.txt" = ["XX"]'):
        (tmp_path / "cleaner.toml").write_text(table + "\n", encoding="utf-8")
        code, _, err = run("check", str(src))
        assert code == 2 and "unknown rule code or prefix" in err and "Traceback" not in err


def test_known_prefixes_and_family_members_are_accepted() -> None:
    known = registry(Config())
    for selector in ("MT", "MT9", "NE904", "GR", "GR-harper/", "GR-harper/SpellCheck", "BP2"):
        assert known.selects(selector), selector


def test_sarif_describes_rules_from_the_registry(tmp_path: Path) -> None:
    import jsonschema

    src = write(tmp_path / "a.txt", "The caf\u00c3\u00a9 reopened.  It was  busy.\n")
    _, out, _ = run("check", "--grammar", "none", "--format", "sarif", str(src))
    sarif = json.loads(out)
    jsonschema.validate(sarif, SARIF)
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["EN101"]["name"] == "mojibake"
    assert rules["EN101"]["defaultConfiguration"]["level"] == "error"
    assert rules["NM107"]["shortDescription"]["text"] == "run of spaces collapsed"
    assert rules["NM107"]["properties"]["fix"] == "safe"
    _, out, _ = run("check", "--grammar", "none", "--format", "json", str(src))
    assert json.loads(out)["rules"]["EN101"]["source"] == "cleaner.stages.encoding"
    # A rule file's source is the same wherever cleaner is installed.
    src = write(tmp_path / "b.txt", "Ukraine cannot provide security insurance.\n")
    _, out, _ = run("check", "--grammar", "none", "--format", "json", str(src))
    assert json.loads(out)["rules"]["MT205"]["source"].startswith("rules/phrases/calques.yaml:")


def test_every_record_has_a_firing_example() -> None:
    # The runner fails a rule without one (tests/test_rule_examples.py runs them all); here,
    # that no record gets through with allows alone.
    # An imported entity with nothing it could repair (only correct spellings, a name ending
    # in s so no lost possessive: Kyriakos Mitsotakis) is tested by its allows examples,
    # as the runner does (``repairs_nothing``); it protects its names and feeds the name
    # detectors. Any other record needs one.
    config = Config()
    missing = [r.code for r in registry(config) if not r.tests and not repairs_nothing(r, config)]
    assert missing == []


def test_a_rule_file_cannot_take_a_built_in_code(tmp_path: Path) -> None:
    # MT901 is the stray-capital detector's: a newsroom rule under it could not be selected,
    # explained or tested apart from it.
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "house.yaml").write_text(
        "rules:\n  - id: MT901\n    type: existence\n    match: [foo bar]\n    message: m\n"
        "    tests: [{in: foo bar, out: foo bar}]\n",
        encoding="utf-8",
    )
    (tmp_path / "cleaner.toml").write_text('extend-rules = ["rules"]\n', encoding="utf-8")
    src = write(tmp_path / "a.txt", "Text.\n")
    code, _, err = run("check", str(src))
    assert code == 2
    assert f"{folder / 'house.yaml'}:2: MT901: the code belongs to a built-in rule" in err


def test_two_rules_claiming_one_code_are_refused_naming_both() -> None:
    # A code claimed by two code rules would send out edits that `select`, `rules explain`
    # and the example tests only knew by the first claimant.
    from dataclasses import replace

    from cleaner.pipeline import code_rules
    from cleaner.registry import Registry

    echo = registry(Config()).get("MT905")
    assert echo is not None
    other = replace(echo, name="doubled", origin="cleaner.detectors.other")
    with pytest.raises(ConfigError) as caught:
        Registry([*code_rules(), other])
    message = str(caught.value)
    assert "\n" not in message
    assert "MT905" in message and echo.origin in message and "cleaner.detectors.other" in message
    # The same record twice is one rule (the normaliser runs twice and declares its codes
    # each time), and every built-in code has exactly one record.
    assert len(Registry([*code_rules(), *code_rules()])) == len(Registry(code_rules()))


def test_two_rule_files_claiming_one_code_is_one_line_naming_both(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    rule = (
        "rules:\n  - id: XX901\n    type: existence\n    match: [foo bar]\n    message: m\n"
        "    tests: [{in: foo bar, out: foo bar}]\n"
    )
    for name in ("a.yaml", "b.yaml"):
        (folder / name).write_text(rule, encoding="utf-8")
    (tmp_path / "cleaner.toml").write_text('extend-rules = ["rules"]\n', encoding="utf-8")
    src = write(tmp_path / "a.txt", "Text.\n")
    code, _, err = run("check", str(src))
    assert code == 2 and err.count("\n") == 1, err
    assert f"{folder / 'b.yaml'}:2: duplicate id XX901 (also {folder / 'a.yaml'}:2)" in err


def test_records_made_on_first_look_up_are_the_records_made_at_once() -> None:
    # The rule files' records are made when looked up (issue 17: a cold check looks up the
    # few that fire); the registry must read as if every one had been made at the start.
    from cleaner.pipeline import amended, code_rules
    from cleaner.registry import Registry
    from cleaner.rules.loader import Amendment
    from cleaner.rules.rulebook import load_rules

    config = Config()
    specs = load_rules(config)
    files = [r for r in specs if not isinstance(r, Amendment)]
    at_once = Registry(
        amended(
            [*code_rules(), *(r.record() for r in files)],
            [r for r in specs if isinstance(r, Amendment)],
        )
    )
    lazy = Registry(code_rules(), {r.id: r.record for r in files})
    assert len(lazy.records) == len(lazy.records._built) + len(files)  # none made yet
    some = files[len(files) // 2].id
    assert lazy.get(some) == at_once.get(some)
    assert lazy.records.get("NO-SUCH-CODE") is None and "NO-SUCH-CODE" not in lazy.records
    known = registry(config)
    assert len(known) == len(at_once)
    assert sorted(known.records) == sorted(at_once.records)
    assert list(known) == list(at_once)  # every record, equal, in code order
    assert known.codes() == at_once.codes()
    with pytest.raises(ValueError):
        Registry(code_rules(), {code_rules()[0].code: files[0].record})
