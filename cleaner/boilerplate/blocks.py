"""Per-unit features for boilerplate decisions (jusText's ideas applied to plain-text units).

Every feature is a function of the unit's own text only, never of its neighbours or of its
position in the original: the stage decides on the sequence of surviving units and iterates
to a fixpoint, and a second run over the output must see exactly the same units and features.
The text a feature sees is made with 1:1 character substitutions only (curly quotes
straightened, any whitespace to a space), so regex match offsets are offsets into the document.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from cleaner.errors import CleanerError
from cleaner.resources import builtin_data
from cleaner.segment import Unit

_ONE_TO_ONE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\n": " ",
        "\r": " ",
        "\t": " ",
        "\u00a0": " ",
        "\u202f": " ",
        "\u3000": " ",
    }
)
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’.-]*")
_TOKEN = regex.compile(r"\w+")
_URL = regex.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+@[\w-]+\.[\w.]+\b")
_BULLET = regex.compile(r"^(?:[-*\u2022\u2013\u2014+]\s|\d{1,3}[.)]\s)")
# Sentence-final punctuation, looking through closing quotes and brackets.
_SENTENCE_END = regex.compile(r"[.!?\u2026:;,][\"')\]\u201d\u2019»]*$")
_TRAILING_CLOSERS = regex.compile(r"[\"')\]\u201d\u2019»\s]+$")

STOPWORDS = ("boilerplate", "stopwords-en.txt")


@lru_cache(maxsize=4)
def stopwords(path: Path | None = None) -> frozenset[str]:
    """The stop-word list (a data file beside the boilerplate rules, not Python)."""
    if path is None:
        path = builtin_data(*STOPWORDS)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        # Not an empty list: boilerplate decisions would change silently (an install without
        # its data files once did exactly that).
        raise CleanerError(f"{path}: cannot read the stop-word list: {exc.strerror}") from None
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


def matching_text(text: str) -> str:
    """Same length as ``text``: quotes straightened, every whitespace char a space."""
    return text.translate(_ONE_TO_ONE)


@dataclass(slots=True)
class Block:
    """A paragraph unit and its features. ``start``/``end`` trim surrounding whitespace."""

    index: int
    start: int
    end: int
    text: str  # matching_text of doc[start:end]
    words: int
    tokens: tuple[str, ...]
    stop_density: float
    url_chars: float
    sentence_end: bool
    bullet: bool
    # The unit's whole lines, newline included: what removing the unit deletes.
    span_start: int = 0
    span_end: int = 0

    @property
    def key(self) -> str:
        """Identity for duplicate detection: lowercase tokens."""
        return " ".join(self.tokens)

    @property
    def title_like(self) -> bool:
        """Short, no sentence punctuation at the end, not a list item: a headline or a link."""
        return 1 <= self.words <= 25 and not self.sentence_end and not self.bullet

    @property
    def prose(self) -> bool:
        """Clearly article prose: a sentence of some length."""
        return self.words >= 8 and self.sentence_end and self.url_chars < 0.5

    def describe(self) -> str:
        """The features, for an edit's reason."""
        return (
            f"{self.words} words, stop-word density {self.stop_density:.2f}, "
            f"{'ends a sentence' if self.sentence_end else 'no sentence punctuation'}"
            + (f", URL share {self.url_chars:.2f}" if self.url_chars else "")
        )


def make_block(doc_text: str, unit: Unit, index: int, words_set: frozenset[str]) -> Block:
    """Features of one unit of ``doc_text``."""
    raw = doc_text[unit.start : unit.end]
    lead = len(raw) - len(raw.lstrip())
    body = raw.strip()
    start = unit.start + lead
    text = matching_text(body)
    block = _features(index, start, start + len(body), text, words_set)
    block.span_start = unit.start
    block.span_end = unit.end + 1 if doc_text[unit.end : unit.end + 1] == "\n" else unit.end
    return block


def rebuild(block: Block, new_text: str, words_set: frozenset[str]) -> Block:
    """Features of a block whose text an earlier rule rewrote (offsets no longer apply)."""
    new = _features(block.index, block.start, block.end, matching_text(new_text.strip()), words_set)
    new.span_start, new.span_end = block.span_start, block.span_end
    return new


def _features(index: int, start: int, end: int, text: str, words_set: frozenset[str]) -> Block:
    words = _WORD.findall(text)
    tokens = tuple(t.lower() for t in _TOKEN.findall(text))
    stops = sum(1 for w in words if w.lower() in words_set)
    url_len = sum(len(m.group()) for m in _URL.finditer(text))
    stripped = _TRAILING_CLOSERS.sub("", text)
    return Block(
        index=index,
        start=start,
        end=end,
        text=text,
        words=len(words),
        tokens=tokens,
        stop_density=stops / len(words) if words else 0.0,
        url_chars=url_len / len(text) if text else 0.0,
        sentence_end=bool(_SENTENCE_END.search(text)) or stripped.endswith(("?", "!", ".")),
        bullet=bool(_BULLET.match(text)),
    )
