"""Title, author, date, source and dateline from article text, each with where it came from
and how sure the extractor is.

Precision first: a newsroom files articles by date and author, so a wrong value is worse than
none. Every candidate gets a confidence from what surrounds it; a field is lifted only at or
above ``LIFT`` and is otherwise, from ``POSSIBLE`` up, only reported (a finding "possible
date: ...").

How the pieces find each other: the *headline* is a heading-like line (not navigation, a
caption, a byline, a date or a call to action) that an article follows: a byline or date line
just under it (or just above), then prose. Bylines and dates are trusted in that *header* and
much less anywhere else, where they belong to comments, related articles or the body. Text
that is only the article (a scraper's extract) has its header at the top.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import regex

from cleaner.metadata import opening
from cleaner.metadata.dates import MONTH, DateHit
from cleaner.metadata.lexicon import Lexicon, fold
from cleaner.metadata.lines import Line, Page
from cleaner.metadata.names import (
    Byline,
    given_name_led,
    is_role,
    name_like,
    people,
    person,
    rare_word,
)
from cleaner.metadata.title import choose

# Lift at or above this confidence; report "possible ..." from POSSIBLE up. Per field, so a
# field can ask for more: a headline needs 0.7 (chosen on the tuning part of WCXB-dev,
# where it trades 0.03 of accuracy for 0.01-0.02 of precision; on the held-aside sites it
# lost no accuracy and gained 0.02 of precision; see bench/RESULTS.md).
LIFT = 0.6
LIFT_FIELD: dict[str, float] = {"title": 0.7}
POSSIBLE = 0.3


def threshold(field: str) -> float:
    """The confidence a value of ``field`` needs to be lifted."""
    return LIFT_FIELD.get(field, LIFT)


# Rule codes: where a value came from (provenance), ruff-style like every other rule.
TITLE = "BP301"
AUTHOR_CUE = "BP311"
AUTHOR_ROLE = "BP312"
AUTHOR_NAME = "BP313"
AUTHOR_BOX = "BP314"
AUTHOR_TEAM = "BP315"
AUTHOR_HANDLE = "BP316"
DATE_CUE = "BP321"
DATE_LINE = "BP322"
DATE_DATELINE = "BP323"
SOURCE_LINE = "BP331"
SOURCE_AGENCY = "BP332"
DATELINE = "BP333"
POSSIBLE_FIELD = "BP390"

RULES: dict[str, str] = {
    TITLE: "headline: the heading-like line the article's header and prose follow",
    AUTHOR_CUE: "author from a byline with a cue ('By', 'Written by', 'Author:')",
    AUTHOR_ROLE: "author from a name with a role, agency or date ('Anna Smith | Staff Writer')",
    AUTHOR_NAME: "author from a name alone beside the headline, a date or a role",
    AUTHOR_BOX: "author from an author box or a writer's bio",
    AUTHOR_TEAM: "author: the team or desk a header's byline credits ('By the Upwork Team')",
    AUTHOR_HANDLE: "author: the user name a header's byline gives ('Posted by BeauHD on ...')",
    DATE_CUE: "publication date after a cue ('Published', 'Posted on')",
    DATE_LINE: "publication date from a date line or byline in the article's header",
    DATE_DATELINE: "publication date from the dateline opening the first paragraph",
    SOURCE_LINE: "source from a 'Source: X' line",
    SOURCE_AGENCY: "source from an agency in a dateline or byline ('Moscow (AP)')",
    DATELINE: "dateline: the place before the agency ('Moscow (AP)')",
    POSSIBLE_FIELD: "possible metadata, not lifted: below the confidence threshold",
}

# How far the header reaches around the headline, in lines.
HEADER_ABOVE = 3
HEADER_BELOW = 10
# Without a headline: how far around the first line of the body.
BODY_ABOVE = 6
BODY_BELOW = 6
BODY_PARAGRAPHS = 3
# A dateline opening the first paragraph: "Moscow (AP)", "KYIV, Ukraine (Reuters) -".
_DATELINE = regex.compile(
    r"^(?P<place>\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3})(?:,\s+[\p{L}\d ]{1,25})?"
    r"\s+\((?P<agency>[^()]{1,30})\)"
)
_LEAD_DATE = regex.compile(r"^\p{Lu}[\p{Lu}\p{L} .'’-]{1,40},\s+$")
# A writer's bio: "I am Anna Smith, a freelance journalist ...", "Anna Smith is a senior
# reporter at ..."; the words after the name must include a writer's role.
_FIRST_PERSON_BIO = regex.compile(
    r"^(?:Hi,?\s+)?I\s*(?:am|'m)\s+(?P<name>[^,]{3,60}),\s+an?\s+(?P<role>(?:[\w-]+\s*){1,6})"
)
# The writer introducing themselves with a job title: "I'm Scott Kasun, founder of
# ForeFront Web ...", "Hi, I'm Anna Smith, the owner of ...".
_FIRST_PERSON_INTRO = regex.compile(
    r"^(?:(?:Hi|Hello),?\s+)?I\s*(?:am|['’]m)\s+(?P<name>[^,]{3,60}),\s+(?:an?\s+|the\s+)?"
    r"(?P<role>(?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:of|at|for)\b"
)
_THIRD_PERSON_BIO = regex.compile(
    r"^(?P<name>\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3})\s+is\s+(?:an?\s+|the\s+)?"
    r"(?P<role>(?:[\w-]+\s+){1,5})(?:at|for|with|of)\b"
)


@dataclass(frozen=True, slots=True)
class Lifted:
    """A metadata value with its provenance: the line it came from, the rule that read it,
    and how sure the extractor is (0-1)."""

    field: str
    value: Any
    line: int  # index of the line (paragraph unit) in the text
    start: int
    end: int
    rule: str
    confidence: float
    why: str = ""


@dataclass
class Extraction:
    """What was lifted, and the best below-threshold candidate of the other fields."""

    lifted: dict[str, Lifted] = field(default_factory=dict)
    possible: dict[str, Lifted] = field(default_factory=dict)

    def offer(self, candidate: Lifted | None) -> None:
        """Keep ``candidate`` if it beats what this field has so far."""
        if candidate is None or candidate.confidence < POSSIBLE:
            return
        slot = self.lifted if candidate.confidence >= threshold(candidate.field) else self.possible
        held = self.lifted.get(candidate.field)
        if held is not None:
            return
        current = slot.get(candidate.field)
        if current is None or candidate.confidence > current.confidence:
            slot[candidate.field] = candidate
        if slot is self.lifted:
            self.possible.pop(candidate.field, None)


def extract(text: str, lex: Lexicon) -> Extraction:
    """Every field the text gives with enough confidence (see the module docstring)."""
    page = Page.of(text, lex)
    result = Extraction()
    if not page.lines:
        return result
    title, copies = _title(page)
    result.offer(title)
    header = _header(page, title)
    for candidate in _dates(page, header, title):
        result.offer(candidate)
    for candidate in _page_authors(page, header, title, copies):
        result.offer(candidate)
    author = result.lifted.get("author")
    if author is not None and "date" not in result.lifted:
        for candidate in _dates_by_byline(page, author, title):
            result.offer(candidate)
    for candidate in _sources(page, header, title):
        result.offer(candidate)
    return result


def _lifted(name: str, value: Any, line: Line, rule: str, confidence: float, why: str) -> Lifted:
    return Lifted(
        name, value, line.index, line.start, line.end, rule, round(min(confidence, 1.0), 2), why
    )


# -- the headline -----------------------------------------------------------------------------


def _title(page: Page) -> tuple[Lifted | None, tuple[Line, ...]]:
    """The headline, and the other lines that print it again."""
    choice = choose(page, page.lines[0].lex.title_weights)
    if choice is None:
        return None, ()
    # Where the text opens with its article the model's choice is worth another probability
    # (cleaner.metadata.opening: kept apart from the model's features and weights).
    probability, because = opening.adjust(page, choice, threshold("title"))
    why = "; ".join((because, *choice.reasons) if because else choice.reasons)
    return _lifted("title", choice.line.text, choice.line, TITLE, probability, why), choice.copies


# -- the header -------------------------------------------------------------------------------


def _header(page: Page, title: Lifted | None) -> list[Line]:
    """The lines around the headline (or at the top) where bylines and dates are trusted."""
    lines = page.lines
    if title is not None and title.confidence >= POSSIBLE:
        start = title.line - HEADER_ABOVE
        stop = title.line + 1
    else:
        start = stop = 0
    prose = 0
    while stop < len(lines) and stop - (title.line if title else 0) <= HEADER_BELOW:
        if lines[stop].prose:
            prose += 1
            if prose >= 2:
                break
        stop += 1
    top = page.window(start, stop + 1)
    if title is not None and title.confidence >= POSSIBLE:
        return top
    # No headline: the header is also just above the article's prose (the run of lines
    # with the most prose), where a page without a found headline puts its byline and date.
    first = page.body[0]
    seen = {line.index for line in top}
    near = page.window(first - BODY_ABOVE, first)
    paragraphs = 0
    for line in page.window(first, first + BODY_BELOW):
        near.append(line)
        paragraphs += line.prose
        if paragraphs >= BODY_PARAGRAPHS:
            break  # a byline comes before the article's third paragraph (then: comments)
    return top + [line for line in near if line.index not in seen]


# -- the date ---------------------------------------------------------------------------------


def _glued(line: Line, hit: DateHit, previous: DateHit | None) -> bool:
    """Two dates with nothing between them: a theme's published and updated dates."""
    return previous is not None and not line.text[previous.end : hit.start].strip()


