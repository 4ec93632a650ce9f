"""A person's one-word office written alone before a name (``President Shi Jinping``).

News writes a leader after the bare office, and a source's "Πρόεδρος" or "总统" comes out so.
The office is one of the person's own, as their gazetteer ``titles`` write it (``President``
of "President of the People's Republic of China", ``Chancellor``), which confirms a name
read through another script when its spelling is that one person's alone. One word is weaker
than a whole role ("South Korean President", which NE913 reads), so it must stand alone.
Both the route fold (NE913) and the rule stage's readings through another script read it.
"""

from __future__ import annotations

from collections.abc import Collection

import regex

from cleaner.detectors.names import fold
from cleaner.rules.entity import Entity
from cleaner.rules.lexicon import Lexicon

# The word right before a position, one space or hyphen between (``Iran's`` whole).
_WORD_BEFORE = regex.compile(r"(\p{L}[\p{L}'’]*)([ -])$")


def heads(entity: Entity, qualifiers: Collection[str] = ()) -> tuple[str, ...]:
    """The person's one-word offices as their titles write them: the title's words before
    its first " of " when that is one capitalised word (``President``, ``Chancellor``,
    ``Minister``), or two whose first is one of ``qualifiers`` (folded; ``Chancellor`` of
    "Federal Chancellor of Germany"). Not "Prime Minister" or "Vice President": two words
    that name another office than their last does (a role NE913 reads whole)."""
    out = []
    for title in entity.titles:
        words = title.split(" of ")[0].split()
        if len(words) == 2 and fold(words[0]) in qualifiers:
            words = words[1:]
        if len(words) == 1 and words[0][:1].isupper():
            out.append(words[0])
    return tuple(dict.fromkeys(out))


def office_before(text: str, start: int, entity: Entity, lexicon: Lexicon) -> str:
    """The person's one-word office written alone right before ``start``, one space
    between, or "". Alone: after the start of a line or sentence, a lower-case word, or
    ``role-modifiers`` words (folded: "Former", "The"); not after another capitalised word
    by a space or a hyphen ("Vice President", "Iran's President", "US President",
    "Vice-President": someone else's office). ``office-qualifiers`` (rules/words/english.yaml:
    "Federal") may open a title's office and be left out (``heads``)."""
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if m is None or m.group(2) != " ":
        return ""
    office = m.group(1)
    own = heads(entity, lexicon.words("office-qualifiers"))
    if fold(office) not in {fold(h) for h in own}:
        return ""
    modifiers = lexicon.words("role-modifiers")
    at = m.start()
    while (m := _WORD_BEFORE.search(text, max(0, at - 40), at)) is not None:
        word = m.group(1)
        if not word[:1].isupper():
            break  # "said President ..."
        if fold(word).removesuffix("'s").removesuffix("’s") not in modifiers:
            return ""
        at = m.start()
    return office
