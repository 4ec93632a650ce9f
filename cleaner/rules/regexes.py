"""Running regexes that come from rule files: with a time limit, and templates checked.

A newsroom writes its own ``pattern`` rules, and one pattern with catastrophic backtracking
(``(a|a)+;`` against a line of thirty-four ``a``) runs for longer than the universe; without
a limit it hangs the nightly batch on the first article it meets. Every match of a rule
file's regex runs with the ``regex`` module's ``timeout``; past it the article fails with one
line naming the rule and where it is written, and the batch goes on. The limit grows with
the text (a pattern that is merely slow on a 10 MB file is not a broken rule).
"""

from __future__ import annotations

import sys
import threading
from bisect import bisect_left
from collections.abc import Iterator
from typing import Any

import regex

from cleaner.errors import CleanerError

# Seconds a rule's regex may take on a text: a base that no sane pattern needs on an
# article, plus a second per MB for the scan itself.
BASE_SECONDS = 1.0
SECONDS_PER_MB = 1.0


class RuleTimeout(CleanerError):
    """A rule file's regex ran past its time limit on one text."""

    def __init__(self, rule: object, seconds: float) -> None:
        self.rule = _name(rule)
        super().__init__(
            f"rule {self.rule}: its regex ran for more than {seconds:.1f} s on this text and was "
            "stopped (catastrophic backtracking?); fix or ignore the rule"
        )


def _name(rule: object) -> str:
    """A rule as errors name it: id and where it is written (``XX901 (rules/x.yaml:2)``)."""
    where = getattr(rule, "where", None)
    return f"{rule.id} ({where})" if where else str(rule)  # type: ignore[attr-defined]


def budget(text: str) -> float:
    return BASE_SECONDS + SECONDS_PER_MB * len(text) / 1_000_000


def finditer(pattern: regex.Pattern[str], text: str, rule: object) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text)`` within the time limit; ``rule`` (a rule spec, or its id)
    is named in the error."""
    seconds = budget(text)
    try:
        yield from pattern.finditer(text, timeout=seconds)
    except TimeoutError:
        raise RuleTimeout(rule, seconds) from None


def search(pattern: regex.Pattern[str], text: str, rule: object) -> regex.Match[str] | None:
    """``pattern.search(text)`` within the time limit."""
    seconds = budget(text)
    try:
        return pattern.search(text, timeout=seconds)
    except TimeoutError:
        raise RuleTimeout(rule, seconds) from None


def excepted(
    patterns: tuple[regex.Pattern[str], ...], text: str, start: int, end: int, rule: object
) -> bool:
    """Whether ``text[start:end]`` overlaps a match of one of a rule's ``exceptions`` in its
    line (the meaning ``exceptions`` has for every rule), each within the time limit.

    Each pattern runs once per line of a text, not once per hit: a text with its line breaks
    lost is one line, and rescanning it for every hit made such a file quadratic (a 300 KB
    line took minutes). The matches are kept per thread for the last text seen."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    a, b = start - line_start, end - line_start
    for pattern in patterns:
        starts, ends = _line_matches(pattern, text, line_start, line_end, rule)
        # finditer's matches do not overlap, so starts and ends both ascend: begin at the
        # first match that ends at or after ``a``, stop past ``b``.
        i = bisect_left(ends, a)
        while i < len(starts) and starts[i] <= b:
            if (starts[i] < b and a < ends[i]) or (a == b and starts[i] <= a <= ends[i]):
                return True
            i += 1
    return False


_seen = threading.local()


def _line_matches(
    pattern: regex.Pattern[str], text: str, line_start: int, line_end: int, rule: object
) -> tuple[list[int], list[int]]:
    """Starts and ends (relative to the line) of ``pattern``'s matches in one line of
    ``text``, computed once per text, line and pattern."""
    if getattr(_seen, "text", None) is not text:
        _seen.text = text
        _seen.spans = {}
    key = (pattern, line_start, line_end)
    found: tuple[list[int], list[int]] | None = _seen.spans.get(key)
    if found is None:
        starts: list[int] = []
        ends: list[int] = []
        for m in finditer(pattern, text[line_start:line_end], rule):
            starts.append(m.start())
            ends.append(m.end())
        found = _seen.spans[key] = (starts, ends)
    return found


def template_problem(pattern: regex.Pattern[str], template: str) -> str | None:
    """What is wrong with a replacement template for ``pattern``, or None.

    ``Pattern.sub`` only parses a template when something matched, so ``\\9`` against a
    pattern with one group used to pass ``rules check`` and then fail every article. The
    template is parsed here (bad escapes, unknown group names) and every group number is
    checked against the pattern's groups."""
    try:
        parsed: list[Any] = _parse(pattern, template)
    except (regex.error, IndexError) as exc:
        return str(exc)
    for part in parsed:
        if isinstance(part, int) and part > pattern.groups:
            groups = pattern.groups
            return f"group {part} does not exist (the pattern has {groups} group(s))"
    return None


def _parse(pattern: regex.Pattern[str], template: str) -> list[Any]:
    """The ``regex`` module's own template parser: literals and group numbers."""
    helper = getattr(sys.modules[regex.compile.__module__], "_compile_replacement_helper", None)
    if helper is not None:
        return list(helper(pattern, template))
    # Without it (a future regex release): expand against a match that always succeeds and
    # has the same groups, which parses the template and checks every reference.
    try:
        always = regex.compile(f"(?:{pattern.pattern})|", pattern.flags)
    except regex.error:
        return []
    always.match("").expand(template)  # type: ignore[union-attr]
    return []
