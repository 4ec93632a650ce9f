"""Give the hand-written people the offices the Wikidata import knows for them.

`cleaner gazetteer import` skips a person a hand-written rule already names (the hand-written
rule wins), and with the skipped block went the person's offices: Antony Blinken, Sergei
Lavrov or Olaf Scholz had no `titles`, so nothing in an article could confirm a near miss of
their names by their role (NE913, NE912). This copies the import's titles into the
hand-written rules that have none, matched by name (canonical or accepted, case and accents
aside); it adds no `context` (on a hand-written rule `context` guards its one-word fixes).

    .venv/bin/python tools/build_gazetteer.py --mirrors /work/.mirror --out /tmp/gaz/entities.jsonl
    .venv/bin/cleaner gazetteer import --keep-known /tmp/gaz/entities.jsonl -o /tmp/gaz/all.yaml
    .venv/bin/python tools/known_titles.py /tmp/gaz/all.yaml rules/entities/*.yaml
    .venv/bin/python tools/known_titles.py --by-item /tmp/gaz/all.yaml \
        rules/entities/wikidata/officeholders.yaml

The second form fills the titles of imported people that have none, by Wikidata id, from a
newer import (without a full re-import, which would also rewrite what SOURCES.md lists).

The world repository's position labels end in "of <country>" even when the office already
names it ("United States Secretary of State of United States of America"): that doubled
tail is dropped (and `tools/build_gazetteer.py` no longer writes it). The third form drops
it from a file the importer wrote before that, in place:

    .venv/bin/python tools/known_titles.py --clean - rules/entities/wikidata/officeholders.yaml

The fourth fills the ``context`` (countries) of imported people that have none, by
Wikidata id, from a newer import (the builder now gives a person the repository's country):

    .venv/bin/python tools/known_titles.py --context-by-item /tmp/gaz/all.yaml \
        rules/entities/wikidata/officeholders.yaml

The fifth re-derives imported people's ``surname`` as the importer now does, in place
(``Joseph Wu``: 吳 reads Wu, so Wu is the family name, not Joseph):

    .venv/bin/python tools/known_titles.py --surnames - rules/entities/wikidata/*.yaml
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import yaml


def fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in plain if not unicodedata.combining(c))


# Words of a country's name that name no country alone: "Secretary of State of United
# States of America" names no country before its tail.
_GENERIC = frozenset(["state", "states", "united", "republic", "kingdom", "democratic",
                      "federal", "people's"])  # fmt: skip


def clean_title(title: str, countries: list[str]) -> str:
    """``title`` without a trailing "of <country>" when the rest already names it."""
    for country in countries:
        tail = f" of {country}"
        if not title.endswith(tail):
            continue
        head = title[: -len(tail)]
        if fold(" ".join(country.split()[:2])) in fold(head):
            return head  # "United States Secretary of State"
        stems = {fold(w)[:5] for w in country.split() if len(w) > 3 and fold(w) not in _GENERIC}
        if any(fold(w)[:5] in stems for w in head.split() if len(w) > 3):
            return head
    return title


def imported_titles(path: Path) -> dict[str, list[str]]:
    """Folded name -> the import's cleaned titles for that person."""
    rules = yaml.safe_load(path.read_text(encoding="utf-8"))["rules"]
    out: dict[str, list[str]] = {}
    for r in rules:
        if r.get("kind") != "person" or not r.get("titles"):
            continue
        titles = list(dict.fromkeys(clean_title(t, r.get("context") or []) for t in r["titles"]))
        for name in (r["canonical"], *(r.get("accepted") or [])):
            out.setdefault(fold(name), titles)
    return out


