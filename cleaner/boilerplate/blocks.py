"""Per-unit features for boilerplate decisions (jusText's ideas applied to plain-text units).

Every feature is a function of the unit's own text only, never of its neighbours or of its
position in the original: the stage decides on the sequence of surviving units and iterates
to a fixpoint, and a second run over the output must see exactly the same units and features.
The text a feature sees is made with 1:1 character substitutions only (curly quotes
straightened, any whitespace to a space), so regex match offsets are offsets into the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import lru_cache
from operator import attrgetter, itemgetter
from pathlib import Path

import regex

from cleaner.errors import CleanerError
from cleaner.resources import builtin_data
from cleaner.segment import Unit

# Curly quotes to straight ones, as the default quotes policy (NM120) writes them.
_STRAIGHT_QUOTES = dict.fromkeys("\u2018\u2019\u201a\u201b", "'") | dict.fromkeys(
    "\u201c\u201d\u201e\u201f", '"'
)
STRAIGHTENED = str.maketrans(_STRAIGHT_QUOTES)
_ONE_TO_ONE = str.maketrans(
    _STRAIGHT_QUOTES
    | {
        "\n": " ",
        "\r": " ",
        "\t": " ",
        "\u00a0": " ",
        "\u202f": " ",
        "\u3000": " ",
    }
)
# What ``_ONE_TO_ONE`` changes: a text holding none of it is its own matching text.
_ONE_TO_ONE_SOURCE = regex.compile("[" + regex.escape("".join(map(chr, _ONE_TO_ONE))) + "]")
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’.-]*")
_TOKEN = regex.compile(r"\w+")
# ``_WORD`` and ``_TOKEN`` on ASCII text (tests/test_pay_for_what_is_there.py holds them equal).
_WORD_ASCII = re.compile(r"[A-Za-z0-9][A-Za-z0-9'.-]*")
_TOKEN_ASCII = re.compile(r"\w+", re.ASCII)
_URL = regex.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+@[\w-]+\.[\w.]+\b")
_BULLET = regex.compile(r"^(?:[-*\u2022\u2013\u2014+]\s|\d{1,3}[.)]\s)")
# Sentence-final punctuation, looking through closing quotes and brackets. Both are asked
# of the unit's end only, so both are searched from the end (``(?r)``): searched forward,
# the patterns were tried at every position of every paragraph (a tenth of a millisecond an
# article for the closers' strip alone), for an answer held in its last few characters.
_SENTENCE_END = regex.compile(r"(?r)[.!?\u2026:;,][\"')\]\u201d\u2019»]*$")
# The last character that is no closing quote, bracket or space: what is left at the end
# once the trailing run of those (``[\"')\]\u201d\u2019»\s]+$``) is stripped.
_BEFORE_CLOSERS = regex.compile(r"(?r)[^\"')\]\u201d\u2019»\s]")

# The shapes of a line that records something rather than saying it: a fixture ("X v Y"), a
# result ("X 2-1 Y"), a ranked or seeded entry ("3 Name (Country)"), a field ("Venue: X"), a
# time ("3pm", "19:45"), two names set against each other ("Name - Work", "Name, Team").
# A list of such lines is the story's data (fixtures, results, seedings, nominees, match
# info); a headline pointing at another article is a clause instead.
_RECORD_SHAPES = (
    regex.compile(r"\S\s+(?:v|vs\.?|versus)\s+\p{Lu}"),
    regex.compile(r"(?<![\d,.$£€/:])\d{1,3}\s?[-–]\s?\d{1,3}(?![\d,.%/:])"),
    regex.compile(r"^(?:\(?\d{1,3}[.)]?|[=T]\d{1,3}|#\d{1,3})\s+\p{Lu}"),
    regex.compile(r"\p{L}[\p{L}'.-]*\s*\([^()]{1,30}\)"),
    regex.compile(r"^\p{Lu}[\p{L}'-]*(?:\s+[\p{L}'-]+){0,2}\s*:\s*\S"),
    regex.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s?[ap]\.?m\b", regex.IGNORECASE),
    regex.compile(r"\p{L}\s+[-–—]\s+\p{Lu}|\p{L},\s+\p{Lu}"),
)
# Lowercase words that join the parts of a name or a fixture ("Salt and Iron", "X v Y",
# "van der Berg") rather than make a clause.
NAME_JOINERS = frozenset(
    ("v", "vs", "vs.", "versus", "and", "or", "of", "the", "&", "et", "y", "e")
    + ("de", "da", "das", "do", "dos", "van", "von", "der", "den", "la", "le", "les", "di", "du")
    + ("del", "della", "bin", "al", "el")
)
# Month and day names are capitalised but name no one: a list of dates shares them with
# any article.
_CALENDAR = regex.compile(
    r"(?i)(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues|wednes|thurs|fri"
    r"|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?$"
)
_POSSESSIVE = regex.compile(r"(?:['’]s?|\.)+$")
# A record is short; a line of a dozen words is a sentence or a headline whatever its marks.
RECORD_MAX_WORDS = 12

STOPWORDS = ("boilerplate", "stopwords-en.txt")


@lru_cache(maxsize=4)
def stopwords(path: Path | None = None) -> frozenset[str]:
    """The stop-word list (a data file beside the boilerplate rules, not Python)."""
    if path is None:
        path = builtin_data(*STOPWORDS)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        # Not an empty list: boilerplate decisions would change silently (an install without
        # its data files once did exactly that).
        raise CleanerError(f"{path}: cannot read the stop-word list: {exc.strerror}") from None
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


def matching_text(text: str) -> str:
    """Same length as ``text``: quotes straightened, every whitespace char a space. (Most
    paragraphs hold none of those characters: a search in C says so at a third of the cost
    of ``translate``, which looks every character up in the table.)"""
    return text.translate(_ONE_TO_ONE) if _ONE_TO_ONE_SOURCE.search(text) else text


@dataclass(slots=True)
class Block:
    """A paragraph unit and its features. ``start``/``end`` trim surrounding whitespace."""

    index: int
    start: int
    end: int
    text: str  # matching_text of doc[start:end]
    words: int
    tokens: tuple[str, ...]
    stop_density: float
    url_chars: float
    sentence_end: bool
    bullet: bool
    # Lowercase words other than name joiners: a clause has several, a name or record few.
    lower_words: int = 0
    # Shaped like a data line (see _RECORD_SHAPES), with at most one lowercase word.
    record: bool = False
    # The unit's capitalised words, read when a decision asks (``names``, ``inner_names``).
    spelled: Names | None = None
    # The unit's whole lines, newline included: what removing the unit deletes.
    span_start: int = 0
    span_end: int = 0

    @property
    def names(self) -> frozenset[str]:
        """Capitalised words (lowercased, stop words and short words left out): the names a
        line carries, to compare with the names in the article's prose."""
        return self.spelled.names if self.spelled is not None else frozenset()

    @property
    def inner_names(self) -> frozenset[str]:
        """The same, without the words that open a sentence (capitalised whatever they are):
        the names a paragraph of prose uses."""
        return self.spelled.inner if self.spelled is not None else frozenset()

    @property
    def key(self) -> str:
        """Identity for duplicate detection: lowercase tokens."""
        return " ".join(self.tokens)

    @property
    def title_like(self) -> bool:
        """Short, no sentence punctuation at the end, not a list item: a headline or a link."""
        return 1 <= self.words <= 25 and not self.sentence_end and not self.bullet

    @property
    def headline(self) -> bool:
        """Shaped like another article's headline: a clause of some length (several lowercase
        words) or a long capitalised line, and not a record. Link lists are made of these."""
        if self.record or self.sentence_end or self.bullet or self.words > 25:
            return False
        clause = (
            self.words >= 5 and self.lower_words >= 3 and self.lower_words * 10 >= self.words * 3
        )
        return clause or self.words >= 7

    @property
    def prose(self) -> bool:
        """Clearly article prose: a sentence of some length."""
        return self.words >= 8 and self.sentence_end and self.url_chars < 0.5

    def describe(self) -> str:
        """The features, for an edit's reason."""
        return (
            f"{self.words} words, stop-word density {self.stop_density:.2f}, "
            f"{'ends a sentence' if self.sentence_end else 'no sentence punctuation'}"
            + (f", URL share {self.url_chars:.2f}" if self.url_chars else "")
        )


