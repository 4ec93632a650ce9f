"""Line the original up with the clean text, change by change, from the edit log alone.

Why not diff the two texts: a diff guesses what changed; the edit log *knows* (rule, reason,
span). Replaying the log forwards over the original gives an exact partition of both texts
into stretches that are identical and stretches that one or more edits rewrote ("changes").
Later edits can rewrite what earlier ones wrote (an encoding repair, then a quote
normalisation on the same character), so a change may carry several edits; it is always
reported whole, never split at a guess.

Rows (paragraph-by-paragraph alignment) are cut only where both texts break a line at the
same point: a newline in an identical stretch, or a change that only alters blank space
between paragraphs ("layout" changes such as NM109). A change that removes whole lines
(boilerplate) gets a row of its own, shown on the left only. Every other change stays inline,
so a row's left side concatenates to a piece of the original and its right side to the
matching piece of the clean text, which the tests check.
"""

from __future__ import annotations

import difflib
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from cleaner.editlog import batches
from cleaner.model import CleanResult, Edit, Finding, Stage

# Which stage colours a change made by several edits: the most meaningful one wins.
_STAGE_PRIORITY = {
    Stage.BOILERPLATE: 0,
    Stage.ARTIFACT: 1,
    Stage.GRAMMAR: 2,
    Stage.ENCODING: 3,
    Stage.NORMALISE: 4,
}

_NEWLINES = regex.compile(r"\n+")
_TOKEN = regex.compile(r"\s+|\w+|[^\w\s]", regex.UNICODE)


@dataclass(slots=True)
class Piece:
    """A stretch of the working text; ``edits`` empty means it is still the original's."""

    text: str
    o_start: int
    o_end: int
    edits: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Change:
    """A maximal rewritten stretch: ``old`` (original) became ``new`` (clean) via ``edits``."""

    index: int
    old: str
    new: str
    start: int
    end: int
    out_start: int
    out_end: int
    edits: tuple[int, ...]
    rules: tuple[str, ...]
    stage: Stage

    kind: str = "inline"

    @property
    def layout(self) -> bool:
        """Only blank space between paragraphs changed: not worth a reviewer's attention."""
        return self.kind == "layout"

    @property
    def block(self) -> bool:
        """Whole lines removed (boilerplate, say): shown as a left-only row of its own."""
        return self.kind == "block"


def classify(original: str, start: int, end: int, new: str) -> str:
    """``layout``, ``block`` or ``inline``: how a change sits among the rows.

    Layout: whitespace only, and the clean side breaks the line too (or blank lines just
    went), so both sides break the row there. A joined hard wrap (newline -> space) is not
    layout: the clean side has no break there, so it stays inline, visible as a change.
    Block: text removed from line start to line end, e.g. a boilerplate line.
    """
    old = original[start:end]
    if not old.strip() and not new.strip():
        joined = "\n" in old and new and "\n" not in new
        return "layout" if "\n" in old + new and not joined else "inline"
    at_start = start == 0 or original[start - 1] == "\n" or old.startswith("\n")
    at_end = end == len(original) or original[end] == "\n" or old.endswith("\n")
    return "block" if old.strip() and not new.strip() and at_start and at_end else "inline"


@dataclass(frozen=True, slots=True)
class Part:
    """A word-level piece of one side of a change: ``changed`` is highlighted."""

    text: str
    changed: bool
    findings: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Same:
    """Text identical on both sides; ``findings`` mark it on the clean side only."""

    text: str
    findings: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class ChangeAtom:
    """A change as it appears in a row, split into word-level parts for each side."""

    change: int
    left: tuple[Part, ...]
    right: tuple[Part, ...]


Atom = Same | ChangeAtom


@dataclass(slots=True)
class Row:
    """One aligned paragraph: atoms in order, and layout changes at its end."""

    atoms: list[Atom] = field(default_factory=list)
    layout: list[int] = field(default_factory=list)

    def left(self) -> str:
        return "".join(
            a.text if isinstance(a, Same) else "".join(p.text for p in a.left) for a in self.atoms
        )

    def right(self) -> str:
        return "".join(
            a.text if isinstance(a, Same) else "".join(p.text for p in a.right) for a in self.atoms
        )


@dataclass(slots=True)
class Alignment:
    """Everything the report and ``cleaner diff`` show for one article."""

    changes: list[Change]
    rows: list[Row]


def replay(original: str, edits: Sequence[Edit]) -> list[Piece]:
    """Apply the edit log forwards to ``original``, keeping track of what came from where.

    The batches come from ``cleaner.editlog.batches`` (the one reading of the log); within a
    batch, positions (``pos``) refer to the text before the batch, as in ``Document.apply``.
    An edit that touches a stretch an earlier edit wrote absorbs that whole stretch, so a
    change never claims to know which part of a rewrite came from which original character.
    Raises ``ValueError`` when the log does not fit the text.
    """
    pieces = [Piece(original, 0, len(original))] if original else []
    for batch in batches(edits):
        pieces = _apply_batch(pieces, edits, [p.index for p in batch])
    return pieces


