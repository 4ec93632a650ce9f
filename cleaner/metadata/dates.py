"""Dates in article text: found by pattern, read by dateparser, kept only when certain.

A newsroom files articles by date, so a wrong date is worse than none. A date is lifted only
when the text gives its day, month and year, in an order that cannot be misread: month names
(``May 4, 2025``, ``4 May 2025``), ISO order (``2025-05-04``), or numbers whose order the
values themselves settle (``23.07.2025``: no month 23). ``03/04/2025`` is April 3 in London
and March 4 in New York, so it is only ever a *possible* date. Relative dates ("2 hours ago",
"yesterday") need a reference day the text does not give, and a date without a year
(``Apr 12``) needs a guess: neither is a date here.

dateparser reads each expression the patterns found, configured strictly: English only, every
part required, absolute dates only, and the date order the pattern saw; its reading must
agree with the numbers the pattern captured. It is imported lazily (it is slow to import).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache

import regex

_YEAR_ANYWHERE = regex.compile(r"(?:19|20)\d\d")
_ORDINAL = regex.compile(r"(?<=\d)(?:st|nd|rd|th)\b", regex.IGNORECASE)
_ISO_T = regex.compile(r"(?<=\d)T(?=\d)")
_ZONE = regex.compile(r"\b(?:Z|[A-Z]{2,4}|UTC|GMT)\b|[+-]\d\d:?\d\d")
_WORDY = regex.compile(r"[\p{L}\d]")

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
# A month's name or its abbreviation (lower case: used with IGNORECASE). Public: an
# author card's year-less date (``metadata.extract``) names its month the same way.
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_WEEKDAY = (
    r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s+)?"
)
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_TIME = (
    r"(?:,?\s*(?:at|@|-|–|/|·|\|)?\s*(?P<hour>[0-2]?\d):(?P<minute>[0-5]\d)(?::[0-5]\d)?"
    r"(?:\s*(?P<ampm>[ap])\.?\s?m\b\.?)?)?"
)

# Each form: the pattern and the date order dateparser is told.
_FORMS: tuple[tuple[str, regex.Pattern[str]], ...] = tuple(
    (order, regex.compile(pattern + _TIME, regex.IGNORECASE))
    for order, pattern in (
        (
            "MDY",
            rf"(?<![\p{{L}}]){_WEEKDAY}(?P<month>{MONTH})\.?\s+{_DAY}(?![\d:])[.,]?\s*,?\s*{_YEAR}",
        ),
        (
            "DMY",
            rf"(?<![\p{{L}}\d]){_WEEKDAY}{_DAY}(?:\s+of)?[\s-]+(?P<month>{MONTH})\.?,?[\s-]+{_YEAR}",
        ),
        (
            "YMD",
            r"(?<![\d.])(?P<year>(?:19|20)\d\d)(?P<sep>[-/.])(?P<month>[01]?\d)(?P=sep)"
            r"(?P<day>[0-3]?\d)(?!\d)(?:T(?=\d))?",
        ),
        (
            "NUM",
            r"(?<![\d./-])(?P<first>[0-3]?\d)(?P<sep>[./-])(?P<second>[0-3]?\d)(?P=sep)"
            r"(?P<year>(?:19|20)\d\d)(?!\d)",
        ),
    )
)

# What every match of each form holds, searched with the form's own flags (``regex``'s
# case-insensitive matching, which also takes the long s for "s"): the first three letters
# of a month's name for the forms that name it (every alternative of ``MONTH`` starts with
# them), a digit, a separator and a digit for the forms in numbers (``2025-05-04``,
# ``23.07.2025``: the day or month, then the separator, then the next number).
_MONTH_CUE = regex.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", regex.IGNORECASE)
_NUMBER_CUE = regex.compile(r"\d[-/.]\d")
_CUES = (_MONTH_CUE, _MONTH_CUE, _NUMBER_CUE, _NUMBER_CUE)


@dataclass(frozen=True, slots=True)
class DateHit:
    """A full date found in a line: where, what it says, and whether its order is certain."""

    start: int
    end: int
    text: str
    year: int
    month: int
    day: int
    order: str  # MDY, DMY, YMD; "" when the numbers leave the order open
    time: str = ""  # "14:30" when the text gives a time of day

    @property
    def ambiguous(self) -> bool:
        return not self.order

    @property
    def iso(self) -> str | None:
        """ISO 8601 (with the time of day when given), or ``None`` if not certain."""
        if self.ambiguous:
            return None
        return _read(self.text, self.order, self.year, self.month, self.day, self.time)

    def settled(self, order: str) -> DateHit | None:
        """This date read in ``order`` ("DMY" or "MDY"), when the numbers left it open
        ("03/10/2023" on a page that writes "16 February 2026" is 3 October); ``None`` when
        that reading is no date."""
        if not self.ambiguous or order not in {"DMY", "MDY"}:
            return None
        month, day = (self.day, self.month) if order == "DMY" else (self.month, self.day)
        try:
            date(self.year, month, day)
        except ValueError:
            return None
        return replace(self, order=order, month=month, day=day)

    @property
    def numeric(self) -> bool:
        """Written in numbers only ("13/01/2026"), not with a month's name."""
        return not regex.search(r"\p{L}{3,}", self.text)

    def possible(self) -> str:
        """How a finding words an uncertain date: both readings of ``03/04/2025``."""
        readings = []
        for m, d in ((self.month, self.day), (self.day, self.month)):
            try:
                readings.append(date(self.year, m, d).isoformat())
            except ValueError:
                continue
        return " or ".join(dict.fromkeys(readings))


