"""``pattern`` rules: a ``regex``-module pattern and a replacement template, for what a phrase
list cannot express (``long -term`` -> ``long-term`` for any compound). Kept separate from the
literal matcher because each pattern costs a scan of its own."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import regex

from cleaner.model import FixSafety
from cleaner.rules.loader import RuleSpec, register
from cleaner.rules.regexes import template_problem
from cleaner.rules.types._fields import confirm_phrases, fail, str_list, text


@register("pattern")
@dataclass(frozen=True)
class PatternRule(RuleSpec):
    """``pattern`` (regex) -> ``replace`` (a ``\\1``/``\\g<name>`` template) or flag only."""

    pattern: str = ""
    replace: str | None = None
    context: tuple[str, ...] = ()

    type_fields: ClassVar[frozenset[str]] = frozenset({"pattern", "replace", "context", "confirm"})

    @classmethod
    def from_raw(cls, raw: dict[str, Any], common: dict[str, Any], path: Path) -> RuleSpec:
        pattern = text(raw, "pattern", path, required=True)
        assert pattern is not None
        try:
            compiled = regex.compile(pattern)
        except regex.error as exc:
            raise fail(raw, path, f"bad 'pattern' {pattern!r}: {exc}") from None
        replace = raw.get("replace")
        if replace is not None:
            if not isinstance(replace, str):
                raise fail(raw, path, "'replace' must be a string template")
            problem = template_problem(compiled, replace)
            if problem is not None:
                raise fail(raw, path, f"bad 'replace' template {replace!r}: {problem}")
        if replace is None and common["fix"] is not FixSafety.NONE:
            raise fail(raw, path, "'fix' is safe/unsafe but there is no 'replace'")
        if replace is not None and common["fix"] is FixSafety.NONE:
            raise fail(raw, path, "'replace' given but 'fix' is none")
        return cls(
            **common,
            pattern=pattern,
            replace=replace,
            context=tuple(str_list(raw, "context", path)),
            confirm=confirm_phrases(raw, path, common["fix"]),
        )

    @property
    def compiled(self) -> regex.Pattern[str]:
        return _compile(self.pattern)

    def subject(self) -> str:
        return self.pattern


_CACHE: dict[str, regex.Pattern[str]] = {}


def _compile(pattern: str) -> regex.Pattern[str]:
    found = _CACHE.get(pattern)
    if found is None:
        found = _CACHE[pattern] = regex.compile(pattern)
    return found
