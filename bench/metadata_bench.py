"""Metadata benchmark: title, author and date lifted from WCXB-dev, per part of the split.

    .venv/bin/python bench/metadata_bench.py [--variant full|leftovers|both] [--jobs N]
        [--fast] [--verbose] [--bench DIR]

Runs ``cleaner clean --sidecar --grammar none`` (the real CLI, as the shared scorer
``score_metadata.py`` does) on every ``*.<variant>.txt`` and scores each sidecar's
``metadata`` with the scorer's own comparisons (imported from ``score_metadata.py``), once
for the ``tune`` part of ``bench/wcxb-dev-split.txt``, once for the ``held`` part (sites set
aside before any tuning) and once for all 695 texts; the ``all`` row is what
``score_metadata.py`` prints. ``--fast`` skips the pipeline and runs the metadata extractor
on the raw texts in this process (for iterating; the numbers can differ slightly).
``--verbose`` lists the wrong values, of the tune part only. Reads ``/work/shared/bench``;
the tests never do.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

DEFAULT_BENCH = Path("/work/shared/bench")
SPLIT = Path(__file__).with_name("wcxb-dev-split.txt")
FIELDS = {"title": "title", "author": "author", "date": "publish_date"}


def scorer(bench: Path) -> Any:
    spec = importlib.util.spec_from_file_location("score_metadata", bench / "score_metadata.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def parts() -> dict[str, str]:
    rows = [line.split() for line in SPLIT.read_text(encoding="utf-8").splitlines()]
    return {r[0]: r[1] for r in rows if r and not r[0].startswith("#")}


def predictions_cli(data: Path, variant: str, jobs: int) -> dict[str, dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix=f"md-{variant}-") as tmp:
        inputs, out = Path(tmp) / "in", Path(tmp) / "out"
        inputs.mkdir()
        for src in sorted(data.glob(f"*.{variant}.txt")):
            shutil.copyfile(src, inputs / src.name)
        cleaner = Path(sys.executable).with_name("cleaner")
        command = [str(cleaner), "clean", str(inputs), "-o", str(out), "--sidecar"]
        command += ["--grammar", "none", "-j", str(jobs), "-q"]
        subprocess.run(command, check=False)
        found = {}
        for side in out.glob("*.json"):
            found[side.name.split(".")[0]] = json.loads(side.read_text()).get("metadata", {})
        return found


def predictions_fast(data: Path, variant: str) -> dict[str, dict[str, Any]]:
    from cleaner.metadata.extract import extract
    from cleaner.metadata.lexicon import load_lexicon
    from cleaner.resources import builtin_rules

    lex = load_lexicon((builtin_rules(),))
    found = {}
    for src in sorted(data.glob(f"*.{variant}.txt")):
        lifted = extract(src.read_text(encoding="utf-8"), lex).lifted
        found[src.name.split(".")[0]] = {k: v.value for k, v in lifted.items()}
    return found


def score(
    found: dict[str, dict[str, Any]], gold: dict[str, dict[str, Any]], same: Any, ids: set[str]
) -> tuple[dict[str, list[int]], list[str]]:
    stats = {k: [0, 0, 0] for k in FIELDS}  # gold, predicted, right
    wrong = []
    for doc_id in sorted(ids & found.keys()):
        md = found[doc_id]
        for field, key in FIELDS.items():
            g = gold[doc_id].get(key)
            if not g:
                continue
            stats[field][0] += 1
            p = md.get(field)
            if p:
                stats[field][1] += 1
                ok = getattr(same, f"same_{field}")(p, g)
                stats[field][2] += ok
                if not ok:
                    wrong.append(f"{doc_id} {field}: got {str(p)[:60]!r} want {str(g)[:60]!r}")
    return stats, wrong


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--variant", choices=["leftovers", "full", "both"], default="both")
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--fast", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    data = args.bench / "boilerplate" / "wcxb-dev"
    gold_file = args.bench / "boilerplate" / "wcxb-dev-metadata.jsonl"
    if not data.is_dir() or not gold_file.is_file():
        print(f"error: benchmark data not found under {args.bench}", file=sys.stderr)
        return 2
    same = scorer(args.bench)
    gold = {}
    for line in gold_file.open(encoding="utf-8"):
        record = json.loads(line)
        gold[record["id"]] = record
    split = parts()
    groups = {
        "tune": {i for i, p in split.items() if p == "tune"},
        "held": {i for i, p in split.items() if p == "held"},
        "all": set(split),
    }
    variants = ["full", "leftovers"] if args.variant == "both" else [args.variant]
    print("variant   part  field   gold  lifted  right  accuracy  precision")
    for variant in variants:
        started = time.perf_counter()
        if args.fast:
            found = predictions_fast(data, variant)
        else:
            found = predictions_cli(data, variant, args.jobs)
        elapsed = time.perf_counter() - started
        for part, ids in groups.items():
            stats, wrong = score(found, gold, same, ids)
            for field, (g, p, r) in stats.items():
                print(
                    f"{variant:9s} {part:5s} {field:7s} {g:4d}  {p:6d}  {r:5d}"
                    f"  {r / max(g, 1):8.3f}  {r / max(p, 1):9.3f}"
                )
            if args.verbose and part == "tune":
                print("\n".join(f"    {w}" for w in wrong))
        print(f"({variant}: {len(found)} texts in {elapsed:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
