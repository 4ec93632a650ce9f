"""One Aho-Corasick automaton for every literal of every rule (names, garbles, phrases,
context words), so a document is scanned once however many thousand entries there are.

Keys are folded (``folding``); each key holds the list of ``Entry`` objects that share it
(``Si``, ``SI`` and ``si`` all fold to ``si``), and an entry that cares about case checks the
original span itself. Matches are kept only at word boundaries.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from cleaner.folding import Folded, fold_key

_NON_WORD = re.compile(r"\W")


def _spaces_for_non_word(text: str) -> str:
    """Every non-word character as a space (length kept). Stdlib ``re`` is twice as fast as
    ``regex`` or ``str.translate`` here, and its Unicode ``\\W`` is the same class."""
    return _NON_WORD.sub(" ", text)


class Kind(Enum):
    PROTECT = "protect"  # a correct name: no fix, but shadows shorter garbles inside it
    FIX = "fix"  # an entity garble -> its correct spelling
    GUARDED = "guarded"  # a short garble, fixed only near context or after the full name
    EVIDENCE = "evidence"  # a one-word person garble, fixed only if the article is about them
    FIRST_NAME = "first"  # wrong first name before the surname
    POSSESSIVE = "possessive"  # ``Xis`` for ``Xi's``
    OLDER = "older"  # an older accepted spelling (``Kiev``): fixed only to match the article
    PHRASE = "phrase"  # a substitution or existence rule's phrase
    CONTEXT = "context"  # a context word of an entity or rule (never a match by itself)


@dataclass(frozen=True, slots=True)
class Entry:
    """What one literal means. ``owner`` is the rule id (entity id for names)."""

    kind: Kind
    owner: str
    literal: str
    target: str = ""
    case_sensitive: bool = True
    # For PROTECT/FIX of multi-word names: counts as "full name seen" for guarded variants.
    full_name: bool = False
    # A fix that is only ever unsafe whatever the rule says (case forms: ``Buchi``).
    unsafe: bool = False


@dataclass(frozen=True, slots=True)
class Hit:
    """An entry found at ``text[start:end]`` (original positions)."""

    start: int
    end: int
    entry: Entry


_PLAIN = re.compile(r"[\w']+(?: [\w']+)*")


def _collapse(text: str) -> str:
    """``fold_key`` keeping case; most spans are plain words, which it would not change."""
    if _PLAIN.fullmatch(text):
        return text
    return fold_key(text, lower=False)


class Matcher:
    """Build once from entries; ``scan`` yields word-bounded, case-checked hits."""

    def __init__(self, entries: list[Entry]) -> None:
        import ahocorasick

        self._by_key: dict[str, list[tuple[Entry, str]]] = {}
        for entry in entries:
            key = fold_key(entry.literal)
            if not key.strip():
                continue
            key = f" {_spaces_for_non_word(key)} "
            bucket = self._by_key.setdefault(key, [])
            item = (entry, _collapse(entry.literal))
            if item not in bucket:
                bucket.append(item)
        self._automaton = ahocorasick.Automaton()
        for key in self._by_key:
            self._automaton.add_word(key, key)
        if self._by_key:
            self._automaton.make_automaton()
        self.size = sum(len(v) for v in self._by_key.values())

    def scan(self, original: str, folded: Folded) -> Iterator[Hit]:
        """Hits at word boundaries: keys and text have every non-word character as a space
        and keys are padded with spaces, so the automaton itself enforces the boundaries
        (a Python check per raw hit was most of the cost: ``si`` is inside ``visit``)."""
        if not self._by_key:
            return
        if folded.bounded is None:
            folded.bounded = f" {_spaces_for_non_word(folded.text)} "
        bounded = folded.bounded
        for end_index, key in self._automaton.iter(bounded):
            fend = end_index - 1
            fstart = end_index - len(key) + 1
            start = folded.to_original(fstart)
            end = folded.to_original(fend, is_end=True)
            span = None
            for entry, literal in self._by_key[key]:
                if entry.case_sensitive:
                    if span is None:
                        span = _collapse(original[start:end])
                    strict = entry.kind is Kind.PHRASE  # a casing rule means exactly this case
                    if span != literal if strict else not same_case(span, literal):
                        continue
                yield Hit(start, end, entry)


def same_case(span: str, literal: str) -> bool:
    """Case check for names: exact, or equal ignoring case with the same first letter and
    neither in capitals (``Chin-P'ing`` = ``Chin-p'ing``, but ``SI`` != ``Si``)."""
    if span == literal:
        return True
    if span.lower() != literal.lower() or span.isupper() or literal.isupper():
        return False
    return span[:1] == literal[:1]
