"""One article's review data: a compact, JSON-ready dict built from its ``CleanResult``.

Built where the article was cleaned (in a batch worker), so the parent process only gathers
small dicts and renders. The same dict feeds the HTML report (embedded as JSON and drawn on
demand by the page's script) and the index row (counts the template shows as a table).

Row atoms, kept terse because a 2,000-article report carries 2,000 of these:

* ``"text"``: identical on both sides;
* ``["=", text, [finding ids]]``: identical, with findings marked on the clean side;
* ``["c", change id, left parts, right parts]``, a part being ``[text, changed(0/1)]`` or
  ``[text, changed, [finding ids]]``.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from cleaner.model import CleanResult, Stage
from cleaner.reader import FILE_RULES
from cleaner.report.align import Alignment, ChangeAtom, Part, Same, align
from cleaner.review.decisions import content_hash

# Metadata keys that hold the damage score, if a stage computed one (first match wins).
DAMAGE_KEYS = ("damage_score", "damage", "damage-score")


def damage_of(metadata: dict[str, Any]) -> float | None:
    """The article's damage score from its metadata, whatever the scoring stage called it."""
    for key in (*DAMAGE_KEYS, *(k for k in metadata if "damage" in k.lower())):
        value = metadata.get(key)
        if isinstance(value, dict):
            value = value.get("score")
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
    return None


def article_data(name: str, original: str, result: CleanResult) -> dict[str, Any]:
    """Everything the report shows for one cleaned article."""
    alignment = align(original, result)
    edits = result.edits
    counts = _counts(result, alignment)
    return {
        "name": name,
        "error": None,
        # What a reviewer's decisions are about: ``cleaner review`` refuses them once the
        # article's text is no longer this.
        "sha256": content_hash(original),
        "meta": _jsonable(result.metadata),
        "edits": [[e.rule, e.stage.value, e.reason, e.message] for e in edits],
        "changes": [
            {
                "rules": list(c.rules),
                "stage": c.stage.value,
                "edits": list(c.edits),
                "old": c.old,
                "new": c.new,
                # Where in the original: with ``rules`` this names the change's edits again
                # when a reviewer rejects it (a change is a maximal rewritten stretch, so
                # every edit of those rules inside the span is one of its edits).
                "start": c.start,
                "end": c.end,
                "kind": "layout" if c.layout else "block" if c.block else "inline",
            }
            for c in alignment.changes
        ],
        "findings": [
            {
                "rule": f.rule,
                "stage": f.stage.value,
                "level": f.level.value,
                "message": f.message,
                "text": f.text,
                "start": f.start,
                "end": f.end,
                "suggestions": list(f.suggestions),
                "fix": f.fix.value,
                "reason": f.reason,
                # About the file, not its text: nothing for a reviewer to decide.
                "file": f.rule in FILE_RULES,
            }
            for f in result.findings
        ],
        "rows": [_row(r.atoms, r.layout) for r in alignment.rows],
        "counts": counts,
    }


def error_data(name: str, error: str) -> dict[str, Any]:
    """An index row for a file that could not be read or cleaned."""
    return {"name": name, "error": error, "meta": {}, "counts": _empty_counts()}


def _empty_counts() -> dict[str, Any]:
    return {
        "edits": 0,
        "changes": 0,
        "by_stage": {},
        "findings": 0,
        "by_level": {},
        "boilerplate_blocks": 0,
        "boilerplate_chars": 0,
        "damage": None,
        "rules": [],
    }


def _counts(result: CleanResult, alignment: Alignment) -> dict[str, Any]:
    counts = _empty_counts()
    counts["edits"] = len(result.edits)
    counts["changes"] = sum(not c.layout for c in alignment.changes)
    counts["by_stage"] = dict(Counter(e.stage.value for e in result.edits))
    counts["findings"] = len(result.findings)
    counts["by_level"] = dict(Counter(f.level.value for f in result.findings))
    # Removals only: a boilerplate stage also rewrites (unwraps a subheading, lifts a date).
    stripped = [c for c in alignment.changes if c.stage is Stage.BOILERPLATE]
    counts["boilerplate_blocks"] = sum(1 for c in stripped if not c.new.strip())
    counts["boilerplate_chars"] = sum(max(0, len(c.old) - len(c.new)) for c in stripped)
    counts["damage"] = damage_of(result.metadata)
    counts["rules"] = sorted({e.rule for e in result.edits} | {f.rule for f in result.findings})
    return counts


def _row(atoms: list[Same | ChangeAtom], layout: list[int]) -> dict[str, Any]:
    out: list[Any] = []
    for a in atoms:
        if isinstance(a, Same):
            out.append(["=", a.text, list(a.findings)] if a.findings else a.text)
        else:
            out.append(["c", a.change, _parts(a.left), _parts(a.right)])
    row: dict[str, Any] = {"a": out}
    if layout:
        row["l"] = layout
    return row


def _parts(parts: tuple[Part, ...]) -> list[list[Any]]:
    return [
        [p.text, int(p.changed), list(p.findings)] if p.findings else [p.text, int(p.changed)]
        for p in parts
    ]


def _jsonable(value: Any) -> Any:
    """Metadata as plain JSON types (stages may store dates, tuples, sets)."""
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)
