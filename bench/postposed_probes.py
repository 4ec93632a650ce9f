"""Probes of MT912, a person's name left at the end of a clause apart from their role
(issue 13, session 35).

For every titled person of the gazetteer with a full name of two words or more, three
one-sentence articles after the person's first title (the source's word order, then two
English ones):

* ``postposed``: ``The {title} wanted to come to Kyiv {name}, but the visit was cancelled.``
  (must be flagged);
* ``control``: ``The {title} {name} wanted to come to Kyiv, but ...`` (must not be);
* ``object``: ``The {other title} wanted to meet in Kyiv {name}, but ...``, with the title of
  the next titled person of another country (someone else's role: must not be).

    .venv/bin/python bench/postposed_probes.py
    PYTHONPATH=/tmp/base .venv/bin/python bench/postposed_probes.py   # another checkout
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

FRAMES = {
    "postposed": "The {title} wanted to come to Kyiv {name}, but the visit was cancelled.",
    "control": "The {title} {name} wanted to come to Kyiv, but the visit was cancelled.",
    "object": "The {other} wanted to meet in Kyiv {name}, but the visit was cancelled.",
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, default=5, help="print this many misses per kind")
    a = ap.parse_args()

    from cleaner import Config, clean_text
    from cleaner.rules.gazetteer import load_gazetteer

    config = Config(grammar="none", select=("MT912",))
    people = [
        e
        for e in load_gazetteer(config)
        if e.kind == "person" and e.titles and len(e.canonical.split()) >= 2
    ]
    tally: Counter[tuple[str, str]] = Counter()
    shown: Counter[str] = Counter()
    for n, e in enumerate(people):
        other = next(
            (o for o in people[n + 1 :] + people[:n] if set(o.context) != set(e.context)), e
        )
        for kind, frame in FRAMES.items():
            text = frame.format(
                title=e.titles[0].removeprefix("the "),
                other=other.titles[0].removeprefix("the "),
                name=e.canonical,
            )
            flagged = any(f.rule == "MT912" for f in clean_text(text, config).findings)
            tally[(kind, "probes")] += 1
            tally[(kind, "flagged")] += flagged
            if flagged != (kind == "postposed") and shown[kind] < a.show:
                shown[kind] += 1
                print(f"  {kind}: {text}")
    for kind in FRAMES:
        print(f"{kind:10} {tally[(kind, 'probes')]:5}  flagged {tally[(kind, 'flagged')]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
