"""Batch throughput of ``cleaner clean``, as ratios to a baseline measured in the same run.

Usage::

    .venv/bin/python bench/throughput.py            # N=2000, writes bench/RESULTS.md
    .venv/bin/python bench/throughput.py --quick    # N=200, one repeat (a smoke run)
    .venv/bin/python bench/throughput.py --profile  # also pyinstrument one grammar-off run

Why ratios: these machines are shared, so absolute MB/s drift by 2x between runs; a figure
divided by the baseline measured minutes earlier on the same files is what can be compared.

Measured, each end to end as a subprocess (interpreter start, imports and per-process set-up
included, as a user pays them), at 1 job and at all cores:

(a) baseline: read every file and run one Aho-Corasick automaton of 1,000 phrases over it
    (pyahocorasick), the cheapest thing any phrase-rule cleaner must do;
(b) ``cleaner clean`` with grammar off;
(c) ``cleaner clean`` with the default grammar backend (when the grammar stage exists), next
    to the grammar checker's own throughput on the same files (Harper alone, in processes);
    and the same comparison paired (``paired``): two long-lived processes handed each file
    in turn, CPU per file, start-up excluded, which the machine's load moves far less.

Peak memory is the largest resident set of any process of the run (``wait4`` rusage, which
covers the worker processes the command waited for). It is measured at N/4 and N to show it
does not grow with the folder. Start-up is ``cleaner check one.txt`` (``clean`` if there is no
``check`` yet), with hyperfine when installed, else a loop.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from multiprocessing import Pool
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
import size_scaling

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "RESULTS.md"
CLEANER = Path(sys.executable).parent / "cleaner"
# CPU seconds two runs must differ by before their difference is read as steady-state work.
STEADY_MIN_CPU_GAP = 0.05


# -- worker modes (run as subprocesses of the benchmark) ------------------------------------

_automaton: Any = None
_linter: Any = None


def _init_baseline() -> None:
    global _automaton
    import ahocorasick

    _automaton = ahocorasick.Automaton()
    for i, phrase in enumerate(corpus.phrases(1000)):
        _automaton.add_word(phrase, i)
    _automaton.make_automaton()


def _baseline_file(path: str) -> int:
    text = Path(path).read_bytes().decode("utf-8")
    return sum(1 for _ in _automaton.iter(text))


def _init_harper() -> None:
    global _linter
    import harper

    _linter = harper.Linter()


def _harper_file(path: str) -> int:
    text = Path(path).read_bytes().decode("utf-8")
    return len(_linter.lint(text, language="plaintext"))


WORKERS = {
    "baseline": (_init_baseline, _baseline_file),
    "harper": (_init_harper, _harper_file),
}


def _init_cleaner_grammar(grammar: str | None = None) -> None:
    """``cleaner clean``'s per-file function in this process, with the default grammar
    (or ``grammar``)."""
    global _linter
    from cleaner.batch import CleanOptions, clean_file
    from cleaner.config import Config
    from cleaner.files import Job

    out = Path(tempfile.mkdtemp(prefix="cleaner-paired-"))
    config = Config(grammar=grammar or grammar_backend() or "harper")
    options = CleanOptions()

    def clean(path: str) -> int:
        outcome = clean_file(Job(Path(path), out / Path(path).name), config, options)
        if outcome.error:
            raise SystemExit(outcome.error)
        return outcome.findings

    _linter = clean


def _cleaner_grammar_file(path: str) -> int:
    return int(_linter(path))


def _init_one_pass() -> None:
    """Grammar off with the pipeline's check rounds switched off."""
    import cleaner.pipeline

    cleaner.pipeline.MAX_ROUNDS = 1
    _init_cleaner_grammar("none")


# Long-lived processes of the paired measurement (``serve``): the same file in turn.
SERVED = {
    "harper": (_init_harper, _harper_file),
    "cleaner": (_init_cleaner_grammar, _cleaner_grammar_file),
    # The same pipeline without grammar: what the rest of cleaner adds to Harper's time.
    "off": (lambda: _init_cleaner_grammar("none"), _cleaner_grammar_file),
    # And without its convergence check (``Pipeline.run``'s rounds after the first pass):
    # "off" less this is what the check costs. Timing only (its output may not be final).
    "one-pass": (_init_one_pass, _cleaner_grammar_file),
}


