"""Which stages the convergence check re-runs, which of those re-runs change the result, and
what in the first pass left each one stale (issue 17: keep the check only where a real
interaction exists).

Why: ``Pipeline.run`` re-runs a stage after the first pass when an edit since its run could
change what it reads (``pipeline._Readings``). Whether a skip can be proved is a question
about pairs: which stage's edits make which stage edit again. This counts, per corpus and
stage, the round's re-runs, those that edited (and their codes), whether the stage had
edited in the first pass itself (its own output re-read) or only others had, the codes of the
first pass's edits after its run, and the round's CPU. Nothing of the pipeline is copied:
each stage's ``run`` is wrapped, and a run on another ``Document`` than the article's first
is a run of the round.

    .venv/bin/python bench/round_pairs.py                      # every corpus, default config
    .venv/bin/python bench/round_pairs.py --unsafe --corpora wikinews,generated
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
SHARED = Path("/work/shared/bench")
sys.path.insert(0, str(BENCH))

CORPORA = ("seeds", "fixtures", "generated", "wikinews", "wcxb")


def texts(corpus: str, n: int, shared: Path) -> list[str]:
    """The articles of one corpus (``wcxb``: the first ``n`` held pages, full)."""
    if corpus == "seeds":
        return [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    if corpus == "fixtures":
        paths = sorted((REPO / "fixtures").rglob("*.txt"))
        return [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    if corpus == "generated":
        import corpus as generated

        seeds = generated.seed_texts()
        return [generated.article(i, seeds) for i in range(n)]
    if corpus == "wikinews":
        paths = sorted((shared / "human" / "wikinews-en").glob("*.txt"))
        return [p.read_text(encoding="utf-8") for p in paths]
    split = (BENCH / "wcxb-dev-split.txt").read_text(encoding="utf-8").splitlines()
    held = [line.split()[0] for line in split if not line.startswith("#") and " held " in line]
    folder = shared / "boilerplate" / "wcxb-dev"
    return [(folder / f"{i}.full.txt").read_text(encoding="utf-8") for i in held[:n]]


@dataclass
class Tally:
    """What one corpus's rounds did, stage by stage (a stage is ``Class@position``)."""

    reruns: Counter[str] = field(default_factory=Counter)
    editing: Counter[str] = field(default_factory=Counter)
    codes: Counter[tuple[str, str]] = field(default_factory=Counter)
    # (stage, whether it had edited its own output in the first pass, did the re-run edit)
    starters: Counter[tuple[str, bool, bool]] = field(default_factory=Counter)
    after: Counter[tuple[str, str]] = field(default_factory=Counter)  # first-pass codes since
    cpu: Counter[str] = field(default_factory=Counter)


class Watch:
    """Wraps a pipeline's stages and tells first-pass runs from the round's."""

    def __init__(self, pipeline: Any) -> None:
        self.tally = Tally()
        self.first: Any = None  # the article's own Document
        self.checks: list[Any] = []  # the round's documents, in order
        self.ran: dict[str, tuple[int, bool]] = {}  # class -> (batches after, it edited)
        for position, stage in enumerate(pipeline.stages):
            stage.run = self._wrap(stage, f"{type(stage).__name__}@{position}")

    def article(self) -> None:
        self.first, self.checks, self.ran = None, [], {}

    def _wrap(self, stage: Any, label: str) -> Any:
        inner = stage.run
        kind = type(stage).__name__

        def run(doc: Any) -> None:
            if self.first is None:
                self.first = doc
            before = doc.batches
            start = time.process_time()
            inner(doc)
            spent = time.process_time() - start
            edited = doc.batches != before
            if doc is self.first:
                self.ran[kind] = (doc.batches, edited and not stage.idempotent)
                return
            if doc not in self.checks:
                self.checks.append(doc)
            t = self.tally
            t.reruns[label] += 1
            t.cpu[label] += spent
            t.editing[label] += edited
            for code in doc.rules_since(before):
                t.codes[(label, code)] += 1
            batches, own = self.ran.get(kind, (0, False))
            t.starters[(label, own, edited)] += 1
            if doc is self.checks[0]:  # the first round: what the first pass did since
                for code in self.first.rules_since(batches):
                    t.after[(label, code)] += 1

        return run


def measure(corpus: str, articles: list[str], unsafe: bool) -> tuple[Tally, float]:
    from cleaner.config import Config
    from cleaner.pipeline import Pipeline

    pipeline = Pipeline(Config(grammar="none", unsafe_fixes=unsafe))
    for text in articles:  # warm: the CPU figure is without the one-time set-up
        pipeline.run(text)
    watch = Watch(pipeline)
    start = time.process_time()
    for text in articles:
        watch.article()
        pipeline.run(text)
    return watch.tally, time.process_time() - start


def report(corpus: str, n: int, tally: Tally, total: float) -> Iterator[str]:
    rerun_cpu = sum(tally.cpu.values())
    yield (
        f"{corpus}: {n} articles, {1000 * total / n:.2f} ms an article, of which stage "
        f"re-runs in the round {1000 * rerun_cpu / n:.3f}"
    )
    yield "  stage | re-runs | editing | CPU ms an article | after its own edits (edited) | codes"
    for label in sorted(tally.reruns, key=lambda s: int(s.split("@")[1])):
        own = tally.starters[(label, True, True)] + tally.starters[(label, True, False)]
        own_edit = tally.starters[(label, True, True)]
        codes = ", ".join(f"{c} {k}" for (s, c), k in sorted(tally.codes.items()) if s == label)
        yield (
            f"  {label} | {tally.reruns[label]} | {tally.editing[label]} | "
            f"{1000 * tally.cpu[label] / n:.3f} | {own} ({own_edit}) | {codes or '-'}"
        )
        after = Counter({c: k for (s, c), k in tally.after.items() if s == label})
        if after:
            yield "    first-pass codes since its run: " + ", ".join(
                f"{c} {k}" for c, k in after.most_common(8)
            )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", default=",".join(CORPORA))
    ap.add_argument("--n", type=int, default=200, help="generated articles")
    ap.add_argument("--wcxb", type=int, default=120, help="WCXB held pages")
    ap.add_argument("--unsafe", action="store_true", help="unsafe fixes on")
    ap.add_argument("--shared", type=Path, default=SHARED)
    args = ap.parse_args()
    for corpus in args.corpora.split(","):
        n = args.wcxb if corpus == "wcxb" else args.n
        articles = texts(corpus, n, args.shared)
        tally, total = measure(corpus, articles, args.unsafe)
        for line in report(corpus, len(articles), tally, total):
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
