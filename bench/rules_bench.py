"""Throughput of the rule stage alone (no other stage runs), in CPU time (the machine is
shared, wall time is noise).

    .venv/bin/python bench/rules_bench.py [N] [--text FILE]

Default: N = 2,000 articles made of copies of seeds/ (dense in artifacts: nearly every
article fires something). ``--text FILE`` cuts FILE (e.g. a human reference translation) into
~3 KB articles instead, the clean-text case. Prints the gazetteer size (entities, repairable
variants), the automaton size and build time, and MB/s."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from cleaner.config import Config
from cleaner.document import Document
from cleaner.rules.gazetteer import load_gazetteer
from cleaner.stages.rules import RuleFixes

ROOT = Path(__file__).resolve().parent.parent


def _articles(n: int, source: Path | None) -> list[str]:
    if source is None:
        seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
        return [seeds[i % len(seeds)] for i in range(n)]
    chunks: list[str] = []
    current: list[str] = []
    for line in source.read_text(encoding="utf-8").splitlines():
        current.append(line)
        if sum(len(x) for x in current) > 3000:
            chunks.append("\n".join(current))
            current = []
    return [chunks[i % len(chunks)] for i in range(n)]


def main() -> None:
    args = sys.argv[1:]
    source = None
    if "--text" in args:
        i = args.index("--text")
        source = Path(args[i + 1])
        del args[i : i + 2]
    n = int(args[0]) if args else 2000
    articles = _articles(n, source)
    size = sum(len(a.encode("utf-8")) for a in articles)
    t0 = time.process_time()
    stage = RuleFixes(Config())
    built = time.process_time() - t0
    entities = load_gazetteer(Config())
    t0 = time.process_time()
    for text in articles:
        stage.run(Document(text))
    elapsed = time.process_time() - t0
    fixes = sum(len(e.fixes) for e in entities)
    print(f"entities {len(entities)}, repairable variants {fixes}")
    print(f"automaton entries {stage.matcher.size + stage.support.size}, built in {built:.2f} s")
    print(f"{n} articles, {size / 1e6:.1f} MB in {elapsed:.2f} s: {size / 1e6 / elapsed:.1f} MB/s")


if __name__ == "__main__":
    main()
