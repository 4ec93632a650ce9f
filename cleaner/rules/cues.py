"""Cues: literal strings a regex cannot match without, read off the pattern itself.

Why: a rule's regex is searched in every paragraph, and almost every paragraph holds none of
the words the rule is about ("cookies", "rights reserved", "may earn"). A regex engine finds
that out by trying the pattern at every position; a substring test, or one Aho-Corasick pass
for all rules at once, finds it out in C at a fraction of the cost. So each pattern gets its
*cues*: alternatives of which any text the pattern can match holds at least one (compared
case-folded). A paragraph holding no cue of a rule is not searched for it; the rule's result
there is "no match", exactly what the search would have said. Nothing here is knowledge: the
cues are derived from the pattern, so they cannot drift from it.

The pattern is read with the standard library's own parser (``re._parser``; its public alias
``sre_parse`` warns on import), which reads the syntax these rule files use the way the
``regex`` module does, once its Unicode properties (``\\p{L}``) and named groups (``(?<name>``)
are rewritten to a standard class and group. Where the two could read a pattern differently
(other ``regex``-only syntax fails to parse here; a brace that is not a counted repeat, which
``regex`` may read as fuzzy matching; a POSIX class) no cue is derived and the rule is
searched everywhere, as before.

What a cue may be, and why it is sound:

* a run of consecutive literal characters, each ASCII or without case (``©``, ``•``): other
  letters break the run (``regex``'s case-insensitive matching lets ``k`` match the Kelvin
  sign and ``s`` the long s; ``str.casefold`` maps both to the ASCII letter, so the
  case-folded text still holds the run). Zero-width items (``^``, ``\\b``, look-arounds) do not
  break a run: they consume nothing; a set of such characters (``[-–—]``) gives each one;
* the cues of any one item of a sequence, of a group, of a repeat taken at least once, and of
  a positive look-around (what it looks for must be in the text even if outside the match);
* for an alternation, the union of its branches' cues; a branch without cues leaves none.

Of the candidates a sequence offers, the one whose shortest alternative is longest is kept (a
longer cue is rarer). ``tests/test_rule_cues.py`` holds every derivation to the pattern: on
the rules' own examples and on generated text, a match without a cue is a failure.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import regex

try:  # the standard library's regex parser (see the module docstring)
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - a Python without it: no cues, every rule searched
    sre_parse = None

Cues = frozenset[str]

# A brace that opens a counted repeat: {m}, {m,}, {,n}, {m,n}. Any other brace may be fuzzy
# matching to ``regex`` ({e<=1}) and a literal to the standard parser.
_BRACE = regex.compile(r"\\.|\{(?!\d*,?\d*\})", regex.DOTALL)
# A POSIX class (``[[:alpha:]]``): one class to ``regex``, a set then a literal "]" to the
# standard parser.
_POSIX = regex.compile(r"\[:\^?\w+:\]")


# Two pieces of ``regex`` syntax the standard parser does not read, rewritten to ones it
# reads alike for cues: a Unicode property (``\p{Lu}``: a class, never a literal) becomes
# ``\w`` (a class, never a literal), and a named group ``(?<role>...)`` becomes ``(?P<role>...)``.
# Any other escape is kept as it is (matched first, so an escaped backslash is not misread).
_REGEX_ONLY = regex.compile(r"\\[pP]\{[^}]*\}|\\.|\(\?<(?![=!])", regex.DOTALL)


def _as_standard(m: regex.Match[str]) -> str:
    found = m.group()
    if found[:2] in ("\\p", "\\P"):
        return "\\w"
    if found == "(?<":
        return "(?P<"
    return found


@lru_cache(maxsize=4096)
def cues(pattern: str) -> Cues | None:
    """The cues of ``pattern`` (case-folded strings, any one of which every text the pattern
    matches holds, compared with ``str.casefold``), or None when none can be derived."""
    if sre_parse is None:
        return None
    pattern = _REGEX_ONLY.sub(_as_standard, pattern)
    if any(m.group() == "{" for m in _BRACE.finditer(pattern)) or _POSIX.search(pattern):
        return None
    try:
        parsed = sre_parse.parse(pattern)
    except Exception:  # regex-only syntax (a bad escape, an unknown flag): searched everywhere
        return None
    _, found = _sequence(list(parsed))
    if not found or "" in found:
        return None
    # A cue holding another is redundant: wherever it is, the shorter one is too.
    return frozenset(c for c in found if not any(o != c and o in c for o in found))


def holds(cue_set: Cues, folded: str) -> bool:
    """Whether ``folded`` (a text's ``casefold()``) holds any of the cues."""
    return any(c in folded for c in cue_set)


def _char(code: int) -> str | None:
    """A literal character as a cue holds it: an ASCII one lower-cased, one without case
    (``©``, ``•``) as it is; any other (a letter outside ASCII) breaks the run."""
    char = chr(code)
    if char.isascii():
        return char.lower()
    if char.lower() == char == char.upper() == char.casefold():
        return char
    return None


def _better(a: Cues | None, b: Cues | None) -> Cues | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


def _sequence(items: list) -> tuple[str | None, Cues | None]:  # type: ignore[type-arg]
    """(the exact literal the sequence always matches, or None; its best cues)."""
    best: Cues | None = None
    run: list[str] = []
    exact: list[str] | None = []
    for op, av in items:
        literal, found = _item(op, av)
        if literal is not None:
            run.append(literal)
            if exact is not None:
                exact.append(literal)
        else:
            if run and "".join(run):
                best = _better(best, frozenset(("".join(run),)))
            run = []
            exact = None
        best = _better(best, found)
    if run and "".join(run):
        best = _better(best, frozenset(("".join(run),)))
    return ("".join(exact) if exact is not None else None), best


def _item(op, av) -> tuple[str | None, Cues | None]:  # type: ignore[no-untyped-def]
    """(the exact literal this item always matches, "" when zero-width, else None; cues)."""
    name = str(op)
    if name == "LITERAL":
        char = _char(av)
        return char, None
    if name == "AT":
        return "", None
    if name == "IN":
        chars = {_char(v) if str(o) == "LITERAL" else None for o, v in av}
        if None in chars:  # a range, a category, a negated set
            return None, None
        if len(chars) == 1:
            return chars.pop(), None
        return None, frozenset(chars)  # type: ignore[arg-type]
    if name == "SUBPATTERN":
        return _sequence(list(av[-1]))
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, _high, body = av
        if low < 1:
            return None, None
        return None, _sequence(list(body))[1]
    if name == "ATOMIC_GROUP":
        return None, _sequence(list(av))[1]
    if name == "ASSERT":
        return "", _sequence(list(av[1]))[1]
    if name == "ASSERT_NOT":
        return "", None
    if name == "BRANCH":
        union: set[str] = set()
        for branch in av[1]:
            literal, found = _sequence(list(branch))
            if literal:
                found = _better(found, frozenset((literal,)))
            if not found:
                return None, None
            union |= found
        return None, frozenset(union)
    return None, None


def stored_cues(patterns: list[str]) -> tuple[Cues | None, ...]:
    """``cues`` of each pattern, read from the set-up store when an earlier process derived
    them for the same patterns: parsing the rule stage's and boilerplate's patterns again
    was 10-15 ms of every cold ``cleaner check`` (issue 17). Keyed by the patterns, this
    code (``memo_on_disk``) and Python's version, whose parser reads them."""
    import hashlib
    import sys

    from cleaner.cache.memo import memo_on_disk

    digest = hashlib.sha256("\0".join(patterns).encode("utf-8", "surrogatepass")).hexdigest()
    found = memo_on_disk(
        "pattern-cues", [sys.version, digest], lambda: tuple(cues(p) for p in patterns)
    )
    if isinstance(found, tuple) and len(found) == len(patterns) and all(_is_cues(c) for c in found):
        return found
    return tuple(cues(p) for p in patterns)  # not what this code stores: derive them


def _is_cues(found: object) -> bool:
    """Whether ``found`` is what ``cues`` gives: None or a non-empty frozenset of strings."""
    return found is None or (
        type(found) is frozenset and bool(found) and all(type(c) is str and c for c in found)
    )


class Triggers:
    """Which of many patterns can match a text, decided by one Aho-Corasick pass over it
    (every pattern's cues in one automaton) instead of one regex search per pattern. A
    pattern without cues is always a candidate."""

    def __init__(self, patterns: Iterable[tuple[str, str]]) -> None:
        import ahocorasick

        self.always: frozenset[str] = frozenset()
        self._by_cue: dict[str, list[str]] = {}
        always: set[str] = set()
        listed = list(patterns)
        for (key, _), found in zip(listed, stored_cues([p for _, p in listed]), strict=True):
            if found is None:
                always.add(key)
                continue
            for cue in found:
                self._by_cue.setdefault(cue, []).append(key)
        self.always = frozenset(always)
        # No cue holds a space: each lies inside a word, so texts with the same words
        # (``str.split``) whatever the spaces between them fire the same keys.
        self.spaceless = not any(ch.isspace() for cue in self._by_cue for ch in cue)
        self._automaton = ahocorasick.Automaton()
        for cue in self._by_cue:
            self._automaton.add_word(cue, cue)
        if self._by_cue:
            self._automaton.make_automaton()

    def fired(self, text: str) -> frozenset[str]:
        """The keys whose pattern can match ``text``: a superset of those that do."""
        if not self._by_cue:
            return self.always
        found = {cue for _, cue in self._automaton.iter(text.casefold())}
        if not found:
            return self.always
        out = set(self.always)
        for cue in found:
            out.update(self._by_cue[cue])
        return frozenset(out)
