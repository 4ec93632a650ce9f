"""Which word of an imported East Asian name is the family name, when the record carries no
name in Chinese, Korean or Japanese script to tell (``emit._surname`` reads that one).

Why it matters: a short reference ("Han said"), a lost possessive and NE913's one-word
repair after a role all use the family name, and without one the last word is taken. For
332 of the shipped office holders of China, Korea, Taiwan and Singapore that was the given
name (``Changfu`` of Han Changfu, ``Won-soon`` of Park Won-soon), so a slip of another
minister's given name after a Chinese office was repaired into Han Changfu's.

A name is read as family name first only where its shape says so; otherwise nothing is
returned and the last word stays (``Lawrence Wong``, ``Hee-Jung Ahn``, ``Jong Ho Lee``):

* Korea: a hyphenated given name last (``Park Won-soon``, ``Kim Hyŏng-o``), or a first
  word that may be a Korean family name and a last that may not (``Kim Woo Sik``), or two
  words that both may be (``Park Jin``, ``Oh Myung``: a Korean's name in English is family
  name first; given name first comes with a two-syllable given name, ``Seongtae Lee``);
* a Chinese country (``family-first-countries`` less the Korean ones): a hyphenated given
  name second (``Hsieh Chang-ting``); three short words (``Teo Chee Hean``); or two words
  of which the first is one Mandarin syllable (pinyin or Wade-Giles, ``Chang Wanquan``)
  and the last is not, or both are in a ``two-syllable-family-first-countries`` country
  (the People's Republic's office holders: ``Wang Yang``).
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from cleaner.detectors.korean_pinyin import may_be_family
from cleaner.detectors.names import NameIndex
from cleaner.rules.translit import mandarin_syllables

_WORD = regex.compile(r"\p{Lu}[\p{Ll}']*(?:-\p{L}\p{Ll}*)?")
# A given name of two syllables joined by a hyphen (``Won-soon``, ``Chuan-Jin``).
HYPHENED_GIVEN = regex.compile(r"\p{Lu}\p{Ll}+-\p{L}\p{Ll}*")
# Longest word of a three-word Chinese name written in its own order ("Swee", "Chuan").
_SHORT = 6


def family_first(canonical: str, context: Sequence[str], index: NameIndex) -> str | None:
    """The first word of ``canonical`` when it is the family name of a person of a country
    that writes it first (above), else None."""
    words = canonical.split()
    if not 2 <= len(words) <= 3 or not all(_WORD.fullmatch(w) for w in words):
        return None
    countries = {c.lower() for c in context}
    if not countries & index.lexicon.words("family-first-countries"):
        return None
    first, last = words[0], words[-1]
    if countries & index.lexicon.words("korean-countries"):
        if HYPHENED_GIVEN.fullmatch(last) or (
            may_be_family(first, index) and (not may_be_family(last, index) or len(words) == 2)
        ):
            return first
        return None
    if len(words) == 2 and HYPHENED_GIVEN.fullmatch(last):
        return first
    if len(words) == 3:
        return first if all(len(w) <= _SHORT for w in words) else None
    two_syllables = countries & index.lexicon.words("two-syllable-family-first-countries")
    if _syllable(first) and (not _syllable(last) or two_syllables):
        return first
    return None


def _syllable(word: str) -> bool:
    """One Mandarin syllable as pinyin or Wade-Giles writes it (without tone marks)."""
    return word.lower() in mandarin_syllables()
