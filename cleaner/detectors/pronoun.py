"""Pronoun gender mismatch with a known person (NE904).

``Putin made the first trip abroad of her fifth presidential term``: source languages that
mark gender on verbs or drop pronouns make engines guess, and they guess wrong. Flagged only
when the evidence is local and unambiguous: within one sentence, a gazetteer person of known
gender is named, every gazetteer person named there has that gender, no capitalised word
stands between the name and the pronoun (it could be another person, or a country: "Russia ...
her interests"), and no word of the sentence marks someone of the other gender (``wife``,
``Mrs``). Findings only.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

import regex

from cleaner.detectors import Hit
from cleaner.detectors.names import NameIndex, fold
from cleaner.detectors.text import Token, sentence_initial, tokens
from cleaner.model import FixSafety, Level

RULE = "NE904"

# Closed grammatical classes: the pronouns, and the nouns/titles that mark a person's gender.
PRONOUNS = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
}  # fmt: skip
_SWAP = {
    "he": "she", "him": "her", "his": "his/her", "himself": "herself",
    "she": "he", "her": "his/him", "hers": "his", "herself": "himself",
}  # fmt: skip
_GENDER_WORDS = {
    "female": set(
        [
            "woman",
            "women",
            "wife",
            "mother",
            "daughter",
            "sister",
            "queen",
            "mrs",
            "ms",
            "lady",
            "girl",
            "widow",
            "actress",
            "chairwoman",
            "congresswoman",
            "spokeswoman",
            "princess",
        ]
    ),
    "male": set(
        [
            "man",
            "men",
            "husband",
            "father",
            "son",
            "brother",
            "king",
            "mr",
            "lord",
            "boy",
            "widower",
            "actor",
            "chairman",
            "congressman",
            "spokesman",
            "prince",
        ]
    ),
}
_SENTENCE = regex.compile(r"[^.!?\n]+[.!?]*")


def detect(text: str, index: NameIndex, toks: Sequence[Token] | None = None) -> list[Hit]:
    toks = list(toks) if toks is not None else tokens(text)
    hits: list[Hit] = []
    starts = [t.start for t in toks]
    for m in _SENTENCE.finditer(text):
        lo, hi = bisect_left(starts, m.start()), bisect_left(starts, m.end())
        hits.extend(_check_sentence(text, toks[lo:hi], index))
    return hits


def _check_sentence(text: str, sent: Sequence[Token], index: NameIndex) -> list[Hit]:
    genders: set[str] = set()
    first_mention: dict[int, str] = {}
    for i, tok in enumerate(sent):
        if not tok.is_title:
            continue
        for person in index.people.get(fold(tok.text), ()):
            if person.gender:
                genders.add(person.gender)
                first_mention.setdefault(i, person.gender)
            else:
                genders.add("unknown")
    if len(genders) != 1 or "unknown" in genders or not first_mention:
        return []
    gender = genders.pop()
    other = "female" if gender == "male" else "male"
    if any(t.lower in _GENDER_WORDS[other] for t in sent):
        return []
    start = min(first_mention)
    hits: list[Hit] = []
    for tok in sent[start + 1 :]:
        if tok.is_title and not sentence_initial(text, tok.start):
            if not index.is_known(tok.text) or index.people.get(fold(tok.text)) is None:
                break  # someone or something else is named: the pronoun may be theirs
            continue
        if PRONOUNS.get(tok.lower) == other and tok.text.islower():
            name = sent[start].text
            hits.append(
                Hit(
                    tok.start,
                    tok.end,
                    RULE,
                    Level.WARNING,
                    f"'{tok.text}' refers back to {name}, whom the gazetteer knows as {gender}",
                    (_SWAP[tok.lower],) if "/" not in _SWAP[tok.lower] else (),
                    FixSafety.UNSAFE if "/" not in _SWAP[tok.lower] else FixSafety.NONE,
                    "pronoun gender differs from the named person's",
                )
            )
    return hits
