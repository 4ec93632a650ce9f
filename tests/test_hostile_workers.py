"""Bounded time and workers that die with their parent (issue 16), with real processes.

A file past ``--timeout`` is stopped, reported, and the batch goes on, at ``--jobs 1`` and
``--jobs N``, even when its worker is deaf to SIGTERM; a worker that dies is its file's
error; killing the parent (SIGKILL or SIGTERM) stops every worker, so none keeps rewriting
inputs, and leaves no temp file and no half-written article."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.batch import Outcome, run_batch
from cleaner.cli import main
from cleaner.config import Config
from cleaner.files import Job
from cleaner.pipeline import clean_text

from .conftest import SEEDS
from .hostile import CATASTROPHIC, CLEANED, GOOD, catastrophic_feed, command, error_lines

# -- the supervisor, with per-file functions that misbehave on purpose --------------------


def _misbehave(job: Job) -> Outcome:
    name = job.source.name
    if name.startswith("slow"):
        time.sleep(120)
    if name.startswith("deaf"):  # native code that never returns to the interpreter
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
        time.sleep(120)
    if name.startswith("crash"):
        os.kill(os.getpid(), signal.SIGKILL)
    return Outcome(source=str(job.source), output=f"done in {os.getpid()}")


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("bad", ["slow", "deaf"])
def test_a_file_past_its_budget_is_stopped_and_the_batch_goes_on(workers: int, bad: str) -> None:
    jobs = [Job(Path(name), None) for name in ("a.txt", f"{bad}.txt", "b.txt", "c.txt")]
    start = time.monotonic()
    outcomes = list(run_batch(_misbehave, jobs, workers, timeout=1.0))
    elapsed = time.monotonic() - start
    assert [o.source for o in outcomes] == ["a.txt", f"{bad}.txt", "b.txt", "c.txt"]
    assert outcomes[1].error == f"{bad}.txt: stopped after 1 s (--timeout)"
    assert all(o.error is None and o.output for i, o in enumerate(outcomes) if i != 1)
    assert elapsed < 20, elapsed  # deaf: 1 s budget + SIGTERM grace, then SIGKILL


def test_a_worker_that_dies_is_its_files_error() -> None:
    jobs = [Job(Path(name), None) for name in ("a.txt", "crash.txt", "b.txt")]
    outcomes = list(run_batch(_misbehave, jobs, 2, timeout=60.0))
    assert outcomes[1].error is not None
    assert "crash.txt: the worker process cleaning it died (killed by SIGKILL)" in (
        outcomes[1].error
    )
    assert outcomes[0].output and outcomes[2].output


# -- --timeout through the command ------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_timeout_stops_a_file_and_the_batch_goes_on(tmp_path: Path, jobs: str) -> None:
    feed = tmp_path / "feed"
    (feed / "rules").mkdir(parents=True)
    (feed / "rules" / "house.yaml").write_text(CATASTROPHIC, encoding="utf-8")
    (feed / "cleaner.toml").write_text('extend-rules = ["rules"]\n', encoding="utf-8")
    for name in ("a.txt", "c.txt"):
        (feed / name).write_text(GOOD, encoding="utf-8")
    # 2 MB: the rule's own regex limit is 3 s here, so --timeout 1 is what stops it.
    paragraph = "The committee met on Monday and agreed on the budget for the coming year.\n\n"
    bad = "The cry was " + "a" * 34 + " and then silence.\n\n" + paragraph * 27000
    (feed / "b.txt").write_text(bad, encoding="utf-8")
    runner = CliRunner()
    args = ["--grammar", "none", "--no-cache"]
    warm = runner.invoke(main, ["clean", str(feed / "a.txt"), *args, "--timeout", "0"])
    assert warm.exit_code == 0, warm.stderr  # this process builds the pipeline once
    out = tmp_path / "out"
    start = time.monotonic()
    done = runner.invoke(
        main, ["clean", str(feed), "-o", str(out), "-j", jobs, "--timeout", "1", *args]
    )
    assert time.monotonic() - start < 30
    assert done.exit_code == 2, done.stderr
    [line] = error_lines(done.stderr)
    assert line == f"error: {feed / 'b.txt'}: stopped after 1 s (--timeout)"
    assert (out / "a.txt").read_text(encoding="utf-8") == CLEANED
    assert (out / "c.txt").read_text(encoding="utf-8") == CLEANED
    assert not (out / "b.txt").exists()


def test_diff_is_bounded_by_timeout_too(tmp_path: Path) -> None:
    """``cleaner diff`` cleans and lays out its file in a supervised worker: a file that
    would run on (a 5 MB one-line article did for 15 minutes) ends with the file's one line."""
    feed, bad = catastrophic_feed(tmp_path)
    good = feed / "a.txt"
    good.write_text(GOOD, encoding="utf-8")
    runner = CliRunner()
    args = ["--grammar", "none", "--no-color", "--unified"]
    # In this process first: it builds the pipeline, which the workers then inherit.
    unbounded = runner.invoke(main, ["diff", str(good), "--timeout", "0", *args])
    assert unbounded.exit_code == 0, unbounded.output
    start = time.monotonic()
    done = runner.invoke(main, ["diff", str(bad), "--timeout", "1", *args])
    assert time.monotonic() - start < 30
    assert done.exit_code == 2, done.output
    assert error_lines(done.stderr) == [f"error: {bad}: stopped after 1 s (--timeout)"]
    assert done.stdout == ""
    # Under a timeout the worker renders what this process would have: the same bytes.
    bounded = runner.invoke(main, ["diff", str(good), "--timeout", "60", *args])
    assert bounded.exit_code == 0, bounded.output
    assert "{+" in bounded.stdout or "[-" in bounded.stdout
    assert bounded.stdout == unbounded.stdout


