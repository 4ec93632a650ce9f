"""Write the native names a fresh build gives into imported entity files, in place.

An imported person without a native name gets no pivot-script spellings (kanji read as
pinyin, on'yomi, Sino-Vietnamese, own-family): when a later source gives their name in
its own script (JMnedict's kanji for Japanese office holders, 2026-12-02), a fresh import
would write it. A full re-import would also rewrite what ``rules/entities/wikidata/SOURCES.md``
lists as open. This writes, for each person of the file who has no ``native`` and whose
Wikidata id the build's entity lines give a native name, what the importer now writes for
that person (``cleaner.gazetteer.emit.rule_of``, from the rule's own fields): the
``native`` name, the ``surname`` the kanji's reading decides, the ``generated`` spellings,
``wrong-first-names`` if any and the firing example under ``tests``. Every other line of the
file stays as it is (the rest of a changed block included: its titles may be quoted as no
YAML dump quotes them):

    .venv/bin/python tools/add_native_names.py /tmp/gaz/entities.jsonl \\
        rules/entities/wikidata/officeholders.yaml
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from cleaner.gazetteer.emit import KEYS, rule_of
from cleaner.gazetteer.wikidata import NATIVE_CODES, Record, native_names, read_lines

# What a native name changes in the importer's output; the rest of a rule is kept.
WRITTEN = ("native", "surname", "generated", "wrong-first-names", "tests")
_KEY = re.compile(r"^(?:- |  )([A-Za-z][\w-]*):")


def natives_of(lines: Iterable[str]) -> dict[str, dict[str, str]]:
    """Each entity's native names (``qid -> {lang: name}``), read as the importer reads them."""
    out: dict[str, dict[str, str]] = {}
    for entity in read_lines(lines):
        found = native_names(entity, NATIVE_CODES)
        if found:
            out[str(entity["id"])] = found
    return out


def _chunks(block: list[str]) -> dict[str, list[str]]:
    """A rule's lines by key: each key's line and the lines under it."""
    out: dict[str, list[str]] = {}
    key = None
    for line in block:
        found = _KEY.match(line)
        if found:
            key = found.group(1)
            out[key] = []
        if key is None:
            raise ValueError(f"a rule line before any key: {line!r}")
        out[key].append(line)
    return out


def _record(rule: dict[str, Any], native: dict[str, str]) -> Record:
    """The import record the rule was written from, with the native names it now has."""
    return Record(
        qid=str(rule["wikidata"]),
        kind=str(rule["kind"]),
        canonical=str(rule["canonical"]),
        accepted=list(rule.get("accepted") or []),
        gender=rule.get("gender"),
        native=native,
        titles=list(rule.get("titles") or []),
        context=list(rule.get("context") or []),
    )


def add_natives(text: str, natives: dict[str, dict[str, str]]) -> tuple[str, list[str]]:
    """``text`` (an entity rule file) with the native names written into the blocks of the
    people who have none; and the ids of the rules changed."""
    loaded = yaml.safe_load(text) or {}
    rules = loaded.get("rules", []) if isinstance(loaded, dict) else loaded
    updates: dict[str, dict[str, Any]] = {}
    for rule in rules:
        qid = rule.get("wikidata")
        if rule.get("kind") != "person" or rule.get("native") or qid not in natives:
            continue
        new = rule_of(_record(rule, natives[qid]))
        if not new.get("native"):
            continue  # a name the importer writes no native route for (katakana only)
        updates[str(rule["id"])] = {**rule, **{k: new[k] for k in WRITTEN if k in new}}
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.startswith("- id: ")]
    out = lines[: starts[0]] if starts else lines
    for n, start in enumerate(starts):
        block = lines[start : starts[n + 1] if n + 1 < len(starts) else len(lines)]
        rule_id = block[0][len("- id: ") :].strip()
        if rule_id not in updates:
            out.extend(block)
            continue
        out.extend(_rewritten(block, updates[rule_id]))
    new_text = "".join(out)
    # Nothing else may have changed: the file reads as before, but for the written keys.
    expected = {str(r["id"]): r for r in rules} | updates
    reread = yaml.safe_load(new_text)
    got = reread.get("rules", []) if isinstance(reread, dict) else reread
    if [expected[str(r["id"])] for r in rules] != got or (
        isinstance(loaded, dict)
        and {k: v for k, v in loaded.items() if k != "rules"}
        != {k: v for k, v in reread.items() if k != "rules"}
    ):
        raise ValueError("the rewritten file does not read as the file with the native names")
    return new_text, list(updates)


def _rewritten(block: list[str], rule: dict[str, Any]) -> list[str]:
    """A rule's lines with the ``WRITTEN`` keys as the importer's dump writes them (in the
    importer's key order) and every other line as it was."""
    old = _chunks(block)
    order = list(KEYS.values())
    if set(old) - set(order):
        raise ValueError(f"{rule['id']}: keys the importer does not write: {set(old) - set(order)}")
    ordered = {k: rule[k] for k in order if k in rule}
    dumped = yaml.safe_dump([ordered], allow_unicode=True, sort_keys=False, width=100)
    new = _chunks(dumped.splitlines(keepends=True))
    out: list[str] = []
    for key in order:
        if key in WRITTEN and key in new:
            out.extend(new[key])
        elif key in old and key not in WRITTEN:
            out.extend(old[key])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lines", type=Path, help="the build's Wikidata entity lines")
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)
    with args.lines.open(encoding="utf-8") as handle:
        natives = natives_of(handle)
    for path in args.files:
        text = path.read_text(encoding="utf-8")
        new, changed = add_natives(text, natives)
        if new != text:
            path.write_text(new, encoding="utf-8")
        print(f"{path}: {len(changed)} people given native names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
