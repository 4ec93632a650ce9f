"""Reading a decisions file: every structural problem is one line naming the file and the
place, and the Python reader agrees with the published JSON Schema on what is valid."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from cleaner.review.decisions import DecisionsError, content_hash, load_decisions

SCHEMA = json.loads(
    (
        Path(__file__).resolve().parent.parent / "schemas" / "cleaner-decisions-v1.schema.json"
    ).read_text(encoding="utf-8")
)
TEXT = "Steve Witkov said security insurance.\n"


def valid(root: Path) -> dict[str, Any]:
    return {
        "schema": "cleaner-decisions/1",
        "tool": "cleaner",
        "tool_version": "0.1.0",
        "report": {"id": "abc", "title": "t"},
        "exported": "2025-01-01T00:00:00Z",
        "batch": {"root": str(root), "output_root": None},
        "articles": [
            {
                "path": "a.txt",
                "sha256": content_hash(TEXT),
                "output": None,
                "decisions": [
                    {
                        "kind": "finding",
                        "decision": "accept",
                        "rule": "NE901",
                        "start": 6,
                        "end": 12,
                        "text": "Witkov",
                        "suggestion": "Witkoff",
                        "scope": "item",
                        "note": "",
                    },
                    {
                        "kind": "edit",
                        "decision": "reject",
                        "rule": "MT205",
                        "rules": ["MT205"],
                        "start": 18,
                        "end": 36,
                        "text": "security insurance",
                        "new": "security guarantees",
                    },
                ],
            }
        ],
    }


def write(tmp_path: Path, doc: Any) -> Path:
    path = tmp_path / "decisions.json"
    path.write_text(json.dumps(doc) if not isinstance(doc, str) else doc, encoding="utf-8")
    return path


def problems(tmp_path: Path, doc: Any) -> list[str]:
    with pytest.raises(DecisionsError) as caught:
        load_decisions(write(tmp_path, doc))
    return caught.value.problems


def test_a_valid_file_reads_back(tmp_path: Path) -> None:
    doc = valid(tmp_path)
    jsonschema.validate(doc, SCHEMA)
    loaded = load_decisions(write(tmp_path, doc))
    (article,) = loaded.articles
    assert article.source == tmp_path / "a.txt" and article.sha256 == content_hash(TEXT)
    accept, reject = article.decisions
    assert accept.accepted and accept.suggestion == "Witkoff"
    assert not reject.accepted and reject.rules == ("MT205",) and reject.new


def _set(doc: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    target: Any = doc
    for p in parents:
        target = target[int(p)] if p.isdigit() else target[p]
    if value is _DELETE:
        del target[int(last) if last.isdigit() else last]
    else:
        target[int(last) if last.isdigit() else last] = value


_DELETE = object()

# (what is changed, to what, the words the one line must hold)
BROKEN = [
    ("schema", "cleaner-check/1", "not a cleaner decisions file"),
    ("batch", _DELETE, "missing 'batch'"),
    ("batch.root", "relative/folder", "batch.root: must be an absolute folder"),
    ("articles.0.sha256", "abc", "articles[0].sha256: must be 64 lower-case hex digits"),
    ("articles.0.decisions.0.decision", "maybe", "decisions[0].decision: must be 'accept' or"),
    ("articles.0.decisions.0.kind", "change", "decisions[0].kind: must be 'edit' or 'finding'"),
    ("articles.0.decisions.0.suggestion", _DELETE, "accepted finding needs the 'suggestion'"),
    ("articles.0.decisions.0.start", -1, "decisions[0].start: must be a whole number"),
    ("articles.0.decisions.0.end", "12", "decisions[0].end: must be a whole number"),
    ("articles.0.decisions.0.decison", "accept", "unknown field 'decison'"),
    ("articles.0.decisions.1.rules", _DELETE, "an edit decision needs 'rules'"),
    ("articles.0.decisions.1.rules", [""], "decisions[1].rules: must be a non-empty list"),
    ("articles.0.decisions.1.new", _DELETE, "an edit decision needs 'new'"),
    ("articles.0.decisions", {}, "articles[0].decisions: must be a list"),
    ("articles", "a.txt", "articles: must be a list"),
]


@pytest.mark.parametrize(("where", "value", "message"), BROKEN, ids=[b[0] for b in BROKEN])
def test_each_structural_problem_is_one_line_and_the_schema_agrees(
    tmp_path: Path, where: str, value: Any, message: str
) -> None:
    doc = copy.deepcopy(valid(tmp_path))
    _set(doc, where, value)
    lines = problems(tmp_path, doc)
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{tmp_path / 'decisions.json'}: ") and "\n" not in lines[0]
    assert message in lines[0]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, SCHEMA)


@pytest.mark.parametrize("path", ["../elsewhere.txt", "/etc/passwd", "sub/../../x.txt"])
def test_a_path_outside_the_batch_is_refused(tmp_path: Path, path: str) -> None:
    doc = valid(tmp_path / "feed")
    doc["articles"][0]["path"] = path
    (line,) = problems(tmp_path, doc)
    assert "articles[0].path" in line and "outside the batch" in line


def test_a_link_out_of_the_batch_is_refused(tmp_path: Path) -> None:
    (tmp_path / "feed").mkdir()
    (tmp_path / "secret").mkdir()
    (tmp_path / "feed" / "link").symlink_to(tmp_path / "secret")
    doc = valid(tmp_path / "feed")
    doc["articles"][0]["path"] = "link/a.txt"
    (line,) = problems(tmp_path, doc)
    assert "outside the batch" in line and "a link leads out" in line


def test_not_json_and_missing_files_are_one_line(tmp_path: Path) -> None:
    (line,) = problems(tmp_path, "{not json")
    assert "not JSON" in line
    with pytest.raises(DecisionsError, match="decisions file not found"):
        load_decisions(tmp_path / "nope.json")


def test_every_problem_is_listed_not_only_the_first(tmp_path: Path) -> None:
    doc = valid(tmp_path)
    doc["articles"][0]["decisions"][0]["decision"] = "maybe"
    doc["articles"][0]["decisions"][1]["start"] = "x"
    lines = problems(tmp_path, doc)
    assert len(lines) == 2
