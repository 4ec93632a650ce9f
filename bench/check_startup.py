"""Wall time of ``cleaner check`` on one article: what a pre-commit hook costs per commit.

Runs the installed ``cleaner`` script as a fresh process (start-up, imports, one article),
next to a bare ``python -c pass`` for scale, and prints min and median of N runs. The machine
is shared, so the minimum is the number to compare; the target is < 0.5 s.

    .venv/bin/python bench/check_startup.py [FILE] [-n 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def wall(cmd: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - t0)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(sorted((ROOT / "seeds").glob("*.txt"))[1]))
    parser.add_argument("-n", type=int, default=15)
    args = parser.parse_args()
    cleaner = str(Path(sys.executable).parent / "cleaner")
    cases = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "cleaner --help": [cleaner, "--help"],
        f"cleaner check {Path(args.file).name}": [cleaner, "check", args.file],
        f"cleaner check --format json {Path(args.file).name}": [
            cleaner,
            "check",
            "--format",
            "json",
            args.file,
        ],
    }
    for name, cmd in cases.items():
        t = wall(cmd, args.n)
        print(f"{name:50s} min {min(t):.3f} s  median {statistics.median(t):.3f} s")


if __name__ == "__main__":
    main()