def add_titles(path: Path, known: dict[str, list[str]]) -> int:
    """Insert ``titles: [...]`` after the ``canonical:`` line of each person rule of ``path``
    that has none and whose name the import knows; returns how many."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    kind = (data.get("defaults") or {}).get("kind")
    wanted: dict[str, list[str]] = {}
    for r in data.get("rules") or []:
        if r.get("kind", kind) != "person" or r.get("titles"):
            continue
        for name in (r["canonical"], *(r.get("accepted") or [])):
            if fold(name) in known:
                wanted[r["id"]] = known[fold(name)]
                break
    if not wanted:
        return 0
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    out, current = [], None
    for line in lines:
        out.append(line)
        stripped = line.strip()
        if stripped.startswith("- id:"):
            current = stripped.split(":", 1)[1].strip()
        elif stripped.startswith("canonical:") and current in wanted:
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}titles: {json.dumps(wanted.pop(current), ensure_ascii=False)}\n")
    path.write_text("".join(out), encoding="utf-8")
    return len(lines) and sum(1 for x in out if x.lstrip().startswith("titles: [")) - sum(
        1 for x in lines if x.lstrip().startswith("titles: [")
    )


def titles_by_item(path: Path) -> dict[str, list[str]]:
    """Wikidata id -> the import's cleaned titles for that person."""
    rules = yaml.safe_load(path.read_text(encoding="utf-8"))["rules"]
    return {
        r["wikidata"]: list(
            dict.fromkeys(clean_title(t, r.get("context") or []) for t in r["titles"])
        )
        for r in rules
        if r.get("kind") == "person" and r.get("titles") and r.get("wikidata")
    }


def add_item_titles(path: Path, by_item: dict[str, list[str]]) -> int:
    """In a file the importer wrote (block style), give each person rule with no titles the
    titles a newer import has for its Wikidata id (``tools/build_gazetteer.py`` once matched
    "Secretary of Energy" to no position, its full label being "United States Secretary of
    Energy"); inserted before its ``wikidata:`` line. Returns how many."""
    return _add_item_field(path, by_item, "titles", lambda t: json.dumps(t, ensure_ascii=False))


def context_by_item(path: Path) -> dict[str, list[str]]:
    """Wikidata id -> the import's ``context`` (the person's countries) for that person."""
    rules = yaml.safe_load(path.read_text(encoding="utf-8"))["rules"]
    return {
        r["wikidata"]: r["context"]
        for r in rules
        if r.get("kind") == "person" and r.get("context") and r.get("wikidata")
    }


def add_item_context(path: Path, by_item: dict[str, list[str]]) -> int:
    """In a file the importer wrote (block style), give each person rule with no ``context``
    the countries a newer import has for its Wikidata id, inserted before its ``wikidata:``
    line where the importer writes them. ``tools/build_gazetteer.py`` once gave a person
    the country of an office only: whoever held one that names none ("Minister of Health",
    "Chief Cabinet Secretary") had no country, so no country word in an article was a cue
    for them, and NE902's "given name at home" test knew no home. Returns how many."""
    return _add_item_field(path, by_item, "context", _scalar)


