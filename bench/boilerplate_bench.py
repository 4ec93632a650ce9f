"""Boilerplate benchmark: clean the WCXB-dev inputs and score them (shared/bench README, A).

    .venv/bin/python bench/boilerplate_bench.py [--variant leftovers|full|both] [--jobs N]
        [--keep DIR] [--verbose] [--worst N] [--bench DIR] [--boilerplate-only]

Runs ``cleaner clean`` (the real CLI, in a subprocess, so start-up and batching count too) on
every ``*.<variant>.txt`` into a temporary folder, then calls the benchmark's own scorer
``score_boilerplate.py`` on it, once per part of the site split in ``bench/wcxb-dev-split.txt``
(``tune``: what rules and thresholds may be fitted to; ``held``: sites set aside before tuning)
and once on all documents. Prints one row per part and the wall time of the clean run.
``--verbose`` lists the worst documents of the ``tune`` part only: the held-aside part is
scored, not studied. ``--boilerplate-only`` selects the BP, NM and EN rules (the other stages,
grammar above all, take most of the time and do not change which lines are kept). Reads
``../shared`` (default /work/shared/bench); tests never do.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_BENCH = Path("/work/shared/bench")
SPLIT_FILE = Path(__file__).with_name("wcxb-dev-split.txt")
PARTS = ("tune", "held", "all")


def read_split(path: Path) -> dict[str, list[str]]:
    """Document ids per part; ``all`` is every document in the file."""
    parts: dict[str, list[str]] = {p: [] for p in PARTS}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        doc_id, part = line.split()[:2]
        parts[part].append(doc_id)
        parts["all"].append(doc_id)
    return parts


def score_part(
    data: Path, out: Path, scorer: Path, variant: str, ids: list[str], extra: list[str]
) -> dict | None:
    """Score the documents ``ids`` only: the scorer takes a folder, so link them into one."""
    with tempfile.TemporaryDirectory(prefix="bp-part-") as tmp:
        part_dir = Path(tmp) / "data"
        part_dir.mkdir()
        for doc_id in ids:
            for name in (f"{doc_id}.labels.json", f"{doc_id}.{variant}.txt"):
                (part_dir / name).symlink_to(data / name)
        report = Path(tmp) / "score.json"
        cmd = [sys.executable, str(scorer), str(part_dir), str(out), "--variant", variant]
        proc = subprocess.run(
            [*cmd, "--json", str(report), *extra], check=False, capture_output=not extra
        )
        if proc.returncode != 0:
            print(f"scorer exited {proc.returncode}", file=sys.stderr)
            return None
        return json.loads(report.read_text(encoding="utf-8"))


def row(part: str, res: dict) -> str:
    tok = res["tokens"]
    base = res["baseline_keep_everything"]["f1"]
    removed_gold = tok["gold"] - tok["tp"]
    return (
        f"| {part} | {res['documents']} | {res['precision']:.4f} | {res['recall']:.4f} | "
        f"**{res['f1']:.4f}** | {base:.4f} | {res['removal']['precision']:.4f} | "
        f"{res['removal']['recall']:.4f} | {removed_gold:,} of {tok['gold']:,} |"
    )


def run_variant(
    data: Path,
    scorer: Path,
    variant: str,
    parts: dict[str, list[str]],
    args: argparse.Namespace,
    select: list[str],
) -> int:
    with tempfile.TemporaryDirectory(prefix=f"bp-{variant}-") as tmp:
        tmpdir = Path(tmp)
        inputs = tmpdir / "in"
        inputs.mkdir()
        for doc_id in parts["all"]:
            name = f"{doc_id}.{variant}.txt"
            shutil.copyfile(data / name, inputs / name)
        out = args.keep / variant if args.keep else tmpdir / "out"
        started = time.perf_counter()
        cleaner = Path(sys.executable).with_name("cleaner")
        command = [str(cleaner), "clean", str(inputs), "-o", str(out), "-j", str(args.jobs)]
        proc = subprocess.run([*command, "-q", *select], check=False)
        elapsed = time.perf_counter() - started
        if proc.returncode != 0:
            print(f"cleaner clean exited {proc.returncode}", file=sys.stderr)
            return proc.returncode
        print(f"== {variant}: cleaned {len(parts['all'])} files in {elapsed:.1f} s")
        rows = []
        for part in PARTS:
            verbose = part == "tune" and args.verbose
            extra = ["--verbose", "--worst", str(args.worst)] if verbose else []
            res = score_part(data, out, scorer, variant, parts[part], extra)
            if res is None:
                return 1
            rows.append(row(part, res))
        print(
            "| part | docs | P | R | F1 | keep-everything F1 | removal P | removal R | "
            "gold tokens removed |\n|---|---|---|---|---|---|---|---|---|"
        )
        print("\n".join(rows))
        return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--variant", choices=["leftovers", "full", "both"], default="both")
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--split", type=Path, default=SPLIT_FILE)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", type=Path, help="write outputs here instead of a temp folder")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--worst", type=int, default=10)
    ap.add_argument("--boilerplate-only", action="store_true")
    args = ap.parse_args()
    data = args.bench / "boilerplate" / "wcxb-dev"
    scorer = args.bench / "score_boilerplate.py"
    if not data.is_dir() or not scorer.is_file():
        print(f"error: benchmark data not found under {args.bench}", file=sys.stderr)
        return 2
    parts = read_split(args.split)
    variants = ["leftovers", "full"] if args.variant == "both" else [args.variant]
    select = ["--select", "BP", "--select", "NM", "--select", "EN"] if args.boilerplate_only else []
    status = 0
    for variant in variants:
        status |= run_variant(data, scorer, variant, parts, args, select)
    return status


if __name__ == "__main__":
    sys.exit(main())
