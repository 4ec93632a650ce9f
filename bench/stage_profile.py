"""Stage-by-stage time of ``clean_text`` over the generated corpus (bench/corpus.py) or a folder.

Why a separate script from throughput.py: that one times whole commands against a baseline;
this one says *where* the pipeline's time goes, stage by stage, summed over every round of
the convergence check, so a redesign of the shared machinery (the text view, the decide
step) can be compared with the code before it on the same articles in the same minutes.

Each stage instance's ``run`` is wrapped with a CPU-time and wall-time counter; building the
result (``Document.result``) and whatever else ``Pipeline.run`` does is "other". CPU time is
the steadier figure on a shared machine; the load average is printed with the table.

    .venv/bin/python bench/stage_profile.py [--n 2000] [--corpus generated|FOLDER]
        [--grammar none|harper] [--json OUT]

To compare with another checkout of the code, run the same script with ``PYTHONPATH`` set to
that checkout (its ``cleaner`` package is imported first), e.g. an export of main.

``--corpus FOLDER`` profiles a folder's ``*.txt`` files (the shared Wikinews articles, WCXB
pages): clean human text and web pages put the time elsewhere than the generated corpus.
``--warm`` cleans every article once before the clock starts, as ``bench/paired_cpu.py``
does: per-word memos (names, frequency look-ups) are then filled as in a long-running
process, and the first pass's one-time costs are not counted as the stages'.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import article, seed_texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="articles")
    parser.add_argument(
        "--corpus", default="generated", help="'generated' or a folder of *.txt (name order)"
    )
    parser.add_argument("--grammar", default="none", choices=["none", "harper"])
    parser.add_argument(
        "--warm",
        action="store_true",
        help="clean every article once before timing (as bench/paired_cpu.py does)",
    )
    parser.add_argument("--json", type=Path, default=None, help="write the numbers here")
    args = parser.parse_args()

    import cleaner
    from cleaner.config import Config
    from cleaner.pipeline import Pipeline

    if args.corpus == "generated":
        seeds = seed_texts()
        texts = [article(i, seeds) for i in range(args.n)]
    else:
        files = sorted(Path(args.corpus).glob("*.txt"))[: args.n]
        texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
        args.n = len(texts)
    load_start = os.getloadavg()
    build = time.process_time()
    pipeline = Pipeline(Config(grammar=args.grammar))
    cpu: dict[str, float] = defaultdict(float)
    wall: dict[str, float] = defaultdict(float)
    calls: dict[str, int] = defaultdict(int)
    # The convergence check's share: calls on a document other than the article's first
    # (the check round's document shares the article's memo).
    check_cpu: dict[str, float] = defaultdict(float)
    check_calls: dict[str, int] = defaultdict(int)
    rechecked: set[int] = set()
    firsts: dict[int, int] = {}
    article_no = [0]
    order: list[str] = []
    for stage in pipeline.stages:
        name = type(stage).__name__
        if name not in order:
            order.append(name)
        original = stage.run

        def timed(doc, _run=original, _name=name):  # type: ignore[no-untyped-def]
            check = firsts.setdefault(id(getattr(doc, "memo", doc)), id(doc)) != id(doc)
            c, w = time.process_time(), time.perf_counter()
            try:
                return _run(doc)
            finally:
                spent = time.process_time() - c
                cpu[_name] += spent
                wall[_name] += time.perf_counter() - w
                calls[_name] += 1
                if check:
                    check_cpu[_name] += spent
                    check_calls[_name] += 1
                    rechecked.add(article_no[0])

        stage.run = timed  # type: ignore[method-assign]
    # Warm-up: lazy loads (word lists, gazetteer index, language model) are not per-article
    # work; one article pays them before the clock starts.
    for text in texts if args.warm else texts[:1]:
        pipeline.run(text)
    cpu.clear(), wall.clear(), calls.clear(), check_cpu.clear(), check_calls.clear()
    rechecked.clear()
    build = time.process_time() - build
    c0, w0 = time.process_time(), time.perf_counter()
    for text in texts:
        firsts.clear()
        article_no[0] += 1
        pipeline.run(text)
    total_cpu, total_wall = time.process_time() - c0, time.perf_counter() - w0
    load_end = os.getloadavg()
    rows = [
        {
            "stage": name,
            "calls": calls[name],
            "cpu_s": round(cpu[name], 3),
            "ms_per_article": round(1000 * cpu[name] / args.n, 3),
            "wall_s": round(wall[name], 3),
            "check_calls": check_calls[name],
            "check_ms_per_article": round(1000 * check_cpu[name] / args.n, 3),
        }
        for name in order
    ]
    staged = sum(cpu.values())
    rows.append(
        {
            "stage": "other (result, convergence check)",
            "calls": args.n,
            "cpu_s": round(total_cpu - staged, 3),
            "ms_per_article": round(1000 * (total_cpu - staged) / args.n, 3),
            "wall_s": round(total_wall - sum(wall.values()), 3),
        }
    )
    data = {
        "code": str(Path(cleaner.__file__).resolve().parent),
        "articles": args.n,
        "mbytes": round(sum(len(t.encode()) for t in texts) / 1e6, 2),
        "grammar": args.grammar,
        "setup_cpu_s": round(build, 2),
        "total_cpu_s": round(total_cpu, 2),
        "total_wall_s": round(total_wall, 2),
        "articles_per_cpu_s": round(args.n / total_cpu, 1),
        "load_start": [round(x, 2) for x in load_start],
        "load_end": [round(x, 2) for x in load_end],
        "stages": rows,
        "articles_rechecked": len(rechecked),
        "check_ms_per_article": round(1000 * sum(check_cpu.values()) / args.n, 3),
    }
    print(
        f"{data['articles']} articles ({data['mbytes']} MB), grammar {args.grammar}, "
        f"code {data['code']}"
    )
    print(f"load average start {load_start[0]:.2f}, end {load_end[0]:.2f}")
    print(
        f"{'stage':36} {'calls':>6} {'CPU s':>8} {'ms/art':>8} {'wall s':>8} "
        f"{'check calls':>11} {'check ms/art':>12}"
    )
    for r in rows:
        print(
            f"{r['stage']:36} {r['calls']:6d} {r['cpu_s']:8.3f} {r['ms_per_article']:8.3f} "
            f"{r['wall_s']:8.3f} {r.get('check_calls', ''):>11} "
            f"{r.get('check_ms_per_article', ''):>12}"
        )
    print(
        f"{'total':36} {'':6} {total_cpu:8.3f} {1000 * total_cpu / args.n:8.3f} "
        f"{total_wall:8.3f}  ({data['articles_per_cpu_s']} articles per CPU-second)"
    )
    print(
        f"convergence check: {data['articles_rechecked']} of {args.n} articles re-checked, "
        f"{data['check_ms_per_article']:.3f} ms per article in stages re-run there"
    )
    if args.json:
        args.json.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
