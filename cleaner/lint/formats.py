"""Rendering ``cleaner check`` results: text (plain or rich), json, jsonl, github, sarif.

The JSON shape is versioned (``schema`` key) and described by
``schemas/cleaner-check-v1.schema.json``; tests validate real output against it, and SARIF
output against the SARIF 2.1.0 schema. Offsets are code points in the file as decoded from
disk; lines and columns are 1-based, end columns exclusive.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from cleaner.config import Config
from cleaner.escape import visible
from cleaner.lint.violations import Violation, show
from cleaner.model import FixSafety, Level
from cleaner.registry import RuleRecord

SCHEMA_ID = "cleaner-check/1"
FORMATS = ("text", "json", "jsonl", "github", "sarif")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "note"}
_GITHUB_LEVEL = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "notice"}


@dataclass(slots=True)
class CheckReport:
    """Everything one ``cleaner check`` run found, in input order."""

    config: Config
    fail_level: Level
    files: int = 0
    violations: list[Violation] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def failing(self) -> list[Violation]:
        return [v for v in self.violations if v.level.rank >= self.fail_level.rank]

    def summary(self) -> dict[str, Any]:
        levels = Counter(v.level.value for v in self.violations)
        return {
            "files": self.files,
            "files_with_violations": len({v.path for v in self.violations}),
            "violations": len(self.violations),
            "by_level": {lvl.value: levels.get(lvl.value, 0) for lvl in Level},
            "failing": len(self.failing),
            "fixable": sum(1 for v in self.violations if v.fixable),
            "unsafe_fixable": sum(1 for v in self.violations if _unsafe_fixable(v)),
            "errors": len(self.errors),
        }


def _unsafe_fixable(v: Violation) -> bool:
    return not v.fixable and v.fix is FixSafety.UNSAFE and bool(v.suggestions)


def rules_version(config: Config) -> str:
    """A digest of the rule files in use: two runs agree on it iff they used the same rules
    (the same files, wherever they were installed)."""
    from cleaner.resources import content_digest, folder_files, rule_folders

    folders = rule_folders(config)
    if not any(folder_files(folder) for folder in folders):
        return "none"
    return f"sha256:{content_digest(folders)[:16]}"


def tool_info(config: Config) -> dict[str, str]:
    from cleaner import __version__

    return {"name": "cleaner", "version": __version__, "rules_version": rules_version(config)}


def render(report: CheckReport, fmt: str, out: TextIO, color: bool = False) -> None:
    if fmt == "text":
        (write_rich if color else write_plain)(report, out)
    elif fmt == "json":
        out.write(json.dumps(to_json(report), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        for v in report.violations:
            out.write(json.dumps(v.to_dict(), ensure_ascii=False) + "\n")
    elif fmt == "github":
        write_github(report, out)
    elif fmt == "sarif":
        out.write(json.dumps(to_sarif(report), ensure_ascii=False, indent=2) + "\n")
    else:  # pragma: no cover - click restricts the choice
        raise ValueError(fmt)


def to_json(report: CheckReport) -> dict[str, Any]:
    return {
        "schema": SCHEMA_ID,
        "tool": tool_info(report.config),
        "fail_level": report.fail_level.value,
        "summary": report.summary(),
        "violations": [v.to_dict() for v in report.violations],
        "errors": [_error_dict(e) for e in report.errors],
        "rules": {
            code: _rule_doc(record, _source(record, report.config))
            for code, record in _records(report).items()
        },
    }


def decided_spans(violations: list[dict[str, Any]]) -> dict[str, list[tuple[str, int, int]]]:
    """``(rule, start, end)`` of every edit and every finding behind the violations of a
    ``--format json`` report (grouped edits give one per location): what ``cleaner fix``
    applies and what is left, comparable with a sidecar's ``edits`` and ``findings``."""
    out: dict[str, list[tuple[str, int, int]]] = {"edits": [], "findings": []}
    for v in violations:
        if v["kind"] == "edit":
            out["edits"] += [(v["rule"], loc["start"], loc["end"]) for loc in v["locations"]]
        else:
            out["findings"].append((v["rule"], v["span"]["start"], v["span"]["end"]))
    return out


