"""MT do-no-harm benchmark: clean WMT22 uk-en line by line and score it with score_mt.py.

Each line is one segment and is cleaned on its own, as a translation pipeline would clean
segments: ``clean_text(line)``, with the final newline the normaliser adds stripped so that
line i of the output is segment i. The data and the scorer live in ../shared/bench (never a
test dependency); the numbers go to bench/RESULTS.md, "MT do-no-harm".

    .venv/bin/python bench/mt_bench.py [--set DIR] [--out DIR] [--jobs N] [--unsafe]
        [--select MT9,NE9]   # only these rules (plus normalisation), e.g. the detectors
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "bench"
DEFAULT_SET = Path("/work/shared/bench/mt/wmt22-uk-en")


def clean_file(
    args: tuple[Path, Path, bool, tuple[str, ...]],
) -> tuple[str, int, float, Counter[str]]:
    """Clean one file line by line; returns (name, lines, seconds, rule counts)."""
    src, dest, unsafe, select = args
    from cleaner import clean_text
    from cleaner.config import Config

    config = Config(unsafe_fixes=unsafe, select=select)
    lines = src.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    rules: Counter[str] = Counter()
    out: list[str] = []
    start = time.perf_counter()
    for line in lines:
        result = clean_text(line, config)
        out.append(result.text.rstrip("\n").replace("\n", " "))
        rules.update(e.rule for e in result.edits)
        rules.update("finding:" + f.rule for f in result.findings)
    seconds = time.perf_counter() - start
    dest.write_text("\n".join(out) + "\n", encoding="utf-8")
    return src.name, len(lines), seconds, rules


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=None, help="WMT set folder")
    parser.add_argument("--out", type=Path, default=None, help="keep cleaned files here")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--unsafe", action="store_true", help="apply unsafe fixes too")
    parser.add_argument("--examples", type=int, default=5)
    parser.add_argument(
        "--select",
        default="",
        help="comma-separated rule prefixes to run (normalisation NM/EN is always added)",
    )
    args = parser.parse_args()
    set_dir = args.set or (SHARED / "mt" / "wmt22-uk-en")
    if not set_dir.is_dir():
        set_dir = DEFAULT_SET
    if not set_dir.is_dir():
        print(f"error: no WMT set at {set_dir} (needs ../shared/bench)", file=sys.stderr)
        return 2
    scorer = set_dir.parent.parent / "score_mt.py"
    out = args.out or Path(tempfile.mkdtemp(prefix="mt_bench_"))
    out.mkdir(parents=True, exist_ok=True)
    files = sorted([set_dir / "ref.A.en.txt", *set_dir.glob("hyp.*.en.txt")])
    total = Counter()
    seconds = 0.0
    lines = 0
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        select = tuple(p for p in args.select.split(",") if p)
        if select:
            select = (*select, "NM", "EN", "LN")
        jobs = [(f, out / f.name, args.unsafe, select) for f in files]
        for name, n, secs, rules in pool.map(clean_file, jobs):
            print(f"{name}: {n} lines in {secs:.1f}s ({n / secs:.0f} lines/s)")
            total.update(rules)
            seconds += secs
            lines += n
    print(f"cleaned {lines} lines in {seconds:.1f} CPU-s; output in {out}")
    print("edits and findings by rule:", dict(sorted(total.items())))
    cmd = [sys.executable, str(scorer), str(set_dir), str(out), "--examples", str(args.examples)]
    return subprocess.run(cmd, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
