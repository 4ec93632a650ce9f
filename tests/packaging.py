"""Session fixtures for the tests of cleaner as users install it (issue 15).

A wheel install and a pre-commit hook install see no checkout: only what the wheel carries.
These fixtures make that real, once per test session:

* ``snapshot``: this working tree (committed or not, untracked files too, ignored ones not)
  committed into a fresh git repository outside the checkout, so pre-commit can install the
  hooks from it at a fixed revision, exactly as from a published repository;
* ``wheel``: the wheel ``pip wheel`` builds from a git URL of the snapshot (a clone and an
  isolated build, as ``pipx install git+...`` and pre-commit do);
* ``installed``: a fresh virtualenv outside the checkout with that wheel installed.

Every install uses constraints.txt (the versions the suite passed with) and pip's own
cache, so a session costs one download at most and the results do not drift with PyPI.
These need PyPI (or a mirror pip is configured for), as ``make test`` itself does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEV_BIN = Path(sys.executable).parent


def run(
    args: list[str | Path], cwd: Path, env: dict[str, str], timeout: float = 900
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )


def checked(
    args: list[str | Path], cwd: Path, env: dict[str, str], timeout: float = 900
) -> subprocess.CompletedProcess[str]:
    done = run(args, cwd, env, timeout)
    assert done.returncode == 0, f"{args}: {done.stdout}\n{done.stderr}"
    return done


def user_env(home: Path) -> dict[str, str]:
    """The environment of a user with nothing of this checkout on their paths: git set up
    (author, default branch), pre-commit's store in ``home``, pip pinned to constraints.txt,
    and the test's own ``CLEANER_CACHE_DIR`` (read now: it changes per test)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("GIT_", "PRE_COMMIT", "VIRTUAL_ENV", "PYTHON"))
    }
    home.mkdir(parents=True, exist_ok=True)
    gitconfig = home / "gitconfig"
    gitconfig.write_text(
        "[user]\n\tname = Test\n\temail = test@example.invalid\n[init]\n\tdefaultBranch = main\n"
    )
    path = [p for p in env.get("PATH", "").split(os.pathsep) if p and Path(p) != DEV_BIN]
    env.update(
        GIT_CONFIG_GLOBAL=str(gitconfig),
        GIT_CONFIG_NOSYSTEM="1",
        PRE_COMMIT_HOME=str(home / "pre-commit"),
        PIP_CONSTRAINT=str(ROOT / "constraints.txt"),
        PIP_NO_COMPILE="1",  # byte-compiling numpy & co. was most of an install's CPU
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        PIP_ROOT_USER_ACTION="ignore",
        PATH=os.pathsep.join(path),
    )
    return env


@pytest.fixture(scope="session")
def session_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Shared by the session's pre-commit runs, so the hook environment is built once."""
    return tmp_path_factory.mktemp("user-home")


@pytest.fixture(scope="session")
def snapshot(tmp_path_factory: pytest.TempPathFactory, session_home: Path) -> tuple[Path, str]:
    """(repository, commit) holding this working tree as it is now."""
    env = user_env(session_home)
    listed = checked(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], ROOT, env
    ).stdout.split("\0")
    repo = tmp_path_factory.mktemp("cleaner-snapshot")
    for name in filter(None, listed):
        src = ROOT / name
        if not src.exists() and not src.is_symlink():
            continue  # deleted in the working tree
        dest = repo / name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dest, follow_symlinks=False)
    checked(["git", "init", "-q"], repo, env)
    checked(["git", "add", "-A"], repo, env)
    checked(["git", "commit", "-q", "-m", "snapshot of the working tree"], repo, env)
    sha = checked(["git", "rev-parse", "HEAD"], repo, env).stdout.strip()
    return repo, sha


@pytest.fixture(scope="session")
def wheel(
    snapshot: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory, session_home: Path
) -> Path:
    """Built from a git URL at the snapshot's commit, as ``pipx install git+...`` does."""
    out = tmp_path_factory.mktemp("wheel")
    env = user_env(session_home)
    url = f"cleaner @ git+file://{snapshot[0]}@{snapshot[1]}"
    checked([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", out, url], out, env)
    (built,) = out.glob("cleaner-*.whl")
    return built


@pytest.fixture(scope="session")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory, session_home: Path) -> Path:
    """The ``bin`` folder of a fresh virtualenv (outside the checkout) holding the wheel."""
    venv = tmp_path_factory.mktemp("wheel-venv")
    env = user_env(session_home)
    checked([sys.executable, "-m", "virtualenv", "-q", venv], venv, env)
    checked([venv / "bin" / "python", "-m", "pip", "install", "-q", wheel], venv, env)
    return venv / "bin"
