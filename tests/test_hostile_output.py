"""Control characters in article text and file names reach no terminal or log raw
(issue 16): ``cleaner diff`` and ``check``'s text and GitHub formats show them as escapes."""

from __future__ import annotations

from pathlib import Path

import pytest

from .hostile import cli

FAST = ("--grammar", "none")
HOSTILE = "The minister\x1b[2J said\x1b[31m the talks\u202e would\x07 resume  on Monday.\n"
RAW = ("\x1b[2J", "\x1b[31m", "\u202e", "\x07")


@pytest.mark.parametrize("color", ["--no-color", "--color"])
@pytest.mark.parametrize("layout", ["--unified", "--side-by-side"])
def test_diff_shows_escape_sequences_in_the_article_instead_of_running_them(
    tmp_path: Path, color: str, layout: str
) -> None:
    src = tmp_path / "a.txt"
    src.write_text(HOSTILE, encoding="utf-8")
    done = cli("diff", str(src), color, layout, "--width", "160", *FAST)
    assert done.returncode == 0, done.stderr
    for raw in RAW:
        assert raw not in done.stdout, (raw, done.stdout)
    assert "\\e[2J" in done.stdout and "\\u202e" in done.stdout


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_check_output_is_one_line_per_violation_whatever_the_names(
    tmp_path: Path, fmt: str
) -> None:
    src = tmp_path / "x\nerror: forged\x1b[2J.txt"
    src.write_text(HOSTILE, encoding="utf-8")
    done = cli("check", str(tmp_path), "--format", fmt, *FAST)
    assert done.returncode == 1, done.stderr
    for raw in RAW:
        assert raw not in done.stdout, (raw, done.stdout)
    lines = done.stdout.splitlines()
    if fmt == "github":
        assert lines and all(line.startswith("::") for line in lines), lines
    else:
        name = str(tmp_path / "x\\nerror: forged\\e[2J.txt")
        assert all(line.startswith(f"{name}:") for line in lines[:-1]), lines
        assert lines[-1].startswith("Found ")
