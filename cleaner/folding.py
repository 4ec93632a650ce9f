"""Fold text so one literal key matches every harmless variation of a phrase.

Folding lowercases, unifies apostrophes and turns each run of spaces, tabs, hyphens and at
most one line break into a single space, so ``Long -term``, ``long-term`` and ``long\\nterm``
all read ``long term``. A blank line is never folded away (a phrase does not continue
across paragraphs). ``Folded.to_original`` maps positions back for the replacement spans.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import regex

_SEP = "[ \\t\\u00a0\\-\\u2010\\u2011]"
_RUN = regex.compile(f"{_SEP}+(?:\\n{_SEP}*)?|\\n{_SEP}*")
# The same runs minus the single plain spaces (most of a text), which need no mapping.
_MAPPED_RUN = regex.compile(f"{_SEP}*\\n{_SEP}*|{_SEP}{{2,}}|[\\t\\u00a0\\-\\u2010\\u2011]")
_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def _lower(text: str) -> str:
    """Lowercase, except the few characters that lowercase to two (``İ`` -> ``i̇``): they
    stay as they are, so offsets stay exact and a key folds as the text it must match."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lowered


def fold_key(phrase: str, *, lower: bool = True) -> str:
    """The folded form of a rule's literal (what the automaton stores)."""
    phrase = phrase.translate(_APOS).strip()
    if lower:
        phrase = _lower(phrase)
    return _RUN.sub(" ", phrase)


@dataclass(slots=True)
class Folded:
    """A folded copy of a text and the map back to the original's positions."""

    text: str
    # Parallel arrays: folded position where a folded run starts, original start and end.
    starts: list[int]
    orig_starts: list[int]
    orig_ends: list[int]
    # The folded text with every non-word character as a space, padded with one space each
    # side (what the matchers scan); built on first use, shared by every matcher.
    bounded: str | None = None

    def to_original(self, pos: int, *, is_end: bool = False) -> int:
        i = bisect_right(self.starts, pos) - 1
        if i < 0:
            return pos
        f, os, oe = self.starts[i], self.orig_starts[i], self.orig_ends[i]
        if pos == f:
            return os
        # pos is after the one-space stand-in for the run
        return pos - f - 1 + oe


def fold(text: str) -> Folded:
    """Fold ``text`` (lowercase; runs of separators -> one space) keeping a position map."""
    lowered = _lower(text)
    if not lowered.isascii() and any(c in lowered for c in "\u2019\u2018\u02bc"):
        lowered = lowered.translate(_APOS)
    parts: list[str] = []
    starts: list[int] = []
    orig_starts: list[int] = []
    orig_ends: list[int] = []
    cursor = 0
    out_len = 0
    for m in _MAPPED_RUN.finditer(lowered):
        s, e = m.span()
        parts.append(lowered[cursor:s])
        out_len += s - cursor
        starts.append(out_len)
        orig_starts.append(s)
        orig_ends.append(e)
        parts.append(" ")
        out_len += 1
        cursor = e
    parts.append(lowered[cursor:])
    return Folded("".join(parts), starts, orig_starts, orig_ends)
