"""The indexes that keep cleaning linear in input size (issue 17) give the answers of the
plain scans they replace; the time itself is measured in bench/size_scaling.py."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.document import _Taken, clash
from cleaner.rules import regexes

spans = st.lists(
    st.tuples(st.integers(0, 40), st.integers(0, 6)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=60,
)


@settings(max_examples=400, deadline=None)
@given(spans)
def test_taken_spans_clash_as_the_plain_scan_says(proposed: list[tuple[int, int]]) -> None:
    accepted: list[tuple[int, int]] = []
    taken = _Taken()
    for start, end in proposed:
        expected = any(clash(start, end, *span) for span in accepted)
        assert taken.clashes(start, end) == expected, (start, end, accepted)
        if not expected:
            accepted.append((start, end))
            taken.add(start, end)


def _excepted_by_rescanning(patterns, text, start, end):  # type: ignore[no-untyped-def]
    """The old definition: every pattern over the hit's whole line, for every hit."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    a, b = start - line_start, end - line_start
    for pattern in patterns:
        for m in pattern.finditer(line):
            if (m.start() < b and a < m.end()) or (a == b and m.start() <= a <= m.end()):
                return True
    return False


PATTERNS = [r"ab+", r"\bba", r"a(?=b)", r"^b", r"a$", r"(?<=a)", r"b{2,}a?", r"x*"]


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ab \n", max_size=40),
    st.lists(st.sampled_from(PATTERNS), min_size=1, max_size=3),
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 4)), min_size=1, max_size=12),
)
def test_exceptions_found_once_per_line_as_by_rescanning(
    text: str, sources: list[str], hits: list[tuple[int, int]]
) -> None:
    patterns = tuple(regex.compile(p) for p in sources)
    for start, length in hits:
        start = min(start, len(text))
        end = min(start + length, len(text))
        expected = _excepted_by_rescanning(patterns, text, start, end)
        assert regexes.excepted(patterns, text, start, end, "XX001") == expected
