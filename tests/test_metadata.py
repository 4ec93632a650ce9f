"""Metadata lifted from article text (BP3xx): byline and date shapes, wrong-title classes,
provenance and confidence, and the lists in ``rules/metadata/`` being data."""

from __future__ import annotations

import json
from dataclasses import fields, replace
from pathlib import Path

import pytest

from cleaner import Config, clean_text, restore
from cleaner.metadata.dates import find_dates, normalise_date
from cleaner.metadata.extract import extract
from cleaner.metadata.lexicon import load_lexicon
from cleaner.metadata.names import given_name_led, handle_byline, parse_byline, team_byline
from cleaner.resources import builtin_rules

from .conftest import FIXTURES, SEEDS

BP = Config(select=("BP", "NM", "EN"))
CASES = sorted((FIXTURES / "metadata").glob("*.txt"))
LEX = load_lexicon((builtin_rules(),))


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_fixture(path: Path) -> None:
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    raw = path.read_text(encoding="utf-8")
    result = clean_text(raw, BP)
    for field, value in expected.items():
        assert result.metadata.get(field) == value, field
    assert restore(result) == raw


@pytest.mark.parametrize(
    ("line", "names", "source"),
    [
        ("By Anna Kowalski", ["Anna Kowalski"], ""),
        ("by Anna Kowalski and Li Wei", ["Anna Kowalski", "Li Wei"], ""),
        ("By Anna Kowalski, Li Wei and Tom Berg", ["Anna Kowalski", "Li Wei", "Tom Berg"], ""),
        ("Anna Kowalski | Staff Writer", ["Anna Kowalski"], ""),
        ("Written by: Anna Kowalski, PhD", ["Anna Kowalski"], ""),
        ("Anna Kowalski, Reuters", ["Anna Kowalski"], "Reuters"),
        ("By Anna KowalskiPublished: Jan 29, 2025", ["Anna Kowalski"], ""),
        ("Posted by Anna Kowalski on August 21, 2019", ["Anna Kowalski"], ""),
        ("Mar 5, 2025 · 3 min read · By Anna Kowalski", ["Anna Kowalski"], ""),
        ("Anna Kowalski October 11, 2024", ["Anna Kowalski"], ""),
        ("Anna Kowalski, Clemson University", ["Anna Kowalski"], ""),
        ("By Dr. Anna Kowalski - Mar 27, 2024", ["Dr. Anna Kowalski"], ""),
        ("Anna Kowalski and Tom Berg | Guest Columnists", ["Anna Kowalski", "Tom Berg"], ""),
        ("By April Fulton", ["April Fulton"], ""),  # a month is a given name after a cue
        ("Article written by: June Okafor", ["June Okafor"], ""),
        ("12/19/2025 • Friday Philosophy • David Gordon", ["David Gordon"], ""),
        ("May 2, 2025 · 6 min · 1,204 words · Julian K. Arni", ["Julian K. Arni"], ""),
        ("- Anna Kowalski", ["Anna Kowalski"], ""),  # a theme's bulleted meta line
        ("By Sarah", ["Sarah"], ""),  # one word after a cue: a given name and nothing else
        # A given name that is also an ordinary word (rules/metadata/given-names.txt).
        ("Faith Katunga • Oct 20, 2025", ["Faith Katunga"], ""),
        ("Hope Okafor | Staff Writer", ["Hope Okafor"], ""),
        ("Nadia Ferreira USA TODAY", ["Nadia Ferreira"], ""),  # a masthead in capitals
        ("Contributors: Janet Abernathy", ["Janet Abernathy"], ""),
        # A job title is never a person of the list, whatever the profession.
        ("By Anna Kowalski, Master Horticulturalist & Garden Educator", ["Anna Kowalski"], ""),
        ("Anna Kowalski | Chef & Sommelier", ["Anna Kowalski"], ""),
        ("Anna Baker | Staff Writer", ["Anna Baker"], ""),  # an occupation that is a surname
        # A particle with a capital is a surname, last in the name too.
        ("By Mahua Das", ["Mahua Das"], ""),
        ("Anna Le | Staff Writer", ["Anna Le"], ""),
        ("By Dick Van Dyke", ["Dick Van Dyke"], ""),
        ("By Anna de la Cruz", ["Anna de la Cruz"], ""),
        ("By PJ Hamel", ["PJ Hamel"], ""),  # two initials without their dots, after a cue
        # A blog theme's dated meta line with the section the post is filed in; "Mahua" is a
        # word (a tree) and a given name the US lists lack (rules/metadata/given-names.txt).
        ("Dec 26, 2025 • Mahua Das in Project Management", ["Mahua Das"], ""),
        ("Dec 26, 2025 • Priya Nair in News & Events", ["Priya Nair"], ""),
        # Co-authors with their credentials, one with a specialty in brackets; however many
        # credentials, the names are few words.
        (
            "Anna Kowalski, VMD, DACVB; Tom Berg, BA, LVT, VTS (Behavior); "
            "Nadia Ferreira, DVM, DACVB & Janet Abernathy, DVM, DACVB",
            ["Anna Kowalski", "Tom Berg", "Nadia Ferreira", "Janet Abernathy"],
            "",
        ),
    ],
)
def test_byline_shapes(line: str, names: list[str], source: str) -> None:
    byline = parse_byline(line, LEX)
    assert byline is not None
    assert list(byline.names) == names
    assert byline.source == source


