"""One file under a time budget runs in the console script's own process (issue 17): no
worker is forked for ``cleaner check one.txt``, and ``--timeout`` still stops the file."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

from cleaner import deadline

from .hostile import GOOD
from .test_hostile_workers import CATASTROPHIC

# The console script (``run``), with forking a worker made a failure: a file that goes to a
# worker ends the command with "forked" instead of its report.
NO_FORK = (
    "import sys, cleaner.workers as w\n"
    "def forked(*args, **kwargs):\n"
    "    sys.exit('forked')\n"
    "w.supervise = forked\n"
    "from cleaner.cli import run\n"
    "sys.argv[0] = 'cleaner'\n"
    "run()\n"
)


def _console(*args: str) -> subprocess.CompletedProcess[str]:
    # The suite's own CLEANER_TIMEOUT=0 (conftest) would lift the budget under test.
    env = {k: v for k, v in os.environ.items() if k != "CLEANER_TIMEOUT"}
    return subprocess.run(
        [sys.executable, "-c", NO_FORK, *args], capture_output=True, text=True, timeout=120, env=env
    )


def test_check_of_one_file_forks_no_worker(tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    one.write_text(GOOD, encoding="utf-8")
    args = ("check", str(one), "--grammar", "none", "--format", "json")
    done = _console(*args)  # the default --timeout: a budget, as a hook runs it
    assert "forked" not in done.stderr
    unbounded = _console(*args, "--timeout", "0")
    assert (done.returncode, done.stdout) == (unbounded.returncode, unbounded.stdout)
    assert '"violations": 3,' in done.stdout  # the report itself, not an empty one
    # Two files are a batch: they still go to supervised workers.
    two = tmp_path / "two.txt"
    two.write_text(GOOD, encoding="utf-8")
    both = _console("check", str(one), str(two), "--grammar", "none")
    assert "forked" in both.stderr


def test_the_budget_still_stops_one_file_in_process(tmp_path: Path) -> None:
    feed = tmp_path / "feed"
    (feed / "rules").mkdir(parents=True)
    (feed / "rules" / "house.yaml").write_text(CATASTROPHIC, encoding="utf-8")
    (feed / "cleaner.toml").write_text('extend-rules = ["rules"]\n', encoding="utf-8")
    # 2 MB: the rule's own regex limit is 3 s here, so --timeout 1 is what stops it.
    paragraph = "The committee met on Monday and agreed on the budget for the coming year.\n\n"
    bad = feed / "b.txt"
    bad.write_text("The cry was " + "a" * 34 + ".\n\n" + paragraph * 27000, encoding="utf-8")
    out = tmp_path / "out"
    start = time.monotonic()
    done = _console("clean", str(bad), "-o", str(out), "--grammar", "none", "--timeout", "1")
    assert time.monotonic() - start < 60
    assert "forked" not in done.stderr
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines()[-1] == f"error: {bad}: stopped after 1 s (--timeout)"
    assert not out.exists() or not list(out.iterdir())  # no output, no temp file


def test_a_call_deaf_to_the_alarm_ends_the_process_with_the_files_error() -> None:
    """Native code that never returns to Python: the watchdog prints the file's one line and
    exits 2 after the grace period, as the supervisor would kill such a worker."""
    script = (
        "import signal, time\n"
        "from cleaner import deadline\n"
        "def deaf():\n"
        "    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})\n"
        "    time.sleep(60)\n"
        "deadline.within(1.0, deaf, lambda: None, 'x.txt: stopped after 1 s (--timeout)')\n"
        "print('not reached')\n"
    )
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert time.monotonic() - start < 30
    assert done.returncode == 2
    assert done.stderr == "error: x.txt: stopped after 1 s (--timeout)\n"
    assert "not reached" not in done.stdout


def test_an_alarm_a_stage_swallowed_still_reports_the_file_stopped() -> None:
    """The grammar stage catches every exception (a Rust panic is one): the file finishes
    late, and is still reported as past its budget."""

    def swallowing() -> str:
        with contextlib.suppress(BaseException):  # as the grammar stage's guard does
            time.sleep(5)
        return "finished"

    assert deadline.within(0.2, swallowing, lambda: "stopped", "x.txt") == "stopped"
    assert deadline.within(5.0, lambda: "finished", lambda: "stopped", "x.txt") == "finished"
