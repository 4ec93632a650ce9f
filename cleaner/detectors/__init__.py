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
    """Hits' spans that do not overlap one another, sorted. Sorted by (start, end), such
    spans have ascending ends too, so a new span overlaps one of them exactly when it
    overlaps the first that ends after its start: a bisection, where testing every kept hit
    made a large file quadratic (the detector stage's hits against all earlier detectors';
    the confirmation detector's title-case words against every name it repaired). Only
    spans that overlap none already kept may be added (what ``overlaps`` answers)."""

    __slots__ = ("ends", "spans")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.spans: list[tuple[int, int]] = []
        self.ends: list[int] = []
        for start, end in spans:
            self.add(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.ends, start)
        return i < len(self.spans) and self.spans[i][0] < end

    def add(self, start: int, end: int) -> None:
        i = bisect_right(self.spans, (start, end))
        self.spans.insert(i, (start, end))
        self.ends.insert(i, end)
