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
    return folder
