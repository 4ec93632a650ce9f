"""Session 13's shapes of sentence glue and spaced punctuation (MT907, MT908): a lower-case
word glued to the next sentence's first word, a mark set off from its word and glued to the
next one, a possessive set off from its word, and a space inside a paired curly quote. Each
is fixed where the shape admits one reading and left alone where it does not (identifiers,
``'s Gravenhage``, an unpaired quote, round brackets)."""

from __future__ import annotations

import pytest

from cleaner import Config, clean_text
from cleaner.detectors import glue, spacing
from cleaner.model import FixSafety
from tests.detector_entities import found
from tests.test_glue_spacing import INDEX


def _rule(text: str, rule: str) -> list:  # type: ignore[type-arg]
    return [h for h in glue.detect(text, INDEX) if h.rule == rule]


@pytest.mark.parametrize(
    ("rule", "text", "span", "fix"),
    [
        # a lower-case word glued to the next sentence: the full stop is put back
        (
            glue.GLUE_RULE,
            "The deal was signed last yearThe opposition rejected it.",
            "The",
            ". The",
        ),
        (glue.GLUE_RULE, "Prices fell sharplyHowever the bank held rates.", "However", ". However"),
        # a mark set off from its word and glued to the next one: the space goes after it
        (glue.SPACE_RULE, "He said the talks went well ,and that they would meet.", " ,", ", "),
        (glue.SPACE_RULE, "The talks went well ;both sides agreed.", " ;", "; "),
        (
            glue.SPACE_RULE,
            "He called them constructive .The two sides will meet again.",
            " .",
            ". ",
        ),
        (glue.SPACE_RULE, 'He said "no" .Then he left the room.', " .", ". "),
    ],
)
def test_a_lost_or_misplaced_mark_between_two_words_is_put_right(
    rule: str, text: str, span: str, fix: str
) -> None:
    hits = _rule(text, rule)
    assert found(hits, text) == [span]
    assert hits[0].suggestions == (fix,) and hits[0].fix is FixSafety.SAFE


@pytest.mark.parametrize(
    "text",
    [
        "Call xhrThe handler now.",  # no English word before it: an identifier
        "He read the WhileLoop notes.",  # a capitalised word before: a name we do not know
        "Visit the store at @shopThe mall.",  # a handle
        "The deal was signed last yearThe.",  # nothing after it
    ],
)
def test_a_glued_opener_that_may_be_a_name_or_identifier_is_left_alone(text: str) -> None:
    assert _rule(text, glue.GLUE_RULE) == []


def test_the_glued_word_detector_leaves_a_lost_full_stop_to_the_glue_rule() -> None:
    text = "The deal was signed last yearThe opposition rejected it."
    assert [h for h in spacing.detect(text, INDEX) if h.rule == spacing.GLUED_RULE] == []
    out = clean_text(text, Config(grammar="none")).text
    assert out == "The deal was signed last year. The opposition rejected it.\n"


@pytest.mark.parametrize(
    "text",
    [
        "Install it with the tool .NET and run it.",  # a framework's name
        "Buy from Amazon .Com today.",  # a domain
        "The files end in .txt and .Pdf in the folder.",  # file types
        "Read the value 3 ,5 in the table.",  # a decimal comma
        "The code sxq ,and the key.",  # no English word before it
        "Tags: Nutanix (57) .Next 2016 (3) Privacy (1)",  # a tag list: a bracket before it
        "It rose by 5 ,but fell.",  # a number before it
    ],
)
def test_a_leading_mark_that_is_no_slip_is_left_alone(text: str) -> None:
    assert _rule(text, glue.SPACE_RULE) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("He said that Japan ’s exports fell.", " "),
        ("The company 's profits rose.", " "),
        ("“ We will not give up,” he said.", " "),
        ("“We will not give up, ” he said.", " "),
    ],
)
def test_a_space_inside_a_pair_or_before_a_possessive_is_removed(text: str, span: str) -> None:
    hits = _rule(text, glue.SPACE_RULE)
    assert found(hits, text) == [span]
    assert hits[0].suggestions == ("",) and hits[0].fix is FixSafety.SAFE


@pytest.mark.parametrize(
    "text",
    [
        "He said it was over ” and left the room.",  # no opening quote on its line
        "“ And so it goes on.",  # no closing quote on its line: the quote runs on
        "The president spoke to reporters ( AFP ) after the meeting.",  # a bracket: a style
        "They grew into a strong friendship )",  # a smiley
        "He was born in ’s Gravenhage in 1950.",  # a Dutch place name
        "He flew to 's-Hertogenbosch on Monday.",
    ],
)
def test_a_space_beside_what_is_no_pair_or_possessive_is_left_alone(text: str) -> None:
    assert _rule(text, glue.SPACE_RULE) == []


def test_a_possessive_quote_turned_the_wrong_way_is_turned_back() -> None:
    text = "He said that Japan ‘s exports fell."
    hits = _rule(text, glue.SPACE_RULE)
    assert found(hits, text) == [" ‘s"] and hits[0].suggestions == ("’s",)
    out = clean_text("He said that Japan 's exports fell.", Config(grammar="none", quotes="curly"))
    assert out.text == "He said that Japan’s exports fell.\n"


def test_the_whole_pipeline_repairs_the_variants_and_is_idempotent() -> None:
    text = (
        "He said the talks went well ,and that they would meet again.\n\n"
        "He called them constructive .The two sides spoke to Japan ’s reporters in Geneva.\n"
    )
    out = clean_text(text, Config(grammar="none")).text
    assert out == (
        "He said the talks went well, and that they would meet again.\n\n"
        "He called them constructive. The two sides spoke to Japan's reporters in Geneva.\n"
    )
    assert clean_text(out, Config(grammar="none")).edits == []