def _kinds(line: Line, page: Page) -> list[tuple[DateHit, str]]:
    """Each date of ``line`` with its kind. Of two glued dates ("June 29, 2020November 12,
    2021") one is the update, and themes print them in either order; an article cannot be
    updated before it is published, so the earlier one is the publication date."""
    kinds: list[tuple[DateHit, str]] = []
    previous = None
    above = page.window(line.index - 1, line.index)
    cue_above = above[0].date_cue if above else ""  # "Published" / "August 30, 2024"
    for hit in line.dates:
        kind = _date_kind(line, hit, previous)
        if (
            kind == "plain"
            and previous is None
            and cue_above
            and not line.text[: hit.start].strip()
        ):
            kind = cue_above
        if kind == "other" and _glued(line, hit, previous) and kinds:
            first, first_kind = kinds[-1]
            if (hit.year, hit.month, hit.day) < (first.year, first.month, first.day):
                kinds[-1] = (first, "other")
                kind = first_kind
        kinds.append((hit, kind))
        previous = hit
    return kinds


def _date_kind(line: Line, hit: DateHit, previous: DateHit | None) -> str:
    """published / other / plain, from the words right before the date."""
    lex = line.lex
    before = line.text[previous.end if previous else 0 : hit.start]
    if _glued(line, hit, previous):
        return "other"  # "June 29, 2020November 12, 2021": one of the two is the update
    if lex.other_date_cue.search(before):
        return "other"
    if lex.published_cue.search(before):
        return "published"
    if previous is None and lex.other_date_cue.search(line.text[: hit.start] + " "):
        return "other"
    return "plain"


def _page_order(page: Page, hit: DateHit) -> str:
    """The order an ambiguous date ("02-12-2025") is written in, as the page's other dates
    tell it: the page spells out one of its two readings ("December 02, 2025") and not the
    other, or its numeric dates whose numbers tell ("13/01/2026") are all in one order.
    (How the page writes dates with a month's name says nothing: "December 02, 2025" and
    "02-12-2025" for one day stand on one page.) "" when nothing settles it."""
    readings = {"MDY": (hit.month, hit.day), "DMY": (hit.day, hit.month)}
    spelled: set[str] = set()
    numeric: set[str] = set()
    for line in page.lines:
        for other in line.dates:
            if other.ambiguous:
                continue
            if other.numeric and other.order in readings:
                numeric.add(other.order)
            elif not other.numeric and other.year == hit.year:
                spelled |= {o for o, md in readings.items() if md == (other.month, other.day)}
    if len(spelled) == 1:
        return spelled.pop()
    return numeric.pop() if len(numeric) == 1 and not spelled else ""


# How much a date whose order only the page's other dates settle loses.
SETTLED_BY_PAGE = 0.1


def _dates(page: Page, header: list[Line], title: Lifted | None) -> list[Lifted]:
    found: list[Lifted] = []
    in_header = {line.index for line in header}
    plain_values: set[str] = set()
    for line in header:
        if _field_block(page, line, title) or _dated_list(page, line):
            continue  # "Date:" among "Venue:", "Kick-off:": the event's date, not the article's
        for hit, kind in _kinds(line, page):
            if kind == "other":
                continue
            if hit.ambiguous:
                order = _page_order(page, hit)
                settled = hit.settled(order)
                if settled is not None and settled.iso:
                    candidate = _date_candidate(line, settled, kind, title)
                    if candidate is not None:
                        why = f"'{hit.text}' read {order}, as the page's other dates settle it"
                        found.append(_weaker(candidate, SETTLED_BY_PAGE, why))
                        if candidate.rule == DATE_LINE:
                            plain_values.add(str(candidate.value)[:10])
                        continue
            candidate = _date_candidate(line, hit, kind, title)
            if candidate is not None:
                found.append(candidate)
                if candidate.rule == DATE_LINE:
                    plain_values.add(str(candidate.value)[:10])
    if len(plain_values) > 1:
        # Two different undated-by-cue dates in one header: the page lists other articles.
        found = [
            f if f.rule != DATE_LINE else _weaker(f, 0.45, "other dates beside it") for f in found
        ]
    away: list[tuple[Line, str, str]] = []
    for line in page.lines:
        if line.index in in_header:
            continue
        byline = line.byline
        cued = byline is not None and byline.shape == "cue"  # "Posted by Anna Smith on ..."
        dates_only = any(_dates_before(line, hit) for hit in line.dates[1:])
        if not (line.date_line or cued or dates_only) or _field_block(page, line, title):
            continue
        for hit, kind in _kinds(line, page):
            if hit.iso and kind == "published":
                away.append((line, hit.iso, "publication cue away from the headline"))
            elif hit.iso and cued and kind == "plain":
                away.append((line, hit.iso, "dated byline away from the headline"))
    # Away from the headline, a publication cue or a dated byline still names the article's
    # date when it is the only date they give on the page; several are a list of articles
    # (or comments).
    only = len({value[:10] for _, value, _ in away}) == 1
    for line, value, why in away:
        if page.under_teasers(line):
            continue  # another article's date, under "Related articles"
        why += "" if only else ", among other dates"
        found.append(_lifted("date", value, line, DATE_CUE, 0.65 if only else 0.45, why))
    found.sort(key=lambda f: -f.confidence)
    note = _original_note(page)
    if note is not None and found and found[0].rule == DATE_LINE:
        value, line = note
        if value[:10] < str(found[0].value)[:10]:
            why = (
                "the article's note of its first publication; the header's later date is an update"
            )
            found.insert(0, _lifted("date", value, line, DATE_CUE, ORIGINAL_NOTE, why))
    return found