def _records(report: CheckReport) -> dict[str, RuleRecord]:
    """The registry record of each code among the violations, in first-seen order."""
    from cleaner.pipeline import registry

    known = registry(report.config)
    out: dict[str, RuleRecord] = {}
    for v in report.violations:
        if v.rule not in out:
            record = known.get(v.rule)
            if record is not None:
                out[v.rule] = record
    return out


def _source(record: RuleRecord, config: Config) -> str:
    """Where a rule is defined, the same wherever cleaner is installed: a rule file's path
    from its rules folder's name (``rules/phrases/calques.yaml:60``), a code rule's module."""
    from cleaner.resources import rule_folders

    for folder in rule_folders(config):
        prefix = f"{folder}/"
        if record.origin.startswith(prefix):
            return f"{folder.name}/{record.origin[len(prefix) :]}"
    return record.origin


def _rule_doc(record: RuleRecord, source: str) -> dict[str, Any]:
    """What the registry says about a rule (``cleaner rules explain`` in JSON)."""
    return {
        "name": record.name,
        "summary": record.summary(),
        "explanation": record.explanation,
        "level": record.level.value,
        "fix": record.fix.value,
        "stage": record.stage.value,
        "type": record.kind,
        "source": source,
    }


def _error_dict(message: str) -> dict[str, str]:
    path, _, problem = message.partition(": ")
    return {"path": path, "message": problem or message}


# -- text ------------------------------------------------------------------------------------


def describe(v: Violation) -> str:
    """``message [-> suggestion]``; an edit also quotes the text it changes."""
    marker = " [*]" if v.fixable else (" [unsafe fix]" if _unsafe_fixable(v) else "")
    if v.kind == "edit":
        new = v.suggestions[0] if v.suggestions else ""
        if new and new in v.message:  # a rule's message already names the fix
            body = v.message
        else:
            body = f"{v.message}: {show(v.text)} -> {show(new) if new else '(removed)'}"
    else:
        body = v.message
        if v.suggestions:
            more = f" (+{len(v.suggestions) - 1} more)" if len(v.suggestions) > 1 else ""
            first = show(v.suggestions[0]) if v.suggestions[0] else "(remove)"
            body += f" -> {first}{more}"
    return f"{v.rule}{marker} {body}"


def summary_line(report: CheckReport) -> str:
    s = report.summary()
    if not report.violations:
        text = f"{report.files} file(s) checked: no problems"
    else:
        lv = s["by_level"]
        text = (
            f"Found {s['violations']} problem(s) in {s['files_with_violations']} of "
            f"{report.files} file(s): {lv['error']} error, {lv['warning']} warning, "
            f"{lv['info']} info; {s['fixable']} fixable with `cleaner fix` [*]"
        )
        if s["unsafe_fixable"]:
            text += f", {s['unsafe_fixable']} more with `cleaner fix --unsafe-fixes`"
    if report.errors:
        text += f"; {len(report.errors)} file(s) could not be checked"
    return text


def write_plain(report: CheckReport, out: TextIO) -> None:
    """``path:line:col: LEVEL RULE message [-> suggestion]``: one per line, grep-friendly."""
    for v in report.violations:  # one line each: no control character from the article
        line = f"{v.path}:{v.span.line}:{v.span.column}: {v.level.value} {describe(v)}"
        out.write(visible(line) + "\n")
    out.write(summary_line(report) + "\n")


