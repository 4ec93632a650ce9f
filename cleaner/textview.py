"""What the pipeline knows about one version of the text, computed lazily, at most once.

A ``TextView`` belongs to one text: ``Document.view`` builds it on first use and ``apply``
drops it, so nothing ever reads segmentation of a text that has since changed, and no stage
segments or tokenises the text again for itself. It holds:

* ``lines`` and ``paragraphs`` (``cleaner.segment``: paragraph units, hard wraps joined);
* ``sentences``: spans from after a terminator (or line break) to the next terminator;
* ``tokens``: the words, by the one definition of a word (``WORD``: letters with their marks
  and an apostrophe part, ``Xi's``), with their case facts; ``tokens_in`` slices them for a
  span (a paragraph, a sentence) by bisection, so per-paragraph work needs no second pass;
  ``count_words`` counts them by position alone, without making them;
* ``texts`` and ``lowers``: the same words as plain strings, as written and in lower case,
  from the one split of the text the tokens are made from, for a scan of every word that
  reads nothing else (a look-up of each in a word list, the words "I"): a list's item
  rather than a token's attribute, and none of it a Python step per word;
* ``titled``: the positions of the words in title case (``Token.is_title``), picked in one
  pass for every detector that reads only those (names, stray capitals): a sixth of the
  words of news prose, so each such detector visits those and skips the rest unread;
* ``words``: the set of lower-case letter words (context checks);
* ``folded``: the text folded for literal matching (``cleaner.folding``);
* ``chars``: the set of characters the text uses, so a step that looks for characters of
  its own (a script, invisible characters, curly quotes) can see at once that none is there;
* the protected spans (below).

Every part costs nothing until asked for, and each is computed from the text once.

Protected spans live here because the ``decide`` step consults them for every proposal:

* ``sic_spans``: an editor's ``[sic]`` (``[sic!]``, ``(sic)``) and the word before it. No rule
  changes or reports them.
* ``literal_spans``: URLs, e-mail addresses and lines of program code. Their letters are not
  prose, so rules about wording (the rule files, the detectors, the grammar checker) keep
  out; encoding repair, normalisation and boilerplate removal still apply there.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from itertools import accumulate, compress
from operator import itemgetter
from typing import TypeVar

import regex

from cleaner.folding import Folded, fold
from cleaner.segment import Line, Unit, split_lines, units

# The one definition of a word: letters (with marks), optionally an apostrophe part
# ("Xi's", "don't"). Numbers are not words.
WORD = regex.compile(r"\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)?")
# The same words as one split of the text: the gaps and the words in turn, so the words are
# ``[1::2]`` and every position a running sum of the parts' lengths (both in C; a match
# object per word and three method calls on it were half of making the tokens).
_WORD_SPLIT = regex.compile(f"({WORD.pattern})")
# A sentence: up to and including its terminators; a line break ends one too.
_SENTENCE = regex.compile(r"[^.!?\n]+[.!?]*")

# A word (no spaces or brackets) then, after at most one space, [sic] / [sic!] / (sic).
_SIC = re.compile(r"([^\s\[\]()]+)[ \u00a0]?(?:\[sic!?\]|\(sic!?\))", re.IGNORECASE)
# What every match holds: a bracket then "sic" (a bare "sic" is in "music", "basic": the
# scan, which tries a word at every position, then ran on most articles for nothing).
_SIC_HINT = re.compile(r"[\[(]sic", re.IGNORECASE)
# Top-level domains that mark a bare domain name ("Portfolio.hu", "UOL.com.br"). Two-letter
# ones that are English words ("it", "in", "is", "me", "us", "to") are left out: after a lost
# space ("said.it") they would hide prose.
_TLDS = "com|org|net|info|gov|edu|io|ua|ru|uk|de|fr|es|pl|hu|cz|sk|ro|nl|se|ch|eu|br|cn|jp|au|ca"
# A URL, an e-mail address, a bare domain name: the three kinds, in the order of ``_URL``.
_URL_KINDS = (
    r"(?:https?\s?:\s?/\s?/|www\s?\.)(?:\s?[/.]\s?|\S)+",  # also "https: / / www.x.com / y"
    r"\S+@\S+\.\w+",
    rf"\b[\w-]+(?:\.[\w-]+)*\.(?:{_TLDS})\b\S*",
)
_URL = regex.compile("|".join(_URL_KINDS))
_URL_HINT = re.compile(rf"[@/]|\.(?:{_TLDS})\b|www", re.IGNORECASE)
# What every match of each kind holds, case as the kind reads it ("http" or "www"; "@"; a
# full stop, a domain and a word boundary).
_DOMAIN = regex.compile(rf"\.(?:{_TLDS})\b")
_URL_SCANS: dict[tuple[bool, ...], regex.Pattern[str] | None] = {}


# Marks of a line of program code. A semicolon counts only where a statement ends (line end,
# before a closing brace): prose uses semicolons mid-sentence, code at the end.
_CODE_MARKS = regex.compile(r"[{}=<>`]|\(\)|;[ \t]*(?:$|\})", regex.MULTILINE)
_CODE_HINT = re.compile(r"[{}=<>`;]|\(\)")
_TAG = re.compile(r"</?\w{1,12}>")
# Backticks around words and spaces: in a news line they are quotation marks (Korean and
# Japanese sources quote names with them: "the `ASEAN + Korea, China, Japan` meeting"), so a
# pair counts as one mark, not two; code needs another mark to be code.
_TICK_QUOTE = re.compile(r"`[^`\n]*\s[^`\n]*`")
# Lines of program code are short; a longer line needs a mark every 40 characters.
CODE_LINE_CHARS = 200
_LINE = regex.compile(r"[^\n]+")

Span = tuple[int, int]
T = TypeVar("T")
_APOSTROPHE = re.compile("['’]")


class SpanSet:
    """Sorted spans with a fast overlap test (most texts have none, or a handful)."""

    __slots__ = ("maxend", "spans", "starts")

    def __init__(self, spans: list[Span]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        # Running maximum of the ends: spans may overlap (a URL on a line of code).
        self.maxend: list[int] = []
        top = -1
        for _, e in self.spans:
            top = max(top, e)
            self.maxend.append(top)

    def __bool__(self) -> bool:
        return bool(self.spans)

    def touches(self, start: int, end: int) -> bool:
        """Overlap with any span; an empty range counts when it lies strictly inside one
        (an insertion there would split it)."""
        j = bisect_right(self.starts, end) - 1
        while j >= 0 and self.maxend[j] > start:
            s, e = self.spans[j]
            if (start < e and end > s) or (start == end and s < start < e):
                return True
            j -= 1
        return False


class Token:
    """A word of the text with its span; case facts computed once (detectors ask often)."""

    __slots__ = ("end", "is_lower", "is_title", "lower", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.lower = text.lower()
        # Capitalised and not all capitals ("Will", not "WILL" or "will").
        self.is_title = len(text) >= 2 and text[0].isupper() and not text[1:].isupper()
        self.is_lower = text[0].islower()

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


def tokenize(text: str) -> list[Token]:
    """Every word of ``text`` in order (what ``TextView.tokens`` holds)."""
    texts, starts, ends = word_columns(text)
    return list(map(Token, starts, ends, texts))


def word_columns(text: str) -> tuple[list[str], list[int], list[int]]:
    """The words of ``text`` (``WORD``'s matches, in order), their starts and their ends:
    the tokens' ``text``, ``start`` and ``end`` as three lists, made without a Python step
    per word (``_WORD_SPLIT``)."""
    parts = _WORD_SPLIT.split(text)
    # ``parts`` is gap, word, gap, ..., word, gap: the running ends of the parts are each
    # word's start (the end of the gap before it) and end, in turn.
    bounds = list(accumulate(map(len, parts)))
    return parts[1::2], bounds[0:-1:2], bounds[1::2]


class TextView:
    """Lazily computed facts about one text version."""

    __slots__ = (
        "_capitalised",
        "_chars",
        "_derived",
        "_folded",
        "_line_starts",
        "_lines",
        "_literal",
        "_lowers",
        "_paragraphs",
        "_sentences",
        "_sic",
        "_texts",
        "_titled",
        "_token_ends",
        "_token_starts",
        "_tokens",
        "_words",
        "text",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        self._sic: SpanSet | None = None
        self._literal: SpanSet | None = None
        self._lines: list[Line] | None = None
        self._line_starts: list[int] | None = None
        self._paragraphs: list[Unit] | None = None
        self._sentences: list[Span] | None = None
        self._tokens: list[Token] | None = None
        self._texts: list[str] | None = None
        self._token_ends: list[int] = []
        self._lowers: list[str] | None = None
        self._titled: list[int] | None = None
        self._capitalised: list[int] | None = None
        self._token_starts: list[int] = []
        self._words: frozenset[str] | None = None
        self._folded: Folded | None = None
        self._chars: frozenset[str] | None = None
        self._derived: dict[str, object] | None = None

    # -- lines, paragraphs, sentences -------------------------------------------------------

    @property
    def lines(self) -> list[Line]:
        """Every line (split on ``\\n``), blank ones included."""
        if self._lines is None:
            self._lines = split_lines(self.text)
        return self._lines

    def line_of(self, pos: int) -> int:
        """0-based number of the line holding ``pos``."""
        if self._line_starts is None:
            self._line_starts = [line.start for line in self.lines]
        return bisect_right(self._line_starts, pos) - 1

    @property
    def paragraphs(self) -> list[Unit]:
        """Paragraph units: blank-line separated, hard wraps joined (``segment.units``)."""
        if self._paragraphs is None:
            self._paragraphs = units(self.text, self.lines)
        return self._paragraphs

    @property
    def sentences(self) -> list[Span]:
        """Sentence spans: from after a terminator or line break through the next one."""
        if self._sentences is None:
            self._sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(self.text)]
        return self._sentences

    def sentence_at(self, at: int) -> Span | None:
        """The sentence holding position ``at`` (None on a terminator-only stretch or past
        the end): bisected, where the detectors that ask once scanned every sentence."""
        sentences = self.sentences
        k = bisect_right(sentences, (at, len(self.text) + 1)) - 1
        if k >= 0 and sentences[k][0] <= at < sentences[k][1]:
            return sentences[k]
        return None

    # -- words --------------------------------------------------------------------------------

    @property
    def tokens(self) -> list[Token]:
        """Every word, in order (``WORD``)."""
        if self._tokens is None:
            starts = self._starts()  # (with the ends and the words: ``word_columns``)
            self._tokens = list(map(Token, starts, self._token_ends, self.texts))
        return self._tokens

    @property
    def texts(self) -> list[str]:
        """Every word as written: ``[t.text for t in tokens]``, made in C (``word_columns``)
        for a scan of every word that reads nothing else (the words "I" of an article)."""
        if self._texts is None:
            self._texts, self._token_starts, self._token_ends = word_columns(self.text)
        return self._texts

    @property
    def lowers(self) -> list[str]:
        """Every word in lower case: ``[t.lower for t in tokens]``, made in C, for the
        detectors that look every word up (English's frequency list, recurrences)."""
        if self._lowers is None:
            self._lowers = list(map(str.lower, self.texts))
        return self._lowers

    @property
    def titled(self) -> list[int]:
        """The positions in ``tokens`` of the words in title case, in order: what a detector
        that looks only at those ("if not tok.is_title: continue" as its first test) walks,
        instead of every word again (fourteen detectors share the one tokenisation; this
        shares the one test too)."""
        if self._titled is None:
            # ``Token.is_title`` of the capitalised words: a capital, then not all capitals.
            texts = self.texts
            self._titled = [
                i for i in self.capitalised if len(texts[i]) >= 2 and not texts[i][1:].isupper()
            ]
        return self._titled

    @property
    def capitalised(self) -> list[int]:
        """The positions of the words whose first letter is a capital (``text[0].isupper()``;
        such a letter is never a lower-case one, so ``not tok.is_lower`` holds for each),
        picked in C: the words in title case are among them, and so is every word a run of
        capitals (a name) can start with."""
        if self._capitalised is None:
            texts = self.texts
            self._capitalised = list(
                compress(range(len(texts)), map(str.isupper, map(itemgetter(0), texts)))
            )
        return self._capitalised

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The words that start in ``[start, end)`` (a paragraph's, a sentence's)."""
        starts = self._starts()
        return self.tokens[bisect_left(starts, start) : bisect_left(starts, end)]

    def count_words(self, start: int = 0, end: int | None = None) -> int:
        """How many words start in ``[start, end)``: ``len(tokens_in(start, end))``, without
        making the tokens when no one has asked for them yet (the damage score counts words
        after the last edit; a word's position is all a count needs)."""
        starts = self._starts()
        if end is None:
            end = len(self.text)
        return bisect_left(starts, end) - bisect_left(starts, start)

    def _starts(self) -> list[int]:
        """Every word's start (made with ``texts``, by ``word_columns``)."""
        if self._texts is None:
            self._texts, self._token_starts, self._token_ends = word_columns(self.text)
        return self._token_starts

    @property
    def words(self) -> frozenset[str]:
        """The lower-case letter words of the text (``Xi's`` gives ``xi`` and ``s``)."""
        if self._words is None:
            # Every word's lower case at once, then the few with an apostrophe (what
            # _APOSTROPHE splits on) replaced by their parts, which hold none.
            found = set(self.lowers)
            for w in [w for w in found if "'" in w or "’" in w]:
                found.discard(w)
                found.update(_APOSTROPHE.split(w))
            self._words = frozenset(found)
        return self._words

    @property
    def chars(self) -> frozenset[str]:
        """Every character the text uses (a pass in C: about a tenth of one regex scan
        with a character class)."""
        if self._chars is None:
            self._chars = frozenset(self.text)
        return self._chars

    @property
    def folded(self) -> Folded:
        """The text folded for literal matching (``cleaner.folding.fold``)."""
        if self._folded is None:
            self._folded = fold(self.text)
        return self._folded

    @property
    def sic_spans(self) -> SpanSet:
        """Word and mark of every ``[sic]`` (see module docstring)."""
        if self._sic is None:
            text = self.text
            found: list[Span] = []
            if _SIC_HINT.search(text):
                found = [(m.start(1), m.end()) for m in _SIC.finditer(text)]
            self._sic = SpanSet(found)
        return self._sic

    @property
    def literal_spans(self) -> SpanSet:
        """URLs, e-mail addresses and lines of code (see module docstring)."""
        if self._literal is None:
            text = self.text
            found: list[Span] = []
            scan = _url_scan(text) if _URL_HINT.search(text) else None
            if scan is not None:
                found = [(m.start(), m.end()) for m in scan.finditer(text)]
            if _CODE_HINT.search(text):
                for line in _LINE.finditer(text):
                    if _code_line(line.group()):
                        found.append((line.start(), line.end()))
            self._literal = SpanSet(found)
        return self._literal

    # -- what one module derives ------------------------------------------------------------

    def derived(self, key: str, make: Callable[[TextView], T]) -> T:
        """A fact one module reads from the text, made at most once per text version (as
        ``NameIndex.derived`` keeps a detector's tables): the quote marks' positions
        (``stray_i.quoted``), asked at every first-person word."""
        if self._derived is None:
            self._derived = {}
        if key not in self._derived:
            self._derived[key] = make(self)
        return self._derived[key]  # type: ignore[return-value]


def _url_scan(text: str) -> regex.Pattern[str] | None:
    """``_URL`` less the kinds ``text`` holds no mark of (None: no kind can match).

    A kind that cannot match anywhere changes no match of the others (the alternation
    tries the same kinds in the same order), and the scan of the e-mail kind, ``\\S+``
    tried at every position, and of the domain kind, at every word, were most of the
    time of ``literal_spans`` on a long article with a slash or a date in it."""
    kinds = ("http" in text or "www" in text, "@" in text, bool(_DOMAIN.search(text)))
    if kinds not in _URL_SCANS:
        alternatives = [kind for kind, held in zip(_URL_KINDS, kinds, strict=True) if held]
        _URL_SCANS[kinds] = regex.compile("|".join(alternatives)) if alternatives else None
    return _URL_SCANS[kinds]


def _code_line(line: str) -> bool:
    """Two or more code marks, on a line that is short or dense with them: a paragraph of
    prose with a stray wiki template (``{w|plasticity}}``) is still prose, and so is a line
    with a tag in it (``<unk>``, a machine-translation system's unknown word)."""
    marks = len(_CODE_MARKS.findall(_TICK_QUOTE.sub("`", _TAG.sub("", line))))
    return marks >= 2 and (len(line) <= CODE_LINE_CHARS or marks * 40 >= len(line))


def indices(items: list[str], value: str) -> list[int]:
    """The positions of ``value`` in ``items``, in order: ``[i for i, x in enumerate(items)
    if x == value]`` found by ``list.index`` (in C) from each one to the next, for a word
    that most articles hold a few times or never (the words "I")."""
    found: list[int] = []
    i = -1
    try:
        while True:
            i = items.index(value, i + 1)
            found.append(i)
    except ValueError:
        return found


def as_view(text: str | TextView) -> TextView:
    """A view of ``text`` (callers with a plain string: tests, tools)."""
    return text if isinstance(text, TextView) else TextView(text)


def may_hold_sic(text: str) -> bool:
    """Whether ``text`` could hold a ``[sic]`` (what every one holds: a bracket, "sic")."""
    return _SIC_HINT.search(text) is not None


def sic_spans(text: str) -> list[Span]:
    """The ``[sic]`` spans of ``text`` (for callers without a document)."""
    return TextView(text).sic_spans.spans


def literal_spans(text: str) -> list[Span]:
    """URLs, e-mail addresses and lines of code in ``text``."""
    return TextView(text).literal_spans.spans