@pytest.mark.parametrize(
    ("line", "team"),
    [
        ("By the Lavazza Team 2-3 minutes", ("the Lavazza Team", True)),
        ("By Workzone Team\u2022 4 mins read", ("Workzone Team", True)),
        ("by SolutionsHub Editorial Team", ("SolutionsHub Editorial Team", True)),
        ("By: The Currency editors", ("The Currency editors", True)),
        ("Everfit Team", ("Everfit Team", False)),
        ("TOI Lifestyle Desk / etimes.in / Updated: Dec 17, 2025", ("TOI Lifestyle Desk", False)),
        ("Team SimplyThrilled", ("Team SimplyThrilled", False)),
        # Not a team's byline: no one's team, a heading, an agency, a person.
        ("By Staff", None),
        ("by News Desk", None),
        ("Our Team", None),
        ("Meet the Team", None),
        ("Customer Support Team", None),
        ("Apple Support Team", None),  # no cue: an ordinary word says too little
        ("Team Building", None),
        ("Reuters Staff", None),
        ("By Anna Kowalski", None),
    ],
)
def test_team_bylines(line: str, team: tuple[str, bool] | None) -> None:
    assert team_byline(line, LEX) == team


@pytest.mark.parametrize(
    ("line", "handle"),
    [
        ("Posted by BeauHD on Friday December 19, 2025 @08:00PM", "BeauHD"),
        ("by jsteinhardt", "jsteinhardt"),
        ("By: ShawnHymel | December 16, 2025 | Categories: Uncategorized", "ShawnHymel"),
        ("Posted by harbour_watch42", "harbour_watch42"),
        # A person's name, a word, an agency, a date: no user name.
        ("By Sarah", None),
        ("By Anna Kowalski", None),
        ("By admin", None),
        ("by design", None),
        ("By AP", None),
        ("by reuters", None),
        ("By May 2025", None),
        ("Reviewed by drsmith", None),  # no byline cue: someone else
        ("jsteinhardt", None),  # no cue at all
    ],
)
def test_handle_bylines(line: str, handle: str | None) -> None:
    assert handle_byline(line, LEX) == handle


