"""Is this text English? (for the LN101 notice and for skipping English-only rules).

``py3langid`` (a maintained fork of langid.py: a naive-Bayes byte n-gram model for 97
languages shipped inside the wheel, numpy only, no download) names the language. It loads in
about a second, once per process, and classifies an article in well under a millisecond.

Short texts are where detectors misjudge (``Thank you!`` comes out as Afrikaans or Latin), and
the MT benchmark cleans one line at a time, so a text is called non-English only on strong
evidence:

* mostly non-Latin letters (an untranslated Ukrainian paragraph): non-English at any length
  of 20+ letters, whatever the model says;
* Latin script: at least 12 words, fewer than 15% of the words among English's 50 commonest
  (English news runs at 35-50%; checked first, so English text never loads the model), and the
  model >= 0.95 sure of another language;
* anything shorter: assumed English (language "en", decided False in the result).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from cleaner.textview import WORD, TextView, as_view

# Counted as runs (a word at a time), not one match per character.
_LETTERS = regex.compile(r"\p{L}+")
_LATIN = regex.compile(r"\p{Latin}+")
MIN_WORDS = 12
MIN_LETTERS = 20
SURE = 0.95
MAX_ENGLISH_SHARE = 0.15
SAMPLE = 2000


@dataclass(frozen=True, slots=True)
class Verdict:
    """``language``: ISO 639-1 code; ``decided``: whether there was enough text to judge."""

    language: str
    english: bool
    confidence: float
    decided: bool
    reason: str


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=1)
def _common_english() -> frozenset[str]:
    from cleaner.detectors.wordtable import table

    return table().top50


def detect_language(text: str | TextView) -> Verdict:
    """The language of ``text`` and whether it counts as English (see module docstring)."""
    view = as_view(text)
    sample = view.text[:SAMPLE]
    # The sample's words by the one word definition (the whole text's tokens would be wasted
    # work: this stage runs on the text before boilerplate removal changes it).
    # (``WORD`` is what ``tokenize`` matches; the words' strings are all that is needed.)
    ascii_sample = sample.isascii()
    if ascii_sample:
        # Lower-casing ASCII moves no word boundary, and every ASCII letter is a Latin one
        # inside one of the words (``ascii_letters``), so no scan of the sample's letters.
        words = WORD.findall(sample.lower())
        letters = latin = ascii_letters(words)
    else:
        letters = _count(_LETTERS, sample)
    if letters < MIN_LETTERS:
        return Verdict("en", True, 0.0, False, "too short to judge")
    if not ascii_sample:
        latin = _count(_LATIN, sample)
        words = [w.lower() for w in WORD.findall(sample)]
    if latin < 0.5 * letters:
        lang, prob = _identifier().classify(sample)
        lang = "und" if lang == "en" else lang  # not English, whatever the model says
        return Verdict(lang, False, float(prob), True, "mostly non-Latin letters")
    if len(words) < MIN_WORDS:
        return Verdict("en", True, 0.0, False, "too few words to judge")
    share = sum(map(_common_english().__contains__, words)) / len(words)
    if share >= MAX_ENGLISH_SHARE:
        # Enough of English's commonest words that no model verdict could make it foreign
        # (see the rule below), so the model, a second to load, is never needed for it.
        return Verdict("en", True, share, True, f"{share:.0%} common English words")
    lang, prob = _identifier().classify(sample)
    if lang != "en" and prob >= SURE:
        return Verdict(lang, False, float(prob), True, f"{share:.0%} common English words")
    return Verdict(
        "en",
        True,
        float(prob) if lang == "en" else 1 - float(prob),
        True,
        f"{share:.0%} common English words",
    )


def ascii_letters(words: list[str]) -> int:
    """How many letters an ASCII text holds, from its words (``WORD``'s matches): on ASCII,
    a word is a run of letters, then perhaps an apostrophe and the next run, greedily, so
    every letter is in a word and a word's other characters are its one apostrophe."""
    joined = "".join(words)
    return len(joined) - joined.count("'")


def _count(runs: regex.Pattern[str], text: str) -> int:
    """How many characters of ``text`` the character class of ``runs`` covers."""
    return sum(map(len, runs.findall(text)))


def verdict_key(text: str) -> str:
    """All that ``detect_language`` reads of ``text``: its sample."""
    return text[:SAMPLE]
