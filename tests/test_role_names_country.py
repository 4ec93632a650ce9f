"""NE913's one-word near miss after an office many countries have: the office alone
("Prime Minister") has some two hundred holders in the gazetteer, and a word that sounds
like one of their family names is theirs only when the role or the article names their
country (or the place their office is of: "California Governor"). An office of few
countries ("Minister for Enterprise") still names its holder alone.

These run on the shipped gazetteer: what they guard against is a coincidence among its
thousands of office holders (``Antian``, Kishida's 岸田 read as pinyin, sounds like Kausea
Natano of Tuvalu).
"""

from __future__ import annotations

import pytest

from cleaner import Config, clean_text

CONFIG = Config(grammar="none")


@pytest.mark.parametrize(
    "text",
    [
        "Prime Minister Antian said the talks went well.",
        "Prime Minister Natabo said the talks went well.",
    ],
)
def test_an_office_alone_names_no_one(text: str) -> None:
    result = clean_text(text + "\n", CONFIG)
    assert [e for e in result.edits if e.rule == "NE913"] == []
    assert "Natano" not in result.text


def test_an_article_about_japan_names_no_tuvaluan() -> None:
    # Japan written in the article: "Antian", two pinyin syllables of a Japanese family
    # name, is Kishida's after the office he held (NE913), never Natano's.
    text = "Japan's cabinet met on Monday. Prime Minister Antian said the talks went well.\n"
    result = clean_text(text, CONFIG)
    assert [(e.rule, e.old, e.new) for e in result.edits if e.rule.startswith("NE")] == [
        ("NE913", "Antian", "Kishida")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Tuvalu's parliament met. Prime Minister Natabo said the talks went well.",
        "Tuvaluan Prime Minister Natabo said the talks went well.",
        # A state's office has one holder too.
        "California Governor Newsum signed the bill.",
        # An office of one country's government (Sweden's) names its holder alone.
        "Minister for Enterprise Thorwaldssno spoke on Tuesday.",
    ],
)
def test_the_role_or_the_article_names_the_place(text: str) -> None:
    result = clean_text(text + "\n", CONFIG)
    assert [(e.rule, e.old) for e in result.edits] in (
        [("NE913", "Natabo")],
        [("NE913", "Newsum")],
        [("NE913", "Thorwaldssno")],
    )
