"""The cache cannot be turned against its user (issue 15).

Each attack is played for real: a pickle planted where the set-up memo is read, a forged
result entry that is not the user's own, a symlink planted at the name a temp file would
get, a cache folder (or a folder above it) other users can write, and rule files under a
dot-folder edited between runs. Each of these tests failed on the cleaner before issue 15.
Runs that must be separate processes (the memo is read once per process) are subprocesses.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.cache import ResultCache, forget_checks
from cleaner.cli import main
from cleaner.config import discover

ARTICLE = "The  Kremlin said talks would go on.\n"
CLEANED = "The Kremlin said talks would go on.\n"
ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture(autouse=True)
def _fresh_checks() -> None:
    """Folder checks are remembered per process; each test's folders are checked anew."""
    forget_checks()


def _article(tmp_path: Path) -> Path:
    (tmp_path / "cleaner.toml").write_text('grammar = "none"\n', encoding="utf-8")
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    return src


def _clean(src: Path, *args: str) -> tuple[str, str]:
    result = CliRunner().invoke(main, ["clean", str(src), "-j", "1", *args])
    assert result.exit_code == 0, result.stderr
    return result.stdout, result.stderr


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """A separate ``cleaner`` process (the next run, as a user would start it)."""
    code = "from cleaner.cli import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=cwd
    )


def _forge(entry: Path, text: str) -> None:
    """Rewrite a result entry so that it is well formed and says the article cleans to
    ``text`` (what an attacker who can write the entry would do)."""
    head, _, _ = entry.read_bytes().partition(b"\n")
    summary = json.loads(head)
    out = text.encode("utf-8")
    summary.update(text_bytes=len(out), text_sha256=hashlib.sha256(out).hexdigest())
    entry.write_bytes(json.dumps(summary).encode() + b"\n" + out)


def _entry_for(src: Path) -> Path:
    cache = ResultCache.open(discover(src))
    key = cache.key(src.read_bytes())
    return cache.folder / "results-v1" / key[:2] / f"{key}.z"


class Marker:
    """Unpickling this creates a file: evidence that a planted pickle ran."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (open, (str(self.path), "w"))


def test_a_planted_pickle_is_never_loaded(tmp_path: Path, _private_cache: Path) -> None:
    src = _article(tmp_path)
    first = _cli("clean", str(src), cwd=tmp_path)
    assert first.stdout == CLEANED, first.stderr
    memo = [p for p in _private_cache.rglob("*") if p.is_file() and "compiled" in str(p)]
    assert memo, "the set-up memo was stored"
    marker = tmp_path / "planted-code-ran"
    evil = pickle.dumps(Marker(marker))
    for path in memo:
        path.write_bytes(evil)
    again = _cli("clean", str(src), "--no-cache", cwd=tmp_path)
    assert again.stdout == CLEANED, again.stderr
    assert not marker.exists()


@pytest.mark.parametrize("how", ["another user's", "writable by others"])
def test_a_planted_result_entry_is_ignored(tmp_path: Path, how: str) -> None:
    if how == "another user's" and not ROOT_USER:
        pytest.skip("only root can make a file another user owns")
    src = _article(tmp_path)
    assert _clean(src)[0] == CLEANED
    entry = _entry_for(src)
    _forge(entry, "Forged text.\n")
    if how == "another user's":
        os.chown(entry, 4242, 4242)
    else:
        entry.chmod(0o666)
    out, err = _clean(src)
    assert out == CLEANED
    assert err.count("warning: cleaner cache: ignoring") == 1
    assert str(entry) in err


def test_a_symlink_at_a_temp_path_is_not_followed(tmp_path: Path) -> None:
    """Temp names used to be ``<entry>.<pid>.tmp``: a symlink planted there made the run
    overwrite whatever it pointed at."""
    src = _article(tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    entry = _entry_for(src)
    entry.parent.mkdir(parents=True)
    for name in (f"{entry}.{os.getpid()}.tmp", f"{entry.parent}/.{entry.name}.{os.getpid()}.tmp"):
        os.symlink(victim, name)
    assert _clean(src)[0] == CLEANED
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert entry.is_file() and not entry.is_symlink()


@pytest.mark.parametrize("where", ["the cache folder", "a folder above it"])
def test_a_cache_others_can_write_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    shared = tmp_path / "shared"
    root = shared / "cache"
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(root))
    src = _article(tmp_path)
    assert _clean(src)[0] == CLEANED
    _forge(_entry_for(src), "Forged text.\n")
    (root if where == "the cache folder" else shared).chmod(0o777)  # no sticky bit
    forget_checks()
    out, err = _clean(src)
    assert out == CLEANED
    open_folder = root if where == "the cache folder" else shared
    assert f"warning: cleaner cache: {open_folder} is writable by other users" in err
    assert err.count("warning:") == 1


def test_rules_under_a_dot_folder_are_part_of_every_key(tmp_path: Path) -> None:
    """``~/.config/newsroom/rules``: edits there reach the next run, with and without the
    result cache, and ``cleaner rules test`` (the memo of parsed rules used to drop every
    file under a path with a dot-folder from its key)."""
    from .test_rule_files import GOOD_SUB

    rules = tmp_path / ".config" / "newsroom" / "rules"
    rules.mkdir(parents=True)
    rule = rules / "house.yaml"
    rule.write_text(GOOD_SUB, encoding="utf-8")
    (tmp_path / "cleaner.toml").write_text(
        f'grammar = "none"\nextend-rules = ["{rules}"]\n', encoding="utf-8"
    )
    src = tmp_path / "a.txt"
    src.write_text("There is no security insurance here.\n", encoding="utf-8")

    assert _cli("clean", str(src), cwd=tmp_path).stdout == "There is no security guarantees here.\n"
    assert _cli("rules", "test", "XX901", cwd=tmp_path).returncode == 0
    # The replacement changes; the rule's own example (still "security guarantees") fails.
    rule.write_text(GOOD_SUB.replace("replace: security guarantees", "replace: pledges"), "utf-8")
    assert _cli("clean", str(src), cwd=tmp_path).stdout == "There is no pledges here.\n"
    assert _cli("clean", str(src), "--no-cache", cwd=tmp_path).stdout == (
        "There is no pledges here.\n"
    )
    assert _cli("rules", "test", "XX901", cwd=tmp_path).returncode == 1


def _modes(root: Path) -> set[tuple[str, int]]:
    return {
        ("dir" if p.is_dir() else "file", stat.S_IMODE(p.stat().st_mode))
        for p in [root, *root.rglob("*")]
    }


def test_cache_folders_are_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Created 0700 with 0600 entries: cleaned articles are not for other users."""
    root = tmp_path / "home" / ".cache" / "cleaner"
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(root))
    src = _article(tmp_path)
    _clean(src, "--grammar", "harper")
    assert _modes(root) == {("dir", 0o700), ("file", 0o600)}
    assert len(list(root.rglob("*.z"))) == 1
    assert len(list(root.rglob("grammar-v*/*/*.json"))) == 1


