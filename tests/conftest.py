"""Shared test helpers. Tests use the real pipeline throughout: no mocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from .packaging import installed, session_home, snapshot, wheel  # noqa: F401  (session fixtures)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "fixtures"


@pytest.fixture
def seeds() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets its own result cache: none writes to the user's ~/.cache, and no test
    sees another's cached results."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(folder))
    monkeypatch.setenv("CLEANER_NO_CACHE", "0")  # --no-cache sets it; undone after each test
    # No per-file time limit unless a test asks (--timeout): then a command with one
    # worker's work runs in this process, whose pipeline is built once per session, instead
    # of in a forked worker that builds its own every time (minutes over the suite). The
    # supervised workers are tested with -j 2 and in tests/test_hostile_workers.py; child
    # processes started by tests/hostile.py get the real default.
    monkeypatch.setenv("CLEANER_TIMEOUT", "0")
    return folder
