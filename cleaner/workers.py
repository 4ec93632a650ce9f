"""Worker processes the parent supervises: a time budget per file, and none outlives it.

Why not ``ProcessPoolExecutor``: it cannot stop one task, so a file that hangs (a rule's
regex, an input no stage was built for) held the whole batch; and killing the parent left
its workers rewriting inputs, then idling for minutes. Here each worker takes one file at a
time over a pipe, and the parent

* stops a worker whose file ran past ``timeout`` seconds (SIGTERM, so its temp file is
  removed; SIGKILL after a grace period if it is stuck in native code), reports that file
  as an error and starts a fresh worker for the rest of the batch;
* reports a worker that died (the out-of-memory killer, a crash in native code) as that
  file's error, and goes on;
* stops every worker when it ends for any reason, ``KeyboardInterrupt`` and the
  ``SystemExit`` the CLI raises on SIGTERM included.

And each worker dies with its parent even when the parent cannot clean up (SIGKILL): on
Linux the kernel sends it SIGTERM (``PR_SET_PDEATHSIG``); everywhere a watchdog thread
notices it was orphaned and ends it. A worker never leaves a half-written file: writes are
atomic, and its SIGTERM handler unwinds through the write's cleanup.

``--jobs 1`` is one supervised worker, so the time budget holds there too.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any

from cleaner import startup

# Seconds a stopped worker gets to unwind (remove its temp file) before SIGKILL.
GRACE_SECONDS = 2.0
_PR_SET_PDEATHSIG = 1


class _Worker:
    """One process, its end of the pipe, and the job it is working on."""

    def __init__(self, ctx: Any, target: Callable[..., None], args: tuple[Any, ...]) -> None:
        parent_end, child_end = ctx.Pipe()
        self.proc = ctx.Process(
            target=_worker_main, args=(child_end, target, args, os.getpid()), daemon=True
        )
        self.proc.start()
        child_end.close()
        self.conn: Connection = parent_end
        self.index: int | None = None
        self.deadline = float("inf")

    def give(self, index: int, task: Any, timeout: float | None) -> None:
        self.conn.send((index, task))
        self.index = index
        self.deadline = time.monotonic() + timeout if timeout else float("inf")

    def stop(self) -> None:
        """SIGTERM, then SIGKILL if it has not gone within the grace period."""
        with contextlib.suppress(OSError):
            self.conn.close()
        if self.proc.is_alive():
            self.proc.terminate()
            self.proc.join(GRACE_SECONDS)
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join()


def supervise(
    call: Callable[..., Any],
    tasks: list[Any],
    workers: int,
    args: tuple[Any, ...],
    timeout: float | None,
    on_timeout: Callable[[Any, float], Any],
    on_death: Callable[[Any, str], Any],
) -> Iterator[Any]:
    """Yield ``call(task, *args)`` for every task, in order, from ``workers`` processes.

    The workers are started before this returns (not at the first ``next``), so they are
    forked before the caller starts threads of its own (a progress bar)."""
    ctx = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    count = max(1, min(workers, len(tasks)))
    pool = [_Worker(ctx, call, args) for _ in range(count)]
    startup.end(save=False)  # the workers keep the start-up pause until their first file is done
    return _results(ctx, pool, call, tasks, args, timeout, on_timeout, on_death)


def _results(
    ctx: Any,
    pool: list[_Worker],
    call: Callable[..., Any],
    tasks: list[Any],
    args: tuple[Any, ...],
    timeout: float | None,
    on_timeout: Callable[[Any, float], Any],
    on_death: Callable[[Any, str], Any],
) -> Iterator[Any]:
    todo = iter(range(len(tasks)))
    done: dict[int, Any] = {}
    following = 0  # the next index to yield: results come out in input order

    def feed(worker: _Worker) -> bool:
        index = next(todo, None)
        if index is None:
            return False
        worker.give(index, tasks[index], timeout)
        return True

    try:
        pool = [w for w in pool if feed(w) or _retire(w)]
        while following < len(tasks):
            while following in done:
                yield done.pop(following)
                following += 1
            if following >= len(tasks):
                break
            now = time.monotonic()
            soonest = min((w.deadline for w in pool), default=float("inf"))
            ready = wait(
                [w.conn for w in pool] + [w.proc.sentinel for w in pool],
                None if soonest == float("inf") else max(0.0, soonest - now),
            )
            for worker in list(pool):
                index = worker.index
                assert index is not None
                replace = False
                if worker.conn in ready or worker.proc.sentinel in ready:
                    try:
                        got, result = worker.conn.recv()
                    except (EOFError, OSError):
                        worker.stop()
                        done[index] = on_death(tasks[index], _how_it_died(worker.proc))
                        replace = True
                    else:
                        done[got] = result
                        if not feed(worker):
                            _retire(worker)
                            pool.remove(worker)
                        continue
                elif time.monotonic() >= worker.deadline:
                    worker.stop()
                    done[index] = on_timeout(tasks[index], timeout or 0.0)
                    replace = True
                if replace:
                    pool.remove(worker)
                    fresh = _Worker(ctx, call, args)
                    if feed(fresh):
                        pool.append(fresh)
                    else:
                        _retire(fresh)
    finally:
        for worker in pool:
            worker.stop()


def _retire(worker: _Worker) -> bool:
    """Tell an idle worker there is no more work, and let it go."""
    with contextlib.suppress(OSError):
        worker.conn.send(None)
    worker.stop()
    return False


def _how_it_died(proc: Any) -> str:
    code = proc.exitcode
    if code is not None and code < 0:
        with contextlib.suppress(ValueError):
            return f"killed by {signal.Signals(-code).name}"
    return f"exit status {code}"


# -- inside a worker --------------------------------------------------------------------


def _worker_main(
    conn: Connection, call: Callable[..., Any], args: tuple[Any, ...], parent: int
) -> None:
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the parent, which stops us
    signal.signal(signal.SIGTERM, _unwind)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        index, task = message
        conn.send((index, call(task, *args)))


def _unwind(signum: int, frame: object) -> None:
    """SIGTERM: leave through every ``finally`` (an atomic write removes its temp file)."""
    raise SystemExit(128 + signum)


def _die_with_parent(parent: int) -> None:
    """Be ended when the parent goes, however it goes."""
    if sys.platform == "linux":
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if os.getppid() != parent:  # it died before we could ask to be told
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    """Orphaned (the parent was killed): SIGTERM ourselves, then SIGKILL if a native call
    keeps the SIGTERM handler from running."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(GRACE_SECONDS)
    os.kill(os.getpid(), signal.SIGKILL)
