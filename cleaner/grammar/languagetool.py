"""LanguageTool through ``language-tool-python``, only where it is already available.

``language-tool-python`` downloads LanguageTool (about 250 MB, plus Java) the first time it is
asked for a local server. A newsroom's locked-down machine or a pre-commit hook must never do
that behind the user's back, so this backend runs only against

* a server URL (``--languagetool-url``, ``CLEANER_LANGUAGETOOL_URL``, config
  ``languagetool-url``), checked with a short-timeout request before anything else; or
* a copy already installed where ``language-tool-python`` looks for one (``LTP_JAR_DIR_PATH``,
  or ``LanguageTool-*`` folders under ``LTP_PATH``, default ``~/.cache/language_tool_python``)
  with ``java`` on the PATH.

Otherwise it raises ``GrammarUnavailable`` with one line saying what is missing and how to
provide it. The wrapper's own errors (``LanguageToolError``, ``requests.ConnectionError``)
never reach the user raw.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import threading
import urllib.parse
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cleaner.grammar import GrammarHit, GrammarUnavailable, collect
from cleaner.grammar.names import dictionary_words, is_known

if TYPE_CHECKING:
    from cleaner.config import Config

URL_ENV = "CLEANER_LANGUAGETOOL_URL"
# Connect / read timeouts for the availability check. The wrapper's own timeout is 300 s, far
# too long to learn that a server is not there.
PROBE_TIMEOUT = (3.0, 15.0)
_LANGUAGES = {
    "american": "en-US",
    "british": "en-GB",
    "australian": "en-AU",
    "canadian": "en-CA",
    "indian": "en",
}
_READABILITY_RULES = ("TOO_LONG_SENTENCE", "TOO_LONG_PARAGRAPH")
_WARNING_TYPES = frozenset({"misspelling", "grammar", "inconsistency", "duplication"})
_HOW = (
    "set --languagetool-url, CLEANER_LANGUAGETOOL_URL or languagetool-url in config to a "
    "running LanguageTool server, or use --grammar harper"
)


@dataclass(frozen=True, slots=True)
class Location:
    """Where LanguageTool runs: a server URL (base, without ``/v2/``) or a local install."""

    url: str | None = None
    version: str | None = None  # the installed version to start, for a local install

    def describe(self) -> str:
        return f"server {self.url}" if self.url else f"local install {self.version or ''}".strip()


def server_url(config: Config) -> str | None:
    """The configured server URL: config (which the CLI fills from its option or the env),
    else the environment, for callers of ``clean_text`` that bypass the CLI."""
    return config.languagetool_url or os.environ.get(URL_ENV) or None


def _base_url(url: str) -> str:
    """``host:8081``, ``http://host:8081/`` and ``http://host:8081/v2/`` all mean one server."""
    if "://" not in url:
        url = "http://" + url
    path = url.rstrip("/")
    if path.endswith("/v2"):
        path = path[: -len("/v2")]
    return path + "/"


def locate(config: Config) -> Location:
    """Find a usable LanguageTool or raise ``GrammarUnavailable`` (never downloads)."""
    url = server_url(config)
    if url:
        return _probe(_base_url(url))
    return _local_install()


def _probe(base: str) -> Location:
    import requests

    endpoint = urllib.parse.urljoin(base, "v2/languages")
    try:
        response = requests.get(endpoint, timeout=PROBE_TIMEOUT)
        response.raise_for_status()
        languages = response.json()
    except requests.RequestException as exc:
        reason = _short_reason(exc)
        raise GrammarUnavailable(
            f"grammar backend 'languagetool': no LanguageTool server answering at {base} "
            f"({reason}); start it, fix the URL, or use --grammar harper"
        ) from None
    except ValueError:
        raise GrammarUnavailable(
            f"grammar backend 'languagetool': {endpoint} did not answer with LanguageTool's "
            "JSON; is this a LanguageTool server?"
        ) from None
    if not isinstance(languages, list):
        raise GrammarUnavailable(
            f"grammar backend 'languagetool': {endpoint} did not list languages; "
            "is this a LanguageTool server?"
        )
    return Location(url=base)


def _short_reason(exc: Exception) -> str:
    """A readable cause without requests' nested reprs."""
    import requests

    if isinstance(exc, requests.ConnectionError):
        return "connection failed"
    if isinstance(exc, requests.Timeout):
        return "timed out"
    if isinstance(exc, requests.HTTPError) and exc.response is not None:
        return f"HTTP {exc.response.status_code}"
    return type(exc).__name__


