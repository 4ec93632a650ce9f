"""What a reviewer's decisions refer to: a batch of articles, each pinned by a content hash.

The report embeds a manifest (batch root, each article's path under it and the hash of the
text that was reviewed); the page's "Export decisions" writes a ``cleaner-decisions/1`` file
(``schemas/cleaner-decisions-v1.schema.json``) from it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cleaner.config import Resolver
from cleaner.errors import CleanerError

SCHEMA = "cleaner-decisions/1"


def content_hash(text: str) -> str:
    """SHA-256 of the article text as read (decoded), in hex.

    The decoded text, not the file's bytes: spans are offsets into this text, so it is what
    must not have changed; re-encoding a file (cp1251 to UTF-8, say) keeps decisions valid.
    """
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def batch_root(names: Sequence[str]) -> Path:
    """The folder every article of the batch sits under (their deepest common folder).

    Absolute but not resolved: links are the batch's own business (and a looping one is
    that file's error row, not a reason to fail the whole report)."""
    folders = [os.path.dirname(os.path.abspath(n)) for n in names]
    if not folders:
        return Path(os.path.abspath(os.curdir))
    return Path(os.path.commonpath(folders))


def manifest(articles: Sequence[dict[str, Any]], report_id: str) -> dict[str, Any]:
    """The batch as the page exports it: root, output root, and per article its path
    (relative to the root, with ``/``), hash and output (relative to the output root)."""
    names = [a["name"] for a in articles]
    root = batch_root(names)
    outputs = [a.get("output") for a in articles]
    out_root = batch_root([o for o in outputs if o]) if any(outputs) else None
    rows = []
    for a, out in zip(articles, outputs, strict=True):
        rows.append(
            [
                _relative(a["name"], root),
                a.get("sha256"),
                _relative(out, out_root) if out and out_root else None,
            ]
        )
    return {
        "id": report_id,
        "root": str(root),
        "output_root": str(out_root) if out_root else None,
        "articles": rows,
    }


def run_settings(resolver: Resolver, encoding: str | None) -> dict[str, Any]:
    """How a batch was cleaned, as JSON: the ``--config`` file, the command-line options and
    ``--encoding``. ``resolver_of`` turns it back into the run's config resolution."""
    options = {k: list(v) if isinstance(v, tuple) else v for k, v in resolver.overrides}
    config = str(Path(resolver.explicit).absolute()) if resolver.explicit else None
    return {"config": config, "options": options, "encoding": encoding}


def resolver_of(run: dict[str, Any]) -> Resolver:
    """The config resolution of the run ``run_settings`` described."""
    overrides = tuple(
        (k, tuple(v) if isinstance(v, list) else v) for k, v in run.get("options", {}).items()
    )
    config = run.get("config")
    return Resolver(Path(config) if config else None, overrides)


def _relative(name: str, root: Path) -> str:
    path = Path(os.path.abspath(name))
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()


# ---- reading a decisions file ---------------------------------------------------------------


class DecisionsError(CleanerError):
    """A decisions file that cannot be used; each problem is one line naming the file."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True, slots=True)
class Decision:
    """One decision on one change (``kind == "edit"``) or finding."""

    kind: str
    decision: str
    rule: str
    start: int
    end: int
    text: str
    suggestion: str | None = None
    new: str | None = None
    # An edit decision's rules: with the span they name the change's edits.
    rules: tuple[str, ...] = ()
    scope: str = "item"
    note: str = ""

    @property
    def accepted(self) -> bool:
        return self.decision == "accept"


@dataclass(frozen=True, slots=True)
class ArticleDecisions:
    """The decisions on one article, with where it is (``source``) and was written to."""

    path: str
    source: Path
    sha256: str
    output: Path | None
    decisions: tuple[Decision, ...]


@dataclass(frozen=True, slots=True)
class DecisionSet:
    """A whole decisions file."""

    file: Path
    root: Path
    output_root: Path | None
    articles: tuple[ArticleDecisions, ...]
    # How the batch was cleaned (``run_settings``): config file, options, encoding.
    run: dict[str, Any] = field(default_factory=dict)
    # The report's batch id (names what ``cleaner review learn`` writes for it).
    report_id: str = ""

    @property
    def resolver(self) -> Resolver:
        return resolver_of(self.run)

    @property
    def encoding(self) -> str | None:
        return self.run.get("encoding")


_KINDS = ("edit", "finding")
_CHOICES = ("accept", "reject")
_HEX64 = re.compile(r"[0-9a-f]{64}")
regex_id = re.compile(r"[0-9A-Za-z_-]{1,64}")


class _Reader:
    """Walks the JSON, collecting every problem as ``file: where: what`` (one line each)."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self.problems: list[str] = []

    def bad(self, where: str, what: str) -> None:
        self.problems.append(f"{self.file}: {where}: {what}" if where else f"{self.file}: {what}")

    def obj(self, value: Any, where: str, required: Sequence[str], allowed: Sequence[str]) -> bool:
        if not isinstance(value, dict):
            self.bad(where, f"must be an object, not {_kind(value)}")
            return False
        ok = True
        for key in required:
            if key not in value:
                self.bad(where, f"missing '{key}'")
                ok = False
        for key in value:
            if key not in allowed:
                self.bad(where, f"unknown field '{key}'")
                ok = False
        return ok

    def string(self, value: Any, where: str, *, empty: bool = True) -> str | None:
        if not isinstance(value, str) or (not empty and not value):
            self.bad(where, "must be a non-empty string" if not empty else "must be a string")
            return None
        return value

    def offset(self, value: Any, where: str) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.bad(where, "must be a whole number >= 0")
            return None
        return value


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string"}.get(type(value), repr(value))


