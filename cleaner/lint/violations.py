"""Edits and findings as lint violations: a level, a line:col in the file on disk, a fix flag.

Why edits are violations too: ``cleaner fix`` applies them, so ``cleaner check`` must report
them or a damaged article (mojibake, boilerplate) would pass the check and still change on
fix. ruff does the same with fixable violations.

Levels and fix safety: every edit and finding carries its rule's (``Document.decide`` gave
them from the rule's registry record or the hit itself), so nothing here guesses from the
stage: encoding repairs and boilerplate removal are errors (the text on disk is damaged or is
not article text), artifact fixes mostly warnings, normalisation info (canonical form).

Normalisation edits are many and alike (one NM109 per paragraph), so they are grouped: one
violation per rule and message per file, with ``count`` and every location. Other edits that
one rule made on one line in one batch (ftfy fixes a mojibake word character by character)
merge into one violation covering the damaged stretch.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from cleaner.model import CleanResult, FixSafety, Level, Stage

GROUPED_STAGES = frozenset({Stage.NORMALISE})
# A merged stretch of edits longer than this starts a new violation (keeps snippets readable).
MAX_MERGED_CHARS = 80
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Code-point offsets to 1-based line and column in the text as it is on disk.

    Lines end at LF, CRLF or a lone CR, as editors count them. A UTF-8 byte-order mark kept
    in the decoded text is not a column an editor shows, so columns on line 1 skip it.
    """

    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in _LINE_BREAK.finditer(text))]
        self.bom = text.startswith("\ufeff")

    def position(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.starts, pos) - 1
        column = pos - self.starts[i] + 1
        if i == 0 and self.bom and pos > 0:
            column -= 1
        return i + 1, column


