"""The records every stage produces: edits (applied changes) and findings (reported problems).

Why one shape for both: the CLI, the pre-commit hook and the review report all consume the
same objects, and a finding that a user opts in to fixing becomes an edit without changing
shape. Spans are code-point offsets into the *original* text handed to ``clean_text`` (what a
reviewer and ``cleaner check``'s ``line:col`` care about) and, for findings, also into the
final text (what the report highlights).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any


class Stage(StrEnum):
    """Pipeline stage that produced a record; the report groups and colours by it."""

    ENCODING = "encoding"
    BOILERPLATE = "boilerplate"
    ARTIFACT = "artifact"
    GRAMMAR = "grammar"
    NORMALISE = "normalise"


class Level(StrEnum):
    """Severity, ordered so ``--fail-level`` can compare them."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class FixSafety(StrEnum):
    """ruff's idea: safe fixes apply by default, unsafe ones only on request, none never."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Edit:
    """One applied change.

    ``start``/``end`` locate ``old`` in the original text. ``pos`` and ``seq`` locate it in the
    working text at the moment it was applied (``seq`` numbers the batches of edits in order);
    ``restore`` needs those because later edits may have rewritten the surroundings.
    """

    rule: str
    stage: Stage
    reason: str
    old: str
    new: str
    start: int
    end: int
    pos: int
    seq: int
    message: str = ""
    level: Level | None = None
    fix: FixSafety | None = None

    def to_dict(self) -> dict[str, Any]:
        data = _shallow_dict(self)
        data["stage"] = self.stage.value
        data["level"] = self.level.value if self.level else None
        data["fix"] = self.fix.value if self.fix else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Edit:
        level, fix = data.get("level"), data.get("fix")
        return cls(
            **{
                **data,
                "stage": Stage(data["stage"]),
                "level": Level(level) if level else None,
                "fix": FixSafety(fix) if fix else None,
            }
        )


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem reported but not fixed, with what a human might replace it by.

    ``start``/``end`` are in the original text, ``out_start``/``out_end`` in the cleaned text.
    ``fix`` says what applying ``suggestions[0]`` would be (unsafe fixes stay findings unless the
    user opts in).
    """

    rule: str
    stage: Stage
    level: Level
    message: str
    text: str
    start: int
    end: int
    out_start: int
    out_end: int
    suggestions: tuple[str, ...] = ()
    fix: FixSafety = FixSafety.NONE
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        data = _shallow_dict(self)
        data["stage"] = self.stage.value
        data["level"] = self.level.value
        data["fix"] = self.fix.value
        data["suggestions"] = list(self.suggestions)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        return cls(
            **{
                **data,
                "stage": Stage(data["stage"]),
                "level": Level(data["level"]),
                "fix": FixSafety(data["fix"]),
                "suggestions": tuple(data.get("suggestions", ())),
            }
        )


@dataclass(slots=True)
class CleanResult:
    """What ``clean_text`` returns: the clean text and the full account of how it got there."""

    text: str
    edits: list[Edit] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(self.edits)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "edits": [e.to_dict() for e in self.edits],
            "findings": [f.to_dict() for f in self.findings],
            "metadata": self.metadata,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CleanResult:
        return cls(
            text=data["text"],
            edits=[Edit.from_dict(e) for e in data.get("edits", [])],
            findings=[Finding.from_dict(f) for f in data.get("findings", [])],
            metadata=dict(data.get("metadata", {})),
        )


def _shallow_dict(record: Any) -> dict[str, Any]:
    """``dataclasses.asdict`` without its recursive deep copy, which cost 70% as much as
    cleaning the article (every field here is a str, int, enum or tuple of str)."""
    return {f.name: getattr(record, f.name) for f in fields(record)}