def write_rich(report: CheckReport, out: TextIO) -> None:
    """Grouped by file and coloured, for a terminal (rich is imported only here)."""
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, force_terminal=True, highlight=False, soft_wrap=True)
    styles = {Level.ERROR: "bold red", Level.WARNING: "yellow", Level.INFO: "cyan"}
    current = None
    for v in report.violations:
        if v.path != current:
            if current is not None:
                console.print()
            console.print(Text(visible(v.path), style="bold underline"))
            current = v.path
        line = Text("  ")
        line.append(f"{v.span.line}:{v.span.column}".ljust(8), style="dim")
        line.append(v.level.value.ljust(8), style=styles[v.level])
        line.append(visible(describe(v)))
        console.print(line)
    if report.violations:
        console.print()
    style = "bold red" if report.failing else "bold green"
    console.print(Text(summary_line(report), style=style))


# -- GitHub Actions workflow commands --------------------------------------------------------


def _gh_escape(value: str, prop: bool = False) -> str:
    value = visible(value, keep="\r\n")  # the log viewer would run an escape sequence
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def write_github(report: CheckReport, out: TextIO) -> None:
    for v in report.violations:
        s = v.span
        props = (
            f"file={_gh_escape(v.path, True)},line={s.line},col={s.column},"
            f"endLine={s.end_line},endColumn={s.end_column},title={_gh_escape(v.rule, True)}"
        )
        out.write(f"::{_GITHUB_LEVEL[v.level]} {props}::{_gh_escape(describe(v))}\n")


# -- SARIF 2.1.0 -----------------------------------------------------------------------------


def to_sarif(report: CheckReport) -> dict[str, Any]:
    """One run; columns are Unicode code points (``columnKind``), as in our JSON."""
    tool = tool_info(report.config)
    records = _records(report)
    rules: dict[str, dict[str, Any]] = {}
    results: list[dict[str, Any]] = []
    for v in report.violations:
        if v.rule not in rules:
            rules[v.rule] = _sarif_rule(v, records.get(v.rule), report.config)
        results.append(_sarif_result(v, list(rules).index(v.rule)))
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": tool["name"],
                        "version": tool["version"],
                        "semanticVersion": tool["version"],
                        "rules": list(rules.values()),
                        "properties": {"rulesVersion": tool["rules_version"]},
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def _sarif_rule(v: Violation, record: RuleRecord | None, config: Config) -> dict[str, Any]:
    """A ``reportingDescriptor`` from the rule's registry record."""
    if record is None:  # pragma: no cover - every emitted code is registered (tested)
        return {"id": v.rule, "shortDescription": {"text": v.rule}}
    summary = record.summary()
    described: dict[str, Any] = {
        "id": v.rule,
        "name": record.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": record.explanation or summary},
        "defaultConfiguration": {"level": _SARIF_LEVEL[record.level]},
        "properties": {
            "stage": record.stage.value,
            "fix": record.fix.value,
            "type": record.kind,
            "source": _source(record, config),
        },
    }
    if record.explanation:
        described["help"] = {"text": record.explanation}
    return described


def _region(span: Any, text: str | None = None) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
        "charOffset": span.start,
        "charLength": span.end - span.start,
    }
    if text:
        region["snippet"] = {"text": text}
    return region


def _sarif_result(v: Violation, rule_index: int) -> dict[str, Any]:
    uri = Path(v.path).as_posix()
    result: dict[str, Any] = {
        "ruleId": v.rule,
        "ruleIndex": rule_index,
        "level": _SARIF_LEVEL[v.level],
        "message": {"text": describe(v)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": _region(v.span, v.text),
                }
            }
        ],
        "partialFingerprints": {"cleaner/v1": v.fingerprint},
        "properties": {"stage": v.stage, "kind": v.kind, "fix": v.fix.value, "count": v.count},
    }
    spans = v.locations or (v.span,)
    if v.kind == "edit" and all(s.replacement is not None for s in spans):
        result["fixes"] = [
            {
                "description": {"text": v.message},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": uri},
                        "replacements": [
                            {
                                "deletedRegion": _region(s),
                                "insertedContent": {"text": s.replacement},
                            }
                            for s in spans
                        ],
                    }
                ],
            }
        ]
    return result