# -- killing the parent -----------------------------------------------------------------


def _children(pid: int) -> set[int]:
    """Processes whose parent is ``pid`` (from /proc/N/stat: "N (comm) S PPID ...")."""
    found: set[int] = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.add(int(entry.name))
    return found


def _running(pid: int) -> bool:
    """Alive and not a zombie (an orphan's zombie may wait for a reaper that never comes)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


def _poll(condition, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_killing_the_parent_stops_every_worker_and_leaves_no_half_file(
    tmp_path: Path, how: signal.Signals
) -> None:
    feed = tmp_path / "feed"
    feed.mkdir()
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    originals: dict[Path, str] = {}
    for i in range(400):
        path = feed / f"{i:03d}.txt"
        originals[path] = seeds[i % len(seeds)] + f"\nThis is copy {i} of the story.\n"
        path.write_text(originals[path], encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CLEANER_TIMEOUT"}
    argv = command("clean", str(feed), "--in-place", "-j", "2", "--no-cache", "--grammar", "none")
    log = tmp_path / "stderr.txt"
    with log.open("w") as stderr:  # a file: surviving workers would hold a pipe open
        proc = subprocess.Popen(argv, env=env, stderr=stderr, start_new_session=True)
    try:

        def started() -> bool:
            return any(p.read_text(encoding="utf-8") != t for p, t in originals.items())

        assert _poll(started, 120), "no file was rewritten"
        workers = _children(proc.pid)
        assert workers, "no worker processes"
        os.kill(proc.pid, how)
        proc.wait(timeout=30)
        assert _poll(lambda: not any(_running(w) for w in workers), 10), "workers outlived it"
        err = log.read_text()
        if how == signal.SIGTERM:
            assert proc.returncode == 128 + signal.SIGTERM
            assert "error: stopped by SIGTERM; every file is either complete or untouched" in err
    finally:
        with contextlib.suppress(OSError):  # whatever is left of its session
            os.killpg(proc.pid, signal.SIGKILL)
    leftovers = sorted(p.name for p in feed.iterdir() if p not in originals)
    assert leftovers == [], leftovers  # no temp file, complete or not
    changed = [p for p, t in originals.items() if p.read_text(encoding="utf-8") != t]
    assert changed and len(changed) < len(originals)  # it was stopped mid-batch
    config = Config(grammar="none")
    for path in changed[:20]:  # each rewritten file is the whole cleaned article
        assert path.read_text(encoding="utf-8") == clean_text(originals[path], config).text
