"""``cleaner fix`` and the ways to silence ``cleaner check``: in-place fixes, --diff, exit codes,
``[sic]``, per-path ignores, baselines, and config found per file (as under pre-commit)."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from .test_cli_check import MOJIBAKE, run, write


def test_fix_rewrites_in_place_exits_1_then_0(tmp_path: Path) -> None:
    src = write(tmp_path / "a.txt", MOJIBAKE + "Two  spaces.")
    os.chmod(src, 0o640)
    code, out, err = run("fix", str(src))
    assert code == 1
    assert out == ""
    assert f"fixed {src}" in err and "EN101 1" in err
    assert src.read_text("utf-8") == "The caf\u00e9 reopened on Monday.\n\nTwo spaces.\n"
    assert stat.S_IMODE(src.stat().st_mode) == 0o640  # atomic write keeps permissions
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]  # no temp file left behind
    assert run("fix", str(src))[0] == 0


def test_fix_diff_prints_and_does_not_write(tmp_path: Path) -> None:
    src = write(tmp_path / "a.txt", MOJIBAKE)
    code, out, _ = run("fix", "--diff", str(src))
    assert code == 1
    assert src.read_text("utf-8") == MOJIBAKE
    assert "-The caf\u00c3\u00a9 reopened on Monday.\n+The caf\u00e9 reopened on Monday.\n" in out
    assert out.startswith("--- a/")


def test_fix_diff_marks_missing_final_newline(tmp_path: Path) -> None:
    src = write(tmp_path / "a.txt", "No newline at the end")
    _, out, _ = run("fix", "--diff", str(src))
    assert "-No newline at the end\n\\ No newline at end of file\n+No newline at the end\n" in out


def test_fix_errors_exit_2_and_leave_other_files_fixed(tmp_path: Path) -> None:
    src = write(tmp_path / "a.txt", MOJIBAKE)
    (tmp_path / "bin.txt").write_bytes(b"%PDF-1.4 binary")
    code, _, err = run("fix", str(tmp_path / "bin.txt"), str(src))
    assert code == 2
    assert "bin.txt: binary file (PDF document), not text" in err
    assert "fixed 1 of 1 file(s) (EN101 1); 1 error(s)" in err
    assert "\u00e9" in src.read_text("utf-8")


def test_fix_summary_counts_the_failed_file_when_it_is_the_only_one(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"%PDF-1.4 binary")
    code, _, err = run("fix", str(tmp_path / "bin.txt"))
    assert code == 2
    assert "fixed 0 of 0 file(s); 1 error(s)" in err  # not a bare "fixed 0 of 0" that reads as done


def test_sic_protects_the_word_before_it(tmp_path: Path) -> None:
    text = "The caf\u00c3\u00a9 [sic] said the caf\u00c3\u00a9 owner.\n"
    src = write(tmp_path / "a.txt", text)
    _, out, _ = run("check", "--format", "json", str(src))
    starts = [v["span"]["start"] for v in json.loads(out)["violations"]]
    assert starts == [text.rindex("caf") + 3]  # only the unmarked word
    assert run("fix", str(src))[0] == 1
    assert src.read_text("utf-8") == "The caf\u00c3\u00a9 [sic] said the caf\u00e9 owner.\n"
    assert run("check", "--fail-level", "info", str(src))[0] == 0


def test_per_path_ignores_apply_to_check_and_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.cleaner]\nquotes = "keep"\n\n'
        '[tool.cleaner.per-path-ignores]\n"articles/archive/**" = ["EN", "GR"]\n'
    )
    old = write(tmp_path / "articles" / "archive" / "2019" / "old.txt", MOJIBAKE)
    new = write(tmp_path / "articles" / "new.txt", MOJIBAKE)
    monkeypatch.chdir(tmp_path / "articles")  # globs are relative to the config file
    code, out, _ = run("check", str(old), str(new))
    assert code == 1
    assert str(new) in out and str(old) not in out
    run("fix", str(old), str(new))
    assert old.read_text("utf-8") == MOJIBAKE
    assert new.read_text("utf-8") != MOJIBAKE


def test_bad_per_path_ignores_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "cleaner.toml").write_text('per-path-ignores = ["EN"]\n')
    code, _, err = run("check", str(write(tmp_path / "a.txt", MOJIBAKE)))
    assert code == 2 and "per-path-ignores" in err


def test_each_file_uses_its_nearest_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    quoted = "He said \u201chello\u201d.\n"
    a = write(tmp_path / "keep" / "a.txt", quoted)
    b = write(tmp_path / "straight" / "b.txt", quoted)
    (tmp_path / "keep" / "cleaner.toml").write_text('quotes = "keep"\n')
    monkeypatch.chdir(tmp_path)  # as pre-commit: repo root, file arguments
    _, out, _ = run("check", "--fail-level", "info", "keep/a.txt", "straight/b.txt")
    assert "straight/b.txt:1:9: info NM120" in out and "keep/a.txt" not in out
    assert a.read_text("utf-8") == b.read_text("utf-8") == quoted


def test_baseline_hides_known_violations_and_survives_edits_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    src = write(tmp_path / "articles" / "a.txt", MOJIBAKE)
    code, _, err = run("check", "--write-baseline", "baseline.json", "articles")
    assert code == 0 and "wrote 1 violation(s)" in err
    data = json.loads((tmp_path / "baseline.json").read_text("utf-8"))
    assert data["entries"][0]["path"] == "articles/a.txt"
    assert data["entries"][0]["rule"] == "EN101"
    assert run("check", "--baseline", "baseline.json", "articles")[0] == 0
    # A new paragraph above moves every offset; the old mojibake stays known, the new is not.
    src.write_text("A new lead paragraph na\u00c3\u00afve.\n\n" + MOJIBAKE, encoding="utf-8")
    code, out, _ = run("check", "--baseline", str(tmp_path / "baseline.json"), str(src))
    assert code == 1
    lines = [ln for ln in out.splitlines() if "EN101" in ln]
    assert len(lines) == 1 and ":1:24: error EN101" in lines[0]


def test_unreadable_baseline_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "b.json").write_text("{}")
    src = write(tmp_path / "a.txt", MOJIBAKE)
    code, _, err = run("check", "--baseline", str(tmp_path / "b.json"), str(src))
    assert code == 2 and "not a cleaner baseline" in err


@pytest.mark.parametrize("mark", ["[sic]", "[SIC]", "[sic!]", "(sic)", "\u00a0[sic]"])
def test_sic_survives_edits_around_it_in_several_batches(tmp_path: Path, mark: str) -> None:
    # CRLF (NM102), runs of spaces before and after (NM107), mojibake inside (EN101): the
    # protected word is mapped through every batch and put back exactly.
    text = f"\u201cHe said  caf\u00c3\u00a9{mark}  and   na\u00c3\u00afve.\u201d\r\n"
    src = write(tmp_path / "a.txt", text)
    assert run("fix", str(src))[0] == 1
    # A no-break space between word and mark is part of the protected span: kept as is.
    assert src.read_text("utf-8") == f'"He said caf\u00c3\u00a9{mark} and na\u00efve."\n'


def test_unsafe_fixes_only_on_request(tmp_path: Path) -> None:
    # MT202 (rules/phrases/calques.yaml) is an unsafe fix: reported, applied only on opt-in.
    text = "Leaders attend the celebrations of the day of success on May 9.\n"
    src = write(tmp_path / "a.txt", text)
    _, out, _ = run("check", str(src))
    assert ":1:36: info MT202 [unsafe fix] " in out
    assert "1 more with `cleaner fix --unsafe-fixes`" in out
    assert run("fix", str(src))[0] == 0
    assert src.read_text("utf-8") == text
    _, out, _ = run("check", "--unsafe-fixes", "--format", "json", str(src))
    (v,) = json.loads(out)["violations"]
    assert (v["rule"], v["kind"], v["fix"], v["fixable"]) == ("MT202", "edit", "unsafe", True)
    assert run("fix", "--unsafe-fixes", str(src))[0] == 1
    assert src.read_text("utf-8") == "Leaders attend the celebrations of Victory Day on May 9.\n"
