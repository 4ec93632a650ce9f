"""The indexes that keep cleaning linear in input size (issue 17) give the answers of the
plain scans they replace; the time itself is measured in bench/size_scaling.py."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.detectors import Kept
from cleaner.detectors.confirm import ROLE_WINDOW, _role_before
from cleaner.detectors.names import fold
from cleaner.detectors.stray_i import quoted
from cleaner.detectors.text import QUOTES
from cleaner.document import _Earlier, _Taken, clash
from cleaner.rules import regexes
from cleaner.rules.entity import Entity
from cleaner.stages.rules import Candidate, resolve
from cleaner.textview import TextView, Token

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


@settings(max_examples=400, deadline=None)
@given(spans)
def test_kept_hits_overlap_as_the_plain_scan_says(proposed: list[tuple[int, int]]) -> None:
    for index in (Kept(), _SmallRuns()):
        kept: list[tuple[int, int]] = []
        for start, end in proposed:
            expected = any(start < k_end and k_start < end for k_start, k_end in kept)
            assert index.overlaps(start, end) == expected, (start, end, kept)
            if not expected:
                kept.append((start, end))
                index.add(start, end)


class _SmallRuns(Kept):
    """Runs of at most two spans, so that a few dozen spans split runs many times."""

    __slots__ = ()
    CHUNK = 1


class _Finding:
    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end


@settings(max_examples=400, deadline=None)
@given(spans, spans)
def test_earlier_findings_first_clash_as_the_plain_scan_says(
    findings: list[tuple[int, int]], proposed: list[tuple[int, int]]
) -> None:
    earlier = [_Finding(s, e) for s, e in findings]
    index = _Earlier(earlier)  # type: ignore[arg-type]
    for start, end in proposed:
        expected = next((f for f in earlier if clash(start, end, f.start, f.end)), None)
        assert index.first_clash(start, end) is expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab\n", max_size=30), st.integers(0, 30), st.integers(0, 5))
def test_line_bounds_are_rfind_and_find(text: str, start: int, length: int) -> None:
    start = min(start, len(text))
    end = min(start + length, len(text))
    line_end = text.find("\n", end)
    expected = (text.rfind("\n", 0, start) + 1, len(text) if line_end < 0 else line_end)
    assert regexes.line_bounds(text, start, end) == expected


@settings(max_examples=300, deadline=None)
@given(spans)
def test_kept_built_from_spans_is_kept_added_one_by_one(proposed: list[tuple[int, int]]) -> None:
    kept: list[tuple[int, int]] = []
    for start, end in proposed:
        if not any(start < k_end and k_start < end for k_start, k_end in kept):
            kept.append((start, end))
    for built in (Kept(reversed(kept)), _SmallRuns(reversed(kept))):  # (in any order)
        for start in range(0, 48):
            for end in range(start, start + 7):
                expected = any(start < k_end and k_start < end for k_start, k_end in kept)
                assert built.overlaps(start, end) == expected, (start, end, kept)


def _quoted_by_counting(text: str, pos: int) -> bool:
    """The old definition: the quote marks counted from the line's start, for every word."""
    before = text[text.rfind("\n", 0, pos) + 1 : pos]
    return sum(before.count(q) for q in QUOTES) % 2 == 1


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="a I\n" + "".join(sorted(QUOTES)), max_size=40))
def test_quoted_is_the_count_of_quote_marks_on_the_line(text: str) -> None:
    view = TextView(text)  # one view for every position: the marks are found once
    for pos in range(len(text) + 1):
        assert quoted(view, pos) == _quoted_by_counting(text, pos), (text, pos)


_ROLE_WORDS = ["Foreign", "Minister", "foreign", "minister", "Secretary", "of", "State", "the"]
_ROLE_PERSON = Entity("x", "Ann Bee", "person", titles=("Foreign Minister", "Secretary of State"))


def _role_before_by_scan(text: str, toks: list[Token], start: int) -> bool:
    """The old definition's window (the last ``ROLE_WINDOW`` words ending by ``start``, in
    its sentence), found by a scan of every word, and its test of the titles."""
    window = [t for t in toks if t.end <= start][-ROLE_WINDOW:]
    if not window or regex.search(r"[.!?\n]", text[window[0].start : start]):
        window = [t for t in window if not regex.search(r"[.!?\n]", text[t.end : start])]
    seen = {fold(t.text) for t in window}
    for title in _ROLE_PERSON.titles:
        found = 0
        for w in {fold(w) for w in title.split() if len(w) > 3}:
            found += w in seen or any(v.startswith(w[:5]) for v in seen)
        if found >= 2:
            return True
    return False


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_ROLE_WORDS, ".", "\n"]), max_size=14))
def test_role_before_bisects_the_tokens_as_the_ends_list_did(parts: list[str]) -> None:
    text = " ".join(parts)
    toks = TextView(text).tokens
    for start in range(len(text) + 1):
        expected = _role_before_by_scan(text, toks, start)
        assert _role_before(text, toks, start, _ROLE_PERSON.titles) == expected, (text, start)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 6), st.booleans()), max_size=60))
def test_resolve_chooses_as_the_plain_greedy_scan(found: list[tuple[int, int, bool]]) -> None:
    candidates = [Candidate(s, s + n, f"XX{k:03}", protect=p) for k, (s, n, p) in enumerate(found)]
    chosen: list[Candidate] = []
    for c in sorted(candidates, key=Candidate.sort_key):
        if not any(c.start < k.end and k.start < c.end for k in chosen):
            chosen.append(c)
    assert resolve(candidates) == sorted(chosen, key=lambda c: c.start)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab .!?\n", max_size=30))
def test_sentence_at_bisects_as_the_scan_over_sentences_did(text: str) -> None:
    view = TextView(text)
    for at in range(len(text) + 2):
        scanned = next(((s, e) for s, e in view.sentences if s <= at < e), None)
        assert view.sentence_at(at) == scanned, (text, at)
