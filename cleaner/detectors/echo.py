"""Echoes (MT905): words and phrases a translation engine said twice.

``stable and stable``, ``a fair world of the world``, ``the the``, ``in the city in the
city``. Genuine repetition is common in English, so the shapes that carry meaning are left
alone: a comma between the copies (``very, very``), grammatical doubles (``had had``, ``that
that``), intensifiers and interjections (``very very``, ``bye bye``), ``X and X`` with a
comparative or a particle (``more and more``, ``better and better``, ``again and again``,
``on and on``) or a plural (``years and years``), ``X and X`` or ``X of the X`` whose second
copy modifies what follows (``fat or fat-free``, ``data and data from``, ``health with their
health care``), ``the best of the best``, ``X prep X`` idioms with a bare preposition
(``step by step``, ``face to face``), and capitalised names (``Bora Bora``, ``for For Hire``).

Only a doubled article (``the the``) is fixed automatically: an article cannot end a phrase,
so its second copy carries no meaning, whereas a doubled preposition or pronoun can be two
phrases meeting (``filled in in the form``, ``when you have it it will``). Everything else is
a finding.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from cleaner.detectors import Hit
from cleaner.detectors.names import NameIndex
from cleaner.detectors.text import ARTICLES, sentence_initial, zipf
from cleaner.model import FixSafety, Level, Stage
from cleaner.registry import RuleRecord, allowed, examples
from cleaner.textview import TextView, Token, as_view

RULE = "MT905"
RULES = (
    RuleRecord(
        RULE,
        "echo",
        Stage.ARTIFACT,
        Level.WARNING,
        FixSafety.SAFE,
        "a word or phrase said twice in a row",
        __doc__ or "",
        examples(
            ("He went to the the station.", "He went to the station.\n"),
            (
                "Relations are more calm, confident, stable and stable.",
                "Relations are more calm, confident, stable and stable.\n",
            ),
        ),
        allowed("It was very, very cold.", "They met again and again."),
        origin=__name__,
    ),
)

# Closed classes of English grammar where a doubled word is correct or idiomatic (the open
# lists, intensifiers and superlatives, are data: rules/words/english.yaml).
_GRAMMATICAL_DOUBLES = frozenset(["had", "that", "is", "do", "can", "will", "was"])
_PARTICLES = frozenset(
    [
        "again",
        "on",
        "over",
        "round",
        "around",
        "through",
        "by",
        "out",
        "back",
        "up",
        "down",
        "in",
        "off",
        "more",
        "less",
        "fewer",
        "now",
        "then",
        "here",
        "there",
        "once",
    ]
)
_PREPOSITIONS = "of|in|for|to|from|with|on|at|by|about"
_DETERMINERS = "the|a|an|this|that|its|their|his|her|our|these|those"

_DOUBLE = regex.compile(r"\b(\p{L}+)[ \t]+(\1)\b", regex.IGNORECASE)
_AND_OR = regex.compile(r"\b(\p{L}{3,})[ \t]+(?:and|or)[ \t]+(\1)\b", regex.IGNORECASE)
_OF_THE = regex.compile(
    rf"\b(\p{{L}}{{4,}})[ \t]+(?:{_PREPOSITIONS})[ \t]+(?:{_DETERMINERS})[ \t]+(\1)\b",
    regex.IGNORECASE,
)
# The same words as sets, for the windows' test of a pair (``_shaped``).
_AND_OR_WORDS = frozenset(["and", "or"])
_PREPOSITION_WORDS = frozenset(_PREPOSITIONS.split("|"))
_DETERMINER_WORDS = frozenset(_DETERMINERS.split("|"))
_PHRASE = regex.compile(r"\b((?:\p{L}+[ \t]+){1,3}\p{L}+)[ \t]+(\1)\b", regex.IGNORECASE)
# Only an article can never end a phrase, so only "the the", "a a", "an an" are safe to undo:
# "filled in in the form", "looked at at the station", "when you have it it will" are not.
_PRONOUNS = frozenset(["it", "you", "he", "she", "we", "they", "i", "him", "her", "them"])
_LINKS = frozenset(["and", "or", "after", "by", "to", "upon"])


def _windows(toks: Sequence[Token], low: Sequence[str] | None = None) -> list[tuple[int, int]]:
    """Spans where an echo can be: the only places the patterns are run.

    The echo patterns need backreferences and overlapping matches, which are slow over a
    whole article. Every match of one holds a word said again within four words, in one of
    four shapes (``_shaped``); a word merely recurring ("the ... the", a fifth of the text
    of an article) is not enough, so only those pairs open a window.
    """
    # Each word paired with its nearest earlier occurrence (one dictionary step per word);
    # a word said again within four words is the second word of such a pair.
    if low is None:  # (the view's ``lowers``: each token's ``lower``)
        low = [t.lower for t in toks]
    last: dict[str, int] = {}
    again: list[int] = []
    for j, word in enumerate(low):
        i = last.get(word)
        if i is not None and j - i <= 4:
            again.append(j)
        last[word] = j
    spans: list[tuple[int, int]] = []
    n = len(toks)
    for j in again:
        # Every earlier copy within four words, not only the nearest: in "x y x x y x" the
        # phrase "x y x" said again starts at the first x, two copies before the last.
        for i in range(max(j - 4, 0), j):
            if low[i] == low[j] and _shaped(low, i, j):
                spans.append((toks[i].start, toks[min(j + 4, n - 1)].end))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _shaped(low: list[str], i: int, j: int) -> bool:
    """Whether word ``i`` said again as word ``j`` (lower case) is where a pattern can
    match: the next word (``_DOUBLE``), across "and"/"or" (``_AND_OR``), across a
    preposition and a determiner (``_OF_THE``), or as the first word of a phrase of two
    to four words said again, whose second word then recurs at the same distance
    (``_PHRASE``)."""
    gap = j - i
    if gap == 1:
        return True
    if j + 1 < len(low) and low[i + 1] == low[j + 1]:
        return True
    if gap == 2:
        return low[i + 1] in _AND_OR_WORDS
    return gap == 3 and low[i + 1] in _PREPOSITION_WORDS and low[i + 2] in _DETERMINER_WORDS


def detect(text: str | TextView, index: NameIndex) -> list[Hit]:
    view = as_view(text)
    text = view.text
    words = index.lexicon
    intensifiers, superlatives = words.words("intensifiers"), words.words("superlatives")
    hits: list[Hit] = []
    for start, end in _windows(view.tokens, view.lowers):
        hits.extend(_detect(text, start, end, intensifiers, superlatives))
    return hits


def _detect(
    text: str, pos: int, endpos: int, intensifiers: frozenset[str], superlatives: frozenset[str]
) -> list[Hit]:
    hits: list[Hit] = []
    taken: list[tuple[int, int]] = []

    def add(hit: Hit) -> None:
        if not any(hit.start < e and s < hit.end for s, e in taken):
            taken.append((hit.start, hit.end))
            hits.append(hit)

    for m in _PHRASE.finditer(text, pos, endpos, overlapped=True):
        first, second = m.group(1), m.group(2)
        edges = {first.split()[0].lower(), first.split()[-1].lower()}
        if edges & _LINKS:
            continue  # "more and more and more", "war after war after war": emphasis
        if first == second and not first[0].isupper():
            add(_hit(m, f"'{first}' is repeated", (first,), FixSafety.UNSAFE))
    for m in _DOUBLE.finditer(text, pos, endpos, overlapped=True):
        word, again = m.group(1), m.group(2)
        low = word.lower()
        if again[0].isupper() or text.startswith("-", m.end()):
            continue  # a name ("Bora Bora", "for For Hire"), or "in in-person"
        if word[0].isupper() and not _opens_sentence(text, m.start()):
            continue  # a name, then the word ("Tariq Al Said said", "al-Said said")
        if low in _GRAMMATICAL_DOUBLES or low in intensifiers or word.isdigit():
            continue
        safe = word == again and low in ARTICLES
        if low in _PRONOUNS:
            # "when you have it it will be": two clauses that lost their comma, not an echo
            add(_hit(m, f"'{m.group()}': a repeated word or a lost comma?", (), FixSafety.NONE))
            continue
        add(
            _hit(
                m,
                f"'{word}' is repeated",
                (word,),
                FixSafety.SAFE if safe else FixSafety.UNSAFE,
                "a doubled function word carries no meaning" if safe else "",
            )
        )
    for m in _AND_OR.finditer(text, pos, endpos, overlapped=True):
        low = m.group(1).lower()
        if (
            low in _PARTICLES
            or low.endswith(("er", "s"))
            or m.group(1)[0].isupper()
            or zipf(low) >= 6.0  # "tell you and you will open": two clauses, not an echo
            or not _ends_phrase(text, m.end(), function_words=False)  # "data and data from"
        ):
            continue
        add(_hit(m, f"'{m.group()}' says the same word twice", (), FixSafety.NONE))
    for m in _OF_THE.finditer(text, pos, endpos, overlapped=True):
        low = m.group(1).lower()
        if m.group(1)[0].isupper() or low in superlatives or low.endswith("est"):
            continue  # "the best of the best"
        if not _ends_phrase(text, m.end()):
            continue  # "health with their health care": the second copy modifies a noun
        add(_hit(m, f"'{m.group()}' repeats '{m.group(1)}'", (), FixSafety.NONE))
    return hits


_NEXT = regex.compile(r"[ \t]*(\p{L}+|.)?")


def _opens_sentence(text: str, start: int) -> bool:
    """``sentence_initial``, less a capital after a hyphen inside a word: there it is a
    name's (``al-Said``), not a list item's or a clause's."""
    if start >= 2 and text[start - 1] in "-\u2010" and text[start - 2].isalpha():
        return False
    return sentence_initial(text, start)


def _ends_phrase(text: str, end: int, function_words: bool = True) -> bool:
    """Whether the second copy ends its phrase: punctuation, line end, or a function word
    follows ("stable and stable.", "world of the world and"; for ``X and X`` only
    punctuation, since "data and data from" and "may or may not" go on), not a noun or a
    hyphen it would modify ("fat or fat-free", "suicide and suicide attempts")."""
    m = _NEXT.match(text, end)
    nxt = m.group(1) if m else None
    if not nxt:
        return True
    if nxt == "-":
        return False
    if not nxt[0].isalpha():
        return True
    return function_words and zipf(nxt) >= 6.0


def _hit(
    m: regex.Match[str],
    message: str,
    suggestions: tuple[str, ...],
    fix: FixSafety,
    reason: str = "",
) -> Hit:
    return Hit(
        m.start(),
        m.end(),
        RULE,
        Level.WARNING,
        message,
        suggestions,
        fix,
        reason or "the same word or phrase twice in a row, as translation engines echo",
    )
