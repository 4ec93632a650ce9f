"""The edit log, read back: one implementation of what a logged batch means.

``Document`` writes the log: each ``Edit`` records its batch (``seq``) and where its ``old``
sat in the text before that batch (``pos``). Reading it back is always the same walk, batch
by batch, edits in ``pos`` order, each edit's place in the batch's output shifted by the
length changes before it; ``batches`` does that walk once, and ``restore`` (backwards, from
the clean text to the original) and the review report's alignment (``cleaner.report.align``,
forwards, from the original, keeping track of what came from where) both use it. A log that
does not fit its text is a ``ValueError``, never a guess.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cleaner.model import CleanResult, Edit


@dataclass(frozen=True, slots=True)
class Placed:
    """One edit of a batch: its index in the log and where ``new`` sits in the batch's output
    (``edit.pos`` is where ``old`` sat in its input)."""

    index: int
    edit: Edit
    out: int


def batches(edits: Sequence[Edit]) -> list[list[Placed]]:
    """The log's batches in order, each edit placed in the batch's input and output."""
    by_seq: dict[int, list[int]] = {}
    for i, e in enumerate(edits):
        by_seq.setdefault(e.seq, []).append(i)
    out: list[list[Placed]] = []
    for seq in sorted(by_seq):
        delta = 0
        placed: list[Placed] = []
        for i in sorted(by_seq[seq], key=lambda i: edits[i].pos):
            e = edits[i]
            placed.append(Placed(i, e, e.pos + delta))
            delta += len(e.new) - len(e.old)
        out.append(placed)
    return out


def undo(text: str, batch: list[Placed]) -> str:
    """The text before ``batch``, from the text after it."""
    parts: list[str] = []
    cursor = 0
    for p in batch:
        end = p.out + len(p.edit.new)
        if text[p.out : end] != p.edit.new:
            raise ValueError(f"edit {p.edit.rule} at {p.edit.pos} does not match the text")
        parts.append(text[cursor : p.out])
        parts.append(p.edit.old)
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts)


def restore(result: CleanResult) -> str:
    """Rebuild the original text from the cleaned text and the edit log.

    Undoes batches newest first. Raises ``ValueError`` if the log does not match the text (a
    tampered sidecar, say) rather than guessing.
    """
    text = result.text
    for batch in reversed(batches(result.edits)):
        text = undo(text, batch)
    return text