def find_dates(text: str) -> list[DateHit]:
    """Every full date in ``text``, left to right, overlaps resolved to the first form.

    A form is scanned only where its cue is in the text (``_CUES``): each form tries a
    look-behind at every position, for dates that most lines with a year in them do not
    hold, and a form that cannot match takes no span from the forms after it."""
    if not _YEAR_ANYWHERE.search(text):
        return []  # every full date has a year
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []
    cued = {cue: cue.search(text) is not None for cue in _CUES}
    for (order, pattern), cue in zip(_FORMS, _CUES, strict=True):
        if not cued[cue]:
            continue
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            hit = _hit(m, order)
            if hit is not None:
                hits.append(hit)
                taken.append((m.start(), m.end()))
    return sorted(hits, key=lambda h: h.start)


def _hit(m: regex.Match[str], order: str) -> DateHit | None:
    year = int(m.group("year"))
    if order == "NUM":
        first, second = int(m.group("first")), int(m.group("second"))
        if first > 12 and second <= 12:
            order, day, month = "DMY", first, second
        elif second > 12 and first <= 12:
            order, day, month = "MDY", second, first
        elif first == second:
            order, day, month = "DMY", first, second
        else:
            order, day, month = "", second, first
    else:
        day = int(m.group("day"))
        raw = m.group("month")
        # ``casefold``: the pattern matches case-insensitively, so "ſep" (a long s) is a
        # month's name to it; ``lower`` keeps the long s, and the look-up failed.
        month = int(raw) if raw.isdigit() else _MONTHS[raw.casefold()[:3]]
    try:
        date(year, month, day)
    except ValueError:
        return None
    if not 1900 <= year <= 2100:
        return None
    time = ""
    if m.group("hour") is not None:
        hour = int(m.group("hour"))
        ampm = (m.group("ampm") or "").lower()
        if ampm == "p" and hour < 12:
            hour += 12
        elif ampm == "a" and hour == 12:
            hour = 0
        if hour < 24:
            time = f"{hour:02d}:{m.group('minute')}"
    end = m.end() if time else (m.start("hour") if m.group("hour") else m.end())
    text = m.string[m.start() : end].rstrip(" ,@|·/-–")
    return DateHit(m.start(), m.start() + len(text), text, year, month, day, order, time)


@lru_cache(maxsize=1024)
def _read(text: str, order: str, year: int, month: int, day: int, time: str) -> str | None:
    """dateparser's strict reading of ``text``, if it agrees with what the pattern saw."""
    import dateparser

    settings = {
        "STRICT_PARSING": True,
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PARSERS": ["absolute-time"],
        "DATE_ORDER": order,
        "PREFER_LOCALE_DATE_ORDER": False,
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    # ``T`` of an ISO timestamp and ordinal suffixes are the pattern's business, not the parser's.
    clean = _ORDINAL.sub("", text)
    clean = _ISO_T.sub(" ", clean).replace("@", " ")
    parsed: datetime | None = dateparser.parse(clean, languages=["en"], settings=settings)
    if parsed is None or (parsed.year, parsed.month, parsed.day) != (year, month, day):
        return None
    if time:
        return f"{parsed.date().isoformat()}T{time}:00"
    return parsed.date().isoformat()


def normalise_date(value: str) -> str | None:
    """ISO 8601 for a string that is one full, certain date (and maybe a time), else ``None``."""
    value = value.strip()
    hits = find_dates(value)
    if len(hits) != 1:
        return None
    hit = hits[0]
    rest = (value[: hit.start] + value[hit.end :]).strip(" ,.;:|-–—()[]")
    if _WORDY.search(_ZONE.sub("", rest)):
        return None
    return hit.iso