def _add_item_field(
    path: Path, by_item: dict[str, list[str]], field: str, scalar: Callable[[str], str]
) -> int:
    """Insert ``field`` (a list, each item written by ``scalar``) before the ``wikidata:``
    line of each person rule that lacks it and whose id ``by_item`` knows: where the
    importer writes it, so the file stays as the importer would write it. Returns how many."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    wanted = {
        r["id"]: by_item[r["wikidata"]]
        for r in data.get("rules") or []
        if r.get("kind") == "person" and not r.get(field) and r.get("wikidata") in by_item
    }
    out, current, n = [], None, 0
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if line.startswith("- id:"):
            current = line.split(":", 1)[1].strip()
        elif line.startswith("  wikidata:") and current in wanted:
            out.append(f"  {field}:\n")
            out += [f"  - {scalar(v)}\n" for v in wanted.pop(current)]
            n += 1
        out.append(line)
    path.write_text("".join(out), encoding="utf-8")
    return n


def fix_item_surnames(path: Path) -> list[str]:
    """In a file the importer wrote (block style), rewrite the ``surname:`` of each person
    whose surname the importer now derives otherwise (``Joseph Wu``: the family name is
    the word 吳 reads as, not the English given name before it), and only that line.
    Returns the canonical names changed."""
    from cleaner.gazetteer.emit import _native, _surname
    from cleaner.gazetteer.wikidata import Record

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    wanted: dict[str, str] = {}
    for r in data.get("rules") or []:
        if r.get("kind") != "person" or not r.get("native") or not r.get("surname"):
            continue
        record = Record(
            qid=r.get("wikidata", ""),
            kind="person",
            canonical=r["canonical"],
            native=dict(r["native"]),
            context=list(r.get("context") or []),
        )
        surname = _surname(record, _native(record))
        if surname and surname != r["surname"]:
            wanted[r["id"]] = surname
    names = {r["id"]: r["canonical"] for r in data.get("rules") or [] if r["id"] in wanted}
    out, current = [], None
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if line.startswith("- id:"):
            current = line.split(":", 1)[1].strip()
        elif line.startswith("  surname:") and current in wanted:
            line = f"  surname: {_scalar(wanted[current])}\n"
        out.append(line)
    path.write_text("".join(out), encoding="utf-8")
    return [names[k] for k in wanted]


def _scalar(text: str) -> str:
    """``text`` as a YAML list item writes it: plain where that reads back the same."""
    plain = yaml.safe_load(f"- {text}") == [text] and ": " not in text
    return text if plain else json.dumps(text, ensure_ascii=False)


def clean_item_titles(path: Path) -> int:
    """In a file the importer wrote (block style), drop the doubled "of <country>" tail
    (``clean_title``, the person's ``context`` as the countries) from every person's
    titles, rewriting only the ``titles:`` blocks that change. Returns how many people."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    wanted = {}
    for r in data.get("rules") or []:
        if r.get("kind") != "person" or not r.get("titles"):
            continue
        titles = list(dict.fromkeys(clean_title(t, r.get("context") or []) for t in r["titles"]))
        if titles != r["titles"]:
            wanted[r["id"]] = titles
    out, current, skipping = [], None, False
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if skipping and line.startswith(("  - ", "    ")):
            continue  # an old title, or the wrapped rest of a long one
        skipping = False
        if line.startswith("- id:"):
            current = line.split(":", 1)[1].strip()
        elif line == "  titles:\n" and current in wanted:
            out.append(line)
            out += [f"  - {_scalar(t)}\n" for t in wanted[current]]
            skipping = True
            continue
        out.append(line)
    path.write_text("".join(out), encoding="utf-8")
    return len(wanted)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("imported", type=Path, help="`gazetteer import --keep-known` output")
    ap.add_argument("rules", type=Path, nargs="+", help="hand-written entity rule files")
    ap.add_argument(
        "--by-item",
        action="store_true",
        help="RULES are files the importer wrote: fill their people's missing titles by "
        "Wikidata id",
    )
    ap.add_argument(
        "--clean",
        action="store_true",
        help="RULES are files the importer wrote: drop the doubled 'of <country>' from their "
        "people's titles (IMPORTED is not read)",
    )
    ap.add_argument(
        "--context-by-item",
        action="store_true",
        help="RULES are files the importer wrote: fill their people's missing context "
        "(countries) by Wikidata id",
    )
    ap.add_argument(
        "--surnames",
        action="store_true",
        help="RULES are files the importer wrote: re-derive their people's surnames as the "
        "importer now does (IMPORTED is not read)",
    )
    a = ap.parse_args()
    if a.surnames:
        for path in a.rules:
            changed = fix_item_surnames(path)
            print(f"{path}: {len(changed)} surnames: {', '.join(changed)}", file=sys.stderr)
        return 0
    if a.context_by_item:
        by_item = context_by_item(a.imported)
        for path in a.rules:
            n = add_item_context(path, by_item)
            print(f"{path}: {n} people given a context", file=sys.stderr)
        return 0
    if a.clean:
        for path in a.rules:
            print(f"{path}: {clean_item_titles(path)} people's titles cleaned", file=sys.stderr)
        return 0
    if a.by_item:
        by_item = titles_by_item(a.imported)
        for path in a.rules:
            print(f"{path}: {add_item_titles(path, by_item)} people given titles", file=sys.stderr)
        return 0
    known = imported_titles(a.imported)
    total = 0
    for path in a.rules:
        n = add_titles(path, known)
        total += n
        if n:
            print(f"{path}: {n} people given titles", file=sys.stderr)
    print(f"{total} people given titles", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
