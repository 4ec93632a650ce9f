"""Fit the headline weights (``rules/metadata/title-weights.txt``) on WCXB-dev's tuning part.

    .venv/bin/python bench/metadata_fit.py [--bench DIR] [--l2 0.01] [--dry-run]

The headline candidates of a text compete in a softmax with "no headline" (see
``cleaner.metadata.title``); this fits the feature weights by maximum likelihood (a
conditional logit, L2-regularised, plain gradient ascent with numpy) on the ``tune`` part of
``bench/wcxb-dev-split.txt``, both the ``full`` and the ``leftovers`` texts. A candidate is
right when the benchmark's scorer would accept it as the gold title. The ``held`` part is
never read. Prints the fitted weights and the top-1 accuracy on the training texts; the
held-aside numbers come from ``bench/metadata_bench.py``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

from cleaner.metadata.lexicon import load_lexicon
from cleaner.metadata.lines import Page
from cleaner.metadata.title import candidates, described
from cleaner.resources import builtin_rules

DEFAULT_BENCH = Path("/work/shared/bench")
SPLIT = Path(__file__).with_name("wcxb-dev-split.txt")
WEIGHTS = builtin_rules() / "metadata" / "title-weights.txt"


def scorer(bench: Path):  # type: ignore[no-untyped-def]
    """The benchmark's own scorer module, for its ``same_title``."""
    spec = importlib.util.spec_from_file_location("score_metadata", bench / "score_metadata.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tune_ids() -> list[str]:
    rows = [line.split() for line in SPLIT.read_text(encoding="utf-8").splitlines()]
    return [r[0] for r in rows if r and not r[0].startswith("#") and r[1] == "tune"]


def examples(bench: Path) -> list[tuple[list[dict[str, float]], list[bool]]]:
    """Per text: each candidate's features and whether it is the gold title."""
    same_title = scorer(bench).same_title
    gold = {}
    for line in (bench / "boilerplate" / "wcxb-dev-metadata.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        gold[record["id"]] = record
    lex = load_lexicon((builtin_rules(),))
    data = []
    for doc_id in tune_ids():
        for variant in ("full", "leftovers"):
            path = bench / "boilerplate" / "wcxb-dev" / f"{doc_id}.{variant}.txt"
            page = Page.of(path.read_text(encoding="utf-8"), lex)
            lines = candidates(page)
            rows = described(page, lines)
            title = gold[doc_id]["title"]
            right = [bool(title) and same_title(line.text, title) for line in lines]
            data.append((rows, right))
    return data


def fit(data, l2: float, steps: int = 3000, rate: float = 0.5, start=None, free=None):  # type: ignore[no-untyped-def]
    """Maximum-likelihood weights; with ``start`` and ``free``, only the ``free`` weights move
    and the others keep their ``start`` values (adding a feature without refitting the rest)."""
    import numpy as np

    names = sorted({name for rows, _ in data for row in rows for name in row})
    index = {name: k for k, name in enumerate(names)}
    width = len(names) + 1  # the last weight is "none"'s score
    docs = []
    for rows, right in data:
        x = np.zeros((len(rows) + 1, width))
        for r, row in enumerate(rows):
            for name, value in row.items():
                x[r, index[name]] = value
        x[len(rows), -1] = 1.0  # "no headline"
        y = np.array([*right, not any(right)], dtype=float)
        docs.append((x, y))
    w = np.zeros(width)
    mask = np.ones(width)
    if start is not None:
        for name, k in index.items():
            w[k] = start.get(name, 0.0)
        w[-1] = start.get("none", 0.0)
    if free is not None:
        mask = np.array([float(name in free) for name in names] + [float("none" in free)])
    for _ in range(steps):
        grad = -2 * l2 * w
        for x, y in docs:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            q = p * y
            q /= q.sum()
            grad += x.T @ (q - p)
        w += rate * mask * grad / len(docs)
    weights = {name: float(w[k]) for name, k in index.items()}
    weights["none"] = float(w[-1])
    top1 = sum(bool(y[int(np.argmax(x @ w))]) for x, y in docs)
    return weights, top1, len(docs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--l2", type=float, default=0.01)
    ap.add_argument("--steps", type=int, default=3000)
    ap.add_argument("--dry-run", action="store_true", help="print, do not write the weights")
    ap.add_argument(
        "--only",
        nargs="+",
        metavar="FEATURE",
        help="fit only these weights (a new feature), keeping the others as the file has them",
    )
    args = ap.parse_args()
    data = examples(args.bench)
    start = None
    if args.only:
        start = {}
        for line in WEIGHTS.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                name, value = line.split()
                start[name] = float(value)
    weights, top1, total = fit(data, args.l2, args.steps, start=start, free=args.only)
    share = top1 / total
    print(f"{total} texts (tune part, full + leftovers): top choice right on {top1} ({share:.3f})")
    lines = [f"{name} {value:.3f}" for name, value in sorted(weights.items())]
    print("\n".join(lines))
    if not args.dry_run:
        head = (
            "# Headline feature weights (cleaner.metadata.title), fitted by\n"
            "# bench/metadata_fit.py on the tune part of WCXB-dev (full + leftovers,\n"
            f"# L2 {args.l2}); 'none' is the score of \"no headline here\". Refit, do not\n"
            "# hand-edit.\n"
        )
        WEIGHTS.write_text(head + "\n".join(lines) + "\n", encoding="utf-8")
        print(f"-> {WEIGHTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