# A note of first publication outranks a header's plain date line (0.85), never a cue's.
ORIGINAL_NOTE = 0.9


def _original_note(page: Page) -> tuple[str, Line] | None:
    """The date of the article's own note that it first appeared earlier ("This article
    was originally published on 26 Sep 2019 at 4:12pm but has been regularly updated"),
    anywhere on the page but in a list of other articles, when the page gives one such
    date; and the line it is on."""
    notes: dict[str, Line] = {}
    for line in page.lines:
        previous = 0
        for hit in line.dates:
            before = line.text[previous : hit.start]
            previous = hit.end
            if hit.iso is None or hit.ambiguous:
                continue
            if line.lex.original_date_cue.search(before) and not page.under_teasers(line):
                notes.setdefault(hit.iso, line)
    if len({value[:10] for value in notes}) != 1:
        return None
    return next(iter(notes.items()))


# How far from a byline its date line sits ("By" / "Sara Brown" / "Apr 21, 2021").
BYLINE_DATE_REACH = 2


def _dates_by_byline(page: Page, author: Lifted, title: Lifted | None) -> list[Lifted]:
    """The date printed with a byline the extractor trusts, wherever on the page: the
    byline's own date, or a date line right above or under it."""
    if author.rule not in {AUTHOR_CUE, AUTHOR_ROLE, AUTHOR_NAME}:
        return []  # an author box or bio is not where an article prints its date
    found = []
    near = page.window(author.line - BYLINE_DATE_REACH, author.line + BYLINE_DATE_REACH + 1)
    for line in near:
        if not line.date_line or page.under_teasers(line) or _field_block(page, line, title):
            continue
        for hit, kind in _kinds(line, page):
            starts = not line.text[: hit.start].strip(" [(-–•*")
            if hit.iso and (kind == "published" or (kind == "plain" and starts)):
                why = "date beside the byline"
                confidence = min(author.confidence, 0.7)
                found.append(_lifted("date", hit.iso, line, DATE_LINE, confidence, why))
                break
    # Dates on both sides of the byline disagree: say nothing.
    return found if len({f.value[:10] for f in found}) == 1 else []


_FIELD = regex.compile(r"^[\p{L}][\p{L} -]{1,20}:\s*\S")
_BARE_LABEL = regex.compile(r"^[\p{L}][\p{L} -]{1,20}:$")


def _field_block(page: Page, line: Line, title: Lifted | None) -> bool:
    """A "Label: value" line next to another such line with another label (match info).
    The headline is not a field even when it has a colon ("AI in Education: The Rise of
    ...", then "Published on: February 14, 2025")."""
    label = _label(page, line)
    if label is None:
        return False
    headline = title.line if title is not None else -1
    above = page.window(line.index - 1, line.index)
    reach = 2 if above and _BARE_LABEL.match(above[0].text) else 1
    return any(
        (_FIELD.match(o.text) or _BARE_LABEL.match(o.text))
        and o.text.split(":", 1)[0].lower() not in {label, *_header_label(o)}
        for o in page.window(line.index - reach, line.index + reach + 1)
        if o is not line and o.index != headline
    )


def _label(page: Page, line: Line) -> str | None:
    """The label of a "Label: value" line, or of "Label:" alone on the line above."""
    if _FIELD.match(line.text):
        return line.text.split(":", 1)[0].lower()
    above = page.window(line.index - 1, line.index)
    if above and _BARE_LABEL.match(above[0].text):
        return above[0].text.split(":", 1)[0].lower()
    return None


def _dated_list(page: Page, line: Line) -> bool:
    """A line that starts with a date between lines that start with other dates: a
    changelog or an archive ("2021-08-09 Emphasizing ...", "2022-04-12 Link to ...")."""
    if not _starts_with_date(line):
        return False
    return any(
        _starts_with_date(o) and o.dates[0].iso != line.dates[0].iso
        for o in page.window(line.index - 1, line.index + 2)
        if o is not line
    )


def _starts_with_date(line: Line) -> bool:
    return bool(line.dates) and not line.text[: line.dates[0].start].strip(" [(-–•*")


def _header_label(line: Line) -> tuple[str, ...]:
    """The label of an article header's own "Label: value" line ("Author:", "Updated:"):
    beside "Published: ..." it makes a header, not an event's fields."""
    label = line.text.split(":", 1)[0]
    if line.lex.date_cue_only(label) or line.lex.byline_cue.fullmatch(label.strip()):
        return (label.lower(),)
    return ()


def _weaker(lifted: Lifted, by: float, why: str) -> Lifted:
    confidence = round(lifted.confidence - by, 2)
    return replace(lifted, confidence=confidence, why=f"{lifted.why}; {why}")


# A time zone ("ET", "IST") or the half of the day ("PM", "a.m.") after a date's time.
_TIME_WORD = regex.compile(r"^(?:\p{Lu}{2,4}|[AaPp]\.?[Mm]\.?)$")


def _dates_before(line: Line, hit: DateHit) -> bool:
    """Whether only other dates with their cues and times of day come before ``hit``: a
    header's line of dates, however long ("Updated November 11, 2022 8:23 PM ET Originally
    published November 9, 2022 11:01 AM ET"), not a sentence that names a date."""
    if line.prose and line.words > 30:
        return False
    before = line.text[: hit.start]
    for other in line.dates:
        if other.end <= hit.start:
            before = before.replace(other.text, " ")
    lex = line.lex
    cue_words = {w for cue in (*lex.published_cues, *lex.other_date_cues) for w in cue.split()}
    words = regex.findall(r"\p{L}[\p{L}.]*", before)
    return bool(words) and all(
        w.lower().rstrip(".") in cue_words or _TIME_WORD.match(w) for w in words
    )


def _date_candidate(line: Line, hit: DateHit, kind: str, title: Lifted | None) -> Lifted | None:
    value = hit.iso
    if hit.ambiguous:
        return _lifted(
            "date",
            hit.possible(),
            line,
            DATE_LINE,
            0.35,
            f"'{hit.text}' reads either way round",
        )
    if value is None:
        return None
    near = title is None or abs(line.index - title.line) <= 4
    if kind == "published" and (line.date_line or hit.start <= 30 or _dates_before(line, hit)):
        return _lifted("date", value, line, DATE_CUE, 0.95 if near else 0.8, "publication cue")
    # "On May 2, 2025 By Anna Smith In Travel , Guides", "Posted by BeauHD on Friday
    # December 19, 2025 @08:00PM from the skewed-job-market dept." (a sentence, but a byline)
    cued_byline = (line.byline is not None and line.byline.shape == "cue") or bool(line.handle)
    if line.date_line or cued_byline:
        return _lifted(
            "date",
            value,
            line,
            DATE_LINE,
            0.85 if near else 0.7,
            "date line in the article's header",
        )
    prefix = line.text[: hit.start]
    if line.prose and _LEAD_DATE.match(prefix):
        return _lifted("date", value, line, DATE_DATELINE, 0.7, "dateline opening the article")
    return None


