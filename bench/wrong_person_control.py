"""A control built from the gazetteer itself: a person's name, however written, is never
repaired into another person's (issue 13, session 14).

The namesake control (``namesake_control.py``) writes each right name after its own title.
This one writes each person A that has a native name or generated spellings the ways a
source may write them, one short article each, grammar off, in an article that also names
every East Asian country the gazetteer's people come from (so any other person's country
guard is met):

* ``canonical``: A's own name;
* ``spelling``: each of A's generated spellings (``Li Xianlong``);
* ``family``: A's given name as English writes it after another romanisation of A's
  family name the gazetteer writes for someone (``Li Hsien Loong``, ``Yi Jae-myung``);
* ``garbled``: the same with the given name as a source without ``h`` or ``oo`` writes it
  (``Li Sien Loung``, Lee Hsien Loong through Greek).

Each form is written in up to four frames: after A's first title (``titled``); alone with
A's country named later (``bare``); after A's one-word office alone (``office``,
``President Li Jaemyung``) for a person who has one; and with A's first title in apposition
after it (``after``, ``Li Jaemyung, the President of South Korea, said``). An edit (not
normalisation) that writes some name other than A's counts as a **wrong person**; any edit
of A's canonical counts as **canonical changed**; an edit into A's name is **right**.
Prints the counts per form and each wrong edit; exits 1 when any repair went to a wrong
person or changed a canonical.

    .venv/bin/python bench/wrong_person_control.py [--limit N] [--unsafe-fixes]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import replace

from namesake_control import name_edits
from route_probes import _heads

# What a source without ``h`` after a consonant, nor ``oo``/``ee`` (Greek) makes of a name.
_GARBLES = (("Hs", "S"), ("Ch", "Ts"), ("oo", "ou"), ("ee", "i"), ("Wh", "U"))


def garble(given: str) -> str | None:
    """``given`` as a source without some English letter groups writes it, or None when
    none of them is in it."""
    out = given
    for a, b in _GARBLES:
        out = out.replace(a, b)
    return out if out != given else None


def cases(limit: int | None = None) -> list[dict[str, str]]:
    """One row per (person, form, frame): the article and what A's names are."""
    from cleaner.config import Config
    from cleaner.detectors.names import east_asian, japanese
    from cleaner.rules.gazetteer import load_gazetteer

    people = [
        e
        for e in load_gazetteer(Config())
        if e.kind == "person" and e.titles and e.context and (e.native or e.variants)
    ]
    asian = [e for e in people if e.native and any(east_asian(c) for c in e.native)]
    countries = sorted({c for e in asian for c in e.context[:1] if " " in c or len(c) > 4})
    others = ", ".join(countries)
    # The romanisations of one family name the gazetteer writes (李: Li, Ly, I): the first
    # words of the generated spellings of the Chinese or Korean people whose native name
    # opens with it, written so for two people at least (a Japanese reading of someone's
    # given name, written first, is that one person's: 陳菊 ``Kiku Chin``).
    readers: dict[tuple[str, str], set[str]] = {}
    for e in asian:
        if japanese(e):
            continue
        for v in e.variants:
            word = v.split()[0]
            if " " in v and word.isascii() and word.isalpha():
                readers.setdefault((e.native[0], word), set()).add(e.id)
    by_char: dict[str, set[str]] = {}
    for (char, word), ids in readers.items():
        if len(ids) >= 2:
            by_char.setdefault(char, set()).add(word)
    families = {
        e.canonical.split()[0]: by_char.get(e.native[0], set()) - {e.canonical.split()[0]}
        for e in asian
        if e.native and not japanese(e)
    }
    rows: list[dict[str, str]] = []
    for e in people[:limit]:
        forms: list[tuple[str, str]] = [("canonical", e.canonical)]
        forms += [("spelling", v) for v in e.variants if len(v.split()) > 1]
        own, *given = e.canonical.split()
        if given and e.surname in (None, own):
            for family in sorted(families.get(own, ())):
                forms.append(("family", " ".join([family, *given])))
                garbled = garble(" ".join(given))
                if garbled:
                    forms.append(("garbled", f"{family} {garbled}"))
        heads = _heads(e)
        for kind, form in dict.fromkeys(forms):
            frames = [
                ("titled", f"{e.titles[0]} {form} said the talks were useful."),
                ("bare", f"{form} said the talks in {e.context[0]} were useful."),
            ]
            if heads:  # the one-word office alone (session 27: ``President Shi Jinping``)
                frames.append(("office", f"{heads[0]} {form} said the talks were useful."))
            # The role in apposition after the name (session 27: ``Li Je-myung, the
            # President of South Korea, said``).
            frames.append(("after", f"{form}, the {e.titles[0]}, said the talks were useful."))
            for frame, text in frames:
                article = f"{text}\n\nOfficials from {others} attended.\n"
                rows.append(
                    {"id": e.id, "kind": kind, "frame": frame, "form": form, "text": article}
                )
    return rows


def verdict(edits: list[tuple[str, str, str]], mine: set[str], kind: str) -> str:
    """``wrong`` when an edit writes a name not A's, ``canonical`` when A's right name was
    changed, ``right`` when every name edit writes A's name, ``none`` without edits."""
    if not edits:
        return "none"
    if any(new.casefold() not in mine for _rule, _old, new in edits):
        return "wrong"
    return "canonical" if kind == "canonical" else "right"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N people")
    parser.add_argument("--quiet", action="store_true", help="counts only")
    parser.add_argument("--show-right", action="store_true", help="print right repairs too")
    parser.add_argument("--unsafe-fixes", action="store_true", help="apply unsafe fixes too")
    args = parser.parse_args()
    from cleaner import clean_text
    from cleaner.config import Config
    from cleaner.rules.gazetteer import load_gazetteer

    config = replace(Config(), grammar="none", unsafe_fixes=args.unsafe_fixes)
    by_id = {e.id: e for e in load_gazetteer(config)}
    tally: Counter[tuple[str, str, str]] = Counter()
    by_rule: Counter[tuple[str, str]] = Counter()
    for row in cases(args.limit):
        e = by_id[row["id"]]
        mine = {n.casefold() for n in (*e.names, *(t for _, t in e.fixes))}
        mine |= {w.casefold() for n in e.names for w in n.split()}
        edits = name_edits(clean_text(row["text"], config))
        what = verdict(edits, mine, row["kind"])
        tally[(row["kind"], row["frame"], what)] += 1
        by_rule.update((what, rule if rule.startswith("NE9") else "rules") for rule, *_ in edits)
        shown = ("wrong", "canonical", "right") if args.show_right else ("wrong", "canonical")
        if what in shown and not args.quiet:
            print(json.dumps([row["id"], e.canonical, row["frame"], row["form"], edits]))
    bad = 0
    for kind in ("canonical", "spelling", "family", "garbled"):
        for frame in ("titled", "bare", "office", "after"):
            counts = {w: tally[(kind, frame, w)] for w in ("none", "right", "wrong", "canonical")}
            bad += counts["wrong"] + counts["canonical"]
            print(f"{kind:9} {frame:6} {sum(counts.values()):5} {json.dumps(counts)}")
    print("edits by verdict and rule:", json.dumps(sorted(by_rule.items())))
    print(f"wrong person or canonical changed: {bad}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
