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

from known_titles import add_item_context, clean_title, context_by_item  # noqa: E402


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


def test_a_person_without_a_country_gets_the_newer_imports_by_wikidata_id(tmp_path: Path) -> None:
    # The builder once gave a person only the country of an office that names one: a
    # "Chief Cabinet Secretary" had none, so no country word was a cue for them.
    newer = tmp_path / "all.yaml"
    newer.write_text(
        yaml.safe_dump(
            {
                "rules": [
                    {"id": "NE-Q1", "canonical": "A B", "kind": "person", "context": ["Japan"],
                     "wikidata": "Q1"},
                    {"id": "NE-Q2", "canonical": "C D", "kind": "person", "context": ["Peru"],
                     "wikidata": "Q2"},
                ]
            }
        ),
        encoding="utf-8",
    )  # fmt: skip
    shipped = tmp_path / "officeholders.yaml"
    shipped.write_text(
        "rules:\n"
        "- id: NE-Q001\n  canonical: A B\n  kind: person\n  titles:\n  - Chief Cabinet Secretary\n"
        "  wikidata: Q1\n  allows:\n  - A B was mentioned on Monday.\n"
        "- id: NE-Q002\n  canonical: C D\n  kind: person\n  context:\n  - Chile\n"
        "  wikidata: Q2\n",
        encoding="utf-8",
    )
    assert add_item_context(shipped, context_by_item(newer)) == 1
    rules = yaml.safe_load(shipped.read_text(encoding="utf-8"))["rules"]
    assert rules[0]["context"] == ["Japan"] and rules[0]["titles"] == ["Chief Cabinet Secretary"]
    assert rules[1]["context"] == ["Chile"]  # a person's own countries are kept
    assert list(rules[0]) == ["id", "canonical", "kind", "titles", "context", "wikidata", "allows"]


def test_every_shipped_imported_person_has_a_country() -> None:
    # (but four whom no sheet of the repositories gives a country: SOURCES.md; Nancy Pelosi
    # has the United States since congress-legislators gave her roles, session 12)
    without = sorted(
        r["canonical"]
        for name in ("officeholders.yaml", "cabinets.yaml")
        for r in yaml.safe_load((ROOT / "rules/entities/wikidata" / name).read_text("utf-8"))[
            "rules"
        ]
        if r.get("kind") == "person" and not r.get("context")
    )
    assert without == [
        "Asa Hutchinson", "Francis Collins", "James C. McConville", "Lloyd Austin"
    ]  # fmt: skip
