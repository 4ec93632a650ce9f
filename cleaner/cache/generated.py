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

from cleaner.cache.compiled import CompiledStore

# Compiled texts kept besides this run's (other commands import a few classes ``check``
# does not), up to this many; and at most this many recorded (a bound on memory).
KEEP_UNUSED = 300
RECORD_LIMIT = 3000


def _versions() -> str:
    from importlib.util import MAGIC_NUMBER

    return f"{sys.version}\0{MAGIC_NUMBER.hex()}"


STORE: CompiledStore[str, CodeType] = CompiledStore(
    "generated", _versions, KEEP_UNUSED, RECORD_LIMIT
)
_installed = False


def _entries(rows: Any) -> Any:
    for text, code in rows:
        if type(text) is str and type(code) is CodeType:
            yield text, code


def install() -> None:
    """Compile dataclasses' methods through the store from now on (once per process)."""
    global _installed
    import dataclasses

    if _installed or "exec" in vars(dataclasses) or not hasattr(dataclasses, "_create_fn"):
        return  # done, another hook, or a ``dataclasses`` that does not exec its methods
    STORE.load(_entries)

    def exec_stored(source: Any, globals: Any = None, locals: Any = None) -> None:
        if type(source) is not str:
            exec(source, globals, locals)
            return
        code = STORE.used.get(source) or STORE.stored.get(source)
        room = len(STORE.used) < STORE.record_limit
        if code is None:
            # As ``exec`` in ``dataclasses`` compiles a text: not under this module's
            # ``from __future__ import annotations`` (the methods' annotations are objects).
            code = compile(source, "<string>", "exec", dont_inherit=True)
            if room:
                STORE.add(source, code)
        elif room:
            STORE.used[source] = code
        exec(code, globals, locals)

    dataclasses.exec = exec_stored  # type: ignore[attr-defined]  # a module global wins
    _installed = True
    from cleaner.cache import deferred

    deferred.after_first_file(save)


def uninstall() -> None:
    """Compile as ``dataclasses`` does again (tests)."""
    global _installed
    import dataclasses

    if _installed:
        vars(dataclasses).pop("exec", None)
    _installed = False
    STORE.clear()


def save() -> None:
    """Write the store if this process compiled a text it did not hold: this run's texts,
    and up to ``KEEP_UNUSED`` stored ones it did not use."""
    STORE.save(lambda merged: list(merged.items()))
