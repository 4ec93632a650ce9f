"""Nothing is overwritten that cleaner did not write, and in-place writes respect the file
(issue 16): outputs, sidecars, reports and baselines are planned before anything runs."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .hostile import CLEANED, GOOD, cli, error_lines

FAST = ("--grammar", "none")
USER_JSON = '{"editor": "Ana", "notes": "keep me"}\n'


def _feed(tmp_path: Path, *names: str) -> Path:
    feed = tmp_path / "feed"
    feed.mkdir(exist_ok=True)
    for name in names:
        (feed / name).write_text(GOOD, encoding="utf-8")
    return feed


def _no_traceback(stderr: str) -> None:
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr


def test_in_place_sidecars_never_overwrite_a_newsrooms_own_json(tmp_path: Path) -> None:
    feed = _feed(tmp_path, "a.txt", "b.txt")
    (feed / "a.json").write_text(USER_JSON, encoding="utf-8")
    done = cli("clean", str(feed), "--in-place", "--sidecar", *FAST)
    assert done.returncode == 2
    _no_traceback(done.stderr)
    [line] = error_lines(done.stderr)
    assert "a.json" in line and "is not a cleaner sidecar" in line, line
    assert (feed / "a.json").read_text(encoding="utf-8") == USER_JSON
    assert (feed / "a.txt").read_text(encoding="utf-8") == GOOD  # nothing half-done for it
    assert (feed / "b.txt").read_text(encoding="utf-8") == CLEANED
    assert json.loads((feed / "b.json").read_text(encoding="utf-8"))["schema"] == (
        "cleaner-sidecar/1"
    )


def test_an_input_json_and_a_sidecar_never_share_a_path(tmp_path: Path) -> None:
    feed = _feed(tmp_path, "a.txt")
    (feed / "a.json").write_text(USER_JSON, encoding="utf-8")
    out = tmp_path / "out"
    done = cli("clean", str(feed), "-o", str(out), "--glob", "*", "--sidecar", *FAST)
    assert done.returncode == 2
    _no_traceback(done.stderr)
    lines = error_lines(done.stderr)
    assert any("sidecar of" in ln and "a.txt" in ln and "out/a.json" in ln for ln in lines), lines
    assert not (out / "a.json").exists() or "keep me" in (out / "a.json").read_text("utf-8")


def test_a_txt_and_a_md_cannot_both_have_the_sidecar_a_json(tmp_path: Path) -> None:
    feed = _feed(tmp_path, "a.txt", "a.md")
    out = tmp_path / "out"
    done = cli("clean", str(feed), "-o", str(out), "--glob", "a.*", "--sidecar", *FAST)
    assert done.returncode == 2
    [line] = error_lines(done.stderr)
    assert "the sidecar of" in line and "a.md" in line and "a.txt" in line, line
    assert "would both be written to" in line
    sidecar = json.loads((out / "a.json").read_text(encoding="utf-8"))
    assert sidecar["source"].endswith("a.md")  # the first one keeps it; a.txt is refused
    assert not (out / "a.txt").exists()


def test_sidecars_from_earlier_runs_are_recognised_as_ours(tmp_path: Path) -> None:
    feed = _feed(tmp_path, "a.txt")
    out = tmp_path / "out"
    for _ in range(2):
        done = cli("clean", str(feed), "-o", str(out), "--sidecar", *FAST)
        assert done.returncode == 0, done.stderr
    # The shape older releases wrote, without the schema marker, is ours too.
    legacy = {"cleaner": "0.1.0", "source": str(feed / "a.txt"), "encoding": "utf-8"}
    (out / "a.json").write_text(json.dumps(legacy, indent=1) + "\n", encoding="utf-8")
    done = cli("clean", str(feed), "-o", str(out), "--sidecar", "--no-cache", *FAST)
    assert done.returncode == 0, done.stderr
    assert json.loads((out / "a.json").read_text(encoding="utf-8"))["schema"]


@pytest.mark.parametrize(
    "args",
    [
        ("report", "{feed}", "-o", "{feed}/a.txt"),
        ("clean", "{feed}", "-o", "{out}", "--report", "{feed}/a.txt"),
        ("check", "{feed}", "--write-baseline", "{feed}/a.txt"),
        ("clean", "{feed}", "-o", "{out}", "--sidecar", "--report", "{out}/a.json"),
    ],
)
def test_reports_and_baselines_never_overwrite_an_input_or_an_output(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    feed = _feed(tmp_path, "a.txt")
    out = tmp_path / "out"
    argv = [a.format(feed=feed, out=out) for a in args]
    done = cli(*argv, *FAST)
    assert done.returncode == 2
    _no_traceback(done.stderr)
    [line] = error_lines(done.stderr)
    assert "would" in line, line
    assert (feed / "a.txt").read_text(encoding="utf-8") == GOOD
    assert not out.exists()  # refused before anything ran


@pytest.mark.parametrize(
    ("args", "kind"),
    [
        (("report", "{feed}", "-o", "{other}"), "report"),
        (("clean", "{feed}", "-o", "{out}", "--report", "{other}"), "report"),
        (("check", "{feed}", "--write-baseline", "{other}"), "baseline"),
    ],
)
def test_a_report_or_baseline_replaces_only_its_own_kind(
    tmp_path: Path, args: tuple[str, ...], kind: str
) -> None:
    feed = _feed(tmp_path, "a.txt")
    other = tmp_path / "notes.html"
    other.write_text("<p>the editor's notes</p>\n", encoding="utf-8")
    argv = [a.format(feed=feed, out=tmp_path / "out", other=other) for a in args]
    done = cli(*argv, *FAST)
    assert done.returncode == 2
    [line] = error_lines(done.stderr)
    assert f"is not a cleaner {kind}" in line, line
    assert other.read_text(encoding="utf-8") == "<p>the editor's notes</p>\n"
    other.unlink()
    for _ in range(2):  # written, then replaced: its own earlier file is ours
        done = cli(*argv, *FAST)
        assert done.returncode in (0, 1), done.stderr
        assert other.is_file()


@pytest.mark.parametrize("command", ["fix", "clean"])
def test_in_place_writes_through_symlinks_once_per_real_file(tmp_path: Path, command: str) -> None:
    store = tmp_path / "store"
    store.mkdir()
    real = store / "real.txt"
    real.write_text(GOOD, encoding="utf-8")
    feed = _feed(tmp_path)
    (feed / "a.txt").symlink_to(real)
    (feed / "b.txt").symlink_to(feed / "a.txt")
    args = [command, str(feed), *FAST] + (["--in-place"] if command == "clean" else [])
    done = cli(*args)
    assert done.returncode in (0, 1), done.stderr
    assert (feed / "a.txt").is_symlink() and (feed / "b.txt").is_symlink()
    assert real.read_text(encoding="utf-8") == CLEANED
    if command == "fix":
        assert "fixed 1 of 1 file(s)" in done.stderr, done.stderr
    assert sorted(p.name for p in store.iterdir()) == ["real.txt"]  # no temp file left


@pytest.mark.parametrize("command", ["fix", "clean"])
def test_hard_linked_files_are_refused_in_place_not_split(tmp_path: Path, command: str) -> None:
    feed = _feed(tmp_path, "a.txt", "c.txt")
    elsewhere = tmp_path / "archive.txt"
    os.link(feed / "a.txt", elsewhere)
    args = [command, str(feed), *FAST] + (["--in-place"] if command == "clean" else [])
    done = cli(*args)
    assert done.returncode == 2
    [line] = error_lines(done.stderr)
    assert "a.txt: has 2 hard links" in line, line
    assert (feed / "a.txt").read_text(encoding="utf-8") == GOOD
    assert os.path.samefile(feed / "a.txt", elsewhere)
    assert (feed / "c.txt").read_text(encoding="utf-8") == CLEANED


@pytest.mark.parametrize("command", ["fix", "clean"])
def test_in_place_keeps_owner_group_and_mode(tmp_path: Path, command: str) -> None:
    if os.geteuid() != 0:
        pytest.skip("giving a file to another owner needs root")
    feed = _feed(tmp_path, "a.txt")
    os.chown(feed / "a.txt", 65534, 65534)
    os.chmod(feed / "a.txt", 0o640)
    args = [command, str(feed / "a.txt"), *FAST] + (["--in-place"] if command == "clean" else [])
    done = cli(*args)
    assert done.returncode in (0, 1), done.stderr
    info = (feed / "a.txt").stat()
    assert (feed / "a.txt").read_text(encoding="utf-8") == CLEANED
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (65534, 65534, 0o640)


def test_an_owner_that_cannot_be_kept_is_said(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("needs a file owned by someone else, which only root can make")
    feed = _feed(tmp_path, "a.txt")
    os.chown(feed / "a.txt", 65534, 65534)
    os.chmod(feed / "a.txt", 0o666)
    feed.chmod(0o777)
    done = cli("fix", str(feed / "a.txt"), *FAST, drop=("chown",))
    assert done.returncode == 1, done.stderr
    assert "note:" in done.stderr and "owner and group changed to yours" in done.stderr
    assert (feed / "a.txt").read_text(encoding="utf-8") == CLEANED


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_new_outputs_and_sidecars_honour_the_umask(tmp_path: Path, umask: int) -> None:
    feed = _feed(tmp_path, "a.txt", "b.txt")
    out = tmp_path / "out"
    old = os.umask(umask)
    try:
        done = cli("clean", str(feed), "-o", str(out), "--sidecar", "-j", "2", *FAST)
        report = cli("report", str(feed), "-o", str(tmp_path / "r.html"), *FAST)
    finally:
        os.umask(old)
    assert done.returncode == 0 and report.returncode == 0, done.stderr + report.stderr
    for path in (out / "a.txt", out / "a.json", out / "b.txt", tmp_path / "r.html"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask, path


# The child pauses in the one place a temp file must exist on disk: its article's new text
# written, being made durable. It records what the descriptor is (an anonymous file shows
# as "FOLDER/#INODE (deleted)", a named temp file as its path), then waits for a signal.
_PAUSED_IN_FSYNC = """
import os, sys, time
from pathlib import Path

