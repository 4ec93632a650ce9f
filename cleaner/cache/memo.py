"""Set-up memoised on disk: the parsed rule files and the gazetteer, built once per key.

Parsing the YAML rule files and generating the gazetteer's transliterations cost about
0.55 s of CPU in every worker and every ``cleaner check``; reading the stored result back
costs about as much as unpickling it did (0.01-0.02 s). It is stored as plain data
(``plain``), never as a pickle: a value can only be made of the classes the caller allows.

Not switched off by ``--no-cache``/``CLEANER_NO_CACHE``: those mean "clean every file
again", and this holds no results, only set-up whose key already covers everything it is
built from (as Python's own ``.pyc`` files).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import TypeVar

from cleaner.cache import plain
from cleaner.cache.keys import code_digest
from cleaner.cache.store import kind_dir, read_entry, write_entry

# Bump when the stored shape changes (v1 was pickles, v2 JSON; never read again).
FORMAT = 3
T = TypeVar("T")


def memo_on_disk(
    kind: str,
    parts: Iterable[str],
    build: Callable[[], T],
    keep: Callable[[T], bool] = lambda value: True,
    types: Iterable[type] = (),
) -> T:
    """``build()``, or its stored value from an earlier process with the same key.

    The key is ``kind``, ``parts`` (say ``folders_digest(rule folders)`` and the config
    values the build reads) and the code (``code_digest``), so an edited rule file or a new
    version of cleaner builds afresh. ``types``: the classes the value may contain
    (``plain``); a value with anything else is returned but not stored. Any failure to read
    or write only means building. ``keep(value)`` false: return the value without storing
    it (say, a load with errors)."""
    types = tuple(types)
    key = hashlib.sha256("\0".join([kind, code_digest(), *parts]).encode()).hexdigest()
    folder = kind_dir(f"compiled-v{FORMAT}")
    path = folder / f"{kind}-{key[:40]}.plain" if folder else None
    data = read_entry(path) if path else None
    if data is not None:
        try:
            return plain.loads(data, types)  # type: ignore[no-any-return]
        except (ValueError, TypeError, KeyError, EOFError, RecursionError):
            pass  # damaged or stale: build
    value = build()
    if path is None or not keep(value):
        return value
    try:
        encoded = plain.dumps(value, types)
    except (plain.NotPlain, RecursionError, ValueError):
        return value
    write_entry(path, encoded)
    return value
