"""Shared test helpers. Tests use the real pipeline throughout: no mocks."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "fixtures"


@pytest.fixture
def seeds() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the grammar result cache out of the user's home, and fresh for every run."""
    import os

    os.environ["CLEANER_CACHE_DIR"] = str(tmp_path_factory.mktemp("cleaner-cache"))