@pytest.mark.parametrize(
    "line",
    [
        "By Staff",
        "Staff Writer",
        "By AP",
        "By the Lavazza Team",
        "By Workzone Team",
        "Reviewed by Helen Marsh, MD",
        "Photo by Jonas Weber",
        "By Friday the talks had ended.",
        "By Design",
        "Digital Marketing",
        "Senior Editor",
        "March 14, 2024",
        "By May",
        "By March 2025",
        "April Fulton",  # no cue: a month, not a given name
        "March 20, 2023 | Wellness & Prevention",
        "Oct 1, 2021 | 34 comments",
        "May 2, 2025 · Anna Smith · Tom Berg",  # two people: which of them wrote it?
        "Hope Street • Oct 20, 2025",  # a given name, then an ordinary word: a place
        "Rose Garden October 11, 2024",
        "Let's Discuss AI",  # one word in capitals is no masthead
        "Contributors Janet Abernathy",  # like "Author", the cue needs its colon
        "I Need Legal Help",  # the pronoun, not an initial: a first-person heading
        "By State",  # a menu's facet: a capitalised common word is no one-word name
        "By Price",  # a surname too, but one word after the cue needs to be only a name
        "Presented By Carahsoft",  # a sponsor's credit in title case: "By" is in no name
        "Presented By Forescout Technologies",
        "PJ Hamel | Staff Writer",  # two capitals without a cue: as often a country or brand
        "By Citadel Financial Tips | September 07, 2023",  # a company's byline
        "Mahua Das in Project Management",  # no date before it: as likely a headline
        "Dec 26, 2025 • Priya Nair in the garden",  # a sentence, not a section
        "Dec 26, 2025 • Priya Nair in Project Management and Beyond",  # ... nor this
    ],
)
def test_not_bylines(line: str) -> None:
    assert parse_byline(line, LEX) is None


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("Cory Dransfeldt", True),
        ("Erin Spain", True),
        ("Faith Katunga", True),  # "faith" is a word, Faith a given name
        ("Skip Navigation", False),  # a given name, then an ordinary word
        ("Sally Tomatoes", False),  # ... or the plural of one: a shop
        ("Cherry Servers", False),
        ("Marta Ries", True),  # a short surname ending in s is no plural ("rie" is a word)
        ("Owain Brennan", True),  # rare in the 1990 census, in the SSA's baby names
        ("Ash Vardanian", True),  # "ash" is a word, Ash a given name (SSA)
        ("Ash Tree", False),  # ... but the rest must read as a surname
        ("Apache Spark", False),  # no given name
        # Given names of the pooled multinational tables; a capitalised particle last is a
        # surname ("Das"), but not one that makes a street ("St").
        ("Mahua Das", True),
        ("Prabhu Raman", True),
        ("Malati Ghosh", True),
        ("Hope St", False),
        ("Cory", False),  # a given name alone is not a full name
    ],
)
def test_given_name_led(name: str, person: bool) -> None:
    assert given_name_led(name, LEX) is person


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("May 4, 2025", "2025-05-04"),
        ("4 May 2025", "2025-05-04"),
        ("Friday, November 14, 2025", "2025-11-14"),
        ("Sept. 5, 2025", "2025-09-05"),
        ("18th Dec 2025", "2025-12-18"),
        ("Nov 25th, 2025", "2025-11-25"),
        ("19-Dec-2025", "2025-12-19"),
        ("2025-11-03", "2025-11-03"),
        ("2025/4/29", "2025-04-29"),
        ("23.07.2025", "2025-07-23"),
        ("12/19/2025", "2025-12-19"),
        ("Dec. 23, 2024, 1:24 PM EST", "2024-12-23T13:24:00"),
        ("4 May 2025 14:30", "2025-05-04T14:30:00"),
        ("03/04/2025", None),  # April 3 or March 4
        ("2 days ago", None),
        ("yesterday", None),
        ("Apr 12", None),  # no year
        ("May 2025", None),  # no day
        ("2025-13-40", None),
        ("the situation in Kyiv", None),
    ],
)
def test_dates_strict(text: str, iso: str | None) -> None:
    assert normalise_date(text) == iso


def test_glued_dates_are_two_dates() -> None:
    hits = find_dates("Posted on June 29, 2020November 12, 2021")
    assert [h.iso for h in hits] == ["2020-06-29", "2021-11-12"]


def test_provenance_line_rule_confidence() -> None:
    raw = (FIXTURES / "metadata" / "title_navigation.txt").read_text(encoding="utf-8")
    meta = clean_text(raw, BP).metadata
    provenance = meta["provenance"]
    assert provenance["title"]["line"] == 9
    assert provenance["author"] == provenance["author"] | {"line": 10, "rule": "BP311"}
    assert provenance["date"]["line"] == 11 and provenance["date"]["rule"] == "BP322"
    for field in ("title", "author", "date"):
        assert 0.6 <= provenance[field]["confidence"] <= 1.0


def test_provenance_line_counts_crlf_and_cr() -> None:
    text = "Notice\r\n\r\nBy Anna Kowalski\rMarch 14, 2024\rThe talks ended on Friday, they said.\n"
    meta = clean_text(text, BP).metadata
    assert meta["provenance"]["date"]["line"] == 4


def test_ambiguous_date_settled_in_an_order() -> None:
    """ "03/10/2023" read day first is 3 October, month first 10 March; an order that makes
    no date ("13/10" month first) settles nothing, and a certain date stays as it is."""
    (hit,) = find_dates("03/10/2023")
    assert hit.ambiguous and hit.iso is None
    assert (day_first := hit.settled("DMY")) is not None and day_first.iso == "2023-10-03"
    assert (month_first := hit.settled("MDY")) is not None and month_first.iso == "2023-03-10"
    assert hit.settled("") is None
    (certain,) = find_dates("13/10/2023")
    assert certain.settled("MDY") is None and certain.numeric
    assert not find_dates("3 October 2023")[0].numeric


