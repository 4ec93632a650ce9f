"""Broken hyphenation and spacing (MT902 spaced hyphen, MT903 split word, MT904 glued word).

Translation engines and PDF/HTML scrapers leave ``high -tech`` (a space before the hyphen of a
compound), ``F itzo`` (a word split) and ``Moscowin`` (two words glued). Each pattern is
recognised from its shape plus word frequency, and fixed automatically only where the shape
admits one reading:

* MT902: ``a -b -c`` chains (``face -to -face``) and ``3 -day`` (a number before a unit word)
  are always compounds, so they are joined (safe), as is a compound the dictionary (GCIDE)
  spells with a hyphen (``long -term``), and a word before a past participle (``US -led``,
  ``Kremlin -backed``: a compound modifier). Another ``word -word`` is joined when both parts are
  content words and the first is lower case (``high -tech``, ``pro -Russian``); a capitalised
  first part is a name or noun whose compounds are mostly open (``Internet -banking`` is
  "Internet banking"), so it is only reported. If either side is a function word it is more
  likely a dash missing its space (``tomato paste -this is``): reported without a fix, or
  skipped when the right side is one; a digit after the hyphen (``548 -072``, ``was -5``) is
  left alone.
* MT903: a lone capital before a lower-case non-word (``F itzo``), or two fragments whose join
  is a common word and one of which is no word (``gover nment``): reported with the join.
* MT904: a non-word that is a gazetteer name plus a common word (``Moscowin``, ``Xi
  Jinpingwhich``): a name never glues to ``in`` legitimately, so the split is safe (not
  after a name's word the gazetteer lacks: ``Gilbert Ramano`` is one person, not Edi
  Rama's surname and ``no``), and only suggested when the word is one slip of the pen
  from another gazetteer name as well (``Robertsno``: Roberts + no, or Robertson); a
  lower-case non-word made of a function word and a common word (``thecity``,
  ``informationand``) is reported only; two content words (``placecard``, ``shareability``)
  are more likely a compound wordfreq does not know.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from cleaner.detectors import Hit
from cleaner.detectors.names import NameIndex, correct_forms, fold
from cleaner.detectors.near_miss import closest_forms
from cleaner.detectors.text import (
    FUNCTION_WORD,
    cased_dictionary,
    dictionary_words,
    hyphenated_compounds,
    zipf,
    zipf_lower,
)
from cleaner.model import FixSafety, Level, Stage
from cleaner.registry import RuleRecord, allowed, examples
from cleaner.textview import TextView, Token, as_view

HYPHEN_RULE = "MT902"
SPLIT_RULE = "MT903"
GLUED_RULE = "MT904"
RULES = (
    RuleRecord(
        HYPHEN_RULE,
        "spaced-hyphen",
        Stage.ARTIFACT,
        Level.WARNING,
        FixSafety.SAFE,
        "space before a compound's hyphen",
        __doc__ or "",
        examples(("Russia imports high -tech parts.", "Russia imports high-tech parts.\n")),
        allowed("Temperatures fell to -5 overnight.", "Then run npm install -g codex."),
        origin=__name__,
    ),
    RuleRecord(
        SPLIT_RULE,
        "split-word",
        Stage.ARTIFACT,
        Level.WARNING,
        FixSafety.UNSAFE,
        "word split in two",
        __doc__ or "",
        examples(
            (
                "Prime Minister of Slovakia Robert F itzo could not fly.",
                "Prime Minister of Slovakia Robert Fitzo could not fly.\n",
            )
        ),
        allowed("I think A is right.", "Vitamin C helps."),
        origin=__name__,
    ),
    RuleRecord(
        GLUED_RULE,
        "glued-words",
        Stage.ARTIFACT,
        Level.WARNING,
        FixSafety.SAFE,
        "words glued together",
        __doc__ or "",
        examples(("Troops gathered in Kyivin May.", "Troops gathered in Kyiv in May.\n")),
        allowed(
            "They will demine the fields.",
            "On Monday, Gilbert Ramano told reporters in South Africa.",
        ),
        origin=__name__,
    ),
)

_SPACED_HYPHEN = regex.compile(
    r"(?<![\p{L}\p{N}\-])([\p{L}\p{N}]+)((?:[ \u00a0]-[\p{L}\p{N}][\p{L}\p{M}\p{N}]*)+)"
    r"(?![\p{L}\p{N}]|-[\p{L}\p{N}])"
)
_PART = regex.compile(r"[ \u00a0]-([\p{L}\p{N}][\p{L}\p{M}\p{N}]*)")
# What every match of _SPACED_HYPHEN holds: one search for it says whether the costlier
# scan (a look-behind at every position) can find anything; most articles have none.
_SPACED_HYPHEN_CUE = regex.compile(r"[ \u00a0]-[\p{L}\p{N}]")


def detect(text: str | TextView, index: NameIndex) -> list[Hit]:
    view = as_view(text)
    text, toks = view.text, view.tokens
    rare = unknown_words(view.lowers)
    return [
        *_spaced_hyphens(text, index),
        *_split_words(text, toks, rare),
        *_glued_words(toks, index, rare),
    ]


def unknown_words(lowers: Sequence[str]) -> list[int]:
    """Which tokens (by position; ``lowers``: their ``lower``, ``TextView.lowers``) English's
    frequency list lacks. A split word has such a fragment and a glued word is one, so both
    scans visit these and their neighbours, not every word (in clean prose a few in a
    hundred)."""
    return [i for i, low in enumerate(lowers) if not zipf_lower(low) > 0.0]


def _hyphenated_names(index: NameIndex) -> frozenset[str]:
    """Hyphenated words of correct names (``France-Presse``, ``Geun-hye``), folded."""
    return frozenset(
        fold(word)
        for e in index.entities
        for form in correct_forms(e)
        for word in form.split()
        if "-" in word
    )


def _place_words(index: NameIndex) -> frozenset[str]:
    """One-word names of places (``China``, ``US``), folded: ``US -China`` is a compound."""
    return frozenset(
        fold(form)
        for e in index.entities
        if e.kind == "place"
        for form in correct_forms(e)
        if len(form.split()) == 1
    )


def _known_compound(left: str, parts: list[str], index: NameIndex) -> str | None:
    """Why ``left -parts`` is certainly one hyphenated word, or None: a hyphenated part of
    a known name, two or more place names (a relation: ``US-China``), a compound the
    dictionary hyphenates even after a function word (``on-site``), or a word and a past
    participle (``US-led``)."""
    words = [left, *parts]
    joined = "-".join(words)
    if fold(joined) in index.derived("hyphenated_names", _hyphenated_names):
        return "a hyphenated part of a known name"
    places = index.derived("place_words", _place_words)
    if all(w[:1].isupper() and fold(w) in places for w in words):
        return "place names joined into one modifier"
    if joined.lower() in hyphenated_compounds():
        return "a compound the dictionary hyphenates"
    function = zipf(left) >= FUNCTION_WORD and not left.isupper()  # ("US" is no "us")
    if len(parts) == 1 and left.isalpha() and not function and _participle(parts[0], index):
        return "a word and a past participle: one modifier"
    return None


def _participle(word: str, index: NameIndex) -> bool:
    """Whether ``word`` is a past participle in lower case: an English word ending in -ed
    or one of the lexicon's ``irregular-participles``. After a spaced hyphen it ends a
    compound modifier (``US -led``, ``Kremlin -backed``, ``DNS -based``): a name or noun
    before it is no open compound (``Internet banking``) and a lost dash rarely opens with
    one."""
    if not (word.isalpha() and word.islower()):
        return False
    if word in index.lexicon.words("irregular-participles"):
        return True
    return len(word) >= 5 and word.endswith("ed") and zipf(word) > 0.0


def _spaced_hyphens(text: str, index: NameIndex) -> list[Hit]:
    hits: list[Hit] = []
    if not _SPACED_HYPHEN_CUE.search(text):
        return hits
    for m in _SPACED_HYPHEN.finditer(text):
        left = m.group(1)
        parts = _PART.findall(m.group(2))
        if any(p[0].isdigit() for p in parts):
            continue  # a minus sign or a number range, not a compound
        why = _known_compound(left, parts, index)
        if why:
            hits.append(_hyphen_hit(m, "-".join([left, *parts]), why))
            continue
        if any(zipf(p) == 0.0 or len(p) < 2 for p in parts) or (
            len(parts) == 1 and len(parts[0]) < 3
        ):
            continue  # a command-line option ("npm install -g", "-fanalyzer")
        if zipf(left) >= FUNCTION_WORD or (len(left) > 1 and left.isupper()):
            continue  # "kid-tested and -approved": a suspended compound, or a lost dash
        joined = "-".join([left, *parts])
        if len(parts) >= 2:
            safe, why = True, "a chain of spaced hyphens is one compound"
        elif left.isdigit():
            safe, why = parts[0].isalpha(), "a number before a hyphenated unit word"
        else:
            right = parts[0]
            function = zipf(left) >= FUNCTION_WORD or zipf(right) >= FUNCTION_WORD
            if function and zipf(right) >= FUNCTION_WORD:
                continue  # "paste -this": a dash that lost its space, not a compound
            listed = joined.lower() in hyphenated_compounds()
            safe = listed or (
                not function and left.isalpha() and right.isalpha() and left.islower()
            )
            why = (
                "a compound the dictionary hyphenates"
                if listed
                else "lower-case content words on both sides of a spaced hyphen"
            )
        hits.append(
            _hyphen_hit(m, joined, why)
            if safe
            else _hyphen_hit(m, None, "spaced hyphen next to a function word: compound or dash?")
        )
    return hits


def _hyphen_hit(m: regex.Match[str], joined: str | None, why: str) -> Hit:
    """One MT902 hit: a safe fix to ``joined``, or a finding without one when it is None."""
    return Hit(
        m.start(),
        m.end(),
        HYPHEN_RULE,
        Level.WARNING,
        f"space before a hyphen in '{m.group()}'"
        + (f"; did you mean '{joined}'?" if joined else ""),
        (joined,) if joined else (),
        FixSafety.SAFE if joined else FixSafety.NONE,
        why,
    )


def _split_words(text: str, toks: Sequence[Token], rare: Sequence[int]) -> list[Hit]:
    """``rare``: ``unknown_words(toks)``; a pair with neither word among them is no split."""
    hits: list[Hit] = []
    pairs = sorted({j for i in rare for j in (i - 1, i) if 0 <= j < len(toks) - 1})
    for a, b in ((toks[j], toks[j + 1]) for j in pairs):
        if not b.is_lower or b.end - a.start != len(a.text) + len(b.text) + 1:
            continue  # only "a b" with one space, the second part in lower case
        if text[a.end] != " " or not b.text.isalpha():
            continue
        joined = a.text + b.text
        if len(a.text) == 1 and a.text.isupper() and a.text not in "AI":
            before = text[a.start - 1] if a.start else " "
            if before in " \n" and len(b.text) >= 3 and zipf_lower(b.lower) == 0.0:
                hits.append(_split_hit(a, b, joined, "a capital letter split from its word"))
            continue
        if len(a.text) < 2 or len(b.text) < 2:
            continue
        if zipf_lower(b.lower) > 0.0 and zipf_lower(a.lower) > 0.0:
            continue
        if a.text.isalpha() and zipf(joined) >= 4.0:
            hits.append(_split_hit(a, b, joined, "two fragments that make a common word"))
    return hits


def _split_hit(a: Token, b: Token, joined: str, why: str) -> Hit:
    return Hit(
        a.start,
        b.end,
        SPLIT_RULE,
        Level.WARNING,
        f"'{a.text} {b.text}' looks like one word split in two; did you mean '{joined}'?",
        (joined,),
        FixSafety.UNSAFE,
        why,
    )


def _glued_words(toks: Sequence[Token], index: NameIndex, rare: Sequence[int]) -> list[Hit]:
    """``rare``: ``unknown_words(toks)``, the only words a glued pair can be."""
    hits: list[Hit] = []
    for i in rare:
        tok = toks[i]
        word = tok.text
        if len(word) < 5 or zipf_lower(tok.lower) > 0.0 or not word.isalpha():
            continue
        if index.is_known(word):
            continue
        if tok.is_lower and tok.lower in index.variant_forms:
            continue
        following = toks[i + 1].text if i + 1 < len(toks) else None
        split = None
        if not _in_unknown_name(toks, i, index):
            split = _name_split(word, index, toks[i - 1].text if i else None, following)
        if split:
            head, tail = split
            message, fixes = f"'{word}' looks like '{head}' glued to '{tail}'", (f"{head} {tail}",)
            reason, safety = "a gazetteer name glued to a common word", FixSafety.SAFE
            slipped = _slip_of_name(word, index)
            if slipped:
                # Two readings one edit away each: a space lost, or two letters swapped
                # (``Robertsno``: Roberts + no, or Robertson). Only a reader can tell.
                message, fixes = f"{message}, or a slip of '{slipped}'", (*fixes, slipped)
                reason, safety = f"{reason}, or a slip of another name", FixSafety.UNSAFE
            hits.append(
                Hit(tok.start, tok.end, GLUED_RULE, Level.WARNING, message, fixes, safety, reason)
            )
            continue
        words = cased_dictionary()
        openers = index.lexicon.words("sentence-openers")
        if tok.is_lower and len(word) >= 6 and word not in words and not _in_gcide(word):
            for cut in range(3, len(word) - 2):
                head, tail = word[:cut], word[cut:]
                if tail[0].isupper() and tail.lower() in openers:
                    break  # "yearThe": a lost full stop, MT907's (glue.py)
                if (
                    max(zipf(head), zipf(tail)) >= 6.0  # one part a function word
                    and min(zipf(head), zipf(tail)) >= 4.5
                    and len(tail) >= 3
                    and head in words
                    and tail.lower() in words
                ):
                    hits.append(
                        Hit(
                            tok.start,
                            tok.end,
                            GLUED_RULE,
                            Level.INFO,
                            f"'{word}' looks like '{head} {tail}' without the space",
                            (f"{head} {tail}",),
                            FixSafety.UNSAFE,
                            "a non-word made of two common words",
                        )
                    )
                    break
    return hits


# A capitalised word rarer than this (wordfreq Zipf) that no gazetteer name has is a name's
# word (``Gilbert``), as NE901 reads its neighbours.
NAME_WORD_ZIPF = 4.0


def _in_unknown_name(toks: Sequence[Token], i: int, index: NameIndex) -> bool:
    """Whether the capitalised token ``i`` follows, one space on, a capitalised word that
    is neither a known name nor a common word: the two are one person's name the gazetteer
    lacks (``Gilbert Ramano``, a South African official), not a known name glued to a word
    (``Rama`` of Edi Rama + ``no``)."""
    if i == 0 or not toks[i].is_title:
        return False
    prev = toks[i - 1]
    return (
        prev.is_title
        and toks[i].start - prev.end == 1
        and not index.is_known(prev.text)
        and zipf(prev.text) < NAME_WORD_ZIPF
    )


def _slip_of_name(word: str, index: NameIndex) -> str | None:
    """The gazetteer name ``word`` is one slip of the pen from (a letter added, dropped or
    changed, or two neighbours swapped: ``Robertsno`` for Robertson, ``Moriat`` for
    Morita), if any. Splitting off a common word is one edit too, so such a word has two
    readings and the split is no safe fix."""
    from rapidfuzz.distance import OSA

    folded = fold(word)
    for form in closest_forms(folded, index):
        if len(form) >= 5 and OSA.distance(folded, form) <= 1:
            written = (
                w
                for e in index.single_forms[form]
                for f in correct_forms(e)
                for w in f.split()
                if fold(w) == form
            )
            return next(written, form.title())
    return None


def _in_gcide(word: str) -> bool:
    return word.lower() in dictionary_words()


# Articles: glued to the end of a name they read as a name's own ending ("Hamid" + "an").
_ARTICLES = frozenset({"a", "an", "the"})


def _name_split(
    word: str, index: NameIndex, previous: str | None, following: str | None = None
) -> tuple[str, str] | None:
    """``Moscowin`` -> (``Moscow``, ``in``): a name, then a very common word.

    Both halves must be evidence. The tail is a very common word; the head must be a name
    in its own right: a whole one-word name that is no ordinary English word (``Moscow``,
    ``Kyiv``), or the last word of a longer name whose word before it precedes it here too
    (``Xi Jinpingwhich``). A capitalised word that merely occurs inside some name
    (``Bridge`` of "Crimean Bridge", ``Power``) is not: ``Bridgewell Securities`` is a
    company, not "Bridge well". Nor is an article as the tail when a capitalised word
    follows: ``Hamidan Kassim``, ``Shahidan Kassim`` are given names, not "Hamid an"."""
    for cut in range(len(word) - 2, 1, -1):
        head, tail = word[:cut], word[cut:]
        if not tail.islower() or not head[0].isupper():
            continue
        if tail in _ARTICLES and following is not None and following[:1].isupper():
            continue
        if len(head) >= 4 and zipf(tail) >= 5.5 and _is_name(head, previous, index):
            return head, tail
    return None


def _is_name(head: str, previous: str | None, index: NameIndex) -> bool:
    if fold(head) in index.single_forms and head.lower() not in cased_dictionary():
        return True
    return previous is not None and (fold(previous), fold(head)) in index.derived(
        "name-bigrams", _name_bigrams
    )


def _name_bigrams(index: NameIndex) -> frozenset[tuple[str, str]]:
    """Consecutive word pairs of every multi-word correct name (``xi``, ``jinping``)."""
    pairs: set[tuple[str, str]] = set()
    for e in index.entities:
        for form in correct_forms(e):
            words = [fold(w) for w in form.split()]
            pairs.update(zip(words, words[1:], strict=False))
    return frozenset(pairs)
