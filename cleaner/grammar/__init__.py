"""Grammar checking behind one small interface, so the checker is a choice, not a dependency.

Backends: ``harper`` (Harper in-process via ``harper-py``: offline, no Java, no server),
``languagetool`` (a LanguageTool server or local install through ``language-tool-python``,
only when one is configured or already installed: it never starts a download) and ``none``.
Backend modules are imported only when selected, so ``cleaner check`` with ``--grammar none``
never loads a Rust extension or ``requests``.

A backend turns text into ``GrammarHit``s: spans in the text it was given, a backend-local rule
name and plain-string suggestions. Policy (which hits become findings, which are applied,
merging with other stages' findings) lives in ``cleaner.stages.grammar``.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from cleaner.errors import CleanerError
from cleaner.resources import source_digest

if TYPE_CHECKING:
    from cleaner.config import Config

BACKENDS = ("harper", "languagetool", "none")


class GrammarUnavailable(CleanerError):
    """The selected grammar backend cannot run here; the message says how to provide it."""


@dataclass(frozen=True, slots=True)
class GrammarHit:
    """One problem a backend found in the text it was given.

    ``rule`` is the backend's own rule name (``MassNouns``, ``MORFOLOGIK_RULE_EN_US``); the
    stage namespaces it as ``GR-<backend>/<rule>``. ``spelling`` marks unknown-word hits, the
    ones the name dictionary and the suggestion filter care about.
    """

    start: int
    end: int
    rule: str
    kind: str
    message: str
    suggestions: tuple[str, ...] = ()
    spelling: bool = False
    level: str = "warning"


def collect(hits: Iterable[GrammarHit | None]) -> list[GrammarHit]:
    """The hits a backend kept (None: filtered out), in text order, as the stage expects."""
    return sorted((h for h in hits if h is not None), key=lambda h: (h.start, h.end, h.rule))


class GrammarBackend(Protocol):
    """What the stage needs from a checker. Built once per process, then ``check`` many times."""

    name: str
    # Whether results may be kept on disk across runs (fixed by ``cache_key`` alone).
    persistent: bool
    # Identifies everything that changes the hits (backend version, dialect, dictionary, rule
    # switches), so cached results are never reused across a change.
    cache_key: str

    def check(self, text: str) -> list[GrammarHit]:
        """Hits in ``text``; spans are code-point offsets into ``text``."""
        ...


def namespace(config: Config) -> str:
    """``GR-harper/`` for the selected backend."""
    return f"GR-{config.grammar}/"


def wanted(config: Config) -> bool:
    """Whether any grammar rule can survive select/ignore (else skip building the checker)."""
    if config.grammar == "none":
        return False
    ns = namespace(config)
    return config.enabled(ns) or any(p.startswith(ns) for p in config.select)


def build_ahead(config: Config, article: str) -> bool:
    """Start building Harper's linter in the background for ``article`` (a file as read),
    which this process is about to clean under ``config``; True if a build is under way.

    The grammar stage starts the same build once the language check has run
    (``Grammar.expect``), but a command knows sooner: as soon as it has the file and its
    config and the result cache has no answer for it. The build (0.45 s of CPU, Harper's
    process-wide dictionary) releases the GIL, so started here it overlaps the pipeline's
    import and set-up too (issue 17: a cold ``cleaner check one.txt``). Only Harper (a
    LanguageTool backend has nothing to build), only when a grammar rule is enabled, and not
    for an article whose grammar result an earlier run stored (``cache.expected``, as the
    stage asks), and only with a second CPU to overlap on (on one, the build and the set-up
    would share it, and a build for an article the language check calls foreign is saved).
    A hint and nothing more: a speculative build for an article the language check then
    calls foreign only costs CPU in a daemon thread (foreign text is not guessed here: the
    language check needs the pipeline this start overlaps), and an error is raised where the
    stage takes the linter, as without it."""
    if config.grammar != "harper" or not wanted(config) or not article.strip():
        return False
    from cleaner.grammar.harper import HarperBackend, begun

    if begun():  # the dictionary is built or being built: a later linter costs 5 ms
        return False
    from cleaner.config import available_cpus

    if available_cpus() < 2:  # nothing to overlap: the stage starts it after the language check
        return False
    from cleaner.grammar import cache

    try:
        backend = HarperBackend.create(config)
        if cache.expected(input_key(backend, article)):
            return False
    except Exception:  # a hint: the stage meets the same failure, and reports it, in its place
        return False
    backend.prefetch()
    return True


def build_backend(config: Config) -> GrammarBackend | None:
    """The backend ``config.grammar`` selects, or None for ``none``; raises GrammarUnavailable."""
    if config.grammar == "none":
        return None
    if config.grammar == "harper":
        from cleaner.grammar.harper import HarperBackend

        return HarperBackend.create(config)
    if config.grammar == "languagetool":
        from cleaner.grammar.languagetool import LanguageToolBackend

        return LanguageToolBackend.create(config)
    raise GrammarUnavailable(
        f"unknown grammar backend {config.grammar!r}; choose one of {', '.join(BACKENDS)}"
    )


def preflight(config: Config) -> None:
    """Fail fast, in the parent process, if the selected backend cannot run.

    Cheap on purpose: it does not build Harper's linter (worker processes do, once each); for
    LanguageTool it asks the server for its language list with a short timeout, or looks for
    an installed copy on disk. Without this, every worker would report the same error once
    per file instead of one line and exit 2.
    """
    if config.grammar == "languagetool":
        from cleaner.grammar.languagetool import locate

        locate(config)


class ResultCache:
    """Per-document hits by content hash: a re-run over unchanged text does not re-lint.

    An in-process LRU (thread-safe); the key includes the backend's ``cache_key`` so a
    changed dictionary or dialect is a miss.
    """

    def __init__(self, maxsize: int = 4096) -> None:
        self.maxsize = maxsize
        self._data: OrderedDict[str, tuple[GrammarHit, ...]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(backend: GrammarBackend, text: str) -> str:
        """The text, the backend's settings (``cache_key``) and this package's code: a
        changed filter (which suggestions a name keeps, which hits a level) must not be
        answered by results an older version stored on disk."""
        digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16)
        digest.update(b"\0" + backend.cache_key.encode() + b"\0" + code_version().encode())
        return digest.hexdigest()

    def get(self, key: str) -> tuple[GrammarHit, ...] | None:
        with self._lock:
            found = self._data.get(key)
            if found is None:
                self.misses += 1
                return None
            self._data.move_to_end(key)
            self.hits += 1
            return found

    def clear(self) -> None:
        with self._lock:
            self._data.clear()

    def put(self, key: str, hits: tuple[GrammarHit, ...]) -> None:
        with self._lock:
            self._data[key] = hits
            self._data.move_to_end(key)
            while len(self._data) > self.maxsize:
                self._data.popitem(last=False)


RESULTS = ResultCache()


@lru_cache(maxsize=1)
def code_version() -> str:
    """The code that turns a checker's answer into hits and stores them: this package's
    source (what the backends filter and how ``cache`` stores it). The rest of cleaner
    works on hits after the cache, so its changes need not empty it (``cleaner.cache.keys``
    hashes all of it for the result cache: about ten times the files to read)."""
    return source_digest(Path(__file__).resolve().parent, recursive=False)


def input_key(backend: GrammarBackend, article: str) -> str:
    """The key of an article as it arrived (``cache.expected``), apart from result keys."""
    return ResultCache.key(backend, "\0article as read\0" + article)


def check_cached(backend: GrammarBackend, text: str) -> tuple[GrammarHit, ...]:
    """``backend.check(text)`` through the process-wide LRU, then the on-disk cache."""
    key = ResultCache.key(backend, text)
    found = RESULTS.get(key)
    if found is not None:
        return found
    if backend.persistent:
        from cleaner.grammar import cache

        found = cache.load(key)
        if found is None:
            found = tuple(backend.check(text))
            cache.store(key, found)
    else:
        found = tuple(backend.check(text))
    RESULTS.put(key, found)
    return found
