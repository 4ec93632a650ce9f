"""Detectors for machine-translation damage that no rule list names.

Each module here is one detector: a pure function ``detect(ctx) -> list[Hit]`` over the text of
one document. They know nothing about the pipeline; ``cleaner.stages.detect`` runs them, drops
hits that duplicate what the rule engine already reported, applies the safe fixes and reports
the rest. Keeping them pure makes each one testable on a sentence with hand-built entities.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from cleaner.model import FixSafety, Level


@dataclass(frozen=True, slots=True)
class Hit:
    """One suspected problem on ``text[start:end]``; ``suggestions[0]`` is the fix, if any."""

    start: int
    end: int
    rule: str
    level: Level
    message: str
    suggestions: tuple[str, ...] = ()
    fix: FixSafety = FixSafety.NONE
    reason: str = ""
    # The gazetteer entity a name repair restores (NE911/NE912), so that later detectors
    # can read the repaired name (a pronoun's antecedent); empty for other hits.
    about: str = ""


def suggestion(start: int, end: int, rule: str, message: str, *fixes: str, why: str) -> Hit:
    """A warning whose fixes are only suggestions (unsafe): what most detectors report."""
    return Hit(start, end, rule, Level.WARNING, message, fixes, FixSafety.UNSAFE, why)


class Kept:
    """Spans that do not overlap one another, sorted. Sorted by (start, end), such spans
    have ascending ends too, so a new span overlaps one of them exactly when it overlaps the
    first that ends after its start: a bisection, where testing every kept span made a large
    file quadratic (the detector stage's hits against all earlier detectors'; the
    confirmation detector's title-case words against every name it repaired; the rule
    stage's candidates against those chosen). Only spans that overlap none already kept may
    be added (what ``overlaps`` answers).

    The spans are held in runs of at most ``2 * CHUNK``, each sorted, with each run's first
    span and last end beside them: one sorted list took a move of its whole tail at each
    insert, and the rule stage inserts out of order (longest candidates first), which was
    quadratic on a file of one long line (252,000 inserts at 4 MB)."""

    __slots__ = ("_ends", "_firsts", "_lasts", "_spans")
    CHUNK = 256

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._spans: list[list[tuple[int, int]]] = []  # the runs
        self._ends: list[list[int]] = []  # each run's ends
        self._firsts: list[tuple[int, int]] = []  # each run's first span
        self._lasts: list[int] = []  # each run's last end (ascending, as all ends are)
        for start, end in spans:
            self.add(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        run = bisect_right(self._lasts, start)  # the run holding the first end past start
        if run == len(self._lasts):
            return False
        return self._spans[run][bisect_right(self._ends[run], start)][0] < end

    def add(self, start: int, end: int) -> None:
        span = (start, end)
        if not self._spans:
            self._spans.append([span])
            self._ends.append([end])
            self._firsts.append(span)
            self._lasts.append(end)
            return
        run = max(0, bisect_right(self._firsts, span) - 1)
        spans, ends = self._spans[run], self._ends[run]
        i = bisect_right(spans, span)
        spans.insert(i, span)
        ends.insert(i, end)
        self._firsts[run], self._lasts[run] = spans[0], ends[-1]
        if len(spans) > 2 * self.CHUNK:  # split the run in two
            half = len(spans) // 2
            self._spans.insert(run + 1, spans[half:])
            self._ends.insert(run + 1, ends[half:])
            self._firsts.insert(run + 1, spans[half])
            self._lasts.insert(run + 1, ends[-1])
            del spans[half:], ends[half:]
            self._lasts[run] = ends[-1]
