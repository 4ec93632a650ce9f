"""``cleaner check`` through the real CLI and pipeline: output lines, levels, exit codes,
positions in the file on disk, and every output format against its schema."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from .conftest import ROOT, SEEDS
from .test_cli_clean import run

SCHEMA = json.loads((ROOT / "schemas" / "cleaner-check-v1.schema.json").read_text("utf-8"))
SARIF = json.loads((ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json").read_text("utf-8"))

# "café" decoded as cp1252 after being written as UTF-8: damage main repairs today (EN101).
MOJIBAKE = "The caf\u00c3\u00a9 reopened on Monday.\n"
CANONICAL = "The cafe reopened on Monday.\n\nIt was busy.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


def test_mojibake_is_an_error_at_its_place_on_disk(tmp_path: Path) -> None:
    # CRLF line ends and a BOM: line/col must still be what an editor shows.
    src = write(tmp_path / "a.txt", "\ufeffFirst line.\r\nSecond: caf\u00c3\u00a9 here.\r\n")
    code, out, _ = run("check", str(src))
    assert code == 1
    line = next(ln for ln in out.splitlines() if " EN101 " in ln)
    assert line.startswith(f"{src}:2:12: error EN101 [*] mojibake repaired")
    assert line.endswith('"\u00c3\u00a9" -> "\u00e9"')
    assert f"{src}:1:1: info NM101 [*] byte-order mark removed" in out
    assert "Found" in out.splitlines()[-1]


def test_clean_article_passes_silently_and_file_is_untouched(tmp_path: Path) -> None:
    src = write(tmp_path / "a.txt", CANONICAL)
    code, out, _ = run("check", str(src))
    assert (code, out) == (0, "1 file(s) checked: no problems\n")
    assert src.read_text("utf-8") == CANONICAL


def test_normaliser_edits_are_info_grouped_per_rule(seeds: list[Path]) -> None:
    code, out, _ = run("check", "--select", "NM", str(SEEDS))
    assert code == 0  # canonical-form differences alone do not fail at the default level
    nm109 = [ln for ln in out.splitlines() if " NM109 " in ln]
    assert len(nm109) == 4  # one line per file that needs it, not one per paragraph
    assert all(": info NM109 [*] paragraphs separated by one blank line (" in ln for ln in nm109)
    assert "(52 places)" in out


@pytest.mark.parametrize(("level", "expected"), [("info", 1), ("warning", 0), ("error", 0)])
def test_fail_level_decides_exit_for_info_violations(
    tmp_path: Path, level: str, expected: int
) -> None:
    src = write(tmp_path / "a.txt", "Two  spaces here.\n")
    code, out, _ = run("check", "--fail-level", level, str(src))
    assert code == expected
    assert ":1:4: info NM107 [*] run of spaces collapsed" in out


def test_fail_level_error_still_fails_on_mojibake(tmp_path: Path) -> None:
    src = write(tmp_path / "a.txt", MOJIBAKE)
    assert run("check", "--fail-level", "error", str(src))[0] == 1


def test_input_and_config_errors_exit_2_with_one_line(tmp_path: Path) -> None:
    good = write(tmp_path / "ok.txt", MOJIBAKE)
    code, out, err = run("check", str(tmp_path / "missing.txt"), str(good))
    assert code == 2
    assert err.strip() == f"error: {tmp_path / 'missing.txt'}: no such file"
    assert " EN101 " in out  # the rest of the batch is still checked
    (tmp_path / "cleaner.toml").write_text("unsafe-fix = true\n")
    code, _, err = run("check", str(good))
    assert code == 2
    assert "unknown key 'unsafe-fix'" in err and "Traceback" not in err


def _offset(original: str, line: int, column: int) -> int:
    """Where an editor's line:col is, computed independently of cleaner's LineIndex."""
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", original)]
    return starts[line - 1] + column - 1


def test_offsets_and_text_refer_to_the_original(tmp_path: Path, seeds: list[Path]) -> None:
    text = "  Lead\u00a0para.\r\n\r\n\r\nMore caf\u00c3\u00a9  text \u201cq\u201d"
    src = write(tmp_path / "a.txt", text)
    for path in [src, *seeds]:
        original = path.read_bytes().decode("utf-8")
        _, out, _ = run("check", "--format", "json", str(path))
        violations = json.loads(out)["violations"]
        assert violations
        for v in violations:
            for span in [v["span"], *v["locations"]]:
                assert _offset(original, span["line"], span["column"]) == span["start"]
                assert _offset(original, span["end_line"], span["end_column"]) == span["end"]
            assert v["text"] == original[v["span"]["start"] : v["span"]["end"]]


def test_json_matches_schema_and_reports_fixability(tmp_path: Path) -> None:
    src = write(tmp_path / "a.txt", MOJIBAKE + "\n\nTrailing   \n")
    code, out, _ = run("check", "--format", "json", str(src), str(tmp_path / "nope.txt"))
    assert code == 2
    data = json.loads(out)
    jsonschema.validate(data, SCHEMA)
    assert data["tool"]["name"] == "cleaner"
    assert data["errors"] == [{"path": str(tmp_path / "nope.txt"), "message": "no such file"}]
    en = [v for v in data["violations"] if v["rule"] == "EN101"]
    assert en and en[0]["level"] == "error" and en[0]["fixable"] and en[0]["fix"] == "safe"
    assert en[0]["suggestions"] == ["\u00e9"] and en[0]["span"]["line"] == 1
    assert data["summary"]["failing"] == 1


def test_jsonl_one_violation_per_line(tmp_path: Path) -> None:
    src = write(tmp_path / "a.txt", MOJIBAKE + "x  y\n")
    _, out, _ = run("check", "--format", "jsonl", str(src))
    rows = [json.loads(line) for line in out.splitlines()]
    assert {r["rule"] for r in rows} >= {"EN101", "NM107"}
    one = {"$defs": SCHEMA["$defs"], "$ref": "#/$defs/violation"}
    validator = jsonschema.Draft202012Validator(one)
    for row in rows:
        validator.validate(row)


def test_sarif_validates_against_sarif_2_1_0(tmp_path: Path) -> None:
    src = write(tmp_path / "a.txt", MOJIBAKE + "x  y\n")
    code, out, _ = run("check", "--format", "sarif", str(src), str(SEEDS))
    assert code == 1
    data = json.loads(out)
    cls = jsonschema.validators.validator_for(SARIF)
    cls(SARIF).validate(data)
    run_ = data["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    result = next(r for r in run_["results"] if r["ruleId"] == "EN101")
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (1, 8, 10)
    change = result["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert change["insertedContent"]["text"] == "\u00e9"


def test_github_annotations(tmp_path: Path) -> None:
    src = write(tmp_path / "a.txt", MOJIBAKE)
    _, out, _ = run("check", "--format", "github", str(src))
    assert out.startswith(f"::error file={src},line=1,col=8,endLine=1,endColumn=10,title=EN101::")


def test_colour_only_on_request_or_terminal(tmp_path: Path) -> None:
    src = write(tmp_path / "a.txt", MOJIBAKE)
    _, plain, _ = run("check", str(src))
    _, coloured, _ = run("check", "--color", "always", str(src))
    assert "\x1b[" not in plain
    assert "\x1b[" in coloured and str(src) in coloured and "EN101" in coloured


def test_check_reports_exactly_what_fix_changes(tmp_path: Path, seeds: list[Path]) -> None:
    folder = tmp_path / "articles"
    for seed in seeds:
        write(folder / seed.name, seed.read_bytes().decode("utf-8"))
    write(folder / "bad.txt", MOJIBAKE + "Tabs\there.  \n")
    _, out, _ = run("check", "--format", "json", "-j", "2", str(folder))  # process pool too
    fixable = {Path(v["path"]).name for v in json.loads(out)["violations"] if v["fixable"]}
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert run("fix", str(folder))[0] == 1
    changed = {p.name for p in folder.iterdir() if p.read_bytes() != before[p.name]}
    assert changed == fixable
    _, out, _ = run("check", "--format", "json", str(folder))
    assert [v for v in json.loads(out)["violations"] if v["fixable"]] == []


def test_non_utf8_input_is_noted(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_bytes("Привет мир, это тест о кодировке текста.\n".encode("cp1251"))
    code, _, err = run("check", str(src))
    assert code == 0
    assert err == f"note: {src}: not UTF-8; decoded as cp1251\n"


def _articles(tmp_path: Path, seeds: list[Path]) -> Path:
    """The seeds, a damaged article and a cp1251 one: edits, findings, notes, other bytes."""
    folder = tmp_path / "articles"
    for seed in seeds:
        write(folder / seed.name, seed.read_bytes().decode("utf-8"))
    write(folder / "bad.txt", MOJIBAKE + "Tabs\there.  \n")
    (folder / "ru.txt").write_bytes("Привет мир, это тест о кодировке текста.\n".encode("cp1251"))
    return folder


def _cleaning_forbidden(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, cleaning a file fails the test: a run must be answered from the cache."""

    def forbidden(*_: object) -> None:
        raise AssertionError("cleaned again: not answered from the result cache")

    monkeypatch.setattr("cleaner.lint.run.clean_decoded", forbidden)


