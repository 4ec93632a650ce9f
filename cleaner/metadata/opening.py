"""What the headline model's choice is worth where a text opens with its article.

The headline model (``cleaner.metadata.title``) is fitted on whole pages and scraper extracts
together, and on whole pages a heading straight over a paragraph is most often a section's
heading: its weights say so. An extract (what a boilerplate remover leaves) opens with the
article, so its first line over its first paragraph is most often the headline, and the
model undersells it. Two corrections to the model's choice, read on the tuning part of
WCXB-dev's extracts (``bench/RESULTS.md``, issue 19, session 11):

* **a question in sentence case over a paragraph is a section's heading**, wherever it
  stands ("How much does 2025 software development cost per hour?" opening an extract that
  lost the page's own headline; "When can I start training my new puppy?" over the answer).
  A headline asking a question has its byline or date under it (kept), or is in title case
  ("How Much Does Project Management Software Cost?"). Not lifted; reported as possible.
* **the text's first line over its first paragraph** is lifted at a lower probability than
  the model's threshold, when it reads as a heading (three words or more, not a reader's
  lead sentence, not a question in sentence case, not a "What is X?" definition).
* **the text's first line over a deck** (one heading line, the standfirst or subtitle,
  between it and the first paragraph: "16 Tips for Writing AI-Ready C# Code" / "How to make
  it easy for AI agents to work with your .NET codebase") is lifted from a floor a little
  lower still; the model reads the deck as the heading nearer the article (session 12).

The module keeps these apart from the model so a refit of the weights changes nothing here.
"""

from __future__ import annotations

import regex

from cleaner.metadata.lines import Line, Page
from cleaner.metadata.title import DEFINES_WORDS, Choice, heading

_WORDS = regex.compile(r"\p{L}+")
# A sentence end inside the line ("Focused on scaling global market presence? Building brand
# awareness ...?"): several sentences are a lead paragraph, not a heading.
_INNER_STOP = regex.compile(r"[.?!][\"'”’)]?\s+\p{Lu}")

# The first line over the first paragraph is lifted from this probability up (the model's
# own threshold is 0.7), at the threshold. On the tuning part's extracts the model gave the
# first line over a paragraph 0.5-0.7 six times, each the headline once the classes below
# were set aside; under 0.5 the right and wrong first lines were even.
OPENING_FLOOR = 0.5
# The first line over a deck is lifted from this probability up. On the tuning part's
# extracts the model gave such first lines 0.42-0.62 four times, each the headline; under 0.4
# three times, none the headline (a section's heading, a standfirst's first words).
DECK_FLOOR = 0.4
# Words of a first line read as a heading: a one- or two-word line is a label or a section
# ("Motivation", "Index funds"); from this many words on it is the reader's lead sentence
# ("If you're teaching online for the first time or looking to hone your skills, ...").
OPENING_MIN_WORDS = 3
OPENING_MAX_WORDS = 18
# A section's question is capped below the lift threshold at this probability.
SECTION_QUESTION = 0.5


def sentence_case(line: Line) -> bool:
    """Fewer than half the words longer than three letters are capitalised ("When can I start
    training my new puppy?"); title case capitalises them ("How Much Does ... Cost?"). Half
    is title case (a name or two in a short question: "When will Paris reopen?"), and a line
    without such words has no case to read."""
    long = [w for w in _WORDS.findall(line.text) if len(w) > 3]
    return 2 * sum(1 for w in long if w[0].isupper()) < len(long)


def _over_paragraph(page: Page, line: Line) -> bool:
    """The first line under ``line`` that is prose or not page furniture is prose: no byline,
    date line or another heading in between. A paragraph with a link in it counts as
    furniture ("... I wrote about it at https://...") and is still the article's prose."""
    for other in page.window(line.index + 1, line.index + 4):
        if other.prose:
            return True  # a paragraph with a link in it is furniture too, and still prose
        if not other.furniture:
            return False
    return False


def _over_deck(page: Page, line: Line) -> bool:
    """The line under ``line`` could be a headline too (so not a byline, a date line or page
    furniture: the model's header features speak for the first two) but is not prose, and
    the article follows it: a deck, perhaps printed twice (the theme's subtitle and its
    summary box, both kept by the extractor)."""
    deck = page.window(line.index + 1, line.index + 2)
    if not deck or deck[0].prose or not heading(deck[0]):
        return False
    last = deck[0]
    again = page.window(last.index + 1, last.index + 2)
    if again and again[0].key == last.key:
        last = again[0]
    return _over_paragraph(page, last)


def section_question(page: Page, line: Line) -> bool:
    """A question in sentence case straight over a paragraph: a section's heading."""
    return line.text.rstrip().endswith("?") and sentence_case(line) and _over_paragraph(page, line)


def _defines(line: Line) -> bool:
    return line.words <= DEFINES_WORDS and line.lex.is_definition_question(line.text)


def _first_heading(line: Line) -> bool:
    """``line`` is the text's first line and reads as a headline: not a label, not a
    reader's lead sentence or two, not a "What is X?" definition."""
    if line.index != 0 or not OPENING_MIN_WORDS <= line.words <= OPENING_MAX_WORDS:
        return False
    return not (_INNER_STOP.search(line.text) or _defines(line))


def opening_heading(page: Page, line: Line) -> bool:
    """``line`` is the text's first line, reads as a heading, and the article follows it. (A
    question in sentence case is a section's heading: ``adjust`` asks that first.)"""
    return _first_heading(line) and _over_paragraph(page, line)


def opening_over_deck(page: Page, line: Line) -> bool:
    """``line`` is the text's first line, reads as a heading, and a deck is all that stands
    between it and the article."""
    return _first_heading(line) and _over_deck(page, line)


def adjust(page: Page, choice: Choice, threshold: float) -> tuple[float, str]:
    """The probability ``choice`` is lifted with and why, where one of the corrections above
    applies; otherwise the model's own (reason "")."""
    line = choice.line
    if choice.probability >= SECTION_QUESTION and section_question(page, line):
        return SECTION_QUESTION - 0.01, "a question in sentence case over a paragraph"
    if OPENING_FLOOR <= choice.probability < threshold and opening_heading(page, line):
        return threshold, "the text's first line, over its first paragraph"
    if DECK_FLOOR <= choice.probability < threshold and opening_over_deck(page, line):
        return threshold, "the text's first line, over a deck and the first paragraph"
    return choice.probability, ""
