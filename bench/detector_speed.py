"""Cost and noise of the language check and the detectors on human-written English news.

Runs the pipeline's stages one by one over a folder of articles (default: the WCXB dev
"leftovers" texts in ../shared/bench, 695 scraped English articles) and reports, per stage,
the time per article and the throughput, plus how often each detector fires on this text,
which is mostly professionally written: every finding there is a candidate false alarm.

    .venv/bin/python bench/detector_speed.py [FOLDER] [--limit N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

DEFAULT = Path("/work/shared/bench/boilerplate/wcxb-dev")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=DEFAULT)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--glob", default="*.leftovers.txt")
    args = parser.parse_args()
    files = sorted(args.folder.glob(args.glob))
    if args.limit:
        files = files[: args.limit]
    if not files:
        print(f"error: no {args.glob} files in {args.folder}", file=sys.stderr)
        return 2

    from cleaner.config import Config
    from cleaner.document import Document
    from cleaner.pipeline import STAGES

    config = Config()
    build: dict[str, float] = {}
    stages = []
    for cls in STAGES:
        start = time.perf_counter()
        stages.append(cls(config))
        build[cls.__name__] = time.perf_counter() - start
    texts = [f.read_text(encoding="utf-8") for f in files]
    # Warm-up: lazy loads (language model, word lists, gazetteer) happen on first use.
    warm: dict[str, float] = {}
    doc = Document(texts[0])
    for stage in stages:
        start = time.perf_counter()
        stage.run(doc)
        warm[type(stage).__name__] = time.perf_counter() - start
    spent: Counter[str] = Counter()
    fired: Counter[str] = Counter()
    languages: Counter[str] = Counter()
    scores: list[float] = []
    words = 0
    for text in texts:
        doc = Document(text)
        for stage in stages:
            start = time.perf_counter()
            stage.run(doc)
            spent[type(stage).__name__] += time.perf_counter() - start
        result = doc.result()
        languages[result.metadata.get("language", "?")] += 1
        damage = result.metadata.get("damage", {})
        scores.append(damage.get("score", 0.0))
        words += damage.get("words", 0)
        fired.update(f.rule for f in result.findings)
        fired.update(e.rule for e in result.edits if not e.rule.startswith("NM"))
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(f"{len(texts)} articles, {mb:.1f} MB, {words} words")
    print("stage: build s / first run s / ms per article / MB/s")
    for name in build:
        secs = spent[name]
        rate = mb / secs if secs else float("inf")
        print(
            f"  {name}: {build[name]:.2f} / {warm[name]:.2f} / "
            f"{1000 * secs / len(texts):.2f} / {rate:.1f}"
        )
    print("languages:", dict(languages.most_common()))
    mine = {r: n for r, n in sorted(fired.items()) if r.startswith(("MT9", "NE9", "LN"))}
    print("detector hits:", mine, f"= {1000 * sum(mine.values()) / words:.2f} per 1000 words")
    scores.sort()
    q = [scores[int(p * (len(scores) - 1))] for p in (0.5, 0.9, 0.99)]
    print(f"damage score median {q[0]}, p90 {q[1]}, p99 {q[2]}, max {scores[-1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