def test_ambiguous_date_is_a_finding_not_metadata() -> None:
    raw = (FIXTURES / "metadata" / "date_ambiguous.txt").read_text(encoding="utf-8")
    result = clean_text(raw, BP)
    assert "date" not in result.metadata
    (finding,) = [f for f in result.findings if f.rule == "BP390"]
    assert "possible date: 2024-03-04 or 2024-04-03" in finding.message
    assert finding.text == "03/04/2024"


def test_removed_byline_and_date_lines_stay_edits() -> None:
    raw = "Published: May 4, 2025\nBy Anna Kowalski\nThe talks ended on Friday, officials said.\n"
    result = clean_text(raw, BP)
    assert result.metadata["date"] == "2025-05-04"
    assert result.metadata["authors"] == ["Anna Kowalski"]
    removed = {e.old.strip() for e in result.edits if e.rule.startswith("BP2")}
    assert {"Published: May 4, 2025", "By Anna Kowalski"} <= removed
    assert restore(result) == raw


def test_title_stays_in_the_text() -> None:
    raw = (
        "Ferry terminal approved\nBy Anna Kowalski\nMay 4, 2025\n"
        "The harbour board approved the new ferry terminal on Thursday after three years.\n"
        "Work will start in the autumn and should take two years, the board said.\n"
    )
    result = clean_text(raw, BP)
    assert result.metadata["title"] == "Ferry terminal approved"
    assert result.text.startswith("Ferry terminal approved\n")


def test_ignore_switches_metadata_off() -> None:
    raw = (FIXTURES / "metadata" / "byline_by.txt").read_text(encoding="utf-8")
    meta = clean_text(raw, Config(select=("BP", "NM", "EN"), ignore=("BP3",))).metadata
    assert not {"title", "author", "date", "provenance"} & meta.keys()
    meta = clean_text(raw, Config(select=("BP", "NM", "EN"), ignore=("BP311",))).metadata
    assert "author" not in meta and meta["date"] == "2024-03-14"


def test_ignore_keeps_people_only() -> None:
    """A newsroom that files people only switches team bylines off by their code."""
    raw = (FIXTURES / "metadata" / "byline_team_over_date.txt").read_text(encoding="utf-8")
    meta = clean_text(raw, Config(select=("BP", "NM", "EN"), ignore=("BP315",))).metadata
    assert "author" not in meta and meta["date"] == "2025-10-14"
    assert clean_text(raw, BP).metadata["provenance"]["author"]["rule"] == "BP315"


def test_not_english_is_left_alone() -> None:
    from cleaner.document import Document
    from cleaner.stages.metadata import Metadata

    doc = Document("Von Anna Kowalski\n14. März 2024\nDie Gespräche endeten am Freitag.\n")
    doc.notes["english"] = False
    Metadata(BP).run(doc)
    assert doc.metadata == {}


def test_given_names_are_read_when_first_asked(tmp_path: Path) -> None:
    """The 66,000 given names cost a process that never asks them nothing: the list is read
    the first time a byline position asks it, not when the metadata stage is built (what a
    newsroom's own list holds then is what counts)."""
    names = tmp_path / "metadata" / "given-names.txt"
    names.parent.mkdir()
    names.write_text("Mahua\n", encoding="utf-8")
    lex = load_lexicon((tmp_path,))
    names.write_text("Mahua\nZorika\n", encoding="utf-8")
    assert "zorika" in lex.given_names
    assert "mahua" in lex.given_names
    assert "faith" not in lex.given_names


def test_word_lists_are_data(tmp_path: Path) -> None:
    """A newsroom adds its own agency in an extend-rules folder; no code changes."""
    raw = (
        "Ferry services resume after the storm\nAnna Kowalski, Harbour Wire\nMay 4, 2025\n"
        "Ferry services to the islands resumed on Sunday morning after two days of storms.\n"
        "The operator said timetables would be back to normal by Tuesday.\n"
    )
    assert "source" not in clean_text(raw, BP).metadata
    (tmp_path / "extra" / "metadata").mkdir(parents=True)
    (tmp_path / "extra" / "metadata" / "agencies.txt").write_text("Harbour Wire\n")
    config = Config(select=("BP", "NM", "EN"), extend_rules=("extra",), source=str(tmp_path / "x"))
    meta = clean_text(raw, config).metadata
    assert meta["source"] == "Harbour Wire" and meta["authors"] == ["Anna Kowalski"]


