"""A command's start and end, kept short: a pre-commit hook pays both on every commit (issue 17).

Two costs that are no work of the command's own:

* **The cyclic garbage collector during set-up.** Loading the rule book, the gazetteer and the
  matcher tables allocates a few hundred thousand objects that live as long as the process;
  the collector walks the growing heap again and again while they are built, a third of the
  set-up's CPU. A command turns it off at its start (``begin``) and back on when its first
  file is done (``end``), freezing what was built so later collections skip it
  (``gc.freeze``: the set-up is never garbage, and a forked worker no longer copies its pages
  by touching them). Only the command does this: a library caller's collector is left alone.
* **Compiling the same regular expressions again**, and the methods ``dataclasses`` writes
  for each class: kept compiled on disk (``cleaner.cache.regexes``, ``re_patterns`` for
  Python's own ``re``, ``cleaner.cache.generated``), read at ``begin`` and written after
  the first file; other set-up built on the first article (the detectors' name tables) is
  stored then too (``cleaner.cache.deferred``).
* **Tearing the interpreter down.** Freeing every module and object at exit cost 0.07-0.1 s;
  the operating system frees the memory anyway. ``leave`` ends the process the way Python's
  own shutdown does up to that point (non-daemon threads joined, ``atexit`` handlers run,
  standard streams flushed) and then exits at once. Every file cleaner writes is written and
  closed (atomically) before the command returns, so nothing is lost.
"""

from __future__ import annotations

import atexit
import gc
import os
import sys
import threading
from typing import NoReturn

_paused = False
_owned = False


def begin() -> None:
    """Start-up of a command: no cyclic collection until its first file is done, and
    regular expressions compiled through the store (``cleaner.cache.regexes``)."""
    global _paused
    from cleaner.cache import deferred, generated, re_patterns, regexes

    deferred.open_for_command()
    regexes.install()
    re_patterns.install()
    generated.install()
    if gc.isenabled():
        gc.disable()
        _paused = True


def claim_process() -> None:
    """The console script runs this process (``cleaner.cli.run``, nothing else)."""
    global _owned
    _owned = True


def owns_process() -> bool:
    """Whether the console script runs this process: only then may cleaner set process-wide
    state such as a signal handler, or end the process (``cleaner.deadline``). A library
    caller's process, or a test's calling ``main()``, is its own."""
    return _owned


def end(save: bool = True) -> None:
    """The set-up is built (a file is done, or workers were forked): keep it out of every
    later collection and collect again as usual. A no-op unless ``begin`` paused it.
    ``save``: also store the patterns compiled so far and the set-up the first file built
    (``cleaner.cache.deferred``) -- a worker's first file; not the parent that forked it,
    whose patterns the worker holds as well)."""
    global _paused
    from cleaner.cache import deferred

    if save:
        from cleaner.cache import re_patterns, regexes

        regexes.save()
        re_patterns.save()
    deferred.close(save)
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


def leave(code: object) -> NoReturn:
    """Exit with ``code`` (a ``SystemExit`` code) without freeing the interpreter first."""
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # as Python prints a non-integer exit code
        print(code, file=sys.stderr)
        status = 1
    main = threading.main_thread()
    for thread in threading.enumerate():
        if thread is not main and not thread.daemon:
            thread.join()
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: Python's exit ignores it too
            status = status or 120
    os._exit(status)
