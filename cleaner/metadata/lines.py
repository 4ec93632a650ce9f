"""The text as lines with what metadata extraction asks of each: is it prose, a heading, a
date line, a byline, navigation? Answers are computed once per line, on demand.

A *line* here is a paragraph unit (``cleaner.segment.units``: hard wraps joined, blank lines
dropped), so a wrapped headline is one line. Features depend on the line's own text; how a
line relates to its neighbours is the extractor's business.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Any, Generic, TypeVar, overload

import regex

from cleaner.boilerplate.blocks import stopwords
from cleaner.metadata.dates import DateHit, find_dates
from cleaner.metadata.lexicon import Lexicon, fold
from cleaner.metadata.names import Byline, handle_byline, is_role, parse_byline, team_byline
from cleaner.segment import units

_CONTENT_WORD = regex.compile(r"\p{L}{3,}")
_CONTENT_WORD_ASCII = re.compile(r"[A-Za-z]{3,}")  # (on ASCII text; see ``_WORD_ASCII``)

_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’.&-]*")
# ``_WORD`` on ASCII text, where its classes are these (tests/test_pay_for_what_is_there.py
# holds them equal): every line of a page counts its words, and the standard library's
# engine scans an ASCII class about twice as fast as ``regex`` scans the Unicode one.
_WORD_ASCII = re.compile(r"[A-Za-z0-9][A-Za-z0-9'.&-]*")
# A line that ends a sentence (looking through closing quotes and brackets); a headline may
# end in "?" or "!", so those count only for long lines. Asked of every line, for an answer
# held in its last few characters: searched from the end (``(?r)``), not tried at every
# position (whether there is a match is all the line asks).
_STOP = regex.compile(r"(?r)[.:;,][\"')\]\u201d\u2019»]*$")
_ASKS = regex.compile(r"(?r)[?!][\"')\]\u201d\u2019»]*$")
_BULLET = regex.compile(r"^(?:[-*\u2022\u2013\u2014+]\s|\d{1,3}[.)]\s)")
_READ_TIME = regex.compile(
    r"(?i)(?:\b\d+\s*(?:-\s*\d+\s*)?(?:min(?:ute)?s?|m)\b\.?\s*(?:read|reading|watch|listen)?"
    r"|reading\s+time|\bmin(?:ute)?s?\s+read\b)"
)
_URL = regex.compile(r"https?://|www\.|\.com\b")
# What every ``_URL`` match holds: a line without any (most) needs no scan.
_URL_MARKS = ("://", "www.", ".com")
_ONE_TO_ONE = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
# Menu items glued together by the scraper ("LiveNew York CityNew Jersey"), and list
# separators of tag lists ("Gratitude , Hope , optimism", "Bars • Business • Food").
_GLUE = regex.compile(r"\p{Ll}{2}\p{Lu}\p{Ll}")
_LIST_SEP = regex.compile(r"\s[•·|]\s|\s,\s")
# A line ending in one of these is a group's name ("Great Day Editorial Team").
_GROUPS = frozenset({"team", "staff", "newsletter", "editors", "desk", "newsroom"})
# A postal address ("Hunt Valley, MD 21031").
_ADDRESS = regex.compile(r"\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b")
# What separates a breadcrumb's steps ("Home » Blog » Title", "Home / News / Title").
_CRUMB = regex.compile(r"\s(?:»|>|/|›|→|\|)\s|^\d{1,2}\.\s")
# Each of ``_CRUMB``'s separators holds one of these; a text without any, and not starting
# with a digit, has no breadcrumb step (a test in C, where the pattern scans every paragraph).
_CRUMB_MARKS = ("»", ">", "/", "›", "→", "|")


T = TypeVar("T")

R = TypeVar("R")


class cached_property(Generic[R]):  # named (lower case) as the functools one it stands for
    """``functools.cached_property`` without its lock: computed on first read, then the
    instance's own attribute. Why: on Python 3.11 the functools one takes a lock on every
    first read, and a page's lines have tens of thousands of first reads (a tenth of the
    extractor's time on a short article); a page and its lines belong to one extraction in
    one thread, so there is nothing to lock against (Python 3.12 dropped the lock too)."""

    def __init__(self, compute: Callable[[Any], R]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> cached_property[R]: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> R: ...

    def __get__(self, instance: object, owner: type | None = None) -> R | cached_property[R]:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


# ``Page.body_words``' mark of a word that more than one line uses (no line has this index).
SEVERAL = -1
# A byline or date line within this share of the body run's first prose words is the
# article's header, and the prose above it a lead printed over the header (``Page.body``).
LEAD_SHARE = 0.05
# How far below a teaser heading its list of other articles reaches, in lines.
TEASER_REACH = 12


class Line:
    """One paragraph unit: position, text (whitespace collapsed, quotes straight) and features.

    Cheap features are computed when the line is made; the rest on first use, once."""

    def __init__(self, index: int, start: int, end: int, text: str, lex: Lexicon) -> None:
        self.index = index
        self.start = start
        self.end = end
        self.text = text
        self.lex = lex
        self.words = len((_WORD_ASCII if text.isascii() else _WORD).findall(text))
        # Folded text, for comparing lines with each other and with word lists.
        self.key = fold(text)
        # Ends like a sentence (full stop, colon, comma): not a headline.
        self.stops = bool(_STOP.search(text))
        # A sentence of some length: article text, a standfirst, a cookie notice.
        self.prose = self.words >= 25 or (
            self.words >= 8 and (self.stops or bool(_ASKS.search(text)))
        )
        self.bullet = bool(_BULLET.match(text))
        self.url = any(mark in text for mark in _URL_MARKS) and bool(_URL.search(text))

    def __repr__(self) -> str:
        return f"Line({self.index}, {self.text[:40]!r})"

    @cached_property
    def dates(self) -> list[DateHit]:
        return find_dates(self.text)

    @cached_property
    def byline(self) -> Byline | None:
        """The line read as a byline; only short lines can be one, or a line that opens with
        a byline cue and runs on into its writers' bios ("Written by Anna Kowalski, 6+ years
        covering laptops ... Tom Berg, senior editor ..."): the cue says what the line is."""
        long = self.words > 30 or (self.prose and self.words > 20)
        if long and (self.words > 80 or not self.lex.byline_cue.match(self.text.lstrip())):
            return None
        return parse_byline(self.text, self.lex)

    @cached_property
    def team(self) -> tuple[str, bool] | None:
        """The team or desk signing the line as a byline, and whether a cue introduced it
        ("By the Upwork Team"); only short lines can be one."""
        if self.words > 16 or self.prose:
            return None
        return team_byline(self.text, self.lex)

    @cached_property
    def handle(self) -> str | None:
        """The user name a cued byline on the line gives ("Posted by BeauHD on Friday
        ... from the ... dept."); only short lines can be one."""
        return handle_byline(self.text, self.lex) if self.words <= 20 else None

    @cached_property
    def teaser_heading(self) -> bool:
        """A heading over a list of other articles ("Related articles", "Read next")."""
        return not self.prose and self.words <= 10 and self.lex.is_teaser_heading(self.text)

    @cached_property
    def date_cue(self) -> str:
        """ "published" / "other" for a line that is only a date cue ("Published", "Updated
        on:"), whose date is on the next line; "" for any other line."""
        return self.lex.date_cue_only(self.text) if self.words <= 5 else ""

    @cached_property
    def bare_cue(self) -> bool:
        """Only a byline cue ("By", "Written by:", "Posted By"): the name is on the next line."""
        return self.words <= 5 and bool(self.lex.byline_cue.fullmatch(self.text.rstrip(" :")))

    @cached_property
    def read_time(self) -> bool:
        return self.words <= 12 and bool(_READ_TIME.search(self.text))

    @cached_property
    def date_line(self) -> bool:
        """A short line that carries a date (with perhaps a cue, a name, a read time)."""
        return not self.prose and self.words <= 16 and bool(self.dates)

    @cached_property
    def navigation(self) -> bool:
        return self.lex.is_navigation(self.text, self.key)

    @cached_property
    def call_to_action(self) -> bool:
        return self.lex.is_call_to_action(self.text, self.key)

    @cached_property
    def caption(self) -> bool:
        return self.words <= 20 and self.lex.is_caption(self.text)

    @cached_property
    def crumb_tail(self) -> str:
        """The last step of a breadcrumb line, folded ("" when the line is not one)."""
        if not _crumb_marked(self.text):
            return ""
        parts = _CRUMB.split(self.text)
        return fold(parts[-1]) if len(parts) > 1 else ""

    @cached_property
    def role(self) -> bool:
        """Only a job title ("Senior Editor", "VP - Technology")."""
        return self.words <= 8 and is_role(self.text, self.lex)

    @cached_property
    def menu(self) -> bool:
        """Menu items run together: "Home About Privacy Terms", "Email Print Facebook",
        "24/7 LiveNew York CityNew Jersey" (items glued where the markup separated them),
        "Tag , Tag , Tag" or "A • B • C"."""
        if len(_GLUE.findall(self.text)) >= 2 or len(_LIST_SEP.findall(self.text)) >= 2:
            return True
        tokens = self.key.split()
        nav = self.lex.navigation
        heads = _first_words(nav)
        if heads.isdisjoint(tokens):
            return False  # no navigation entry starts anywhere (most lines of prose)
        covered = i = 0
        n = len(tokens)
        while i < n:
            if 2 * (covered + n - i) < n:
                return False  # even the rest all covered would not make half the line
            if tokens[i] in heads:  # only an entry's first word can start a match here
                for k in (4, 3, 2, 1):
                    if i + k <= n and " ".join(tokens[i : i + k]) in nav:
                        covered += k
                        i += k
                        break
                else:
                    i += 1
            else:
                i += 1
        return covered >= 2 and covered * 2 >= n

    @cached_property
    def content(self) -> set[str]:
        """``content_words`` of the line (extraction asks about a line several times)."""
        return content_words(self.text)

    @cached_property
    def furniture(self) -> bool:
        """Navigation, a call to action, a caption, a link, a menu, a job title, a team:
        page furniture, never a title."""
        if self.url or self.navigation or self.call_to_action or self.caption:
            return True
        if self.menu or self.role or _ADDRESS.search(self.text):
            return True
        if _crumb_marked(self.text) and len(_CRUMB.findall(self.text)) >= 2:
            return True  # a breadcrumb trail
        if self.key.endswith("'s blog"):
            return True  # a blog's name
        return self.key.rsplit(" ", 1)[-1] in _GROUPS