def test_an_unchanged_file_is_answered_from_the_result_cache(
    tmp_path: Path, seeds: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The pre-commit hook checks the same files again and again (issue 17): the second
    # check takes each file's result from the cache and reports exactly what a fresh run
    # does, in every format that carries the violations.
    folder = _articles(tmp_path, seeds)
    fresh = {}
    for fmt in ("json", "text"):
        with monkeypatch.context() as env:
            env.setenv("CLEANER_NO_CACHE", "1")
            fresh[fmt] = run("check", "--format", fmt, str(folder))
    assert json.loads(fresh["json"][1])["violations"]  # so the comparison means something
    assert run("check", "--format", "json", str(folder)) == fresh["json"]  # fills the cache
    _cleaning_forbidden(monkeypatch)
    for fmt in ("json", "text"):
        assert run("check", "--format", fmt, str(folder)) == fresh[fmt]
    # fix reads the same entries: what it would write, as a diff, is what check reported.
    code, diff, _ = run("fix", "--diff", str(folder))
    assert code == 1 and "+++ b/" in diff


def test_check_and_clean_share_the_result_cache(tmp_path: Path, seeds: list[Path]) -> None:
    # clean without sidecars stores no edits and findings: check cleans again and keeps the
    # whole result, which a later clean is answered from (the key is the same: bytes,
    # rules, config, code).
    folder = _articles(tmp_path, seeds)
    _, fresh, _ = run("check", "--format", "json", str(folder))
    run("clean", str(folder), "-o", str(tmp_path / "out1"))
    assert run("check", "--format", "json", str(folder))[1] == fresh
    _, _, err = run("clean", str(folder), "-o", str(tmp_path / "out2"))
    assert f"({len(seeds) + 2} from cache)" in err


def test_a_changed_file_is_checked_again(tmp_path: Path) -> None:
    src = write(tmp_path / "a.txt", CANONICAL)
    assert run("check", str(src))[0] == 0
    write(src, MOJIBAKE)
    code, out, _ = run("check", str(src))
    assert code == 1 and " EN101 " in out
