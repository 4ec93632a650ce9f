"""``cleaner diff``: the report's comparison in a terminal, readable without colour."""

from __future__ import annotations

import io
from pathlib import Path

from click.testing import CliRunner
from rich.console import Console

from cleaner.cli import main
from cleaner.report.terminal import render_diff
from tests.report_sample import SAMPLE, sample_result


def _seed_with_quotes(seeds: list[Path]) -> Path:
    return next(s for s in seeds if "\u201c" in s.read_text(encoding="utf-8"))


def test_piped_output_is_a_plain_word_diff_with_rule_ids(seeds: list[Path]) -> None:
    run = CliRunner().invoke(main, ["diff", str(_seed_with_quotes(seeds))])
    assert run.exit_code == 0, run.output
    assert '[-\u201c-]{+"+}[NM120]' in run.output
    assert "\x1b[" not in run.output  # no colour codes when not a terminal
    assert "layout changes" in run.output and "NM109" in run.output


def test_side_by_side_has_both_columns(seeds: list[Path]) -> None:
    run = CliRunner().invoke(
        main, ["diff", str(_seed_with_quotes(seeds)), "--side-by-side", "--width", "160"]
    )
    assert run.exit_code == 0, run.output
    header = next(line for line in run.output.splitlines() if "Original" in line)
    assert "Clean" in header


def test_colour_when_asked(seeds: list[Path]) -> None:
    run = CliRunner().invoke(main, ["diff", str(_seed_with_quotes(seeds)), "--color"])
    assert "\x1b[" in run.output and "[-" not in run.output


def test_findings_boilerplate_and_metadata_are_shown() -> None:
    buf = io.StringIO()
    console = Console(file=buf, width=200, color_system=None)
    render_diff("sample.txt", SAMPLE, sample_result(), console, side_by_side=False)
    out = buf.getvalue()
    assert "removed [BP201]" in out
    assert "[-Read more: subscribe to our newsletter-] [BP201]" in out
    assert "[-of Xis-]{+by Xi+}[MT101]" in out
    assert "GR-harper/Spelling warning: Did you mean 'the'?" in out
    assert "-> the | ten" in out
    assert "4:24 GR-harper/Spelling" in out  # line:col in the original
    assert "damage: score 0.42 | points 3 | words 40" in out
    assert "<script>alert(1)</script>" in out  # shown as text


def test_unreadable_file_is_one_line_error(tmp_path: Path) -> None:
    run = CliRunner().invoke(main, ["diff", str(tmp_path / "missing.txt")])
    assert run.exit_code == 2
    assert run.output.strip().endswith("missing.txt: no such file")