def test_folders_an_older_cleaner_left_open_are_closed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "cache"
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(root))
    (root / "results-v1" / "ab").mkdir(parents=True)
    for folder in (root / "results-v1", root / "results-v1" / "ab"):
        folder.chmod(0o755)
    _clean(_article(tmp_path))
    assert stat.S_IMODE((root / "results-v1").stat().st_mode) == 0o700


def _shape(value: object) -> object:
    """Value and type, all the way down (a str enum equals its string; a tuple its list)."""
    import dataclasses

    if dataclasses.is_dataclass(value):
        return (type(value), [_shape(getattr(value, f.name)) for f in dataclasses.fields(value)])
    if isinstance(value, tuple | list):
        return (type(value), [_shape(v) for v in value])
    if isinstance(value, dict):
        return (dict, [(_shape(k), _shape(v)) for k, v in value.items()])
    return (type(value), value)


def test_the_memo_stores_plain_data_that_comes_back_identical() -> None:
    """The parsed rule book and the gazetteer round-trip exactly (types included) through
    the no-pickle format, and it refuses to name a class it was not given."""
    from cleaner import Config
    from cleaner.cache import plain
    from cleaner.resources import rule_folders
    from cleaner.rules.entity import Entity
    from cleaner.rules.gazetteer import load_gazetteer
    from cleaner.rules.rulebook import load_folders, rule_classes

    book = load_folders(rule_folders(Config()))
    back = plain.loads(plain.dumps(book, rule_classes()), rule_classes())
    assert _shape(back) == _shape(book)
    gazetteer = load_gazetteer(Config())
    assert _shape(plain.loads(plain.dumps(gazetteer, [Entity]), [Entity])) == _shape(gazetteer)
    with pytest.raises(plain.NotPlain):
        plain.dumps(book, [Entity])
    with pytest.raises(ValueError, match="not allowed"):
        plain.loads(plain.dumps(gazetteer, [Entity]), rule_classes())
    # A set is data (the detectors' stored tables hold sets) and comes back a set ...
    assert plain.loads(plain.dumps({"x": {1, 2}}, []), []) == {"x": {1, 2}}
    # ... but an object of a class the caller did not name is not plain data.
    with pytest.raises(plain.NotPlain):
        plain.dumps({"x": bytearray(b"12")}, [])
    with pytest.raises(plain.NotPlain):
        plain.dumps({"x": Path("a")}, [])


def test_an_unusable_cache_is_reported_once_per_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not once per worker process: the command checks the folder before starting them."""
    root = tmp_path / "open"
    root.mkdir()
    root.chmod(0o777)
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(root))
    src = _article(tmp_path)
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    done = _cli("check", str(tmp_path), "-j", "2", cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    assert done.stderr.count("warning: cleaner cache:") == 1, done.stderr
    assert src.read_text(encoding="utf-8") == ARTICLE
