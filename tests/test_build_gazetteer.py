"""`tools/build_gazetteer.py`'s choices on sheet rows written for this test: which current
office holders beyond a cabinet `--current-holders` takes, the country of a repository named
by an abbreviation, and a Cyrillic label with two words run together."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

from build_gazetteer import GLUED, current_beyond_cabinet, home_country


def row(position: str, end: str = "") -> dict[str, str]:
    return {"position": position, "person": "A Person", "personID": "Q1", "end": end}


def test_the_current_holders_of_offices_foreign_news_names_are_taken() -> None:
    for position in (
        "Chairman of the State Duma",
        "Chief of the General Staff",
        "White House Press Secretary",
        "Governor of Voronezh Oblast",
        "Head of the Republic of Crimea",
        "First Lady",
        "Mayor of Moscow",
        "Director of the Mossad",
    ):
        assert current_beyond_cabinet(row(position)), position


def test_past_holders_and_offices_below_the_news_are_left_out() -> None:
    assert not current_beyond_cabinet(row("Chief of the General Staff", end="2012-11-09"))
    for position in (
        "Ambassador to Belarus",
        "Deputy Minister of Finance",
        "Governor of Cebu",  # a province's governor outside Russia and Ukraine
        "Chief Justice",  # Australia's sheet calls its states' chief justices so
        "Speaker of the Legislative Assembly of Manitoba",
        "chairman of the Smaliavičy District Executive Committee",
    ):
        assert not current_beyond_cabinet(row(position)), position


def test_a_repository_named_by_an_abbreviation_has_its_country() -> None:
    countries = {"Q30": "United States of America", "Q145": "United Kingdom"}
    assert home_country("us-cabinet", countries) == "Q30"
    assert home_country("united-kingdom-cabinet", countries) == "Q145"


def test_a_cyrillic_label_with_words_run_together_is_seen() -> None:
    assert GLUED.search("Владимир ВладимировичМазур")
    assert not GLUED.search("Владимир Мазур")
    assert not GLUED.search("Сергій Гайдай")