def serve(mode: str, warmup: str) -> None:
    """Set up, process ``warmup`` (untimed: first-use set-up is start-up, not steady
    state), then for each path read from stdin print the CPU seconds this process spent on
    it (every thread: a background linter build counts)."""
    import gc

    init, fn = SERVED[mode]
    init()
    fn(warmup)
    gc.freeze()  # the set-up is never garbage (cleaner.startup.end does the same)
    print("ready", flush=True)
    for line in sys.stdin:
        start = time.process_time()
        fn(line.rstrip("\n"))
        print(time.process_time() - start, flush=True)


def run_worker(mode: str, folder: Path, jobs: int) -> None:
    """Process every file of ``folder`` with ``jobs`` processes (one set-up per process)."""
    init, fn = WORKERS[mode]
    paths = [str(p) for p in sorted(folder.rglob("*.txt"))]
    if jobs == 1:
        init()
        total = sum(fn(p) for p in paths)
    else:
        with Pool(jobs, initializer=init) as pool:
            total = sum(pool.imap_unordered(fn, paths, chunksize=32))
    print(total)


# -- measuring --------------------------------------------------------------------------------


@dataclasses.dataclass
class Run:
    label: str
    jobs: int
    seconds: float
    peak_mb: float
    articles: int
    mbytes: float
    cpu: float  # user + system seconds of every process of the run
    stderr: str = ""

    @property
    def mb_s(self) -> float:
        return self.mbytes / self.seconds

    @property
    def mb_cpu_s(self) -> float:
        """MB per CPU-second: what one core does, whatever else the machine runs."""
        return self.mbytes / self.cpu

    @property
    def art_s(self) -> float:
        return self.articles / self.seconds


def env(cached: bool) -> dict[str, str]:
    """The environment of a measured run: every cache off (cleaner's result cache and any
    stage's own, e.g. the grammar checker's), unless the run measures the cache."""
    environ = dict(os.environ)
    environ["CLEANER_NO_CACHE"] = "0" if cached else "1"
    return environ


def timed(cmd: list[str], cached: bool = False) -> tuple[float, float, float, str]:
    """Wall seconds, peak RSS (MB) of the largest process in ``cmd``'s tree, CPU seconds of
    the whole tree (``wait4`` covers the children the command waited for), and stderr."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=env(cached))
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err.read().decode()}")
        err.seek(0)
        stderr = err.read().decode(errors="replace")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, stderr


class Bench:
    def __init__(self, work: Path, folder: Path, articles: int, mbytes: float) -> None:
        self.work, self.folder, self.articles, self.mbytes = work, folder, articles, mbytes
        self.runs: list[Run] = []

    def measure(
        self,
        label: str,
        cmd: list[str],
        jobs: int,
        folder: Path | None = None,
        keep: bool = False,
        cached: bool = False,
    ) -> Run:
        folder = folder or self.folder
        if not keep:
            shutil.rmtree(self.work / "out", ignore_errors=True)
        seconds, peak, cpu, stderr = timed(cmd, cached)
        n = self.articles if folder == self.folder else count_files(folder)
        mb = self.mbytes if folder == self.folder else folder_mb(folder)
        run = Run(label, jobs, seconds, peak, n, mb, cpu, stderr)
        self.runs.append(run)
        print(
            f"  {label:<28} j={jobs}  {seconds:7.2f} s  {run.mb_s:7.2f} MB/s  "
            f"{run.art_s:8.1f} art/s  cpu {cpu:6.2f} s  peak {peak:6.1f} MB",
            flush=True,
        )
        return run

    def worker(self, mode: str, jobs: int, folder: Path | None = None) -> list[str]:
        folder = folder or self.folder
        return [sys.executable, __file__, "--worker", mode, "--jobs", str(jobs), str(folder)]

    def cleaner(
        self, jobs: int, extra: list[str], folder: Path | None = None, quiet: bool = True
    ) -> list[str]:
        folder = folder or self.folder
        out = self.work / "out"
        cmd = [str(CLEANER), "clean", str(folder), "-o", str(out), "-j", str(jobs), *extra]
        return [*cmd, "-q"] if quiet else cmd


@dataclasses.dataclass
class Paired:
    """CPU seconds of long-lived processes handed the same files in turn."""

    files: int
    harper: float
    cleaner: float
    load: tuple[float, float]
    off: float = 0.0  # cleaner with grammar off
    one_pass: float = 0.0  # the same without the convergence check's rounds

    def ms(self, seconds: float) -> float:
        return 1000 * seconds / self.files

    @property
    def ratio(self) -> float:
        return self.harper / self.cleaner


# The paired processes' untimed first article. Written for the purpose, not taken from the
# seeds the corpus is made of (Harper remembers what it linted: a warm-up sharing the
# corpus's paragraphs would make their lints cheap later, in each process differently).
# It reaches the set-up a process builds on first use (issue 17, session 10): a one-line
# warm-up left the date reading (dateparser's import and time-zone patterns, ~0.1-0.2 s),
# the byline and dateline readings, the detectors' name tables and rapidfuzz to the first
# timed articles that needed them, 3-4 ms an article of start-up counted as steady state
# over 100 articles, in both cleaner processes and not in Harper's.
WARMUP = """Harbour authority approves new ferry terminal
By Anna Novak, Staff Writer
Published: March 12, 2024 09:30

