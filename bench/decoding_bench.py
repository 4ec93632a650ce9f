"""Decoding benchmark: legacy-encoded news must decode back exactly, or say it is unsure.

    .venv/bin/python bench/decoding_bench.py [--set wikinews|wcxb|both] [--limit N] [-v]

Each article of a set is written as bytes in each legacy encoding (``latin-1``, ``cp1252``,
``cp1250``; ``--encodings`` for others) and read back with ``cleaner.reader.decode_bytes``,
as ``cleaner clean``/``fix`` read a file. Two variants per encoding: *exact* (the articles
the encoding can hold) and *replaced* (every article, characters it cannot hold written as
``?``, so legacy files with an odd character count too). Each read is one of

    right      the text comes back exactly and the decoding is not called a guess
    flagged    the decoding is called a guess (right or wrong: ``fix`` will not rewrite it)
    refused    the reader refused the file with a one-line error
    SILENT     wrong text, not called a guess: the failure this benchmark exists to count

Files that are pure ASCII in an encoding are UTF-8 as well and are counted apart.
``wikinews`` (../shared/bench/human/wikinews-en) is the development set the plausibility
measure was built on; ``wcxb`` (the 695 WCXB-dev ``leftovers`` texts: web articles from
other sites, written by other people) is held aside to see whether it generalises.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

SHARED = Path("/work/shared/bench")
WMT = SHARED / "mt" / "wmt22-uk-en"
# set -> (folder, glob, encodings written): Western code pages for English news, Cyrillic
# ones for the Ukrainian WMT22 source (documents rebuilt from its manifest).
SETS = {
    "wikinews": (SHARED / "human" / "wikinews-en", "[0-9]*.txt", ("latin-1", "cp1252", "cp1250")),
    "wcxb": (
        SHARED / "boilerplate" / "wcxb-dev",
        "*.leftovers.txt",
        ("latin-1", "cp1252", "cp1250"),
    ),
    "wmt-uk": (WMT / "source", "src.uk.txt", ("cp1251", "koi8-u", "iso8859-5", "cp866")),
}
OUTCOMES = ("right", "flagged", "refused", "SILENT", "silent*", "utf8", "ascii")


def documents(name: str, limit: int | None) -> list[tuple[str, str]]:
    """(name, text) of each article of a set."""
    folder, pattern, _ = SETS[name]
    if name != "wmt-uk":
        files = sorted(folder.glob(pattern))[:limit]
        return [(f.name, f.read_text(encoding="utf-8")) for f in files]
    import json

    lines = (folder / pattern).read_text(encoding="utf-8").split("\n")
    docs: dict[str, list[str]] = {}
    for record in json.loads((WMT / "manifest.json").read_text(encoding="utf-8"))["lines"]:
        docs.setdefault(record["doc"], []).append(lines[record["line"] - 1])
    return [(doc, "\n".join(text) + "\n") for doc, text in list(docs.items())[:limit]]


def _read_back(args: tuple[str, str, tuple[str, ...]]) -> list[tuple[str, str, str, str, str]]:
    """(encoding, variant, outcome, decoded as, detail) for one article."""
    path, text, encodings = args
    from ftfy import badness

    from cleaner.errors import InputError
    from cleaner.reader import decode_bytes

    rows = []
    for encoding in encodings:
        for variant in ("exact", "replaced"):
            try:
                data = text.encode(encoding)
            except UnicodeEncodeError:
                if variant == "exact":
                    continue
                data = text.encode(encoding, errors="replace")
            else:
                if variant == "replaced":
                    continue  # the same bytes as "exact"; counted once
            expected = data.decode(encoding)
            if data.isascii():
                rows.append((encoding, variant, "ascii", "", ""))
                continue
            try:
                decoded = decode_bytes(data, path)
            except InputError as exc:
                rows.append((encoding, variant, "refused", "", str(exc)))
                continue
            guessed = getattr(decoded, "guessed", False)
            if decoded.encoding.startswith("utf-8"):
                outcome = "utf8"  # the bytes are valid UTF-8: read as such, by design
            elif guessed:
                outcome = "flagged"
            elif decoded.text == expected:
                outcome = "right"
            else:
                # The article itself holds mojibake ("weâve"): every reading is damaged.
                outcome = "silent*" if badness.is_bad(text) else "SILENT"
            detail = ""
            if decoded.text != expected:
                detail = _first_difference(expected, decoded.text)
            rows.append((encoding, variant, outcome, decoded.encoding, detail))
    return rows


def _first_difference(expected: str, got: str) -> str:
    i = next((k for k, (a, b) in enumerate(zip(expected, got, strict=False)) if a != b), 0)
    return f"{expected[max(0, i - 25) : i + 25]!r} read as {got[max(0, i - 25) : i + 25]!r}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", choices=[*SETS, "all"], default="all")
    ap.add_argument("--encodings", help="comma-separated; default: the set's own")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("-v", "--verbose", action="store_true", help="list flagged reads too")
    args = ap.parse_args()
    names = list(SETS) if args.set == "all" else [args.set]
    silent_total = 0
    for name in names:
        encodings = SETS[name][2]
        if args.encodings:
            encodings = tuple(e for e in args.encodings.split(",") if e)
        docs = documents(name, args.limit)
        if not docs:
            print(f"error: no articles in {SETS[name][0]}", file=sys.stderr)
            return 2
        started = time.perf_counter()
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            jobs = [(doc, text, encodings) for doc, text in docs]
            results = list(pool.map(_read_back, jobs, chunksize=8))
        elapsed = time.perf_counter() - started
        counts: Counter[tuple[str, str, str]] = Counter()
        chosen: Counter[tuple[str, str]] = Counter()
        print(f"\n== {name}: {len(docs)} articles, {elapsed:.0f} s")
        for (doc, _), rows in zip(docs, results, strict=True):
            for encoding, variant, outcome, got, detail in rows:
                counts[(encoding, variant, outcome)] += 1
                if got:
                    chosen[(encoding, got)] += 1
                listed = ("SILENT", "silent*") + (("flagged", "refused") if args.verbose else ())
                if outcome in listed:
                    print(f"  {outcome} {doc} {encoding}/{variant} -> {got}: {detail}")
        print(f"{'encoding':<11}{'variant':<10}" + "".join(f"{o:>9}" for o in OUTCOMES))
        for encoding in encodings:
            for variant in ("exact", "replaced"):
                row = [counts[(encoding, variant, o)] for o in OUTCOMES]
                if any(row):
                    print(f"{encoding:<11}{variant:<10}" + "".join(f"{n:>9}" for n in row))
        silent = sum(n for (_, _, o), n in counts.items() if o == "SILENT")
        starred = sum(n for (_, _, o), n in counts.items() if o == "silent*")
        silent_total += silent
        print("decoded as:", ", ".join(f"{e}->{g} {n}" for (e, g), n in sorted(chosen.items())))
        print(f"silent misdecodings: {silent} (and {starred} of articles holding mojibake)")
    return 1 if silent_total else 0


if __name__ == "__main__":
    sys.exit(main())
