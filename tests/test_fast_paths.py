"""The shortcuts that make the pipeline fast must not change what it does.

Two shortcuts (issue 9): the convergence check skips a stage that declares itself idempotent
when no other stage changed the text after it, and the encoding pre-check runs ftfy's
mojibake detector only on the characters around non-ASCII runs. Each is tested against the
slow path it replaces, on text built to hit the cases it could get wrong.
"""

from __future__ import annotations

import regex
from ftfy import badness
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cleaner import Config, clean_text
from cleaner.document import Document
from cleaner.pipeline import STAGES
from cleaner.stages.encoding import needs_repair

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