GDANSK (Reuters) - The harbour authority approved a new ferry terminal on Tuesday, its \
chairman Tomasz Wrobel said, after two years of talks with the city council.  The terminal \
will cost about 40 million euros.
German Chancellor Olaf Scholz and French President Emmanuel Macron welcomed the decision. \
Scholz said he have been waiting for it "for a long time", and Makron added that the port \
donâ€™t need more delays.
The work is expected to begin in the spring of 2025, the ministry said on 3/4/2024.

Related: Port traffic rises for a third year
Share this article
Source: Baltic Times
"""


def paired(work: Path, folder: Path) -> Paired:
    """Harper alone and ``cleaner clean``'s per-file function with Harper (and with grammar
    off), each in one long-lived process, given each file one after the other (which goes
    first rotates).

    Why: end-to-end runs time one command and then the other, minutes apart on a shared
    machine, and the load moves between them (session 5 read 51% to 81% for the same code).
    Here both processes see the same minutes, each times only its own CPU per file, and
    start-up is excluded (each handles a warm-up file before timing): the steady-state cost
    of Harper inside the pipeline against Harper alone, the figure a change to either moves.
    """
    warmup = work / "paired-warmup.txt"
    warmup.write_text(WARMUP, encoding="utf-8")
    paths = [str(p) for p in sorted(folder.rglob("*.txt"))]
    procs = {}
    for mode in SERVED:
        cmd = [sys.executable, __file__, "--serve", mode, str(warmup)]
        proc = subprocess.Popen(
            cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env(False)
        )
        assert proc.stdout is not None
        if proc.stdout.readline().strip() != "ready":
            raise SystemExit(f"paired: the {mode} process did not start")
        procs[mode] = proc
    spent = dict.fromkeys(SERVED, 0.0)
    load = os.getloadavg()[0]
    try:
        for i, path in enumerate(paths):
            modes = list(SERVED)
            for mode in modes[i % len(modes) :] + modes[: i % len(modes)]:
                proc = procs[mode]
                assert proc.stdin is not None and proc.stdout is not None
                proc.stdin.write(path + "\n")
                proc.stdin.flush()
                spent[mode] += float(proc.stdout.readline())
    finally:
        for proc in procs.values():
            assert proc.stdin is not None
            proc.stdin.close()
            proc.wait()
    result = Paired(
        len(paths),
        spent["harper"],
        spent["cleaner"],
        (load, os.getloadavg()[0]),
        spent["off"],
        spent["one-pass"],
    )
    print(
        f"  paired: harper alone {result.ms(result.harper):.1f} ms/article, cleaner with "
        f"harper {result.ms(result.cleaner):.1f} ({result.ratio:.0%}), cleaner grammar off "
        f"{result.ms(result.off):.1f}, of which the convergence check "
        f"{result.ms(result.off - result.one_pass):.1f}",
        flush=True,
    )
    return result


def count_files(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.txt"))


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*.txt")) / 1e6


# -- what this checkout of cleaner can do -----------------------------------------------------


def cleaner_help(*args: str) -> str:
    out = subprocess.run([str(CLEANER), *args, "--help"], capture_output=True, text=True)
    return out.stdout


def grammar_backend() -> str | None:
    """The grammar backend (c) should use, or None when there is no grammar stage yet."""
    from cleaner.config import Config

    if "grammar" not in {f.name for f in dataclasses.fields(Config)}:
        return None
    default = str(Config().grammar)  # type: ignore[attr-defined]
    return default if default != "none" else "harper"


def grammar_config(work: Path, backend: str) -> list[str]:
    """``--config FILE`` selecting a grammar backend (works whether or not --grammar exists)."""
    path = work / f"grammar-{backend}.toml"
    path.write_text(f'grammar = "{backend}"\n', encoding="utf-8")
    return ["--config", str(path)]


def startup(work: Path, one: Path) -> dict[str, Any]:
    """Start-up of ``cleaner check one.txt`` (or ``clean``), cold (caches off: a file the
    hook has not seen) and warm (caches on, after warm-up runs); hyperfine, else a loop."""
    from cleaner.cli import COMMANDS

    sub = "check" if "check" in COMMANDS else "clean"
    cmd = [str(CLEANER), sub, str(one)]
    result: dict[str, Any] = {"command": f"cleaner {sub} one.txt"}
    for state, cached in (("cold", False), ("warm", True)):
        times, result["tool"] = _repeat(work, cmd, cached)
        result[state] = {"median": statistics.median(times), "min": min(times), "max": max(times)}
    return result


def _repeat(work: Path, cmd: list[str], cached: bool) -> tuple[list[float], str]:
    hyperfine = shutil.which("hyperfine")
    if hyperfine:
        export = work / "hyperfine.json"
        subprocess.run(
            [
                hyperfine,
                "-N",
                "--warmup",
                "2",
                "--runs",
                "15",
                "-i",
                "--export-json",
                str(export),
                " ".join(cmd),
            ],
            check=True,
            capture_output=True,
            env=env(cached),
        )
        return json.loads(export.read_text())["results"][0]["times"], "hyperfine"
    times = []
    for _ in range(12):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, env=env(cached))
        times.append(time.perf_counter() - start)
    return times[2:], "loop"


# -- the machine ------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{mem_kb / 1024 / 1024:.1f} GB"
    except OSError:
        mem = "unknown"
    return {
        "cores": str(len(os.sched_getaffinity(0))),
        "cpu": cpu,
        "memory": mem,
        "python": platform.python_version(),
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


# -- the run ----------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="articles in the corpus")
    parser.add_argument("--quick", action="store_true", help="N=200, one repeat, no RESULTS.md")
    parser.add_argument("--repeats", type=int, default=3, help="repeats of the 1-vs-all-jobs runs")
    parser.add_argument("--profile", action="store_true", help="pyinstrument a grammar-off run")
    parser.add_argument(
        "--grammar-n",
        type=int,
        default=400,
        help="articles for the grammar runs (Harper runs at ~35 articles/s per core)",
    )
    parser.add_argument("--no-write", action="store_true", help="do not update RESULTS.md")
    parser.add_argument(
        "--parts",
        default=",".join(PARTS),
        help=f"comma-separated subset of {','.join(PARTS)} (a partial run never writes RESULTS.md)",
    )
    parser.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    parser.add_argument("--serve", choices=sorted(SERVED), help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("folder", nargs="?", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        run_worker(args.worker, args.folder, args.jobs)
        return
    if args.serve:
        serve(args.serve, str(args.folder))
        return
    n = 200 if args.quick else args.n
    parts = set(args.parts.split(","))
    if parts - set(PARTS):
        parser.error(f"--parts: unknown {sorted(parts - set(PARTS))}")
    repeats = 1 if args.quick else args.repeats
    cores = len(os.sched_getaffinity(0))
    before = machine()
    with tempfile.TemporaryDirectory(prefix="cleaner-bench-") as tmp:
        work = Path(tmp)
        os.environ["CLEANER_CACHE_DIR"] = str(work / "cache")  # never the user's cache
        folder, small = work / "corpus", work / "small"
        mbytes = corpus.generate(folder, n) / 1e6
        corpus.generate(small, max(1, n // 4))
        grammar_folder = work / "grammar"
        corpus.generate(grammar_folder, min(n, args.grammar_n))
        print(f"corpus: {n} articles, {mbytes:.2f} MB in {folder}", flush=True)
        bench = Bench(work, folder, n, mbytes)
        report = measure_all(bench, work, small, grammar_folder, cores, repeats, parts)
        if "startup" in parts:
            report["startup"] = startup(work, next(iter(sorted(folder.rglob("*.txt")))))
            print(f"  start-up {report['startup']}", flush=True)
        if "size" in parts:
            sizes = list(size_scaling.QUICK if args.quick else SIZES)
            report["size"] = time_per_mb(work / "sizes", sizes)
        if args.profile:
            report["profile"] = profile(work, folder)
    report.update(machine=before, load_after=machine()["load"], n=n, mbytes=mbytes, cores=cores)
    report["grammar_n"] = min(n, args.grammar_n)
    text = render(report)
    print(text)
    if not args.quick and not args.no_write and parts == set(PARTS):
        write_section(text)
        print(f"updated {RESULTS}")


PARTS = ("scaling", "memory", "cache", "grammar", "paired", "startup", "size")
# Time per MB (``size``): one ``clean_text`` per size and shape, each in a child process.
SIZES = ("10k", "100k", "1m", "10m")
SIZE_CAP = 150.0


def measure_all(
    b: Bench,
    work: Path,
    small: Path,
    grammar_folder: Path,
    cores: int,
    repeats: int,
    parts: set[str] = set(PARTS),  # noqa: B006 (read only)
) -> dict[str, Any]:
    no_cache = ["--no-cache"] if "--no-cache" in cleaner_help("clean") else []
    backend = grammar_backend()
    off = (grammar_config(work, "none") if backend else []) + no_cache
    scaling: dict[str, list[tuple[Run, Run]]] = {"baseline": [], "grammar off": []}
    # Untimed: builds the set-up memo (parsed rules, gazetteer) once, as any earlier run on
    # the machine would have; otherwise the first measured run alone pays it.
    if parts & {"scaling", "memory", "cache"}:
        timed(b.cleaner(1, off, small))
    # Interleaved, so load changes hit both job counts alike.
    for _ in range(repeats if "scaling" in parts else 0):
        a1 = b.measure("(a) baseline", b.worker("baseline", 1), 1)
        an = b.measure("(a) baseline", b.worker("baseline", cores), cores)
        b1 = b.measure("(b) grammar off", b.cleaner(1, off), 1)
        bn = b.measure("(b) grammar off", b.cleaner(cores, off), cores)
        scaling["baseline"].append((a1, an))
        scaling["grammar off"].append((b1, bn))
    mem_small = base_small = None
    if "memory" in parts:
        mem_small = b.measure("(b) grammar off, N/4", b.cleaner(1, off, small), 1, small)
        base_small = b.measure("(a) baseline, N/4", b.worker("baseline", 1, small), 1, small)
    cache: dict[str, Run] = {}
    if no_cache and "cache" in parts:
        with_cache = [a for a in off if a != "--no-cache"]
        shutil.rmtree(work / "cache", ignore_errors=True)
        cache["first"] = b.measure(
            "(d) cache: first run", b.cleaner(cores, with_cache), cores, cached=True
        )
        cache["again"] = b.measure(
            "(d) cache: unchanged re-run",
            b.cleaner(cores, with_cache, quiet=False),
            cores,
            keep=True,
            cached=True,
        )
    grammar: dict[str, Any] = {}
    if backend in WORKERS and "paired" in parts:
        grammar["paired"] = paired(work, grammar_folder)
    if backend and "grammar" in parts:
        on = grammar_config(work, backend) + no_cache
        g = grammar_folder
        # Untimed, as for grammar off above: the set-up memo of this config.
        timed(b.cleaner(1, on, small))
        for jobs in sorted({1, cores}):
            if backend not in WORKERS:  # no stand-alone runner for this backend
                grammar[f"c{jobs}"] = b.measure(
                    f"(c) grammar {backend}", b.cleaner(jobs, on, g), jobs, g
                )
                continue
            grammar[f"own{jobs}"] = b.measure(
                f"{backend} alone", b.worker(backend, jobs, g), jobs, g
            )
            grammar[f"c{jobs}"] = b.measure(
                f"(c) grammar {backend}", b.cleaner(jobs, on, g), jobs, g
            )
    return {
        "runs": b.runs,
        "scaling": scaling,
        "mem_small": mem_small,
        "base_small": base_small,
        "cache": cache,
        "backend": backend,
        "grammar": grammar,
    }


def time_per_mb(work: Path, sizes: list[str]) -> list[size_scaling.Shape]:
    """CPU seconds per MB of ``clean_text`` (grammar off) from the smallest size to the
    largest (a size under 1 MB as a megabyte of texts of that size), news paragraphs and the
    same words on one line (``bench/size_scaling.py``): linear time is a flat s/MB, so its
    figure is the slowest size's s/MB over the fastest's, a ratio within this run."""
    shapes = []
    for shape in size_scaling.SHAPES:
        got = size_scaling.run_shape(shape, sizes, "none", SIZE_CAP, work, show=False)
        print(f"  time per MB, {shape}: {got.rates()}: {got.verdict(SIZE_CAP)}", flush=True)
        shapes.append(got)
    return shapes


def profile(work: Path, folder: Path) -> str:
    """pyinstrument's text profile of one grammar-off run at 1 job (in-process)."""
    backend = grammar_backend()
    off = grammar_config(work, "none") if backend else []
    no_cache = ["--no-cache"] if "--no-cache" in cleaner_help("clean") else []
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "pyinstrument",
            "-r",
            "text",
            str(CLEANER),
            "clean",
            str(folder),
            "-o",
            str(work / "out"),
            "-j",
            "1",
            "-q",
            *off,
            *no_cache,
        ],
        capture_output=True,
        text=True,
        env=env(cached=False),
    )
    return "\n".join(out.stdout.splitlines()[:120])