@dataclass
class Page:
    """The lines of one text and the indexes extraction needs across them."""

    lines: list[Line]

    @classmethod
    def of(cls, text: str, lex: Lexicon) -> Page:
        # Old Mac line ends: one-for-one substitutions keep every offset valid.
        text = text.replace("\r\n", " \n").replace("\r", "\n")
        lines: list[Line] = []
        for unit in units(text):
            raw = text[unit.start : unit.end]
            body = " ".join(raw.translate(_ONE_TO_ONE).split())
            if not body:
                continue
            lead = len(raw) - len(raw.lstrip())
            lines.append(
                Line(len(lines), unit.start + lead, unit.start + len(raw.rstrip()), body, lex)
            )
        return cls(lines)

    @cached_property
    def occurrences(self) -> dict[str, list[int]]:
        """Folded line text -> the lines that say it, whole or as a breadcrumb's last step."""
        seen: dict[str, list[int]] = {}
        for line in self.lines:
            seen.setdefault(line.key, []).append(line.index)
            tail = line.crumb_tail
            if tail and tail != line.key:
                seen.setdefault(tail, []).append(line.index)
        return seen

    @cached_property
    def prose_upto(self) -> list[int]:
        """``prose_upto[i]``: how many prose lines come before line ``i``."""
        counts = [0]
        for line in self.lines:
            counts.append(counts[-1] + line.prose)
        return counts

    @cached_property
    def prose_words(self) -> list[int]:
        """``prose_words[i]``: how many words of prose come before line ``i``."""
        counts = [0]
        for line in self.lines:
            counts.append(counts[-1] + (line.words if line.prose else 0))
        return counts

    @cached_property
    def short_lines(self) -> list[int]:
        """Lines short enough to be a title with something around it ("Title | Site")."""
        return [line.index for line in self.lines if line.words <= 40 and not line.prose]

    @cached_property
    def body(self) -> tuple[int, int]:
        """First and last line of the article body: the run of lines with the most prose
        (on a whole page, among menus and footers), less a lead printed over the article's
        header. The headline sits just above it.

        Why the lead: a paragraph the page prints over the header (an affiliate disclosure,
        a newsletter sign-up, another article's teaser) joins the run when the headline and
        byline between are cheaper than its words, and the headline then reads as a heading
        inside the article. A byline or date line in the run's first ``LEAD_SHARE`` of prose
        words is the article's header: the body starts at the first prose under it."""
        first, last = self._run
        words = self.prose_words
        reach = words[first] + LEAD_SHARE * (words[last + 1] - words[first])
        for line in self.lines[first + 1 : last + 1]:
            if words[line.index] >= reach:
                break
            if not line.prose and header_evidence(line):
                under = (o.index for o in self.lines[line.index + 1 : last + 1] if o.prose)
                return next(under, first), last
        return first, last

    @cached_property
    def _run(self) -> tuple[int, int]:
        """First and last line of the run of lines with the most prose."""
        best, best_range = 0.0, (0, -1)
        run, run_start = 0.0, 0
        for line in self.lines:
            run += _weight(line)
            if run > best:
                best, best_range = run, (run_start, line.index)
            if run < 0:
                run, run_start = 0.0, line.index + 1
        return best_range

    @cached_property
    def body_words(self) -> dict[str, int]:
        """Content words of the body's first lines (what the article is about) -> the one
        line that uses them, or ``SEVERAL`` (no line's index) when more than one does: all
        ``about`` asks is whether a line other than the candidate uses the word."""
        first, last = self.body
        words: dict[str, int] = {}
        for line in self.lines[first : min(last + 1, first + 60)]:
            index = line.index
            for word in line.content:
                words[word] = SEVERAL if word in words else index
        return words

    def about(self, line: Line) -> float:
        """Share of ``line``'s content words that the body uses (outside ``line`` itself)."""
        words = line.content
        if not words:
            return 0.0
        used = self.body_words
        index = line.index
        return sum(1 for w in words if used.get(w, index) != index) / len(words)

    @cached_property
    def prose_frequency(self) -> Counter[str]:
        """Content word -> how many prose lines of the whole page use it."""
        return Counter(chain.from_iterable(line.content for line in self.lines if line.prose))

    def topic(self, line: Line) -> float:
        """How much ``line``'s words are the page's subject: the mean, over its content
        words, of how many prose lines use each (capped at 5, or at the number of prose
        lines on a short page; scaled to 0-1). A headline's words run through the article;
        a menu item's or a teaser's do not."""
        words = line.content
        cap = min(5, self.prose_upto[-1] - line.prose)
        if not words or cap <= 0:
            return 0.0
        counts = self.prose_frequency
        own = 1 if line.prose else 0
        return sum(min(counts.get(w, 0) - own, cap) for w in words) / (cap * len(words))

    def window(self, start: int, stop: int) -> list[Line]:
        return self.lines[max(0, start) : max(0, stop)]

    def byline(self, line: Line) -> tuple[Byline, Line] | None:
        """The byline ``line`` starts and the line its names are on: the line itself, or,
        after a cue alone on its line ("By" / "Anna Smith"), the next line."""
        if line.byline is not None:
            return line.byline, line
        found = self._cued(line, parse_byline)
        return found if found is not None and found[0].shape == "cue" else None

    def team(self, line: Line) -> tuple[str, Line] | None:
        """The team a cued byline in ``line`` credits and the line its name is on: the line
        itself, or, after a cue alone on its line ("By" / "The Upwork Team"), the next."""
        if line.team is not None:
            return (line.team[0], line) if line.team[1] else None
        found = self._cued(line, team_byline)
        return (found[0][0], found[1]) if found is not None and found[0][1] else None

    def handle(self, line: Line) -> tuple[str, Line] | None:
        """The user name a cued byline in ``line`` gives ("Posted by BeauHD on ...") and
        the line it is on: the line itself, or the next after a cue alone ("By" / name)."""
        if line.handle is not None:
            return line.handle, line
        return self._cued(line, handle_byline)

    def _cued(self, line: Line, read: Callable[[str, Lexicon], T | None]) -> tuple[T, Line] | None:
        """What ``read`` finds in a byline cue alone on ``line`` ("By") joined to the short
        line after it, and that line: one byline the theme printed on two lines."""
        nxt = self._after_cue(line)
        if nxt is None:
            return None
        found = read(f"{line.text.rstrip(' :')}: {nxt.text}", line.lex)
        return (found, nxt) if found is not None else None

    def _after_cue(self, line: Line) -> Line | None:
        """The short line after ``line`` when ``line`` is a byline cue alone ("By")."""
        if not line.bare_cue or line.index + 1 >= len(self.lines):
            return None
        nxt = self.lines[line.index + 1]
        return None if nxt.words > 12 or nxt.prose else nxt

    def under_teasers(self, line: Line) -> bool:
        """Whether ``line`` is in a list of other articles: a teaser heading ("Related
        articles", "Read next") at most ``TEASER_REACH`` lines above it."""
        return any(o.teaser_heading for o in self.window(line.index - TEASER_REACH, line.index))


