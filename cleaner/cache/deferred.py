"""Set-up that a command stores once its first file is done (issue 17).

Some set-up is built while the first article is cleaned, on first use (the detectors' name
tables): the time to store it is when that file is done, as with the compiled patterns
(``cleaner.cache.regexes``). ``cleaner.startup`` opens this at a command's start and runs
what was registered at the end of its first file; a library caller never opens it, so its
process stores nothing and the list does not grow.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

_open = False
_savers: list[Callable[[], None]] = []


def open_for_command() -> None:
    """A command started: savers registered from now on run after its first file."""
    global _open
    _open = True


def after_first_file(saver: Callable[[], None]) -> None:
    """Have ``saver`` store what it built when the first file is done (in a command only)."""
    if _open:
        _savers.append(saver)


def close(save: bool) -> None:
    """The first file is done (``save``) or this process will clean none (a parent that
    forked its workers, who keep their own copy of the list): run the savers or drop them.
    A saver that fails stores nothing; that set-up is built again next time."""
    global _open
    _open = False
    savers = list(_savers) if save else []
    _savers.clear()
    for saver in savers:
        with contextlib.suppress(Exception):
            saver()
