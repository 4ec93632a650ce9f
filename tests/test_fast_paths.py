"""The shortcuts that make the pipeline fast must not change what it does.

Two shortcuts (issue 9): the convergence check skips a stage that declares itself idempotent
when no other stage changed the text after it, and the encoding pre-check runs ftfy's
mojibake detector only on the characters around non-ASCII runs. Each is tested against the
slow path it replaces, on text built to hit the cases it could get wrong.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import regex
from ftfy import badness
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cleaner import Config, clean_text
from cleaner.document import Document
from cleaner.pipeline import STAGES, Pipeline
from cleaner.stages.base import BLANK_LINE_LAYOUT, PipelineStage
from cleaner.stages.boilerplate import Boilerplate
from cleaner.stages.encoding import needs_repair
from cleaner.stages.normalise import Normalise
from cleaner.textview import TextView

from .test_core_properties import texts

# Characters of ftfy's mojibake categories next to ASCII letters, spaces and punctuation.
_MOJIBAKE = st.sampled_from(
    list("ÃÂÎÐØÙàâ€œŠš¢£Ÿž®©°·»«–—´‚Äìî√±∂≈вЂГўВΒΓΞΟāé’“”…¦¤¨¬¯¸ƒˆˇ˘˛˜†‡‰◊\ufffd")
    + ["\xa0", "\xad", "\x85", "\x9d", "Ã©", "â€™", "Ã\xa0", "ГўВЂВ"]
)
_ASCII = st.sampled_from(list("aZ .,?!'\"(-1") + ["word", "  "])
lines = st.lists(st.one_of(_MOJIBAKE, _ASCII, st.text(max_size=3)), max_size=30).map(
    lambda parts: "".join(parts).replace("\n", " ")
)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines)
@example("xx ГўВЂВxa yy")  # the longest pattern: five Cyrillic letters, any, a letter
@example("word a Ã tail")  # a letter, a space, Ã, a space
def test_precheck_flags_every_line_ftfys_detector_flags(line: str) -> None:
    if badness.is_bad(line):
        assert needs_repair(line)
        assert needs_repair(line, suspects=False)


def test_precheck_sees_mojibake_far_from_the_line_start() -> None:
    line = "x" * 500 + " Donâ€™t " + "y" * 500
    assert needs_repair(line, suspects=False)
    assert not needs_repair(line.replace("â€™", "’"), suspects=False)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from(["straight", "curly", "keep"]), st.sampled_from(["keep", "en"]))
def test_stages_declared_idempotent_are(text: str, quotes: str, dashes: str) -> None:
    """What ``idempotent = True`` promises, checked on the stage alone."""
    config = Config(quotes=quotes, dashes=dashes)  # type: ignore[arg-type]
    for stage_type in STAGES:
        if not stage_type.idempotent:
            continue
        stage = stage_type(config)
        once = Document(text)
        stage.run(once)
        twice = Document(once.text)
        stage.run(twice)
        assert twice.text == once.text, stage_type.__name__
        assert twice.batches == 0, stage_type.__name__


def test_a_later_stage_exposing_mojibake_is_still_repaired() -> None:
    """The normaliser removes a zero-width space inside ``Ã©``; the check round must still
    hand the result back to the encoding stage (the skipped stage is only the normaliser)."""
    result = clean_text("The caf\u00c3\u200b\u00a9 opened.\n")
    assert result.text == "The café opened.\n"
    assert [(e.rule, e.seq) for e in result.edits] == [("NM103", 0), ("EN101", 1)]


_SUSPECT_SOURCE = st.sampled_from(
    ["&amp;", "&#233;", "&#x41;", "&nbsp", "& x;", "\x00", "\x0b", "\x7f", "\x9d", "\ufb01"]
    + ["\uff21", "\ufffd", "\ud800", "\udfff", "\u00e9", "a", " ", ";", "#", "\u0133"]
    + ["\u01c6", "\u3000", "\uff61", "\uffe8", "\u206a", "\ufff9", "\ufeff", "\uff0c"]
)


@settings(max_examples=800, deadline=None)
@given(st.lists(st.one_of(_SUSPECT_SOURCE, st.text(max_size=3)), max_size=20).map("".join))
def test_suspect_scan_is_ftfys_tables(text: str) -> None:
    """The character test is exactly ftfy's tables (ligatures, width map, control
    characters) plus C1 controls, U+FFFD and surrogates, minus the byte-order mark (the
    normaliser's); ASCII text uses the ASCII part alone."""
    from ftfy.chardata import CONTROL_CHARS, LIGATURES, WIDTH_MAP

    from cleaner.stages.encoding import ASCII_SUSPECT, suspect

    table = {*LIGATURES, *WIDTH_MAP, *CONTROL_CHARS, *range(0x80, 0xA0), 0xFFFD}
    table = (table | set(range(0xD800, 0xE000))) - {0xFEFF}
    entity = regex.search(
        r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});", text
    )
    expected = entity is not None or any(ord(c) in table for c in text)
    assert (suspect().search(text) is not None) == expected
    if text.isascii():
        assert (ASCII_SUSPECT.search(text) is not None) == expected


