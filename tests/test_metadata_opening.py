"""The headline model's choice where a text opens with its article (``cleaner.metadata.opening``):
the first line over the first paragraph lifted from a lower probability, a question in
sentence case over a paragraph not lifted, and every exclusion of the first rule."""

from __future__ import annotations

import pytest

from cleaner.metadata import opening
from cleaner.metadata.extract import threshold
from cleaner.metadata.lexicon import load_lexicon
from cleaner.metadata.lines import Page
from cleaner.metadata.title import Choice
from cleaner.resources import builtin_rules

LEX = load_lexicon((builtin_rules(),))
LIFT = threshold("title")
PARAGRAPH = (
    "Last spring the village hall committee finally replaced the leaking roof, after three "
    "winters of buckets in the kitchen and a grant from the county that covered half the cost.\n"
    "The work took six weeks, and the hall reopened in time for the summer fair."
)


def adjusted(first: str, probability: float, under: str = PARAGRAPH, at: int = 0) -> float:
    """The probability ``opening.adjust`` gives line ``at`` of ``first`` over ``under``."""
    page = Page.of(f"{first}\n{under}", LEX)
    return opening.adjust(page, Choice(page.lines[at], probability, ()), LIFT)[0]


def test_first_line_over_a_paragraph_is_lifted_from_the_floor() -> None:
    assert adjusted("The village hall gets a new roof", 0.6) == LIFT
    assert adjusted("The village hall gets a new roof", opening.OPENING_FLOOR) == LIFT


def test_under_the_floor_or_over_the_threshold_the_model_decides() -> None:
    assert adjusted("The village hall gets a new roof", 0.45) == 0.45
    assert adjusted("The village hall gets a new roof", 0.93) == 0.93


@pytest.mark.parametrize(
    "first",
    [
        "Roof works",  # a label or section: two words
        # a reader's lead, two sentences on one line
        "Tired of buckets in the kitchen? The village hall has a new roof at last",
        # a lead sentence longer than a headline
        "If you have ever sat through a winter concert in the village hall with a bucket at "
        "your feet, you will be glad to hear the news",
        "What Is a Flat Roof?",  # a definition question: the first section of an explainer
    ],
)
def test_first_lines_that_are_not_headings_are_left_to_the_model(first: str) -> None:
    assert adjusted(first, 0.6) == 0.6


def test_page_furniture_between_is_passed_over() -> None:
    shared = "Share this post\n" + PARAGRAPH
    assert adjusted("The village hall gets a new roof", 0.6, shared) == LIFT
    assert adjusted("How much did the new roof cost the village?", 0.9, shared) < LIFT


def test_a_paragraph_with_a_link_is_still_prose() -> None:
    linked = (
        (
            "Earlier this week I wrote about the hall's appeal at https://example.org/appeal, and "
            "today the committee says the roof is paid for and the builders start in June.\n"
        )
        + "What the builders will do\n"
        + PARAGRAPH
    )  # a section follows the linked paragraph
    assert adjusted("The village hall gets a new roof", 0.6, linked) == LIFT


def test_only_the_first_line_and_only_over_prose() -> None:
    # The second of two stacked headings is not the text's first line.
    assert adjusted("Village news", 0.6, "The village hall gets a new roof\n" + PARAGRAPH, 1) == 0.6
    # A byline under the first line: the model's header features already speak for it.
    bylined = "By Anna Kowalski\n" + PARAGRAPH
    assert adjusted("The village hall gets a new roof", 0.6, bylined) == 0.6


def test_sentence_case_question_over_a_paragraph_is_a_section() -> None:
    capped = adjusted("How much did the new roof cost the village?", 0.9)
    assert capped < LIFT and capped >= 0.3  # reported as possible, not lifted
    # under a question already below the cap the model's probability stands
    assert adjusted("How much did the new roof cost the village?", 0.4) == 0.4


@pytest.mark.parametrize(
    ("first", "under"),
    [
        ("How Much Did the New Roof Cost the Village?", PARAGRAPH),  # title case
        ("How much did the new roof cost the village?", "By Anna Kowalski\n" + PARAGRAPH),
        ("The new roof cost the village less than it feared", PARAGRAPH),  # no question
    ],
)
def test_headline_questions_are_kept(first: str, under: str) -> None:
    assert adjusted(first, 0.9, under) == 0.9


@pytest.mark.parametrize(
    ("text", "case"),
    [
        ("When can I start training my new puppy?", True),
        ("How much does 2025 software development cost per hour?", True),
        ("How Much Does Project Management Software Cost?", False),
        ("What Is a Heat Pump?", False),
        ("When will Paris reopen?", False),  # half capitalised: a name, read as title case
        ("Why?", False),  # no word longer than three letters: no case to read
    ],
)
def test_sentence_case(text: str, case: bool) -> None:
    assert opening.sentence_case(Page.of(text, LEX).lines[0]) is case


DECK = "Three winters of buckets in the kitchen end with a grant from the county\n"


def test_first_line_over_a_deck_is_lifted_from_the_deck_floor() -> None:
    first, under = "The village hall gets a new roof", DECK + PARAGRAPH
    assert adjusted(first, 0.45, under) == LIFT
    assert adjusted(first, opening.DECK_FLOOR, under) == LIFT
    # under the deck floor, or over the threshold, the model decides
    assert adjusted(first, 0.39, under) == 0.39
    assert adjusted(first, 0.93, under) == 0.93


def test_a_deck_printed_twice_is_one_deck() -> None:
    # (a blank line between: two same long lines in a row would read as one hard-wrapped)
    twice = DECK + "\n" + DECK + "\n" + PARAGRAPH
    assert adjusted("The village hall gets a new roof", 0.45, twice) == LIFT


@pytest.mark.parametrize(
    ("first", "under"),
    [
        # a byline or a date line under the first line is no deck: the model's header
        # features speak for it
        ("The village hall gets a new roof", "By Anna Kowalski\n" + PARAGRAPH),
        ("The village hall gets a new roof", "March 3, 2025\n" + PARAGRAPH),
        # page furniture under it is passed over by the first rule, from its own floor
        ("The village hall gets a new roof", "Share this post\n" + PARAGRAPH),
        # a lead of 25 words or more without a full stop is prose, not a deck
        (
            "The village hall gets a new roof",
            "After three winters of buckets in the kitchen and a long wait for the county "
            "grant the committee can finally tell the village that the work starts in May\n"
            + PARAGRAPH,
        ),
        # two headings between the first line and the article: a section under a deck
        ("The village hall gets a new roof", DECK + "What the builders will do\n" + PARAGRAPH),
        # a paragraph straight under: the first rule's floor (0.5) holds, not the deck's
        ("The village hall gets a new roof", PARAGRAPH),
        # the first line is a label, not a headline
        ("Roof works", DECK + PARAGRAPH),
        ("What Is a Flat Roof?", DECK + PARAGRAPH),
    ],
)
def test_only_a_headline_over_one_deck_over_the_article(first: str, under: str) -> None:
    assert adjusted(first, 0.45, under) == 0.45


def test_the_deck_rule_is_only_for_the_first_line() -> None:
    # The deck under the first line is itself over the article, but it is not the first line.
    text = "The village hall gets a new roof\n" + DECK + PARAGRAPH
    page = Page.of(text, LEX)
    assert opening.adjust(page, Choice(page.lines[1], 0.45, ()), LIFT)[0] == 0.45
