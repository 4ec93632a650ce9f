"""Sentence positions and English word knowledge, shared by the detectors (the words
themselves come from the document's ``TextView``: one tokenisation for every stage).

Word frequency comes from ``wordfreq`` (Zipf scale: 7 is "the", 3 is a rare word, 0 unknown)
rather than a hand list, so "is this an English word" and "is this a common lower-case word"
are answered the same way everywhere. The answers come from a compiled table of those
libraries (``wordtable``), mapped in rather than loaded, so a one-file run does not pay for
them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Container, Iterator
from functools import lru_cache

import regex

from cleaner.detectors.wordtable import CASED, GCIDE, HYPHENATED, WordSet, table

# Closed grammatical classes stay constants (rules/words/english.yaml holds the open ones).
ARTICLES = frozenset({"the", "a", "an"})
# Quotation marks that open or close quoted words (a sentence's own words inside them are
# someone's speech: no pronoun or first-person repair there).
QUOTES = frozenset('"“”«»„')
# A word this common (Zipf) is a function word, never a name or a content word ("The", "of").
FUNCTION_WORD = 6.0

# What may open a sentence or a quoted/parenthesised span: a capital after these is expected.
_OPENERS = set(".!?:;\"“”‘'«([{•·–—-*>|/…")


def zipf(word: str) -> float:
    """Zipf frequency of ``word`` (case-folded) in English; 0.0 when unknown."""
    return zipf_lower(word.lower())


@lru_cache(maxsize=131072)
def zipf_lower(word: str) -> float:
    """``zipf`` for a word already in lower case (the hot path: tokens carry ``lower``)."""
    return table().zipf(word)


@lru_cache(maxsize=1)
def cased_dictionary() -> Container[str]:
    """Webster's 2nd (``english-words`` "web2"), case kept: ``Sunday`` but not ``sunday``.

    wordfreq folds case, so it cannot say that "Sunday" or "Beijing" is always capitalised;
    this list can: a word listed capitalised has a proper-noun reading, one listed only in
    lower case has none.
    """
    return WordSet(table(), CASED)


@lru_cache(maxsize=1)
def dictionary_words() -> Container[str]:
    """GCIDE's headwords, lower case (a second opinion on "is this a word": ``demine``)."""
    return WordSet(table(), GCIDE)


@lru_cache(maxsize=1)
def hyphenated_compounds() -> Container[str]:
    """Compounds the GCIDE dictionary spells with a hyphen (``long-term``), lower case."""
    return WordSet(table(), HYPHENATED)


def is_english_word(word: str, threshold: float = 2.5) -> bool:
    """Whether ``word`` is an established English word (names of places count, too)."""
    return zipf(word) >= threshold


def given_name_only(word: str, given_names: Container[str]) -> bool:
    """Whether ``word`` is a given name (``given_names``, lower case) that wordfreq counts
    as a word (``is_english_word``) but neither dictionary lists in any case. wordfreq
    counts names as it counts words, from the text it read: ``Antoni``, ``Josef`` and
    ``Recep`` score like words but are given names and nothing else, so one may be the
    sound-alike MT made of a known person's given name (``Antoni Blinkin``). ``Grant`` and
    ``Masa`` are words too; ``Wenzhe`` is no word at all."""
    lower = word.lower()
    return (
        lower in given_names
        and is_english_word(word)
        and lower not in dictionary_words()
        and lower not in cased_dictionary()
        and word[:1].upper() + word[1:].lower() not in cased_dictionary()
    )


# A character a whole word may not touch: a word character or a hyphen.
_JOINS = regex.compile(r"[\w-]")


def whole_word_starts(word: str, text: str) -> Iterator[int]:
    r"""Where ``word`` (not empty) stands in ``text`` with no word character or hyphen right
    before or after it: the starts of ``regex.finditer(rf"(?<![\w-]){regex.escape(word)}
    (?![\w-])", text)``, found without compiling a pattern for each word. Asked for every
    place word of every article, that pattern missed the ``regex`` module's cache of 500
    compiled patterns (a feed's words outnumber it) and was compiled again each time, most
    of the pronoun check's cost."""
    size, at = len(word), text.find(word)
    while at >= 0:
        end = at + size
        if (at == 0 or not _JOINS.match(text, at - 1)) and not _JOINS.match(text, end):
            yield at
            at = text.find(word, end)  # matches do not overlap (``finditer``)
        else:
            at = text.find(word, at + 1)


def sentence_initial(text: str, start: int) -> bool:
    """True if a word at ``start`` opens a sentence, line, quote, bracket or list item.

    A capital there says nothing about the word, so the capital-letter detectors skip it.
    """
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    if i < 0 or text[i] == "\n":
        return True
    if text[i] in _OPENERS or text[i].isdigit():
        return True  # a digit: a list number or a footnote mark ("- 3 Know", "wages.4 For")
    # After a closing bracket a capital is ambiguous: "(AP) Chinese leader", or chat's smiley
    # bracket ending a sentence ("someone will take us in) We can even pay").
    if text[i] == ")":
        return True
    if unicodedata.category(text[i]) in {"So", "Sk", "Sm", "Mn", "Cf"}:
        return True
    # A number list marker ("1. ") or a closing quote after a full stop both count.
    return bool(i >= 1 and text[i] in "\"”’'" and text[i - 1] in ".!?")
