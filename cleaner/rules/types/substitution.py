"""``substitution`` and ``existence`` rules: literal phrases, matched by the one shared matcher.

``match`` lists the phrases (case, line breaks and hyphen/space runs are tolerated unless
``case-sensitive``); a substitution rewrites them to ``replace`` keeping the original's case
(``cleaner.rules.casing``); an existence rule only flags them, optionally with ``suggest``.
``context`` words make the rule fire only in articles that mention one of them (within
``context-window`` characters, or anywhere when 0). A substitution's ``confirm`` phrases,
written elsewhere in the article, make an unsafe fix safe (``cleaner.rules.confirms``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from cleaner.folding import fold_key
from cleaner.model import FixSafety
from cleaner.rules.loader import RuleSpec, register
from cleaner.rules.types._fields import confirm_phrases, fail, str_list, text

LITERAL_FIELDS = frozenset({"match", "case-sensitive", "context", "context-window"})


def _literal_common(raw: dict[str, Any], path: Path) -> dict[str, Any]:
    sensitive = raw.get("case-sensitive", False)
    if not isinstance(sensitive, bool):
        raise fail(raw, path, "'case-sensitive' must be true or false")
    window = raw.get("context-window", 0)
    if not isinstance(window, int) or isinstance(window, bool) or window < 0:
        raise fail(raw, path, "'context-window' must be a non-negative integer")
    phrases = str_list(raw, "match", path, required=True)
    for phrase in phrases:
        if not any(c.isalnum() for c in phrase):
            raise fail(raw, path, f"'match' phrase {phrase!r} has no letters")
    return {
        "match": tuple(phrases),
        "case_sensitive": sensitive,
        "context": tuple(str_list(raw, "context", path)),
        "context_window": window,
    }


@register("substitution")
@dataclass(frozen=True)
class SubstitutionRule(RuleSpec):
    """Phrase -> replacement (calques, literalisms, casing)."""

    match: tuple[str, ...] = ()
    replace: str = ""
    case_sensitive: bool = False
    context: tuple[str, ...] = ()
    context_window: int = 0

    type_fields: ClassVar[frozenset[str]] = LITERAL_FIELDS | {"replace", "confirm"}

    @classmethod
    def from_raw(cls, raw: dict[str, Any], common: dict[str, Any], path: Path) -> RuleSpec:
        replace = raw.get("replace")
        if not isinstance(replace, str):
            raise fail(raw, path, "'replace' is required (a string; use type existence to flag)")
        if common["fix"] is FixSafety.NONE:
            raise fail(raw, path, "a substitution needs 'fix: safe' or 'fix: unsafe'")
        fields = _literal_common(raw, path)
        lower = not fields["case_sensitive"]
        folded = f" {fold_key(replace, lower=lower)} "
        for phrase in fields["match"]:
            if f" {fold_key(phrase, lower=lower)} " in folded:
                raise fail(
                    raw, path, f"'replace' contains its own match {phrase!r} (would re-fire)"
                )
        return cls(
            **common, **fields, replace=replace, confirm=confirm_phrases(raw, path, common["fix"])
        )

    @property
    def suggestions(self) -> tuple[str, ...]:
        return (self.replace,)

    def subject(self) -> str:
        return " | ".join(self.match)


@register("existence")
@dataclass(frozen=True)
class ExistenceRule(RuleSpec):
    """Flag a phrase; never rewrites it (``suggest`` only shows a human what might fit)."""

    match: tuple[str, ...] = ()
    suggest: tuple[str, ...] = ()
    case_sensitive: bool = False
    context: tuple[str, ...] = ()
    context_window: int = 0

    type_fields: ClassVar[frozenset[str]] = LITERAL_FIELDS | {"suggest"}

    @classmethod
    def from_raw(cls, raw: dict[str, Any], common: dict[str, Any], path: Path) -> RuleSpec:
        if common["fix"] is not FixSafety.NONE:
            raise fail(raw, path, "an existence rule only flags: 'fix' must be none")
        text(raw, "message", path, required=True)
        return cls(
            **common, **_literal_common(raw, path), suggest=tuple(str_list(raw, "suggest", path))
        )

    @property
    def suggestions(self) -> tuple[str, ...]:
        return self.suggest

    def subject(self) -> str:
        return " | ".join(self.match)
