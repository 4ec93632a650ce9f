"""Throughput of the rule stage alone on N copies of the seeds (default 2,000 articles).

    .venv/bin/python bench/rules_bench.py [N]

Prints the gazetteer size (entities, repairable variants), the automaton size, build time
and MB/s of ``RuleFixes.run`` over the articles (no other stage runs)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from cleaner.config import Config
from cleaner.document import Document
from cleaner.rules.gazetteer import load_gazetteer
from cleaner.stages.rules import RuleFixes

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    articles = [seeds[i % len(seeds)] for i in range(n)]
    size = sum(len(a.encode("utf-8")) for a in articles)
    t0 = time.perf_counter()
    stage = RuleFixes(Config())
    built = time.perf_counter() - t0
    entities = load_gazetteer(Config())
    t0 = time.perf_counter()
    for text in articles:
        stage.run(Document(text))
    elapsed = time.perf_counter() - t0
    print(f"entities {len(entities)}, repairable variants {sum(len(e.fixes) for e in entities)}")
    print(f"automaton entries {stage.matcher.size}, built in {built:.2f} s")
    print(f"{n} articles, {size / 1e6:.1f} MB in {elapsed:.2f} s: {size / 1e6 / elapsed:.1f} MB/s")


if __name__ == "__main__":
    main()
