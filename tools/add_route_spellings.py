"""Write a new route's spellings into imported entity files, in place, without a re-import.

An imported person carries the spellings its native names generate, written out under
``generated`` (`cleaner gazetteer import` writes them; the loader does not generate them
again). When a route is added to ``cleaner.rules.translit`` (the Sino-Vietnamese reading
of a name in Chinese characters, 2026-12-01), a fresh import would write its spellings; a
full re-import would also rewrite what ``rules/entities/wikidata/SOURCES.md`` lists as
open. This appends to each person's ``generated`` block only what the route makes of its
``zh``/``ja`` native names and the block lacks, and changes nothing else:

    .venv/bin/python tools/add_route_spellings.py rules/entities/wikidata/*.yaml

The loader still drops a route spelling that collides with another entity's name or with
English words (``cleaner.rules.route_collisions``), so the file holds what the import
writes and the gazetteer what is safe to repair.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from cleaner.rules.route_collisions import route_spellings


def _item(spelling: str) -> str:
    """One ``generated`` list line, quoted as the importer's YAML dump would quote it."""
    dumped = yaml.safe_dump([spelling], allow_unicode=True, width=100).strip()
    return f"  {dumped}"


def add_spellings(text: str) -> tuple[str, int]:
    """``text`` (an entity rule file) with the route's spellings appended to each person's
    ``generated``; and how many entities gained some."""
    loaded = yaml.safe_load(text) or {}
    rules = loaded.get("rules", []) if isinstance(loaded, dict) else loaded
    wanted: dict[str, list[str]] = {}
    for rule in rules:
        if rule.get("kind") != "person" or "generated" not in rule:
            continue
        have = {next(iter(g)) if isinstance(g, dict) else g for g in rule["generated"] or []}
        natives = (rule.get("native") or {}).items()
        new = sorted(route_spellings(natives) - have - {rule["canonical"]})
        if new:
            wanted[str(rule["id"])] = new
    gained = len(wanted)
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    current: str | None = None
    in_generated = False
    for line in lines:
        if in_generated and not line.startswith("  - "):
            out.extend(_item(s) + "\n" for s in wanted.pop(current or "", []))
            in_generated = False
        if line.startswith("- id: "):
            current = line[len("- id: ") :].strip()
        if line.rstrip() == "  generated: []" and current in wanted:
            out.append("  generated:\n")
            out.extend(_item(s) + "\n" for s in wanted.pop(current))
            continue
        out.append(line)
        if line.rstrip() == "  generated:" and current in wanted:
            in_generated = True
    if in_generated:
        out.extend(_item(s) + "\n" for s in wanted.pop(current or "", []))
    if wanted:
        raise ValueError(f"no generated block found for {', '.join(sorted(wanted))}")
    return "".join(out), gained


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)
    for path in args.files:
        text = path.read_text(encoding="utf-8")
        new, count = add_spellings(text)
        if new != text:
            path.write_text(new, encoding="utf-8")
        print(f"{path}: {count} people given route spellings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
