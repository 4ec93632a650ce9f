"""Time per MB of ``clean_text`` from 10 KB to 10 MB: is cleaning linear in input size?

Issue 16 (bounded time) and issue 17 (linear time) share this skeleton. A 5 MB one-line file
produced nothing in 15 minutes and multi-paragraph text grew about 4x per doubling, so the
size limit did not bound time. Linear time means the CPU seconds per MB stay flat: the
target is every size within 2x of the smallest's, for both shapes:

* ``paragraphs``: news paragraphs (from ``seeds/``, varied so no two are equal) separated
  by blank lines, the usual layout;
* ``one-line``: the same words on a single line (scraped text with its breaks lost).

Each size runs in a child process (so a super-linear case can be capped without waiting
for it: it is reported as above the cap) after warm-up calls (an article head, each seed
article, a paragraph in German), so the pipeline's one-time set-up is not counted: that is
start-up (``bench/startup.py``), and at 10 KB it doubled the s/MB. The set-up is then frozen
out of the garbage collector, as a command does after its first file. A size under 1 MB is
measured as a megabyte of texts of that size (``make_texts``): one 10 KB call is 20-30 ms,
no more than one sample's spread on a shared machine. CPU time, not wall time: the
build machine is shared; the ``gc`` column is the part of it the cyclic collector took.
The baseline in the same run is a linear scan of the same text (every word, one ``regex``
pass), whose time per MB shows how fast this machine is right now.

    .venv/bin/python bench/size_scaling.py                 # 10 KB .. 10 MB, cap 120 s
    .venv/bin/python bench/size_scaling.py --quick         # 10 KB .. 1 MB, cap 30 s
    .venv/bin/python bench/size_scaling.py --sizes 10k,100k,1m --shapes one-line
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = ["10k", "30k", "100k", "300k", "1m", "3m", "10m"]
QUICK = ["10k", "100k", "1m"]
# Below this size a size is measured as several texts (``make_texts``), this many bytes in all.
SMALL_TOTAL = 1_000_000
SHAPES = ["paragraphs", "one-line"]

CHILD = r"""
import gc, json, resource, sys, time
from pathlib import Path
cap = int(sys.argv[3])
resource.setrlimit(resource.RLIMIT_CPU, (cap, cap + 5))  # SIGXCPU past the cap
import regex
from cleaner.config import Config
from cleaner.pipeline import clean_text
texts = json.loads(open(sys.argv[1], encoding="utf-8").read())
config = Config(grammar=sys.argv[2])
# Set-up: an article head with a headline, a byline and a date line, then each seed article,
# so the lazy loads a real batch pays once (the metadata stage's date parser, ~0.3 s; ftfy's
# mojibake test, compiled for the first non-ASCII text; the rule matcher's tables) are not
# charged to the first size. A one-sentence warm-up left them to it: the 10 KB one-line file
# read 28-37 s/MB; with the head alone, still 16-19 s/MB against 7-8 from 300 KB up.
clean_text(
    "Talks in Moscow\n\nBy Anna Smith\n\nPublished: 3 March 2024\n\nMoscow (AP) Chinese "
    "leader Xi Jinping arrived on Monday. He met the Russian president and spoke of trade.\n",
    config,
)
for seed in sorted(Path("seeds").glob("*.txt")):
    clean_text(seed.read_text(encoding="utf-8"), config)
# And a paragraph the language check cannot call English by its common words alone, which
# loads py3langid's model (0.45 s, once a process): the size whose text first opened with
# such a paragraph (a slice of the one-line text at 100 KB) read 0.4 s/MB more without it.
clean_text(
    "Die Regierung hat am Montag in Berlin neue Massnahmen gegen die steigenden Preise fuer "
    "Energie und Lebensmittel beschlossen, teilte ein Sprecher des Ministeriums mit.\n",
    config,
)
# The set-up is never garbage: kept out of every later collection, as a command does after
# its first file (cleaner.startup.end) and the paired benchmarks do after their warm-up.
gc.freeze()
collecting = [0.0, 0.0]  # CPU seconds in the cyclic collector, and when this one started


def timed(phase, info):
    if phase == "start":
        collecting[1] = time.process_time()
    else:
        collecting[0] += time.process_time() - collecting[1]


start = time.process_time()
for text in texts:
    regex.findall(r"\w+", text)
scan = time.process_time() - start
gc.callbacks.append(timed)
edits = 0
start = time.process_time()
for text in texts:
    edits += len(clean_text(text, config).edits)
