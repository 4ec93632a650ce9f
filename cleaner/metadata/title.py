"""Which line is the article's headline, and how sure that is.

Every heading-like line is a candidate: short, no sentence punctuation at the end, and not
navigation, a menu, a caption, a call to action, a byline, a date or a job title; lines under
an FAQ or table-of-contents heading are not. Each candidate is described by a few features
(is a byline or date line just under it? does the body start right after it? does the body
talk about what it says? does the page repeat it, in a breadcrumb say?), each feature has a
weight, and the candidates compete in a softmax together with "no headline here". The
winner's probability is the confidence.

The weights are data (``rules/metadata/title-weights.txt``), fitted by
``bench/metadata_fit.py`` on the tuning part of WCXB-dev (never on the held-aside sites),
so re-fitting on a newsroom's own pages changes no code.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import regex

from cleaner.metadata.lines import Line, Page

_LETTERS = regex.compile(r"\p{L}{2}")
_WORDS = regex.compile(r"\p{L}+")
_ASKS = regex.compile(r"(?i)(?:what|how|why|when|where|who|which|is|are|do|does|can|should)\b")
_DIGIT = regex.compile(r"\d")
# A list number in front of a folded line ("2 how to ..." from "2. How To ...").
_LIST_NUMBER = regex.compile(r"^\d{1,3} ")

MAX_WORDS = 30
# A question asking what a thing is counts as a section's heading up to this many words
# ("What is a Mobile App?"); a longer one says more than a definition ("What Is a Roth IRA
# and Should You Open One in 2025?").
DEFINES_WORDS = 6
# A breadcrumb trail glued into one line sits at most this many lines above the headline it
# ends with, and its steps take at most this many characters ("Home Blog Guides ").
TRAIL_REACH = 5
TRAIL_STEPS = 40
# Two headings say the same headline when their folded texts are this similar (rapidfuzz's
# ratio, 0-100) and both have this many words: a short heading a word off is another one.
SAME_RATIO = 90.0
SAME_MIN_WORDS = 5
# A heading with the header's byline or date under it, inside the body's first words (this
# share of its prose words), heads the article: the body run began above it.
EARLY_SHARE = 0.05
# Why a feature counts, for the provenance note (features not listed are not mentioned).
REASONS = {
    "evidence_near": "a byline or date line right under it",
    "evidence_mid": "a byline or date line under it",
    "date_above": "a date line right above it",
    "gap_1_2": "the article starts right after it",
    "gap_3_6": "the article starts soon after it",
    "about": "the article is about what it says",
    "repeat_near": "the page repeats it next to it",
    "crumb": "a breadcrumb ends with it",
    "first_heading": "the first heading of the text",
    "first_in_header": "the first heading of the article's header",
}


@dataclass(frozen=True, slots=True)
class Choice:
    """The headline candidate that won, its probability and the features that made it."""

    line: Line
    probability: float
    reasons: tuple[str, ...]
    # The other candidates that say the same words (the page prints its headline again).
    copies: tuple[Line, ...] = ()


def heading(line: Line) -> bool:
    """Could be a headline: short, no sentence punctuation at the end, no furniture."""
    if not 1 <= line.words <= MAX_WORDS or (line.bullet and line.words < 4):
        return False
    if line.stops and not _titled(line):
        return False
    if line.furniture or line.read_time or line.dates or line.byline is not None:
        return False
    return bool(_LETTERS.search(line.text))


def _titled(line: Line) -> bool:
    """A short line in title case that ends with a full stop ("Things to Know Before
    Travelling to Japan for the First Time.", "... Markets in the U.S."): a headline whose
    last word is an abbreviation or whose writer ended it like a sentence, not a sentence."""
    if line.words > 14 or not line.text.endswith(".") or line.text.endswith(".."):
        return False
    long = [w for w in _WORDS.findall(line.text) if len(w) > 3]
    return len(long) >= 3 and all(w[0].isupper() for w in long)


def header_evidence(line: Line) -> bool:
    """A line of an article's header: a byline or a date line, or a byline cue alone on its
    line ("By" / "Thomas Broderick": the theme puts the name on the next line)."""
    if line.date_line or line.bare_cue:
        return True
    byline = line.byline
    if byline is None and line.team is not None:
        return line.team[1]  # "By the Upwork Team": a team's cued byline
    return byline is not None and byline.shape != "name"


def candidates(page: Page) -> list[Line]:
    """Heading-like lines, less the entries of FAQ and contents sections (their headings are
    word lists: ``rules/metadata/faq-headings.txt``, ``contents-headings.txt``)."""
    found: list[Line] = []
    listing = ""
    for line in page.lines:
        lex = line.lex
        if line.key in lex.faq_headings or line.key in lex.contents_headings:
            # The same words are often a site menu's item ("FAQ" between "Blog" and
            # "Contact Us"): only lines that look like the list's entries are passed over.
            listing = "faq" if line.key in lex.faq_headings else "contents"
            continue
        if listing and line.prose and not (listing == "contents" and _entry(page, line, listing)):
            # Prose ends the listing, but not a contents entry that reads like a sentence
            # ("How Do We Define SDLC Model for Your Project?", printed again as a section).
            listing = ""
        if listing and _entry(page, line, listing):
            continue
        if heading(line) and _trail_of(page, line) is None:
            found.append(line)
    return found


def _trail_of(page: Page, line: Line) -> Line | None:
    """The heading under ``line`` that ``line`` ends with, when ``line`` is a breadcrumb
    trail whose separators the scraper dropped ("Home Research The Hottest Real Estate
    Markets in the U.S." over "The Hottest Real Estate Markets in the U.S.", "Cynomi Guides
    Getting to YES: ..."): the trail is no headline, and it says the line it ends with is."""
    for other in page.window(line.index + 1, line.index + 1 + TRAIL_REACH):
        if _ends_with(line, other):
            return other
    return None


def _ends_with(trail: Line, line: Line) -> bool:
    """``trail`` is a few words (a trail's steps) followed by all of ``line``."""
    steps = len(trail.key) - len(line.key)
    return line.words >= 3 and 0 < steps <= TRAIL_STEPS and trail.key.endswith(" " + line.key)


def _entry(page: Page, line: Line, listing: str) -> bool:
    """An entry of an FAQ (a question) or of a table of contents (a numbered or bulleted
    line, or one the page says again further down)."""
    if listing == "faq":
        return line.text.rstrip().endswith("?") or bool(_ASKS.match(line.text))
    if line.bullet:
        return True
    return any(j > line.index for j in page.occurrences.get(line.key, ()))


class _Candidates:
    """What every candidate's features ask of the same page, worked out once per page.

    Why: a whole page has hundreds of candidates and each looks at its neighbours, so the
    same line is asked "a sponsor's credit?" or "header evidence?" by up to eight candidates,
    and questions about the page as a whole (the first heading, the short lines a candidate
    may sit inside) were answered again for every candidate, which made the features grow
    with the square of the page's length. The answers are the same; only asked once."""

    def __init__(self, page: Page, lines: list[Line]) -> None:
        self.heads = {line.index for line in lines}
        self.first_head = min(self.heads, default=0)
        self._sponsor: dict[int, bool] = {}
        self._evidence: dict[int, bool] = {}
        # The short lines' distinct folded texts, one per row: a folded text has no line
        # break, so a candidate's text found here lies inside one of them.
        keys = {page.lines[j].key for j in page.short_lines}
        self._short_keys = keys
        self._short_text = "\n".join(keys)

    def sponsor(self, line: Line) -> bool:
        found = self._sponsor.get(line.index)
        if found is None:
            found = self._sponsor[line.index] = line.lex.is_sponsor_credit(line.text, line.key)
        return found

    def evidence(self, line: Line) -> bool:
        found = self._evidence.get(line.index)
        if found is None:
            found = self._evidence[line.index] = header_evidence(line)
        return found

    def inside_other(self, line: Line) -> bool:
        """``line``'s folded text is part of a short line that says something else: each
        distinct short text holds it at most once when it is that text, so one more
        occurrence is in another."""
        return self._short_text.count(line.key) > (line.key in self._short_keys)


def features(page: Page, line: Line, known: _Candidates) -> dict[str, float]:
    """What the weights are multiplied with: a few numbers about ``line`` and its neighbours."""
    i = line.index
    heads = known.heads
    f: dict[str, float] = {}
    # A byline or date line under it, with only furniture, short lines or one standfirst
    # in between; distance counts lines that are not furniture.
    steps = 0
    for other in page.window(i + 1, i + 9):
        if known.sponsor(other):
            break  # an advertiser's card: the byline under its credit is the article's
        if known.evidence(other):
            f["evidence_near" if steps <= 1 else "evidence_mid"] = 1.0
            break
        if other.prose and (other.words > 30 or steps > 0):
            break
        if not other.furniture:
            steps += 1
        if steps > 4:
            break
    for other in reversed(page.window(i - 3, i)):
        if other.date_line and not any(_date_is_other(other)):
            f["date_above"] = 1.0
            break
        if not other.furniture:
            break
    first, last = page.body
    gap = first - i
    if 1 <= gap <= 2:
        f["gap_1_2"] = 1.0
    elif 3 <= gap <= 6:
        f["gap_3_6"] = 1.0
    elif 7 <= gap <= 20:
        f["gap_7_20"] = 1.0
    elif gap == 0:
        f["gap_0"] = 1.0
    elif first < i <= last:
        f["inside_body"] = 1.0
        if ("evidence_near" in f or "evidence_mid" in f) and _body_share(page, i) < EARLY_SHARE:
            # In the body's first words, yet with the header's byline or date under it: the
            # run of prose taken for the body began above the headline, at a paragraph the
            # page prints over its header (an affiliate disclosure, a newsletter sign-up, a
            # teaser's lead), so the headline reads as a heading inside the article.
            f["early_evidence"] = 1.0
    else:
        f["far"] = 1.0
        if i > last:
            # Under the article: related posts, comments, the footer's menus. A headline is
            # printed above its article, so these are less likely than lines far above it.
            f["below_body"] = 1.0
        elif "evidence_near" in f or "evidence_mid" in f:
            # Far above the run of prose taken for the body, yet with the header's byline or
            # date under it: on listicles and review pages product tables and pros/cons
            # lists break the prose, so the longest run starts far under the real headline.
            f["far_evidence"] = 1.0
    f["about"] = page.about(line)
    repeats = [j for j in page.occurrences.get(line.key, []) if j != i]
    if repeats and line.words >= 2:
        if any(abs(j - i) <= 15 for j in repeats):
            f["repeat_near"] = 1.0
        else:
            f["repeat_far"] = 1.0
    if any(
        o.crumb_tail == line.key or _ends_with(o, line) for o in page.window(i - TRAIL_REACH, i)
    ):
        f["crumb"] = 1.0
    upto = page.prose_upto
    f["prose_before"] = float(min(upto[i] - upto[max(0, i - 6)], 3))
    if upto[i] == 0 and known.first_head >= i:
        f["first_heading"] = 1.0
    if i == 0:
        f["first_line"] = 1.0
    j = i - 1
    while j >= max(0, i - 12) and not page.lines[j].prose:
        if j in heads and page.lines[j].words >= 4:
            break
        j -= 1
    else:
        f["first_in_header"] = 1.0
    if j >= max(0, i - 12) and page.lines[j].prose:
        f["first_in_header"] = 1.0
    after = page.window(i + 1, i + 2)
    if after and after[0].prose:
        f["prose_next"] = 1.0
    _neighbours(page, line, known, f)
    words = line.words
    f[
        "words_1"
        if words == 1
        else "words_2"
        if words == 2
        else "words_3"
        if words == 3
        else "words_long"
        if words > 20
        else "words_4_8"
        if words <= 8
        else "words_9_14"
        if words <= 14
        else "words_15_20"
    ] = 1.0
    if "," in line.text:
        f["comma"] = 1.0
    if line.text.islower():
        f["lowercase"] = 1.0
    if line.text.isupper():
        f["uppercase"] = 1.0
    if line.text.rstrip().endswith("?"):
        f["question"] = 1.0
        if line.words <= DEFINES_WORDS and line.lex.is_definition_question(line.text):
            # "What is Academic Tutoring?": an explainer's first section, the line an
            # extract often starts at when it dropped the page's own headline above it.
            f["defines"] = 1.0
    if ":" in line.text or " – " in line.text or " - " in line.text:
        f["colon"] = 1.0
    capitals = [w for w in _WORDS.findall(line.text) if len(w) > 3]
    if capitals:
        f["title_case"] = sum(1 for w in capitals if w[0].isupper()) / len(capitals)
    if line.bullet:
        f["numbered"] = 1.0
    if _ASKS.match(line.text):
        f["asks"] = 1.0
    if _DIGIT.search(line.text):
        f["number"] = 1.0
    return f


def _neighbours(page: Page, line: Line, known: _Candidates, f: dict[str, float]) -> None:
    """Where the candidate sits among its neighbours: stacked on other headings (a menu,
    a list of section titles, a teaser list), heading the article's first paragraph, or
    repeated inside a longer line ("Title | Site", "Home > Blog > Title")."""
    i = line.index
    heads = known.heads
    nxt = _nearest(page.window(i + 1, i + 4), heads, lambda o: not known.evidence(o))
    if nxt is not None and nxt.index in heads:
        f["heading_next"] = 1.0
    prev = _nearest(page.window(i - 3, i)[::-1], heads, lambda o: True)
    if prev is not None and prev.index in heads:
        f["heading_prev"] = 1.0
    if i - 1 in heads and page.lines[i - 1].words <= 2 and line.words >= 3:
        # A section's kicker right above it ("Workouts", "Tax Software"): a label, and the
        # headline is the longer line it heads.
        f["kicker_over"] = 1.0
    # The first paragraph: how many lines stand between it and the candidate, not counting
    # the header's bylines, dates, read times and page furniture.
    between = 0
    for other in page.window(i + 1, i + 12):
        if other.prose:
            f["lead_1_2" if between <= 1 else "lead_far"] = 1.0
            break
        if not (other.furniture or other.read_time or known.evidence(other)):
            between += 1
    else:
        f["no_lead"] = 1.0
    first, last = page.body
    if first < i <= last and page.prose_words[last + 1] > page.prose_words[first]:
        f["body_before"] = _body_share(page, i)
    # How much of the page's prose comes in the 40 lines under it: an article's headline
    # heads most of it, a teaser or a menu item little.
    total = page.prose_words[-1]
    if total:
        follow = page.prose_words[min(i + 41, len(page.lines))] - page.prose_words[i + 1]
        f["follow_share"] = follow / total
    f["topic"] = page.topic(line)
    if line.words >= 2 and known.inside_other(line):
        f["contained"] = 1.0


def _body_share(page: Page, i: int) -> float:
    """The share of the body's prose words that come before line ``i`` (0 when the body has
    none)."""
    first, last = page.body
    words = page.prose_words
    total = words[last + 1] - words[first]
    return (words[i] - words[first]) / total if total else 0.0


def _nearest(lines: list[Line], heads: set[int], counts: Callable[[Line], bool]) -> Line | None:
    """The first of ``lines`` that is not furniture and ``counts``, as far as it can be a
    candidate: once no candidate is left among the lines, the first that counts cannot be
    one, and the lines are not asked (asking makes each compute its furniture, the costliest
    reading, mostly of the paragraph under a heading)."""
    for k, other in enumerate(lines):
        if all(o.index not in heads for o in lines[k:]):
            return None
        if not other.furniture and counts(other):
            return other
    return None


def _date_is_other(line: Line) -> list[bool]:
    lex = line.lex
    return [bool(lex.other_date_cue.search(line.text[: hit.start] + " ")) for hit in line.dates]


def described(page: Page, lines: list[Line]) -> list[dict[str, float]]:
    """The features of each candidate, with those that compare it to the other candidates:
    several headings with a byline or date under them are a list of articles (teasers), of
    which at most one is this page's."""
    known = _Candidates(page, lines)
    rows = [features(page, line, known) for line in lines]
    evidenced = sum(1 for f in rows if "evidence_near" in f or "evidence_mid" in f)
    if evidenced >= 3:
        for f in rows:
            if "evidence_near" in f or "evidence_mid" in f:
                f["evidence_many"] = 1.0
    return rows


def _same_words(copy: Line, line: Line) -> bool:
    """``copy`` says the headline ``line`` says: the same words, or nearly (a list number in
    front, a word more or less: "10 Books That Will Teach You How to Draw Like an Artist"
    and "10 Art Books That ..."), as a page reprints its headline in a share box, a
    breadcrumb or a contents list."""
    if copy.key == line.key:
        return True
    a, b = _LIST_NUMBER.sub("", copy.key), _LIST_NUMBER.sub("", line.key)
    if a == b:
        return True
    if min(copy.words, line.words) < SAME_MIN_WORDS:
        return False
    from rapidfuzz import fuzz  # only for pages with near copies: kept off start-up

    return fuzz.ratio(a, b, score_cutoff=SAME_RATIO) >= SAME_RATIO


def choose(page: Page, weights: dict[str, float]) -> Choice | None:
    """The most probable headline, or ``None`` when "no headline" wins; its probability
    counts every line that says the same words."""
    lines = candidates(page)
    if not lines:
        return None
    scored = []
    for line, f in zip(lines, described(page, lines), strict=True):
        score = sum(weights.get(name, 0.0) * value for name, value in f.items())
        scored.append((score + weights.get("bias", 0.0), line, f))
    none = weights.get("none", 0.0)
    top = max(max(s for s, _, _ in scored), none)
    total = math.exp(none - top) + sum(math.exp(s - top) for s, _, _ in scored)
    score, line, f = max(scored, key=lambda t: (t[0], -t[1].index))
    # What is lifted is the headline's text, not a line: a page that prints it twice (the
    # heading and a breadcrumb's last step, the H1 and a share box) gives every copy a part
    # of the probability, and the value's confidence is their sum.
    same = [(s, other) for s, other, _ in scored if _same_words(other, line)]
    probability = sum(math.exp(s - top) for s, _ in same) / total
    reasons = tuple(
        REASONS[name]
        for name, value in sorted(f.items(), key=lambda kv: -weights.get(kv[0], 0.0) * kv[1])
        if name in REASONS and value and weights.get(name, 0.0) > 0
    )
    copies = tuple(other for _, other in same if other is not line)
    return Choice(line, probability, reasons[:3], copies)
