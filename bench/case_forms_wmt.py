"""Place names' case forms in real MT output: WMT22 uk-en system outputs as documents.

The WMT22 uk-en systems copy Ukrainian case forms of place names into English (``the mayor
of Buchi``, ``the streets of Buche``; the census in ../shared/bench/README.md counts them the
commonest name garble there). ``mt_bench.py`` cleans the outputs line by line, as segments;
here each system's lines are joined into their documents (``manifest.json``: ``doc``), as
an article reaches the pipeline, and every edit or finding that reads a case form is listed:
an edit is right when the reference document writes what it became. Nobody tuned on these
outputs; the pipeline's rule is the article's own confirmation (README, "Rule files").

    .venv/bin/python bench/case_forms_wmt.py [--unsafe] [--quiet]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

SET = Path("/work/shared/bench/mt/wmt22-uk-en")
CASE_FORM = "case form"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--unsafe", action="store_true", help="clean with --unsafe-fixes")
    ap.add_argument("--quiet", action="store_true", help="print the tally only")
    a = ap.parse_args()

    from cleaner import clean_text
    from cleaner.config import Config

    manifest = json.loads((SET / "manifest.json").read_text(encoding="utf-8"))
    docs: dict[str, list[int]] = defaultdict(list)
    for line in manifest["lines"]:
        docs[line["doc"]].append(line["line"] - 1)
    ref = (SET / "ref.A.en.txt").read_text(encoding="utf-8").split("\n")
    config = Config(grammar="none", unsafe_fixes=a.unsafe)
    tally: Counter[str] = Counter()
    for system in manifest["systems"]:
        hyp = (SET / f"hyp.{system}.en.txt").read_text(encoding="utf-8").split("\n")
        for doc, lines in docs.items():
            text = "\n\n".join(hyp[i] for i in lines)
            reference = " ".join(ref[i] for i in lines)
            result = clean_text(text, config)
            for e in result.edits:
                if CASE_FORM in e.reason:
                    verdict = "repaired, right" if e.new in reference else "repaired, WRONG"
                    tally[verdict] += 1
                    if not a.quiet:
                        print(f"{verdict:16} {system:15} {doc:12} {e.old!r} -> {e.new!r}")
            for f in result.findings:
                if CASE_FORM in f.message:
                    tally["reported"] += 1
                    if not a.quiet:
                        print(f"{'reported':16} {system:15} {doc:12} {f.text!r} {f.suggestions}")
    print(json.dumps(dict(sorted(tally.items()))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