# Lines already in canonical form inside (no space runs, edge spaces, curly quotes), so that
# a normaliser pass over them can make only blank-line layout edits: prose, boilerplate the
# stage removes, bullets, mojibake and entities the encoding stage repairs, and lines a
# control character makes blank to ``str.strip``.
_LAYOUT_LINES = st.sampled_from(
    [
        "The council approved the budget on Monday after a long debate.",
        "Officials said the plan would be reviewed again next spring.",
        "Related Links",
        "Subscribe to our newsletter",
        "Source: Reuters",
        "Home",
        "News",
        "Read more",
        "- first item",
        "- second item",
        "1. numbered item",
        "The caf\u00c3\u00a9 opened &amp; closed.",
        "Don\u00e2\u20ac\u2122t go.",
        "\x1f",
        "Short.",
    ]
)
_BREAKS = st.sampled_from(["\n", "\n\n", "\n\n\n"])


@st.composite
def _blank_line_texts(draw: st.DrawFn) -> str:
    lines = draw(st.lists(_LAYOUT_LINES, min_size=1, max_size=12))
    text = draw(st.sampled_from(["", "\n", "\n\n"]))
    for line in lines:
        text += line + draw(_BREAKS)
    return text + draw(st.sampled_from(["", "\n", "\n\n"]))


def _edits(stage: PipelineStage, text: str) -> Counter[tuple[str, str, str]]:
    doc = Document(text)
    doc.notes["english"] = True
    stage.run(doc)
    return Counter((e.rule, e.old, e.new) for e in doc.result().edits)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_blank_line_texts(), st.booleans())
def test_stages_ignoring_the_blank_line_layout_do(text: str, unsafe: bool) -> None:
    """What ``ignores`` promises: after a normaliser pass that made only edits of the
    declared codes, the stage reads the text as before (``same_input``) and makes no change
    it would not have made before, so a stage that left the text alone still does and the
    convergence check may skip it. (Fewer is allowed: a blank line holding a control
    character the encoding stage removes may be gone.)"""
    config = Config(unsafe_fixes=unsafe)
    normalised = Document(text)
    Normalise(config).run(normalised)
    codes = normalised.rules_since(0)
    declaring = [t for t in STAGES if t.ignores]
    assert declaring
    for stage_type in declaring:
        if not codes or not codes <= stage_type.ignores:
            continue
        stage = stage_type(config)
        assert stage.same_input(TextView(text), TextView(normalised.text)), stage_type.__name__
        assert _edits(stage, normalised.text) <= _edits(stage, text), stage_type.__name__


def test_the_blank_line_layout_is_what_the_normaliser_says() -> None:
    """The codes are the normaliser's blank-line steps, and its other steps are not among
    them (a space collapsed or a wrap joined changes a line, which a stage may read)."""
    codes = {r.code for r in Normalise.rules}
    assert codes >= BLANK_LINE_LAYOUT
    assert {"NM106", "NM107", "NM108", "NM120"}.isdisjoint(BLANK_LINE_LAYOUT)


def _runs(text: str, config: Config | None = None) -> dict[str, int]:
    """How often each stage ran while cleaning ``text`` (a pipeline of its own)."""
    pipeline = Pipeline(config or Config())
    counts: dict[str, int] = {}

    def counted(stage: PipelineStage) -> Callable[[Document], None]:
        name, run = type(stage).__name__, stage.run

        def run_counted(doc: Document) -> None:
            counts[name] = counts.get(name, 0) + 1
            run(doc)

        return run_counted

    for stage in pipeline.stages:
        stage.run = counted(stage)  # type: ignore[method-assign]
    pipeline.run(text)
    return counts


def test_the_check_round_skips_what_a_blank_line_cannot_change() -> None:
    # Only the final newline and a blank line between paragraphs change.
    assert clean_text("First paragraph here.\nSecond one here.").text == (
        "First paragraph here.\n\nSecond one here.\n"
    )
    runs = _runs("First paragraph here.\nSecond one here.")
    assert runs["Boilerplate"] == 1
    assert runs["EncodingRepair"] == 1


def test_the_check_round_still_rechecks_other_edits() -> None:
    # A collapsed space run changes a paragraph's text: the boilerplate stage sees it again.
    runs = _runs("First  paragraph here.\nSecond one here.")
    assert runs["Boilerplate"] == 2
    assert runs["EncodingRepair"] == 2


def test_the_boilerplate_stage_reads_paragraphs() -> None:
    """``same_input`` holds while the paragraphs are the same, whatever the blank lines, and
    fails when a blank line changes which lines the wrap width joins."""
    stage = Boilerplate(Config())
    assert stage.same_input(TextView("One.\nTwo.\n"), TextView("\nOne.\n\n\nTwo.\n"))
    wrapped = "\n".join(["word " * 9 + "end"] * 5) + "\n"
    apart = wrapped.replace("\n", "\n\n")
    assert len(TextView(wrapped).paragraphs) == 1
    assert not stage.same_input(TextView(wrapped), TextView(apart))
    assert not stage.same_input(TextView("One.\nTwo.\n"), TextView("One.\nTwo!\n"))
