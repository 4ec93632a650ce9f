"""Do-no-harm benchmark: what the default pipeline changes in text that needs no change.

    .venv/bin/python bench/harm_bench.py [--set wikinews|wmt|both] [--jobs N] [--grammar none]
        [--json PATH] [--strict] [--limit N]

Two human-edited sets (../shared/bench, never a test dependency):

* ``human/wikinews-en``: 291 English Wikinews articles, each read from disk as the CLI reads
  it (``read_file``) and cleaned whole;
* ``mt/wmt22-uk-en/ref.A.en.txt``: the human reference translation, one segment per line,
  each line cleaned on its own (as ``mt_bench.py`` and a translation pipeline do).

Nothing in them is damage, so every change is either normalisation (whitespace, line layout,
quotes, dashes, invisible characters, Unicode composition) or harm to study. To tell the two
apart without trusting any stage's own account, the original and the output are compared as
word tokens after the normalisation ``score_mt.py`` uses (NFKC; quotes, dashes unified;
zero-width characters, soft hyphens and BOM dropped; whitespace ignored). Each differing
block is a *word-level edit* and is blamed on the edits whose spans (in the original) touch
it. Blocks that only touch punctuation are listed separately (``punct``).

Printed: edits by rule, split into normalisation-only and word-level; then every word-level
and punctuation change with file, rule, old -> new and context. ``bench/harm_accepted.tsv``
lists the word-level changes reviewed as right, each with the reason; the rest are marked
``UNREVIEWED``. ``--strict`` exits 1 when any unreviewed change remains, so other work can
use this as a harm check.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
SHARED = Path("/work/shared/bench")
ACCEPTED = BENCH / "harm_accepted.tsv"

# The scorer's normalisation (shared/bench/score_mt.py), per character so positions survive.
_QUOTES = {c: "'" for c in "\u2018\u2019\u201a\u201b\u2032\u0060\u00b4\u02bc"}
_QUOTES.update({c: '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"})
_DASHES = {c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"}
_INVISIBLE = {c: "" for c in "\u200b\u200c\u200d\u2060\ufeff\u00ad"}
_TRANS = str.maketrans({**_QUOTES, **_DASHES, **_INVISIBLE})
# A word: letters/digits (with combining marks and invisibles inside, which normalisation
# drops or composes), joined by apostrophes or hyphens of any style. Anything else that is
# not space is one punctuation token.
_JOIN = "'\u2018\u2019\u02bc\\-\u2010\u2011\u2012\u2013\u2014"
_INNER = r"[\w\u0300-\u036f\u00ad\u200b-\u200d\u2060\ufeff]"
_TOKEN = re.compile(rf"{_INNER}+(?:[{_JOIN}]{_INNER}+)*|[^\s\u200b-\u200d\u2060\ufeff\u00ad]")


def _norm(token: str) -> str:
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFC", token).translate(_TRANS))


def tokens(text: str) -> list[tuple[str, int, int]]:
    """(normalised token, start, end) for each token of ``text``; empty ones dropped."""
    out = []
    for m in _TOKEN.finditer(text):
        norm = _norm(m.group())
        # NFKC can split one character into several (an ellipsis, a ligature): compare the
        # pieces as the scorer would.
        for piece in _TOKEN.findall(norm) if norm else ():
            out.append((piece, m.start(), m.end()))
    return out


def _is_word(token: str) -> bool:
    return any(ch.isalnum() for ch in token)


@dataclass
class Change:
    """One block where the output's words differ from the original's."""

    set: str
    file: str
    kind: str  # "word" or "punct"
    rules: str
    old: str
    new: str
    context: str
    reviewed: str = ""

    def key(self) -> tuple[str, str, str, str, str]:
        return (self.set, self.file, self.rules, self.old, self.new)


@dataclass
class DocReport:
    set: str
    file: str
    edits: Counter[str] = field(default_factory=Counter)
    word_edits: Counter[str] = field(default_factory=Counter)
    changes: list[Change] = field(default_factory=list)
    error: str = ""


def compare(set_name: str, name: str, original: str, result) -> DocReport:  # type: ignore[no-untyped-def]
    """Token diff of original -> output, each block blamed on the edits that touch it."""
    report = DocReport(set_name, name)
    report.edits.update(e.rule for e in result.edits)
    a, b = tokens(original), tokens(result.text)
    matcher = difflib.SequenceMatcher(None, [t for t, _, _ in a], [t for t, _, _ in b], False)
    blamed: set[int] = set()
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        start = a[i1][1] if i1 < i2 else (a[i1 - 1][2] if i1 else 0)
        end = a[i2 - 1][2] if i1 < i2 else (a[i1][1] if i1 < len(a) else len(original))
        hits = [k for k, e in enumerate(result.edits) if _touches(e, start, end)]
        blamed.update(hits)
        rules = ",".join(sorted({result.edits[k].rule for k in hits})) or "?"
        removed, inserted = [t for t, _, _ in a[i1:i2]], [t for t, _, _ in b[j1:j2]]
        kind = "word" if any(map(_is_word, removed + inserted)) else "punct"
        before = original[max(0, start - 40) : start]
        after = original[end : end + 40]
        context = f"{before}[{original[start:end]}]{after}".replace("\n", " / ")
        report.changes.append(
            Change(set_name, name, kind, rules, " ".join(removed), " ".join(inserted), context)
        )
    for k in blamed:
        report.word_edits[result.edits[k].rule] += 1
    return report


def _touches(edit, start: int, end: int) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``edit`` can have made the block ``start:end`` differ. A layout-only edit
    (whitespace in, whitespace out) changes words only by joining or splitting them, which
    happens strictly inside the block; at its edge it is the layout around a removal."""
    if edit.start > end or edit.end < start:
        return False
    if not (edit.old.strip() or edit.new.strip()):
        return start < edit.start and edit.end < end
    return edit.start < end or edit.end > start or start == end