@dataclass(frozen=True, slots=True)
class Span:
    """Where a violation is: code points ``[start, end)`` and 1-based line/column; the end
    column is exclusive (SARIF's convention). ``replacement``: what an edit writes there."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    replacement: str | None = None

    @classmethod
    def at(cls, index: LineIndex, start: int, end: int, replacement: str | None = None) -> Span:
        line, column = index.position(start)
        end_line, end_column = index.position(end)
        return cls(start, end, line, column, end_line, end_column, replacement)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
        }
        if self.replacement is not None:
            data["replacement"] = self.replacement
        return data


@dataclass(frozen=True, slots=True)
class Item:
    """One edit or finding before grouping: what a baseline looks at.

    ``seen`` is the text the stage saw (``Edit.old`` / ``Finding.text``), ``text`` the same
    span in the file on disk; they differ when an earlier stage had already changed it.
    """

    rule: str
    stage: Stage
    level: Level
    kind: str  # "edit" | "finding"
    message: str
    start: int
    end: int
    text: str
    seen: str
    suggestions: tuple[str, ...]
    fix: FixSafety
    seq: int = -1


@dataclass(frozen=True, slots=True)
class Violation:
    """One line of ``cleaner check`` output (and one object of its JSON)."""

    path: str
    rule: str
    stage: str
    level: Level
    kind: str
    message: str
    text: str
    span: Span
    suggestions: tuple[str, ...]
    fix: FixSafety
    fixable: bool
    fingerprint: str
    count: int = 1
    locations: tuple[Span, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "rule": self.rule,
            "stage": self.stage,
            "level": self.level.value,
            "kind": self.kind,
            "message": self.message,
            "text": self.text,
            "span": self.span.to_dict(),
            "suggestions": list(self.suggestions),
            "fix": self.fix.value,
            "fixable": self.fixable,
            "count": self.count,
            "locations": [s.to_dict() for s in self.locations or (self.span,)],
            "fingerprint": self.fingerprint,
        }


def items_from_result(result: CleanResult, original: str) -> list[Item]:
    """Every edit and finding of ``result`` as an ``Item`` (spans in ``original``)."""
    items: list[Item] = []
    for e in result.edits:
        items.append(
            Item(
                rule=e.rule,
                stage=e.stage,
                level=e.level or Level.WARNING,  # a log written before edits carried levels
                kind="edit",
                message=e.message or e.reason,
                start=e.start,
                end=e.end,
                text=original[e.start : e.end],
                seen=e.old,
                suggestions=(e.new,),
                fix=e.fix or FixSafety.SAFE,
                seq=e.seq,
            )
        )
    for f in result.findings:
        items.append(
            Item(
                rule=f.rule,
                stage=f.stage,
                level=f.level,
                kind="finding",
                message=f.message or f.reason,
                start=f.start,
                end=f.end,
                text=original[f.start : f.end],
                seen=f.text,
                suggestions=f.suggestions,
                fix=f.fix,
            )
        )
    return items


def context_of(original: str, start: int, end: int, width: int = 16) -> str:
    """Letters and digits around a span on its own line, lower-cased: survives re-spacing,
    re-quoting and any edit in another paragraph, so a baseline entry still matches after
    ``cleaner fix`` normalised the article or an editor added a paragraph."""
    line_start = max(original.rfind("\n", 0, start), original.rfind("\r", 0, start)) + 1
    line_end = min(
        (i for i in (original.find("\n", end), original.find("\r", end)) if i >= 0),
        default=len(original),
    )
    window = original[max(line_start, start - 4 * width) : start]
    before = "".join(c for c in window if c.isalnum())
    after = "".join(c for c in original[end : min(line_end, end + 4 * width)] if c.isalnum())
    return f"{before[-width:]}|{after[:width]}".lower()


def fingerprint(rule: str, seen: str, context: str) -> str:
    """Stable id of a violation for SARIF ``partialFingerprints`` and JSON consumers."""
    digest = hashlib.sha256(f"{rule}\0{seen}\0{context}".encode()).hexdigest()
    return digest[:16]


def to_violations(path: str, items: list[Item], original: str) -> list[Violation]:
    """Group items into the violations a user reads (see module docstring)."""
    index = LineIndex(original)
    out: list[Violation] = []
    grouped: dict[tuple[str, str], list[Item]] = {}
    merged: list[list[Item]] = []
    for item in sorted(items, key=lambda i: (i.start, i.end, i.rule)):
        if item.kind == "edit" and item.stage in GROUPED_STAGES:
            grouped.setdefault((item.rule, item.message), []).append(item)
        elif item.kind == "edit" and merged and _mergeable(merged[-1], item, original, index):
            merged[-1].append(item)
        else:
            merged.append([item])
    for group in merged:
        out.append(_merged(path, group, original, index))
    for (_, message), group in grouped.items():
        first = group[0]
        spans = tuple(Span.at(index, i.start, i.end, _replacement(i)) for i in group)
        count = len(group)
        out.append(
            Violation(
                path=path,
                rule=first.rule,
                stage=first.stage.value,
                level=first.level,
                kind="edit",
                message=message if count == 1 else f"{message} ({count} places)",
                text=first.text,
                span=spans[0],
                suggestions=first.suggestions,
                fix=first.fix,
                fixable=True,
                fingerprint=fingerprint(
                    first.rule, first.seen, context_of(original, first.start, first.end)
                ),
                count=count,
                locations=spans,
            )
        )
    out.sort(key=lambda v: (v.span.start, v.span.end, v.rule))
    return out


def _replacement(item: Item) -> str | None:
    """What an edit writes over its span on disk; ``None`` for findings, and for edits whose
    span an earlier stage had already changed (applying it to the file would be wrong)."""
    if item.kind != "edit" or item.seen != item.text:
        return None
    return item.suggestions[0]


def _mergeable(group: list[Item], item: Item, original: str, index: LineIndex) -> bool:
    """Same rule, batch and message, and either close on one line (a word ftfy repaired
    character by character) or touching (a block of boilerplate removed line by line)."""
    last = group[-1]
    if not (
        last.kind == "edit"
        and (last.rule, last.seq, last.message) == (item.rule, item.seq, item.message)
        and item.start >= last.end
        and all(i.seen == i.text for i in (*group, item))
    ):
        return False
    if not original[last.end : item.start].strip():
        return True
    return (
        index.position(item.start)[0] == index.position(group[0].start)[0]
        and item.end - group[0].start <= MAX_MERGED_CHARS
    )


def _merged(path: str, group: list[Item], original: str, index: LineIndex) -> Violation:
    first, last = group[0], group[-1]
    if len(group) == 1:
        text, suggestions = first.text, first.suggestions
        spans: tuple[Span, ...] = (Span.at(index, first.start, first.end, _replacement(first)),)
    else:
        # Rewrite the stretch with every edit in it, so the suggestion reads as a whole word.
        parts: list[str] = []
        cursor = first.start
        for i in group:
            parts.append(original[cursor : i.start])
            parts.append(i.suggestions[0])
            cursor = i.end
        parts.append(original[cursor : last.end])
        text = original[first.start : last.end]
        suggestions = ("".join(parts),)
        spans = tuple(Span.at(index, i.start, i.end, _replacement(i)) for i in group)
    span = Span.at(index, first.start, last.end)
    message = first.message
    if len(group) > 1 and span.end_line > span.line:
        message += f" ({len(group)} places)"  # a block removed line by line
    return Violation(
        path=path,
        rule=first.rule,
        stage=first.stage.value,
        level=first.level,
        kind=first.kind,
        message=message,
        text=text,
        span=span,
        suggestions=suggestions,
        fix=first.fix,
        fixable=first.kind == "edit",
        fingerprint=fingerprint(first.rule, first.seen, context_of(original, span.start, span.end)),
        count=len(group),
        locations=spans,
    )


def show(text: str, limit: int = 40) -> str:
    """A snippet in double quotes with invisible characters made visible (``\\n``, ``\\u00a0``)."""
    out: list[str] = []
    for c in text:
        if c == "\n":
            out.append("\\n")
        elif c == "\r":
            out.append("\\r")
        elif c == "\t":
            out.append("\\t")
        elif c == '"':
            out.append('\\"')
        elif c == " " or c.isprintable():
            out.append(c)
        else:
            out.append(f"\\u{ord(c):04x}")
    shown = "".join(out)
    if len(shown) > limit:
        shown = shown[: limit - 1] + "\u2026"
    return f'"{shown}"'
