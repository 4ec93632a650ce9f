"""Lost possessive apostrophes on known entities (NE903): ``Xis visit``, ``Chinas trade``.

A name plus a bare ``s`` that is not itself a word is, in translated news, almost always a
possessive that lost its apostrophe (``Kremlins claims``) and sometimes a plural garble. The
rule engine lists a few (``Kremlins``, ``Chinas``); this generalises over every gazetteer
entity that takes a possessive, in articles that name the entity itself (``Costas Simitis``
is nobody's possessive), before a lower-case word, and not after a quantifier (``the two
Chinas``). When the next word is a lower-case content word the reading
``X's`` is clear and is the only suggestion; otherwise both ``X's`` and ``X`` are offered.
Unsafe either way: ``the two Chinas`` is a real plural.
"""

from __future__ import annotations

import regex

from cleaner.detectors import Hit
from cleaner.detectors.names import NameIndex, correct_forms
from cleaner.detectors.text import is_english_word, zipf
from cleaner.model import FixSafety, Level, Stage
from cleaner.registry import RuleRecord, allowed, examples
from cleaner.textview import TextView, as_view

RULE = "NE903"
RULES = (
    RuleRecord(
        RULE,
        "lost-possessive",
        Stage.ARTIFACT,
        Level.WARNING,
        FixSafety.UNSAFE,
        "gazetteer name plus a bare s: a possessive that lost its apostrophe",
        __doc__ or "",
        examples(
            (
                "Xi Jinping arrived in Moscow. Xis visit lasted three days.",
                "Xi Jinping arrived in Moscow. Xi's visit lasted three days.\n",
            )
        ),
        allowed("Both Koreas sent teams to the games."),
        origin=__name__,
    ),
)


def _stems(index: NameIndex) -> dict[str, str]:
    """Possessable single-word name forms, keyed by their form plus ``s``."""
    stems: dict[str, str] = {}
    for e in index.entities:
        if not e.possessive:
            continue
        for form in correct_forms(e):
            last = form.split()[-1]
            # An organisation's last word English has (`Integration` of the Central American
            # Bank for Economic Integration) is no name alone: `Integrations` is a plural.
            # The rules repair the whole name's possessive.
            if e.kind == "organisation" and " " in form and is_english_word(last):
                continue
            if last[0].isupper() and not last.endswith("s"):
                stems[last + "s"] = last
    return stems


def detect(text: str | TextView, index: NameIndex) -> list[Hit]:
    view = as_view(text)
    text, toks = view.text, view.tokens
    stems = index.derived("possessive", _stems)
    plural_cues = index.lexicon.words("plural-cues")  # "the two Chinas": a real plural
    hits: list[Hit] = []
    # Every key is a capital, more letters and a lower-case "s": a word in title case.
    for i in view.titled:
        tok = toks[i]
        stem = stems.get(tok.text)
        if stem is None or index.is_known(tok.text) or tok.lower in index.variant_forms:
            continue
        if zipf(tok.text) >= 3.0:
            continue  # an English word in its own right ("Americas")
        prev = toks[i - 1] if i else None
        if prev is not None and prev.lower in plural_cues:
            continue  # "the two Chinas": a real plural
        if not regex.search(rf"\b{regex.escape(stem)}\b", text):
            continue  # the article never names the entity: "Costas Simitis" is not Costa's
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is None or not nxt.is_lower:
            continue  # a possessive goes before a lower-case word
        clear = (
            nxt is not None
            and nxt.is_lower
            and text[tok.end : nxt.start] == " "
            and zipf(nxt.text) < 6.0
        )
        suggestions = (f"{stem}'s",) if clear else (f"{stem}'s", stem)
        hits.append(
            Hit(
                tok.start,
                tok.end,
                RULE,
                Level.WARNING,
                f"'{tok.text}' looks like '{stem}'s' without its apostrophe",
                suggestions,
                FixSafety.UNSAFE,
                "gazetteer name plus a bare s that is no English word",
            )
        )
    return hits
