"""``check`` == ``fix --diff`` == ``clean`` on the shared corpora, and every rule code seen there
is one ``cleaner rules list`` shows.

The test suite checks the same on the seeds, the human-written fixtures and random texts
(tests/test_commands_agree.py, tests/test_registry.py); tests never read ../shared, so the
shared corpora get this script. Per corpus it copies the files to a scratch folder and runs the
real CLI once per command:

* ``cleaner clean DIR -o OUT --sidecar``: the cleaned text and every edit and finding;
* ``cleaner fix --diff DIR``, applied with ``patch`` to a second copy: must give ``OUT``;
* ``cleaner check DIR --format json --fail-level info``: its edit locations and findings must
  be exactly the sidecars' (rule, start, end), file by file;

then compares the rule codes in the sidecars with ``cleaner rules list``.

    .venv/bin/python bench/commands_agree.py [--corpus DIR ...] [--unsafe-fixes] [--grammar none]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from cleaner.lint.formats import decided_spans

SHARED = Path("/work/shared/bench")
CORPORA = [SHARED / "human" / "wikinews-en"]
CLEANER = Path(sys.executable).with_name("cleaner")


def cleaner(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CLEANER), *args], capture_output=True, text=True, cwd=cwd, check=False
    )


def spans(items: list[dict]) -> Counter[tuple[str, int, int]]:
    return Counter((i["rule"], i["start"], i["end"]) for i in items)


def compare(corpus: Path, work: Path, options: list[str]) -> tuple[dict[str, int], set[str]]:
    """Run the three commands on a copy of ``corpus``; count disagreements per kind."""
    src, patched, out = work / "src", work / "patched", work / "out"
    for folder in (src, patched, out):
        shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(corpus, src)
    shutil.copytree(corpus, patched)
    files = sorted(p.relative_to(src) for p in src.rglob("*.txt"))
    done = cleaner("clean", str(src), "-o", str(out), "--sidecar", "--no-cache", "-q", *options)
    if done.returncode != 0:
        sys.exit(f"cleaner clean failed: {done.stderr}")
    diff = cleaner("fix", "--diff", "-q", *options, ".", cwd=src)
    if diff.returncode not in (0, 1):
        sys.exit(f"cleaner fix --diff failed: {diff.stderr}")
    applied = subprocess.run(
        ["patch", "-s", "-p1", "-d", str(patched)], input=diff.stdout, text=True, check=False
    )
    if applied.returncode != 0:
        sys.exit("patch could not apply cleaner fix --diff")
    check = cleaner("check", str(src), "--format", "json", "--fail-level", "info", *options)
    report = json.loads(check.stdout)
    by_file: dict[str, list[dict]] = {}
    for v in report["violations"]:
        by_file.setdefault(str(Path(v["path"]).relative_to(src)), []).append(v)
    problems = Counter[str]()
    seen: set[str] = set()
    for rel in files:
        cleaned = (out / rel).read_bytes()
        if (patched / rel).read_bytes() != cleaned:
            problems["fix --diff != clean"] += 1
        sidecar = json.loads((out / rel).with_suffix(".json").read_text("utf-8"))
        seen |= {e["rule"] for e in sidecar["edits"]} | {f["rule"] for f in sidecar["findings"]}
        decided = decided_spans(by_file.get(str(rel), []))
        if Counter(decided["edits"]) != spans(sidecar["edits"]):
            problems["check edits != clean edits"] += 1
        if Counter(decided["findings"]) != spans(sidecar["findings"]):
            problems["check findings != clean findings"] += 1
    problems["files"] = len(files)
    problems["changed"] = sum((out / rel).read_bytes() != (src / rel).read_bytes() for rel in files)
    return dict(problems), seen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, action="append", help="folder of .txt files")
    parser.add_argument("--unsafe-fixes", action="store_true")
    parser.add_argument("--grammar", default=None, choices=["harper", "languagetool", "none"])
    args = parser.parse_args()
    options = ["--unsafe-fixes"] if args.unsafe_fixes else []
    options += ["--grammar", args.grammar] if args.grammar else []
    listed = {line.split("\t")[0] for line in cleaner("rules", "list").stdout.splitlines()}
    failed = False
    with tempfile.TemporaryDirectory(prefix="agree-") as tmp:
        for corpus in args.corpus or CORPORA:
            counts, seen = compare(corpus, Path(tmp), options)
            unlisted = sorted(seen - listed)
            disagree = {k: v for k, v in counts.items() if k not in ("files", "changed")}
            print(
                f"{corpus}: {counts['files']} files, {counts['changed']} changed by clean; "
                f"disagreements: {disagree or 'none'}; {len(seen)} rule codes seen, "
                f"not in `cleaner rules list`: {unlisted or 'none'}"
            )
            failed |= bool(disagree or unlisted)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
