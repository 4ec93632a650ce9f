"""Grammar stage throughput: one-time start cost, then articles/s, on a 2,000-article folder.

The folder is made of copies of seeds/, each with a distinct last line so the content-hash
caches cannot answer for a copy (a run over identical copies would measure the cache).

    .venv/bin/python bench/grammar_bench.py            # 2,000 articles, all measurements
    .venv/bin/python bench/grammar_bench.py -n 200 --no-cli
    .venv/bin/python bench/grammar_bench.py --python-side 100   # what the stage adds to Harper

Prints: import and linter build time (per process / per thread), the stage alone single- and
multi-threaded (no cache), and ``cleaner clean`` wall time with --grammar none, harper (cold
cache) and harper again (warm on-disk cache).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_folder(folder: Path, n: int) -> list[str]:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    texts = []
    for i in range(n):
        text = seeds[i % len(seeds)].read_text(encoding="utf-8").rstrip("\n")
        text += f"\n\nThis is copy number {i} of the article.\n"
        (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
    return texts


def stage_alone(texts: list[str], threads: int) -> tuple[float, float, float]:
    """(start-up s, articles per wall second, articles per CPU second), caching off."""
    os.environ["CLEANER_NO_CACHE"] = "1"
    from cleaner.config import Config
    from cleaner.document import Document
    from cleaner.grammar import RESULTS
    from cleaner.stages.grammar import Grammar

    RESULTS.clear()
    stage = Grammar(Config())
    t0 = time.perf_counter()
    stage.backend.linter()  # type: ignore[union-attr]  # this thread's linter
    start = time.perf_counter() - t0

    def run(text: str) -> None:
        stage.run(Document(text))

    RESULTS.clear()
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    if threads == 1:
        for text in texts:
            run(text)
    else:
        with ThreadPoolExecutor(threads) as pool:
            list(pool.map(run, texts, chunksize=16))
    elapsed = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    RESULTS.clear()
    return start, len(texts) / elapsed, len(texts) / cpu


def python_side(n: int) -> dict[str, float]:
    """CPU ms per article of the stage, and of Harper's own calls inside it, on ``n``
    generated articles (``bench/corpus.py``: varied text, so Harper's process-wide memory
    of what it linted does not answer for a copy), caching off, one thread.

    What the Python side adds (issue 17) is the difference, measured in the same run: the
    stage's time outside Harper (turning lints into hits, the document's decide step), and
    apart, the one-word lints that tell a name from a common word (Harper's time, but asked
    for by our suggestion filter, not by the article)."""
    os.environ["CLEANER_NO_CACHE"] = "1"
    sys.path.insert(0, str(ROOT / "bench"))
    import corpus

    from cleaner.config import Config
    from cleaner.document import Document
    from cleaner.grammar import RESULTS
    from cleaner.stages.grammar import Grammar

    seeds = corpus.seed_texts()
    texts = [corpus.article(i, seeds) for i in range(n)]
    stage = Grammar(Config())
    linter = stage.backend.linter()  # type: ignore[union-attr]
    spent = {"article": 0.0, "word": 0.0}

    class Timed:
        """The linter, timing its calls (a pyo3 class cannot take attributes)."""

        def organized_lints(self, text: str, **kw: object) -> object:
            t0 = time.process_time()
            try:
                return linter.organized_lints(text, **kw)
            finally:
                spent["article"] += time.process_time() - t0

        def lint(self, text: str, **kw: object) -> object:
            t0 = time.process_time()
            try:
                return linter.lint(text, **kw)
            finally:
                spent["word"] += time.process_time() - t0

    stage.backend._local.linter = Timed()  # type: ignore[union-attr]
    RESULTS.clear()
    stage.run(Document("A warm-up sentence for the linter."))
    spent.update(article=0.0, word=0.0)
    cpu0 = time.process_time()
    for text in texts:
        stage.run(Document(text))
    total = time.process_time() - cpu0
    RESULTS.clear()
    stage.backend._local.linter = linter  # type: ignore[union-attr]
    per = {k: v / n * 1000 for k, v in spent.items()}
    return {
        "stage": total / n * 1000,
        "harper": per["article"],
        "words": per["word"],
        "python": total / n * 1000 - per["article"] - per["word"],
    }


def cli(folder: Path, out: Path, grammar: str, cache: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process tree) for one ``cleaner clean`` run.

    CPU time is reported too because this machine is shared: wall time swings with other
    jobs' load, CPU time much less.
    """
    env = {**os.environ, "CLEANER_CACHE_DIR": str(cache)}
    env.pop("CLEANER_NO_CACHE", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(
        [
            str(ROOT / ".venv/bin/cleaner"),
            "clean",
            str(folder),
            "-o",
            str(out),
            "-q",
            "--grammar",
            grammar,
        ],
        check=True,
        env=env,
    )
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=2000, help="articles (default 2000)")
    parser.add_argument("--no-cli", action="store_true", help="skip the cleaner clean runs")
    parser.add_argument(
        "--python-side",
        type=int,
        metavar="N",
        help="only: what the stage adds to Harper's own time, on N generated articles",
    )
    args = parser.parse_args()
    if args.python_side:
        side = python_side(args.python_side)
        print(
            f"grammar stage, {args.python_side} generated articles, CPU ms/article: "
            f"{side['stage']:.1f} in all = Harper on the article {side['harper']:.1f} + "
            f"one-word lints of the name filter {side['words']:.1f} + Python {side['python']:.1f} "
            f"({(side['stage'] / side['harper'] - 1) * 100:.0f}% over Harper's own; "
            f"load {os.getloadavg()[0]:.1f})"
        )
        return

    t0 = time.perf_counter()
    import harper

    imported = time.perf_counter() - t0
    t0 = time.perf_counter()
    harper.Linter()
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    harper.Linter()
    second = time.perf_counter() - t0
    # The curated dictionary is built once per process; later linters (one per thread) reuse it.
    print(
        f"harper import {imported * 1000:.0f} ms, first Linter() {first * 1000:.0f} ms, "
        f"each further Linter() {second * 1000:.0f} ms"
    )

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        texts = make_folder(folder, args.n)
        size = sum(len(t.encode()) for t in texts)
        print(f"{args.n} articles, {size / 1e6:.1f} MB, {size / args.n / 1000:.1f} KB/article")
        start, rate, per_cpu = stage_alone(texts, 1)
        print(
            f"stage, 1 thread: linter set-up {start:.2f} s, {rate:.1f} articles/s "
            f"({1000 / rate:.1f} ms/article wall, {1000 / per_cpu:.1f} ms CPU)"
        )
        threads = len(os.sched_getaffinity(0))
        if threads > 1:
            start, rate, per_cpu = stage_alone(texts, threads)
            print(
                f"stage, {threads} threads (one linter each): {rate:.1f} articles/s "
                f"({1000 / per_cpu:.1f} ms CPU/article)"
            )
        print(f"load average now: {os.getloadavg()[0]:.1f} on {threads} CPUs")
        if args.no_cli:
            return
        cache = Path(tmp) / "cache"
        runs = {
            "none": cli(folder, Path(tmp) / "o1", "none", cache),
            "harper cold cache": cli(folder, Path(tmp) / "o2", "harper", cache),
            "harper warm cache": cli(folder, Path(tmp) / "o3", "harper", cache),
        }
        print(f"cleaner clean, {threads} processes (wall s / CPU s):")
        base_cpu = runs["none"][1]
        for name, (wall, cpu) in runs.items():
            extra = (cpu - base_cpu) / args.n * 1000
            print(
                f"  --grammar {name}: {wall:.1f} / {cpu:.1f}"
                + (f" (+{extra:.1f} ms CPU/article)" if name != "none" else "")
            )


if __name__ == "__main__":
    sys.exit(main())
