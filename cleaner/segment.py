"""Split text into lines and paragraphs (units), deciding which line breaks are hard wraps.

Scraped news arrives in three layouts: one paragraph per line (most feeds), paragraphs
separated by blank lines, and hard-wrapped text (lines cut at a fixed width). Only the last
needs lines joined, and joining the wrong lines destroys structure, so a document counts as
hard-wrapped only when its lines look cut at one width, and a line is joined to the next
only when the next line's first word would have fitted on it (the wrapper would otherwise
have put it there).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_BULLET = regex.compile(r"^\s*(?:[-*\u2022\u2013\u2014]\s|\d{1,3}[.)]\s)")
_FIRST_WORD = regex.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Line:
    """A line of the text: ``text`` is ``doc[start:end]`` without its newline."""

    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def bullet(self) -> bool:
        return bool(_BULLET.match(self.text))


@dataclass(frozen=True, slots=True)
class Unit:
    """A paragraph or list item: one or more consecutive lines that belong together."""

    lines: tuple[Line, ...]

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end

    @property
    def bullet(self) -> bool:
        return self.lines[0].bullet


def split_lines(text: str) -> list[Line]:
    """Lines on ``\\n`` only (the normaliser has already unified line endings)."""
    lines: list[Line] = []
    start = 0
    for part in text.split("\n"):
        lines.append(Line(start, start + len(part), part))
        start += len(part) + 1
    return lines


def wrap_width(lines: list[Line]) -> int | None:
    """The width a hard-wrapped text was cut at, or ``None`` if it is not hard-wrapped.

    Evidence required: at least four lines that continue into a next line, a width between
    30 and 120 columns, and most such lines ending close to that width.
    """
    followed = [
        len(a.text.rstrip())
        for a, b in zip(lines, lines[1:], strict=False)
        if not a.blank and not b.blank
    ]
    if len(followed) < 4:
        return None
    lengths = sorted(len(line.text.rstrip()) for line in lines if not line.blank)
    width = lengths[int(0.95 * (len(lengths) - 1))]
    if not 30 <= width <= 120:
        return None
    near = sum(1 for n in followed if n >= width - 25)
    return width if near >= 0.75 * len(followed) else None


def is_wrap(line: Line, following: Line, width: int) -> bool:
    """True if the break between ``line`` and ``following`` is a hard wrap to be joined."""
    if following.blank or line.blank or following.bullet:
        return False
    word = _FIRST_WORD.search(following.text)
    first = len(word.group()) if word else 0
    return len(line.text.rstrip()) + 1 + first > width


def units(text: str, lines: list[Line] | None = None) -> list[Unit]:
    """Paragraph units of ``text`` (blank lines dropped), wraps joined into one unit.
    ``lines``: ``split_lines(text)`` when the caller already has them."""
    lines = split_lines(text) if lines is None else lines
    width = wrap_width(lines)
    result: list[Unit] = []
    current: list[Line] = []
    for i, line in enumerate(lines):
        if line.blank:
            if current:
                result.append(Unit(tuple(current)))
                current = []
            continue
        current.append(line)
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is None or width is None or not is_wrap(line, nxt, width):
            result.append(Unit(tuple(current)))
            current = []
    if current:
        result.append(Unit(tuple(current)))
    return result
