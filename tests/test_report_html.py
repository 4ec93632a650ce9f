"""The HTML report as a file: self-contained, escaped, complete; and the commands that write it."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from cleaner.cli import main
from cleaner.report.build import article_data, damage_of, error_data
from cleaner.report.render import render_report, unpack
from cleaner.review.decisions import content_hash
from tests.report_sample import SAMPLE, sample_result

_BLOCK = re.compile(r'<script type="application/x-gzip-base64" id="d(\d+)">(.*?)</script>', re.S)


def _articles() -> list[dict]:
    return [
        article_data("sample.txt", SAMPLE, sample_result()),
        error_data("<b>broken</b>.txt", "<b>broken</b>.txt: binary file (PDF document), not text"),
    ]


def test_article_text_and_names_cannot_become_markup() -> None:
    html = render_report(_articles())
    assert "<script>alert(1)</script>" not in html
    assert "<b>broken</b>" not in html
    assert "&lt;b&gt;broken&lt;/b&gt;.txt" in html
    # The article blocks are base64: no text can close a block early.
    for _, body in _BLOCK.findall(html):
        assert re.fullmatch(r"[A-Za-z0-9+/=]+", body)


def test_review_manifest_names_each_article_under_one_root_and_cannot_close_its_block(
    tmp_path: Path,
) -> None:
    hostile = str(tmp_path / "feed" / "a</script><script>alert(1)</script>.txt")
    articles = [
        article_data(str(tmp_path / "feed" / "x" / "one.txt"), SAMPLE, sample_result()),
        article_data(hostile, SAMPLE, sample_result()),
    ]
    html = render_report(articles)
    found = re.search(r'<script type="application/json" id="review-meta">(.*?)</script>', html)
    assert found and "<" not in found.group(1)
    meta = json.loads(found.group(1))
    assert meta["schema"] == "cleaner-decisions/1"
    assert meta["root"] == str((tmp_path / "feed").resolve())
    assert [a[0] for a in meta["articles"]] == [
        "x/one.txt",
        "a</script><script>alert(1)</script>.txt",
    ]
    assert meta["articles"][0][1] == content_hash(SAMPLE)
    # The same batch gives the same id (decisions saved in the page carry over to a rebuilt
    # report); another text, another id.
    again = render_report(articles)
    assert f'"id":"{meta["id"]}"' in again
    changed = [articles[0], article_data(hostile, SAMPLE + "x", sample_result(SAMPLE + "x"))]
    assert f'"id":"{meta["id"]}"' not in render_report(changed)


def test_blocks_carry_each_article_exactly() -> None:
    articles = _articles()
    html = render_report(articles)
    blocks = {int(i): unpack(body) for i, body in _BLOCK.findall(html)}
    assert blocks == {0: json.loads(json.dumps(articles[0])), 1: articles[1]}
    assert "<script>alert(1)</script>" in json.dumps(blocks[0], ensure_ascii=False)


def test_the_report_needs_no_network() -> None:
    html = render_report(_articles())
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "@import" not in html and "url(" not in html
    assert "<style>" in html and "<script>" in html


def test_index_counts_every_stage_boilerplate_damage_and_errors() -> None:
    data = _articles()[0]
    counts = data["counts"]
    assert counts["by_stage"] == {"boilerplate": 1, "artifact": 2, "normalise": 5}
    assert counts["by_level"] == {"warning": 1, "info": 1}
    assert counts["boilerplate_blocks"] == 1
    assert counts["boilerplate_chars"] == len("Read more: subscribe to our newsletter\n")
    assert counts["damage"] == 0.42
    assert {"BP201", "MT101", "MT102", "NM120", "GR-harper/Spelling"} <= set(counts["rules"])
    html = render_report(_articles())
    for heading in ("boilerplate", "artifact", "normalise", "Damage", "warning", "info"):
        assert heading in html
    assert "0.42" in html and "1 (39 ch)" in html
    assert 'class="failed"' in html and "binary file (PDF document)" in html


def test_damage_score_is_found_under_any_damage_key() -> None:
    assert damage_of({"damage": 0.3}) == 0.3
    assert damage_of({"mt_damage": {"score": 0.7}}) == 0.7
    assert damage_of({"source": "AP"}) is None
    assert damage_of({"damage": True}) is None


def test_metadata_and_boilerplate_reason_reach_the_article() -> None:
    data = _articles()[0]
    assert data["meta"]["source"] == "AP" and data["meta"]["date"] == "2025-05-04"
    assert data["meta"]["damage"]["score"] == 0.42
    block = next(c for c in data["changes"] if c["kind"] == "block")
    assert block["rules"] == ["BP201"] and block["stage"] == "boilerplate"
    assert data["edits"][block["edits"][0]][2] == "newsletter promotion"
    finding = next(f for f in data["findings"] if f["rule"] == "GR-harper/Spelling")
    assert finding["suggestions"] == ["the", "ten"]


def test_cleaner_report_command(tmp_path: Path, seeds: list[Path]) -> None:
    out = tmp_path / "report.html"
    run = CliRunner().invoke(main, ["report", *map(str, seeds), "-o", str(out), "-j", "1"])
    assert run.exit_code == 0, run.output
    html = out.read_text(encoding="utf-8")
    assert len(_BLOCK.findall(html)) == len(seeds)
    assert "NM120" in html
    for seed in seeds:  # the inputs are only read
        assert seed.read_bytes()


def test_cleaner_report_lists_failed_files_and_exits_2(tmp_path: Path, seeds: list[Path]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"%PDF-1.4 binary")
    out = tmp_path / "report.html"
    run = CliRunner().invoke(main, ["report", str(seeds[0]), str(bad), "-o", str(out)])
    assert run.exit_code == 2
    assert "bad.txt: binary file (PDF document)" in run.output
    html = out.read_text(encoding="utf-8")
    assert 'class="failed"' in html and "binary file (PDF document)" in html


def test_clean_with_report_writes_outputs_and_the_report(tmp_path: Path, seeds: list[Path]) -> None:
    outdir, report = tmp_path / "out", tmp_path / "r.html"
    folder = seeds[0].parent
    run = CliRunner().invoke(
        main, ["clean", str(folder), "-o", str(outdir), "--report", str(report), "-j", "2"]
    )
    assert run.exit_code == 0, run.output
    assert len(list(outdir.glob("*.txt"))) == len(seeds)
    blocks = [unpack(b) for _, b in _BLOCK.findall(report.read_text(encoding="utf-8"))]
    assert [b["name"] for b in blocks] == [str(s) for s in seeds]
    assert all(b["error"] is None for b in blocks)


def test_clean_in_place_with_report_shows_the_original(tmp_path: Path, seeds: list[Path]) -> None:
    copy = tmp_path / "a.txt"
    copy.write_bytes(seeds[2].read_bytes())
    report = tmp_path / "r.html"
    run = CliRunner().invoke(main, ["clean", str(copy), "--in-place", "--report", str(report)])
    assert run.exit_code == 0, run.output
    assert copy.read_bytes() != seeds[2].read_bytes()  # cleaned in place
    (blob,) = [b for _, b in _BLOCK.findall(report.read_text(encoding="utf-8"))]
    data = unpack(blob)
    left = "".join(
        a if isinstance(a, str) else a[1] if a[0] == "=" else "".join(p[0] for p in a[2])
        for row in data["rows"]
        for a in row["a"]
    )
    assert "\u201c" in left  # the original's curly quotes, not the cleaned file's
    assert data["counts"]["changes"] > 0


def test_an_edit_log_that_does_not_fit_becomes_an_error_row() -> None:
    from dataclasses import replace

    from cleaner import clean_text
    from cleaner.report.collect import review_data

    result = clean_text(SAMPLE)
    result.edits[0] = replace(result.edits[0], old="not there")
    data = review_data("x.txt", SAMPLE, result)
    assert data["error"].startswith("x.txt: cannot show the changes")
    assert "please report it" in data["error"]
