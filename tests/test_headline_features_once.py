"""The headline's features, computed once per page, are the features computed per candidate.

Session 10 made the headline choice cheaper without changing a single output: questions about
the page as a whole (which short lines hold a candidate's text, which body lines use its
words, how many prose lines use them, which is the first heading) are answered once per page,
and each neighbour line's readings once per line. Each test here draws pages from lines of
the shapes those features look at (headings printed twice or inside a longer line, bylines,
dates, menus, a sponsor's credit, prose about the headline and prose about something else)
and holds the features to the per-candidate definition they replaced, written out below.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleaner.metadata.lexicon import load_lexicon
from cleaner.metadata.lines import Line, Page, cached_property
from cleaner.metadata.title import candidates, described, header_evidence
from cleaner.resources import builtin_rules

LEX = load_lexicon((builtin_rules(),))

POOL = (
    "Storm Closes Harbour Road",
    "Storm Closes Harbour Road | Daily Post",
    "Harbour Road",
    "Closes Harbour",
    "Workouts",
    "Gym Workouts for Beginners",
    "What is a Harbour Road?",
    "By Anna Kowalski",
    "By",
    "Anna Kowalski",
    "March 3, 2024",
    "Published on June 29, 2020",
    "Home About Contact",
    "Subscribe now",
    "Presented By Carahsoft",
    "Related articles",
    "5 min read",
    "The storm closed the harbour road on Monday, and crews worked through the night to "
    "clear the fallen trees from it.",
    "Harbour workers said the road would stay closed until the storm passed and the sea "
    "wall was checked.",
    "A bakery on the hill sold bread to the crews, who had come from three towns along the "
    "coast to help.",
    "Beginners at the gym were told to warm up before their workouts, the trainer said.",
)

PAGES = st.lists(st.sampled_from(POOL), min_size=1, max_size=40)


def _page(lines: list[str]) -> Page:
    return Page.of("\n\n".join(lines), LEX)


def _contained(page: Page, line: Line) -> bool:
    return line.words >= 2 and any(
        line.key in page.lines[j].key and page.lines[j].key != line.key
        for j in page.short_lines
        if j != line.index
    )


def _about(page: Page, line: Line) -> float:
    first, last = page.body
    used: dict[str, set[int]] = {}
    for other in page.lines[first : min(last + 1, first + 60)]:
        for word in other.content:
            used.setdefault(word, set()).add(other.index)
    words = line.content
    if not words:
        return 0.0
    return sum(1 for w in words if used.get(w, set()) - {line.index}) / len(words)


def _prose_frequency(page: Page) -> dict[str, int]:
    counts: dict[str, int] = {}
    for line in page.lines:
        if line.prose:
            for word in line.content:
                counts[word] = counts.get(word, 0) + 1
    return counts


def _evidence(page: Page, line: Line) -> set[str]:
    """evidence_near / evidence_mid: a byline or date line under the candidate, not past a
    sponsor's credit, a long paragraph or more than four other lines."""
    steps = 0
    for other in page.window(line.index + 1, line.index + 9):
        if LEX.is_sponsor_credit(other.text):
            return set()
        if header_evidence(other):
            return {"evidence_near" if steps <= 1 else "evidence_mid"}
        if other.prose and (other.words > 30 or steps > 0):
            return set()
        if not other.furniture:
            steps += 1
        if steps > 4:
            return set()
    return set()


def _stacked(page: Page, line: Line, heads: set[int]) -> tuple[bool, bool]:
    """heading_next and heading_prev: the nearest line under the candidate that is neither
    furniture nor header evidence, and the nearest over it that is not furniture, is one."""
    i = line.index
    nxt = [o for o in page.window(i + 1, i + 4) if not o.furniture and not header_evidence(o)]
    prev = [o for o in reversed(page.window(i - 3, i)) if not o.furniture]
    return bool(nxt and nxt[0].index in heads), bool(prev and prev[0].index in heads)