# -- the author -------------------------------------------------------------------------------


# What an author gets when the copies of a headline printed more than once have bylines naming
# different people: reported as possible, never lifted.
COPIES_DISAGREE = 0.5


def _page_authors(
    page: Page, header: list[Line], title: Lifted | None, copies: tuple[Line, ...]
) -> list[Lifted]:
    """The author candidates, read against the page and not only against the copy of the
    headline the model chose. A page that prints its headline more than once (the H1 and a
    sticky header, a teaser of the same story, a share box) has a header under each copy,
    and which copy wins is a matter of small weights: when another copy's header names
    someone other than the author found, the page does not say which of them wrote the
    article, so nobody is lifted (a "possible author" finding says who), whichever copy won.
    A copy whose header names nobody changes nothing: copies far down the page are mostly
    in lists of other articles, and their headers are not read as the article's."""
    found = _authors(page, header, title)
    if title is None or title.confidence < POSSIBLE or not copies:
        return found
    own = _strongest(found)
    if own is None:
        return found
    for copy in copies:
        at = replace(title, line=copy.index, start=copy.start, end=copy.end)
        other = _strongest(_header_authors(page, _header(page, at), at))
        if other is not None and _people(other) != _people(own):
            why = f"another copy of the headline has another byline ({', '.join(other.value)})"
            cap = COPIES_DISAGREE
            return [_weaker(f, f.confidence - cap, why) if f.confidence > cap else f for f in found]
    return found


def _strongest(found: list[Lifted]) -> Lifted | None:
    """The candidate that would be lifted: the most confident at or above the threshold."""
    lifts = [f for f in found if f.confidence >= threshold("author")]
    return max(lifts, key=lambda f: f.confidence, default=None)


def _people(lifted: Lifted) -> frozenset[str]:
    return frozenset(fold(name) for name in lifted.value)


def _header_authors(page: Page, header: list[Line], title: Lifted | None) -> list[Lifted]:
    """The bylines of the article's header (the lines around the headline)."""
    found: list[Lifted] = []
    for cue_line in header:
        found_byline = page.byline(cue_line)
        if found_byline is None:
            given = _given_name_card(page, cue_line, title)
            if given:
                why = "first name under the headline, with a date or read time"
                if title is None or not 0 < cue_line.index - title.line <= 2:
                    why = "first name over a date and a read time"
                found.append(_lifted("author", [given], cue_line, AUTHOR_NAME, 0.75, why))
            else:
                found.extend(_team(page, cue_line, title) or _handle(page, cue_line))
            continue
        byline, line = found_byline
        names = list(byline.names)
        if byline.shape == "cue":
            found.append(_lifted("author", names, line, AUTHOR_CUE, 0.95, "byline"))
        elif _list_item(page, line, title) or _card(page, byline):
            continue  # "Fairless Hills, PA" among "Olney, PA", "Ewing, NJ": a menu, not a byline
        elif byline.shape in {"role", "agency", "dated"}:
            found.append(
                _lifted("author", names, line, AUTHOR_ROLE, 0.85, f"name with {byline.shape}")
            )
        elif byline.shape == "name":
            beside = [o for o in _beside(page, line) if o.date_line or o.read_time or _role_line(o)]
            under_title = (
                title is not None
                and title.confidence >= POSSIBLE
                and 0 < line.index - title.line <= 2
            )
            if _other_cards(page, line, beside):
                continue  # "Amar Hussain" / "Senior Contributor", "Keri Stooksbury" / "Editor"
            if len(names) == 1 and _subject_heading(page, line, names[0]):
                continue  # "Yosemite Falls" / "Yosemite Falls, a combination of ...": a topic
            if _credited_above(page, line, names):
                continue  # "Edited by: Keri Stooksbury" / "Keri Stooksbury": the editor's card
            if beside or under_title:
                why = "name beside a date or role" if beside else "name under the headline"
                found.append(_lifted("author", names, line, AUTHOR_NAME, 0.75, why))
            elif len(names) == 1 and _bio_below(page, line, names[0]):
                why = "name in the header, its writer's bio further down"
                found.append(_lifted("author", names, line, AUTHOR_NAME, 0.7, why))
    return _above_yields(found, title)


def _authors(page: Page, header: list[Line], title: Lifted | None) -> list[Lifted]:
    found = _header_authors(page, header, title)
    lines = page.lines
    # Bylines elsewhere, and author boxes.
    in_header = {line.index for line in header}
    away: list[tuple[Byline, Line]] = []
    dated: list[Line] = []  # "Shauna Mitchell" / "August 25, 2024" away from the headline
    links: list[tuple[list[str], Line]] = []  # "View all posts by Anna Smith"
    bios: list[Line] = []  # "Alban Brooke" / "Alban Brooke is the Head of Marketing at ..."
    for line in lines:
        box = _author_box(page, line)
        if box is not None:
            found.append(box)
            continue
        linked = _author_link(line)
        if linked:
            links.append((linked, line))
            continue
        if line.index in in_header:
            continue
        found_byline = page.byline(line)
        if found_byline is not None and found_byline[0].shape == "cue":
            away.append(found_byline)
        elif _name_over_date(page, line):
            dated.append(line)
        elif _name_over_bio(page, line, title):
            bios.append(line)
    # Away from the headline, a cue byline still names the article's author when it is the
    # page's only one and names people in full: several are comments or a list of articles,
    # and one word ("By State", "Posted by: Laura") is too little to go on there. The same
    # people twice is still one byline: the header's, repeated over the author box's bio.
    only = (
        (len(away) == 1 or (len(away) == 2 and any(_over_bio(page, b, on) for b, on in away)))
        and len({byline.names for byline, _ in away}) == 1
        and all(len(n.split()) >= 2 for n in away[0][0].names)
    )
    for byline, on in away:
        if page.under_teasers(on):
            continue  # another article's byline, under "Related articles"
        why = "byline away from the headline" + (", the page's only one" if only else "")
        found.append(
            _lifted("author", list(byline.names), on, AUTHOR_CUE, 0.65 if only else 0.4, why)
        )
    # A name over a date line away from the headline: the article's byline when the page
    # has no other (a list of articles pairs many names with dates).
    only_dated = len({line.byline.names for line in dated if line.byline}) == 1
    for line in dated[:1] if only_dated else []:
        if page.under_teasers(line) or _list_item(page, line, title):
            continue
        names = list(line.byline.names) if line.byline else []
        if all(name_like(word, line.lex) for name in names for word in name.split()):
            why = "name over a date, the page's only one"
            found.append(_lifted("author", names, line, AUTHOR_NAME, 0.65, why))
    # A name over its bio after the article: the author box a whole page prints before its
    # footer, when the page has one (a list of people gives each a name and a bio).
    if len(bios) == 1 and _name_over_bio(page, bios[0], title) == "titled":
        line = bios[0]
        names = list(line.byline.names) if line.byline else []
        why = "name over a bio with a job title, the page's only one"
        found.append(_lifted("author", names, line, AUTHOR_BOX, 0.65, why))
    # An author box's link to the writer's other posts, when the page links to one writer.
    if len({tuple(names) for names, _ in links}) == 1:
        names, line = links[0]
        why = "link to the writer's other posts"
        found.append(_lifted("author", names, line, AUTHOR_BOX, 0.65, why))
    owner = _site_owner(page) or _copyright_holder(page)
    if owner is not None:
        found.append(owner)
    found.sort(key=lambda f: -f.confidence)
    return found


