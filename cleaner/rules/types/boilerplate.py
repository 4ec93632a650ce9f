"""The ``boilerplate`` rule type: a regex over one paragraph unit that removes it, strips or
rewrites part of it, or only lifts metadata out of it.

Why units and not raw lines: hard-wrapped text would otherwise look like a run of short
unpunctuated lines; ``cleaner.segment.units`` joins wraps first. Patterns see the unit with
whitespace collapsed and curly quotes straightened (so they match before and after the
normaliser, which keeps the stage idempotent). Fields beyond the common ones:

* ``pattern`` (required): regex, case-insensitive unless ``case-sensitive: true``.
* ``action``: ``remove`` (the whole unit, default), ``strip`` (only the match; the unit goes
  if nothing is left), ``replace`` (the match becomes ``replace``, ``\\g<name>`` allowed),
  ``lift`` (no edit: metadata only).
* ``position``: ``any`` (default), ``head`` (first three units), ``tail`` (last third).
* ``block``: ``links`` makes a heading such as ``Related Links`` take the run of title-like
  lines after it (and fire only when such a run or the end of the text follows).
* ``max-words``: fire only on units of at most this many words (protects prose).
* ``lift``: mapping of metadata field -> named group (``{source: source}``).
* ``exceptions`` (common field): a match overlapping a match of one of these regexes in the
  unit is skipped, as a word rule's hit is in its line.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import regex

from cleaner.errors import RuleFileError
from cleaner.model import Stage
from cleaner.registry import RuleRecord
from cleaner.rules.loader import LINE_KEY, RuleSpec, register
from cleaner.rules.regexes import template_problem

ACTIONS = ("remove", "strip", "replace", "lift")
POSITIONS = ("any", "head", "tail")
BLOCKS = ("none", "links")
METADATA_FIELDS = ("date", "source", "author", "dateline", "title")


@register("boilerplate")
@dataclass(frozen=True)
class BoilerplateRule(RuleSpec):
    """One boilerplate pattern with what to do with the unit it matches."""

    pattern: str = ""
    action: str = "remove"
    replace: str = ""
    position: str = "any"
    block: str = "none"
    max_words: int = 0
    lift: tuple[tuple[str, str], ...] = ()
    case_sensitive: bool = False

    type_fields: ClassVar[frozenset[str]] = frozenset(
        {"pattern", "action", "replace", "position", "block", "max-words", "lift", "case-sensitive"}
    )

    @property
    def compiled(self) -> regex.Pattern[str]:
        return _compile(self.pattern, self.case_sensitive)

    @property
    def stage(self) -> Stage:
        return Stage.BOILERPLATE

    def subject(self) -> str:
        return self.pattern

    def record(self) -> RuleRecord:
        return dataclasses.replace(super().record(), emits=self.action != "lift")

    @classmethod
    def from_raw(cls, raw: dict[str, Any], common: dict[str, Any], path: Path) -> BoilerplateRule:
        rid = common["id"]

        def fail(problem: str) -> RuleFileError:
            return RuleFileError(path, common["line"], f"{rid}: {problem}")

        pattern = raw.get("pattern")
        if not isinstance(pattern, str) or not pattern:
            raise fail("'pattern' (a regex) is required")
        sensitive = raw.get("case-sensitive", False)
        if not isinstance(sensitive, bool):
            raise fail("'case-sensitive' must be true or false")
        try:
            compiled = _compile(pattern, sensitive)
        except regex.error as exc:
            raise fail(f"bad pattern {pattern!r}: {exc}") from None
        action = _choice(raw, "action", ACTIONS, fail)
        position = _choice(raw, "position", POSITIONS, fail)
        block = _choice(raw, "block", BLOCKS, fail)
        replace = raw.get("replace", "")
        if not isinstance(replace, str):
            raise fail("'replace' must be a string template")
        if action == "replace" and "replace" not in raw:
            raise fail("action 'replace' needs a 'replace' template")
        problem = template_problem(compiled, replace) if action == "replace" else None
        if problem is not None:
            raise fail(f"bad 'replace' template {replace!r}: {problem}")
        max_words = raw.get("max-words", 0)
        if not isinstance(max_words, int) or isinstance(max_words, bool) or max_words < 0:
            raise fail("'max-words' must be a non-negative integer")
        lift_raw = raw.get("lift", {}) or {}
        if not isinstance(lift_raw, dict):
            raise fail("'lift' must be a mapping of metadata field to group name")
        lift: list[tuple[str, str]] = []
        for key, group in lift_raw.items():
            if key == LINE_KEY:
                continue
            if key not in METADATA_FIELDS:
                raise fail(f"'lift' field {key!r} is not one of {', '.join(METADATA_FIELDS)}")
            if not isinstance(group, str) or group not in compiled.groupindex:
                raise fail(f"'lift' group {group!r} is not a named group of the pattern")
            lift.append((key, group))
        return cls(
            **common,
            pattern=pattern,
            action=action,
            replace=replace,
            position=position,
            block=block,
            max_words=max_words,
            lift=tuple(lift),
            case_sensitive=sensitive,
        )


def _choice(raw: dict[str, Any], key: str, choices: tuple[str, ...], fail: Any) -> str:
    value = raw.get(key, choices[0])
    if value not in choices:
        raise fail(f"'{key}' must be one of {', '.join(choices)}, not {value!r}")
    return str(value)


_CACHE: dict[tuple[str, bool], regex.Pattern[str]] = {}


def _compile(pattern: str, case_sensitive: bool) -> regex.Pattern[str]:
    key = (pattern, case_sensitive)
    if key not in _CACHE:
        flags = 0 if case_sensitive else regex.IGNORECASE
        _CACHE[key] = regex.compile(pattern, flags)
    return _CACHE[key]
