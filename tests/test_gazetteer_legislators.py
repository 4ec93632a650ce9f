"""Leaders of the United States Congress in the gazetteer (`rules/entities/wikidata/
legislatures.yaml`, made by `tools/build_legislators.py` from congress-legislators and
`cleaner gazetteer import`): who is taken, under which English name, and that a near miss of
a leader's surname is repaired where the article names the country."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tests.gazetteer_files import new_common_words_of, reported, shipped_rules

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

from build_legislators import english_name, lines

# Members as congress-legislators writes them (fixture lines written for this test).
MEMBERS = [
    {
        "id": {"wikidata": "Q1001", "wikipedia": "Jane Roe (American politician)"},
        "name": {"first": "Janet", "last": "Roe", "official_full": "Janet Q. Roe"},
        "bio": {"gender": "F"},
        "leadership_roles": [
            {"title": "House Minority Whip", "chamber": "house", "start": "1995-01-04"},
            {"title": "Speaker of the House", "chamber": "house", "start": "2019-01-03"},
        ],
    },
    {  # no leadership role: a member only
        "id": {"wikidata": "Q1002", "wikipedia": "John Doe"},
        "name": {"first": "John", "last": "Doe"},
        "bio": {"gender": "M"},
    },
    {  # a role, but only before 2001
        "id": {"wikidata": "Q1003", "wikipedia": "Old Leader"},
        "name": {"first": "Old", "last": "Leader"},
        "leadership_roles": [{"title": "Senate Majority Whip", "start": "1987-01-06"}],
    },
    {  # no Wikipedia title: the name the member goes by
        "id": {"wikidata": "Q1004"},
        "name": {"first": "Charles", "nickname": "Chuck", "last": "Roe"},
        "bio": {"gender": "M"},
        "leadership_roles": [{"title": "Senate Majority Leader", "start": "2021-01-20"}],
    },
    {  # no Wikidata id
        "id": {"wikipedia": "Nobody Known"},
        "name": {"first": "Nobody", "last": "Known"},
        "leadership_roles": [{"title": "Senate Majority Leader", "start": "2021-01-20"}],
    },
]


def entities() -> dict[str, dict]:
    out, left = lines(MEMBERS)
    assert left == {"no leadership role": 2, "no Wikidata id or name": 1}
    return {e["id"]: e for e in map(json.loads, out)}


def test_leaders_since_2001_are_taken_with_their_roles_and_country() -> None:
    got = entities()
    people = {q: e["labels"]["en"] for q, e in got.items() if e["claims"]["P31"] == ["Q5"]}
    assert people == {"Q1001": "Jane Roe", "Q1004": "Chuck Roe"}
    roe = got["Q1001"]["claims"]
    titles = sorted(got[p]["labels"]["en"] for p in roe["P39"])
    assert titles == ["Speaker of the House of the United States"]  # not the 1995 whip
    assert roe["P27"] == ["Q30"] and roe["P21"] == ["Q6581072"]
    assert got["Q30"]["labels"]["en"] == "United States of America"


def test_the_english_name_is_the_wikipedia_title_without_its_brackets() -> None:
    assert english_name(MEMBERS[0]) == "Jane Roe"
    assert english_name(MEMBERS[3]) == "Chuck Roe"


def test_the_shipped_file_holds_the_leaders_and_no_new_common_word() -> None:
    rules = shipped_rules("legislatures.yaml")
    names = {r["canonical"] for r in rules}
    assert {"Chuck Schumer", "Mitch McConnell", "Hakeem Jeffries"} <= names
    assert all(r.get("context") == ["United States of America"] for r in rules)
    assert new_common_words_of(rules, sorted(names)) == {}


def test_a_leaders_surname_garbled_is_repaired_where_the_country_is_named() -> None:
    text = "US Secretary of State Blinken met Senate's majority leader Shummer on Monday.\n"
    assert reported(text).get("NE913") == ["Shummer"]
