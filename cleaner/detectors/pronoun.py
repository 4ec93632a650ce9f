"""Pronoun gender mismatch with a known person (NE904).

``Putin made the first trip abroad of her fifth presidential term``: source languages that
mark gender on verbs or drop pronouns make engines guess, and they guess wrong. Flagged only
when the evidence is local and unambiguous: within one sentence, a gazetteer person of known
gender is named (in full somewhere in the article, and not right after another first name:
a bare "Miller" or "Yumi Kim" may be someone else), every gazetteer person named there has
that gender, no capitalised word
stands between the name and the pronoun (it could be another person, or a country: "Russia ...
her interests"), and no word of the sentence marks someone of the other gender (``wife``,
``Mrs``). Findings only.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.detectors import Hit
from cleaner.detectors.names import NameIndex, fold
from cleaner.detectors.text import sentence_initial, zipf
from cleaner.model import FixSafety, Level, Stage
from cleaner.registry import RuleRecord, allowed, examples
from cleaner.rules.entity import Entity
from cleaner.textview import TextView, Token, as_view

RULE = "NE904"
RULES = (
    RuleRecord(
        RULE,
        "pronoun-gender",
        Stage.ARTIFACT,
        Level.WARNING,
        FixSafety.UNSAFE,
        "pronoun gender differs from the one person named in the sentence",
        __doc__ or "",
        examples(
            (
                "Vladimir Putin made the first trip abroad of her fifth term.",
                "Vladimir Putin made the first trip abroad of his fifth term.\n",
            )
        ),
        allowed("Vladimir Putin met the queen and thanked her for the visit."),
        origin=__name__,
    ),
)

# Closed grammatical classes: the pronouns (the nouns and titles that mark a person's gender
# are an open class, data: rules/words/english.yaml, female-words and male-words).
PRONOUNS = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
}  # fmt: skip
_SWAP = {
    "he": "she", "him": "her", "his": "his/her", "himself": "herself",
    "she": "he", "her": "his/him", "hers": "his", "herself": "himself",
}  # fmt: skip


def detect(text: str | TextView, index: NameIndex) -> list[Hit]:
    view = as_view(text)
    text = view.text
    hits: list[Hit] = []
    introduced: dict[str, bool] = {}
    for start, end in view.sentences:
        hits.extend(_check_sentence(text, view.tokens_in(start, end), index, introduced))
    return hits


def _introduced(text: str, person: Entity, cache: dict[str, bool]) -> bool:
    """Whether the article names the person in full somewhere ("Vladimir Putin"): a bare
    surname alone may be someone else's ("Miller", "Kim")."""
    if person.id not in cache:
        full = [f for f in (person.canonical, *person.accepted) if len(f.split()) >= 2]
        cache[person.id] = any(f in text for f in full)
    return cache[person.id]


def _someone_else(sent: Sequence[Token], i: int, person: Entity, text: str) -> bool:
    """A capitalised word right before the surname that is not the person's first name
    ("Kathryn Kellogg", "Yumi Kim"): a namesake."""
    if i == 0:
        return False
    prev = sent[i - 1]
    if not prev.is_title or text[prev.end : sent[i].start] != " ":
        return False
    firsts = {fold(f.split()[0]) for f in (person.canonical, *person.accepted) if " " in f}
    titles = {w.lower() for t in person.titles for w in t.split()}
    if prev.lower.endswith(("'s", "’s")):
        return False  # "Russia's Putin"
    return fold(prev.text) not in firsts and prev.lower not in titles


def _swap(pronoun: str, following: Token | None) -> str | None:
    """The other gender's pronoun. "her" is "his" before a noun ("her fifth term") and "him"
    otherwise ("thanked her for"); "his" is "her" before a noun, and ambiguous alone."""
    before_noun = following is not None and following.is_lower
    if pronoun == "her":
        content = following is not None and zipf(following.text) < 6.0
        return "his" if before_noun and content else "him"
    if pronoun == "his":
        return "her" if before_noun else None
    return _SWAP[pronoun]


def _check_sentence(
    text: str, sent: Sequence[Token], index: NameIndex, introduced: dict[str, bool]
) -> list[Hit]:
    genders: set[str] = set()
    first_mention: dict[int, str] = {}
    for i, tok in enumerate(sent):
        if not tok.is_title:
            continue
        for person in index.people.get(fold(tok.text), ()):
            if _someone_else(sent, i, person, text) or not _introduced(text, person, introduced):
                genders.add("unknown")
                continue
            if person.gender:
                genders.add(person.gender)
                first_mention.setdefault(i, person.gender)
            else:
                genders.add("unknown")
    if len(genders) != 1 or "unknown" in genders or not first_mention:
        return []
    gender = genders.pop()
    other = "female" if gender == "male" else "male"
    if any(t.lower in index.lexicon.words(f"{other}-words") for t in sent):
        return []
    start = min(first_mention)
    hits: list[Hit] = []
    for k, tok in enumerate(sent[start + 1 :], start + 1):
        if tok.is_title and not sentence_initial(text, tok.start):
            if not index.is_known(tok.text) or index.people.get(fold(tok.text)) is None:
                break  # someone or something else is named: the pronoun may be theirs
            continue
        if PRONOUNS.get(tok.lower) == other and tok.text.islower():
            name = sent[start].text
            swap = _swap(tok.lower, sent[k + 1] if k + 1 < len(sent) else None)
            hits.append(
                Hit(
                    tok.start,
                    tok.end,
                    RULE,
                    Level.WARNING,
                    f"'{tok.text}' refers back to {name}, whom the gazetteer knows as {gender}",
                    (swap,) if swap else (),
                    FixSafety.UNSAFE if swap else FixSafety.NONE,
                    "pronoun gender differs from the named person's",
                )
            )
    return hits
