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

from cleaner.document import Document, Replacement
from cleaner.model import Stage
from cleaner.segment import units
from cleaner.stages.base import PipelineStage

_LINE_BREAKS = regex.compile(r"\r\n|[\r\u2028\u2029\x85\x0b\x0c]")
_INVISIBLE = regex.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ODD_SPACES = regex.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_SPACES = regex.compile(r"(?m)^ +| +$| {2,}")
_NON_SPACE_RUN = regex.compile(r"\S+")

_SINGLE_CURLY = regex.compile(r"[\u2018\u2019\u201a\u201b]")
_DOUBLE_CURLY = regex.compile(r"[\u201c\u201d\u201e\u201f]")
_STRAIGHT = regex.compile(r"[\"']")
_OPENING_CONTEXT = regex.compile(r"[\s(\[{\u2014\u2013-]")
_DASHES = regex.compile(r"[\u2013\u2014]")
_SPACED_DASH = regex.compile(r"(?<=\S) (?:--?|\u2013|\u2014) (?=\S)")

Step = Callable[[str], Iterator[Replacement]]


def _bom(text: str) -> Iterator[Replacement]:
    if text.startswith("\ufeff"):
        yield Replacement(0, 1, "", "NM101", "byte-order mark removed")


def _line_breaks(text: str) -> Iterator[Replacement]:
    for m in _LINE_BREAKS.finditer(text):
        yield Replacement(m.start(), m.end(), "\n", "NM102", "line ending unified to LF")


def _invisible(text: str) -> Iterator[Replacement]:
    for m in _INVISIBLE.finditer(text):
        name = unicodedata.name(m.group(), f"U+{ord(m.group()):04X}").lower()
        yield Replacement(m.start(), m.end(), "", "NM103", f"invisible character removed ({name})")


def _odd_spaces(text: str) -> Iterator[Replacement]:
    for m in _ODD_SPACES.finditer(text):
        name = unicodedata.name(m.group(), "tab").lower()
        yield Replacement(m.start(), m.end(), " ", "NM104", f"{name} replaced by a space")


def _nfc(text: str) -> Iterator[Replacement]:
    if unicodedata.is_normalized("NFC", text):
        return
    for m in _NON_SPACE_RUN.finditer(text):
        run = m.group()
        if not unicodedata.is_normalized("NFC", run):
            fixed = unicodedata.normalize("NFC", run)
            yield Replacement(m.start(), m.end(), fixed, "NM105", "Unicode normalised to NFC")


def _spaces(text: str) -> Iterator[Replacement]:
    for m in _SPACES.finditer(text):
        at_edge = (
            m.start() == 0
            or text[m.start() - 1] == "\n"
            or m.end() == len(text)
            or (text[m.end()] == "\n")
        )
        if at_edge:
            yield Replacement(m.start(), m.end(), "", "NM106", "space at line start or end removed")
        else:
            yield Replacement(m.start(), m.end(), " ", "NM107", "run of spaces collapsed")


def _layout(text: str) -> Iterator[Replacement]:
    """Blank-line runs, hard wraps, paragraph separation, leading/trailing blank lines."""
    parts = units(text)
    if not parts:
        if text:
            yield Replacement(0, len(text), "", "NM110", "text is only blank lines")
        return
    if parts[0].start > 0:
        yield Replacement(0, parts[0].start, "", "NM110", "leading blank lines removed")
    for unit in parts:
        for a, b in zip(unit.lines, unit.lines[1:], strict=False):
            if a.text.endswith("-") and len(a.text) > 1 and a.text[-2].isalpha():
                yield Replacement(a.end, b.start, "", "NM108", "hard-wrapped line joined at hyphen")
            else:
                yield Replacement(a.end, b.start, " ", "NM108", "hard-wrapped line joined")
    for a, b in zip(parts, parts[1:], strict=False):
        sep = "\n" if a.bullet and b.bullet else "\n\n"
        reason = (
            "list items kept on consecutive lines"
            if sep == "\n"
            else ("paragraphs separated by one blank line")
        )
        yield Replacement(a.end, b.start, sep, "NM109", reason)
    yield Replacement(parts[-1].end, len(text), "\n", "NM111", "exactly one final newline")


class Normalise(PipelineStage):
    """Brings text into the canonical form, with the typography policy from config."""

    name: ClassVar[str] = "normalise"
    idempotent: ClassVar[bool] = True  # steps are ordered so none re-triggers an earlier one

    def __init__(self, config) -> None:  # type: ignore[no-untyped-def]
        super().__init__(config)
        steps: list[Step] = [_bom, _line_breaks, _invisible, _odd_spaces, _nfc, _spaces, _layout]
        if config.quotes == "straight":
            steps.append(_straighten_quotes)
        elif config.quotes == "curly":
            steps.append(_curl_quotes)
        if config.dashes != "keep":
            steps.append(_dash_step(config.dashes))
        self.steps = steps

    def run(self, doc: Document) -> None:
        enabled = self.config.enabled
        for step in self.steps:
            doc.apply(Stage.NORMALISE, (r for r in step(doc.text) if enabled(r.rule)))


def _straighten_quotes(text: str) -> Iterator[Replacement]:
    for m in _SINGLE_CURLY.finditer(text):
        yield Replacement(m.start(), m.end(), "'", "NM120", "curly quote straightened")
    for m in _DOUBLE_CURLY.finditer(text):
        yield Replacement(m.start(), m.end(), '"', "NM120", "curly quote straightened")


def _curl_quotes(text: str) -> Iterator[Replacement]:
    """Straight quotes to curly: opening after space or bracket, closing/apostrophe otherwise."""
    for m in _STRAIGHT.finditer(text):
        i = m.start()
        opening = i == 0 or bool(_OPENING_CONTEXT.match(text[i - 1]))
        if m.group() == '"':
            new = "\u201c" if opening else "\u201d"
        else:
            nxt = text[i + 1] if i + 1 < len(text) else " "
            new = "\u2018" if opening and not nxt.isspace() and not nxt.isdigit() else "\u2019"
        yield Replacement(i, i + 1, new, "NM120", "straight quote curled")


def _dash_step(style: str) -> Step:
    dash = {"en": "\u2013", "em": "\u2014"}.get(style)

    def step(text: str) -> Iterator[Replacement]:
        if dash is None:  # ascii
            for m in _DASHES.finditer(text):
                yield Replacement(m.start(), m.end(), "-", "NM121", "dash written as ASCII hyphen")
            return
        for m in _SPACED_DASH.finditer(text):
            new = f" {dash} "
            if m.group() != new:
                yield Replacement(
                    m.start(), m.end(), new, "NM121", f"spaced dash written as {style} dash"
                )

    return step
