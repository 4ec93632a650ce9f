"""The imported office holders' titles name their country once: the world repository's
position labels end in "of <country>" even where the office names it ("Foreign Minister of
Norway of Norway"), and `tools/known_titles.py` drops that doubled tail (the builder no
longer writes it)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from known_titles import clean_title  # noqa: E402


@pytest.mark.parametrize(
    ("title", "country", "clean"),
    [
        ("Foreign Minister of Norway of Norway", "Norway", "Foreign Minister of Norway"),
        (
            "United States Secretary of State of United States of America",
            "United States of America",
            "United States Secretary of State",
        ),
        (
            "Egyptian Minister of Foreign Affairs of Egypt",
            "Egypt",
            "Egyptian Minister of Foreign Affairs",
        ),
        # The office does not name the country: the tail stays.
        ("Minister of Finance of Ukraine", "Ukraine", "Minister of Finance of Ukraine"),
        (
            "Secretary of State of United States of America",
            "United States of America",
            "Secretary of State of United States of America",
        ),
    ],
)
def test_a_doubled_country_tail_is_dropped(title: str, country: str, clean: str) -> None:
    assert clean_title(title, [country]) == clean


def test_the_shipped_import_names_each_title_country_once() -> None:
    path = ROOT / "rules/entities/wikidata/officeholders.yaml"
    rules = yaml.safe_load(path.read_text(encoding="utf-8"))["rules"]
    doubled = [
        (r["canonical"], t)
        for r in rules
        if r.get("kind") == "person"
        for t in r.get("titles") or []
        if clean_title(t, r.get("context") or []) != t
    ]
    assert doubled == []
