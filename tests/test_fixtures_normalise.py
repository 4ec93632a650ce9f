"""fixtures/normalise: input/expected pairs for the canonical form, and each expected output
is already canonical (cleaning it changes nothing)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import clean_text, restore

from .conftest import FIXTURES

CASES = sorted((FIXTURES / "normalise").glob("*.in.txt"))


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")  # keep CR and BOM exactly as stored


@pytest.mark.parametrize("case", CASES, ids=[c.name.removesuffix(".in.txt") for c in CASES])
def test_fixture(case: Path) -> None:
    raw = _read(case)
    expected = _read(case.with_name(case.name.replace(".in.txt", ".expected.txt")))
    result = clean_text(raw)
    assert result.text == expected
    assert restore(result) == raw
    assert clean_text(expected).edits == []


def test_there_are_fixtures() -> None:
    assert len(CASES) >= 7