marker = Path(sys.argv[1])
if sys.argv[2] == "named":  # as where the kernel or the file system has no O_TMPFILE
    import cleaner.atomic
    cleaner.atomic._O_TMPFILE = 0

def paused(fd):
    marker.write_text(os.readlink(f"/proc/self/fd/{fd}"))
    time.sleep(120)

os.fsync = paused
sys.argv = ["cleaner", *sys.argv[3:]]
from cleaner.cli import main
main()
"""


def _signal_mid_write(tmp_path: Path, how: int, temp: str) -> tuple[Path, str, int, str]:
    """``clean --in-place`` on one article, paused with the new text written and being made
    durable, sent ``how`` to its whole process group: the folder, what the temp file was,
    the run's exit status and its stderr."""
    feed = _feed(tmp_path, "a.txt")
    marker = tmp_path / "paused"
    env = {**os.environ, "CLEANER_TIMEOUT": "0"}  # in this process: one file, one worker
    argv = [sys.executable, "-c", _PAUSED_IN_FSYNC, str(marker), temp]
    argv += ["clean", str(feed / "a.txt"), "--in-place", "--no-cache", *FAST]
    with subprocess.Popen(
        argv, env=env, start_new_session=True, stderr=subprocess.PIPE, text=True
    ) as proc:
        try:
            deadline = time.monotonic() + 120
            while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.02)
            assert marker.exists(), "it never wrote"
            time.sleep(0.1)  # the marker's text is written
            os.killpg(proc.pid, how)
            _, err = proc.communicate(timeout=60)
        finally:
            with contextlib.suppress(OSError):  # whatever is left of its session
                os.killpg(proc.pid, signal.SIGKILL)
    fd_link = marker.read_text()
    assert fd_link.startswith(str(feed))  # it paused writing the article's new text
    return feed, fd_link, proc.returncode, err


