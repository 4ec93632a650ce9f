"""CPU time of ``clean_text`` in two checkouts, measured as pairs: the same article in turn.

Why: on a shared machine the load drifts within minutes, so timing one checkout and then the
other (best of N) can show a drift larger than the change being measured (session 5: main
alone 24.2 then 20.4 ms per article ten minutes apart). Here two long-lived processes, one
per checkout, are handed the same article one after the other (which goes first alternates),
each timing its own CPU for that article; both see the same machine minutes, and the ratio
of the sums is the speed-up. Start-up is excluded (each process cleans every article once
before timing and freezes its set-up out of the garbage collector, as the CLI does after its
first file).

    .venv/bin/python bench/paired_cpu.py A_CHECKOUT B_CHECKOUT [--corpus generated|FOLDER]
        [--n 291] [--passes 3]

A checkout is a directory holding a ``cleaner`` package (a ``git archive`` export of main, or
this worktree): it goes first on ``PYTHONPATH`` of its process. A FOLDER corpus is its
``*.txt`` files in name order (e.g. the shared Wikinews articles).
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))


def _texts(corpus: str, n: int) -> list[str]:
    if corpus == "generated":
        import corpus as generated

        seeds = generated.seed_texts()
        return [generated.article(i, seeds) for i in range(n)]
    files = sorted(Path(corpus).glob("*.txt"))[:n]
    return [f.read_text(encoding="utf-8", errors="replace") for f in files]


def _worker(corpus: str, n: int) -> None:
    """Clean each article index read from stdin; print its CPU seconds."""
    from cleaner.config import Config
    from cleaner.pipeline import Pipeline

    texts = _texts(corpus, n)
    pipeline = Pipeline(Config(grammar="none"))
    for text in texts:
        pipeline.run(text)
    gc.freeze()  # the set-up is never garbage (cleaner.startup.end does the same)
    print("ready", flush=True)
    for line in sys.stdin:
        text = texts[int(line)]
        start = time.process_time()
        pipeline.run(text)
        print(time.process_time() - start, flush=True)


def _start(checkout: Path, corpus: str, n: int) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(checkout))
    cmd = [sys.executable, __file__, "--worker", "--corpus", corpus, "--n", str(n)]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    if proc.stdout.readline().strip() != "ready":
        raise SystemExit(f"{checkout}: the worker did not start")
    return proc


def _ask(proc: subprocess.Popen[str], index: int) -> float:
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(f"{index}\n")
    proc.stdin.flush()
    return float(proc.stdout.readline())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a", type=Path, nargs="?", help="checkout A (e.g. an export of main)")
    parser.add_argument("b", type=Path, nargs="?", help="checkout B (e.g. this worktree)")
    parser.add_argument("--corpus", default="generated", help="'generated' or a folder")
    parser.add_argument("--n", type=int, default=291, help="articles")
    parser.add_argument("--passes", type=int, default=3, help="passes over the articles")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        _worker(args.corpus, args.n)
        return 0
    if args.a is None or args.b is None:
        parser.error("two checkouts are needed")
    n = len(_texts(args.corpus, args.n))
    procs = {"A": _start(args.a, args.corpus, n), "B": _start(args.b, args.corpus, n)}
    load = os.getloadavg()[0]
    for p in range(args.passes):
        spent: dict[str, list[float]] = {"A": [], "B": []}
        for i in range(n):
            for name in ("A", "B") if (i + p) % 2 == 0 else ("B", "A"):
                spent[name].append(_ask(procs[name], i))
        a, b = sum(spent["A"]), sum(spent["B"])
        per = statistics.median(x / y for x, y in zip(spent["A"], spent["B"], strict=True) if y)
        print(
            f"pass {p}: A {1000 * a / n:.2f} ms/article, B {1000 * b / n:.2f} ms/article, "
            f"A/B {a / b:.3f} (median per article {per:.3f})",
            flush=True,
        )
    print(f"{n} articles ({args.corpus}); load average {load:.1f} -> {os.getloadavg()[0]:.1f}")
    for proc in procs.values():
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
