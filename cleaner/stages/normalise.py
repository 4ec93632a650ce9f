"""Write the canonical form (README, "Canonical form"), one small recorded step at a time.

Each step is a regex pass that proposes replacements, applied as one batch, so every change
carries its own rule id (NM1xx) and the order of steps is the order of the spec. Steps are
ordered so none can undo or re-trigger an earlier one, which is what makes the whole
normaliser idempotent: invisible characters go before NFC (removing a joiner can expose a
composable pair), whitespace before layout (wrap detection measures trimmed lines).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from typing import ClassVar

import regex

from cleaner.document import Document, Proposal
from cleaner.model import FixSafety, Level, Stage
from cleaner.registry import RuleExample, RuleRecord, examples
from cleaner.stages.base import PipelineStage
from cleaner.textview import TextView

_LINE_BREAKS = regex.compile(r"\r\n|[\r\u2028\u2029\x85\x0b\x0c]")
_INVISIBLE = regex.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ODD_SPACES = regex.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_SPACES = regex.compile(r"(?m)^ +| +$| {2,}")
_NON_SPACE_RUN = regex.compile(r"\S+")

_SINGLE_CURLY = regex.compile(r"[\u2018\u2019\u201a\u201b]")
_DOUBLE_CURLY = regex.compile(r"[\u201c\u201d\u201e\u201f]")

# The characters each character-class step can act on (tests/test_pay_for_what_is_there.py
# holds each set equal to its pattern over all of Unicode): a text that uses none of them
# (``TextView.chars``, shared by every step of a pass) skips that step's scan.
_BREAK_CHARS = frozenset("\r\u2028\u2029\x85\x0b\x0c")
_INVISIBLE_CHARS = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_ODD_SPACE_CHARS = frozenset(
    "\t\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
)
_CURLY_CHARS = frozenset("\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f")
_STRAIGHT = regex.compile(r"[\"']")
_OPENING_CONTEXT = regex.compile(r"[\s(\[{\u2014\u2013-]")
_DASHES = regex.compile(r"[\u2013\u2014]")
_SPACED_DASH = regex.compile(r"(?<=\S) (?:--?|\u2013|\u2014) (?=\S)")

# A step reads the document's view of the current text (the layout step its paragraphs,
# shared with the stages that ran on the same text version) and proposes replacements.
Step = Callable[[TextView], Iterator[Proposal]]


def _bom(view: TextView) -> Iterator[Proposal]:
    text = view.text
    if text.startswith("\ufeff"):
        yield Proposal(0, 1, "NM101", "", reason="byte-order mark removed")


def _line_breaks(view: TextView) -> Iterator[Proposal]:
    if view.chars.isdisjoint(_BREAK_CHARS):
        return
    text = view.text
    for m in _LINE_BREAKS.finditer(text):
        yield Proposal(m.start(), m.end(), "NM102", "\n", reason="line ending unified to LF")


def _invisible(view: TextView) -> Iterator[Proposal]:
    if view.chars.isdisjoint(_INVISIBLE_CHARS):
        return
    text = view.text
    for m in _INVISIBLE.finditer(text):
        name = unicodedata.name(m.group(), f"U+{ord(m.group()):04X}").lower()
        yield Proposal(
            m.start(), m.end(), "NM103", "", reason=f"invisible character removed ({name})"
        )


def _odd_spaces(view: TextView) -> Iterator[Proposal]:
    if view.chars.isdisjoint(_ODD_SPACE_CHARS):
        return
    text = view.text
    for m in _ODD_SPACES.finditer(text):
        name = unicodedata.name(m.group(), "tab").lower()
        yield Proposal(m.start(), m.end(), "NM104", " ", reason=f"{name} replaced by a space")


def _nfc(view: TextView) -> Iterator[Proposal]:
    text = view.text
    if unicodedata.is_normalized("NFC", text):
        return
    for m in _NON_SPACE_RUN.finditer(text):
        run = m.group()
        if not unicodedata.is_normalized("NFC", run):
            fixed = unicodedata.normalize("NFC", run)
            yield Proposal(m.start(), m.end(), "NM105", fixed, reason="Unicode normalised to NFC")


def _spaces(view: TextView) -> Iterator[Proposal]:
    text = view.text
    if not _may_have_spaces(text):
        return
    for m in _SPACES.finditer(text):
        at_edge = (
            m.start() == 0
            or text[m.start() - 1] == "\n"
            or m.end() == len(text)
            or (text[m.end()] == "\n")
        )
        if at_edge:
            yield Proposal(
                m.start(), m.end(), "NM106", "", reason="space at line start or end removed"
            )
        else:
            yield Proposal(m.start(), m.end(), "NM107", " ", reason="run of spaces collapsed")


def _may_have_spaces(text: str) -> bool:
    """Whether ``_SPACES`` can match: two spaces, or a space at a line's start or end. Four
    substring tests in C, where the pattern tries its three branches at every position (the
    last pass meets text the first already tidied)."""
    return (
        "  " in text or " \n" in text or "\n " in text or text.startswith(" ") or text.endswith(" ")
    )


def _layout(view: TextView) -> Iterator[Proposal]:
    """Blank-line runs, hard wraps, paragraph separation, leading/trailing blank lines."""
    text = view.text
    parts = view.paragraphs
    if not parts:
        if text:
            yield Proposal(0, len(text), "NM110", "", reason="text is only blank lines")
        return
    if parts[0].start > 0:
        yield Proposal(0, parts[0].start, "NM110", "", reason="leading blank lines removed")
    for unit in parts:
        for a, b in zip(unit.lines, unit.lines[1:], strict=False):
            if a.text.endswith("-") and len(a.text) > 1 and a.text[-2].isalpha():
                yield Proposal(
                    a.end, b.start, "NM108", "", reason="hard-wrapped line joined at hyphen"
                )
            else:
                yield Proposal(a.end, b.start, "NM108", " ", reason="hard-wrapped line joined")
    # Only separators and an ending that differ from the canonical ones are proposed: in
    # most texts nearly every gap is already one blank line, and a proposal that changes
    # nothing, which ``decide`` would accept and ``apply`` drop (a safe fix either way), cost
    # as much as the step's real work (the last pass meets text the first already tidied).
    for a, b in zip(parts, parts[1:], strict=False):
        sep = "\n" if a.bullet and b.bullet else "\n\n"
        if text[a.end : b.start] == sep:
            continue
        reason = (
            "list items kept on consecutive lines"
            if sep == "\n"
            else ("paragraphs separated by one blank line")
        )
        yield Proposal(a.end, b.start, "NM109", sep, reason=reason)
    if text[parts[-1].end :] != "\n":
        yield Proposal(parts[-1].end, len(text), "NM111", "\n", reason="exactly one final newline")


_WRAPPED = (
    "The council met on Monday evening to discuss the\nbudget for the coming year, and after a "
    "long\ndebate about schools, roads and the new library it\napproved the plan by nine votes "
    "to four, with two\nmembers absent from the meeting.\n"
)


def _nm(code: str, name: str, message: str, why: str, *tests: tuple[str, str]) -> RuleRecord:
    return RuleRecord(
        code,
        name,
        Stage.NORMALISE,
        Level.INFO,
        FixSafety.SAFE,
        message,
        why,
        examples(*tests),
        origin=__name__,
    )


# Canonical form is not damage: every step is an info-level safe fix (README, "Canonical form").
RULES: tuple[RuleRecord, ...] = (
    _nm(
        "NM101",
        "byte-order-mark",
        "byte-order mark removed",
        "A byte-order mark is an encoding artefact, not text; UTF-8 output needs none.",
        ("\ufeffThe text.", "The text.\n"),
    ),
    _nm(
        "NM102",
        "line-endings",
        "line ending unified to LF",
        "CRLF, CR, U+2028/2029, NEL, VT and FF all end lines somewhere; the canonical form "
        "ends every line with LF so downstream tools agree on what a line is.",
        ("One.\r\nTwo.\r\n", "One.\n\nTwo.\n"),
    ),
    _nm(
        "NM103",
        "invisible-characters",
        "invisible character removed",
        "Zero-width characters and soft hyphens are invisible to a reader and break search, "
        "matching and word counts.",
        ("Zero\u200bwidth.", "Zerowidth.\n"),
    ),
    _nm(
        "NM104",
        "odd-spaces",
        "no-break space, tab or other Unicode space replaced by a space",
        "Scraped text mixes no-break and typographic spaces with plain ones; one kind of "
        "space makes the text comparable.",
        ("A\u00a0B.", "A B.\n"),
    ),
    _nm(
        "NM105",
        "unicode-nfc",
        "Unicode normalised to NFC",
        "The same letter can be one code point or a base letter plus a combining mark; NFC "
        "picks one, so equal words compare equal.",
        ("Cafe\u0301 open.", "Caf\u00e9 open.\n"),
    ),
    _nm(
        "NM106",
        "edge-spaces",
        "space at line start or end removed",
        "Leading and trailing spaces carry no meaning in article text.",
        ("  Indented line.  ", "Indented line.\n"),
    ),
    _nm(
        "NM107",
        "space-runs",
        "run of spaces collapsed",
        "Runs of spaces inside a line are layout left over from scraping.",
        ("Two  spaces.", "Two spaces.\n"),
    ),
    _nm(
        "NM108",
        "hard-wraps",
        "hard-wrapped line joined",
        "Only text whose lines are cut near one width (30-120 columns), where the next "
        "line's first word would not have fitted, is joined; other line breaks are kept.",
        (
            _WRAPPED,
            "The council met on Monday evening to discuss the budget for the coming year, "
            "and after a long debate about schools, roads and the new library it approved the "
            "plan by nine votes to four, with two members absent from the meeting.\n",
        ),
    ),
    _nm(
        "NM109",
        "paragraph-separation",
        "paragraphs separated by one blank line",
        "One blank line between paragraphs, whatever the input used; consecutive list items "
        "stay on consecutive lines.",
        ("First.\nSecond.\n\n\n\nThird.", "First.\n\nSecond.\n\nThird.\n"),
    ),
    _nm(
        "NM110",
        "leading-blank-lines",
        "leading blank lines removed",
        "Text starts with its first line.",
        ("\n\nText.\n", "Text.\n"),
    ),
    _nm(
        "NM111",
        "final-newline",
        "exactly one final newline",
        "A text file ends with one newline (POSIX), never none or several.",
        ("Text.", "Text.\n"),
    ),
    _nm(
        "NM120",
        "quotes",
        "quotes per the quotes policy",
        "Config 'quotes': straight (default) turns curly quotes straight, curly turns "
        "straight ones curly by context, keep leaves them.",
        ("\u201cQuoted\u201d text.", '"Quoted" text.\n'),
    ),
    RuleRecord(
        "NM121",
        "dashes",
        Stage.NORMALISE,
        Level.INFO,
        FixSafety.SAFE,
        "dashes per the dashes policy",
        "Config 'dashes': keep (default) leaves dashes alone; ascii writes '-' for en and em "
        "dashes; en/em turn spaced dashes between words into that dash.",
        (RuleExample("Yes \u2014 no.", "Yes - no.\n", options=(("dashes", "ascii"),)),),
        origin=__name__,
    ),
)


class Normalise(PipelineStage):
    """Brings text into the canonical form, with the typography policy from config."""

    name: ClassVar[str] = "normalise"
    rules = RULES
    idempotent: ClassVar[bool] = True  # steps are ordered so none re-triggers an earlier one

    def __init__(self, config) -> None:  # type: ignore[no-untyped-def]
        super().__init__(config)
        steps: list[Step] = [
            _bom,
            _line_breaks,
            _invisible,
            _odd_spaces,
            _nfc,
            _spaces,
            _layout,
        ]
        # The typography policy is English typography: quotes and dashes in a text the
        # language check called another language are that language's ("消费回暖" in
        # Chinese quotes, „so" in German), left as they are.
        typography: list[Step] = []
        if config.quotes == "straight":
            typography.append(_straighten_quotes)
        elif config.quotes == "curly":
            typography.append(_curl_quotes)
        if config.dashes != "keep":
            typography.append(_dash_step(config.dashes))
        self.steps = steps
        self.typography = typography

    def run(self, doc: Document) -> None:
        steps = self.steps + self.typography if doc.notes.get("english", True) else self.steps
        for step in steps:
            # Most steps propose nothing on most texts (each tests first whether its
            # characters are there); ``decide`` is asked only about a step that proposes.
            proposals = list(step(doc.view))
            if proposals:
                doc.decide(Stage.NORMALISE, proposals)


def _straighten_quotes(view: TextView) -> Iterator[Proposal]:
    if view.chars.isdisjoint(_CURLY_CHARS):
        return
    text = view.text
    for m in _SINGLE_CURLY.finditer(text):
        yield Proposal(m.start(), m.end(), "NM120", "'", reason="curly quote straightened")
    for m in _DOUBLE_CURLY.finditer(text):
        yield Proposal(m.start(), m.end(), "NM120", '"', reason="curly quote straightened")


def _curl_quotes(view: TextView) -> Iterator[Proposal]:
    """Straight quotes to curly: opening after space or bracket, closing/apostrophe otherwise."""
    text = view.text
    for m in _STRAIGHT.finditer(text):
        i = m.start()
        opening = i == 0 or bool(_OPENING_CONTEXT.match(text[i - 1]))
        if m.group() == '"':
            new = "\u201c" if opening else "\u201d"
        else:
            nxt = text[i + 1] if i + 1 < len(text) else " "
            new = "\u2018" if opening and not nxt.isspace() and not nxt.isdigit() else "\u2019"
        yield Proposal(i, i + 1, "NM120", new, reason="straight quote curled")


def _dash_step(style: str) -> Step:
    dash = {"en": "\u2013", "em": "\u2014"}.get(style)

    def step(view: TextView) -> Iterator[Proposal]:
        text = view.text
        if dash is None:  # ascii
            for m in _DASHES.finditer(text):
                yield Proposal(
                    m.start(), m.end(), "NM121", "-", reason="dash written as ASCII hyphen"
                )
            return
        for m in _SPACED_DASH.finditer(text):
            new = f" {dash} "
            if m.group() != new:
                yield Proposal(
                    m.start(), m.end(), "NM121", new, reason=f"spaced dash written as {style} dash"
                )

    return step