def _apply_batch(pieces: list[Piece], edits: Sequence[Edit], order: list[int]) -> list[Piece]:
    starts: list[int] = []
    pos = 0
    for p in pieces:
        starts.append(pos)
        pos += len(p.text)
    total = pos
    working = "".join(p.text for p in pieces)

    # Group edits, widening each to whole earlier changes it touches.
    groups: list[list[int]] = []  # [S, E, edit indices...]
    for i in order:
        e = edits[i]
        s, t = e.pos, e.pos + len(e.old)
        if t > total or working[s:t] != e.old:
            raise ValueError(f"edit {e.rule} at {e.pos} does not match the text")
        s, t = _widen(pieces, starts, s, t)
        if groups and (s < groups[-1][1] or (s == groups[-1][1] and s == groups[-1][0] == t)):
            groups[-1][1] = max(groups[-1][1], t)
            groups[-1].append(i)
        else:
            groups.append([s, t, i])

    # Replace right to left so earlier working positions stay valid.
    for group in reversed(groups):
        s, t, *members = group
        a = _split(pieces, starts, s)
        b = max(a, _split(pieces, starts, t, end=True))
        covered = pieces[a:b]
        o_start = covered[0].o_start if covered else _orig_at(pieces, a)
        o_end = covered[-1].o_end if covered else o_start
        new_text = []
        cursor = s
        for i in members:
            e = edits[i]
            new_text.append(working[cursor : e.pos])
            new_text.append(e.new)
            cursor = e.pos + len(e.old)
        new_text.append(working[cursor:t])
        ids = tuple(sorted({j for p in covered for j in p.edits} | set(members)))
        pieces[a:b] = [Piece("".join(new_text), o_start, o_end, ids)]
        starts[a:b] = [s]
    return [p for p in pieces if p.text or p.edits]


def _widen(pieces: list[Piece], starts: list[int], s: int, t: int) -> tuple[int, int]:
    """Extend ``[s, t)`` to cover whole changed pieces it overlaps or sits strictly inside."""
    i = max(0, bisect_right(starts, s) - 1)
    while i < len(pieces) and starts[i] <= t:
        p, ps = pieces[i], starts[i]
        pe = ps + len(p.text)
        if p.edits and ((ps < t and pe > s) or ps < s < pe):
            s, t = min(s, ps), max(t, pe)
        i += 1
    return s, t


def _split(pieces: list[Piece], starts: list[int], pos: int, *, end: bool = False) -> int:
    """Ensure a piece boundary at working position ``pos``; return the index there.

    Deletions leave empty pieces; a span never absorbs one that merely touches it: a span's
    start boundary goes after empty pieces at ``pos``, its end boundary before them.
    """
    i = bisect_right(starts, pos) - 1
    if i < 0:
        return 0
    p, ps = pieces[i], starts[i]
    if pos == ps:
        if end:
            while i > 0 and starts[i - 1] == pos:
                i -= 1
            return i
        return i if p.text else i + 1
    if pos >= ps + len(p.text):
        return i + 1
    if p.edits:  # pragma: no cover - _widen guarantees this
        raise ValueError("cannot split a rewritten stretch")
    k = pos - ps
    head = Piece(p.text[:k], p.o_start, p.o_start + k)
    tail = Piece(p.text[k:], p.o_start + k, p.o_end)
    pieces[i : i + 1] = [head, tail]
    starts.insert(i + 1, pos)
    return i + 1


def _orig_at(pieces: list[Piece], index: int) -> int:
    """Original offset at the boundary before ``pieces[index]``."""
    if index < len(pieces):
        return pieces[index].o_start
    return pieces[-1].o_end if pieces else 0


def changes_of(original: str, pieces: list[Piece], edits: Sequence[Edit]) -> list[Change]:
    """Number the rewritten pieces, with their spans in both texts."""
    changes: list[Change] = []
    out = 0
    for p in pieces:
        if p.edits:
            changes.append(
                Change(
                    index=len(changes),
                    old=original[p.o_start : p.o_end],
                    new=p.text,
                    start=p.o_start,
                    end=p.o_end,
                    out_start=out,
                    out_end=out + len(p.text),
                    edits=p.edits,
                    rules=tuple(dict.fromkeys(edits[i].rule for i in p.edits)),
                    stage=min((edits[i].stage for i in p.edits), key=_STAGE_PRIORITY.__getitem__),
                    kind=classify(original, p.o_start, p.o_end, p.text),
                )
            )
        out += len(p.text)
    return changes


