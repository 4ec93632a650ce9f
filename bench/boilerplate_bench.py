"""Boilerplate benchmark: clean the WCXB-dev inputs and score them (shared/bench README, A).

    .venv/bin/python bench/boilerplate_bench.py [--variant leftovers|full|both] [--jobs N]
        [--keep DIR] [--verbose] [--worst N] [--bench DIR] [--boilerplate-only]

Runs ``cleaner clean`` (the real CLI, in a subprocess, so start-up and batching count too) on
every ``*.<variant>.txt`` into a temporary folder, then calls the benchmark's own scorer
``score_boilerplate.py`` on it. Prints the scorer's table and the wall time of the clean run.
``--boilerplate-only`` selects the BP, NM and EN rules (the other stages, grammar above all,
take most of the time and do not change which lines are kept). Reads ``../shared`` (default
/work/shared/bench); tests never do.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_BENCH = Path("/work/shared/bench")


def run_variant(
    data: Path,
    scorer: Path,
    variant: str,
    jobs: int,
    keep: Path | None,
    extra: list[str],
    select: list[str],
) -> int:
    with tempfile.TemporaryDirectory(prefix=f"bp-{variant}-") as tmp:
        tmpdir = Path(tmp)
        inputs = tmpdir / "in"
        inputs.mkdir()
        for src in sorted(data.glob(f"*.{variant}.txt")):
            shutil.copyfile(src, inputs / src.name)
        out = keep / variant if keep else tmpdir / "out"
        started = time.perf_counter()
        cleaner = Path(sys.executable).with_name("cleaner")
        proc = subprocess.run(
            [str(cleaner), "clean", str(inputs), "-o", str(out), "-j", str(jobs), "-q", *select],
            check=False,
        )
        elapsed = time.perf_counter() - started
        if proc.returncode != 0:
            print(f"cleaner clean exited {proc.returncode}", file=sys.stderr)
            return proc.returncode
        count = len(list(inputs.glob("*.txt")))
        print(f"== {variant}: cleaned {count} files in {elapsed:.1f} s")
        score = [sys.executable, str(scorer), str(data), str(out), "--variant", variant, *extra]
        return subprocess.run(score, check=False).returncode


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--variant", choices=["leftovers", "full", "both"], default="both")
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
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
    extra = ["--verbose", "--worst", str(args.worst)] if args.verbose else []
    variants = ["leftovers", "full"] if args.variant == "both" else [args.variant]
    select = ["--select", "BP", "--select", "NM", "--select", "EN"] if args.boilerplate_only else []
    status = 0
    for variant in variants:
        status |= run_variant(data, scorer, variant, args.jobs, args.keep, extra, select)
    return status


if __name__ == "__main__":
    sys.exit(main())
