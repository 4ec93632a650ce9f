"""``cleaner damage``: a folder ranked worst-first, nothing written, bad files reported."""

from __future__ import annotations

import json
from pathlib import Path

from .test_cli_clean import run

DAMAGED = (
    "Chinese leader Xi Jinping Will take an official visit to Russia. It continues to "
    "Provide key components and high -tech parts, stable and stable, the the Kremlin said.\n"
)
CLEAN = "The Kremlin confirmed on Sunday that the visit would go ahead as planned.\n"


def test_ranks_worst_first_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "a_clean.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "b_damaged.txt").write_text(DAMAGED, encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    code, out, _ = run("damage", str(tmp_path), "--grammar", "none", "-j", "1")
    assert code == 0
    lines = out.splitlines()
    assert "b_damaged.txt" in lines[0] and "a_clean.txt" in lines[1]
    assert float(lines[0].split()[0]) > float(lines[1].split()[0]) == 0.0
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert (tmp_path / "b_damaged.txt").read_text(encoding="utf-8") == DAMAGED


def test_json_records(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(DAMAGED, encoding="utf-8")
    code, out, _ = run("damage", str(tmp_path / "b.txt"), "--json", "--grammar", "none")
    assert code == 0
    (record,) = json.loads(out)
    assert record["language"] == "en"
    assert record["damage"]["score"] > 30
    assert record["damage"]["paragraphs"][0]["line"] == 1


def test_bad_file_is_an_error_line(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary\x00" * 10)
    code, out, err = run("damage", str(tmp_path), "--grammar", "none", "-j", "1")
    assert code == 2
    assert "good.txt" in out
    assert "bad.txt" in err and "Traceback" not in err
