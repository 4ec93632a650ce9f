"""Is a run of short lines the story's own list, or a list pointing at other pages?

A link list is a run of headlines of *other* articles: each line is a clause ("Thornbury sack
manager after nine games without a win"). A list of fixtures, results, seedings, nominees or
match facts is the article itself: its lines are records ("Farrowby Town v Castleford Town",
"3 Andrej Kovac (Slovakia)", "Venue: Millbrook Park") or carry names the article's prose uses.
The evidence here is the shape of the lines and the names they share with the prose, not a
threshold fitted to one benchmark: removal needs positive evidence of headlines, and a list
that is neither clearly one nor the other is kept (the stage reports it).

Functions take the surviving units in order and decide from their text alone, so a second run
over the output (the same survivors) decides the same.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from cleaner.boilerplate.blocks import NAME_JOINERS, Block
from cleaner.detectors.text import zipf_lower

# A link list needs at least this many headline-shaped lines, and they must be at least this
# share of the run that goes (the rest: a heading such as "More from football", stray lines).
MIN_HEADLINES = 3
HEADLINE_SHARE = 2 / 3
# A content list: at least this many record lines, at least this share of its units (the rest
# are the short headings between groups: "Best director", "Women's singles seedings").
MIN_RECORDS = 3
RECORD_SHARE = 2 / 3
# A template's fixed opening, in words.
TEMPLATE_WORDS = 3
# A common English word (the stray-capitals detector's threshold, wordfreq Zipf scale).
ORDINARY_ZIPF = 4.0
# A heading inside a list is short and no headline.
HEADING_MAX_WORDS = 6


def prose_names(blocks: Iterable[Block]) -> frozenset[str]:
    """The capitalised words inside the sentences of the article's prose (a sentence's first
    word is capitalised whatever it is): who and what the story is about."""
    names: set[str] = set()
    for block in blocks:
        if block.prose:
            names |= block.inner_names
    return frozenset(names)


def carries_story(block: Block, names: frozenset[str]) -> bool:
    """A line that is not a headline and names someone or something the prose names."""
    return not block.headline and bool(block.names & names)


def link_suffix(run: Sequence[Block], names: frozenset[str]) -> list[Block]:
    """The end of ``run`` (short units ending the text) that is a list of other pages.

    Walks back from the last unit and stops at the first line that is the story's data (a
    record, or a name the prose uses): everything above it stays. What is left goes only
    when it is mostly lines pointing elsewhere: headlines, or titles made from one template.
    """
    template = _template_lines(run, names)
    suffix: list[Block] = []
    for block in reversed(run):
        if block.index not in template and (block.record or carries_story(block, names)):
            break
        suffix.append(block)
    suffix.reverse()
    pointers = sum(1 for b in suffix if b.headline or b.index in template)
    if pointers >= MIN_HEADLINES and pointers >= HEADLINE_SHARE * len(suffix):
        return suffix
    return []


def is_content_list(run: Sequence[Block], names: frozenset[str]) -> bool:
    """Whether short units are the story's data: mostly records or names from the prose."""
    data = sum(1 for b in run if b.record or carries_story(b, names))
    return data >= MIN_RECORDS and data >= RECORD_SHARE * len(run)


def content_runs(alive: Sequence[Block]) -> set[int]:
    """Indexes of units in runs of records that share a name with the prose around them.

    A run is consecutive record lines, with short non-headline headings allowed between them
    ("Men's singles seedings"), at least ``MIN_RECORDS`` records and ``RECORD_SHARE`` of the
    run. It counts only if one of its records names someone the rest of the text's prose
    names: a fixtures list under a match report does, a block of comment dates or a ticker
    of other matches usually does not.
    """
    runs: list[list[Block]] = []
    current: list[Block] = []
    for block in alive:
        if block.record or _heading(block):
            current.append(block)
        else:
            runs.append(current)
            current = []
    runs.append(current)
    keep: set[int] = set()
    for run in runs:
        while run and not run[-1].record:
            run.pop()
        # A heading may introduce the list, not several: the lines above it are not the list's.
        first = next((i for i, b in enumerate(run) if b.record), len(run))
        del run[: max(0, first - 1)]
        records = [b for b in run if b.record]
        if len(records) < MIN_RECORDS or len(records) < RECORD_SHARE * len(run):
            continue
        inside = {b.index for b in run}
        names = prose_names(b for b in alive if b.index not in inside)
        if any(b.names & names for b in records) and not _template_lines(records, names):
            keep |= inside
    return keep


def _template_lines(blocks: Sequence[Block], names: frozenset[str]) -> set[int]:
    """Record lines made from a template with a slot filled in ("Affordable Gym in Trenton,
    Mercer County", "... in Voorhees, Camden County"): titles of a site's other pages. A
    template is an opening of three words that at least ``MIN_RECORDS`` records share and
    that is more than names the prose uses (a club's own fixtures, "Hartley Rovers v ...",
    are not a template); together the templated records are half of them or more."""
    records = [b for b in blocks if b.record and len(b.tokens) > TEMPLATE_WORDS]
    openings = Counter(b.tokens[:TEMPLATE_WORDS] for b in records)
    templates = {
        opening
        for opening, count in openings.items()
        if count >= MIN_RECORDS
        and not {w for w in opening if w not in NAME_JOINERS and not w.isdigit()} <= names
    }
    lines = {b.index for b in records if b.tokens[:TEMPLATE_WORDS] in templates}
    return lines if len(lines) * 2 >= len(records) else set()


def _heading(block: Block) -> bool:
    return block.title_like and block.words <= HEADING_MAX_WORDS and not block.headline


def ordinary(block: Block) -> bool:
    """Whether a short unit has an ordinary English word in it ("Home", "Contact us",
    "Privacy policy"), as a menu item does, rather than only names ("Okafor", "Ibarra").
    A run of names is a squad, a cast or a list of places, not the site's navigation."""
    return any(zipf_lower(t) >= ORDINARY_ZIPF for t in block.tokens if not t.isdigit())
