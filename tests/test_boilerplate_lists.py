"""Boilerplate keeps the story's own lists (issue 12): fixtures, results, seedings, nominees,
match info and the title line stay; headlines of other articles, a site's templated page
titles and whole-page furniture still go. The fixtures are in ``fixtures/boilerplate/``
(invented teams, players and films); ``test_boilerplate.test_fixture`` checks their exact
output, these tests say what each one is about."""

from __future__ import annotations

import pytest

from cleaner import Config, clean_text
from cleaner.boilerplate.blocks import _features, stopwords
from cleaner.model import Stage

from .conftest import FIXTURES

BP = Config(select=("BP", "NM", "EN"))
CONTENT_LISTS = [
    "results_table",
    "cup_draw",
    "award_nominees",
    "match_info_header",
    "seedings_list",
]


def _fixture(name: str) -> str:
    return (FIXTURES / "boilerplate" / f"{name}.in.txt").read_text(encoding="utf-8")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _removed(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        line.strip()
        for e in result.edits
        if e.stage == Stage.BOILERPLATE and not e.new.strip()
        for line in e.old.splitlines()
        if line.strip()
    ]


@pytest.mark.parametrize("name", CONTENT_LISTS)
def test_content_list_articles_lose_nothing(name: str) -> None:
    raw = _fixture(name)
    result = clean_text(raw, BP)
    assert _removed(result) == []
    assert _lines(result.text) == _lines(raw)
    assert _lines(result.text)[0] == _lines(raw)[0]  # the title line is content
    assert not [f for f in result.findings if f.rule.startswith("BP")]


def test_match_info_date_is_the_matchs_not_the_articles() -> None:
    """'Date: ...' inside a block of venue / kick-off / referee lines is not a dateline."""
    result = clean_text(_fixture("match_info_header"), BP)
    assert "Date: Saturday, 14 March 2026" in _lines(result.text)
    assert "date" not in result.metadata


def test_same_date_line_alone_is_still_lifted() -> None:
    text = (
        "Date: Saturday, 14 March 2026\n"
        "Hartley Rovers striker Dan Okafor has been passed fit for the derby on Saturday.\n"
    )
    result = clean_text(text, BP)
    assert result.metadata["date"] == "2026-03-14"
    assert _lines(result.text)[0].startswith("Hartley Rovers striker")


def test_headlines_after_a_results_table_go_and_the_table_stays() -> None:
    raw = _fixture("related_headlines")
    result = clean_text(raw, BP)
    removed = _removed(result)
    assert removed == _lines(raw)[-4:]
    assert {e.rule for e in result.edits if e.stage == Stage.BOILERPLATE} == {"BP250"}
    out = _lines(result.text)
    assert "Kestrel Vale 1-2 Oldcastle" in out
    assert out[-1].startswith("Reyes, who joined on loan")


def test_related_block_under_line_ups_goes() -> None:
    raw = _fixture("sports_links")
    result = clean_text(raw, BP)
    assert _removed(result) == _lines(raw)[-5:]
    assert "Line-ups" in _lines(result.text)


def test_whole_page_keeps_title_match_info_and_results_and_drops_furniture() -> None:
    raw = _fixture("whole_page_results")
    out = _lines(clean_text(raw, BP).text)
    assert out[:5] == [
        "Okafor double sends Rovers into Cup quarter-finals",
        "Venue: Millbrook Park",
        "Kick-off: 7.45pm",
        "Attendance: 9,214",
        "Referee: Paul Whitcombe",
    ]
    assert "Thornbury 0-1 Ashcombe Albion" in out
    assert out[-1] == "The quarter-final draw takes place on Sunday afternoon."
    for gone in ("Home", "Cricket", "Privacy policy", "Follow us"):
        assert gone not in out
    assert not any("interim manager" in line for line in out)


def test_squad_of_surnames_is_not_navigation() -> None:
    """Twenty-two one-word lines in a row look like a menu by shape alone, but they are names,
    not ordinary words: the squad is the story (kept, reported as unsure at most)."""
    raw = _fixture("squad_list")
    result = clean_text(raw, BP)
    assert _removed(result) == []
    assert _lines(result.text) == _lines(raw)
    assert "BP260" not in {f.rule for f in result.findings}


def test_subheadings_after_a_table_of_contents_stay() -> None:
    """The contents list names each section first; the section's own heading is the second
    copy and is the article's (BP251 takes repeated sentences, not repeated headings)."""
    raw = _fixture("table_of_contents")
    result = clean_text(raw, BP)
    assert _removed(result) == []
    assert _lines(result.text) == _lines(raw)