@lru_cache(maxsize=4)
def _first_words(entries: frozenset[str]) -> frozenset[str]:
    """The first word of each entry: a run of a line's words joined by spaces can equal an
    entry only if the run's first word is the entry's (up to its first space)."""
    return frozenset(e.split(" ", 1)[0] for e in entries)


def _crumb_marked(text: str) -> bool:
    """Whether ``_CRUMB`` can match in ``text`` at all: a separator's mark in it, or a digit
    first (a numbered step; ``isdigit`` holds for every ``\\d``)."""
    return text[:1].isdigit() or any(mark in text for mark in _CRUMB_MARKS)


def content_words(text: str) -> set[str]:
    """Lower-case words of three letters or more that are not function words."""
    found = (_CONTENT_WORD_ASCII if text.isascii() else _CONTENT_WORD).findall(text)
    return set(map(str.lower, found)).difference(stopwords())


def _weight(line: Line) -> float:
    """What a line adds to the body: its words if it is prose, a cost if it is menu-like."""
    if line.url and line.words <= 12:
        return -2.0 - line.words
    if line.prose:
        return float(line.words)
    if line.bullet and line.words >= 5:
        return 0.5 * line.words
    return -2.0 - min(line.words, 6)


def header_evidence(line: Line) -> bool:
    """A line of an article's header: a byline or a date line, or a byline cue alone on its
    line ("By" / "Thomas Broderick": the theme puts the name on the next line)."""
    if line.date_line or line.bare_cue:
        return True
    byline = line.byline
    if byline is None and line.team is not None:
        return line.team[1]  # "By the Upwork Team": a team's cued byline
    return byline is not None and byline.shape != "name"
