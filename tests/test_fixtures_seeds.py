"""fixtures/seeds: the cleaned text of each seed, as a reader would accept it (read and checked
by hand when written: boilerplate gone, safe MT repairs made, risky ones left as findings,
the human-written seed 001 changed only by normalisation). A change to any stage that alters
these outputs fails here and has to be looked at, not waved through."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import Config, clean_text, restore

from .conftest import FIXTURES, SEEDS

CASES = sorted(SEEDS.glob("*.txt"))


@pytest.mark.parametrize("seed", CASES, ids=[c.stem[:3] for c in CASES])
def test_seed_cleans_to_expected(seed: Path) -> None:
    raw = seed.read_text(encoding="utf-8")
    expected = (FIXTURES / "seeds" / f"{seed.stem}.expected.txt").read_text(encoding="utf-8")
    result = clean_text(raw)
    assert result.text == expected
    assert restore(result) == raw
    assert clean_text(expected).edits == []


def test_human_written_seed_is_only_normalised() -> None:
    (human,) = SEEDS.glob("001_*.txt")
    raw = human.read_text(encoding="utf-8")
    full = clean_text(raw)
    assert {e.stage.value for e in full.edits} == {"normalise"}
    assert full.text == clean_text(raw, Config(select=("NM", "EN"))).text