def test_author_box_heading_cue_is_data(tmp_path: Path) -> None:
    """The word heading an author box with the writer's name ("About Priya") is a word list
    entry: the shipped list reads "About", and a newsroom adds its own ("Meet")."""
    body = (
        "How to Build a Cooler House Without Air Conditioning\n"
        "A house that stays cool in summer starts with its roof and its windows.\n"
        "Light-coloured roofs reflect most of the sun's heat, and deep eaves keep the sun off.\n"
        "Windows on opposite walls let a breeze cross the house at night.\n"
        "{cue} Priya\n"
        "Priya Castellano is a writer and graphic designer who covers sustainable building.\n"
    )
    lex = load_lexicon((builtin_rules(),))
    assert lex.author_about.match("About Priya:")["name"] == "Priya"
    assert lex.author_about.match("About the author") is None
    assert clean_text(body.format(cue="About"), BP).metadata["authors"] == ["Priya Castellano"]
    assert "authors" not in clean_text(body.format(cue="Meet"), BP).metadata
    (tmp_path / "extra" / "metadata").mkdir(parents=True)
    (tmp_path / "extra" / "metadata" / "author-about-cues.txt").write_text("meet\n")
    # An absolute folder: the pipeline cache keys on the config, which compares without its
    # source, so another test's relative "extra" would be taken for this one.
    config = Config(select=("BP", "NM", "EN"), extend_rules=(str(tmp_path / "extra"),))
    assert clean_text(body.format(cue="Meet"), config).metadata["authors"] == ["Priya Castellano"]


def test_words_after_a_user_name_are_data(tmp_path: Path) -> None:
    """The words that may follow a user name in its byline ("Posted by BeauHD on ...") are
    a list in ``rules/words/english.yaml``: a newsroom's extend-rules folder adds its own."""
    line = "Posted by harbour_watch42 via the ferry app"
    assert handle_byline("Posted by harbour_watch42 on May 4, 2025", LEX) == "harbour_watch42"
    assert handle_byline(line, LEX) is None  # "via" is not on the shipped list
    (tmp_path / "extra").mkdir()
    (tmp_path / "extra" / "words.yaml").write_text("lists:\n  handle-followers: [via]\n")
    lex = load_lexicon((builtin_rules(), tmp_path / "extra"))
    assert "on" in lex.handle_followers  # added to, not replaced
    assert handle_byline(line, lex) == "harbour_watch42"


def test_verbs_opening_a_bio_are_data() -> None:
    """A name alone in the header is the author when a bio further down opens with it and
    one of the ``bio-verbs`` of ``rules/words/english.yaml`` ("Anna Kowalski was a ...")."""
    text = (
        "Ferry services resume after the storm\nNews\nIslands\nAnna Kowalski\n"
        "Ferry services to the islands resumed on Sunday morning after two days of storms.\n"
        "The operator said timetables would be back to normal by Tuesday, and added that "
        "extra boats would run.\n"
        "Anna Kowalski was a harbour reporter at the Island Gazette for ten years.\n"
    )
    found = extract(text, LEX).lifted["author"]
    assert (found.value, found.rule) == (["Anna Kowalski"], "BP313")
    assert "author" not in extract(text, replace(LEX, bio_verbs=frozenset({"is"}))).lifted


@pytest.mark.parametrize(
    ("name", "paragraph", "subject"),
    [
        # The paragraph under the line opens by naming it: a section about a place or thing.
        ("Tamsin Falls", "Tamsin Falls, a chain of three cascades, drops 300 feet in May.", True),
        ("Tamsin Falls", "Tamsin Falls is at its fullest in May, when the snow melts.", True),
        # A writer's bio under the name: the name is the writer's.
        ("Tamsin Okafor", "Tamsin Okafor, a freelance travel writer, covers the parks.", False),
        ("Tamsin Okafor", "Tamsin Okafor is a staff reporter at the Island Gazette.", False),
        # The paragraph is about something else, or the name is only its first words.
        ("Tamsin Okafor", "The park service said the trails would open on Saturday.", False),
        ("Tamsin Fall", "Tamsin Falls, a chain of three cascades, drops 300 feet in May.", False),
    ],
)
def test_a_name_heading_a_paragraph_about_it(name: str, paragraph: str, subject: bool) -> None:
    """A name alone under the headline is no byline when the paragraph right under it opens
    with it and is no writer's bio ("Yosemite Falls" / "Yosemite Falls, a combination of
    ..." on a park's page): the line heads a section about its subject."""
    from cleaner.metadata.extract import _subject_heading
    from cleaner.metadata.lines import Page

    page = Page.of(f"The waterfalls to see this spring\n{name}\n{paragraph}\n", LEX)
    assert _subject_heading(page, page.lines[1], name) is subject