def _local_install() -> Location:
    """An installed LanguageTool the wrapper would use, looked up without side effects.

    (The wrapper's own lookup creates its download folder; this one only reads.)
    """
    jar_dir = os.environ.get("LTP_JAR_DIR_PATH")
    folder = Path(os.environ.get("LTP_PATH") or Path.home() / ".cache" / "language_tool_python")
    version: str | None = None
    if jar_dir:
        if not any(
            (Path(jar_dir) / n).is_file() for n in ("languagetool-server.jar", "languagetool.jar")
        ):
            raise GrammarUnavailable(
                f"grammar backend 'languagetool': LTP_JAR_DIR_PATH={jar_dir} holds no "
                f"languagetool-server.jar; {_HOW}"
            )
    else:
        installed = sorted(
            p.name.removeprefix("LanguageTool-")
            for p in (folder.glob("LanguageTool-*") if folder.is_dir() else ())
            if (p / "languagetool-server.jar").is_file() or (p / "languagetool.jar").is_file()
        )
        if not installed:
            raise GrammarUnavailable(
                "grammar backend 'languagetool': no server URL configured and no LanguageTool "
                f"installed in {folder} (cleaner never downloads it); {_HOW}"
            )
        version = installed[-1]
    if shutil.which("java") is None:
        raise GrammarUnavailable(
            "grammar backend 'languagetool': a local LanguageTool install needs java on the "
            f"PATH, and there is none; {_HOW}"
        )
    return Location(version=version)


def _digest(words: frozenset[str]) -> str:
    return hashlib.blake2b("\n".join(sorted(words)).encode(), digest_size=8).hexdigest()


@dataclass
class LanguageToolBackend:
    """One ``language_tool_python.LanguageTool`` per process, shared by threads under a lock
    (the wrapper keeps per-text state in class attributes of ``Match``)."""

    where: Location
    language: str
    words: frozenset[str]
    readability: bool
    name: str = "languagetool"
    persistent: bool = False
    cache_key: str = ""
    _tool: Any = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        self.cache_key = (
            f"languagetool {self.where.describe()} {self.language} "
            f"readability={self.readability} words={_digest(self.words)}"
        )

    @classmethod
    def create(cls, config: Config) -> LanguageToolBackend:
        """One connection (or one local Java server) per settings, shared by every pipeline."""
        return _shared(
            locate(config),
            _LANGUAGES[config.grammar_dialect],
            frozenset(dictionary_words(config)),
            config.grammar_readability,
        )

    def _connect(self) -> None:
        try:
            import language_tool_python as ltp

            if self.where.url:
                tool = ltp.LanguageTool(self.language, remote_server=self.where.url)
            elif self.where.version:
                tool = ltp.LanguageTool(
                    self.language, language_tool_download_version=self.where.version
                )
            else:  # LTP_JAR_DIR_PATH: the wrapper skips its download step
                tool = ltp.LanguageTool(self.language)
        except Exception as exc:  # the wrapper raises many types; none may escape raw
            raise GrammarUnavailable(
                f"grammar backend 'languagetool': cannot use {self.where.describe()} "
                f"({type(exc).__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''})"
            ) from None
        if not self.readability:
            tool.disabled_rules = set(_READABILITY_RULES)
        self._tool = tool

    def check(self, text: str) -> list[GrammarHit]:
        try:
            with self._lock:
                matches = self._tool.check(text)
        except Exception as exc:
            raise GrammarUnavailable(
                f"grammar backend 'languagetool': {self.where.describe()} failed "
                f"({type(exc).__name__})"
            ) from None
        return collect(self._hit(m, text) for m in matches)

    def _hit(self, m: Any, text: str) -> GrammarHit | None:
        start, end = m.offset, m.offset + m.error_length
        if not 0 <= start <= end <= len(text):
            return None
        word = text[start:end]
        issue = getattr(m, "rule_issue_type", "") or ""
        spelling = issue == "misspelling" or getattr(m, "category", "") == "TYPOS"
        if spelling and is_known(word, self.words):
            return None
        if not self.readability and m.rule_id in _READABILITY_RULES:
            return None
        suggestions = tuple(dict.fromkeys(m.replacements[:5]))
        if spelling and word[:1].isupper():
            # A capitalised unknown word is usually a name, and there is no local dictionary to
            # ask which suggestions are common words, so only known names are kept as
            # suggestions: "Peskov" -> "Pesky" is dropped, "Zelenskiy" -> "Zelensky" stays.
            suggestions = tuple(s for s in suggestions if is_known(s, self.words))
        level = (
            "info"
            if spelling and word[:1].isupper()
            else ("warning" if issue in _WARNING_TYPES else "info")
        )
        return GrammarHit(
            start=start,
            end=end,
            rule=m.rule_id,
            kind=issue or m.category,
            message=m.message,
            suggestions=suggestions,
            spelling=spelling,
            level=level,
        )


@lru_cache(maxsize=8)
def _shared(
    where: Location, language: str, words: frozenset[str], readability: bool
) -> LanguageToolBackend:
    backend = LanguageToolBackend(where, language, words, readability)
    backend._connect()
    return backend
