"""Encoding repair with ftfy, as traceable edits.

ftfy costs about 1.6 MB/s, and most news text needs nothing from it, so a line is handed to
ftfy only if a cheap test says it could need repair: it holds an HTML entity, a character
ftfy's own tables say it replaces (ligatures, width variants, control characters, C1
controls, surrogates), or non-ASCII text that ftfy's own mojibake detector flags. The
character test is built from those tables (``ftfy.chardata``), so it cannot miss what ftfy
would change; ASCII text needs only its ASCII part, which spares the import. Quote
straightening and line-break/Unicode normalisation are switched off here: they are the
normaliser's policy, not encoding repair.

Width variants are left alone on a line with CJK characters: full-width punctuation and
digits (``，`` ``（`` ``５``) are how Chinese and Japanese are written, not damage; only
half-width kana, a legacy encoding's, are widened there.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from functools import lru_cache
from typing import ClassVar

from cleaner.charsets import around_non_ascii
from cleaner.document import Document, Proposal
from cleaner.model import FixSafety, Level, Stage
from cleaner.registry import RuleRecord, examples
from cleaner.stages.base import PipelineStage
from cleaner.textview import TextView

# Characters ftfy would act on even in otherwise well-encoded text. (Standard ``re``: 2.5x
# faster than ``regex`` for this scan, run on every article.)
_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
# In ASCII text: entities and the ASCII part of ftfy's CONTROL_CHARS (a test holds it equal).
ASCII_SUSPECT = re.compile(_ENTITY + r"|[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Characters that are the normaliser's, though ftfy's tables list them: the byte-order mark
# (NM101, NM103).
_NORMALISER_S = frozenset({0xFEFF})
# Lines holding one of these are Chinese, Japanese or Korean text.
_CJK = re.compile(
    "[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)


@lru_cache(maxsize=1)
def suspect_characters() -> frozenset[int]:
    """Every character ftfy replaces whatever its context, from ftfy's own tables: Latin
    ligatures, width variants, control characters, plus what its other fixers look for (C1
    controls, U+FFFD, lone surrogates)."""
    from ftfy.chardata import CONTROL_CHARS, LIGATURES, WIDTH_MAP

    extra = {*range(0x80, 0xA0), 0xFFFD, *range(0xD800, 0xE000)}
    return frozenset({*LIGATURES, *WIDTH_MAP, *CONTROL_CHARS, *extra} - _NORMALISER_S)


@lru_cache(maxsize=1)
def suspect() -> re.Pattern[str]:
    """The test for non-ASCII text: entities or any of ``suspect_characters``."""
    return re.compile(_ftfy_patterns()[0])


@lru_cache(maxsize=1)
def _badness() -> re.Pattern[str]:
    """ftfy's mojibake detector, ``ftfy.badness.BADNESS_RE`` (what ``is_bad`` searches)."""
    _, pattern, flags = _ftfy_patterns()
    return re.compile(pattern, flags)


@lru_cache(maxsize=1)
def _ftfy_patterns() -> tuple[str, str, int]:
    """The two tests' patterns, built from ftfy's tables once and memoised on disk (keyed,
    like the parsed rules, by the installed packages' versions): importing ftfy's tables
    runs its whole package (codecs, fixers, wcwidth's tables), 0.1 s of a one-file
    ``cleaner check`` whose text, curly quotes and all, then never needs ftfy."""
    from cleaner.cache import memo_on_disk

    def build() -> tuple[str, str, int]:
        from ftfy.badness import BADNESS_RE

        chars = _ENTITY + "|[" + _char_class(suspect_characters()) + "]"
        return (chars, BADNESS_RE.pattern, int(BADNESS_RE.flags))

    return memo_on_disk("ftfy-tests", [], build)


def _char_class(codes: frozenset[int]) -> str:
    """A regex character class body for ``codes``, consecutive codes as ranges."""
    parts: list[str] = []
    ordered = sorted(codes)
    start = prev = ordered[0]
    for code in [*ordered[1:], -1]:
        if code == prev + 1:
            prev = code
            continue
        parts.append(f"\\u{start:04x}" if start == prev else f"\\u{start:04x}-\\u{prev:04x}")
        start = prev = code
    return "".join(parts)


# ftfy step -> (rule id, human name); the first step present decides the rule.
_STEP_RULES: tuple[tuple[str, str, str], ...] = (
    ("decode", "EN101", "mojibake repaired (text was decoded with the wrong encoding)"),
    ("restore_byte_a0", "EN101", "mojibake repaired (lost non-breaking-space byte)"),
    ("replace_lossy_sequences", "EN101", "mojibake repaired (lossy sequence)"),
    ("decode_inconsistent_utf8", "EN101", "mojibake repaired (inconsistent UTF-8)"),
    ("fix_c1_controls", "EN101", "mojibake repaired (C1 control characters)"),
    ("unescape_html", "EN102", "HTML entity decoded"),
    ("remove_terminal_escapes", "EN103", "terminal escape sequence removed"),
    ("remove_control_chars", "EN103", "control character removed"),
    ("fix_surrogates", "EN103", "lone surrogate repaired"),
    ("fix_latin_ligatures", "EN104", "ligature expanded"),
    ("fix_character_width", "EN104", "character width normalised (full-width Latin narrowed)"),
)


@lru_cache(maxsize=2)
def _ftfy_config(width: bool = True):  # type: ignore[no-untyped-def]
    import ftfy

    return ftfy.TextFixerConfig(
        uncurl_quotes=False,
        fix_line_breaks=False,
        normalization=None,
        fix_character_width=width,
        explain=True,
    )