def test_an_empty_list_switches_its_reading_off() -> None:
    """Every list of ``rules/metadata/`` switches a reading on; an empty one switches it off.
    An empty alternation would be the empty pattern, which matches every line: no captions
    listed would make every line a caption, no copyright cues every line a notice."""
    empty = replace(
        LEX,
        **{
            f.name: type(getattr(LEX, f.name))()
            for f in fields(LEX)
            if isinstance(getattr(LEX, f.name), (tuple, frozenset))
        },
    )
    lines = [
        "",
        "By Anna Kowalski",
        "Get Anna Kowalski's stories in your inbox",
        "About Priya",
        "Published: May 4, 2025",
        "This article was originally published on May 4, 2025",
        "© 2025 Toby Hede. All rights reserved.",
        "Ferry services resume after the storm",
        " 2 min read",
    ]
    patterns = {
        "byline_cue": empty.byline_cue,
        "not_byline_cue": empty.not_byline_cue,
        "author_link": empty.author_link,
        "author_link_around": empty.author_link_around,
        "author_about": empty.author_about,
        "agency": empty.agency,
        "published_cue": empty.published_cue,
        "other_date_cue": empty.other_date_cue,
        "original_date_cue": empty.original_date_cue,
        "copyright_notice": empty.copyright_notice,
    }
    for name, pattern in patterns.items():
        assert not any(pattern.search(line) for line in lines), name
    for test in (
        empty.is_navigation,
        empty.is_call_to_action,
        empty.is_caption,
        empty.is_sponsor_credit,
        empty.is_teaser_heading,
    ):
        assert not any(test(line) for line in lines), test.__name__
    # The words that may follow a user name: none listed, only a separator or a date may.
    no_followers = replace(LEX, handle_followers=())
    assert handle_byline("Posted by BeauHD on Friday", LEX) == "BeauHD"
    assert handle_byline("Posted by BeauHD on Friday", no_followers) is None
    assert handle_byline("Posted by BeauHD | May 4, 2025", no_followers) == "BeauHD"


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("000", {"dateline": "Moscow", "source": "AP"}),
        ("002", {"source": "korrespondent", "author": "David Wyatt"}),
        ("003", {"date": "2025-05-04"}),
    ],
)
def test_seed_metadata(prefix: str, expected: dict[str, str]) -> None:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    meta = clean_text(path.read_text(encoding="utf-8"), BP).metadata
    assert {k: meta.get(k) for k in expected} == expected
    assert "title" not in meta


def test_contents_and_faq_entries_are_not_headline_candidates() -> None:
    """Lines a contents heading lists (the page repeats them as its sections) and questions
    under an FAQ heading are entries, never headlines; an FAQ item of a site menu does not
    hide the headline under the menu."""
    from cleaner.metadata.lines import Page
    from cleaner.metadata.title import candidates

    raw = (FIXTURES / "metadata" / "title_contents.txt").read_text(encoding="utf-8")
    found = [line.text for line in candidates(Page.of(raw, LEX))]
    assert "What changes for drivers" in found  # the section heading, further down
    assert found.count("What changes for drivers") == 1  # not its entry in the contents
    raw = "FAQ\nHow do I apply?\nBlog\nContact Us\nFive habits that protect your teeth\n"
    found = [line.text for line in candidates(Page.of(raw, LEX))]
    assert "How do I apply?" not in found
    assert "Five habits that protect your teeth" in found


def test_contents_entry_reading_like_a_sentence_stays_an_entry() -> None:
    """A contents entry that reads like a sentence (a long question) is still an entry when
    the page prints it again as a section: it neither becomes a headline candidate nor ends
    the listing (on a real page the entry won the headline over the page's H1)."""
    from cleaner.metadata.lines import Page
    from cleaner.metadata.title import candidates

    raw = (FIXTURES / "metadata" / "title_contents_question_entry.txt").read_text(encoding="utf-8")
    page = Page.of(raw, LEX)
    question = "How Do You Decide Which Bicycle Suits Your Daily Commute Across Town?"
    assert any(line.prose for line in page.lines if line.text == question)  # reads as prose
    found = [line.text for line in candidates(page)]
    assert found.count(question) == 1  # the section heading, not its entry


