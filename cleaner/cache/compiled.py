"""One store of compiled things kept on disk between commands (issue 17).

Three start-up costs are the same work every run: ``regex`` parsing the pipeline's
patterns (``cache.regexes``), ``re`` parsing its own (``cache.re_patterns``) and
``dataclasses`` compiling the methods it writes (``cache.generated``). Each keeps what it
compiled in a file of the set-up cache and takes it from there next time. What they share
is kept here once: where the file lives, reading it (a damaged file is no error, only a
cold start), what a process took or added, and writing it back with a bound, so that a
store that only grew does not cost its reading on every start.

Trust is that of Python's own ``.pyc`` files: the file is read only if it is a regular file
of the user's own in a private folder (``cache.store``), and its name carries a hash of the
versions of whatever reads it, so another engine never gets these entries.
"""

from __future__ import annotations

import hashlib
import marshal
import threading
from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Capturing:
    """A regex engine's C module (``regex``'s or ``re``'s ``_sre``), noting in ``capture``
    the arguments of the compile it is asked for: those are what a store keeps."""

    def __init__(self, real: Any, capture: threading.local) -> None:
        self._real = real
        self._capture = capture

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def compile(self, *args: Any) -> Any:
        self._capture.args = args
        return self._real.compile(*args)


def compiled_path(name: str, versions: str, create: bool) -> Any:
    """``compiled-v*/<name>-<hash of versions>.marshal`` in the set-up cache, or None.
    Reading (at a command's start, before it has checked the cache and said what is wrong
    with it) neither creates folders nor warns; writing goes through ``kind_dir``."""
    from cleaner.cache import store
    from cleaner.cache.memo import FORMAT

    kind = f"compiled-v{FORMAT}"
    folder = store.kind_dir(kind) if create else store.existing_kind_dir(kind)
    if folder is None:
        return None
    return folder / f"{name}-{hashlib.sha256(versions.encode()).hexdigest()[:40]}.marshal"


class CompiledStore(Generic[K, V]):
    """What one process read from a store (``stored``), and took from it or compiled
    itself (``used``); ``unsaved`` when it compiled something the store lacks.

    ``versions`` is called only when the file is needed (it imports the engine it names).
    ``keep_unused``: stored entries this process did not use that are written back (other
    commands compile a few this one does not); ``record_limit``: entries recorded at most
    (a bound on memory should a process compile many more than a start-up does).
    """

    def __init__(
        self, name: str, versions: Callable[[], str], keep_unused: int, record_limit: int
    ) -> None:
        self.name = name
        self._versions = versions
        self.keep_unused = keep_unused
        self.record_limit = record_limit
        self.stored: dict[K, V] = {}
        self.used: dict[K, V] = {}
        self.unsaved = False
        # Until ``save``: afterwards new things are compiled as usual and not recorded.
        self.recording = False

    def path(self, create: bool) -> Any:
        """The store's file, or None when the cache must not be used; no home folder to
        put a cache in is the same as none."""
        try:
            return compiled_path(self.name, self._versions(), create)
        except (OSError, RuntimeError):
            return None

    def load(self, entries: Callable[[Any], Iterable[tuple[K, V]]]) -> None:
        """Fill ``stored`` from the file through ``entries`` (the file's rows to keys and
        values; it raises ``ValueError``/``TypeError`` on a row of another shape). A
        damaged file leaves ``stored`` empty: everything is compiled as usual and the file
        written afresh. Recording starts."""
        self.stored.clear()
        self.recording = True
        path = self.path(False)
        if path is None:
            return
        from cleaner.cache.store import read_entry

        data = read_entry(path)
        if data is None:
            return
        try:
            self.stored.update(entries(marshal.loads(data)))
        except (EOFError, ValueError, TypeError):
            self.stored.clear()

    def full(self) -> bool:
        """Whether nothing more is recorded (saved already, or at the memory bound)."""
        return not self.recording or len(self.used) >= self.record_limit

    def add(self, key: K, value: V) -> None:
        """Note a thing this process compiled that the store should keep."""
        self.used[key] = value
        self.unsaved = True

    def save(self, rows: Callable[[dict[K, V]], Any]) -> None:
        """Write the file if this process compiled something it did not hold: this
        process's entries and up to ``keep_unused`` stored ones, as ``rows`` gives them to
        ``marshal``. Something marshal does not carry keeps the old file. Recording stops."""
        self.recording = False
        if not self.unsaved:
            return
        self.unsaved = False
        path = self.path(True)
        if path is None:
            return
        merged = dict(self.used)
        kept = 0
        for key, value in self.stored.items():
            if kept >= self.keep_unused:
                break
            if key not in merged:
                merged[key] = value
                kept += 1
        try:
            data = marshal.dumps(rows(merged))
        except ValueError:
            return
        from cleaner.cache.store import write_entry

        write_entry(path, data)
        self.stored.update(merged)

    def clear(self) -> None:
        """Forget everything (an uninstalled hook; tests)."""
        self.stored.clear()
        self.used.clear()
        self.unsaved = self.recording = False