spent = time.process_time() - start
print(json.dumps({"cpu": spent, "scan": scan, "edits": edits, "gc": collecting[0]}))
"""


def parse_size(text: str) -> int:
    units = {"k": 1000, "m": 1000 * 1000}
    text = text.strip().lower()
    return int(float(text[:-1]) * units[text[-1]]) if text[-1] in units else int(text)


def make_text(size: int, shape: str, first: int = 0) -> str:
    """``size`` bytes of news paragraphs; each repetition numbered, so no paragraph repeats
    (the repeat detectors would otherwise see one huge echo). ``first``: the paragraph to
    start from, counting on through the numbered repetitions (``make_texts``)."""
    return _make(size, shape, first)[0]


def make_texts(size: int, shape: str, total: int = SMALL_TOTAL) -> list[str]:
    """Texts of ``size`` bytes, as many as make ``total`` bytes (at least one), each going on
    where the one before stopped: what one text of ``total`` bytes would hold, cut into
    articles. One 10 KB call is 20-30 ms of CPU, within the spread of one sample on a shared
    machine (a neighbour's burst, a collection): s12's 4.37 s/MB at 10 KB was one such
    sample, against 2.0-2.4 in repeated runs. The mean over a megabyte of calls is what a
    feed of 10 KB articles pays."""
    out: list[str] = []
    first = 0
    for _ in range(max(1, total // size)):
        text, first = _make(size, shape, first)
        out.append(text)
    return out


def _make(size: int, shape: str, first: int) -> tuple[str, int]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    paragraphs = [p.strip() for s in seeds for p in s.split("\n") if len(p.split()) >= 8]
    out: list[str] = []
    total, n = 0, first
    while total < size:
        para = f"{paragraphs[n % len(paragraphs)]} (Part {n // len(paragraphs) + 1}.)"
        out.append(para)
        total += len(para.encode("utf-8")) + 2
        n += 1
    joiner = "\n\n" if shape == "paragraphs" else " "
    return joiner.join(out) + "\n", n


def measure(path: Path, grammar: str, cap: float) -> dict[str, float] | None:
    """CPU seconds of ``clean_text`` on each text of the file (a JSON list), or None when
    the child used more
    than ``cap`` CPU seconds (it is stopped by its CPU limit; a wall-clock backstop of ten
    times the cap catches a child that sleeps)."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(path), grammar, str(int(cap))],
            capture_output=True,
            text=True,
            timeout=cap * 10,
            cwd=ROOT,
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode == -signal.SIGXCPU:
        return None
    if done.returncode != 0:
        raise SystemExit(f"child failed on {path}:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


@dataclass
class Shape:
    """One shape's sizes: CPU s/MB of each size run, and the first size past the cap."""

    name: str
    rows: list[tuple[str, float, dict[str, float]]]  # label, MB, the child's answer
    capped: str | None

    @property
    def per_mb(self) -> list[float]:
        return [got["cpu"] / mb for _, mb, got in self.rows]

    def rates(self) -> str:
        """``10k 7.10, 100k 6.90, ...``: each size's CPU s/MB."""
        return ", ".join(f"{label} {got['cpu'] / mb:.2f}" for label, mb, got in self.rows)

    @property
    def spread(self) -> float:
        """The slowest size's s/MB over the fastest's (target: within 2x)."""
        rates = self.per_mb
        return max(rates) / min(rates) if rates else float("nan")

    def verdict(self, cap: float) -> str:
        if self.capped is not None:
            return f"NOT flat: {self.capped} needs more than {cap:.0f} CPU s"
        flat = "flat (within 2x)" if self.spread <= 2 else "NOT flat"
        return f"slowest s/MB is {self.spread:.1f}x the fastest: {flat}"


def run_shape(
    shape: str, sizes: list[str], grammar: str, cap: float, work: Path, show: bool = True
) -> Shape:
    """Each size of ``shape`` in turn (smallest first), until one passes the cap: larger
    sizes would only take longer, so they are not run."""
    work.mkdir(parents=True, exist_ok=True)
    result = Shape(shape, [], None)
    for label in sizes:
        path = work / f"{shape}-{label}.json"
        texts = make_texts(parse_size(label), shape)
        path.write_text(json.dumps(texts), encoding="utf-8")
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        got = measure(path, grammar, cap)
        if got is None:
            result.capped = label
            if show:
                print(
                    f"{shape:<11} {label:>6} {'>' + format(cap, '.0f'):>8} "
                    f"{'>' + format(cap / mb, '.1f'):>8} {'-':>10} {'-':>7} {'-':>7} "
                    f"{len(texts):>6}",
                    flush=True,
                )
            break
        result.rows.append((label, mb, got))
        if show:
            print(
                f"{shape:<11} {label:>6} {got['cpu']:8.2f} {got['cpu'] / mb:8.2f} "
                f"{got['scan'] / mb:10.3f} {got['gc'] / mb:7.2f} {int(got['edits']):>7} "
                f"{len(texts):>6}",
                flush=True,
            )
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default=",".join(SIZES), help="comma-separated: 10k,1m,...")
    ap.add_argument("--shapes", default=",".join(SHAPES))
    ap.add_argument("--grammar", default="none", choices=["none", "harper"])
    ap.add_argument("--cap", type=float, default=120.0, help="CPU seconds per size")
    ap.add_argument("--quick", action="store_true", help="10k,100k,1m with a 30 s cap")
    ap.add_argument("--work", type=Path, default=Path("/tmp/cleaner-size-scaling"))
    args = ap.parse_args()
    sizes = QUICK if args.quick else args.sizes.split(",")
    cap = 30.0 if args.quick else args.cap
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"cleaner size scaling: grammar={args.grammar}, cap {cap:.0f} CPU s, load {load:.1f}")
    print(
        f"{'shape':<11} {'size':>6} {'cpu s':>8} {'s/MB':>8} {'scan s/MB':>10} {'gc s/MB':>7} "
        f"{'edits':>7} {'texts':>6}"
    )
    shapes = [run_shape(s, sizes, args.grammar, cap, args.work) for s in args.shapes.split(",")]
    for shape in shapes:
        if shape.rows or shape.capped:
            print(f"{shape.name}: {shape.verdict(cap)}")


if __name__ == "__main__":
    main()
