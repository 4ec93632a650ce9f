"""Harper (``harper-py``): an offline English grammar checker in Rust, run in-process.

Building a ``Linter`` builds Harper's curated dictionary (about 0.6 s of CPU, once per process:
a second ``Linter`` takes 5 ms), so one is built per thread on first use and kept: a
``Linter`` is not thread-safe, but it releases the GIL while linting, so one per thread scales
across threads. Nothing is built until a document needs it, so a run whose results all come
from the cache never pays the start-up cost.

The build releases the GIL too, so ``prefetch`` starts it in a background thread when an
article arrives whose grammar result is not expected in the cache: it then overlaps the other
stages (their set-up and run, about as long) instead of following them, and the first thread
that needs a linter takes it. A fork waits for a build in flight (``os.register_at_fork``):
a child forked in the middle of it would inherit a half-built dictionary whose builder thread
does not exist there.
"""

from __future__ import annotations

import hashlib
import os
import threading
import weakref
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from cleaner.grammar import GrammarHit, GrammarUnavailable, collect
from cleaner.grammar.names import dictionary_words

if TYPE_CHECKING:
    from cleaner.config import Config

# Rules switched off by default, each for a reason that holds for news copy:
# - LongSentences: readability, not correctness ("this sentence is 42 words long"); only on
#   with ``grammar-readability``.
# - UseEllipsisCharacter, NumericRangeEnDash: typography is the canonical form's decision
#   (README, `dashes`), not Harper's.
# - OxfordComma: a house-style choice, and AP style (most wire copy) omits it.
_OFF_BY_DEFAULT = ("UseEllipsisCharacter", "NumericRangeEnDash", "OxfordComma")
_READABILITY_RULES = ("LongSentences",)

# Harper's LintKind -> our level. Kinds that usually mean a wrong word or wrong grammar are
# warnings; taste, typography and style are info. Nothing is an error: a checker's opinion
# should not fail a newsroom's CI on its own.
_WARNING_KINDS = frozenset(
    {
        "Agreement",
        "BoundaryError",
        "Eggcorn",
        "Grammar",
        "Malapropism",
        "Repetition",
        "Spelling",
        "Typo",
        "Usage",
        "WordChoice",
    }
)

_DIALECTS = {"american": 0, "british": 1, "australian": 2, "canadian": 3, "indian": 4}


def level_for(kind: str, word: str, spelling: bool) -> str:
    """``warning`` or ``info`` (see ``_WARNING_KINDS``).

    A spelling hit on a capitalised word is most likely a name Harper does not know, so it is
    info; a misspelt lowercase word is a warning.
    """
    if spelling and word[:1].isupper():
        return "info"
    return "warning" if kind in _WARNING_KINDS else "info"