linux_only = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs Linux /proc")


@linux_only
def test_sigkill_of_the_whole_run_mid_write_leaves_no_temp_file(tmp_path: Path) -> None:
    """No handler runs on SIGKILL, so only a temp file without a name (``O_TMPFILE``) until
    it is complete keeps a killed run from leaving a stray ``.tmp`` in the user's folder."""
    feed, _, status, _ = _signal_mid_write(tmp_path, signal.SIGKILL, "anonymous")
    assert status == -signal.SIGKILL
    assert sorted(p.name for p in feed.iterdir()) == ["a.txt"]
    assert (feed / "a.txt").read_text(encoding="utf-8") == GOOD  # untouched


@linux_only
@pytest.mark.parametrize("temp", ["anonymous", "named"])
def test_sigterm_mid_write_removes_the_temp_file_and_says_so(tmp_path: Path, temp: str) -> None:
    """SIGTERM unwinds the write: a named temp file (where there is no ``O_TMPFILE``) is
    removed, the article is untouched, and the run ends with one line and 128 + 15."""
    feed, fd_link, status, err = _signal_mid_write(tmp_path, signal.SIGTERM, temp)
    assert (temp == "named") == fd_link.endswith(".tmp"), fd_link  # the path meant ran
    assert status == 128 + signal.SIGTERM, err
    assert "error: stopped by SIGTERM; every file is either complete or untouched" in err
    assert sorted(p.name for p in feed.iterdir()) == ["a.txt"]
    assert (feed / "a.txt").read_text(encoding="utf-8") == GOOD