def test_a_repeated_paragraph_still_goes() -> None:
    para = (
        "The allotment society holds its seed swap on the first Saturday of every month in "
        "the village hall."
    )
    text = f"{_lines(_fixture('table_of_contents'))[5]}\n{para}\nThe show is in May.\n{para}\n"
    result = clean_text(text, BP)
    assert _removed(result) == [para]
    assert {e.rule for e in result.edits if e.stage == Stage.BOILERPLATE} == {"BP251"}


def test_captions_ending_an_article_are_not_a_footer() -> None:
    """A festival report with a gallery of short captions (as Wikinews prints them): runs of
    short lines in the body pass for navigation, but there is no header above the prose, so
    the last captions are not a page's footer."""
    raw = _fixture("photo_captions")
    result = clean_text(raw, BP)
    assert _removed(result) == []
    assert _lines(result.text) == _lines(raw)


ARTICLE = (
    "A second counselling clinic opened in Kingsbridge on Monday, its director Ana Price said, "
    "after waiting lists in the town doubled over the winter.\n"
    "The new clinic, on Station Road, will see its first patients next month.\n"
)


def test_unsure_list_at_the_end_is_kept_and_reported() -> None:
    """Neither headlines nor the story's data: keep it, and say so (BP290)."""
    services = (
        "Our Services At The Centre\n"
        "Acceptance And Commitment Therapy Sessions\n"
        "Cognitive Behavioural Therapy For Teenagers\n"
        "Dialectical Behaviour Therapy Group Work\n"
    )
    result = clean_text(ARTICLE + services, BP)
    assert _removed(result) == []
    assert [f.rule for f in result.findings] == ["BP290"]


def test_templated_page_titles_at_the_end_go() -> None:
    """One template with a slot filled in: the titles of a site's other pages."""
    towns = ["Leeds", "York", "Harrogate", "Wakefield", "Bradford", "Halifax"]
    links = "".join(f"Counselling Clinic in {town}, West Yorkshire\n" for town in towns)
    result = clean_text(ARTICLE + links, BP)
    assert _removed(result) == _lines(links)
    assert {e.rule for e in result.edits if e.stage == Stage.BOILERPLATE} == {"BP250"}


def test_a_clubs_own_fixtures_are_not_a_template() -> None:
    """The same opening on every line, but it is the club the article is about."""
    text = (
        "Hartley Rovers announced their pre-season fixtures on Friday, with manager Liz "
        "Ferreira saying the club wanted tough opposition before the league starts.\n"
        "Pre-season fixtures\n"
        "Hartley Rovers v Castleford Town (12 July)\n"
        "Hartley Rovers v Eastwick City (19 July)\n"
        "Hartley Rovers v Ashcombe Albion (26 July)\n"
        "Hartley Rovers v Farrowby Town (2 August)\n"
    )
    assert _removed(clean_text(text, BP)) == []


SW = stopwords()


@pytest.mark.parametrize(
    ("line", "record"),
    [
        ("Farrowby Town v Castleford Town", True),
        ("Millbrook Athletic 3-4 Hartley Rovers", True),
        ("1 Tomas Varga (Hungary)", True),
        ("Venue: Millbrook Park", True),
        ("Kick-off: 3pm GMT", True),
        ("Mara Lindqvist - The Keeper's Daughter", True),
        ("Ana Duarte, Portugal", True),
        ("Israel says it downed Yemen-fired missile claimed by Huthis", False),
        ("Thornbury sack manager after nine games without a win", False),
        ("Rovers clinch 3-2 win over City in the last minute", False),
        ("United Airlines Is Cracking Down On The Hidden-City Ticket Trick", False),
    ],
)
def test_record_or_headline(line: str, record: bool) -> None:
    """A record is the story's data; a headline (a clause, or a long capitalised line) is
    another article's title. No line is both."""
    block = _features(0, 0, len(line), line, SW)
    assert (block.record, block.headline) == (record, not record)


def test_disclaimer_is_kept_and_reported() -> None:
    """A 'Disclaimer:' can be the article's own disclosure: reported, removed only on request."""
    text = (
        "Shares in Millbrook Holdings rose by a fifth on Monday after the takeover was agreed.\n"
        "Disclaimer: the author holds shares in Millbrook Holdings.\n"
    )
    result = clean_text(text, BP)
    assert "Disclaimer: the author holds shares" in result.text
    assert [f.rule for f in result.findings] == ["BP231"]
    fixed = clean_text(text, Config(select=("BP", "NM", "EN"), unsafe_fixes=True))
    assert "Disclaimer" not in fixed.text
