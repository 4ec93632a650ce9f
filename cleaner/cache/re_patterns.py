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

from cleaner.cache.compiled import Capturing, CompiledStore
from cleaner.cache.regexes import KEEP_UNUSED, RECORD_LIMIT

_Key = tuple[str, int]


def _versions() -> str:
    import _sre

    return f"{getattr(_sre, 'MAGIC', '')}\0{sys.version}"


STORE: CompiledStore[_Key, tuple[Any, ...]] = CompiledStore(
    "re", _versions, KEEP_UNUSED, RECORD_LIMIT
)
_capture = threading.local()
_originals: tuple[Any, Any] | None = None


def _entries(rows: Any) -> Any:
    for pattern, flags, args in rows:
        yield (pattern, flags), tuple(args)


def install() -> None:
    """Compile ``re`` patterns through the store from now on (once per process)."""
    global _originals
    if _originals is not None:
        return
    from re import _compiler

    if not callable(getattr(_compiler, "compile", None)) or not hasattr(_compiler, "_sre"):
        return  # an ``re`` built differently: compile as it does
    STORE.load(_entries)
    real_compile, real_sre = _compiler.compile, _compiler._sre
    _originals = (real_compile, real_sre)
    _compiler._sre = Capturing(real_sre, _capture)  # type: ignore[attr-defined]

    def compile_stored(pattern: Any, flags: int = 0) -> Any:
        if type(pattern) is not str or type(flags) is not int or flags & _compiler.SRE_FLAG_DEBUG:
            return real_compile(pattern, flags)
        key = (pattern, flags)
        args = STORE.stored.get(key) or STORE.used.get(key)
        if args is not None:
            try:
                found = real_sre.compile(*args)
            except Exception:  # a damaged entry (a wrong type): compile it as usual
                found = None
            if found is not None:
                STORE.used[key] = args
                return found
        if STORE.full():
            return real_compile(pattern, flags)
        _capture.args = None
        compiled = real_compile(pattern, flags)
        got, _capture.args = _capture.args, None
        if got is not None and got[0] is pattern:
            STORE.add(key, got)
        return compiled

    _compiler.compile = compile_stored


def uninstall() -> None:
    """Compile as ``re`` does again (tests)."""
    global _originals
    if _originals is None:
        return
    from re import _compiler

    _compiler.compile, _compiler._sre = _originals  # type: ignore[attr-defined]
    _originals = None
    STORE.clear()


def save() -> None:
    """Write the store if this process compiled a pattern it did not hold (this run's and
    up to ``KEEP_UNUSED`` stored ones it did not use). Recording stops here."""
    STORE.save(lambda merged: [(p, f, _plain(args)) for (p, f), args in merged.items()])


def _plain(args: tuple[Any, ...]) -> tuple[Any, ...]:
    """As marshal carries them: plain ``int`` flags and opcodes (``re`` writes some opcodes
    as named ``int`` subclasses, which marshal refuses), a plain dict of group names."""
    pattern, flags, code, groups, groupindex, indexgroup = args
    opcodes = [int(c) for c in code]
    return (pattern, int(flags), opcodes, int(groups), dict(groupindex), tuple(indexgroup))