def test_sponsor_credit_cuts_a_card_off_the_byline_under_it() -> None:
    """A promoted card's heading over its sponsor's credit gets no header evidence from the
    article's byline further down (``rules/metadata/sponsor-cues.txt``); the same heading
    with an ordinary line in the credit's place does, so the test can fail."""
    from cleaner.metadata.lines import Page
    from cleaner.metadata.title import candidates, described

    def evidence(second: str) -> set[str]:
        raw = (
            "Five steps to a data governance programme\n\n"
            f"{second}\n\n"
            "Download Now\n\n"
            "By Anna Kowalski\n\n"
            "The council agreed on Tuesday to publish its spending data every month, after "
            "residents asked for clearer accounts of how the budget is used.\n"
        )
        page = Page.of(raw, LEX)
        lines = candidates(page)
        rows = described(page, lines)
        row = next(f for line, f in zip(lines, rows, strict=True) if line.index == 0)
        return {name for name in row if name.startswith("evidence")}

    assert evidence("A practical guide") == {"evidence_near"}
    assert evidence("Presented By Harbour Systems") == set()
    assert evidence("Sponsored by Harbour Systems") == set()
    assert LEX.is_sponsor_credit("In partnership with Harbour Systems")
    assert not LEX.is_sponsor_credit("Presenting the new budget")


def test_definition_question_is_a_section_heading() -> None:
    """A short "What is X?" question (``rules/metadata/definition-questions.txt``) gets the
    ``defines`` feature, which counts against it as a headline; a longer question, one that
    asks something else, or the same words without the question mark do not."""
    from cleaner.metadata.lines import Page
    from cleaner.metadata.title import candidates, described

    def defines(head: str) -> bool:
        raw = (
            f"{head}\n\n"
            "A heat pump moves warmth from the outside air into a house instead of burning gas, "
            "and in summer the same machine can cool the rooms.\n"
        )
        page = Page.of(raw, LEX)
        lines = candidates(page)
        row = next(
            f for line, f in zip(lines, described(page, lines), strict=True) if not line.index
        )
        return "defines" in row

    assert defines("What Is a Heat Pump?")
    assert defines("What\u2019s a heat pump?")
    assert defines("Who Are the Installers?")
    assert not defines("What Is a Heat Pump and Should You Buy One in 2025?")  # over six words
    assert not defines("How Does a Heat Pump Work?")
    assert not defines("What Is a Heat Pump")  # no question mark
    assert not defines("Whatever Happened to Heat Pumps?")  # "what" is not a whole word


def test_kicker_over_a_headline() -> None:
    """A heading of one or two words right above a longer heading is the section's kicker
    ("Workouts" over "Gym Workouts for Beginners"): the longer line gets ``kicker_over``,
    the kicker itself and a line under a longer heading do not."""
    from cleaner.metadata.lines import Page
    from cleaner.metadata.title import candidates, described

    def kickered(raw: str) -> list[str]:
        page = Page.of(raw, LEX)
        lines = candidates(page)
        rows = described(page, lines)
        return [line.text for line, f in zip(lines, rows, strict=True) if "kicker_over" in f]

    body = (
        "The council agreed on Tuesday to publish its spending data every month, after "
        "residents asked for clearer accounts of how the budget is used.\n"
    )
    raw = "Local Politics\n\nCouncil to publish spending every month\n\n" + body
    assert kickered(raw) == ["Council to publish spending every month"]
    raw = "Read the latest on the city\n\nCouncil to publish spending every month\n\n" + body
    assert kickered(raw) == []
    assert LEX.title_weights["kicker_over"] > 0


def test_glued_breadcrumb_trail_points_at_the_headline() -> None:
    """A breadcrumb whose separators the scraper dropped ("Home Guides Travel <headline>")
    is no headline candidate, and gives the line it ends with the breadcrumb feature; a
    line that merely ends with a short heading is not a trail."""
    from cleaner.metadata.lines import Page
    from cleaner.metadata.title import candidates, described

    raw = (FIXTURES / "metadata" / "title_glued_trail.txt").read_text(encoding="utf-8")
    page = Page.of(raw, LEX)
    lines = candidates(page)
    headline = "How to Choose the Best Seat on the Night Ferry to the Islands"
    assert [line.text for line in lines if line.text.endswith(headline)] == [headline]
    row = described(page, lines)[[line.text for line in lines].index(headline)]
    assert row.get("crumb") == 1.0
    raw = "Ferry news\nTimetables and Fares\nFares\nThe ferry runs twice a day in winter.\n"
    found = [line.text for line in candidates(Page.of(raw, LEX))]
    assert "Timetables and Fares" in found  # "Fares" is one word, not a headline


