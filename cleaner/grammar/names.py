"""The words the grammar checker must accept: names the gazetteer knows, in house style.

One function feeds every backend, so where names come from can change in one place. Only
correct spellings go in (canonical names, accepted spellings, short forms, first names),
never the garbled ``variants``: adding ``Xis`` to the dictionary would hide the very errors
the entity rules exist to catch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from cleaner.config import Config

# A dictionary entry is one word; Harper checks tokens, so "Xi Jinping" feeds "Xi" and
# "Jinping". Apostrophes and hyphens stay inside the word ("O'Brien", "Jean-Claude").
_WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’\-]*")


def known_names(config: Config) -> tuple[str, ...]:
    """Correct spellings of every gazetteer entity (house style applied by the gazetteer)."""
    from cleaner.rules.gazetteer import load_gazetteer

    names: list[str] = []
    for entity in load_gazetteer(config):
        names.extend(entity.names)
        names.extend(n for n in (entity.first_name, entity.surname) if n)
    return tuple(names)


def dictionary_words(config: Config) -> tuple[str, ...]:
    """Sorted unique single words from the gazetteer and ``grammar-words``.

    Each word also goes in with its possessive (``Peskov's``): Harper does not derive that
    for imported words and would flag ``Peskov's`` with ``Pekoe's`` as the suggestion.

    Kept in the set-up store, keyed as the gazetteer is and by ``grammar-words``: every
    command with Harper needs them for the grammar cache's key, a warm check too, and
    cutting 10,000 names into words was 20-25 ms of its 0.29 s of CPU (issue 17)."""
    from cleaner.cache import folders_digest, memo_on_disk
    from cleaner.resources import rule_folders

    folders = rule_folders(config)
    key = [
        repr(folders),
        folders_digest(folders),
        repr(config.house_style),
        str(config.source),
        repr(config.grammar_words),
    ]
    found = memo_on_disk("grammar-words", key, lambda: _dictionary_words(config))
    if isinstance(found, tuple) and all(type(w) is str for w in found):
        return found
    return _dictionary_words(config)  # not what this code stores


def _dictionary_words(config: Config) -> tuple[str, ...]:
    words: set[str] = set()
    for name in (*known_names(config), *config.grammar_words):
        for m in _WORD.finditer(name):
            word = m.group().strip("'’-")
            if len(word) < 2:
                continue
            words.add(word)
            if not word.endswith(("'s", "’s")):
                words.add(word + "'s")
    return tuple(sorted(words))


def is_known(word: str, words: frozenset[str]) -> bool:
    """Whether ``word`` (maybe possessive, maybe in capitals) is a dictionary name."""
    base = regex.sub(r"['’]s$", "", word)
    return base in words or base.title() in words or word in words
