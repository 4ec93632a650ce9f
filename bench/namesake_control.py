"""Controls built from the gazetteer itself: a right name must come through unchanged.

Three sets, one short article each, grammar off:

* ``titled``: every person with a title and a country, the name right after its first
  title (``President of South Korea Lee Jae-myung spoke in South Korea on Tuesday.``). A
  gazetteer holds namesakes a letter or a syllable apart; the role before a right name is
  no evidence that it is a garbled namesake's (session 13: 34 of 3,354 were rewritten).
* ``plain``: every entity's canonical name in a neutral sentence.
* ``office``: every person with a one-word office, the name right after it alone
  (``President Lee Jae-myung said ...``; session 27).

A change counts when an edit is not normalisation (``NM``). Prints the counts and each
changed sentence; exits 1 when any name changed.

    .venv/bin/python bench/namesake_control.py [--set titled|plain|office|both]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cleaner.model import CleanResult


def name_edits(result: CleanResult) -> list[tuple[str, str, str]]:
    """The edits of a cleaned text that are not normalisation (``NM``): rule, old, new."""
    return [(e.rule, e.old, e.new) for e in result.edits if not e.rule.startswith("NM")]


def sentences(kind: str) -> list[tuple[str, str]]:
    from route_probes import _heads

    from cleaner.config import Config
    from cleaner.rules.gazetteer import load_gazetteer

    out: list[tuple[str, str]] = []
    for e in load_gazetteer(Config()):
        if kind == "titled" and e.kind == "person" and e.titles and e.context:
            out.append((e.id, f"{e.titles[0]} {e.canonical} spoke in {e.context[0]} on Tuesday.\n"))
        elif kind == "office" and e.kind == "person":
            heads = _heads(e)
            if heads:
                out.append((e.id, f"{heads[0]} {e.canonical} said the talks would go on.\n"))
        elif kind == "plain":
            out.append((e.id, f"Officials said {e.canonical} was mentioned on Monday.\n"))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", choices=("titled", "plain", "office", "both"), default="both")
    args = parser.parse_args()
    from cleaner import clean_text
    from cleaner.config import Config

    config = replace(Config(), grammar="none")
    changed_any = False
    for kind in ("titled", "plain", "office") if args.set == "both" else (args.set,):
        cases = sentences(kind)
        changed = 0
        for entity_id, text in cases:
            result = clean_text(text, config)
            rules = [rule for rule, _old, _new in name_edits(result)]
            if rules:
                changed += 1
                print(json.dumps([entity_id, text.strip(), result.text.strip(), rules]))
        print(f"{kind}: {len(cases)} sentences, {changed} with a name changed")
        changed_any |= changed > 0
    return 1 if changed_any else 0


if __name__ == "__main__":
    sys.exit(main())
