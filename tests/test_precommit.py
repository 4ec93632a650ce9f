"""A real pre-commit run: git repository, installed hook, ``git commit`` blocked and unblocked.

The hooks come from this checkout's ``.pre-commit-hooks.yaml`` (id, entry, types, files), run
as ``repo: local`` hooks with ``language: system`` and this venv's ``cleaner``: pre-commit would
otherwise clone the hook repository at its git HEAD and pip-install it from the network, which
tests neither the working tree nor works offline. ``test_try_repo`` does that full install
(``pre-commit try-repo`` copies uncommitted changes too) when CLEANER_TEST_TRY_REPO=1.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

BIN = Path(sys.executable).parent
CLEANER = BIN / "cleaner"
PRE_COMMIT = BIN / "pre-commit"

MOJIBAKE = "The caf\u00c3\u00a9 reopened on Monday.\n"
DAMAGED = "The caf\u00c3\u00a9 reopened on Monday.   \nIt  was busy."
REPAIRED = "The caf\u00e9 reopened on Monday.\n\nIt was busy.\n"
CLEAN = "Parliament met on Tuesday.\n\nThe vote is next week.\n"
# A machine-translation calque with a safe fix (rule MT201 in rules/phrases/).
CALQUE = "Leaders attend the celebrations of the day of victory on May 9.\n"
CALQUE_FIXED = "Leaders attend the celebrations of Victory Day on May 9.\n"

pytestmark = pytest.mark.skipif(
    not (CLEANER.exists() and PRE_COMMIT.exists() and shutil.which("git")),
    reason="needs git and the venv's cleaner and pre-commit scripts",
)


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    gitconfig = tmp_path / "gitconfig"
    gitconfig.write_text(
        "[user]\n\tname = Test\n\temail = test@example.invalid\n[init]\n\tdefaultBranch = main\n"
    )
    env.update(
        GIT_CONFIG_GLOBAL=str(gitconfig),
        GIT_CONFIG_NOSYSTEM="1",
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
        PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}",
    )
    return env


def _sh(repo: Path, env: dict[str, str], *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], cwd=repo, env=env, capture_output=True, text=True, timeout=300
    )


def _local_hooks() -> list[dict[str, object]]:
    """The manifest's hooks, run with this venv's cleaner instead of a pip-installed one."""
    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    hooks = []
    for hook in manifest:
        assert hook["language"] == "python" and hook["types"] == ["text"]
        command, _, args = hook["entry"].partition(" ")
        assert command == "cleaner"
        hooks.append({**hook, "language": "system", "entry": f"{CLEANER} {args}"})
    return hooks


def _write(repo: Path, name: str, text: str) -> Path:
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


def test_commit_blocked_fixed_and_passed(tmp_path: Path) -> None:
    env = _env(tmp_path)
    repo = tmp_path / "newsroom"
    repo.mkdir()
    assert _sh(repo, env, "git", "init", "-q").returncode == 0
    config = {"repos": [{"repo": "local", "hooks": _local_hooks()}]}
    _write(repo, ".pre-commit-config.yaml", yaml.safe_dump(config, sort_keys=False))
    # Config at the repository root, found from file arguments under articles/ (pre-commit
    # runs hooks from the root): the archive keeps its mojibake by per-path ignore.
    _write(
        repo,
        "pyproject.toml",
        '[tool.cleaner.per-path-ignores]\n"articles/archive/**" = ["EN", "GR"]\n',
    )
    _write(repo, "articles/good.txt", CLEAN)
    _write(repo, "articles/archive/2019.txt", MOJIBAKE)
    _write(repo, "notes/todo.txt", DAMAGED)  # outside the hooks' `files`: never touched
    assert _sh(repo, env, PRE_COMMIT, "install").returncode == 0

    _sh(repo, env, "git", "add", "-A")
    first = _sh(repo, env, "git", "commit", "-m", "clean articles")
    assert first.returncode == 0, first.stdout + first.stderr
    assert (repo / "notes/todo.txt").read_text("utf-8") == DAMAGED

    bad = _write(repo, "articles/2025/bad.txt", DAMAGED)
    calque = _write(repo, "articles/2025/calque.txt", CALQUE)
    _sh(repo, env, "git", "add", str(bad), str(calque))
    blocked = _sh(repo, env, "git", "commit", "-m", "damaged article")
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "articles/2025/bad.txt:1:8: error EN101 [*] mojibake repaired" in output
    assert "articles/2025/calque.txt:1:36: warning MT201 [*]" in output
    assert "files were modified by this hook" in output
    tracked = _sh(repo, env, "git", "ls-tree", "-r", "--name-only", "HEAD").stdout
    assert "bad.txt" not in tracked  # nothing was committed
    assert bad.read_text("utf-8") == REPAIRED  # cleaner-fix repaired the working copy
    assert calque.read_text("utf-8") == CALQUE_FIXED

    _sh(repo, env, "git", "add", str(bad), str(calque))
    second = _sh(repo, env, "git", "commit", "-m", "repaired article")
    assert second.returncode == 0, second.stdout + second.stderr
    show = _sh(repo, env, "git", "show", "HEAD:articles/2025/bad.txt")
    assert show.stdout == REPAIRED


@pytest.mark.skipif(
    os.environ.get("CLEANER_TEST_TRY_REPO") != "1",
    reason="pip-installs this checkout from PyPI dependencies; set CLEANER_TEST_TRY_REPO=1",
)
def test_try_repo(tmp_path: Path) -> None:
    """The manifest as users get it (`language: python`), via `pre-commit try-repo`."""
    env = _env(tmp_path)
    repo = tmp_path / "newsroom"
    repo.mkdir()
    _sh(repo, env, "git", "init", "-q")
    bad = _write(repo, "articles/bad.txt", DAMAGED)
    _sh(repo, env, "git", "add", "-A")
    check = _sh(repo, env, PRE_COMMIT, "try-repo", ROOT, "cleaner-check", "--files", bad)
    assert check.returncode == 1, check.stdout + check.stderr
    assert "articles/bad.txt:1:8: error EN101" in check.stdout
    fix = _sh(repo, env, PRE_COMMIT, "try-repo", ROOT, "cleaner-fix", "--files", bad)
    assert fix.returncode == 1, fix.stdout + fix.stderr
    assert bad.read_text("utf-8") == REPAIRED
