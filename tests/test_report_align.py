"""Aligning original and clean text from the edit log: exact, and complete."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings

from cleaner import clean_text, restore
from cleaner.model import Stage
from cleaner.report.align import ChangeAtom, Same, align, replay, word_diff
from tests.report_sample import SAMPLE, sample_result
from tests.test_core_properties import texts


def _check_alignment(original: str, result) -> None:
    """Both texts are fully accounted for: changes, rows and row order."""
    alignment = align(original, result)
    for c in alignment.changes:
        assert original[c.start : c.end] == c.old
        assert result.text[c.out_start : c.out_end] == c.new
        assert c.old != c.new or c.edits
    # Every edit belongs to exactly one change.
    owned = sorted(i for c in alignment.changes for i in c.edits)
    assert owned == list(range(len(result.edits)))

    # Rows show all text except line breaks, in order, on both sides.
    def squeeze(s: str) -> str:
        return "".join(s.split())

    layout_old = "".join(c.old for c in alignment.changes if c.layout)
    assert not squeeze(layout_old)
    assert squeeze("".join(r.left() for r in alignment.rows)) == squeeze(original)
    assert squeeze("".join(r.right() for r in alignment.rows)) == squeeze(result.text)
    pos = 0
    for r in alignment.rows:
        left = r.left()
        if left:
            found = original.find(left, pos)
            assert found >= 0, (left, original[pos:])
            pos = found + len(left)


def test_seeds_align_exactly(seeds: list[Path]) -> None:
    for path in seeds:
        original = path.read_text(encoding="utf-8")
        _check_alignment(original, clean_text(original))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_cleaned_text_aligns(text: str) -> None:
    _check_alignment(text, clean_text(text))


def test_replay_rebuilds_the_clean_text_from_every_stage() -> None:
    result = sample_result()
    assert restore(result) == SAMPLE
    pieces = replay(SAMPLE, result.edits)
    assert "".join(p.text for p in pieces) == result.text
    assert "".join(SAMPLE[p.o_start : p.o_end] for p in pieces) == SAMPLE
    _check_alignment(SAMPLE, result)


def test_a_rewrite_of_a_rewrite_is_one_change_with_both_rules() -> None:
    alignment = align(SAMPLE, sample_result())
    quote = next(c for c in alignment.changes if "MT102" in c.rules)
    assert quote.rules == ("NM120", "MT102")
    assert quote.old == "\u201cHe"
    assert quote.new == '"She'
    assert quote.stage is Stage.ARTIFACT


def test_removed_lines_get_a_left_only_row() -> None:
    alignment = align(SAMPLE, sample_result())
    block = next(c for c in alignment.changes if c.stage is Stage.BOILERPLATE)
    assert block.block and block.rules == ("BP201",)
    row = next(
        r
        for r in alignment.rows
        if any(isinstance(a, ChangeAtom) and a.change == block.index for a in r.atoms)
    )
    assert row.left().strip() == "Read more: subscribe to our newsletter"
    assert row.right() == ""


def test_layout_changes_stay_between_rows() -> None:
    alignment = align(SAMPLE, sample_result())
    layout = [c for c in alignment.changes if c.layout]
    assert {r for c in layout for r in c.rules} >= {"NM109"}
    assert sorted(k for r in alignment.rows for k in r.layout) == [c.index for c in layout]
    assert [r.right() for r in alignment.rows][:1] == [
        "Moscow (AP) Xi Jinping will take official visit."
    ]


def test_findings_are_marked_in_the_clean_text() -> None:
    result = sample_result()
    alignment = align(SAMPLE, result)
    spelled = next(i for i, f in enumerate(result.findings) if f.rule == "GR-harper/Spelling")
    missing = next(i for i, f in enumerate(result.findings) if f.rule == "MT201")
    marked = {
        (a.text, a.findings)
        for r in alignment.rows
        for a in r.atoms
        if isinstance(a, Same) and a.findings
    }
    assert ("teh", (spelled,)) in marked
    assert ("", (missing,)) in marked  # zero-width: shown as a caret


def test_word_diff_highlights_only_the_changed_words() -> None:
    left, right = word_diff("the visit of Xis in", "the visit by Xi in")
    assert left == [("the visit ", False), ("of Xis", True), (" in", False)]
    assert right == [("the visit ", False), ("by Xi", True), (" in", False)]
    assert word_diff("", "new") == ([], [("new", True)])


def test_joined_hard_wrap_is_an_inline_change_not_a_row_break() -> None:
    import textwrap

    para = " ".join(["The visit will be regarded as a demonstration of support."] * 6)
    text = textwrap.fill(para, 60) + "\n\n" + textwrap.fill(para, 60) + "\n"
    result = clean_text(text)
    assert any(e.rule == "NM108" for e in result.edits)
    alignment = align(text, result)
    joins = [c for c in alignment.changes if "NM108" in c.rules]
    assert joins and all(c.kind == "inline" for c in joins)
    assert len(alignment.rows) == 2  # one row per paragraph, wrapped lines on the left
    assert "\n" in alignment.rows[0].left() and "\n" not in alignment.rows[0].right()


def test_classify() -> None:
    from cleaner.report.align import classify

    text = "One.\n\n\nAdvertisement\nTwo inter-\nnational.\n"
    assert classify(text, 4, 7, "\n\n") == "layout"  # blank lines between paragraphs
    ad = text.index("Advertisement")
    assert classify(text, ad, ad + len("Advertisement"), "") == "block"
    assert classify(text, ad, ad + len("Advertisement\n"), "") == "block"
    hyphen = text.index("-\n")
    assert classify(text, hyphen, hyphen + 2, "") == "inline"
    assert classify(text, hyphen + 1, hyphen + 2, " ") == "inline"  # hard wrap joined
    assert classify(text, 0, 3, "Uno") == "inline"
