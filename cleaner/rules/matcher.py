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

# ``\W`` less the space: a space is already what it would become, and spaces are most of a
# text's non-word characters, so replacing only the others gives the same text with a
# fraction of the replacements (0.10 -> 0.05 ms an article on Wikinews).
_NON_WORD = re.compile(r"[^\w ]")


def _spaces_for_non_word(text: str) -> str:
    """Every non-word character as a space (length kept). Stdlib ``re`` is twice as fast as
    ``regex`` or ``str.translate`` here, and its Unicode ``\\W`` is the same class."""
    return _NON_WORD.sub(" ", text)


class Kind(Enum):
    PROTECT = "protect"  # a correct name: no fix, but shadows shorter garbles inside it
    FIX = "fix"  # an entity garble -> its correct spelling
    GUARDED = "guarded"  # a short garble, fixed only near context or after the full name
    EVIDENCE = "evidence"  # a one-word person garble (or ``Entity.evidence``), fixed only if
    # the article is about them
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


# One stored entry: ``Entry``'s fields in order (the kind as its value), then the literal
# with its case kept (``_collapse``). Plain tuples of strings and booleans, so a matcher's
# table is stored and loaded as is (``Matcher.table``, ``cleaner.cache.plain``).
Row = tuple[str, str, str, str, bool, bool, bool, str]
Table = tuple[tuple[str, ...], tuple[tuple[Row, ...], ...]]


class Matcher:
    """Build once from entries; ``scan`` yields word-bounded, case-checked hits.

    ``Matcher(entries)`` folds every literal (most of the rule stage's set-up: 20,000
    literals); ``Matcher.load(Matcher.table(entries))`` gives the same matcher from a table
    that can be stored, whose rows become ``Entry`` objects only for keys a text contains."""

    def __init__(self, entries: list[Entry]) -> None:
        self._load(self.table(entries))

    @staticmethod
    def table(entries: list[Entry]) -> Table:
        """Folded keys (padded, non-word characters as spaces) and each key's rows."""
        by_key: dict[str, list[Row]] = {}
        for entry in entries:
            key = fold_key(entry.literal)
            if not key.strip():
                continue
            key = f" {_spaces_for_non_word(key)} "
            bucket = by_key.setdefault(key, [])
            row = (
                entry.kind.value,
                entry.owner,
                entry.literal,
                entry.target,
                entry.case_sensitive,
                entry.full_name,
                entry.unsafe,
                _collapse(entry.literal),
            )
            if row not in bucket:
                bucket.append(row)
        return tuple(by_key), tuple(tuple(rows) for rows in by_key.values())

    @classmethod
    def load(cls, table: Table) -> Matcher:
        matcher = cls.__new__(cls)
        matcher._load(table)
        return matcher

    def _load(self, table: Table) -> None:
        import ahocorasick

        keys, rows = table
        self._rows: dict[str, tuple[Row, ...]] = dict(zip(keys, rows, strict=True))
        self._by_key: dict[str, list[tuple[Entry, str]]] = {}
        self._automaton = ahocorasick.Automaton()
        for key in keys:
            self._automaton.add_word(key, key)
        if keys:
            self._automaton.make_automaton()
        self.size = sum(len(r) for r in rows)

    def _entries(self, key: str) -> list[tuple[Entry, str]]:
        found = self._by_key.get(key)
        if found is None:  # two threads may both build it: the same list, either one kept
            found = self._by_key[key] = [
                (Entry(Kind(k), owner, literal, target, case, full, unsafe), collapsed)
                for k, owner, literal, target, case, full, unsafe, collapsed in self._rows[key]
            ]
        return found

    def scan(self, original: str, folded: Folded) -> Iterator[Hit]:
        """Hits at word boundaries: keys and text have every non-word character as a space
        and keys are padded with spaces, so the automaton itself enforces the boundaries
        (a Python check per raw hit was most of the cost: ``si`` is inside ``visit``)."""
        if not self._rows:
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
            for entry, literal in self._entries(key):
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
