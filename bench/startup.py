"""Start-up of ``cleaner check one.txt``: what a pre-commit hook costs per commit (issue 17).

Runs the installed ``cleaner`` as fresh processes and prints, per case, the median and
minimum wall time and the median CPU time (user + sys of the process and its children,
from ``wait4``), next to ``python -c pass`` measured in the same run, so a reader can
subtract the interpreter and judge the noise of a shared machine. Cases:

* cold: ``CLEANER_NO_CACHE=1`` (a file the hook has not seen; the compiled set-up, the
  parsed rules and the word table, stays cached, as ``.pyc`` files do);
* warm: the result cache on and filled (an unchanged file);
* with grammar (the default, Harper) and without (``--grammar none``);
* Harper alone building one ``Linter`` and linting the file: the floor of a cold check with
  grammar (its dictionary is built once per process, about 0.6 s of CPU).

``--base DIR`` also runs every case with ``PYTHONPATH=DIR`` (another checkout of the
repository, say ``git worktree add /tmp/base main``) and prints the ratio this/base per
case, measured alternately in the same run. ``--imports`` prints the heaviest imports of
one cold run (``python -X importtime``), cumulative milliseconds.

    .venv/bin/python bench/startup.py [FILE] [-n 15] [--base DIR] [--imports] [--case cold]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 0.5  # seconds, cold, median (issue 17)


def run_once(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one fresh process (children it waited for included)."""
    start = time.perf_counter()
    # Not from the checkout: ``python -c`` puts the working folder first on ``sys.path``,
    # ahead of ``PYTHONPATH``, and the base side would import this checkout's package.
    proc = subprocess.Popen(
        cmd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=env["CLEANER_CACHE_DIR"],
    )
    _, _, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def environ(cached: bool, cache_dir: Path, pythonpath: str | None) -> dict[str, str]:
    env = dict(os.environ)
    env["CLEANER_CACHE_DIR"] = str(cache_dir)  # also the working folder (run_once)
    env["CLEANER_NO_CACHE"] = "0" if cached else "1"
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its .pyc files
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    else:
        env.pop("PYTHONPATH", None)
    return env


# What the ``cleaner`` console script runs: ``cleaner.cli.run`` (``main`` in a checkout from
# before it existed, so ``--base`` can be any older commit).
ENTRY = "import sys, cleaner.cli as c; sys.exit(getattr(c, 'run', c.main)())"

HARPER_ALONE = (
    "import sys, harper; harper.Linter().lint(open(sys.argv[1], encoding='utf-8').read(), "
    "language='plaintext')"
)


def cases(one: Path) -> dict[str, tuple[list[str], bool]]:
    script = [sys.executable, "-c", ENTRY]
    return {
        "python -c pass": ([sys.executable, "-c", "pass"], False),
        # The floor of a cold check with grammar: Harper's dictionary, built once per process.
        "harper: one Linter and lint": (
            [sys.executable, "-c", HARPER_ALONE, str(one)],
            False,
        ),
        "cleaner --help": ([*script, "--help"], False),
        "check --grammar none, cold": ([*script, "check", "--grammar", "none", str(one)], False),
        "check --grammar none, warm": ([*script, "check", "--grammar", "none", str(one)], True),
        "check (Harper), cold": ([*script, "check", str(one)], False),
        "check (Harper), warm": ([*script, "check", str(one)], True),
    }


def summary(samples: list[tuple[float, float]]) -> dict[str, float]:
    walls = [w for w, _ in samples]
    return {
        "wall": statistics.median(walls),
        "min": min(walls),
        "cpu": statistics.median(c for _, c in samples),
    }


def imports(one: Path, cache_dir: Path, top: int = 20) -> None:
    cmd = [sys.executable, "-X", "importtime", "-c", ENTRY, "check", "--grammar", "none", str(one)]
    env = environ(False, cache_dir, None)
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cache_dir)
    rows = []
    for line in out.stderr.splitlines():
        if line.startswith("import time:") and "self [us]" not in line:
            own, cumulative, name = line.removeprefix("import time:").split("|")
            rows.append((int(cumulative), int(own), name.rstrip()))
    total = sum(own for _, own, _ in rows)
    head = f"imports of one cold `check --grammar none`: {len(rows)} modules"
    print(f"\n{head}, {total / 1e3:.0f} ms in all")
    for cumulative, own, name in sorted(rows, reverse=True)[:top]:
        print(f"  {cumulative / 1e3:7.1f} ms  (self {own / 1e3:5.1f})  {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = sorted((ROOT / "seeds").glob("*.txt"))[1]
    parser.add_argument("file", nargs="?", type=Path, default=default)
    parser.add_argument("-n", type=int, default=15, help="counted runs per case")
    parser.add_argument("--base", help="another checkout to compare with (PYTHONPATH)")
    parser.add_argument("--imports", action="store_true", help="print the heaviest imports")
    parser.add_argument(
        "--case", action="append", default=[], help="only cases whose name contains this"
    )
    args = parser.parse_args()
    args.file = args.file.resolve()
    from cleaner.config import available_cpus

    cpus = available_cpus()
    print(
        f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}; {args.n} runs each; "
        f"{cpus} CPU(s) allowed (`taskset -c 0` for one: nothing overlaps Harper's build)"
    )
    sides = {"this": None, **({"base": str(Path(args.base).resolve())} if args.base else {})}
    with tempfile.TemporaryDirectory(prefix="startup-") as tmp:
        caches = {side: Path(tmp) / side for side in sides}
        for folder in caches.values():
            folder.mkdir(mode=0o700)
        for name, (cmd, cached) in cases(args.file).items():
            if args.case and not any(part in name for part in args.case):
                continue
            samples: dict[str, list[tuple[float, float]]] = {side: [] for side in sides}
            for side, path in sides.items():  # warm-up: compiled set-up, result cache
                for _ in range(2):
                    run_once(cmd, environ(cached, caches[side], path))
            for _ in range(args.n):  # alternately, so drift hits both sides alike
                for side, path in sides.items():
                    samples[side].append(run_once(cmd, environ(cached, caches[side], path)))
            line = f"{name:30s}"
            for side in sides:
                s = summary(samples[side])
                line += (
                    f" | {side}: wall median {s['wall']:.3f} s (min {s['min']:.3f}),"
                    f" CPU median {s['cpu']:.3f} s"
                )
            if args.base:
                this, base = summary(samples["this"]), summary(samples["base"])
                line += f" | this/base wall {this['wall'] / base['wall']:.2f}"
                line += f", CPU {this['cpu'] / base['cpu']:.2f}"
            if name.endswith("cold"):
                verdict = "met" if summary(samples["this"])["wall"] < TARGET else "NOT met"
                line += f" | target < {TARGET} s: {verdict}"
            print(line, flush=True)
        # Wall times read against the load of the whole run, not only its start.
        print(f"load average at the end {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        if args.imports:
            imports(args.file, caches["this"])


if __name__ == "__main__":
    main()
