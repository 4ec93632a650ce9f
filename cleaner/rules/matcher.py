"""One Aho-Corasick automaton for every literal of every rule (names, garbles, phrases,
context words), so a document is scanned once however many thousand entries there are.

Keys are folded (``folding``); each key holds the list of ``Entry`` objects that share it
(``Si``, ``SI`` and ``si`` all fold to ``si``), and an entry that cares about case checks the
original span itself. Matches are kept only at word boundaries.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from cleaner.rules.folding import Folded, fold_key


class Kind(Enum):
    PROTECT = "protect"  # a correct name: no fix, but shadows shorter garbles inside it
    FIX = "fix"  # an entity garble -> its correct spelling
    GUARDED = "guarded"  # a short garble, fixed only near context or after the full name
    EVIDENCE = "evidence"  # a one-word person garble, fixed only if the article is about them
    FIRST_NAME = "first"  # wrong first name before the surname
    POSSESSIVE = "possessive"  # ``Xis`` for ``Xi's``
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


@dataclass(frozen=True, slots=True)
class Hit:
    """An entry found at ``text[start:end]`` (original positions)."""

    start: int
    end: int
    entry: Entry


def _collapse(text: str) -> str:
    return fold_key(text, lower=False)


class Matcher:
    """Build once from entries; ``scan`` yields word-bounded, case-checked hits."""

    def __init__(self, entries: list[Entry]) -> None:
        import ahocorasick

        self._by_key: dict[str, list[Entry]] = {}
        for entry in entries:
            key = fold_key(entry.literal)
            if not key:
                continue
            bucket = self._by_key.setdefault(key, [])
            if entry not in bucket:
                bucket.append(entry)
        self._automaton = ahocorasick.Automaton()
        for key in self._by_key:
            self._automaton.add_word(key, key)
        if self._by_key:
            self._automaton.make_automaton()
        self.size = sum(len(v) for v in self._by_key.values())

    def scan(self, original: str, folded: Folded) -> Iterator[Hit]:
        if not self._by_key:
            return
        ftext = folded.text
        n = len(ftext)
        for end_index, key in self._automaton.iter(ftext):
            fstart = end_index - len(key) + 1
            fend = end_index + 1
            if fstart > 0 and _wordish(ftext[fstart - 1]) and _wordish(key[0]):
                continue
            if fend < n and _wordish(ftext[fend]) and _wordish(key[-1]):
                continue
            start = folded.to_original(fstart)
            end = folded.to_original(fend, is_end=True)
            span = None
            for entry in self._by_key[key]:
                if entry.case_sensitive:
                    if span is None:
                        span = _collapse(original[start:end])
                    literal = _collapse(entry.literal)
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


def _wordish(char: str) -> bool:
    return char.isalnum() or char == "_"
