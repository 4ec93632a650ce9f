"""Grouping edits and findings into the violations ``cleaner check`` prints (pure functions,
fed the records a stage would produce)."""

from __future__ import annotations

from cleaner.lint.violations import Item, LineIndex, to_violations
from cleaner.model import FixSafety, Level, Stage


def _edit(original: str, old: str, new: str, rule: str, message: str, stage: Stage) -> Item:
    start = original.index(old)
    return Item(
        rule=rule,
        stage=stage,
        level=Level.ERROR,
        kind="edit",
        message=message,
        start=start,
        end=start + len(old),
        text=old,
        seen=old,
        suggestions=(new,),
        fix=FixSafety.SAFE,
        seq=1,
    )


def test_a_block_removed_line_by_line_is_one_violation() -> None:
    original = "Lead.\n\nRelated\nLink one\nLink two\n\nEnd.\n"
    items = [
        _edit(original, line, "", "BP209", "Related-links block removed", Stage.BOILERPLATE)
        for line in ("Related\n", "Link one\n", "Link two\n")
    ]
    (v,) = to_violations("a.txt", items, original)
    assert (v.span.line, v.span.column, v.span.end_line) == (3, 1, 6)
    assert v.text == "Related\nLink one\nLink two\n"
    assert v.suggestions == ("",)
    assert v.message == "Related-links block removed (3 places)"
    assert v.count == 3 and len(v.locations) == 3


def test_edits_apart_or_of_other_rules_stay_separate() -> None:
    original = "Related\nkept text\nLink two\n"
    items = [
        _edit(original, "Related\n", "", "BP209", "removed", Stage.BOILERPLATE),
        _edit(original, "Link two\n", "", "BP209", "removed", Stage.BOILERPLATE),
    ]
    assert len(to_violations("a.txt", items, original)) == 2


def test_a_word_repaired_character_by_character_reads_as_the_word() -> None:
    original = "The caf\u00c3\u00a9 na\u00c3\u00afve.\n"
    items = [
        _edit(original, "\u00c3\u00a9", "\u00e9", "EN101", "mojibake", Stage.ENCODING),
        _edit(original, "\u00c3\u00af", "\u00ef", "EN101", "mojibake", Stage.ENCODING),
    ]
    (v,) = to_violations("a.txt", items, original)
    assert v.text == "\u00c3\u00a9 na\u00c3\u00af"
    assert v.suggestions == ("\u00e9 na\u00ef",)
    assert v.message == "mojibake"  # one line: no place count


def test_line_index_counts_crlf_cr_and_skips_a_bom() -> None:
    index = LineIndex("\ufeffab\r\ncd\ref\ngh")
    assert index.position(1) == (1, 1)
    assert index.position(5) == (2, 1)
    assert index.position(8) == (3, 1)
    assert index.position(12) == (4, 2)
