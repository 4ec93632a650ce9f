"""A person's name left at the end of a clause, apart from their role (MT912):
``the President of Germany wanted to come to Kyiv Frank-Walter Steinmeier, but ...``.

Russian, Ukrainian and the other Slavic languages (and Greek) put the subject after the verb
and its adverbials as readily as before them: ``до Києва хотів приїхати президент Німеччини
Франк-Вальтер Штайнмаєр``. An engine that brings the role to the front as English wants may
leave the name where the source had it, after the place the sentence names. English puts a
person's name with their role, or after a preposition or verb that takes it; a full name
straight after ``to Kyiv`` and closing the clause is no English. It is flagged when:

* the name is a person's full name written right (``confirm.known_names``), closed by
  punctuation or the line's end;
* right before it stand a preposition of place (``place-prepositions`` and
  ``place-or-day-prepositions`` in rules/words/english.yaml) and one to three capitalised
  words, none of them a word of the person's own titles or country (``for President Donald
  Trump.`` is the role itself);
* the person's own role (two words of one of their titles, ``confirm.role_words_in``) stands
  earlier in the same sentence, before that preposition, and the clause goes on between them
  (a lower-case word no role of theirs holds right before the preposition: ``United States
  Senator from Minnesota Amy Klobuchar`` is a role with its place): the role is the clause's
  subject, and its name went astray.

It stays a finding: putting the name back beside its role reorders the sentence, which only
a reader can confirm.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from cleaner.detectors import Hit, confirm
from cleaner.detectors.names import NameIndex, fold
from cleaner.model import FixSafety, Level, Stage
from cleaner.registry import RuleRecord, allowed, examples
from cleaner.rules.entity import Entity
from cleaner.textview import TextView, Token, as_view

RULE = "MT912"
WHY = "a person's name at the end of a clause, after a place, with their role earlier"
RULES = (
    RuleRecord(
        RULE,
        "postposed-name",
        Stage.ARTIFACT,
        Level.WARNING,
        FixSafety.NONE,
        WHY,
        __doc__ or "",
        examples(
            (
                "In April, the President of Germany wanted to come to Kyiv Frank-Walter "
                "Steinmeier, but the visit was cancelled.",
                "In April, the President of Germany wanted to come to Kyiv Frank-Walter "
                "Steinmeier, but the visit was cancelled.\n",
            ),
        ),
        allowed(
            "The President of Germany Frank-Walter Steinmeier wanted to come to Kyiv.",
            "The President of Ukraine met in Kyiv Frank-Walter Steinmeier.",
            "The German President thanked President Frank-Walter Steinmeier.",
        ),
        origin=__name__,
    ),
)

# The capitalised words between the preposition and the name: a place's name is one to
# three words ("Kyiv", "New York", "Rio de Janeiro" aside).
_PLACE_WORDS = 3
_CLOSES = regex.compile(r"\s*(?:[,;:.!?]|$)", regex.MULTILINE)


def detect(
    text: str | TextView,
    index: NameIndex,
    names: Sequence[tuple[int, int, Entity]] | None = None,
) -> list[Hit]:
    """MT912 findings on ``text``. ``names``: ``confirm.known_names`` of it, when the caller
    has read them already."""
    view = as_view(text)
    if names is None:
        names = confirm.known_names(view, index)
    # The longest name wherever two overlap ("Frank-Walter Steinmeier", not its last words).
    longest: list[tuple[int, int, Entity]] = []
    for name in sorted(set(names), key=lambda n: (n[0], -n[1])):
        if not longest or name[1] > longest[-1][1]:
            longest.append(name)
    text = view.text
    lexicon = index.lexicon
    prepositions = lexicon.words("place-prepositions") | lexicon.words("place-or-day-prepositions")
    hits: list[Hit] = []
    for start, end, person in longest:
        if not _CLOSES.match(text, end):
            continue
        before = view.tokens_in((view.sentence_at(start) or (0, 0))[0], start)
        place = 0
        while place < len(before) and place < _PLACE_WORDS and before[-1 - place].is_title:
            place += 1
        if not place or place == len(before) or before[-1 - place].lower not in prepositions:
            continue
        own = confirm.own_role_words(person, index)
        if any(fold(t.text) in own for t in before[-place:]):
            continue  # "for President Donald Trump": the role itself
        if place + 1 == len(before) or not _goes_on(before[-2 - place], own):
            continue  # "Senator from Minnesota Amy Klobuchar": the place is the role's
        if not confirm.role_words_in(text, before[: -1 - place], person, index):
            continue
        prep = before[-1 - place]
        hits.append(
            Hit(
                start,
                end,
                RULE,
                Level.WARNING,
                f"'{text[start:end]}' closes the clause after "
                f"'{text[prep.start : before[-1].end]}', apart from their role earlier in the "
                "sentence: the source's word order (a subject after the verb)?",
                (),
                FixSafety.NONE,
                WHY,
                person.id,
            )
        )
    return hits


def _goes_on(tok: Token, own: set[str]) -> bool:
    """Whether ``tok``, right before the preposition, is the clause going on after the role
    (a lower-case word no role of the person's holds: ``come`` of "wanted to come to Kyiv"),
    not the role itself running into its place ("Senator from Minnesota")."""
    return not tok.is_title and fold(tok.text) not in own
