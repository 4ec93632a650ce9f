"""One file in this process under the ``--timeout`` budget, without forking a worker.

Why: ``cleaner check one.txt`` is what a pre-commit hook runs on every commit, and forking one
supervised worker (``cleaner.workers``) for one file cost about 35 ms of CPU and 0.16 s of wall
time (issue 17). The budget still holds in this process:

* an alarm (``SIGALRM``) at ``seconds`` stops the file where Python code runs (a rule's
  regular expression checks for signals as it matches), unwinding through every ``finally``
  as a worker's SIGTERM does, so an atomic write removes its temp file; the file is reported
  as stopped, as a worker's would be;
* native code that never returns to Python (a checker stuck in Rust) cannot be interrupted
  by a signal handler: a watchdog thread then prints the file's one-line error and ends the
  process ``GRACE_SECONDS`` later, as the supervisor would SIGKILL that worker.

Only the console script may do this (``cleaner.startup.owns_process``): a library caller or a
test calling ``main()`` keeps its own signal handlers and must never be ended by a watchdog,
so there a file under a budget still goes to a worker.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

# Seconds past the budget before the watchdog ends the process (a worker's grace period).
GRACE_SECONDS = 2.0


class _Expired(BaseException):
    """Raised by the alarm into the file's work (a BaseException: ``except Exception`` in a
    stage must not swallow it)."""


def available() -> bool:
    """Whether a budget can be kept in this thread (POSIX alarms, main thread only)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def within(
    seconds: float,
    call: Callable[[], T],
    on_timeout: Callable[[], T],
    last_words: str,
) -> T:
    """``call()``, or ``on_timeout()`` if it runs past ``seconds``; past ``seconds`` plus the
    grace period (stuck in native code) the process prints ``error: last_words`` and exits 2.
    Callers check ``available()`` first."""
    state = {"running": True, "expired": False}

    def alarm(signum: int, frame: object) -> None:
        if state["running"]:
            state["expired"] = True
            raise _Expired

    watchdog = threading.Timer(seconds + GRACE_SECONDS, _give_up, args=(last_words,))
    watchdog.daemon = True
    previous = signal.signal(signal.SIGALRM, alarm)
    try:
        watchdog.start()
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            result = call()
            state["running"] = False
        except _Expired:
            state["running"] = False
            return on_timeout()
        # A stage that catches every exception (the grammar checker's guard against a Rust
        # panic) may have swallowed the alarm and finished the file late: still too late.
        return on_timeout() if state["expired"] else result
    finally:
        state["running"] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        watchdog.cancel()


def _give_up(last_words: str) -> Any:
    try:
        sys.stderr.write(f"error: {last_words}\n")
        sys.stderr.flush()
    finally:
        os._exit(2)
