"""The methods ``dataclasses`` writes for each class, kept compiled on disk (issue 17).

``@dataclass`` writes the source of ``__init__``, ``__repr__``, ``__eq__`` ... of every class
and compiles it when the module is imported: a cold ``cleaner check`` imports about 60
dataclasses, and compiling their methods was 40 ms of its CPU, the same text every run. A
command (``cleaner.startup``) has ``dataclasses`` take the compiled code of a text it
compiled before from the set-up cache (``compiled-v*/generated-<python>.marshal``, written
after the first file: ``cleaner.cache.deferred``) and compiles only what is new. The text
is the key: a changed class writes another text and is compiled afresh.

Trust is that of Python's own ``.pyc`` files, which hold code that runs: the entry is read
only if it is a regular file of the user's own in a private folder (``cache.store``), as
``__pycache__`` is trusted, and it is keyed by Python's version and bytecode magic number.
Anything unexpected in it (a damaged file, a value that is not code) means compiling as
usual. A library caller's ``dataclasses`` is left alone.
"""

from __future__ import annotations

import sys
from types import CodeType
from typing import Any

# Compiled texts kept besides this run's (other commands import a few classes ``check``
# does not), up to this many; and at most this many recorded (a bound on memory).
KEEP_UNUSED = 300
RECORD_LIMIT = 3000

_stored: dict[str, CodeType] = {}  # read from disk
_used: dict[str, CodeType] = {}  # compiled or taken from the store in this process
_unsaved = False
_installed = False


def _store_path(create: bool) -> Any:
    from importlib.util import MAGIC_NUMBER

    from cleaner.cache.regexes import compiled_path

    return compiled_path("generated", f"{sys.version}\0{MAGIC_NUMBER.hex()}", create)


def install() -> None:
    """Compile dataclasses' methods through the store from now on (once per process)."""
    global _installed
    import dataclasses

    if _installed or "exec" in vars(dataclasses) or not hasattr(dataclasses, "_create_fn"):
        return  # done, another hook, or a ``dataclasses`` that does not exec its methods
    from cleaner.cache.regexes import read_store

    _stored.clear()
    try:
        for text, code in read_store(_store_path):
            if type(text) is str and type(code) is CodeType:
                _stored[text] = code
    except (ValueError, TypeError):
        _stored.clear()  # damaged: compile as usual and write it afresh

    def exec_stored(source: Any, globals: Any = None, locals: Any = None) -> None:
        global _unsaved
        if type(source) is not str:
            exec(source, globals, locals)
            return
        code = _used.get(source) or _stored.get(source)
        if code is None:
            # As ``exec`` in ``dataclasses`` compiles a text: not under this module's
            # ``from __future__ import annotations`` (the methods' annotations are objects).
            code = compile(source, "<string>", "exec", dont_inherit=True)
            if len(_used) < RECORD_LIMIT:
                _unsaved = True
        if len(_used) < RECORD_LIMIT:
            _used[source] = code
        exec(code, globals, locals)

    dataclasses.exec = exec_stored  # type: ignore[attr-defined]  # a module global wins
    _installed = True
    from cleaner.cache import deferred

    deferred.after_first_file(save)


def uninstall() -> None:
    """Compile as ``dataclasses`` does again (tests)."""
    global _installed, _unsaved
    import dataclasses

    if _installed:
        vars(dataclasses).pop("exec", None)
    _installed = _unsaved = False
    _stored.clear()
    _used.clear()


def save() -> None:
    """Write the store if this process compiled a text it did not hold: this run's texts,
    and up to ``KEEP_UNUSED`` stored ones it did not use."""
    global _unsaved
    if not _unsaved:
        return
    _unsaved = False
    from cleaner.cache.regexes import write_store

    write_store(_store_path, _used, _stored, KEEP_UNUSED, lambda merged: list(merged.items()))
