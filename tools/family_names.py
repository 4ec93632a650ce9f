"""Give the shipped imported people of family-name-first countries their family name.

Why: the importer took the last word of a name as its family name unless a Chinese, Korean
or Japanese label said otherwise, so 392 people of China, Korea, Taiwan and Singapore with
no such label had their given name as family name (``Changfu`` of Han Changfu). The
importer now reads the name's shape (``cleaner.gazetteer.family``); the extracts the shipped
files were imported from are not kept here, so this writes the same result into them: a
``surname:`` line where ``family_first`` finds one and the rule has none, and the rule's
firing example made again (``firing_example``) when the old one used the old family name.
Every other line stays as it is.

    .venv/bin/python tools/family_names.py            # rewrite rules/entities/wikidata/*.yaml
    .venv/bin/python tools/family_names.py --check    # list what would change, write nothing
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

from cleaner.gazetteer.emit import DEFAULTS, firing_example, shipped_lists
from cleaner.gazetteer.family import family_first
from cleaner.rules.loader import parse_common
from cleaner.rules.types.entity import EntityRule

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted((ROOT / "rules/entities/wikidata").glob("*.yaml"))
SCRIPTS = {"zh", "ko", "ja"}
# Keys that follow ``surname`` in the order the importer writes them (emit.KEYS).
AFTER = ("  titles:", "  context:", "  wikidata:", "  generated:", "  tests:", "  allows:")


def targets(rules: list[dict]) -> dict[str, str]:
    """Rule id -> family name, for people whose rule has none and whose name's shape gives
    one."""
    out: dict[str, str] = {}
    for r in rules:
        if r.get("kind") != "person" or r.get("surname") or SCRIPTS & set(r.get("native") or {}):
            continue
        family = family_first(r["canonical"], r.get("context") or [], shipped_lists())
        if family is not None:
            out[r["id"]] = family
    return out


def example(rule: dict, family: str, where: Path) -> dict[str, str] | None:
    raw = {**DEFAULTS, **rule, "surname": family}
    return firing_example(EntityRule.from_raw(raw, parse_common(raw, where), where), {})


def rewrite(path: Path, check: bool) -> int:
    """Write the family names ``targets`` finds into ``path``'s rules (nothing when
    ``check``, which prints them); the number of rules given one."""
    text = path.read_text(encoding="utf-8")
    body = yaml.safe_load(text)
    rules = {r["id"]: r for r in body["rules"]}
    todo = targets(body["rules"])
    # The file as its header and one block of lines per rule, each from its "- id:" line.
    blocks: list[list[str]] = [[]]
    for line in text.splitlines(keepends=True):
        if line.startswith("- id: "):
            blocks.append([])
        blocks[-1].append(line)
    for block in blocks[1:]:
        rule_id = block[0][len("- id: ") :].strip()
        family = todo.get(rule_id)
        if family is None:
            continue
        if check:
            print(f"{path.name}: {rules[rule_id]['canonical']} -> {family}")
        at = next(i for i, line in enumerate(block) if line.startswith(AFTER))
        block.insert(at, f"  surname: {family}\n")
        old = (rules[rule_id].get("tests") or [None])[0]
        new = example(rules[rule_id], family, path)
        if new is not None and new != old:
            i, j = block.index("  tests:\n"), block.index("  allows:\n")
            block[i + 1 : j] = [
                f"  - in: {_scalar(new['in'])}\n",
                f"    out: {_scalar(new['out'])}\n",
            ]
    if not check:
        path.write_text("".join(line for block in blocks for line in block), encoding="utf-8")
    return len(todo)


def _scalar(value: str) -> str:
    """``value`` as a YAML scalar on one line: plain when it reads back as itself, else
    double-quoted (JSON's quoting is YAML's)."""
    return value if yaml.safe_load(value) == value else json.dumps(value, ensure_ascii=False)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="list what would change; write nothing")
    a = ap.parse_args()
    total = 0
    for path in FILES:
        n = rewrite(path, a.check)
        total += n
        print(f"{path.relative_to(ROOT)}: {n} family names", file=sys.stderr)
    print(f"{total} family names", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
