"""Encoding repair with ftfy, as traceable edits.

ftfy costs about 1.6 MB/s, and most news text needs nothing from it, so a line is handed to
ftfy only if a cheap test says it could need repair: it holds an HTML entity, a control or
width-variant character, or non-ASCII text that ftfy's own mojibake detector flags. Quote
straightening and line-break/Unicode normalisation are switched off here: they are the
normaliser's policy, not encoding repair.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from typing import ClassVar

import regex

from cleaner.document import Document, Proposal
from cleaner.model import FixSafety, Level, Stage
from cleaner.registry import RuleRecord, examples
from cleaner.stages.base import PipelineStage

# Characters ftfy would act on even in otherwise well-encoded text.
# (Standard ``re``: 2.5x faster than ``regex`` for this scan, run on every article.)
_SUSPECT = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"|[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufb00-\ufb06\uff01-\uff5e\ufffd\ud800-\udfff]"
)

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
    ("fix_character_width", "EN104", "full-width character narrowed"),
)


@lru_cache(maxsize=1)
def _ftfy_config():  # type: ignore[no-untyped-def]
    import ftfy

    return ftfy.TextFixerConfig(
        uncurl_quotes=False, fix_line_breaks=False, normalization=None, explain=True
    )


def needs_repair(line: str, suspects: bool = True) -> bool:
    """Cheap test: could ftfy change this line? (``suspects=False``: the text has no
    ``_SUSPECT`` character anywhere, so only the mojibake test is left.)"""
    if suspects and _SUSPECT.search(line):
        return True
    if line.isascii():
        return False
    from ftfy import badness

    return badness.is_bad(_around_non_ascii(line))


# Every alternative of ftfy's BADNESS_RE holds a non-ASCII character and spans at most 7
# characters, so a match lies within 7 characters of a non-ASCII run: scanning only those
# windows finds every match the whole line has (the NUL joints can add a false alarm, which
# only costs an ftfy call). ftfy's regex runs in Python's ``re`` at a few MB/s; news lines
# hold a curly quote or two, so the windows are a fraction of the line.
_WINDOW = 7
_NON_ASCII_RUN = regex.compile(r"[^\x00-\x7f]+")


def _around_non_ascii(line: str) -> str:
    spans: list[list[int]] = []
    for m in _NON_ASCII_RUN.finditer(line):
        start, end = max(0, m.start() - _WINDOW), m.end() + _WINDOW
        if spans and start <= spans[-1][1]:
            spans[-1][1] = end
        else:
            spans.append([start, end])
    return "\x00".join(line[s:e] for s, e in spans)


def _classify(explanation: list[tuple[str, str]]) -> tuple[str, str]:
    steps = {action for action, _ in explanation} | {param for _, param in explanation}
    for step, rule, reason in _STEP_RULES:
        if step in steps:
            return rule, reason
    return "EN101", "encoding repaired"


def repair_line(line: str) -> tuple[str, list[tuple[str, str]]]:
    """ftfy's fix of one line and its explanation."""
    import ftfy

    fixed = ftfy.fix_and_explain(line, _ftfy_config())
    return fixed.text, list(fixed.explanation or [])


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

    def run(self, doc: Document) -> None:
        text = doc.text
        suspects = bool(_SUSPECT.search(text))
        if not suspects and text.isascii():
            return
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
