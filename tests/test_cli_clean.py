"""``cleaner clean`` through the real CLI: outputs, refusals and the bad-input matrix.

Every bad input must give one clear stderr line naming the file and the problem, exit 2,
no traceback, and must not stop the rest of the batch."""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner import restore
from cleaner.cli import main
from cleaner.model import CleanResult

from .conftest import SEEDS

GOOD = "Moscow (AP) Chinese leader Xi Jinping arrived.  \n\n\n\nThe visit lasts  three days.\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_single_file_goes_to_stdout_and_input_is_untouched(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    code, out, _ = run("clean", str(src))
    assert code == 0
    assert out == "Moscow (AP) Chinese leader Xi Jinping arrived.\n\nThe visit lasts three days.\n"
    assert src.read_text(encoding="utf-8") == GOOD


def test_folder_mirrors_into_outdir_with_sidecars_that_restore(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, _, err = run("clean", str(SEEDS), "-o", str(out), "--sidecar", "--jobs", "2")
    assert code == 0, err
    assert "cleaned 5 file(s)" in err
    for seed in sorted(SEEDS.glob("*.txt")):
        cleaned = (out / seed.name).read_text(encoding="utf-8")
        sidecar = json.loads((out / seed.name).with_suffix(".json").read_text(encoding="utf-8"))
        result = CleanResult.from_dict({**sidecar, "text": cleaned})
        assert restore(result) == seed.read_text(encoding="utf-8")


def test_nested_folders_are_mirrored(tmp_path: Path) -> None:
    (tmp_path / "in" / "2025" / "05").mkdir(parents=True)
    (tmp_path / "in" / "2025" / "05" / "x.txt").write_text(GOOD, encoding="utf-8")
    code, _, _ = run("clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert code == 0
    assert (tmp_path / "out" / "2025" / "05" / "x.txt").is_file()


def test_in_place_rewrites_atomically_and_only_when_asked(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    code, _, _ = run("clean", str(tmp_path), "--in-place")
    assert code == 0
    assert src.read_text(encoding="utf-8").endswith("three days.\n")
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]  # no temp files left


@pytest.mark.parametrize("outdir", [".", "sub"])
def test_writing_into_the_input_folder_is_refused(tmp_path: Path, outdir: str) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    code, _, err = run("clean", str(tmp_path), "-o", str(tmp_path / outdir))
    assert code == 2
    assert "inside input folder" in err
    assert "Traceback" not in err
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == GOOD


def test_several_inputs_without_destination_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    code, _, err = run("clean", str(tmp_path))
    assert code == 2
    assert "give -o OUTDIR" in err


def _bad_inputs(folder: Path) -> dict[str, str]:
    """file name -> the words its error line must contain."""
    (folder / "binary.txt").write_bytes(b"%PDF-1.7\n\x00\x01\x02binary")
    (folder / "nul.txt").write_bytes(b"abc\x00def\x00" * 10)
    (folder / "mixed.txt").write_bytes("Kyiv’s mayor ".encode() + b"\xff\xfe said")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b"  \n\t\n\n")
    (folder / "huge.txt").write_bytes(b"word " * (11 * 1024 * 1024 // 5))
    return {
        "binary.txt": "binary file (PDF document)",
        "nul.txt": "binary file (contains NUL bytes)",
        "mixed.txt": "invalid UTF-8 at byte",
        "empty.txt": "empty file",
        "blank.txt": "no text (whitespace only)",
        "huge.txt": "above the 10.0 MB limit",
    }


def test_bad_inputs_each_get_one_clear_line_and_the_batch_goes_on(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    expected = _bad_inputs(src)
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    code, _, err = run("clean", str(src), "-o", str(tmp_path / "out"), "--jobs", "2")
    assert code == 2
    assert "Traceback" not in err
    lines = err.splitlines()
    for name, words in expected.items():
        matching = [line for line in lines if name in line and line.startswith("error:")]
        assert len(matching) == 1, (name, err)
        assert words in matching[0], (name, matching[0])
    assert (tmp_path / "out" / "good.txt").is_file()
    assert f"{len(expected)} error(s)" in err


def test_cp1251_is_decoded_with_a_notice(tmp_path: Path) -> None:
    text = "Президент Владимир Путин заявил журналистам, что переговоры продолжатся в Москве.\n" * 3
    src = tmp_path / "ru.txt"
    src.write_bytes(text.encode("cp1251"))
    code, out, err = run("clean", str(src))
    assert code == 0
    assert "Путин" in out
    assert "decoded as cp1251" in err


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    src = tmp_path / "u16.txt"
    src.write_bytes(codecs.BOM_UTF16_LE + "Kyiv said on Monday.\n".encode("utf-16-le"))
    code, out, err = run("clean", str(src))
    assert code == 0
    assert out == "Kyiv said on Monday.\n"
    assert "UTF-16" in err


def test_missing_path_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    code, _, err = run(
        "clean", str(tmp_path / "a.txt"), str(tmp_path / "nope.txt"), "-o", str(tmp_path / "o")
    )
    assert code == 2
    assert "nope.txt: no such file" in err
    assert (tmp_path / "o" / "a.txt").is_file()


def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        # root reads chmod-000 files, so use a file the kernel refuses to read for anyone.
        target = Path("/proc/self/mem")
        code, _, err = run("clean", str(target))
        assert code == 2
        assert "cannot read" in err
    else:
        src = tmp_path / "locked.txt"
        src.write_text(GOOD, encoding="utf-8")
        src.chmod(0)
        code, _, err = run("clean", str(src))
        assert code == 2
        assert "permission denied" in err
    assert "Traceback" not in err


def test_folder_without_matching_files_is_an_error_not_a_silent_skip(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    code, _, err = run("clean", str(tmp_path), "-o", str(tmp_path.parent / "o2"))
    assert code == 2
    assert "no files matching '*.txt'" in err


def test_bad_config_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "cleaner.toml").write_text("quotes = 'fancy'\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    code, _, err = run("clean", str(tmp_path / "a.txt"))
    assert code == 2
    assert "cleaner.toml" in err and "'quotes' must be one of" in err
