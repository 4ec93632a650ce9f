"""`tools/build_gazetteer.py`'s choices on sheet rows written for this test: which current
office holders beyond a cabinet `--current-holders` takes, the country of a repository named
by an abbreviation, a Cyrillic label with two words run together, and which JMnedict entries
give a Japanese office holder kanji (a small JMnedict made here: the `jamdict-data` package is
no dependency of the project)."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

from build_gazetteer import GLUED, current_beyond_cabinet, home_country, jmnedict_kanji, same_birth


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


def _jmnedict(*entries: tuple[int, str, tuple[str, ...]]) -> sqlite3.Connection:
    """An in-memory JMnedict with the tables `jamdict.db` has: (idseq, gloss, kanji)."""
    db = sqlite3.connect(":memory:")
    db.executescript(
        "create table NETranslation (ID integer primary key, idseq integer);"
        "create table NETransGloss (tid integer, lang text, gend text, text text);"
        "create table NEKanji (idseq integer, text text);"
        "create table NEKana (idseq integer, text text);"
    )
    for idseq, gloss, kanji in entries:
        tid = db.execute("insert into NETranslation (idseq) values (?)", (idseq,)).lastrowid
        db.execute("insert into NETransGloss values (?, 'eng', '', ?)", (tid, gloss))
        db.executemany("insert into NEKanji values (?, ?)", [(idseq, k) for k in kanji])
    return db


def test_jmnedict_kanji_are_taken_when_the_birth_date_agrees() -> None:
    db = _jmnedict(
        (1, "Kishida Fumio (1957.7.29-)", ("岸田文雄",)),
        (2, "Tanaka Naoki (1940.6-)", ("田中直紀",)),
        (3, "Tanaka Naoki (1971.4.26-)", ("田中直樹",)),  # a namesake born later
        (4, "Kono Taro (1963.1.10-)", ("河野太郎",)),
        (5, "Kono Taro (1963-)", ("河野太朗",)),  # the same date, another spelling
        (6, "Suzuki Ichiro (1910.11-)", ("鈴木一郎",)),
        (7, "Sato Jiro", ("佐藤次郎",)),  # no date: nothing confirms it
    )
    wanted = {
        "Q1": ("Fumio Kishida", "1957-07-29"),
        "Q2": ("Naoki Tanaka", "1940-06-19"),  # the gloss gives no day: the month agrees
        "Q3": ("Tarō Kōno", "1963-01-10"),  # macrons are compared away
        "Q4": ("Ichirō Suzuki", "1953-04-13"),  # JMnedict has only a namesake
        "Q5": ("Jirō Satō", "1950-01-01"),
    }
    assert jmnedict_kanji(db, wanted) == {"Q1": "岸田文雄", "Q2": "田中直紀"}


def test_a_birth_date_agrees_on_what_both_give() -> None:
    assert same_birth("Fukuda Hiroshi (1935.8-)", "1935-08-11")
    assert same_birth("Takeuchi Yukio (1943-2020.1.2)", "1943-05-01")
    assert same_birth("Kishida Fumio (1957.7.29-)", "1957")
    assert not same_birth("Kishida Fumio (1957.7.29-)", "1957-07-30")
    assert not same_birth("Tanigaki Sadakazu (1946-)", "1945-03-07")
    assert not same_birth("Kishida Fumio", "1957-07-29")
    assert not same_birth("Kishida Fumio (1957.7.29-)", "")
