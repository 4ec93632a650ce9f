"""A rule's ``confirm`` phrases: what the article must write elsewhere for a risky fix to be safe.

Why: a calque like ``New Prime Minister`` (Chinese 新总理, 新 short for Singapore) is English
in some articles, so it is only a suggestion; but an article that itself writes ``Singapore
Prime Minister Li Xianlong`` elsewhere has said what the phrase means, and a finding the
article confirms should be a fix (the brief). A substitution or pattern rule with ``fix:
unsafe`` may list ``confirm`` phrases; when the article writes one of them outside the match,
the fix is safe. ``{next}`` in a phrase stands for the capitalised words right after the
match (the name after a title), so the confirmation is about the same person. Words of a
phrase match across a space or a hyphen, spaced or not (``China -Singapore`` is
``China-Singapore`` still to be repaired); case as written.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import regex

NEXT = "{next}"
# The capitalised words right after a match: "New Prime Minister| Li Xianlong sent".
_NEXT_RUN = regex.compile(r"(?:[ \u00a0]\p{Lu}[\p{L}\p{M}'’-]*)+")
_JOIN = r"(?:\s*[-\u2010\u2011\u2013]\s*|\s+)"


def problem(phrase: str) -> str | None:
    """Why ``phrase`` cannot be a confirm phrase, or None."""
    rest = phrase.replace(NEXT, "")
    if "{" in rest or "}" in rest:
        return f"confirm phrase {phrase!r}: only {NEXT} may stand in braces"
    if not any(c.isalnum() for c in rest):
        return f"confirm phrase {phrase!r} has no words of its own"
    return None


def confirmation(text: str, start: int, end: int, phrases: Sequence[str]) -> str | None:
    """The first of ``phrases`` the article writes outside ``text[start:end]`` (with
    ``{next}`` the match's following capitalised words, and those outside too), as written
    there; None if none is."""
    for phrase in phrases:
        stop = end
        if NEXT in phrase:
            run = _NEXT_RUN.match(text, end)
            if run is None:
                continue
            stop = run.end()
            phrase = phrase.replace(NEXT, run.group().strip())
        for found in _pattern(phrase).finditer(text):
            if found.end() <= start or found.start() >= stop:
                return found.group()
    return None


@lru_cache(maxsize=256)
def _pattern(phrase: str) -> regex.Pattern[str]:
    words = [regex.escape(w) for w in regex.split(r"[ \-]+", phrase.strip()) if w]
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}]){_JOIN.join(words)}(?![\p{{L}}\p{{N}}])")