@lru_cache(maxsize=1)
def _half_width_forms() -> dict[int, str]:
    """ftfy's width map for half-width kana, Hangul and symbols only (widened on CJK lines)."""
    from ftfy.chardata import WIDTH_MAP

    return {k: v for k, v in WIDTH_MAP.items() if 0xFF61 <= k <= 0xFFDC or 0xFFE8 <= k <= 0xFFEE}


def needs_repair(line: str, suspects: bool = True) -> bool:
    """Cheap test: could ftfy change this line? (``suspects=False``: the text has no
    suspect character anywhere, so only the mojibake test is left.)"""
    if line.isascii():
        return suspects and ASCII_SUSPECT.search(line) is not None
    if suspects and suspect().search(line):
        return True
    return _badness().search(around_non_ascii(line, _WINDOW, "\x00")) is not None


# Every alternative of ftfy's BADNESS_RE holds a non-ASCII character and spans at most 7
# characters, so a match lies within 7 characters of a non-ASCII run: scanning only those
# windows finds every match the whole line has (the NUL joints can add a false alarm, which
# only costs an ftfy call). ftfy's regex runs in Python's ``re`` at a few MB/s; news lines
# hold a curly quote or two, so the windows are a fraction of the line.
_WINDOW = 7


def _classify(explanation: list[tuple[str, str]]) -> tuple[str, str]:
    steps = {action for action, _ in explanation} | {param for _, param in explanation}
    for step, rule, reason in _STEP_RULES:
        if step in steps:
            return rule, reason
    return "EN101", "encoding repaired"


def repair_line(line: str) -> tuple[str, list[tuple[str, str]]]:
    """ftfy's fix of one line and its explanation (width variants kept on a CJK line)."""
    import ftfy

    cjk = _CJK.search(line) is not None
    fixed = ftfy.fix_and_explain(line, _ftfy_config(width=not cjk))
    text, steps = fixed.text, list(fixed.explanation or [])
    if cjk:
        widened = text.translate(_half_width_forms())
        if widened != text:
            text = widened
            steps.append(("apply", "fix_character_width"))
    return text, steps


def _en(code: str, name: str, message: str, why: str, test: tuple[str, str]) -> RuleRecord:
    # Damage on disk: an error (a damaged article must fail ``cleaner check``), safe to fix.
    return RuleRecord(
        code,
        name,
        Stage.ENCODING,
        Level.ERROR,
        FixSafety.SAFE,
        message,
        why + " Repaired by ftfy, line by line, only where a cheap test says it could help.",
        examples(test),
        origin=__name__,
    )


RULES: tuple[RuleRecord, ...] = (
    _en(
        "EN101",
        "mojibake",
        "mojibake repaired",
        "Text decoded with the wrong encoding somewhere upstream (UTF-8 read as Windows-1252: "
        "'cafÃ©' for 'café').",
        ("The caf\u00c3\u00a9 reopened.", "The caf\u00e9 reopened.\n"),
    ),
    _en(
        "EN102",
        "html-entity",
        "HTML entity decoded",
        "An HTML entity ('&amp;', '&#8217;') left in plain text by a scraper.",
        ("Fish &amp; chips.", "Fish & chips.\n"),
    ),
    _en(
        "EN103",
        "control-characters",
        "control character removed",
        "Control characters and terminal escapes are not text.",
        ("The bell\x07 rang.", "The bell rang.\n"),
    ),
    _en(
        "EN104",
        "ligature-width",
        "ligature expanded or full-width character narrowed",
        "Typographic ligatures ('ﬁ') and full-width Latin letters break search and matching.",
        ("The \ufb01rst day.", "The first day.\n"),
    ),
)


class EncodingRepair(PipelineStage):
    """Repairs mojibake, HTML entities and control characters line by line."""

    name: ClassVar[str] = "encoding"
    rules = RULES

    def same_input(self, before: TextView, after: TextView) -> bool:
        """Every line of ``after`` that could need repair is a line of ``before`` (as often),
        which this stage left as it was. Repair goes line by line: a line's verdict is ftfy's on
        that line (the exceptions and a ``[sic]`` are matched in the line too), so a line
        the cheap test passes is left alone wherever it stands, whatever the rest of the
        text. Such lines are what the normaliser's edits on clean text leave: blank-line
        layout, collapsed space runs (NM106/NM107), plain spaces for odd ones (NM104).

        The whole-text test (``suspects``) only narrows the line test: a line of
        ``before`` holds no suspect character unless ``before`` did, so asking it with
        suspects (``after`` may have one elsewhere) gives the verdict ``before`` got."""
        if before.text == after.text:
            return True
        kept = Counter(before.text.split("\n"))
        return all(
            kept[line] >= count or not needs_repair(line)
            for line, count in Counter(after.text.split("\n")).items()
        )

    def run(self, doc: Document) -> None:
        text = doc.text
        if text.isascii():
            suspects = ASCII_SUSPECT.search(text) is not None
            if not suspects:
                return
        else:
            suspects = suspect().search(text) is not None
        reps: list[Proposal] = []
        for line in doc.view.lines:
            if needs_repair(line.text, suspects):
                fixed, explanation = repair_line(line.text)
                if fixed != line.text:
                    rule, reason = _classify(explanation)
                    steps = ", ".join(f"{a} {p}" for a, p in explanation)
                    why = f"{reason} (ftfy: {steps})"
                    reps.extend(_diff(line.text, fixed, line.start, rule, why))
        doc.decide(Stage.ENCODING, reps)


def _diff(old: str, new: str, offset: int, rule: str, reason: str) -> list[Proposal]:
    """Minimal replacements turning ``old`` into ``new``, so spans point at the damage."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [
        Proposal(offset + i1, offset + i2, rule, new[j1:j2], reason=reason)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]