@settings(max_examples=150, deadline=None)
@given(PAGES)
def test_features_once_per_page_are_the_per_candidate_features(drawn: list[str]) -> None:
    page = _page(drawn)
    lines = candidates(page)
    heads = {line.index for line in lines}
    reference = _page(drawn)  # a fresh page: nothing the features read was computed yet
    for line, row in zip(lines, described(page, lines), strict=True):
        same = reference.lines[line.index]
        assert ("contained" in row) == _contained(reference, same), line.text
        assert row["about"] == _about(reference, same), line.text
        assert {"evidence_near", "evidence_mid"} & row.keys() == _evidence(reference, same)
        nxt, prev = _stacked(reference, same, heads)
        assert ("heading_next" in row) == nxt, line.text
        assert ("heading_prev" in row) == prev, line.text
        first = reference.prose_upto[line.index] == 0 and min(heads) >= line.index
        assert ("first_heading" in row) == first, line.text
    assert dict(page.prose_frequency) == _prose_frequency(reference)


def test_a_headline_inside_another_short_line_only_when_that_line_says_more() -> None:
    """The case the once-per-page count must get right: the candidate's own text, printed
    twice, is no longer line that holds it; a ``Title | Site`` line is."""
    title = "Storm Closes Harbour Road"
    twice = _page([title, title, POOL[-4]])
    site = _page([f"{title} | Daily Post", title, POOL[-4]])
    for page, expected in ((twice, False), (site, True)):
        lines = candidates(page)
        row = dict(zip([line.index for line in lines], described(page, lines), strict=True))[1]
        assert ("contained" in row) is expected


def test_a_word_only_the_candidate_uses_in_the_body_is_not_what_the_body_is_about() -> None:
    """``about`` counts a word the body uses outside the candidate: a heading inside the
    body whose words only it uses scores 0, one whose words another line uses scores 1."""
    prose = [POOL[-4], POOL[-3], POOL[-2]]
    page = _page([prose[0], "Gym Workouts for Beginners", prose[1], "Bakery Bread", prose[2]])
    assert page.about(page.lines[3]) == 1.0  # "bakery", "bread": the next paragraph's
    alone = _page([prose[0], "Quilted Velvet Armchairs", prose[1]])
    assert alone.about(alone.lines[1]) == 0.0


def test_a_cached_reading_is_computed_once_per_instance() -> None:
    calls: list[int] = []

    class Probe:
        @cached_property
        def value(self) -> int:
            calls.append(1)
            return len(calls)

    probe = Probe()
    assert (probe.value, probe.value, calls) == (1, 1, [1])
    assert Probe().value == 2  # each instance its own
    assert isinstance(Probe.__dict__["value"], cached_property)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Home", "Blog", "7.", "12.", "٣.", "»", ">", "/", "›", "→", "|", "a/b", "x"]
        ),
        max_size=8,
    ),
    st.sampled_from([" ", "  ", ""]),
)
@example(["Home", "|", "Blog"], " ")
@example(["Home", "»", "Blog", "›", "Post"], " ")
@example(["Home", ">", "Blog", "/", "Post"], " ")
@example(["Home", "→", "Blog", "→", "Post"], " ")
@example(["12.", "Home"], " ")
@example(["٣.", "Home"], " ")
def test_breadcrumb_readings_skip_only_texts_the_pattern_cannot_match(
    parts: list[str], sep: str
) -> None:
    """``crumb_tail`` and furniture's trail test skip the pattern when no separator's mark is
    in the text and it starts with no digit; what they read must be the pattern's answer."""
    from cleaner.metadata.lexicon import fold
    from cleaner.metadata.lines import _CRUMB

    text = sep.join(parts) or "x"
    line = Line(0, 0, len(text), text, LEX)
    split = _CRUMB.split(text)
    assert line.crumb_tail == (fold(split[-1]) if len(split) > 1 else "")
    if len(_CRUMB.findall(text)) >= 2:
        assert line.furniture