def align(original: str, result: CleanResult) -> Alignment:
    """Changes and paragraph rows for one article; ``ValueError`` if the log is inconsistent."""
    pieces = replay(original, result.edits)
    if "".join(p.text for p in pieces) != result.text:
        raise ValueError("the edit log does not turn the original into the clean text")
    changes = changes_of(original, pieces, result.edits)
    marks = _FindingMarks(result.findings)
    rows: list[Row] = [Row()]
    out = 0
    ci = 0
    for p in pieces:
        if p.edits:
            change = changes[ci]
            ci += 1
            if change.layout:
                rows[-1].layout.append(change.index)
                rows.append(Row())
            elif change.block:
                if rows[-1].atoms:
                    rows.append(Row())
                rows[-1].atoms.append(_change_atom(change, marks))
                rows.append(Row())
            else:
                rows[-1].atoms.append(_change_atom(change, marks))
        else:
            pos = 0
            for m in _NEWLINES.finditer(p.text):
                _add_same(rows[-1], p.text[pos : m.start()], out + pos, marks)
                rows.append(Row())
                pos = m.end()
            _add_same(rows[-1], p.text[pos:], out + pos, marks)
        out += len(p.text)
    return Alignment(changes=changes, rows=_fold_layout(rows))


def _fold_layout(rows: list[Row]) -> list[Row]:
    """Drop empty rows; layout changes of a text-less row (leading blank lines) move on."""
    merged: list[Row] = []
    pending: list[int] = []
    for r in rows:
        if not r.atoms:
            pending.extend(r.layout)
            continue
        r.layout[:0] = pending
        pending = []
        merged.append(r)
    if pending:
        if merged:
            merged[-1].layout.extend(pending)
        else:
            merged.append(Row(layout=pending))
    return merged


class _FindingMarks:
    """Finds which findings cover a stretch of the clean text, splitting at their edges."""

    def __init__(self, findings: Sequence[Finding]) -> None:
        self.spans = [(f.out_start, f.out_end, i) for i, f in enumerate(findings)]
        self.cuts = sorted({x for s, e, _ in self.spans for x in (s, e)})

    def split(self, text: str, start: int) -> list[tuple[str, tuple[int, ...]]]:
        """``text`` (at clean offset ``start``) cut into stretches with their finding ids.

        A zero-width finding (something missing) becomes an empty stretch at its position,
        so it can still be shown, as a caret.
        """
        end = start + len(text)
        if not self.spans:
            return [(text, ())] if text else []
        bounds = [start, *(c for c in self.cuts if start < c < end), end]
        out: list[tuple[str, tuple[int, ...]]] = []
        for a, b in zip(bounds, bounds[1:], strict=False):
            points = tuple(i for s, e, i in self.spans if s == e == a)
            if points:
                out.append(("", points))
            ids = tuple(i for s, e, i in self.spans if s <= a and b <= e and s < e)
            out.append((text[a - start : b - start], ids))
        return [o for o in out if o[0] or o[1]]


def _add_same(row: Row, text: str, start: int, marks: _FindingMarks) -> None:
    for chunk, ids in marks.split(text, start):
        row.atoms.append(Same(chunk, ids))


def _change_atom(change: Change, marks: _FindingMarks) -> ChangeAtom:
    left, right = word_diff(change.old, change.new)
    parts: list[Part] = []
    out = change.out_start
    for text, changed in right:
        for chunk, ids in marks.split(text, out):
            parts.append(Part(chunk, changed, ids))
        out += len(text)
    return ChangeAtom(
        change=change.index,
        left=tuple(Part(t, c) for t, c in left),
        right=tuple(parts),
    )


def word_ops(old: str, new: str) -> list[tuple[bool, str, str]]:
    """Word-level opcodes *inside* one change: ``(changed, old_text, new_text)`` in order.

    Which region changed is already known from the edit log; this only decides which words
    inside it to highlight, so difflib's guess cannot misattribute a change.
    """
    a = _TOKEN.findall(old)
    b = _TOKEN.findall(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    ops: list[tuple[bool, str, str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        changed, x, y = op != "equal", "".join(a[i1:i2]), "".join(b[j1:j2])
        # "of Xis" -> "by Xi" reads as one change, not two split by an unchanged space.
        if changed and len(ops) >= 2 and ops[-2][0] and not ops[-1][0] and not ops[-1][1].strip():
            gap = ops.pop()
            prev = ops.pop()
            changed, x, y = True, prev[1] + gap[1] + x, prev[2] + gap[2] + y
        ops.append((changed, x, y))
    return ops


def word_diff(old: str, new: str) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    """Each side of a change as ``(text, changed)`` pieces concatenating to ``old``/``new``."""
    left: list[tuple[str, bool]] = []
    right: list[tuple[str, bool]] = []
    for changed, a, b in word_ops(old, new):
        if a:
            _push(left, a, changed)
        if b:
            _push(right, b, changed)
    return left, right


def _push(side: list[tuple[str, bool]], text: str, changed: bool) -> None:
    if side and side[-1][1] == changed:
        side[-1] = (side[-1][0] + text, changed)
    else:
        side.append((text, changed))
