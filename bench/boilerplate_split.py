"""Write the WCXB-dev tuning / held-aside split (``bench/wcxb-dev-split.txt``).

    .venv/bin/python bench/boilerplate_split.py [--bench DIR]

The split is by site, so no site's page template is on both sides: each document's site is the
registered domain of the URL in its labels file (``www.`` and other subdomains dropped; a
two-letter country code under ``co``/``com``/``org``/... keeps three labels), and a site is held
aside when the first byte of its SHA-256 is below a third of 256. The hash, not a draw, makes
the split reproducible without a seed, and it was made before any tuning of issue 12. Tuning
looks at the ``tune`` part only; ``held`` is scored and reported, never inspected for rules.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from urllib.parse import urlparse

DEFAULT_BENCH = Path("/work/shared/bench")
SPLIT_FILE = Path(__file__).with_name("wcxb-dev-split.txt")
SECOND_LEVEL = {"co", "com", "org", "net", "ac", "gov", "edu"}


def site(url: str) -> str:
    """The registered domain of a URL (good enough for grouping pages by site)."""
    labels = (urlparse(url).hostname or "").lower().split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def part(domain: str) -> str:
    return "held" if hashlib.sha256(domain.encode()).digest()[0] < 256 // 3 else "tune"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    args = ap.parse_args()
    data = args.bench / "boilerplate" / "wcxb-dev"
    rows = []
    for labels in sorted(data.glob("*.labels.json")):
        doc = json.loads(labels.read_text(encoding="utf-8"))
        domain = site(doc["url"])
        rows.append(f"{doc['id']} {part(domain)} {domain}")
    if not rows:
        print(f"error: no labels under {data}", file=sys.stderr)
        return 2
    header = "# WCXB-dev split by site (bench/boilerplate_split.py): id part site\n"
    SPLIT_FILE.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    held = sum(1 for r in rows if r.split()[1] == "held")
    print(f"{len(rows)} documents: {len(rows) - held} tune, {held} held aside -> {SPLIT_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
