"""Field parsers the rule types share: each raises ``RuleFileError`` naming the rule's line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cleaner.errors import RuleFileError
from cleaner.model import FixSafety
from cleaner.rules.confirms import problem
from cleaner.rules.loader import LINE_KEY


def fail(raw: dict[str, Any], path: Path, problem: str) -> RuleFileError:
    return RuleFileError(path, raw.get(LINE_KEY, 0), f"{raw.get('id', '?')}: {problem}")


def str_list(raw: dict[str, Any], key: str, path: Path, *, required: bool = False) -> list[str]:
    """A list of non-empty strings (a single string is a list of one)."""
    value = raw.get(key)
    if value is None:
        if required:
            raise fail(raw, path, f"'{key}' is required")
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail(raw, path, f"'{key}' must be a list of non-empty strings")
    if required and not value:
        raise fail(raw, path, f"'{key}' must not be empty")
    return [v.strip() for v in value]


def pairs(raw: dict[str, Any], key: str, path: Path) -> list[tuple[str, str | None]]:
    """A list whose items are ``spelling`` or ``{spelling: target}``; or one mapping."""
    value = raw.get(key)
    if value is None:
        return []
    if isinstance(value, dict):
        value = [{k: v} for k, v in value.items() if k != LINE_KEY]
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise fail(raw, path, f"'{key}' must be a list of spellings or {{spelling: target}}")
    out: list[tuple[str, str | None]] = []
    for item in value:
        if isinstance(item, str) and item.strip():
            out.append((item.strip(), None))
            continue
        if isinstance(item, dict):
            entries = [(k, v) for k, v in item.items() if k != LINE_KEY]
            if len(entries) == 1 and all(isinstance(x, str) and x.strip() for x in entries[0]):
                out.append((entries[0][0].strip(), entries[0][1].strip()))
                continue
        raise fail(raw, path, f"'{key}' entries must be a spelling or {{spelling: target}}")
    return out


def text(raw: dict[str, Any], key: str, path: Path, *, required: bool = False) -> str | None:
    value = raw.get(key)
    if value is None:
        if required:
            raise fail(raw, path, f"'{key}' is required")
        return None
    if not isinstance(value, str) or not value.strip():
        raise fail(raw, path, f"'{key}' must be a non-empty string")
    return value


def confirm_phrases(raw: dict[str, Any], path: Path, fix: FixSafety) -> tuple[str, ...]:
    """The rule's ``confirm`` phrases, checked; only an unsafe fix can be confirmed."""
    phrases = tuple(str_list(raw, "confirm", path))
    if phrases and fix is not FixSafety.UNSAFE:
        raise fail(raw, path, "'confirm' makes an unsafe fix safe: 'fix' must be unsafe")
    for phrase in phrases:
        trouble = problem(phrase)
        if trouble is not None:
            raise fail(raw, path, trouble)
    return phrases
