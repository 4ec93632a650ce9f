"""What the pipeline knows about one version of the text, computed lazily, at most once.

A ``TextView`` belongs to one text: ``Document.view`` builds it on first use and ``apply``
drops it, so nothing ever reads segmentation of a text that has since changed.

Protected spans live here because the ``decide`` step consults them for every proposal:

* ``sic_spans``: an editor's ``[sic]`` (``[sic!]``, ``(sic)``) and the word before it. No rule
  changes or reports them.
* ``literal_spans``: URLs, e-mail addresses and lines of program code. Their letters are not
  prose, so rules about wording (the rule files, the detectors, the grammar checker) keep
  out; encoding repair, normalisation and boilerplate removal still apply there.
"""

from __future__ import annotations

import re
from bisect import bisect_right

import regex

# A word (no spaces or brackets) then, after at most one space, [sic] / [sic!] / (sic).
_SIC = re.compile(r"([^\s\[\]()]+)[ \u00a0]?(?:\[sic!?\]|\(sic!?\))", re.IGNORECASE)
_SIC_HINT = re.compile(r"sic", re.IGNORECASE)
_URL = regex.compile(
    r"(?:https?\s?:\s?/\s?/|www\s?\.)(?:\s?[/.]\s?|\S)+"  # also "https: / / www.x.com / y"
    r"|\S+@\S+\.\w+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|ua|ru|io|gov|edu|uk|de)\b\S*"
)
_URL_HINT = re.compile(r"[@/]|\.(?:com|org|net|ua|ru|io|gov|edu|uk|de)\b|www", re.IGNORECASE)
# Marks of a line of program code. A semicolon counts only where a statement ends (line end,
# before a closing brace): prose uses semicolons mid-sentence, code at the end.
_CODE_MARKS = regex.compile(r"[{}=<>`]|\(\)|;[ \t]*(?:$|\})", regex.MULTILINE)
_CODE_HINT = re.compile(r"[{}=<>`;]|\(\)")
_LINE = regex.compile(r"[^\n]+")

Span = tuple[int, int]


class SpanSet:
    """Sorted spans with a fast overlap test (most texts have none, or a handful)."""

    __slots__ = ("maxend", "spans", "starts")

    def __init__(self, spans: list[Span]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        # Running maximum of the ends: spans may overlap (a URL on a line of code).
        self.maxend: list[int] = []
        top = -1
        for _, e in self.spans:
            top = max(top, e)
            self.maxend.append(top)

    def __bool__(self) -> bool:
        return bool(self.spans)

    def touches(self, start: int, end: int) -> bool:
        """Overlap with any span; an empty range counts when it lies strictly inside one
        (an insertion there would split it)."""
        j = bisect_right(self.starts, end) - 1
        while j >= 0 and self.maxend[j] > start:
            s, e = self.spans[j]
            if (start < e and end > s) or (start == end and s < start < e):
                return True
            j -= 1
        return False


class TextView:
    """Lazily computed facts about one text version."""

    __slots__ = ("_literal", "_sic", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._sic: SpanSet | None = None
        self._literal: SpanSet | None = None

    @property
    def sic_spans(self) -> SpanSet:
        """Word and mark of every ``[sic]`` (see module docstring)."""
        if self._sic is None:
            text = self.text
            found: list[Span] = []
            if _SIC_HINT.search(text):
                found = [(m.start(1), m.end()) for m in _SIC.finditer(text)]
            self._sic = SpanSet(found)
        return self._sic

    @property
    def literal_spans(self) -> SpanSet:
        """URLs, e-mail addresses and lines of code (see module docstring)."""
        if self._literal is None:
            text = self.text
            found: list[Span] = []
            if _URL_HINT.search(text):
                found = [(m.start(), m.end()) for m in _URL.finditer(text)]
            if _CODE_HINT.search(text):
                for line in _LINE.finditer(text):
                    if len(_CODE_MARKS.findall(line.group())) >= 2:
                        found.append((line.start(), line.end()))
            self._literal = SpanSet(found)
        return self._literal


def sic_spans(text: str) -> list[Span]:
    """The ``[sic]`` spans of ``text`` (for callers without a document)."""
    return TextView(text).sic_spans.spans


def literal_spans(text: str) -> list[Span]:
    """URLs, e-mail addresses and lines of code in ``text``."""
    return TextView(text).literal_spans.spans