def load_decisions(file: Path) -> DecisionSet:
    """Read and check the structure of a ``cleaner-decisions/1`` file.

    Raises ``DecisionsError`` listing every problem (schema, a path outside the batch) in one
    line each; what needs the articles themselves (hashes, rule ids) is ``verify``'s job.
    """
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DecisionsError([f"{file}: decisions file not found"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DecisionsError([f"{file}: cannot read it ({exc})"]) from None
    except json.JSONDecodeError as exc:
        raise DecisionsError([f"{file}: not JSON ({exc.msg} at line {exc.lineno})"]) from None
    r = _Reader(file)
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        found = data.get("schema") if isinstance(data, dict) else None
        raise DecisionsError(
            [f"{file}: not a cleaner decisions file (schema {found!r}, expected {SCHEMA!r})"]
        )
    top = ("schema", "tool", "tool_version", "report", "exported", "batch", "articles")
    r.obj(data, "", ("schema", "batch", "articles"), top)
    root = output_root = None
    run: dict[str, Any] = {}
    batch = data.get("batch")
    fields_ = ("root", "output_root", "config", "options", "encoding")
    if "batch" in data and r.obj(batch, "batch", ("root",), fields_):
        run = _run(r, batch)
        text = r.string(batch["root"], "batch.root", empty=False)
        if text is not None:
            root = Path(text)
            if not root.is_absolute():
                r.bad("batch.root", f"must be an absolute folder, not '{text}'")
                root = None
        out = batch.get("output_root")
        if out is not None and r.string(out, "batch.output_root", empty=False) is not None:
            output_root = Path(out)
            if not output_root.is_absolute():
                r.bad("batch.output_root", f"must be an absolute folder, not '{out}'")
                output_root = None
    articles: list[ArticleDecisions] = []
    listed = data.get("articles", [])
    if not isinstance(listed, list):
        r.bad("articles", "must be a list")
        listed = []
    seen: set[str] = set()
    for i, item in enumerate(listed):
        art = _article(r, item, f"articles[{i}]", root, output_root)
        if art is None:
            continue
        if art.path in seen:
            r.bad(f"articles[{i}]", f"'{art.path}' is listed twice")
        seen.add(art.path)
        articles.append(art)
    if r.problems:
        raise DecisionsError(r.problems)
    assert root is not None
    report = data.get("report")
    report_id = report.get("id") if isinstance(report, dict) else None
    if not isinstance(report_id, str) or not regex_id.fullmatch(report_id):
        report_id = hashlib.sha256(str(root).encode()).hexdigest()[:20]
    return DecisionSet(file, root, output_root, tuple(articles), run, report_id)


def _run(r: _Reader, batch: dict[str, Any]) -> dict[str, Any]:
    run: dict[str, Any] = {"options": {}}
    for key in ("config", "encoding"):
        value = batch.get(key)
        if value is not None and r.string(value, f"batch.{key}", empty=False) is not None:
            run[key] = value
    options = batch.get("options", {})
    if not isinstance(options, dict):
        r.bad("batch.options", "must be an object")
        return run
    from cleaner.config import Config

    known = set(Config.__dataclass_fields__)
    for key, value in options.items():
        if key not in known:
            r.bad(f"batch.options.{key}", "not a cleaner option")
        else:
            run["options"][key] = value
    return run


def _article(
    r: _Reader, item: Any, where: str, root: Path | None, output_root: Path | None
) -> ArticleDecisions | None:
    fields_ = ("path", "sha256", "output", "decisions")
    if not r.obj(item, where, ("path", "sha256", "decisions"), fields_):
        return None
    before = len(r.problems)
    path = r.string(item["path"], f"{where}.path", empty=False)
    source = _inside(r, root, path, f"{where}.path", "the batch") if path else None
    digest = item["sha256"]
    if not isinstance(digest, str) or not _HEX64.fullmatch(digest):
        r.bad(f"{where}.sha256", "must be 64 lower-case hex digits")
    output = None
    if item.get("output") is not None:
        out = r.string(item["output"], f"{where}.output", empty=False)
        if out is not None and output_root is None:
            r.bad(f"{where}.output", "given, but batch.output_root is not")
        elif out is not None:
            output = _inside(r, output_root, out, f"{where}.output", "the output folder")
    decisions = item["decisions"]
    if not isinstance(decisions, list):
        r.bad(f"{where}.decisions", "must be a list")
        decisions = []
    parsed = [_decision(r, d, f"{where}.decisions[{k}]") for k, d in enumerate(decisions)]
    if len(r.problems) > before or source is None or path is None:
        return None
    return ArticleDecisions(path, source, digest, output, tuple(d for d in parsed if d is not None))


def _inside(r: _Reader, root: Path | None, rel: str, where: str, what: str) -> Path | None:
    """``root / rel`` if it stays inside ``root`` (no absolute path, no ``..`` out of it)."""
    if root is None:
        return None
    candidate = Path(rel)
    if candidate.is_absolute() or ".." in candidate.parts:
        r.bad(where, f"'{rel}' is outside {what} ({root})")
        return None
    full = root / candidate
    try:
        escapes = not full.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a symlink loop: reading it will say so, one line
        escapes = False
    if escapes:
        r.bad(where, f"'{rel}' is outside {what} ({root}): a link leads out of it")
        return None
    return full


def _decision(r: _Reader, d: Any, where: str) -> Decision | None:
    allowed = (
        "kind", "decision", "rule", "rules", "start", "end", "text", "new", "suggestion",
        "scope", "note",
    )  # fmt: skip
    if not r.obj(d, where, ("kind", "decision", "rule", "start", "end", "text"), allowed):
        return None
    before = len(r.problems)
    kind, choice = d["kind"], d["decision"]
    if kind not in _KINDS:
        r.bad(f"{where}.kind", f"must be 'edit' or 'finding', not {kind!r}")
    if choice not in _CHOICES:
        r.bad(f"{where}.decision", f"must be 'accept' or 'reject', not {choice!r}")
    rule = r.string(d["rule"], f"{where}.rule", empty=False)
    start = r.offset(d["start"], f"{where}.start")
    end = r.offset(d["end"], f"{where}.end")
    if start is not None and end is not None and end < start:
        r.bad(where, f"end {end} is before start {start}")
    text = r.string(d["text"], f"{where}.text")
    suggestion = d.get("suggestion")
    if suggestion is not None:
        r.string(suggestion, f"{where}.suggestion")
    elif kind == "finding" and choice == "accept":
        r.bad(where, "an accepted finding needs the 'suggestion' chosen")
    new = d.get("new")
    if new is not None:
        r.string(new, f"{where}.new")
    rules = d.get("rules", [rule] if rule else [])
    if not isinstance(rules, list) or not rules or not all(isinstance(x, str) and x for x in rules):
        r.bad(f"{where}.rules", "must be a non-empty list of rule ids")
        rules = []
    if kind == "edit":
        if new is None:
            r.bad(where, "an edit decision needs 'new' (the text the change wrote)")
        if "rules" not in d:
            r.bad(where, "an edit decision needs 'rules' (the rules of the change)")
    scope = d.get("scope", "item")
    if scope not in ("item", "batch"):
        r.bad(f"{where}.scope", f"must be 'item' or 'batch', not {scope!r}")
    note = d.get("note", "")
    if not isinstance(note, str):
        r.bad(f"{where}.note", "must be a string")
    if len(r.problems) > before:
        return None
    assert rule is not None and start is not None and end is not None and text is not None
    return Decision(
        kind, choice, rule, start, end, text, suggestion, new, tuple(rules), scope, note
    )  # fmt: skip
