"""Digest of every ``clean_text`` result on fixed inputs, to show a speed-up changed nothing.

Why: a shortcut (a memo, a skipped re-check, a reordered test) must leave every edit, finding
and metadata value as it was. ``tests/test_fixtures_seeds.py`` holds the seeds to their
expected text; this compares the whole result (``CleanResult.to_dict``) on far more text,
including the shared benchmarks a user's clone does not have (so it lives in ``bench/``).

Inputs, in a fixed order: the seeds, every ``fixtures/**/*.txt``, ``--corpus`` generated
articles (bench/corpus.py), and from ``--shared`` the Wikinews articles, the first ``--wcxb``
WCXB pages (of ``--wcxb-part``: all, or the ``held`` or ``tune`` part of
``bench/wcxb-dev-split.txt``, as the speed work confirms on the held part) and the real-MT
cases. Each is cleaned with the default config and, for all but
the WCXB pages, with unsafe fixes on. One line per (config, input): a hash of the result.

    .venv/bin/python bench/outputs_digest.py OUT.tsv                   # this checkout
    PYTHONPATH=/path/to/other/checkout .venv/bin/python bench/outputs_digest.py OTHER.tsv
    .venv/bin/python bench/outputs_digest.py --compare OTHER.tsv OUT.tsv

The second form digests another checkout's code on the same inputs (its ``cleaner`` package
is imported first); ``--compare`` lists the inputs whose results differ and exits 1 if any do.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

REPO = Path(__file__).resolve().parent.parent
SHARED = Path("/work/shared/bench")


def inputs(
    n_corpus: int, shared: Path, wcxb: int, part: str = "all"
) -> Iterator[tuple[str, str, bool]]:
    """(name, text, also with unsafe fixes) in a fixed order."""
    for path in sorted((REPO / "seeds").glob("*.txt")):
        yield f"seeds/{path.name}", path.read_text(encoding="utf-8"), True
    for path in sorted((REPO / "fixtures").rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        yield str(path.relative_to(REPO)), text, True
    seeds = corpus.seed_texts()
    for i in range(n_corpus):
        yield f"corpus/{i}", corpus.article(i, seeds), True
    for path in sorted((shared / "human" / "wikinews-en").glob("*.txt")):
        yield f"wikinews/{path.name}", path.read_text(encoding="utf-8"), True
    pages = sorted((shared / "boilerplate" / "wcxb-dev").glob("*.full.txt"))
    if part != "all":
        split = Path(__file__).with_name("wcxb-dev-split.txt").read_text(encoding="utf-8")
        ids = {r.split()[0] for r in split.splitlines() if r[:1].isdigit() and r.split()[1] == part}
        pages = [p for p in pages if p.name.split(".")[0] in ids]
    for path in pages[:wcxb]:
        yield f"wcxb/{path.name}", path.read_text(encoding="utf-8"), False
    cases = shared / "mt" / "real-mt-dev" / "cases.yaml"
    if cases.exists():
        import yaml

        data = yaml.safe_load(cases.read_text(encoding="utf-8"))
        items = data if isinstance(data, list) else (data or {}).get("cases", [])
        for i, case in enumerate(items):
            for key, value in case.items() if isinstance(case, dict) else []:
                if isinstance(value, str) and len(value) > 20:
                    yield f"real-mt/{i}/{key}", value, True


def digest(out: Path, n_corpus: int, shared: Path, wcxb: int, part: str = "all") -> int:
    import cleaner
    from cleaner import Config, clean_text

    configs = {"default": Config(), "unsafe": Config(unsafe_fixes=True)}
    count = 0
    with out.open("w", encoding="utf-8") as sink:
        for name, text, unsafe_too in inputs(n_corpus, shared, wcxb, part):
            for label, config in configs.items():
                if label == "unsafe" and not unsafe_too:
                    continue
                result = json.dumps(clean_text(text, config).to_dict(), sort_keys=True, default=str)
                sink.write(f"{label}\t{name}\t{hashlib.sha1(result.encode()).hexdigest()}\n")
                count += 1
    print(f"{count} results from {Path(cleaner.__file__).parent} -> {out}")
    return 0


def compare(a: Path, b: Path) -> int:
    def load(path: Path) -> dict[tuple[str, str], str]:
        rows = (line.rstrip("\n").split("\t") for line in path.open(encoding="utf-8"))
        return {(label, name): h for label, name, h in rows}

    left, right = load(a), load(b)
    differ = sorted(k for k in left.keys() & right.keys() if left[k] != right[k])
    missing = sorted(left.keys() ^ right.keys())
    for label, name in differ:
        print(f"differs: {label} {name}")
    print(
        f"{len(left.keys() & right.keys())} results compared, {len(differ)} differ"
        + (f", {len(missing)} in one file only" if missing else "")
    )
    return 1 if differ or missing else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, help="digest file to write")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("A", "B"))
    parser.add_argument("--corpus", type=int, default=400, help="generated articles")
    parser.add_argument("--wcxb", type=int, default=120, help="WCXB pages")
    parser.add_argument(
        "--wcxb-part", default="all", choices=["all", "held", "tune"], help="which WCXB pages"
    )
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared benchmarks")
    args = parser.parse_args()
    if args.compare:
        return compare(*args.compare)
    if args.out is None:
        parser.error("give a digest file to write, or --compare A B")
    return digest(args.out, args.corpus, args.shared, args.wcxb, args.wcxb_part)


if __name__ == "__main__":
    sys.exit(main())
