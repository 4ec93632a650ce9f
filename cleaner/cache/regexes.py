"""Compiled regular expressions kept on disk, as Python keeps compiled modules (issue 17).

The ``regex`` module parses and compiles a pattern in Python; only the matching is in C.
A cold ``cleaner check`` compiled about 200 patterns (module constants, the rule files'
patterns and exceptions, the boilerplate rules), a fifth of its CPU, and every run compiled
the same ones again. What ``regex`` hands its C engine at the end of compiling is plain data
(the pattern, its flags, a list of integer opcodes, the group names, ints), so a command
keeps that per pattern in the set-up cache (``compiled-v*/regex-<versions>.marshal``) and
the next command hands the stored data straight to the engine: the same pattern object,
without the parse.

Trust is that of Python's own ``.pyc`` files (which hold code that runs): the entry is read
only if it is a regular file of the user's own in a private folder (``cache.store``), and
it is keyed by the versions of ``regex`` (its engine's ``MAGIC`` included) and Python, so a
new engine never gets another's opcodes. It holds no article text, only the patterns
cleaner compiles. Anything unexpected in it (a damaged file) means compiling as usual.

Not stored: patterns with named lists (their sets are arguments), ``LOCALE`` patterns (the
opcodes depend on the locale) and ``DEBUG``. A pattern compiled uncached (``cache_pattern=
False``: dateparser's two time-zone patterns, 16,000 characters, 0.03 s to parse on a
check's first date) is stored and read like the others but built afresh from the stored
data at every call, never kept in memory here, as its caller asked. Only a command
installs this (``cleaner.startup``); a library caller's ``regex`` is left alone.
"""

from __future__ import annotations

import sys
import threading
from typing import Any

from cleaner.cache.compiled import Capturing, CompiledStore

# Patterns kept besides this run's: those other commands compile (``clean`` and the report
# compile a few ``check`` does not), up to this many. A store that only grew would cost its
# reading on every start, and a pattern built from a set in hash order would be a new text
# in every process (so alternations of word lists are sorted fully: ``metadata.lexicon``,
# ``detectors.pronoun``; tests/test_startup.py checks a second check writes no store).
KEEP_UNUSED = 300
# Patterns recorded at most before ``save``: a bound on memory, should a process compile
# many more patterns than a start-up does before its first file is done.
RECORD_LIMIT = 5000


_Key = tuple[str, int, int]


def _versions() -> str:
    import regex
    from regex import _regex

    return f"{regex.__version__}\0{getattr(_regex, 'MAGIC', '')}\0{sys.version}"


# After ``save`` a new pattern is compiled as usual, into ``regex``'s own bounded cache (a
# long batch whose articles make patterns of their own must not grow ``_made``).
STORE: CompiledStore[_Key, tuple[Any, ...]] = CompiledStore(
    "regex", _versions, KEEP_UNUSED, RECORD_LIMIT
)
_made: dict[_Key, Any] = {}  # pattern objects built from stored data
_capture = threading.local()
_originals: tuple[Any, Any] | None = None


def _entries(rows: Any) -> Any:
    for pattern, flags, version, args in rows:
        yield (pattern, flags, version), tuple(args)


def install() -> None:
    """Compile through the store from now on (once per process; a no-op after)."""
    global _originals
    if _originals is not None:
        return
    try:
        from regex import _main
    except ImportError:
        return
    if not all(hasattr(_main, n) for n in ("_compile", "_regex", "_locale_sensitive")):
        return  # a ``regex`` built differently: compile as it does
    STORE.load(_entries)
    real_compile, real_c = _main._compile, _main._regex
    _originals = (real_compile, real_c)
    _main._regex = Capturing(real_c, _capture)

    def compile_stored(
        pattern: Any, flags: Any, ignore_unused: Any, kwargs: Any, cache_it: Any
    ) -> Any:
        from regex import DEBUG, DEFAULT_VERSION, LOCALE

        if type(pattern) is not str or kwargs or flags & (DEBUG | LOCALE):
            return real_compile(pattern, flags, ignore_unused, kwargs, cache_it)
        key = (pattern, int(flags), int(DEFAULT_VERSION))
        found = _made.get(key) if cache_it else None
        if found is not None:
            return found
        args = STORE.stored.get(key) or (None if cache_it else STORE.used.get(key))
        if args is not None:
            try:
                found = real_c.compile(*args)
            except Exception:  # damaged entry (a wrong type): compile it as usual
                found = None
            if found is not None:
                if cache_it:
                    _made[key] = found
                STORE.used[key] = args
                return found
        if STORE.full():
            return real_compile(pattern, flags, ignore_unused, kwargs, cache_it)
        _capture.args = None
        compiled = real_compile(pattern, flags, ignore_unused, kwargs, cache_it)
        got, _capture.args = _capture.args, None
        if (
            got is not None
            and got[0] is pattern
            and not got[5]  # named lists
            and not got[6]
            and _main._locale_sensitive.get((str, pattern)) is False
        ):
            STORE.add(key, got)
            if cache_it:
                _made[key] = compiled
        return compiled

    _main._compile = compile_stored


def uninstall() -> None:
    """Compile as ``regex`` does again (tests)."""
    global _originals
    if _originals is None:
        return
    from regex import _main

    _main._compile, _main._regex = _originals
    _originals = None
    STORE.clear()
    _made.clear()


def save() -> None:
    """Write the store if this process compiled a pattern it did not hold: this run's
    patterns, and up to ``KEEP_UNUSED`` stored ones it did not use. Recording stops here."""
    STORE.save(lambda merged: [(p, f, v, _plain(args)) for (p, f, v), args in merged.items()])


def _plain(value: Any) -> Any:
    """As marshal carries it: flags are ``RegexFlag`` members (an ``int`` subclass marshal
    refuses), the opcodes may hold some."""
    kind = type(value)
    if kind is int or kind is str or value is None:
        return value
    if isinstance(value, int) and kind is not bool:
        return int(value)
    if kind is list:
        return [_plain(v) for v in value]
    if kind is tuple:
        return tuple(_plain(v) for v in value)
    if kind is dict:
        return {_plain(k): _plain(v) for k, v in value.items()}
    return value  # marshal refuses anything else: the store is then not written
