"""A first-person ``I`` after a known person's full name (MT909): ``Olaf Scholz I devoted``.

Source languages that mark the person on the verb (Russian ``уделил``, Ukrainian, Chinese
with a dropped subject) leave engines guessing a subject pronoun, and they sometimes add
``I`` after the real subject. In English a full name followed directly by ``I`` and a
lower-case word is no sentence (a regnal number follows a single name: ``Elizabeth I``), so
the ``I`` is flagged when the name before it is a gazetteer person's given name and surname
and no quotation is open (``"Like Olaf Scholz I think ..."`` is someone speaking). The
suggestion drops it; a reader decides, as a comma may be what was lost. The article confirms
it, and the fix is safe, when nobody narrates it: no first-person singular word (``I``,
``me``, ``my``, ``mine``, ``myself``) stands outside a quotation anywhere else, but for later
in the same sentence, where the engine's wrong subject carries on (``... Olaf Scholz I
devoted little time to him during my visit``). A writer who says "I" writes it elsewhere
too.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from cleaner.detectors import Hit, suggestion
from cleaner.detectors.names import NameIndex, first_name, fold
from cleaner.detectors.text import QUOTES
from cleaner.model import FixSafety, Level, Stage
from cleaner.registry import RuleRecord, allowed, examples
from cleaner.textview import TextView, as_view, indices

WHY = "a first-person I right after a known person's full name"
RULE = "MT909"
RULES = (
    RuleRecord(
        RULE,
        "stray-first-person",
        Stage.ARTIFACT,
        Level.WARNING,
        FixSafety.UNSAFE,
        WHY,
        __doc__ or "",
        examples(
            (
                "He said German Chancellor Olaf Scholz I devoted little time to him.",
                "He said German Chancellor Olaf Scholz devoted little time to him.\n",
            )
        ),
        allowed(
            "Queen Elizabeth I died in 1603.",
            'He said: "When I met Olaf Scholz I asked him about it."',
        ),
        origin=__name__,
    ),
)


# Closed class: the first-person singular pronouns.
_FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})


def detect(text: str | TextView, index: NameIndex) -> list[Hit]:
    view = as_view(text)
    text, toks = view.text, view.tokens
    hits: list[Hit] = []
    narrated: list[int] | None = None
    for k in _candidates(view):
        tok, given, surname, nxt = toks[k], toks[k - 2], toks[k - 1], toks[k + 1]
        if not nxt.is_lower:
            continue
        if not all(
            text[a.end : b.start] == " " for a, b in ((given, surname), (surname, tok), (tok, nxt))
        ):
            continue
        people = index.people.get(fold(surname.text), ())
        if not any(fold(first_name(p) or "") == fold(given.text) for p in people):
            continue
        if quoted(view, tok.start):
            continue
        message = (
            f"'I' right after {given.text} {surname.text}: a subject pronoun the engine added?"
        )
        hit = suggestion(surname.start, tok.end, RULE, message, surname.text, why=WHY)
        if narrated is None:
            narrated = [toks[k].start for k in unquoted_first_person(view)]
        sentence = view.sentence_at(tok.start)
        end = sentence[1] if sentence else len(text)
        if not any(p < tok.start or p >= end for p in narrated if p != tok.start):
            message += " (the article has no first person outside quotations: nobody narrates it)"
            hit = replace(hit, fix=FixSafety.SAFE, message=message)
        hits.append(hit)
    return hits


def _candidates(view: TextView) -> list[int]:
    """The words "I" with two words before and one after, picked in C (``list.index`` over
    the words as written: most articles have none); unpacking four neighbours at every word
    cost more than the rest, and a token's text read at every word as much again."""
    last = len(view.texts) - 1
    return [k for k in indices(view.texts, "I") if 2 <= k < last]


def unquoted_first_person(view: TextView) -> list[int]:
    """The token indices of the first-person singular words no open quotation holds: who
    narrates the article."""
    toks = view.tokens
    return [k for k, t in enumerate(toks) if t.lower in _FIRST_PERSON and not quoted(view, t.start)]


def stray_subject(view: TextView, k: int) -> bool:
    """Whether the token at ``k`` is an ``I`` right after two capitalised words and before a
    lower-case one (``Olaf Scholz I devoted``): MT909's shape, a name's added subject."""
    toks = view.tokens
    return (
        toks[k].text == "I"
        and 2 <= k < len(toks) - 1
        and toks[k - 1].text[:1].isupper()
        and toks[k - 2].text[:1].isupper()
        and toks[k + 1].is_lower
    )


def quoted(view: TextView, pos: int) -> bool:
    """Whether a quotation is open at ``pos`` (an odd number of quote marks before it on its
    line). The marks' positions are found once per text and bisected: counting them from
    the line's start at every first-person word (MT911 asks at each) was words x line
    length on a text of one line."""
    start = view.lines[view.line_of(pos)].start
    marks = view.derived("quote_marks", _quote_marks)
    return (bisect_left(marks, pos) - bisect_left(marks, start)) % 2 == 1


_QUOTE_MARK = re.compile("[" + re.escape("".join(sorted(QUOTES))) + "]")


def _quote_marks(view: TextView) -> list[int]:
    """The position of every quote mark (``QUOTES``, each one character) in the text."""
    return [m.start() for m in _QUOTE_MARK.finditer(view.text)]