class Names:
    """A unit's names (``Block.names``) and the names inside its sentences
    (``Block.inner_names``), read off its words when first asked, then kept.

    Why not with the other word features: only the story's-own-list decisions read them
    (``boilerplate.lists``: a run of short lines at the end of the text or a run of records,
    and the prose's names to compare them with), on 2 of the 291 Wikinews articles and 7 of
    200 generated ones, while every paragraph paid for them: a pattern match, a
    substitution and a look back for each capitalised word, a third of the word pass. They
    depend on the unit's words alone (``word_key``), as the rest of ``word_features`` does,
    so one object serves every unit with those words. Equal when the names are equal."""

    __slots__ = ("_found", "_text", "_words_set")

    def __init__(self, text: str, words_set: frozenset[str]) -> None:
        self._text = text
        self._words_set = words_set
        self._found: tuple[frozenset[str], frozenset[str]] | None = None

    @property
    def names(self) -> frozenset[str]:
        return self._read()[0]

    @property
    def inner(self) -> frozenset[str]:
        return self._read()[1]

    def _read(self) -> tuple[frozenset[str], frozenset[str]]:
        if self._found is None:
            self._found = _names(self._text, self._words_set)
        return self._found

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Names) and self._read() == other._read()

    __hash__ = None  # type: ignore[assignment]  # (equal by value, as the sets they hold)

    def __repr__(self) -> str:
        return f"Names({self.names!r}, {self.inner!r})"


