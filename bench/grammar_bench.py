"""Grammar stage throughput: one-time start cost, then articles/s, on a 2,000-article folder.

The folder is made of copies of seeds/, each with a distinct last line so the content-hash
caches cannot answer for a copy (a run over identical copies would measure the cache).

    .venv/bin/python bench/grammar_bench.py            # 2,000 articles, all measurements
    .venv/bin/python bench/grammar_bench.py -n 200 --no-cli

Prints: import and linter build time (per process / per thread), the stage alone single- and
multi-threaded (no cache), and ``cleaner clean`` wall time with --grammar none, harper (cold
cache) and harper again (warm on-disk cache).
"""

from __future__ import annotations

import argparse
import os
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


def stage_alone(texts: list[str], threads: int) -> tuple[float, float]:
    """(start-up seconds, articles/s) for the Grammar stage over ``texts``, caching off."""
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
    t0 = time.perf_counter()
    if threads == 1:
        for text in texts:
            run(text)
    else:
        with ThreadPoolExecutor(threads) as pool:
            list(pool.map(run, texts, chunksize=16))
    elapsed = time.perf_counter() - t0
    RESULTS.clear()
    return start, len(texts) / elapsed


def cli(folder: Path, out: Path, grammar: str, cache: Path) -> float:
    env = {**os.environ, "CLEANER_CACHE_DIR": str(cache)}
    env.pop("CLEANER_NO_CACHE", None)
    t0 = time.perf_counter()
    subprocess.run(
        [str(ROOT / ".venv/bin/cleaner"), "clean", str(folder), "-o", str(out), "-q",
         "--grammar", grammar],
        check=True,
        env=env,
    )
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=2000, help="articles (default 2000)")
    parser.add_argument("--no-cli", action="store_true", help="skip the cleaner clean runs")
    args = parser.parse_args()

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
    print(f"harper import {imported * 1000:.0f} ms, first Linter() {first * 1000:.0f} ms, "
          f"each further Linter() {second * 1000:.0f} ms")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        texts = make_folder(folder, args.n)
        size = sum(len(t.encode()) for t in texts)
        print(f"{args.n} articles, {size / 1e6:.1f} MB, {size / args.n / 1000:.1f} KB/article")
        start, rate = stage_alone(texts, 1)
        print(f"stage, 1 thread: linter set-up {start:.2f} s, {rate:.1f} articles/s "
              f"({1000 / rate:.1f} ms/article)")
        threads = len(os.sched_getaffinity(0))
        if threads > 1:
            start, rate = stage_alone(texts, threads)
            print(f"stage, {threads} threads (one linter each): {rate:.1f} articles/s")
        if args.no_cli:
            return
        cache = Path(tmp) / "cache"
        none = cli(folder, Path(tmp) / "o1", "none", cache)
        cold = cli(folder, Path(tmp) / "o2", "harper", cache)
        warm = cli(folder, Path(tmp) / "o3", "harper", cache)
        print(f"cleaner clean ({threads} processes): --grammar none {none:.1f} s, "
              f"harper cold {cold:.1f} s, harper warm cache {warm:.1f} s")
        print(f"grammar cost in clean: {(cold - none) / args.n * 1000:.1f} ms/article wall "
              f"(cold), {(warm - none) / args.n * 1000:.1f} ms/article (warm)")


if __name__ == "__main__":
    sys.exit(main())