def _clean_wikinews(args: tuple[str, str]) -> DocReport:
    path, grammar = Path(args[0]), args[1]
    from cleaner import Config, clean_text
    from cleaner.errors import InputError
    from cleaner.reader import read_file

    config = Config(grammar=grammar)  # type: ignore[arg-type]
    try:
        decoded = read_file(path, config.max_file_bytes)
    except InputError as exc:
        return DocReport("wikinews", path.name, error=str(exc))
    return compare("wikinews", path.name, decoded.text, clean_text(decoded.text, config))


def _clean_lines(args: tuple[str, int, list[str], str]) -> list[DocReport]:
    name, first, lines, grammar = args
    from cleaner import Config, clean_text

    config = Config(grammar=grammar)  # type: ignore[arg-type]
    return [
        compare("wmt-ref", f"{name}:{first + i}", line, clean_text(line, config))
        for i, line in enumerate(lines)
        if line.strip()
    ]


def load_accepted(path: Path) -> dict[tuple[str, ...], str]:
    """Reviewed changes: set, file, rules, old, new, why (tab-separated, ``#`` comments)."""
    if not path.is_file():
        return {}
    accepted = {}
    with path.open(encoding="utf-8") as fh:
        for row in (line.rstrip("\n").split("\t") for line in fh):
            if not row or row[0].startswith("#") or len(row) < 6:
                continue
            accepted[tuple(row[:5])] = row[5]
    return accepted


def run(sets: list[str], jobs: int, grammar: str, limit: int | None) -> list[DocReport]:
    reports: list[DocReport] = []
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        if "wikinews" in sets:
            folder = SHARED / "human" / "wikinews-en"
            files = sorted(folder.glob("[0-9]*.txt"))[:limit]
            reports += pool.map(_clean_wikinews, [(str(f), grammar) for f in files], chunksize=4)
        if "wmt" in sets:
            ref = SHARED / "mt" / "wmt22-uk-en" / "ref.A.en.txt"
            lines = ref.read_text(encoding="utf-8").split("\n")[:limit]
            step = 100
            chunks = [
                (ref.name, i + 1, lines[i : i + step], grammar) for i in range(0, len(lines), step)
            ]
            for part in pool.map(_clean_lines, chunks):
                reports += part
    return reports


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", choices=["wikinews", "wmt", "both"], default="both")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--grammar", default="harper", help="grammar backend (default: harper)")
    ap.add_argument("--limit", type=int, help="only the first N files / lines (smoke run)")
    ap.add_argument("--json", type=Path, help="write every change and count here")
    ap.add_argument("--accepted", type=Path, default=ACCEPTED)
    ap.add_argument("--strict", action="store_true", help="exit 1 on unreviewed changes")
    args = ap.parse_args()
    if not SHARED.is_dir():
        print(f"error: no benchmark data at {SHARED}", file=sys.stderr)
        return 2
    sets = ["wikinews", "wmt"] if args.set == "both" else [args.set]
    started = time.perf_counter()
    reports = run(sets, args.jobs, args.grammar, args.limit)
    elapsed = time.perf_counter() - started
    accepted = load_accepted(args.accepted)
    unreviewed = 0
    for set_name in ("wikinews", "wmt-ref"):
        mine = [r for r in reports if r.set == set_name]
        if mine:
            unreviewed += _print_set(set_name, mine, accepted)
    print(f"\n{len(reports)} documents in {elapsed:.0f} s; unreviewed changes: {unreviewed}")
    if args.json:
        data = [
            {**asdict(r), "edits": dict(r.edits), "word_edits": dict(r.word_edits)} for r in reports
        ]
        args.json.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    return 1 if args.strict and unreviewed else 0


def _print_set(set_name: str, reports: list[DocReport], accepted: dict) -> int:  # type: ignore[type-arg]
    edits: Counter[str] = Counter()
    word: Counter[str] = Counter()
    for r in reports:
        edits.update(r.edits)
        word.update(r.word_edits)
    changes = [c for r in reports for c in r.changes]
    for c in changes:
        c.reviewed = accepted.get(c.key(), "")
    errors = [r for r in reports if r.error]
    docs_changed = sum(1 for r in reports if any(c.kind == "word" for c in r.changes))
    print(f"\n== {set_name}: {len(reports)} documents, {len(errors)} unreadable")
    for r in errors:
        print(f"  error {r.file}: {r.error}")
    print(f"{'rule':<12}{'edits':>8}{'normalisation':>15}{'word-level':>12}")
    for rule in sorted(edits):
        print(f"{rule:<12}{edits[rule]:>8}{edits[rule] - word[rule]:>15}{word[rule]:>12}")
    n_word = sum(1 for c in changes if c.kind == "word")
    n_punct = len(changes) - n_word
    print(
        f"word-level changes: {n_word} in {docs_changed} documents"
        f" (reviewed right: {sum(1 for c in changes if c.kind == 'word' and c.reviewed)});"
        f" punctuation-only changes: {n_punct}"
    )
    by_rule: dict[str, list[Change]] = defaultdict(list)
    for c in changes:
        by_rule[c.rules].append(c)
    unreviewed = 0
    for rules in sorted(by_rule):
        print(f"-- {rules}")
        for c in by_rule[rules]:
            mark = f"ok: {c.reviewed}" if c.reviewed else "UNREVIEWED"
            unreviewed += not c.reviewed
            print(f"  {c.kind:<5} {c.file}  {c.old!r} -> {c.new!r}  [{mark}]")
            print(f"        {c.context}")
    return unreviewed


if __name__ == "__main__":
    sys.exit(main())