def _credited_above(page: Page, line: Line, names: list[str]) -> bool:
    """The line above credits these people with another part than the writing ("Edited
    by: Keri Stooksbury" over "Keri Stooksbury" / "Editor-in-Chief"): their card."""
    above = page.window(line.index - 1, line.index)
    if not above or above[0].words > 12:
        return False
    m = line.lex.not_byline_cue.match(above[0].text)
    return m is not None and all(n in above[0].text[m.end() :] for n in names)


def _over_bio(page: Page, byline: Byline, line: Line) -> bool:
    """A byline over its writer's bio: the next line is prose that opens with the writer's
    name or surname ("Written by: Sean Peek, Senior Analyst" / "Sean Peek co-founded ...").
    The same byline twice is then the header's and the author box's, not two comments."""
    nxt = page.window(line.index + 1, line.index + 2)
    if len(byline.names) != 1 or not nxt or not nxt[0].prose:
        return False
    name = byline.names[0]
    return nxt[0].text.startswith((name + " ", name.split()[-1] + " "))


def _author_link(line: Line) -> list[str]:
    """The people an author box's link names ("View all posts by Craig Randall ->"), in
    full; nothing else may follow them."""
    if line.words > 12:
        return []
    text = line.text.strip()
    around = line.lex.author_link_around.match(text)
    m = line.lex.author_link.match(text)
    if around is not None:
        text = around.group("name")
    elif m is not None:
        text = text[m.end() :].strip()
    else:
        return []
    names, tail = people(text, line.lex)
    if regex.search(r"[\p{L}\d]", tail) or not names:
        return []
    if not all(len(n.split()) >= 2 and name_like(n, line.lex) for n in names):
        return []
    return names


def _site_owner(page: Page) -> Lifted | None:
    """A person's name as the page's first line: the site's name on a personal blog
    ("Cory Dransfeldt" / "Feeds Status updates" / ...), whose posts that person writes. The
    weakest author evidence, taken when the page names no one else; only a given name and
    a surname that is no ordinary word ("Erin Spain", not "Skip Navigation")."""
    line = page.lines[0]
    byline = line.byline
    if byline is None or byline.shape != "name" or len(byline.names) != 1:
        return None
    if not given_name_led(byline.names[0], line.lex):
        return None
    why = "a person's name as the site's name"
    return _lifted("author", list(byline.names), line, AUTHOR_NAME, SITE_OWNER, why)


# How far from the end of the page a footer's copyright notice is looked for, in lines.
FOOTER_REACH = 15


def _copyright_holder(page: Page) -> Lifted | None:
    """A person as the holder of the footer's copyright notice ("© 2025 Toby Hede. All rights
    reserved.") whose name the site's addresses spell ("tobyhede@GitHub"): a personal site's
    owner, like a person's name as the site's name. Only a given name and a surname that is
    no ordinary word, alone before the notice's next sentence or separator; a company is
    never the author."""
    holders: dict[str, Line] = {}
    for line in page.window(len(page.lines) - FOOTER_REACH, len(page.lines)):
        m = line.lex.copyright_notice.match(line.text)
        if m is None or line.words > 16:
            continue
        holder = _HOLDER_END.split(line.text[m.end() :], maxsplit=1)[0].strip()
        name = person(holder, line.lex) if holder else None
        if name is None or name != holder or not given_name_led(name, line.lex):
            continue
        if _site_named_after(page, name, line):
            holders.setdefault(name, line)
    if len(holders) != 1:
        return None
    ((name, line),) = holders.items()
    why = "a person holds the site's copyright"
    return _lifted("author", [name], line, AUTHOR_NAME, SITE_OWNER, why)


def _site_named_after(page: Page, name: str, notice: Line) -> bool:
    """Whether the page's own addresses spell ``name`` as one word ("tobyhede@GitHub",
    "hello@madelinemarquardt.com"): the site is that person's, not a company's that a
    person happens to register."""
    joined = "".join(regex.findall(r"\p{L}+", name.lower()))
    return any(
        joined in token
        for line in page.lines
        if line is not notice
        for token in line.text.lower().split()
        if _ADDRESS_TOKEN.search(token)
    )


# A token of an address: an e-mail, a web address or a user handle ("tobyhede@GitHub").
_ADDRESS_TOKEN = regex.compile(r"[@/]|\.\p{L}{2,}")

# Where a copyright holder's name ends: the notice's next sentence, a separator, a year.
_HOLDER_END = regex.compile(r"[.|•·,;]\s|[.|•·,;]$|\s[-–—]\s|\s\d{4}\b")


# Below every other author evidence that is lifted (0.65 and up).
SITE_OWNER = 0.62


def _given_name_card(page: Page, line: Line, title: Lifted | None) -> str:
    """A given name alone just under the headline, with a date or a read time after it
    ("Stefan" / "March 5, 2026" / "9 min read", "Susan December 9, 2024 0 Comments"): a
    blog theme's author card that prints the author's first name only. One word is a name
    only when it is a given name (``rules/metadata/given-names.txt``) and only here; away
    from a found headline, only with both a date and a read time under it. A rare word the
    name lists lack ("Gabo") counts only in that whole card."""
    m = _CAPITALISED.match(line.text)
    if m is None:
        return ""
    if m.group().lower() not in line.lex.given_names:
        # A name the lists lack ("Gabo"): only in the whole card, and a rare word.
        lex = line.lex
        word = m.group()
        if word.lower() in lex.not_names or lex.is_job_word(word) or not rare_word(word):
            return ""
        return word if _full_card(page, line, m.end()) else ""
    if title is None or title.confidence < POSSIBLE or not 0 < line.index - title.line <= 2:
        return m.group() if _full_card(page, line, m.end()) else ""
    if line.words == 1 and not line.text[m.end() :].strip():
        under = page.window(line.index + 1, line.index + 3)
        dated = bool(under) and under[0].date_line and _starts_with_date(under[0])
        return m.group() if dated or any(o.read_time for o in under) else ""
    first = line.dates[0] if line.date_line else None
    if first is None or first.start < m.end():
        return ""  # "June 9, 2025": the word is the date's month
    return "" if line.text[m.end() : first.start].strip() else m.group()


_CAPITALISED = regex.compile(r"(?:[-•]\s+)?\K\p{Lu}\p{Ll}+\b")
# "2 days ago", "Jan 23": when a blog theme's card was printed, without its year.
_CARD_DATE = regex.compile(
    r"^(?:[-•]\s+)?(?:\d+\s+(?:minutes?|hours?|days?|weeks?|months?)\s+ago|"
    rf"(?i:{MONTH})\.?\s+\d{{1,2}})$"
)


