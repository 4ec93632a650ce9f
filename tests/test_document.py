"""The edit log: spans map back to the original, findings follow later edits, restore is exact."""

from __future__ import annotations

import pytest

from cleaner.document import Document, Replacement
from cleaner.editlog import restore
from cleaner.model import Level, Stage


def test_edit_spans_are_in_original_coordinates_across_batches() -> None:
    doc = Document("aa  bb  cc")
    doc.apply(
        Stage.NORMALISE, [Replacement(2, 4, " ", "R1", "x"), Replacement(6, 8, " ", "R1", "x")]
    )
    assert doc.text == "aa bb cc"
    doc.apply(Stage.ARTIFACT, [Replacement(6, 8, "CC", "R2", "y")])
    result = doc.result()
    last = result.edits[-1]
    assert (last.old, last.new) == ("cc", "CC")
    assert (last.start, last.end) == (8, 10)  # where "cc" was in the original
    assert restore(result) == "aa  bb  cc"


def test_findings_follow_later_edits_and_keep_original_span() -> None:
    doc = Document("x  Chinas trade")
    doc.report(
        start=3,
        end=9,
        rule="MT1",
        stage=Stage.ARTIFACT,
        level=Level.WARNING,
        message="m",
        suggestions=["China's"],
    )
    doc.apply(Stage.NORMALISE, [Replacement(1, 3, " ", "NM107", "collapse")])
    (finding,) = doc.result().findings
    assert doc.text[finding.out_start : finding.out_end] == "Chinas"
    assert "x  Chinas trade"[finding.start : finding.end] == "Chinas"


def test_overlapping_replacements_are_refused() -> None:
    doc = Document("abcdef")
    with pytest.raises(ValueError, match="overlapping"):
        doc.apply(
            Stage.ARTIFACT, [Replacement(0, 3, "x", "A", ""), Replacement(2, 4, "y", "B", "")]
        )


def test_no_op_replacements_are_not_recorded() -> None:
    doc = Document("same")
    assert doc.apply(Stage.ARTIFACT, [Replacement(0, 4, "same", "A", "")]) == 0
    assert doc.result().edits == []


def test_restore_refuses_a_log_that_does_not_match() -> None:
    doc = Document("a  b")
    doc.apply(Stage.NORMALISE, [Replacement(1, 3, " ", "NM107", "")])
    result = doc.result()
    result.text = "a_b"
    with pytest.raises(ValueError, match="does not match"):
        restore(result)


def test_applied_positions_follow_later_batches() -> None:
    doc = Document("xx  Chinas  trade")
    doc.apply(Stage.ARTIFACT, [Replacement(4, 10, "China's", "NE303", "possessive")])
    doc.apply(
        Stage.NORMALISE,
        [Replacement(2, 4, " ", "NM107", ""), Replacement(11, 13, " ", "NM107", "")],
    )
    assert doc.text == "xx China's trade"
    (pos, rule), *_ = doc.applied()
    assert rule == "NE303"
    assert doc.text[pos : pos + len("China's")] == "China's"
