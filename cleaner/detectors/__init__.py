"""Detectors for machine-translation damage that no rule list names.

Each module here is one detector: a pure function ``detect(ctx) -> list[Hit]`` over the text of
one document. They know nothing about the pipeline; ``cleaner.stages.detect`` runs them, drops
hits that duplicate what the rule engine already reported, applies the safe fixes and reports
the rest. Keeping them pure makes each one testable on a sentence with hand-built entities.
"""

from __future__ import annotations

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