def _full_card(page: Page, line: Line, end: int) -> bool:
    """A given name alone, a date under it, a read time under that ("Ben" / "2 days ago" /
    "6 min read", "- Gabo" / "- Jan 23" / "- 11 min read"): the whole author card of a blog
    theme, which says whose post it is wherever the headline was not found."""
    if line.words != 1 or line.text[end:].strip():
        return False
    under = page.window(line.index + 1, line.index + 3)
    if len(under) < 2 or not under[1].read_time or under[1].dates:
        return False
    date = under[0]
    return bool(_CARD_DATE.match(date.text)) or (date.date_line and _starts_with_date(date))


def _beside(page: Page, line: Line) -> list[Line]:
    """The lines next to ``line``, looking past one tag or count between ("Emmanuel
    Oyibo" / "#Cloud Computing" / "Published on ...", "Emmanuel John" / "210412" / date)."""
    found = []
    for step in (-1, 1):
        j = line.index + step
        for _ in range(2):
            if not 0 <= j < len(page.lines):
                break
            other = page.lines[j]
            found.append(other)
            if other.prose or other.words > 3 or other.byline is not None:
                break
            j += step
    return found


# How far apart two name cards ("Anna Smith" / "Senior Editor") can stand and still be one
# header's cards (author, editor, reviewer).
CARD_REACH = 4


def _other_cards(page: Page, line: Line, beside: list[Line]) -> bool:
    """A name beside a job title, with another job title a few lines away that is not its
    own: the header shows several people's cards (the author's, the editor's, the fact
    checker's), and which one wrote the article the page does not say."""
    roles = [o for o in beside if o.role]
    if not roles:
        return False
    own = min(roles, key=lambda o: abs(o.index - line.index))  # the nearest is its own
    return any(
        o.role and o is not own
        for o in page.window(line.index - CARD_REACH, line.index + CARD_REACH + 1)
        if o is not line
    )


# A team's byline yields to a person's anywhere in the header (below "name under the
# headline", 0.75), and one without a cue needs a date, a read time or the headline beside it.
TEAM_CUED = 0.7
TEAM_UNCUED = 0.65
# A user name after a cue ("Posted by BeauHD"): below a person's name and a cued team's.
HANDLE_CUED = 0.65


def _team(page: Page, line: Line, title: Lifted | None) -> list[Lifted]:
    """A header's byline that credits a team or desk ("By the Upwork Team", "EcoCult Staff"
    over the date): the group is the author the page gives, its name as written."""
    cued = page.team(line)
    if cued is not None:
        name, on = cued
        return [_lifted("author", [name], on, AUTHOR_TEAM, TEAM_CUED, "team byline")]
    if line.team is None:
        return []
    beside = [o for o in _beside(page, line) if o.date_line or o.read_time]
    under_title = (
        title is not None and title.confidence >= POSSIBLE and 0 < line.index - title.line <= 2
    )
    if not (beside or under_title) or _list_item(page, line, title):
        return []
    why = "team beside a date" if beside else "team under the headline"
    return [_lifted("author", [line.team[0]], line, AUTHOR_TEAM, TEAM_UNCUED, why)]


def _handle(page: Page, line: Line) -> list[Lifted]:
    """A header's cued byline that gives a user name ("by jsteinhardt"): the writer as the
    site knows them, as written; below a person's name and a team's."""
    found = page.handle(line)
    if found is None:
        return []
    name, on = found
    if any(o.role for o in page.window(on.index + 1, on.index + 2)):
        return []  # "Written by HomeAdvisor" / "Staff Writer": a company's staff, unnamed
    return [_lifted("author", [name], on, AUTHOR_HANDLE, HANDLE_CUED, "user name after a cue")]


def _above_yields(found: list[Lifted], title: Lifted | None) -> list[Lifted]:
    """Header bylines above the headline, when another one stands under it: the one above
    closes the teaser card of another article ("The best travel cameras" / "by Andy
    Westlake" / headline / "Joshua Waller"), so it yields to the one under the headline."""
    if title is None or title.confidence < POSSIBLE:
        return found  # no headline to stand above or under
    if not any(f.line > title.line for f in found):
        return found
    why = "above the headline, another byline under it"
    return [f if f.line > title.line else _weaker(f, ABOVE_YIELDS, why) for f in found]


# How much a byline above the headline loses to one under it: below a name under the
# headline (0.75), still a "possible author" finding.
ABOVE_YIELDS = 0.3


def _name_over_date(page: Page, line: Line) -> bool:
    """People's full names alone on their line with a date line (or a date cue) under it;
    a line of several names may be as long as their names ("Rui Ma , Heba Ledwon ,
    Manoel Cortes Mendez & Suparn Patra" / "Nov 25th, 2025")."""
    byline = line.byline
    if byline is None or byline.shape != "name" or line.words > 4 * len(byline.names) + 2:
        return False
    if any(len(name.split()) < 2 for name in byline.names):
        return False
    under = page.window(line.index + 1, line.index + 2)
    if not under:
        return False
    kinds = _kinds(under[0], page) if under[0].date_line else []
    return bool(under[0].date_cue) or (
        _starts_with_date(under[0]) or any(kind != "plain" for _, kind in kinds)
    )


_KIND = ("9", "a", "A")  # digits, lower-case word, capitalised word
_SHAPE_WORD = regex.compile(r"\p{Lu}[\p{L}\p{M}'’.-]*|\p{Ll}[\p{L}\p{M}'’.-]*|\d+")


def _shape(text: str) -> str:
    """A line's form with the words replaced by their kind: "Fairless Hills, PA" and
    "Ewing, NJ" are both "A, A"; "Airline Miles" and "Bilt Rewards" both "A"."""
    kinds = _SHAPE_WORD.sub(lambda m: _KIND[m.group()[0].isupper() + m.group()[0].isalpha()], text)
    return regex.sub(r"A(?:\s+A)+", "A", kinds)


def _card(page: Page, byline: Byline) -> bool:
    """A name with a role that other lines of the page give other names too ("Ezra Laniado -
    Author/Reviewer", "Robert Tschudi - Author/Reviewer"): cards of a list of articles."""
    rest = byline.rest.strip()
    if byline.shape == "name" or not rest:
        return False
    return any(
        other.byline is not None
        and other.byline.rest.strip() == rest
        and other.byline.names != byline.names
        for other in page.lines
        if other.words <= 12
    )


def _list_item(page: Page, line: Line, title: Lifted | None) -> bool:
    """A line between two lines of the same form that are neither the headline nor a byline,
    a date or a job title: one item of a menu or a list of places."""
    lifted = title is not None and title.confidence >= threshold("title")
    headline = title.line if lifted else -1
    around = [
        *page.window(line.index - 1, line.index),
        *page.window(line.index + 1, line.index + 2),
    ]
    if len(around) < 2:
        return False
    form = _shape(line.text)
    return all(
        o.index != headline
        and o.text != line.text
        and not (o.dates or o.role or o.read_time)
        and _shape(o.text) == form
        for o in around
    )


