"""A first-person ``I`` after a known person's full name (MT909): ``Olaf Scholz I devoted``.

Source languages that mark the person on the verb (Russian ``уделил``, Ukrainian, Chinese
with a dropped subject) leave engines guessing a subject pronoun, and they sometimes add
``I`` after the real subject. In English a full name followed directly by ``I`` and a
lower-case word is no sentence (a regnal number follows a single name: ``Elizabeth I``), so
the ``I`` is flagged when the name before it is a gazetteer person's given name and surname
and no quotation is open (``"Like Olaf Scholz I think ..."`` is someone speaking). The
suggestion drops it; a reader decides, as a comma may be what was lost.
"""

from __future__ import annotations

from cleaner.detectors import Hit, suggestion
from cleaner.detectors.names import NameIndex, first_name, fold
from cleaner.detectors.text import QUOTES
from cleaner.model import FixSafety, Level, Stage
from cleaner.registry import RuleRecord, allowed, examples
from cleaner.textview import TextView, as_view

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


def detect(text: str | TextView, index: NameIndex) -> list[Hit]:
    view = as_view(text)
    text, toks = view.text, view.tokens
    hits: list[Hit] = []
    for k in range(2, len(toks) - 1):
        tok, given, surname, nxt = toks[k], toks[k - 2], toks[k - 1], toks[k + 1]
        if tok.text != "I" or not nxt.is_lower:
            continue
        if not all(
            text[a.end : b.start] == " " for a, b in ((given, surname), (surname, tok), (tok, nxt))
        ):
            continue
        people = index.people.get(fold(surname.text), ())
        if not any(fold(first_name(p) or "") == fold(given.text) for p in people):
            continue
        line = view.lines[view.line_of(tok.start)]
        if sum(c in QUOTES for c in text[line.start : tok.start]) % 2:
            continue  # inside a quotation
        message = (
            f"'I' right after {given.text} {surname.text}: a subject pronoun the engine added?"
        )
        hits.append(suggestion(surname.start, tok.end, RULE, message, surname.text, why=WHY))
    return hits
