"""Python's own ``re`` patterns kept compiled on disk, as ``cleaner.cache.regexes`` keeps the
``regex`` module's (issue 17).

``re`` also parses and compiles a pattern in Python and hands its C engine (``_sre``) plain
data at the end: the pattern, its flags, a list of integer opcodes, the group count and
names. A cold ``cleaner check`` compiled about 80 such patterns after its start (ftfy's
mojibake test, the language check's, dateparser's two time-zone name lists of 7,000
characters on the first date), 0.025-0.03 s of its CPU, the same ones every run. A command
keeps the engine's arguments per pattern in the set-up cache
(``compiled-v*/re-<versions>.marshal``) and the next one hands them straight to the engine.

Trust and keys as for ``regexes``: read only from the user's own private cache folder (as
``.pyc`` files are), keyed by Python's version and ``_sre.MAGIC`` so another engine never
gets these opcodes; a damaged entry means compiling as usual. Not stored: bytes patterns
(``LOCALE`` applies only to them) and ``DEBUG``. Only a command installs this
(``cleaner.startup``); a library caller's ``re`` is left alone.
"""

from __future__ import annotations

import sys
import threading
from typing import Any

from cleaner.cache.regexes import KEEP_UNUSED, RECORD_LIMIT, compiled_path, read_store, write_store

_Key = tuple[str, int]
_stored: dict[_Key, tuple[Any, ...]] = {}  # read from disk
_used: dict[_Key, tuple[Any, ...]] = {}  # compiled or taken from the store in this process
_unsaved = False
_recording = False  # until ``save``: afterwards new patterns are compiled as usual
_capture = threading.local()
_originals: tuple[Any, Any] | None = None


class _Capturing:
    """``_sre``, noting the arguments of the compile it is asked for."""

    def __init__(self, real: Any) -> None:
        self._real = real

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def compile(self, *args: Any) -> Any:
        _capture.args = args
        return self._real.compile(*args)


def _store_path(create: bool) -> Any:
    import _sre

    return compiled_path("re", f"{getattr(_sre, 'MAGIC', '')}\0{sys.version}", create)


def install() -> None:
    """Compile ``re`` patterns through the store from now on (once per process)."""
    global _originals, _recording
    if _originals is not None:
        return
    from re import _compiler

    if not callable(getattr(_compiler, "compile", None)) or not hasattr(_compiler, "_sre"):
        return  # an ``re`` built differently: compile as it does
    _stored.clear()
    try:
        for pattern, flags, args in read_store(_store_path):
            _stored[(pattern, flags)] = tuple(args)
    except (ValueError, TypeError):
        _stored.clear()  # damaged: compile as usual and write it afresh
    real_compile, real_sre = _compiler.compile, _compiler._sre
    _originals = (real_compile, real_sre)
    _recording = True
    _compiler._sre = _Capturing(real_sre)  # type: ignore[attr-defined]

    def compile_stored(pattern: Any, flags: int = 0) -> Any:
        global _unsaved
        if type(pattern) is not str or type(flags) is not int or flags & _compiler.SRE_FLAG_DEBUG:
            return real_compile(pattern, flags)
        key = (pattern, flags)
        args = _stored.get(key) or _used.get(key)
        if args is not None:
            try:
                found = real_sre.compile(*args)
            except Exception:  # a damaged entry (a wrong type): compile it as usual
                found = None
            if found is not None:
                _used[key] = args
                return found
        if not _recording or len(_used) >= RECORD_LIMIT:
            return real_compile(pattern, flags)
        _capture.args = None
        compiled = real_compile(pattern, flags)
        got, _capture.args = _capture.args, None
        if got is not None and got[0] is pattern:
            _used[key] = got
            _unsaved = True
        return compiled

    _compiler.compile = compile_stored


def uninstall() -> None:
    """Compile as ``re`` does again (tests)."""
    global _originals, _unsaved, _recording
    if _originals is None:
        return
    from re import _compiler

    _compiler.compile, _compiler._sre = _originals  # type: ignore[attr-defined]
    _originals = None
    _unsaved = _recording = False
    _stored.clear()
    _used.clear()


def save() -> None:
    """Write the store if this process compiled a pattern it did not hold (this run's and
    up to ``KEEP_UNUSED`` stored ones it did not use). Recording stops here."""
    global _unsaved, _recording
    _recording = False
    if not _unsaved:
        return
    _unsaved = False
    write_store(
        _store_path,
        _used,
        _stored,
        KEEP_UNUSED,
        lambda merged: [(p, f, _plain(args)) for (p, f), args in merged.items()],
    )


def _plain(args: tuple[Any, ...]) -> tuple[Any, ...]:
    """As marshal carries them: plain ``int`` flags and opcodes (``re`` writes some opcodes
    as named ``int`` subclasses, which marshal refuses), a plain dict of group names."""
    pattern, flags, code, groups, groupindex, indexgroup = args
    opcodes = [int(c) for c in code]
    return (pattern, int(flags), opcodes, int(groups), dict(groupindex), tuple(indexgroup))