def _role_line(line: Line) -> bool:
    """A line that is only a job title ("Senior Editor", "VP - Technology")."""
    return line.role


def _author_box(page: Page, line: Line) -> Lifted | None:
    lex = line.lex
    m = _FIRST_PERSON_BIO.match(line.text)
    if m and _bio_role(m.group("role"), lex):
        name = person(m.group("name"), lex)
        if name:
            return _lifted("author", [name], line, AUTHOR_BOX, 0.8, "first-person writer's bio")
    m = _FIRST_PERSON_INTRO.match(line.text)
    if m and is_role(m.group("role"), lex):
        name = person(m.group("name"), lex)
        if name and name_like(name, lex):
            why = "the writer introducing themselves with a job title"
            return _lifted("author", [name], line, AUTHOR_BOX, 0.7, why)
    if line.key in lex.author_box_cues:
        nxt = page.window(line.index + 1, line.index + 2)
        avatars = _avatar_cards(page, line.index + 1)
        if avatars:
            names, first = avatars
            return _lifted("author", names, first, AUTHOR_BOX, 0.7, "author box's avatar cards")
        if nxt:
            names, _ = people(nxt[0].text, lex)
            if names and all(name_like(n, lex) for n in names) and nxt[0].words <= 6:
                return _lifted("author", names, nxt[0], AUTHOR_BOX, 0.7, "author box")
            name = _bio_name(nxt[0].text, lex)  # "About the Author:" / "Anna Smith is a ..."
            if name:
                return _lifted("author", [name], nxt[0], AUTHOR_BOX, 0.7, "author box's bio")
        label = _labelled_card(page, line)
        if label is not None:
            return label
    cue, _, rest = line.text.partition(":")  # "About the author: Anna Smith is a ..."
    if rest and fold(cue) in lex.author_box_cues:
        name = _bio_name(rest.strip(), lex)
        if name:
            return _lifted("author", [name], line, AUTHOR_BOX, 0.7, "author box's bio")
    boxed = _about_person(page, line) or _closing_bio(page, line) or _closing_card(page, line)
    if boxed is not None:
        return boxed
    m = _THIRD_PERSON_BIO.match(line.text)
    if m and _bio_role(m.group("role"), lex) and line.index > len(page.lines) // 2:
        name = person(m.group("name"), lex)
        if name:
            return _lifted("author", [name], line, AUTHOR_BOX, 0.5, "third-person bio")
    return None


# How many lines from the end a closing bio may stand.
CLOSING_BIO_REACH = 3
_CLOSING_BIO = regex.compile(
    r"^\(?(?P<name>\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3})\s+is\s+(?:an?\s+|the\s+)?"
    r"(?P<role>(?:[\w-]+\s+){1,6}?)(?:at|of|for|with|in)\b"
)


def _closing_bio(page: Page, line: Line) -> Lifted | None:
    """Bios closing the text ("Chris Radich is the public sector CTO ... at UiPath", "(Paul
    Fenaroli is an Associate Attorney at Pastore ...)"): the author box an extract keeps
    after the article; co-authors' bios follow each other. Only in the last lines, and
    only with a job title in one of them ("Hugo Ortega is back at it with ..." is the
    article's last paragraph about its subject)."""
    first = len(page.lines) - CLOSING_BIO_REACH
    if line.index < first or _bio_person(line) is None:
        return None
    above = page.window(max(first, line.index - 1), line.index)
    if above and _bio_person(above[0]) is not None:
        return None  # the first of several bios speaks for them all
    names: list[str] = []
    titled = False
    for other in page.window(line.index, len(page.lines)):
        found = _bio_person(other)
        if found is None:
            break
        names.append(found[0])
        titled = titled or found[1]
    if not titled:
        return None
    run = range(line.index, line.index + len(names))
    if any(_bio_person(o) for o in page.lines[: line.index] if o.index not in run):
        return None  # one of several people's bios: a list of people, not an author box
    return _lifted("author", names, line, AUTHOR_BOX, 0.65, "a bio closing the text")


def _about_person(page: Page, line: Line) -> Lifted | None:
    """An author box headed with the writer's name ("About Alexa" / "Alexa Amador is a
    writer, graphic designer ..."): the bio must open with that name and give a job title
    ("About Scripps Health" / "Scripps Health is a not-for-profit ..." is an organisation's)."""
    m = line.lex.author_about.match(line.text)
    under = page.window(line.index + 1, line.index + 2)
    if m is None or not under:
        return None
    bio = _BIO_START.match(under[0].text)
    if bio is None or not bio.group("name").startswith(m.group("name")):
        return None
    lex = line.lex
    name = person(bio.group("name"), lex)
    role = under[0].text[bio.end() :].split()[:8]
    titled = any(lex.is_job_noun(w.strip(",.;")) for w in role) or _bio_role(" ".join(role), lex)
    if name is None or not name_like(name, lex) or not titled:
        return None
    return _lifted("author", [name], under[0], AUTHOR_BOX, 0.7, "author box headed with the name")


def _name_over_bio(page: Page, line: Line, title: Lifted | None) -> str:
    """A person's full name alone on its line after the article's prose, over a bio that
    speaks of them: "titled" when the bio gives a job title ("Alban Brooke" / "Alban Brooke
    is the Head of Marketing at Buzzsprout ...", "Albert Swann" / "(Editor / Journalist) -
    Albert comes from ..."), "untitled" when not, "" when the line is no such name. The job
    title tells a writer's box from a heading over a paragraph about the article's subject
    ("Apache Spark" / "Apache Spark is ..."); several such names are a list of people."""
    if title is None or line.index <= title.line or line.words > 6:
        return ""
    byline = line.byline
    if byline is None or byline.shape != "name" or len(byline.names) != 1:
        return ""
    name = byline.names[0]
    if len(name.split()) < 2 or not name_like(name, line.lex):
        return ""
    around = page.window(line.index - 1, line.index + 2)
    if len(around) < 3 or not around[0].prose or not around[2].prose:
        return ""
    if page.under_teasers(line):
        return ""
    bio = around[2]
    found = _bio_person(bio)
    if found is not None and found[0].split()[0] == name.split()[0]:
        return "titled" if found[1] else "untitled"
    role = _TITLE_END.split(bio.text.lstrip("( "), 1)[0]
    after = bio.text[bio.text.find(role) + len(role) :].split()[:4]
    if not any(w.strip("–—-,.:;()") in name.split() for w in after):
        return ""  # the paragraph under it does not speak of the person
    return "titled" if role.strip() and is_role(role, line.lex) else "untitled"


def _closing_card(page: Page, line: Line) -> Lifted | None:
    """A name over a job title closing the text ("Jayesh Shinde" / "Executive Editor at
    Digit. Technology journalist since ...", "Albert Swann" / "(Editor / Journalist) -
    Albert comes from ..."): the author box an extract keeps after the article."""
    if line.index < len(page.lines) - CLOSING_BIO_REACH or line.index + 1 >= len(page.lines):
        return None
    byline = line.byline
    if byline is None or byline.shape != "name" or line.words > 6:
        return None
    names = list(byline.names)
    if not all(len(n.split()) >= 2 and name_like(n, line.lex) for n in names):
        return None
    under = page.lines[line.index + 1].text.lstrip("( ")
    title = _TITLE_END.split(under, 1)[0]
    if not title.strip() or not is_role(title, line.lex):
        return None
    return _lifted(
        "author", names, line, AUTHOR_BOX, 0.65, "a name over a job title closing the text"
    )