def _names(text: str, words_set: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The names and the names inside sentences of ``text`` (see ``Block.names``)."""
    pattern = _WORD_ASCII if text.isascii() else _WORD
    names: set[str] = set()
    inner: set[str] = set()
    for m in pattern.finditer(text):
        w = m.group()
        if not w[0].isupper() or len(w) < 3:
            continue
        lw = w.lower()
        if lw in words_set or _CALENDAR.match(w):
            continue
        name = _POSSESSIVE.sub("", lw)
        names.add(name)
        if not _opens_sentence(text, m.start()):
            inner.add(name)
    return frozenset(names), frozenset(inner)


# What a unit's words give (``word_features``): word count, lower-case tokens, stop words,
# lower-case clause words, names (read when asked).
WordFeatures = tuple[int, tuple[str, ...], int, int, Names]


def make_block(
    doc_text: str,
    unit: Unit,
    index: int,
    words_set: frozenset[str],
    known: WordFeatures | None = None,
) -> Block:
    """Features of one unit of ``doc_text`` (``known``: see ``_features``)."""
    raw = doc_text[unit.start : unit.end]
    lead = len(raw) - len(raw.lstrip())
    body = raw.strip()
    start = unit.start + lead
    text = matching_text(body)
    block = _features(index, start, start + len(body), text, words_set, known)
    block.span_start = unit.start
    block.span_end = unit.end + 1 if doc_text[unit.end : unit.end + 1] == "\n" else unit.end
    return block


def rebuild(block: Block, new_text: str, words_set: frozenset[str]) -> Block:
    """Features of a block whose text an earlier rule rewrote (offsets no longer apply)."""
    new = _features(block.index, block.start, block.end, matching_text(new_text.strip()), words_set)
    new.span_start, new.span_end = block.span_start, block.span_end
    return new


def unit_block(text: str, words_set: frozenset[str], known: WordFeatures | None = None) -> Block:
    """The features of a unit's matching text alone, at no place in a document."""
    return _features(0, 0, len(text), text, words_set, known)


# Where a unit is and what it says, as against what it is: the fields a decision reads
# only through its place (index, offsets) or through the rules' patterns (its text).
_PLACE_AND_TEXT = frozenset({"index", "start", "end", "text", "span_start", "span_end"})
# Every other field, the features the stage's decisions read (new fields included), but the
# names: they are read off the words alone, and a caller compares the words first
# (``Boilerplate._reads_alike``: the same ``word_key``), so comparing them too would only
# read them where no decision asks.
facts = attrgetter(
    *(f.name for f in fields(Block) if f.name not in _PLACE_AND_TEXT and f.name != "spelled")
)


def _opens_sentence(text: str, at: int) -> bool:
    """Nothing but space, quotes and brackets between ``at`` and the text's start or the end of
    a sentence before it."""
    i = at - 1
    while i >= 0 and (text[i].isspace() or text[i] in "\"'([“‘"):
        i -= 1
    return i < 0 or text[i] in ".!?:;"


def word_key(text: str) -> str:
    """``text`` with every run of whitespace one space and none at the ends: what
    ``word_features`` depends on. No word pattern here matches whitespace, and
    ``_opens_sentence`` skips any amount of it, so texts that differ only in their spacing
    (the normaliser's collapsed space runs) have the same words, names and stop words."""
    return " ".join(text.split())


def word_features(text: str, words_set: frozenset[str]) -> WordFeatures:
    """Word count, lower-case tokens, stop words, lower-case clause words and the names
    (read when a decision asks: ``Names``). Every paragraph pays for this, so the counts are
    taken in C: the words, their lower case, the stop words and the words opening in lower
    case, by ``findall`` and ``map``; the join words of names all open in lower case, so the
    clause words are those less the join words."""
    if text.isascii():
        # Most paragraphs: on ASCII the Unicode classes are these ASCII ones, which the
        # standard library's engine scans faster. Lower-casing ASCII changes no character's
        # class, so the lower-cased text has the same words, each lower-cased.
        lowered_text = text.lower()
        found = _WORD_ASCII.findall(text)
        lowered = _WORD_ASCII.findall(lowered_text)
        tokens = tuple(_TOKEN_ASCII.findall(lowered_text))
    else:
        found = _WORD.findall(text)
        lowered = [w.lower() for w in found]
        tokens = tuple(t.lower() for t in _TOKEN.findall(text))
    stops = sum(map(words_set.__contains__, lowered))
    lower = sum(map(str.islower, map(itemgetter(0), found))) - sum(
        map(NAME_JOINERS.__contains__, found)
    )
    return len(found), tokens, stops, lower, Names(text, words_set)


def _features(
    index: int,
    start: int,
    end: int,
    text: str,
    words_set: frozenset[str],
    known: WordFeatures | None = None,
) -> Block:
    """The unit's features; ``known``: its ``word_features``, when a unit with the same
    ``word_key`` was read before (then only the features that see spacing are computed)."""
    words, tokens, stops, lower, spelled = known or word_features(text, words_set)
    url_len = (
        sum(len(m.group()) for m in _URL.finditer(text))
        if "@" in text or "http" in text or "www." in text  # what every _URL match holds
        else 0
    )
    last = _BEFORE_CLOSERS.search(text)
    return Block(
        index=index,
        start=start,
        end=end,
        text=text,
        words=words,
        tokens=tokens,
        stop_density=stops / words if words else 0.0,
        url_chars=url_len / len(text) if text else 0.0,
        sentence_end=bool(_SENTENCE_END.search(text))
        or (last is not None and last.group() in "?!."),
        bullet=bool(_BULLET.match(text)),
        lower_words=lower,
        record=lower <= 1
        and words <= RECORD_MAX_WORDS
        and any(shape.search(text) for shape in _RECORD_SHAPES),
        spelled=spelled,
    )