def test_headings_under_the_article_are_marked_below_the_body() -> None:
    """A heading after the article's last paragraph (a related post, a comment's title) gets
    ``below_body``, which weighs against it more than being far above the article does."""
    from cleaner.metadata.lines import Page
    from cleaner.metadata.title import candidates, described

    body = "The council voted on Monday to keep the ferry running through the winter months. " * 3
    raw = (
        "Ferry will run all winter\n\n"
        + "\n\n".join([body.strip()] * 4)
        + "\n\nMore from the harbour\n\nNew fares for island commuters\n\nBy Anna Kowalski\n"
    )
    page = Page.of(raw, LEX)
    lines = candidates(page)
    rows = dict(zip([line.text for line in lines], described(page, lines), strict=True))
    assert "below_body" not in rows["Ferry will run all winter"]
    assert rows["New fares for island commuters"].get("below_body") == 1.0
    assert LEX.title_weights["below_body"] < 0


def test_header_evidence_at_the_start_of_the_body() -> None:
    """A heading with a byline or date under it in the body's first words heads the article
    (the run of prose taken for the body began at a disclosure above it): ``early_evidence``.
    A heading further into the body with a date under it, or one at the start without a
    byline or date, does not get it."""
    from cleaner.metadata.lines import Page
    from cleaner.metadata.title import candidates, described

    raw = (FIXTURES / "metadata" / "title_body_starts_above.txt").read_text(encoding="utf-8")
    paragraphs = raw.split("\n\n")
    update = ["Our Winter Update", "January 28, 2025"]
    late = "\n\n".join([*paragraphs[:-2], *update, *paragraphs[-2:]])
    bare = raw.replace("By Anna Kowalski | January 14, 2025\n\n", "")

    def early(text: str) -> list[str]:
        page = Page.of(text, LEX)
        lines = candidates(page)
        rows = described(page, lines)
        return [line.text for line, f in zip(lines, rows, strict=True) if "early_evidence" in f]

    headline = "The Best Bike Lights for Winter Commuting"
    assert early(raw) == [headline]
    assert early(late) == [headline]  # the update heading is half-way down the body
    assert early(bare) == []
    assert LEX.title_weights["early_evidence"] > 0


def _authors_at_each_copy(name: str) -> dict[int, list[str] | None]:
    """The author lifted from ``fixtures/metadata/NAME.txt`` with the header anchored at each
    copy of the headline in turn, as if the model had chosen that copy."""
    from cleaner.metadata import extract as ex
    from cleaner.metadata.lines import Page

    page = Page.of((FIXTURES / "metadata" / f"{name}.txt").read_text(encoding="utf-8"), LEX)
    title, copies = ex._title(page)
    assert title is not None and len(copies) == 1  # the fixture prints its headline twice
    printed = (page.lines[title.line], *copies)
    lifted: dict[int, list[str] | None] = {}
    for line in printed:
        at = replace(title, line=line.index, start=line.start, end=line.end)
        others = tuple(other for other in printed if other is not line)
        found = ex._page_authors(page, ex._header(page, at), at, others)
        best = ex._strongest(found)
        lifted[line.index] = None if best is None else best.value
    return lifted


def test_author_is_read_against_the_page_not_the_chosen_copy() -> None:
    """A page that prints its headline twice, each copy over a byline naming someone else:
    which copy the model prefers must not decide the author, so none is lifted from either
    copy (the byline under each is a possible author). Under the same byline twice the
    author is lifted whichever copy is chosen."""
    assert list(_authors_at_each_copy("author_headline_copies_disagree").values()) == [None, None]
    agree = _authors_at_each_copy("author_headline_copies_agree")
    assert list(agree.values()) == [["Anna Kowalski"], ["Anna Kowalski"]]
    raw = (FIXTURES / "metadata" / "author_headline_copies_disagree.txt").read_text("utf-8")
    possible = extract(raw, LEX).possible["author"]
    assert possible.confidence < 0.6 and "another copy of the headline" in possible.why


def test_a_name_under_another_persons_credit_is_still_a_byline() -> None:
    """The editor's card ("Edited by: Tom Berg" / "Tom Berg", fixture
    ``author_editor_card``) is passed over only for the person the credit names: a writer's
    name under an editor's credit is the byline."""
    raw = (FIXTURES / "metadata" / "author_editor_card.txt").read_text(encoding="utf-8")
    assert "author" not in extract(raw, LEX).lifted
    other = raw.replace("Tom Berg\nMarch", "Anna Kowalski\nMarch")
    assert extract(other, LEX).lifted["author"].value == ["Anna Kowalski"]