@dataclass
class HarperBackend:
    """Harper with the names dictionary and the rule switches of one config."""

    dialect: str
    words: tuple[str, ...]
    readability: bool
    name: str = "harper"
    persistent: bool = True
    cache_key: str = ""
    _local: threading.local = field(default_factory=threading.local, repr=False)
    # A linter being built in the background (``prefetch``), until a thread takes it.
    _ahead: _Ahead | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        digest = hashlib.blake2b("\n".join(self.words).encode(), digest_size=8).hexdigest()
        self.cache_key = (
            f"harper-py {_version()} dialect={self.dialect} readability={self.readability} "
            f"off={','.join(_OFF_BY_DEFAULT)} words={digest}"
        )
        self._known = frozenset(self.words)

    @classmethod
    def create(cls, config: Config) -> HarperBackend:
        """The backend for ``config``, shared by every pipeline with the same settings."""
        return _shared(config.grammar_dialect, dictionary_words(config), config.grammar_readability)

    # -- the per-thread linter --------------------------------------------------------------

    def linter(self) -> Any:
        """This thread's ``harper.Linter``: the prefetched one if no thread took it yet,
        else built on first use."""
        linter = getattr(self._local, "linter", None)
        if linter is None:
            with self._lock:
                ahead, self._ahead = self._ahead, None
            linter = ahead.take() if ahead is not None else self._build()
            self._local.linter = linter
            self._local.common = {}
        return linter

    def prefetch(self) -> None:
        """Start building a linter in the background, unless this thread has one or a
        build is already under way (the pipeline calls it for an article whose grammar
        result is not expected in the cache)."""
        if getattr(self._local, "linter", None) is not None:
            return
        with self._lock:
            if self._ahead is None:
                self._ahead = _Ahead(self._build)

    def _build(self) -> Any:
        global _begun
        _begun = True
        try:
            import harper
        except ImportError as exc:  # a broken install, not a user's mistake
            raise GrammarUnavailable(
                f"grammar backend 'harper' needs the harper-py package ({exc}); "
                "reinstall cleaner or use --grammar none"
            ) from None
        linter = harper.Linter(harper.Dialect(_DIALECTS[self.dialect]))
        switches: dict[str, bool | None] = {rule: False for rule in _OFF_BY_DEFAULT}
        for rule in _READABILITY_RULES:
            switches[rule] = self.readability
        linter.set_lint_config({**linter.get_lint_config(), **switches})
        if self.words:
            linter.import_words(list(self.words))
        return linter

    # -- checking ---------------------------------------------------------------------------

    def check(self, text: str) -> list[GrammarHit]:
        # The whole text in one call. Cutting it into runs of paragraphs looked 4x faster
        # but was not: Harper keeps a process-wide cache of what it linted, so whichever
        # of two ways ran second was the fast one; run first, the pieces took 13% longer.
        organized = self.linter().organized_lints(text, language="plaintext")
        self._judge_common_words(organized.get("SpellCheck", ()))
        return collect(self._hit(rule, lint) for rule, lints in organized.items() for lint in lints)

    def _judge_common_words(self, spelling: Any) -> None:
        """Ask Harper in one call about every suggestion ``_is_common_word`` will ask about
        for these spelling lints (the same conditions as ``_hit``).

        Linting one word costs a call's fixed work each time: one call per suggestion was
        7 ms of an article's 116 ms in the grammar stage (issue 17). Each word is its own
        paragraph of one text, and a word is common when no lint touches it: the answer
        linting it alone gives (``tests/test_grammar_harper.py`` holds them equal)."""
        cache: dict[str, bool] = self._local.common
        wanted: dict[str, None] = {}
        for lint in spelling:
            word = lint.problem_text
            if word in self._known or not word[:1].isupper():
                continue
            for suggestion in lint.suggestions:
                lower = _suggestion_text(word, suggestion).lower()
                if lower and lower != word.lower() and lower not in cache:
                    wanted[lower] = None
        # Words alone: a full stop or a digit makes Harper read a word by what is around
        # it (``s.t.`` after another paragraph is no misspelling; alone it is one).
        words = [w for w in wanted if _plain_word(w)]
        if len(words) > 1:
            cache.update(common_words(self.linter(), words))

    def _hit(self, rule: str, lint: Any) -> GrammarHit | None:
        kind = lint.lint_kind
        if kind == "Readability" and not self.readability:
            return None
        word = lint.problem_text
        spelling = rule == "SpellCheck"
        if spelling and word in self._known:
            return None
        suggestions = tuple(_suggestion_text(word, s) for s in lint.suggestions)
        if spelling and word[:1].isupper():
            suggestions = tuple(s for s in suggestions if not self._is_common_word(s, word))
        return GrammarHit(
            start=lint.span.start,
            end=lint.span.end,
            rule=rule,
            kind=kind,
            message=lint.message,
            suggestions=tuple(dict.fromkeys(suggestions)),
            spelling=spelling,
            level=level_for(kind, word, spelling),
        )

    def _is_common_word(self, suggestion: str, word: str) -> bool:
        """Whether ``suggestion`` is an ordinary dictionary word rather than a name.

        A capitalised unknown word in news copy is usually a name; replacing ``Peskov`` by
        ``Pesky`` or ``Interfax`` by ``Interface`` turns a correct name into a wrong common
        word, so such suggestions are dropped. The test: Harper accepts the word in lower
        case (``pesky``) but flags a name in lower case (``ustinov``).
        """
        lower = suggestion.lower()
        if not lower or lower == word.lower():
            return False
        cache: dict[str, bool] = self._local.common
        found = cache.get(lower)
        if found is None:
            found = not self.linter().lint(lower, language="plaintext")
            cache[lower] = found
        return found


