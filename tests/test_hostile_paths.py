"""Hostile paths and configs: each is one error line naming the file, exit 2, and the rest
of the batch is still done. No tracebacks, no silent skips (issue 16)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .hostile import CLEANED, GOOD, cli, error_lines, require_permissions

FAST = ("--grammar", "none")


def _feed(tmp_path: Path) -> Path:
    feed = tmp_path / "feed"
    feed.mkdir()
    (feed / "good.txt").write_text(GOOD, encoding="utf-8")
    return feed


def _one_error(stderr: str, *words: str) -> str:
    assert "Traceback" not in stderr, stderr
    lines = [line for line in error_lines(stderr) if all(w in line for w in words)]
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.mark.parametrize("command", ["clean", "check", "fix", "damage", "report"])
def test_a_looping_symlink_argument_is_one_error_and_the_batch_goes_on(
    tmp_path: Path, command: str
) -> None:
    feed = _feed(tmp_path)
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    args = [command, str(loop), str(feed / "good.txt"), *FAST]
    if command == "clean":
        args += ["-o", str(tmp_path / "out")]
    if command == "report":
        args += ["-o", str(tmp_path / "r.html")]
    done = cli(*args)
    assert done.returncode == 2, done.stderr
    _one_error(done.stderr, "loop.txt", "symbolic link loop")
    if command == "clean":
        assert (tmp_path / "out" / "good.txt").read_text(encoding="utf-8") == CLEANED
    if command == "fix":
        assert (feed / "good.txt").read_text(encoding="utf-8") == CLEANED


def test_a_file_in_a_folder_that_cannot_be_searched_is_one_error(tmp_path: Path) -> None:
    require_permissions(tmp_path)
    feed = _feed(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(GOOD, encoding="utf-8")
    locked.chmod(0o600)  # readable listing, but no search (x) permission
    try:
        done = cli(
            "clean", str(locked / "a.txt"), str(feed), "-o", str(tmp_path / "out"), *FAST,
            unprivileged=True,
        )  # fmt: skip
    finally:
        locked.chmod(0o700)
    assert done.returncode == 2, done.stderr
    _one_error(done.stderr, "locked/a.txt", "permission denied")
    assert (tmp_path / "out" / "good.txt").read_text(encoding="utf-8") == CLEANED


@pytest.mark.parametrize("command", ["clean", "check"])
def test_an_unreadable_subfolder_is_an_error_not_a_silent_skip(
    tmp_path: Path, command: str
) -> None:
    require_permissions(tmp_path)
    feed = _feed(tmp_path)
    sub = feed / "wire"
    sub.mkdir()
    (sub / "b.txt").write_text(GOOD, encoding="utf-8")
    sub.chmod(0)
    args = [command, str(feed), *FAST]
    if command == "clean":
        args += ["-o", str(tmp_path / "out")]
    try:
        done = cli(*args, unprivileged=True)
    finally:
        sub.chmod(0o700)
    assert done.returncode == 2, done.stderr
    _one_error(done.stderr, "feed/wire", "cannot list folder", "permission denied")
    if command == "clean":
        assert "1 error(s)" in done.stderr
        assert (tmp_path / "out" / "good.txt").read_text(encoding="utf-8") == CLEANED


def test_broken_symlinks_and_fifos_with_an_article_name_are_errors(tmp_path: Path) -> None:
    feed = _feed(tmp_path)
    (feed / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(feed / "pipe.txt")  # reading it would wait forever
    done = cli("clean", str(feed), "-o", str(tmp_path / "out"), *FAST, timeout=120)
    assert done.returncode == 2, done.stderr
    _one_error(done.stderr, "gone.txt", "broken symbolic link")
    _one_error(done.stderr, "pipe.txt", "not a regular file")
    assert (tmp_path / "out" / "good.txt").is_file()


@pytest.mark.parametrize("pattern", ["/abs/*.txt", ""])
def test_an_absolute_or_empty_glob_is_one_line(tmp_path: Path, pattern: str) -> None:
    feed = _feed(tmp_path)
    done = cli("check", str(feed), "--glob", pattern)
    assert done.returncode == 2
    _one_error(done.stderr, "--glob")


def test_globs_keep_their_rglob_meaning(tmp_path: Path) -> None:
    feed = _feed(tmp_path)
    (feed / "wire" / "afp").mkdir(parents=True)
    (feed / "wire" / "afp" / "c.txt").write_text(GOOD, encoding="utf-8")
    (feed / "wire" / "d.md").write_text(GOOD, encoding="utf-8")
    (feed / ".git").mkdir()
    (feed / ".git" / "e.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    done = cli("clean", str(feed), "-o", str(out), "--glob", "afp/*.txt", *FAST)
    assert done.returncode == 0, done.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        "wire",
        "wire/afp",
        "wire/afp/c.txt",
    ]
    done = cli("check", str(feed), "--glob", "**/*.[tm][xd]*", "--format", "json", *FAST)
    assert '"files": 3' in done.stdout, done.stdout


def test_tool_that_is_not_a_table_names_the_file_and_key(tmp_path: Path) -> None:
    feed = _feed(tmp_path)
    (feed / "cleaner.toml").write_text("tool = 1\n", encoding="utf-8")
    for command in ("check", "clean"):
        done = cli(command, str(feed / "good.txt"), *FAST)
        assert done.returncode == 2
        _one_error(done.stderr, "cleaner.toml", "'tool'")


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"[tool.cleaner]\nquotes = 'curly\n", "invalid TOML"),
        (b"[tool.cleaner]\nquotes = 'curly'\n# caf\xe9\n", "not valid UTF-8"),
        (b"[project]\nname = 'x'\ntool.cleaner.quotes = [\n", "invalid TOML"),
    ],
)
def test_a_broken_pyproject_with_our_table_is_an_error_not_defaults(
    tmp_path: Path, content: bytes, words: str
) -> None:
    feed = _feed(tmp_path)
    (feed / "pyproject.toml").write_bytes(content)
    done = cli("clean", str(feed / "good.txt"), *FAST)
    assert done.returncode == 2, done.stdout
    _one_error(done.stderr, "pyproject.toml", words)


def test_a_broken_pyproject_without_our_table_is_not_ours_to_judge(tmp_path: Path) -> None:
    feed = _feed(tmp_path)
    (feed / "pyproject.toml").write_bytes(b"[project]\nname = 'x\n")
    done = cli("clean", str(feed / "good.txt"), *FAST)
    assert done.returncode == 0, done.stderr
    assert done.stdout == CLEANED


def test_the_size_limit_has_one_name_and_small_limits_print_in_bytes(tmp_path: Path) -> None:
    feed = _feed(tmp_path)
    (feed / "cleaner.toml").write_text("max-file-size = 50\n", encoding="utf-8")
    done = cli("clean", str(feed / "good.txt"), *FAST)
    assert done.returncode == 2
    line = _one_error(done.stderr, "good.txt")
    size = len(GOOD.encode())
    assert f"file is {size} bytes, above the 50-byte limit" in line
    assert "max-file-size" in line
    (feed / "cleaner.toml").write_text("max-file-bytes = 50\n", encoding="utf-8")
    done = cli("clean", str(feed / "good.txt"), *FAST)
    assert done.returncode == 2
    _one_error(done.stderr, "cleaner.toml", "'max-file-bytes'", "'max-file-size'")


def test_control_characters_in_file_names_cannot_forge_error_lines(tmp_path: Path) -> None:
    feed = _feed(tmp_path)
    evil = feed / "x\nerror: everything is fine\x1b[2J.txt"
    evil.write_bytes(b"%PDF-1.7 not an article")
    for command in ("clean", "check"):
        args = [command, str(feed), *FAST]
        if command == "clean":
            args += ["-o", str(tmp_path / "out")]
        done = cli(*args)
        assert done.returncode == 2
        assert "\x1b" not in done.stderr
        assert len(error_lines(done.stderr)) == 1, done.stderr
        assert "x\\nerror: everything is fine\\e[2J.txt: binary file" in done.stderr
