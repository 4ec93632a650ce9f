"""The published pre-commit hooks, installed the way users get them (issue 15).

pre-commit installs a ``language: python`` hook by pip-installing the hook repository into a
virtualenv of its own: a wheel, no checkout beside it. These tests let it do exactly that
from a snapshot of this working tree (``packaging.snapshot``: a git repository at a fixed
commit, as a published one would be), with the ``.pre-commit-config.yaml`` snippet from the
README, in a temporary repository of articles:

* ``pre-commit try-repo``: the damaged article fails ``cleaner-check`` and ``cleaner-fix``
  repairs it;
* a real ``git commit`` through the installed hook: blocked, repaired, re-committed.

Each builds one hook environment (try-repo always uses a temporary store of its own).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import yaml

from .conftest import ROOT
from .packaging import DEV_BIN, run, user_env

PRE_COMMIT = DEV_BIN / "pre-commit"

MOJIBAKE = "The caf\u00c3\u00a9 reopened on Monday.\n"
DAMAGED = "The caf\u00c3\u00a9 reopened on Monday.   \nIt  was busy."
REPAIRED = "The caf\u00e9 reopened on Monday.\n\nIt was busy.\n"
CLEAN = "Parliament met on Tuesday.\n\nThe vote is next week.\n"
# A machine-translation calque with a safe fix (rule MT201 in rules/phrases/).
CALQUE = "Leaders attend the celebrations of the day of victory on May 9.\n"
CALQUE_FIXED = "Leaders attend the celebrations of Victory Day on May 9.\n"


def readme_config(repo: Path, rev: str) -> str:
    """The README's ``.pre-commit-config.yaml`` snippet, pointed at ``repo`` at ``rev``."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Pre-commit hook") :]
    snippet = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert snippet is not None
    config = yaml.safe_load(snippet.group(1))
    (entry,) = config["repos"]
    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert [h["id"] for h in entry["hooks"]] == [h["id"] for h in manifest]
    entry.update(repo=str(repo), rev=rev)
    return yaml.safe_dump(config, sort_keys=False)


def _write(repo: Path, name: str, text: str) -> Path:
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


def _newsroom(tmp_path: Path, env: dict[str, str]) -> Path:
    repo = tmp_path / "newsroom"
    repo.mkdir()
    assert run(["git", "init", "-q"], repo, env).returncode == 0
    return repo


def _sh(repo: Path, env: dict[str, str], *args: str | Path) -> subprocess.CompletedProcess[str]:
    return run(list(args), repo, env)


def test_try_repo_blocks_and_fixes(
    snapshot: tuple[Path, str], tmp_path: Path, session_home: Path
) -> None:
    """Both hooks in one ``try-repo`` run (each run builds a hook environment of its own,
    in a temporary store): the check blocks, the fix repairs the working copy."""
    env = user_env(session_home)
    repo = _newsroom(tmp_path, env)
    bad = _write(repo, "articles/bad.txt", DAMAGED)
    _sh(repo, env, "git", "add", "-A")
    hooks_repo, rev = snapshot
    tried = _sh(repo, env, PRE_COMMIT, "try-repo", hooks_repo, "--ref", rev, "--files", bad)
    output = tried.stdout + tried.stderr
    assert tried.returncode == 1, output
    assert "articles/bad.txt:1:8: error EN101 [*] mojibake repaired" in output
    assert "files were modified by this hook" in output
    assert bad.read_text("utf-8") == REPAIRED


def test_commit_blocked_fixed_and_passed(
    snapshot: tuple[Path, str], tmp_path: Path, session_home: Path
) -> None:
    env = user_env(session_home)
    repo = _newsroom(tmp_path, env)
    _write(repo, ".pre-commit-config.yaml", readme_config(*snapshot))
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
    installed = _sh(repo, env, PRE_COMMIT, "install")
    assert installed.returncode == 0, installed.stdout + installed.stderr

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
