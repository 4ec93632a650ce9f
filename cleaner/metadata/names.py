"""Bylines and the people in them: ``By Anna Smith and Li Wei``, ``Anna Smith | Staff
Writer``, ``Written by: Anna Smith, PhD``, ``Anna Smith, Reuters``, a name alone on a line.

The answer is a list of person names, or nothing. Job titles, "Staff", team names, agencies
and dates are what a byline says *besides* the names, so they end a name rather than become
one: a newsroom filing by author must never get "Staff Writer" or "Reuters" as a person. A
byline that credits only a team ("By the Upwork Team") is read apart (:func:`team_byline`):
the team is what the page gives as its author, but it is no person.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from cleaner.metadata.dates import DateHit, find_dates
from cleaner.metadata.lexicon import Lexicon, one_of

_ROLE_WORD = regex.compile(r"[\p{L}][\p{L}\-'’.]*")
_INITIAL = regex.compile(r"\p{Lu}\.")
# Two initials written without dots ("PJ Hamel", "AJ Willingham"); alone, or without a cue,
# two capitals are as often a country or a brand ("US Navy", "DC Comics").
_TWO_INITIALS = regex.compile(r"\p{Lu}{2}")
_RUN_TOKEN = regex.compile(r"[^\s,;&]+|[,;&]")
_DIGIT_NEXT = regex.compile(r"[\s.,]*\d")
_READ_TIME = regex.compile(r"\d+\s*(?:min(?:ute)?s?|hours?)\b(?:\s*read)?", regex.IGNORECASE)
_LETTERS = regex.compile(r"[\p{L}]+")
_COLON = regex.compile(r"\s*:\s*")
_WORDY = regex.compile(r"[\p{L}\d]")
# A capital inside a word after lower-case letters: "SolutionsHub", "IoT" (brands), unless
# the part before it is a name prefix ("McDonald", "DeSiato", "LaToya").
_INNER_CAPITAL = regex.compile(r"^(\p{L}*?\p{Ll})\p{Lu}")
_NAME_PREFIXES = frozenset(
    {"Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "St", "Fitz"}
)
_PARTS = regex.compile(r"\s*(?:\||•|·|●|—|–| - |/|,)\s*")


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Lower-case words that may sit inside a name (Ludwig van Beethoven, Ana de Armas).
_PARTICLES = _wordset(
    "van von de der den da das dos di du del della la le bin binti al el ibn ter ten y st"
)
# The particles that are surnames on their own when written with a capital ("Das", "Le",
# "Van"); not "St", "Ten" or "Y", which after a given name make a street or a number.
_SURNAME_PARTICLES = _wordset("das da de di du del dos le van von")
_MONTH_WORDS = _wordset(
    "jan january feb february mar march apr april may jun june jul july aug august sep "
    "sept september oct october nov november dec december"
)
_WEEKDAYS = _wordset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur "
    "thurs fri sat sun"
)
# One word of a name: capitalised (Smith, O'Brien, McDonald, Jean-Luc, DeSiato), an initial
# (J.), all capitals (GARCIA), or a bracketed middle name ("Paramita (Guha) Ghosh").
_NAME_WORD = regex.compile(r"(?:\p{Lu}[\p{Ll}\p{Lu}\p{M}'’\-]*\.?|\(\p{Lu}[\p{Ll}\p{M}'’\-]+\))$")
_SPLIT_PEOPLE = regex.compile(r"\s*(?:,|;|&|\band\b|\+)\s*", regex.IGNORECASE)
# What ends the names in a byline: a separator between them and the rest.
_SEPARATORS = regex.compile(r"[|•·●—–/~(\[:@]|\s-\s|^-\s")
# A name glued to the next word by a lost space: "Korin MillerPublished", "2025By Anna".
_GLUED = regex.compile(
    r"(?<=[\p{Ll}\d.])(?=(?:Published|Updated|Posted|Last\s+[Uu]pdated|By|Written|Reviewed|"
    r"Edited|Fact)\b)"
)


@dataclass(frozen=True, slots=True)
class Byline:
    """People named in one line, how the line named them, and what else it said."""

    names: tuple[str, ...]
    shape: str  # cue | role | agency | dated | name
    start: int  # where the names begin in the (unglued) line
    rest: str  # the text after the names
    source: str = ""  # an agency the byline credits ("Anna Smith, Reuters")
    dates: tuple[DateHit, ...] = field(default=())


def unglue(text: str) -> str:
    """Put back the space a scraper lost before a byline or date cue."""
    return _GLUED.sub(" ", text)


def _cased_words() -> Container[str]:
    """Webster's 2nd with case kept: a word listed capitalised has a proper-noun reading
    (``Sara``, ``Emily``); one listed only in lower case (``power``, ``design``) has none.
    (The detectors' compiled word table: unpickling the list cost a one-file run 0.3 s.)"""
    from cleaner.detectors.text import cased_dictionary

    return cased_dictionary()


def _plain(word: str) -> str:
    return word.lower().strip(".,;:()'’\"")


def _credential(word: str, lex: Lexicon) -> bool:
    """``PhD``, ``MD``, ``Ph.D.``, ``Jr.``, but not the surname ``Ma`` (a credential is
    written in capitals or with dots, never as a plain capitalised word)."""
    bare = word.strip(",;()")
    if "." not in bare and bare == bare.capitalize() and len(bare) > 1:
        return False
    return _plain(bare).rstrip(".") in lex.credentials


def _is_credential(piece: str, lex: Lexicon) -> bool:
    """Credentials only ("PhD", "DVM, DACVB"), perhaps with the last one's specialty in
    brackets ("VTS (Behavior)", "DVM (Oncology)")."""
    words = _SPECIALTY.sub("", piece).replace(",", " ").split()
    return bool(words) and all(_credential(w, lex) for w in words)


# A credential's specialty in brackets at the end of a byline part: "VTS (Behavior)".
_SPECIALTY = regex.compile(r"\s+\([^()]{1,30}\)\s*$")


def is_role(piece: str, lex: Lexicon) -> bool:
    """A job title, a team or an agency: words that describe a byline, never a person."""
    words = [w for w in _ROLE_WORD.findall(piece)]
    if not words:
        return False
    if lex.is_agency(piece):
        return True
    fillers = {"and", "of", "for", "the", "at", "&", "in", "on", "to", "with", "a"}
    return any(lex.is_job_noun(w) for w in words) and all(
        lex.is_job_word(w) or _plain(w) in fillers or w.isupper() for w in words
    )


def person(text: str, lex: Lexicon, *, single: bool = False) -> str | None:
    """``text`` as one person's name (credentials dropped), or ``None``.

    ``single`` allows a one-word name, which only a strong cue ("By Sarah") earns.
    """
    words = text.replace(",", " ").split()
    while len(words) > 1 and _credential(words[-1], lex):
        words.pop()
    half = len(words) // 2
    if len(words) % 2 == 0 and words[:half] == words[half:]:
        words = words[:half]  # "Colin Gray Colin Gray": a name printed twice
    if not words or len(words) > 5:
        return None
    core = 0
    for i, word in enumerate(words):
        low = _plain(word)
        if low in _PARTICLES and 0 < i < len(words) - 1:
            continue
        if _INITIAL.fullmatch(word):
            core += 1  # an initial
            continue
        if not _NAME_WORD.match(word) or low in lex.not_names or lex.is_job_word(word):
            return None
        if low in _WEEKDAYS or lex.is_agency(word):
            return None
        if low in _MONTH_WORDS and not (single and i == 0 and len(words) > 1):
            return None  # after a cue, "April Fulton" and "June Smith" are people
        core += 1
    if core > 4 or (core < 2 and not single):
        return None
    if core == 1 and not _one_word_name(words[0]):
        return None  # one word is a name only if it is a given name ("By Sarah", not "By ASU")
    if _plain(words[-1]) in lex.organisation_words:
        return None  # "Ovolo Collective Hotels", "Clemson University"
    if any(_brand(w) for w in words):
        return None  # "IoT Hub", "SolutionsHub": brands, not people
    upper = [w.isupper() and len(w.strip(".")) > 1 for w in words]
    if single and len(words) > 1 and _TWO_INITIALS.fullmatch(words[0]):
        upper[0] = False  # "By PJ Hamel": two initials without their dots, after a cue
    if any(upper) and not all(upper):
        return None  # "Brian Truitt USA" is a name and a masthead
    return " ".join(words)


def _one_word_name(word: str) -> bool:
    """A cue's one-word name: a word Webster's lists capitalised (``Sarah``) and not also as an
    ordinary lower-case word: a site menu's facet after "By" ("By State", "By Price") is a
    capitalised common word, and one word alone has no other word to vouch for it."""
    cased = _cased_words()
    return word in cased and word.lower() not in cased


class _LowerCaseWords(Container[str]):
    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word.islower() and word in _cased_words()


def _common_words() -> Container[str]:
    """Lower-case dictionary words (Webster's 2nd as listed in lower case)."""
    return _LowerCaseWords()


def _brand(word: str) -> bool:
    m = _INNER_CAPITAL.match(word)
    return bool(m) and m.group(1) not in _NAME_PREFIXES


def name_like(name: str, lex: Lexicon) -> bool:
    """Whether a capitalised phrase reads as a person's name without any cue around it.

    ``Pavlina Petkova`` and ``Sara Brown`` do (the first word is a given name, or no English
    word at all); ``Digital Marketing`` and ``Power Coaching`` do not (their first word is an
    ordinary lower-case word that a headline capitalised). A given name that is also an
    ordinary word (``Faith Katunga``, ``Hope Lee``: ``rules/metadata/given-names.txt``) reads
    as one when the rest of the phrase does (``Hope Street``, ``Will Power`` do not).
    """
    words = name.split()
    first = words[0].strip(".")
    if len(first) <= 1:
        return True  # an initial: "J. Smith"
    if _no_common_word(first):
        return True
    return (
        first.lower() in lex.given_names and len(words) > 1 and all(map(_surname_like, words[1:]))
    )


def given_name_led(name: str, lex: Lexicon) -> bool:
    """A given name (``rules/metadata/given-names.txt``) and one or two more words that are
    no ordinary lower-case words: ``Cory Dransfeldt``, ``Erin Spain``, but not ``Skip
    Navigation`` or ``Sally Tomatoes``. Stricter than :func:`name_like`, for a name with
    nothing around it but its place on the page."""
    words = name.split()
    return (
        1 < len(words) <= 3
        and words[0].lower() in lex.given_names
        and all(map(_surname_like, words[1:]))
    )


def _no_common_word(word: str) -> bool:
    """An initial, a word with a proper-noun reading in Webster's (``Sara``), or no
    lower-case dictionary word at all (``Katunga``)."""
    if len(word) <= 1:
        return True
    cased = _cased_words()
    word = word if not word.isupper() else word.capitalize()
    return word in cased or word.lower() not in cased


def _surname_like(word: str) -> bool:
    """A word after a given name that reads as a surname: no ordinary word, nor the plural
    of one ("Sally Tomatoes", "Cherry Servers" are a shop and a company). A stem of three
    letters is too short to tell ("Ries" is no plural of "rie")."""
    word = word.strip(".")
    if word[:1].isupper() and word.lower() in _SURNAME_PARTICLES:
        return True  # "Mahua Das", "Anna Le": a particle written with a capital is a surname
    if not _no_common_word(word):
        return False
    low = word.lower()
    if word.isupper() or not low.endswith("s") or word in _cased_words():
        return True
    return not any(stem in _cased_words() for stem in (low[:-1], low[:-2]) if len(stem) > 3)


def people(text: str, lex: Lexicon, *, single: bool = False) -> tuple[list[str], str]:
    """The people at the start of ``text`` ("A, B and C, Staff Writers") and the rest."""
    found: list[str] = []
    pos = 0
    for m in [*_SPLIT_PEOPLE.finditer(text), None]:
        end = m.start() if m else len(text)
        piece = text[pos:end].strip()
        if not piece:
            pos = m.end() if m else pos
            continue
        if found and _is_credential(piece, lex):
            pos = m.end() if m else len(text)
            continue
        name = None if lex.is_agency(piece) else person(piece, lex, single=single)
        if name is None:
            break
        found.append(name)
        pos = m.end() if m else len(text)
    if not found:
        return [], text
    return found, text[pos:] if pos < len(text) else ""


def _name_run(text: str, lex: Lexicon) -> int:
    """How far the names reach in ``text``: up to a separator, a date, a month or a word
    that cannot be in a name ("By Anna Smith Published ...", "Anna Smith July 3, 2025")."""
    end = 0
    title_case = False
    for m in _RUN_TOKEN.finditer(text):
        if end and _SEPARATORS.search(text[end : m.start()]):
            break
        word = m.group()
        low = _plain(word)
        if word in {",", ";", "&"} or low == "and":
            continue
        if low in _MONTH_WORDS and _DIGIT_NEXT.match(text, m.end()):
            break
        if low in _PARTICLES and end and not word[:1].isupper():
            # "Ludwig van Beethoven": in the name only if a name word follows. Written with
            # a capital, it is a surname too ("Mahua Das", "Anna Le"), last or not.
            continue
        if not _NAME_WORD.match(word):
            break
        initial = bool(_INITIAL.fullmatch(word))
        if (low in lex.not_names or lex.is_job_word(word)) and not (
            initial or _credential(word, lex)
        ):
            break
        shout = word.isupper() and len(word.strip(".")) > 1
        if title_case and shout and not _credential(word, lex):
            break  # "Brian Truitt USA TODAY": the masthead after the name
        title_case = title_case or not shout
        end = m.end()
    return end


def parse_byline(line: str, lex: Lexicon) -> Byline | None:
    """The byline in ``line``, if the line is one (see the module docstring for shapes)."""
    text = unglue(line)
    dates = tuple(find_dates(text))
    cued = _cued(text, lex, dates)
    if cued is not None:
        return cued
    return _uncued(text, lex, dates)


def _prefix_is_header(prefix: str, dates: tuple[DateHit, ...], offset: int) -> bool:
    """Whether what precedes a cue is only dates, separators and header words
    ("March 15, 2022 · 3 min read · By ...", "Posted on June 29, 2020 by ...")."""
    kept = []
    last = 0
    for hit in dates:
        if hit.end <= offset:
            kept.append(prefix[last : hit.start])
            last = hit.end
    kept.append(prefix[last:])
    rest = " ".join(kept)
    rest = _READ_TIME.sub(" ", rest)
    words = _LETTERS.findall(rest.lower())
    allowed = {"on", "posted", "published", "updated", "last", "originally", "first", "read", "min"}
    return all(w in allowed for w in words)


def _cued(text: str, lex: Lexicon, dates: tuple[DateHit, ...]) -> Byline | None:
    for m in lex.byline_cue.finditer(text):
        cue = m.group().lower()
        if not _prefix_is_header(text[: m.start()], dates, m.start()):
            continue
        before = text[: m.end()]
        negative = lex.not_byline_cue.search(before)
        if negative and negative.end() == m.end():
            continue
        after = text[m.end() :]
        colon = _COLON.match(after)
        if not cue.endswith("by") and not colon:
            continue  # "Author" needs "Author:"; "by" needs nothing
        skip = colon.end() if colon else len(after) - len(after.lstrip())
        if skip == 0 and after:
            continue  # "Bypass": the cue is a whole word
        body = after[skip:]
        reach = _name_run(body, lex)
        if _team_tail(body[reach:], lex):
            return None  # "By Workzone Team", "by SolutionsHub Editorial Team": not a person
        names, tail = people(body[:reach], lex, single=True)
        if not names:
            return None
        rest = tail + body[reach:]
        source = _agency_in(rest, lex)
        return Byline(tuple(names), "cue", m.end() + skip, rest.strip(), source, dates)
    return None


def _team_tail(text: str, lex: Lexicon) -> bool:
    """Whether ``text`` starts with a team word, perhaps after words that say what kind of
    team ("Team", "Editorial Team", "Lifestyle Desk" after "TOI")."""
    for word in _LETTERS.findall(text[:80]):
        low = word.lower()
        if low in lex.team_words:
            return True
        if low not in lex.team_generic_words:
            return False
    return False


# Where a team's name ends in its byline line: a separator, a digit (a date or read time).
_TEAM_END = regex.compile(r"[|•·●—–/~(\[@\d]|\s-\s|:\s")


def team_byline(text: str, lex: Lexicon) -> tuple[str, bool] | None:
    """The team or desk that signs a byline line ("By the Lavazza Team 2-3 minutes",
    "Everfit Team", "TOI Lifestyle Desk / etimes.in / Updated: ...", "Team SimplyThrilled")
    and whether a cue ("By") introduced it; ``None`` for any other line.

    A group is credited, never a person, so the answer is the group's name as written. It
    must say whose team it is: a word besides the team words, the kinds of team
    (``team-generic-words.txt``) and the words of ``not-names.txt`` ("Our Team", "News
    Desk", "Editorial Staff" are no one's). Without a cue that word must be a rare word
    ("EcoCult", "BCBSOK", "Upwork", "Podium"): "Apple Support Team" alone on a line is as
    likely a heading as a byline.
    """
    stripped = _LIST_BULLET.sub("", unglue(text).strip())
    after = _after_leading_cue(stripped, lex)
    body, cued = (stripped, False) if after is None else (after, True)
    end = _TEAM_END.search(body)
    name = _team_name(body[: end.start() if end else len(body)].strip(" ,"), lex, strict=not cued)
    return (name, cued) if name else None


def _after_leading_cue(text: str, lex: Lexicon) -> str | None:
    """What follows a byline cue that opens ``text`` ("By", "Posted by", "Author:"), or
    ``None`` when no cue opens it."""
    m = lex.byline_cue.match(text)
    if m is None:
        return None
    after = text[m.end() :]
    colon = _COLON.match(after)
    if not m.group().lower().endswith("by") and not colon:
        return None  # "Author" needs "Author:"
    if not colon and after[:1].isalpha():
        return None  # "Bypass"
    return after[colon.end() if colon else 0 :].lstrip()


_HANDLE = regex.compile(r"[\p{L}\d_][\p{L}\d_.-]{2,29}")


@lru_cache(maxsize=8)
def _after_handle(followers: tuple[str, ...]) -> regex.Pattern[str]:
    """What may follow a handle in its byline: nothing, a separator, a date, or one of
    ``followers`` ("on <date>", "in <section>")."""
    words = one_of(regex.escape(w) for w in followers)
    return regex.compile(rf"\s*(?:$|[|•·,(@\-–—/]|\d|(?:{words})\b)")


def handle_byline(text: str, lex: Lexicon) -> str | None:
    """A user name after a byline cue: "Posted by BeauHD on Friday ...", "by jsteinhardt",
    "By: ShawnHymel | December 16, 2025": the name the site knows its writer by, as written.

    Only one word that no person's name or ordinary word could be: written in lower case,
    with a capital inside ("BeauHD"), or with digits or an underscore; and rare (not "By
    design", "by admin": ``not-names.txt``, job titles, agencies never). A capitalised
    word ("By Sarah") is read as a person's name or not at all."""
    body = _after_leading_cue(_LIST_BULLET.sub("", unglue(text).strip()), lex)
    if not body:
        return None
    m = _HANDLE.match(body)
    if m is None or not _after_handle(lex.handle_followers).match(body, m.end()):
        return None
    word = m.group().rstrip(".-")
    low = word.lower()
    if not (word.islower() or _brand(word) or regex.search(r"[\d_]", word)):
        return None
    if not regex.search(r"\p{L}{2}", word) or low in lex.not_names or lex.is_job_word(word):
        return None
    if low in _MONTH_WORDS or low in _WEEKDAYS or _credential(word, lex):
        return None
    if any(agency.lower() == low for agency in lex.agencies):
        return None  # "by reuters": an agency is the source
    return word if rare_word(word) else None


def _team_name(text: str, lex: Lexicon, *, strict: bool) -> str | None:
    words = text.split()
    if not 2 <= len(words) <= 6 or lex.is_agency(text):
        return None
    low = [_plain(w) for w in words]
    if low[-1] in lex.team_words:
        own = words[1:-1] if low[0] == "the" else words[:-1]
    elif low[0] == "team":
        own = words[1:]  # "Team SimplyThrilled"
        if not all(_no_common_word(w) for w in own):
            return None  # "Team Building", "Team Spirit"
    else:
        return None
    if not own or len(own) > 4:
        return None
    if not all(_NAME_WORD.match(w) or (w.isupper() and w.isalpha()) for w in own):
        return None  # "Meet the Team", "the team"
    if any(lex.is_agency(w) for w in own):
        return None  # "Reuters Staff": an agency is the source
    whose = [
        w
        for w in own
        if _plain(w) not in lex.team_generic_words
        and _plain(w) not in lex.not_names
        and _plain(w) not in lex.team_words
        and not lex.is_job_word(w)
    ]
    if not whose or (strict and not any(rare_word(w) for w in whose)):
        return None
    return " ".join(words)


# Below this Zipf frequency a word is rare enough to name something (a brand, a company);
# the threshold the stray-capitals detector and boilerplate's lists call ordinary.
RARE_ZIPF = 4.0


def rare_word(word: str) -> bool:
    """Rare enough to name something: below ``RARE_ZIPF`` (wordfreq's Zipf scale)."""
    from cleaner.detectors.text import zipf_lower

    return zipf_lower(word.lower()) < RARE_ZIPF


# More words than this, credentials not counted, and a line is a sentence, not a byline.
BYLINE_MAX_WORDS = 14


def _sentence_long(words: list[str], lex: Lexicon) -> bool:
    """A sentence is too long to be a byline; credentials do not count ("Ellen Lindell, VMD,
    DACVB; Monique Feyrecilde, BA, LVT, VTS (Behavior); Debra Horwitz, DVM, DACVB & ...").
    A line of no more words than that is short enough whatever they are, so its words are
    not each asked whether they are a credential (most lines parsed as a byline are short:
    every short line of a page is)."""
    return len(words) > BYLINE_MAX_WORDS and (
        sum(not _credential(w, lex) for w in words) > BYLINE_MAX_WORDS
    )


def _agency_in(rest: str, lex: Lexicon) -> str:
    head = rest.strip(" ,|-–—/").split("|")[0].split(",")[0].strip()
    return head if lex.is_agency(head) else ""


def _uncued(text: str, lex: Lexicon, dates: tuple[DateHit, ...]) -> Byline | None:
    """Bylines without a cue word: a name, then a role, an agency or a date. A list
    bullet before it is a theme's way of printing its meta lines ("- Kalyn Keen" / "- Jun
    9" / "- 5 min read")."""
    stripped = _LIST_BULLET.sub("", text.strip())
    if not stripped or _sentence_long(stripped.split(), lex):
        return None
    if dates and not stripped[: stripped.find(dates[0].text)].strip():
        # "Dec 17, 2025 Julian K. Arni": the date first, then the name alone.
        after = stripped[stripped.find(dates[0].text) + len(dates[0].text) :]
        body = after.strip(" ,|-–—/•·●")
        reach = _name_run(body, lex)
        names, tail = people(body[:reach], lex)
        rest = (tail + body[reach:]).strip(" ,|-–—/•·●")
        if names and all(name_like(n, lex) for n in names) and (not rest or _section(rest, lex)):
            return Byline(tuple(names), "dated", 0, rest, "", dates)
        return _meta_parts(after, lex, dates)
    reach = _name_run(stripped, lex)
    if reach == 0:
        return None
    names, tail = people(stripped[:reach], lex)
    if not names or not all(name_like(n, lex) for n in names):
        return None
    rest = (tail + stripped[reach:]).strip()
    body = rest.strip(" ,|-–—/•·●")
    if not body or _is_credential(body, lex):
        return Byline(tuple(names), "name", 0, rest, "", dates)
    if lex.is_agency(body.split(",")[0].strip()):
        return Byline(tuple(names), "agency", 0, rest, body.split(",")[0].strip(), dates)
    if dates and dates[0].start >= reach:
        between = regex.sub(
            r"(?i)\b(?:on|published|posted|updated|last|date)\b",
            "",
            stripped[reach : dates[0].start],
        )
        if not _WORDY.search(between):
            return Byline(tuple(names), "dated", 0, rest, "", dates)
    first = _PARTS.split(body)[0]
    if is_role(first, lex):
        return Byline(tuple(names), "role", 0, rest, "", dates)
    if _MASTHEAD.fullmatch(body):
        return Byline(tuple(names), "role", 0, rest, "", dates)  # "Brian Truitt USA TODAY"
    words = [_plain(w) for w in first.split()]
    comma = stripped[: reach - len(tail)].rstrip().endswith(",") or rest.lstrip().startswith(",")
    if comma and 1 < len(words) <= 6 and words[-1] in lex.organisation_words:
        return Byline(tuple(names), "role", 0, rest, "", dates)  # "Anna Smith, Clemson University"
    return None


def _section(text: str, lex: Lexicon) -> bool:
    """Whether ``text`` after a dated name is the section a blog theme files the post in
    ("in Project Management", ``section-words``): a few capitalised words to the line's end,
    which say where the post is, not who wrote it."""
    words = text.split()
    return (
        len(words) in range(2, 6)
        and words[0].lower() in lex.section_words
        and all(w[:1].isupper() or w == "&" for w in words[1:])
    )


_LIST_BULLET = regex.compile(r"^[-•*]\s+")
# A publication's name in capitals, two words or more, after the writer's ("Brian Truitt
# USA TODAY"; one word such as "AI" is too often part of a heading: "Let's Discuss AI").
_MASTHEAD = regex.compile(r"\p{Lu}{2,}(?:\s+\p{Lu}{2,}){1,3}")
_COUNT = regex.compile(r"(?i)^\d[\d,.]*\s*(?:words?|comments?|views?|shares?)$")


def _meta_parts(after: str, lex: Lexicon, dates: tuple[DateHit, ...]) -> Byline | None:
    """A date, then the parts of a blog theme's meta line, one of them the author's name:
    "December 15, 2025 · 30 min · 6279 words · Ash Vardanian", "12/19/2025 • Friday
    Philosophy • David Gordon". The other parts must be read times, counts or no name."""
    parts = [p.strip() for p in _PARTS.split(after) if p.strip()]
    parts = [p for p in parts if not (_READ_TIME.fullmatch(p) or _COUNT.match(p))]
    found = []
    for part in parts:
        names, tail = people(part, lex)
        if names and not tail.strip() and all(name_like(n, lex) for n in names):
            found.append(names)
    if len(found) != 1 or len(parts) > 3:
        return None
    return Byline(tuple(found[0]), "dated", 0, "", "", dates)
