"""Precision check of the rule stage on human and machine translations (WMT22 uk-en).

    .venv/bin/python bench/rules_precision.py [FOLDER] [--lines N]

Runs the rule stage alone over the human reference (``ref.*.en.txt``) and every system output
(``hyp.*.en.txt``), in pseudo-articles of N consecutive lines (default 30, so context guards
see an article's worth of text). Any EDIT on the reference is a false positive; the edits on
system outputs are listed for judging by eye. Reads /work/shared by default; never a test."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from cleaner.config import Config
from cleaner.document import Document
from cleaner.stages.rules import RuleFixes

DEFAULT = Path("/work/shared/bench/mt/wmt22-uk-en")


def run(path: Path, stage: RuleFixes, n: int) -> tuple[Counter[tuple[str, str, str]], Counter[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    edits: Counter[tuple[str, str, str]] = Counter()
    findings: Counter[str] = Counter()
    for i in range(0, len(lines), n):
        doc = Document("\n".join(lines[i : i + n]))
        stage.run(doc)
        result = doc.result()
        edits.update((e.rule, e.old, e.new) for e in result.edits)
        findings.update(f.rule for f in result.findings)
    return edits, findings


def main() -> None:
    args = sys.argv[1:]
    n = 30
    if "--lines" in args:
        i = args.index("--lines")
        n = int(args[i + 1])
        del args[i : i + 2]
    folder = Path(args[0]) if args else DEFAULT
    stage = RuleFixes(Config())
    for path in sorted(folder.glob("ref.*.en.txt")) + sorted(folder.glob("hyp.*.en.txt")):
        edits, findings = run(path, stage, n)
        kind = "reference: every edit is a FALSE POSITIVE" if path.name.startswith("ref") else ""
        print(
            f"== {path.name}: {sum(edits.values())} edits, {sum(findings.values())} findings {kind}"
        )
        for (rule, old, new), count in sorted(edits.items()):
            print(f"   {count:3d} {rule} {old!r} -> {new!r}")
        print("   findings by rule:", dict(sorted(findings.items())))


if __name__ == "__main__":
    main()
