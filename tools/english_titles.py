"""Give imported people the English Wikipedia's spelling of their name, by Wikidata id.

`cleaner gazetteer import` now reads an entity's English Wikipedia title
(`sitelinks.enwiki`, which `tools/build_gazetteer.py` takes from the sheets' `enwiki`
column): a title that is another spelling of the label is an accepted spelling, and one
that respells a label written with its native script's marks becomes the canonical name
(`english_title` in `cleaner/gazetteer/wikidata.py`). This writes what a newer import says
into files the importer wrote before, without a full re-import (which would also rewrite
what SOURCES.md lists): the `canonical:` line, the example lines that spell it, and the
`accepted:` spellings, nothing else.

    .venv/bin/python tools/build_gazetteer.py --out /tmp/gaz/entities.jsonl
    .venv/bin/cleaner gazetteer import --keep-known /tmp/gaz/entities.jsonl -o /tmp/gaz/all.yaml
    .venv/bin/python tools/english_titles.py /tmp/gaz/all.yaml \
        rules/entities/wikidata/officeholders.yaml rules/entities/wikidata/cabinets.yaml
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml


def _scalar(text: str) -> str:
    """``text`` as a YAML list item writes it: plain where that reads back the same."""
    import json

    plain = yaml.safe_load(f"- {text}") == [text] and ": " not in text
    return text if plain else json.dumps(text, ensure_ascii=False)


def changes(imported: dict[str, dict], rules: list[dict]) -> dict[str, tuple[str, list[str]]]:
    """Rule id -> (canonical, accepted spellings to add) where the import's person with the
    same Wikidata id spells the name otherwise."""
    out: dict[str, tuple[str, list[str]]] = {}
    for r in rules:
        new = imported.get(r.get("wikidata") or "")
        if r.get("kind") != "person" or not new:
            continue
        old_accepted = r.get("accepted") or []
        canonical = r["canonical"]
        if new["canonical"] != canonical and canonical in (new.get("accepted") or []):
            canonical = new["canonical"]
        add = [
            a
            for a in (new.get("accepted") or [])
            if a not in old_accepted and a != canonical and a != r["canonical"]
        ]
        if canonical != r["canonical"]:
            add.insert(0, r["canonical"])
        if add or canonical != r["canonical"]:
            out[r["id"]] = (canonical, add)
    return out


def rewrite(path: Path, imported: dict[str, dict]) -> int:
    """Apply ``changes`` to a file the importer wrote (block style); returns how many rules."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rules = data.get("rules") or []
    wanted = changes(imported, rules)
    old_names = {r["id"]: r["canonical"] for r in rules if r["id"] in wanted}
    out: list[str] = []
    current: str | None = None
    pending: list[str] = []  # accepted spellings still to write for the current rule
    section = ""  # the key of the rule's field the line is in
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if line.startswith("  ") and line[2:3].isalpha():
            section = line.split(":", 1)[0].strip()
        if line.startswith("- id:"):
            current = line.split(":", 1)[1].strip()
            pending = list(wanted[current][1]) if current in wanted else []
            section = "id"
        elif current in wanted and section == "generated" and line.startswith("  - "):
            # a generated spelling that is now an accepted one is no garble (the
            # importer leaves such spellings out)
            item = yaml.safe_load(line[2:])[0]
            spelling = item if isinstance(item, str) else next(iter(item))
            if spelling in wanted[current][1]:
                continue
        elif current in wanted:
            canonical = wanted[current][0]
            old = old_names[current]
            if line.startswith("  canonical:"):
                line = f"  canonical: {_scalar(canonical)}\n"
            elif line.startswith(("  - ", "    ")) and old != canonical:
                # an example sentence: the name as the new canonical spells it
                line = line.replace(old, canonical).replace(old.split()[-1], canonical.split()[-1])
            if line == "  accepted:\n":
                out.append(line)
                out += [f"  - {_scalar(a)}\n" for a in pending]
                pending = []
                continue
            after = line.startswith("  gender:") or (
                line.startswith("  kind:") and not _has_gender(rules, current)
            )
            if after and pending and not _has_accepted(rules, current):
                out.append(line)
                out.append("  accepted:\n")
                out += [f"  - {_scalar(a)}\n" for a in pending]
                pending = []
                continue
        out.append(line)
    path.write_text("".join(out), encoding="utf-8")
    return len(wanted)


def _rule(rules: list[dict], rid: str) -> dict:
    return next(r for r in rules if r["id"] == rid)


def _has_gender(rules: list[dict], rid: str) -> bool:
    return bool(_rule(rules, rid).get("gender"))


def _has_accepted(rules: list[dict], rid: str) -> bool:
    return bool(_rule(rules, rid).get("accepted"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("imported", type=Path, help="`gazetteer import --keep-known` output")
    ap.add_argument("rules", type=Path, nargs="+", help="rule files the importer wrote")
    a = ap.parse_args()
    rules = yaml.safe_load(a.imported.read_text(encoding="utf-8"))["rules"]
    imported = {r["wikidata"]: r for r in rules if r.get("wikidata")}
    for path in a.rules:
        print(f"{path}: {rewrite(path, imported)} people's spellings written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