class _Ahead:
    """One linter built in a daemon thread; ``take`` waits for it (or raises what the build
    raised: a missing harper-py is the first document's one-line error, as without it)."""

    def __init__(self, build: Any) -> None:
        self._build = build
        self._result: tuple[bool, Any] | None = None
        self._thread = threading.Thread(target=self._run, name="harper-prefetch", daemon=True)
        _IN_FLIGHT.add(self)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._result = (True, self._build())
        except BaseException as exc:  # a Rust panic is a BaseException (pyo3)
            self._result = (False, exc)

    def wait(self) -> None:
        if self._thread.is_alive():
            self._thread.join()

    def take(self) -> Any:
        self.wait()
        ok, value = self._result or (False, RuntimeError("harper prefetch did not run"))
        if not ok:
            raise value
        return value


_IN_FLIGHT: weakref.WeakSet[_Ahead] = weakref.WeakSet()
# Whether this process has begun building a linter (any backend, any thread): the first fills
# Harper's process-wide dictionary, so a build ahead of need is pointless after it.
_begun = False


def begun() -> bool:
    """Whether a linter was built, or a build started, in this process (``build_ahead``)."""
    return _begun or bool(_IN_FLIGHT)


def _finish_builds_before_fork() -> None:
    for ahead in list(_IN_FLIGHT):
        ahead.wait()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=_finish_builds_before_fork)


def _plain_word(text: str) -> bool:
    """Letters, with single spaces, hyphens or apostrophes between them."""
    parts = text.replace("'", " ").replace("\u2019", " ").replace("-", " ").split(" ")
    return all(p.isalpha() for p in parts)


def common_words(linter: Any, words: list[str]) -> dict[str, bool]:
    """For each word, whether Harper accepts it (no lint), from one lint of all of them, each
    word a paragraph of its own. Callers give plain words (``_plain_word``)."""
    text = "\n\n".join(words)
    starts = []
    at = 0
    for word in words:
        starts.append(at)
        at += len(word) + 2
    flagged: set[int] = set()
    for lint in linter.lint(text, language="plaintext"):  # a lint's words: those it touches
        begin, end = lint.span.start, lint.span.end
        first = max(0, bisect_right(starts, begin) - 1)
        flagged.update(range(first, max(first, bisect_left(starts, end) - 1) + 1))
    return {word: i not in flagged for i, word in enumerate(words)}


def _suggestion_text(problem: str, suggestion: Any) -> str:
    """What the span becomes under a suggestion (Harper's REPLACE / REMOVE / INSERT_AFTER)."""
    kind = int(suggestion.kind)
    if kind == 1:  # REMOVE
        return ""
    if kind == 2:  # INSERT_AFTER
        return problem + suggestion.replacement_text
    return suggestion.replacement_text


@lru_cache(maxsize=16)
def _shared(dialect: str, words: tuple[str, ...], readability: bool) -> HarperBackend:
    return HarperBackend(dialect=dialect, words=words, readability=readability)


@lru_cache(maxsize=1)
def _version() -> str:
    # The dist-info folder names, not ``importlib.metadata`` (60 ms to import).
    from cleaner.cache.keys import installed_version

    return installed_version("harper-py") or "unknown"