def _median_run(runs: list[Run], label: str, jobs: int) -> Run | None:
    match = sorted(
        (r for r in runs if r.label == label and r.jobs == jobs), key=lambda r: r.seconds
    )
    return match[len(match) // 2] if match else None


def render(r: dict[str, Any]) -> str:
    m, runs, cores = r["machine"], r["runs"], r["cores"]
    lines = [
        "## Throughput",
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} by `bench/throughput.py"
        f" --n {r['n']}` on {m['cores']} cores ({m['cpu']}), {m['memory']} RAM, Python "
        f"{m['python']}. Load average at start {m['load']}, at end {r['load_after']}: the "
        "machine is shared, so read the ratios, and for per-core efficiency the CPU-time "
        "ratio, which other processes' load does not move (wall time does).",
        "",
        f"Corpus: {r['n']} generated articles, {r['mbytes']:.2f} MB (bench/corpus.py: seeds "
        "shuffled and varied, 20% damaged); grammar runs on the first "
        f"{r['grammar_n']}. Each figure is end to end (process start included), the median "
        "of the repeats. Ratios are over the baseline (a) at the same job count: wall = MB/s "
        "over MB/s, CPU = MB per CPU-second over the same.",
        "",
        "| run | jobs | MB/s | articles/s | CPU s | peak RSS (MB) | ratio wall | ratio CPU |",
        "|---|---|---|---|---|---|---|---|",
    ]
    base = {j: _median_run(runs, "(a) baseline", j) for j in sorted({1, cores})}
    labels = ["(a) baseline", "(b) grammar off"]
    if r["backend"]:
        labels += [
            f"{r['backend']} alone",
            f"(c) grammar {r['backend']}",
        ]
    for label in labels:
        for j in sorted({1, cores}):
            run, ref = _median_run(runs, label, j), base[j]
            if run is None or ref is None:
                continue
            lines.append(
                f"| {label} | {j} | {run.mb_s:.2f} | {run.art_s:.1f} | {run.cpu:.2f} "
                f"| {run.peak_mb:.1f} | {run.mb_s / ref.mb_s:.3f} "
                f"| {run.mb_cpu_s / ref.mb_cpu_s:.3f} |"
            )
    if not r["backend"]:
        lines.append("| (c) default grammar backend | - | not available (no grammar stage yet) |")
    lines += ["", "Targets:", ""]
    b1 = _median_run(runs, "(b) grammar off", 1)
    if base[1] and b1:
        wall, cpu = b1.mb_s / base[1].mb_s, b1.mb_cpu_s / base[1].mb_cpu_s
        lines.append(
            f"* grammar-off pipeline per core: {cpu:.3f} of the baseline by CPU time, {wall:.3f} "
            f"by wall time (target >= 0.100): {'met' if cpu >= 0.1 else 'NOT met'}"
        )
    if r["backend"] and r["grammar"].get("paired"):
        p = r["grammar"]["paired"]
        lines.append(
            f"* with {r['backend']}, steady state, paired (long-lived processes given the "
            f"same {p.files} files in turn, CPU per file, start-up excluded; load "
            f"{p.load[0]:.1f} -> {p.load[1]:.1f}): {r['backend']} alone "
            f"{p.ms(p.harper):.1f} ms/article, cleaner with {r['backend']} "
            f"{p.ms(p.cleaner):.1f} ms/article: {p.ratio:.0%} of "
            f"{r['backend']}'s own throughput (target >= 80%): "
            + ("met" if p.ratio >= 0.8 else "NOT met")
            + f". Of the difference, cleaner with grammar off takes {p.ms(p.off):.1f} ms/article"
            f" (its convergence check {p.ms(p.off - p.one_pass):.1f}, measured as the same "
            f"pipeline without it, paired too); at 80% it could take "
            f"{p.ms(p.harper / 0.8 - p.cleaner + p.off):.1f}"
        )
    if r["backend"] and r["grammar"]:
        for j in sorted({1, cores}):
            c, own = r["grammar"].get(f"c{j}"), r["grammar"].get(f"own{j}")
            if c and own:
                wall, cpu = c.art_s / own.art_s, own.cpu / c.cpu
                lines.append(
                    f"* with {r['backend']}, {j} job(s): {cpu:.0%} of {r['backend']}'s own "
                    f"throughput on the same files by CPU time, {wall:.0%} by wall time "
                    f"(target >= 80%): {'met' if cpu >= 0.8 else 'NOT met'}"
                )
    elif not r["backend"]:
        lines.append(
            "* with the grammar backend: not available (no grammar stage in this checkout)"
        )
    for name, pairs in r["scaling"].items():
        if not pairs:
            continue
        speedups = sorted(one.seconds / many.seconds for one, many in pairs)
        overhead = statistics.median(many.cpu / one.cpu for one, many in pairs)
        if cores > 1:
            verdict = "met" if statistics.median(speedups) >= 1.6 else "NOT met"
            lines.append(
                f"* {name}: {cores} jobs vs 1 job, wall-time speed-up "
                f"{statistics.median(speedups):.2f}x (spread {speedups[0]:.2f}-{speedups[-1]:.2f}"
                f" over {len(pairs)} repeat(s)"
                + ("; reference" if name == "baseline" else f"; target >= 1.6x: {verdict}")
                + f"); CPU time at {cores} jobs is {overhead:.2f}x that at 1 job (the work "
                "parallelism adds; the speed-up also needs idle cores, which a loaded machine "
                "does not have)"
            )
    small, big = r["mem_small"], b1
    if big and small:
        growth = big.peak_mb / small.peak_mb
        lines.append(
            f"* peak memory, grammar off, 1 job: {small.peak_mb:.1f} MB at N={small.articles}, "
            f"{big.peak_mb:.1f} MB at N={big.articles} ({growth:.2f}x for "
            f"{big.articles / small.articles:.0f}x the articles): "
            + ("flat" if growth < 1.15 else "NOT flat")
        )
    if big and small and base[1]:
        pairs = ((r["base_small"], base[1]), (small, big))
        # The baseline reads 0.7 MB in a few hundredths of a second: at --quick sizes its N/4
        # and N runs can differ by less than the CPU clock's noise, and a quotient of noise
        # printed as a ratio (0.000) would look like a result.
        gaps = [b.cpu - a.cpu for a, b in pairs]
        head = (
            "* steady state without process start-up (difference of the N/4 and N runs, 1 job, "
            "CPU time): "
        )
        if min(gaps) < STEADY_MIN_CPU_GAP:
            lines.append(
                head + f"not measurable here (the runs differ by {gaps[0]:.3f} s of CPU for the "
                f"baseline, {gaps[1]:.3f} s for grammar off; below {STEADY_MIN_CPU_GAP} s is "
                "noise): use a larger --n"
            )
        else:
            steady = [(b.mbytes - a.mbytes) / gap for (a, b), gap in zip(pairs, gaps, strict=True)]
            lines.append(
                head + f"baseline {steady[0]:.2f} MB/s, grammar off {steady[1]:.2f} MB/s, "
                f"ratio {steady[1] / steady[0]:.3f}"
            )
    if r["cache"]:
        first, again = r["cache"]["first"], r["cache"]["again"]
        hits = again.stderr.count(f"({again.articles} from cache)")
        lines.append(
            f"* incremental run, {cores} jobs: first run (filling the cache) {first.seconds:.2f} s"
            f" wall / {first.cpu:.2f} s CPU, unchanged re-run {again.seconds:.2f} s / "
            f"{again.cpu:.2f} s CPU: {first.seconds / again.seconds:.1f}x faster by wall time, "
            f"{first.cpu / again.cpu:.1f}x by CPU time (target >= 10x): "
            + ("met" if first.seconds / again.seconds >= 10 else "NOT met")
            + ("" if hits else " (WARNING: the re-run did not report every file from cache)")
        )
    s = r.get("startup")
    if s:
        cold, warm = s["cold"], s["warm"]
        lines.append(
            f"* start-up of `{s['command']}` ({s['tool']}): cold (caches off) median "
            f"{cold['median']:.3f} s (min {cold['min']:.3f}, max {cold['max']:.3f}), warm cache "
            f"median {warm['median']:.3f} s (min {warm['min']:.3f}); target < 0.5 s cold: "
            + ("met" if cold["median"] < 0.5 else "NOT met")
            + " (bench/startup.py: CPU time, and with and without grammar)"
        )
    for shape in r.get("size") or ():
        lines.append(
            f"* time per MB, {shape.name} (`clean_text`, grammar off, CPU s/MB after a warm-up, "
            "the set-up frozen, each size in its own process, a size under 1 MB as a megabyte "
            f"of texts; bench/size_scaling.py): {shape.rates()}; "
            + shape.verdict(SIZE_CAP)
            + " (target: within 2x from 10 KB to 10 MB)"
        )
    if r.get("profile"):
        lines += ["", "Profile (pyinstrument, grammar off, 1 job):", "", "```", r["profile"], "```"]
    return "\n".join(lines) + "\n"


def write_section(text: str) -> None:
    """Replace the "## Throughput" section of RESULTS.md (other sections are left alone)."""
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n\n"
    start = old.find("## Throughput\n")
    if start < 0:
        new = old.rstrip("\n") + "\n\n" + text
    else:
        end = old.find("\n## ", start + 1)
        new = old[:start] + text + (old[end + 1 :] if end >= 0 else "")
    RESULTS.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main()
