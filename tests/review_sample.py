"""A reviewed batch for the ``cleaner review`` tests: a feed cleaned with a report, and
decisions built from the report's own data the way its page exports them (the browser test
drives the page itself; these tests need the decisions, not the clicking)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from cleaner.cli import main
from cleaner.report.render import unpack

# A near-miss name (NE901: a finding with a suggestion) and a calque the rule files fix
# (MT205: an edit), in an article the guards accept.
ENVOY = (
    "US envoy Steve Witkov met Vladimir Putin in Moscow on Thursday. Ukraine cannot provide "
    "security insurance without allies, Witkov said.\n"
)
OTHER = "Steve Witkov flew to Moscow to meet Vladimir Putin again.\n"


def cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def make_batch(folder: Path, articles: dict[str, str] | None = None, report_only: bool = False):
    """``feed/`` cleaned into ``out/`` with ``report.html`` (or only reported)."""
    feed = folder / "feed"
    feed.mkdir()
    for name, text in (articles or {"envoy.txt": ENVOY, "other.txt": OTHER}).items():
        (feed / name).write_text(text, encoding="utf-8")
    report = folder / "report.html"
    if report_only:
        args = ["report", str(feed), "-o", str(report)]
    else:
        args = ["clean", str(feed), "-o", str(folder / "out"), "--report", str(report)]
    result = cli(*args, "--grammar", "none", "-j", "1")
    assert result.exit_code == 0, result.output
    return feed, folder / "out", report


def report_data(report: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The report's batch manifest and every article's data."""
    html = report.read_text(encoding="utf-8")
    meta = json.loads(re.search(r'id="review-meta">(.*?)</script>', html).group(1))
    blocks = re.findall(r'<script type="application/x-gzip-base64" id="d\d+">(.*?)</script>', html)
    return meta, [unpack(b) for b in blocks]


def decide(report: Path, choices: dict[tuple[str, str, str], str]) -> dict[str, Any]:
    """A decisions document: ``choices`` maps (article path, rule, text) to "accept" (a
    finding: its first suggestion), "reject" (both: the first such item only), or
    "accept-all"/"reject-all" (every such item, batch-wide)."""
    meta, articles = report_data(report)
    out = []
    done: set[tuple[str, str, str]] = set()

    def chosen(key: tuple[str, str, str]) -> str | None:
        choice = choices.get(key)
        if choice is None or (key in done and not choice.endswith("-all")):
            return None
        done.add(key)
        return choice

    for (path, sha, output), data in zip(meta["articles"], articles, strict=True):
        decisions = []
        for f in data.get("findings", []):
            choice = chosen((path, f["rule"], f["text"]))
            if choice:
                d = {
                    "kind": "finding", "decision": choice.split("-")[0], "rule": f["rule"],
                    "start": f["start"], "end": f["end"], "text": f["text"],
                    "scope": "batch" if choice.endswith("-all") else "item", "note": "",
                }  # fmt: skip
                if d["decision"] == "accept":
                    d["suggestion"] = f["suggestions"][0]
                decisions.append(d)
        for c in data.get("changes", []):
            choice = chosen((path, c["rules"][0], c["old"]))
            if choice:
                edit = {
                    "kind": "edit", "decision": choice.split("-")[0], "rule": c["rules"][0],
                    "rules": c["rules"], "start": c["start"], "end": c["end"],
                    "text": c["old"], "new": c["new"],
                    "scope": "batch" if choice.endswith("-all") else "item", "note": "",
                }  # fmt: skip
                decisions.append(edit)
        if decisions:
            out.append({"path": path, "sha256": sha, "output": output, "decisions": decisions})
    return {
        "schema": "cleaner-decisions/1",
        "tool": "cleaner",
        "report": {"id": meta["id"], "title": meta["title"]},
        "batch": {
            "root": meta["root"],
            "output_root": meta["output_root"],
            "config": meta["run"].get("config"),
            "options": meta["run"].get("options", {}),
            "encoding": meta["run"].get("encoding"),
        },
        "articles": out,
    }


def write(path: Path, doc: dict[str, Any]) -> Path:
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``folder`` with its bytes and mtime: "changed nothing" is checkable."""
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