# Where a job title ends in the line under a name: "Executive Editor at Digit.", "(Editor /
# Journalist) - Albert comes from ...".
_TITLE_END = regex.compile(r"\s+(?:at|of|for|with)\s+|[.,;:)–—]|\s-\s")


# How many words of a bio's opening may come before its job title or writer's role.
BIO_ROLE_REACH = 12


def _subject_heading(page: Page, line: Line, name: str) -> bool:
    """Whether the paragraph right under ``line`` opens with ``name`` and is no writer's
    bio: the line heads a paragraph about its subject ("Yosemite Falls" / "Yosemite Falls,
    a combination of Upper Yosemite Fall, ..."), as a listicle's sections do, and the name
    is a place's or a thing's. A writer's bio there ("Anna Kowalski is a freelance travel
    writer ...") names the writer and keeps the byline."""
    under = page.window(line.index + 1, line.index + 2)
    if not under or not under[0].prose:
        return False
    text = under[0].text
    if not text.startswith(name) or text[len(name) : len(name) + 1].isalpha():
        return False
    lex = line.lex
    words = [w.strip(",.;:()") for w in text[len(name) :].split()[:BIO_ROLE_REACH]]
    return not (_bio_role(" ".join(words), lex) or any(lex.is_job_noun(w) for w in words))


def _bio_below(page: Page, line: Line, name: str) -> bool:
    """Whether a paragraph further down opens with ``name`` and says what they do as a
    writer or by job title ("Julia Gralberg is a freelance travel writer, editor of ..."):
    the author box that confirms a name alone in the header."""
    lex = line.lex
    for other in page.window(line.index + 1, len(page.lines)):
        if not other.prose or not other.text.startswith(name + " "):
            continue
        words = other.text[len(name) :].split()[:BIO_ROLE_REACH]
        if not words or words[0] not in lex.bio_verbs:
            continue
        opening = " ".join(w.strip(",.;:()") for w in words)
        if _bio_role(opening, lex) or any(lex.is_job_noun(w) for w in words):
            return True
    return False


def _bio_person(line: Line) -> tuple[str, bool] | None:
    """The person a bio line opens with, and whether it gives them a job title."""
    if not line.prose:
        return None
    m = _CLOSING_BIO.match(line.text)
    if m is None:
        return None
    lex = line.lex
    name = person(m.group("name"), lex)
    if name is None or not name_like(name, lex):
        return None
    role = m.group("role")
    if any(lex.is_job_noun(w) for w in role.split()) or _bio_role(role, lex):
        return name, True
    # "is the Head of Marketing at", "is the Chief of Staff for": a job word before "of"
    head = role.split()
    return name, len(head) == 1 and lex.is_job_word(head[0]) and m.group(0).endswith("of")


_INITIALS = regex.compile(r"\p{Lu}{2,3}")


def _initials_of(initials: str, line: Line) -> bool:
    """Whether ``initials`` ("CP") are the initials of the name on ``line`` ("Chengcheng
    Pei"): the letters of an avatar a theme prints where the writer has no photo."""
    names = line.byline.names if line.byline is not None and line.byline.shape == "name" else ()
    return len(names) == 1 and initials == "".join(w[0] for w in names[0].split())


def _avatar_cards(page: Page, start: int) -> tuple[list[str], Line] | None:
    """Under an author box heading, the writers' avatar cards: the initials a theme prints
    for a missing photo, the name under them, a job title under that ("Author" / "CP" /
    "Chengcheng Pei" / "Staff Software Engineer, MongoDB" / "YL" / "Yuan Lin" / ...). Each
    name must follow its own initials, so a menu or a heading is never read as one."""
    names: list[str] = []
    first: Line | None = None
    i = start
    while len(names) < 4:
        pair = page.window(i, i + 2)
        if len(pair) < 2 or not _INITIALS.fullmatch(pair[0].text):
            break
        if not _initials_of(pair[0].text, pair[1]):
            break
        name = pair[1].byline.names[0] if pair[1].byline else ""
        if not name_like(name, pair[1].lex):
            break
        names.append(name)
        first = first or pair[1]
        i += 2
        role = page.window(i, i + 1)
        if role and not role[0].prose and role[0].words <= 10 and role[0].byline is None:
            i += 1  # the card's job title
    return (names, first) if names and first is not None else None


def _labelled_card(page: Page, line: Line) -> Lifted | None:
    """An author label under the name ("Nawaz Dhandala" / "Author" / "@nawaz • Jan 26,
    2026"): the avatar card of an author box, which names the writer before its label."""
    above = page.window(line.index - 1, line.index)
    if line.words > 2 or not above or above[0].words > 6:
        return None
    byline = above[0].byline
    if byline is None or byline.shape != "name":
        return None
    names = list(byline.names)
    if not all(len(n.split()) >= 2 and name_like(n, line.lex) for n in names):
        return None
    return _lifted("author", names, above[0], AUTHOR_BOX, 0.7, "name over an author label")


_BIO_START = regex.compile(
    r"^(?P<name>\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3})(?:,\s[^,]{2,40},)?\s+"
    r"(?:is|was|has|writes|covers)\b"
)


def _bio_name(text: str, lex: Lexicon) -> str | None:
    """The person a bio under an author box heading is about: "Anna Smith is a ...", also
    after a byline cue the theme prints first ("Author Matt Check is the Head Winemaker")."""
    cue = lex.byline_cue.match(text)
    if cue is not None:
        text = text[cue.end() :].lstrip(" :")
    m = _BIO_START.match(text)
    return person(m.group("name"), lex) if m else None


def _bio_role(role: str, lex: Lexicon) -> bool:
    words = f" {role} ".lower()
    return any(f" {r} " in words for r in lex.bio_roles)


# -- source and dateline ----------------------------------------------------------------------


def _sources(page: Page, header: list[Line], title: Lifted | None) -> list[Lifted]:
    found: list[Lifted] = []
    lex = page.lines[0].lex
    for line in page.lines[:3]:
        m = _DATELINE.match(line.text)
        if m and lex.is_agency(m.group("agency")):
            found.append(_lifted("dateline", m.group("place"), line, DATELINE, 0.9, "dateline"))
            found.append(
                _lifted(
                    "source", m.group("agency"), line, SOURCE_AGENCY, 0.9, "agency in the dateline"
                )
            )
            break
    cues = "|".join(regex.escape(c) for c in lex.source_cues)
    pattern = regex.compile(rf"^(?:{cues})\s*:\s*(?P<source>\S.{{0,60}}?)\W*$", regex.IGNORECASE)
    for line in page.lines:
        if line.words > 8:
            continue
        m = pattern.match(line.text)
        if m:
            found.append(
                _lifted("source", m.group("source"), line, SOURCE_LINE, 0.9, "source line")
            )
    for line in header:
        byline = line.byline
        if byline is not None and byline.source and not _list_item(page, line, title):
            found.append(
                _lifted("source", byline.source, line, SOURCE_AGENCY, 0.8, "agency in the byline")
            )
    return found
