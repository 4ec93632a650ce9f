"""Stray capitals mid-sentence (MT901): ``Xi Jinping Will take``, ``continues to Provide``.

Translation engines capitalise a word where the source had a capital (a sentence start that
moved, a heading word) or at a segment join. A capitalised word is flagged when it sits inside
a sentence (not at a line, sentence, quote or bracket start, not after a colon), its lower-case
form is a common English word (wordfreq Zipf >= 4), and nothing says it is a name:

* it does not start or continue a run of capitalised words, except that a very common word
  (Zipf >= 6: "With", "In", "Will") may follow one ("Jinping Will", "Beijing In May"),
  because such words almost never end a name;
* a less common word (Zipf 4-6) counts only in a verb's slot: after "to" or a modal, or
  before a determiner or pronoun ("continues to Provide", "dignitaries Attend the"), since
  house styles capitalise nouns and adjectives ("Western governments");
* it is not in a heading (a Title Case line, or a short line without end punctuation),
  not after a capitalised ordinary word ("Adore Me", "Contact Us"), not ``No`` before a
  number, not in
  ``Standard & Poor's``;
* it is not the article or a determiner opening a title ("The Hague", "A Song of...");
* it does not follow a determiner ("the President said": house style capitalises titles);
* the article's own case statistics: a word this text capitalises mid-sentence elsewhere in a
  name run ("Will Smith") or more often than not is left alone;
* it is not a gazetteer name, and the dictionary (Webster's 2nd, case kept) lists it in
  lower case; if it also lists it capitalised ("March", "Turkey", "Will") only a very common
  word (Zipf >= 6: "Will", "May") still counts;

Findings only, with the lower-case form as an unsafe suggestion: a capital can be house
style, and a name missing from the gazetteer can be an English word. One case the article
itself confirms is a safe fix: a preposition or ``The`` capitalised between a lower-case word
and a known name or month (``_before_names``: "office Between Russia's invasion") where the
article writes that word in lower case elsewhere and capitalises it mid-sentence nowhere else.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import regex

from cleaner.detectors import Hit
from cleaner.detectors.confirm import known_name_spans
from cleaner.detectors.names import NameIndex
from cleaner.detectors.text import cased_dictionary, sentence_initial, zipf
from cleaner.model import FixSafety, Level, Stage
from cleaner.registry import RuleRecord, allowed, examples
from cleaner.textview import TextView, Token, as_view

RULE = "MT901"
RULES = (
    RuleRecord(
        RULE,
        "stray-capital",
        Stage.ARTIFACT,
        Level.INFO,
        FixSafety.UNSAFE,
        "common lower-case word capitalised inside a sentence",
        __doc__ or "",
        examples(
            (
                "Chinese leader Xi Jinping Will take part in the summit.",
                "Chinese leader Xi Jinping will take part in the summit.\n",
            ),
            (
                "Talks between the two sides stalled. He took office Between Russia's war "
                "and the election.",
                "Talks between the two sides stalled. He took office between Russia's war "
                "and the election.\n",
            ),
        ),
        allowed("Western governments met in March."),
        origin=__name__,
    ),
)
COMMON = 4.0
FUNCTION_LIKE = 6.0
# Closed grammatical classes, not vocabulary: after these a capital marks a title or name.
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "this",
        "that",
        "these",
        "those",
    ]
)


def detect(text: str | TextView, index: NameIndex) -> list[Hit]:
    """Every test below only rules a token out, so their order does not change the hits:
    the cheap ones on the token go first, and what needs the whole text (initial capitals,
    case statistics, heading lines) is computed once a token survives them, which in most
    articles none does."""
    view = as_view(text)
    text, toks = view.text, view.tokens
    stats: _CaseStats | None = None
    headings: _Headings | None = None
    # A capital after a preposition is expected before a month ("In May 2024" flags "In").
    months = index.lexicon.words("month-names")
    hits: list[Hit] = []
    name_ends: set[int] | None = None  # where a known full name ends (read when needed)
    for i in view.titled:
        tok = toks[i]
        score = _lower_case_reading(tok.text)
        if score is None or index.is_known(tok.text):
            continue
        low = tok.lower
        if sentence_initial(text, tok.start):
            continue
        if _NOT_A_WORD_AFTER.match(text, tok.end):
            continue  # "No. 29", "No29", "Standard & Poor's"
        if _hyphen_name(text, tok) or _title_run(text, toks, i):
            continue
        if stats is None:
            stats = _CaseStats(text, toks)
        named, lower_uses, cap_uses = stats.of(low)
        if named or (cap_uses >= 2 and cap_uses > lower_uses):
            continue
        if headings is None:
            headings = _Headings(view)
        if headings.holds(view.line_of(tok.start)):
            continue
        prev = toks[i - 1] if i > 0 else None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if prev is not None and prev.lower in _DETERMINERS and _adjacent(text, prev, tok):
            continue
        prev_cap = prev is not None and not prev.is_lower and _adjacent(text, prev, tok)
        next_cap = nxt is not None and not nxt.is_lower and _adjacent(text, tok, nxt)
        if (prev_cap or next_cap) and score < FUNCTION_LIKE:
            continue
        if next_cap and nxt is not None and nxt.lower not in months:
            continue
        if score < FUNCTION_LIKE and not _verb_slot(text, prev, tok, nxt):
            continue
        question = low in _AUXILIARIES and nxt is not None and nxt.lower in _SUBJECTS
        if question and nxt is not None:
            hits.append(
                Hit(
                    tok.start,
                    tok.end,
                    RULE,
                    Level.INFO,
                    f"'{tok.text} {nxt.text}' opens a question mid-sentence: a lost sentence "
                    "break?",
                    (),
                    FixSafety.NONE,
                    "common lower-case word capitalised inside a sentence",
                )
            )
            continue
        confirmed = (
            low in _MODALS
            and nxt is not None
            and nxt.is_lower
            and _adjacent(text, tok, nxt)
            and lower_uses >= 1
            and cap_uses == 1
        )
        if confirmed:
            if name_ends is None:
                name_ends = {e for s, e in known_name_spans(view, index)}
            confirmed = prev is not None and prev.end in name_ends and _adjacent(text, prev, tok)
        hits.append(
            Hit(
                tok.start,
                tok.end,
                RULE,
                Level.WARNING if confirmed else Level.INFO,
                f"'{tok.text}' is capitalised mid-sentence; did you mean '{low}'?",
                (low,),
                FixSafety.SAFE if confirmed else FixSafety.UNSAFE,
                "a modal verb capitalised right after a person's full name, which the article "
                "writes in lower case everywhere else"
                if confirmed
                else "common lower-case word capitalised inside a sentence",
            )
        )
    return _before_names(view, index, hits)


@lru_cache(maxsize=65536)
def _lower_case_reading(word: str) -> float | None:
    """The Zipf frequency of ``word`` (in title case) when the word alone leaves it a
    possible stray capital, else None: letters only, no determiner or polite "You", a
    common word (Zipf >= ``COMMON``) that the dictionary lists in lower case ("Sunday" and
    "Beijing" have no lower-case reading), and, if the dictionary also lists it capitalised
    ("March", "Turkey", "Media"), a very common one (Zipf >= ``FUNCTION_LIKE``: "Will").
    Asked for every capitalised word of every article and the same words recur, so each
    answer is remembered (the word lists are fixed for the process)."""
    if not word.isalpha():
        return None
    low = word.lower()
    if low in _DETERMINERS or low in _POLITE:
        return None
    words = cased_dictionary()
    score = zipf(low)
    if score < COMMON or low not in words:
        return None  # no lower-case reading: "Sunday", "Beijing"
    if word in words and score < FUNCTION_LIKE:
        return None  # a proper-noun reading exists: "March", "Turkey", "Media"
    return score


def _before_names(view: TextView, index: NameIndex, hits: list[Hit]) -> list[Hit]:
    """A preposition or ``The`` capitalised between a lower-case word and a one-word name
    the gazetteer knows or a month ("office Between Russia's invasion", "won The March
    election"), which the tests above leave alone as the possible start of a title. A title
    ("In Cold Blood", "The Hague") does not sit between a lower-case word and a lone
    known name that a lower-case word or a possessive ends; after ``The`` only a month
    followed by a content word counts ("The March of Time" is a title). Safe when the
    article confirms it (module docstring); otherwise an unsafe suggestion."""
    text, toks = view.text, view.tokens
    months = index.lexicon.words("month-names")
    taken = {h.start for h in hits}
    headings: _Headings | None = None
    stats: _CaseStats | None = None
    # The words that can lead into a name, picked in one pass (most words are none).
    leads = [i for i in view.titled if toks[i].lower in _NAME_LEADS]
    for i in leads:
        if not 1 <= i < len(toks) - 2:
            continue
        tok, prev, nxt, after = toks[i], toks[i - 1], toks[i + 1], toks[i + 2]
        if tok.start in taken:
            continue
        if not (prev.is_lower and _adjacent(text, prev, tok) and _adjacent(text, tok, nxt)):
            continue
        if not nxt.is_title or prev.lower in _DETERMINERS:
            continue  # "their For You page": a title after a determiner
        bare = regex.sub(r"['’]s$", "", nxt.text)
        if tok.lower == "the":
            named = nxt.lower in months and after.is_lower and zipf(after.lower) < FUNCTION_LIKE
        else:
            # A name that is no function word ("Russia", not "You"), or a month.
            known = index.is_known(bare) and zipf(bare.lower()) < FUNCTION_LIKE
            named = known or nxt.lower in months
        ends = bare != nxt.text or (after.is_lower and _adjacent(text, nxt, after))
        if not (named and ends):
            continue
        if headings is None:
            headings = _Headings(view)
            stats = _CaseStats(text, toks)
        if headings.holds(view.line_of(tok.start)):
            continue
        _, lower_uses, cap_uses = (stats or _CaseStats(text, toks)).of(tok.lower)
        if cap_uses >= 2 and cap_uses > lower_uses:
            continue
        # The article's own usage confirms the slip: it writes the word in lower case
        # elsewhere and capitalises it mid-sentence nowhere else.
        confirmed = lower_uses >= 1 and cap_uses == 1
        hits.append(
            Hit(
                tok.start,
                tok.end,
                RULE,
                Level.WARNING if confirmed else Level.INFO,
                f"'{tok.text}' is capitalised mid-sentence before a name; did you mean "
                f"'{tok.lower}'?",
                (tok.lower,),
                FixSafety.SAFE if confirmed else FixSafety.UNSAFE,
                "a preposition or 'the' capitalised between a lower-case word and a name, "
                "which the article writes in lower case everywhere else"
                if confirmed
                else "common lower-case word capitalised inside a sentence",
            )
        )
    return sorted(hits, key=lambda h: h.start)


# Closed class: the prepositions (and "the") that lead into a name.
_NAME_LEADS = frozenset(
    [
        "the",
        "between",
        "with",
        "in",
        "after",
        "during",
        "amid",
        "against",
        "for",
        "from",
        "under",
        "before",
        "since",
        "despite",
        "among",
        "over",
        "at",
        "by",
        "on",
        "of",
        "to",
        "into",
        "across",
    ]
)


# Modal verbs: right after a person's full name and before a lower-case word, a capital
# is no name's ("Xi Jinping Will take"), and none of them ends a name.
_MODALS = frozenset(["will", "would", "can", "could", "shall", "should", "might", "must"])


# An auxiliary before a subject pronoun opens a question ("... right now Do you want"): the
# capital is right and a full stop is missing, so lower-casing would be the wrong fix.
_AUXILIARIES = frozenset(
    [
        "do",
        "does",
        "did",
        "can",
        "could",
        "will",
        "would",
        "shall",
        "should",
        "may",
        "might",
        "must",
        "is",
        "are",
        "was",
        "were",
        "have",
        "has",
    ]
)
_SUBJECTS = frozenset(["i", "you", "we", "they", "he", "she", "it", "there"])


_VERB_LEAD = frozenset(
    [
        "to",
        "will",
        "would",
        "can",
        "could",
        "should",
        "must",
        "may",
        "might",
        "shall",
        "did",
        "does",
        "do",
        "not",
    ]
)
_OBJECT_START = _DETERMINERS | frozenset(["it", "them", "him", "us", "me"])
# The polite second person (Ukrainian/Russian "Ви"/"Вы"), capitalised by convention in letters
# and kept so by careful translators: a register choice, not damage.
_POLITE = frozenset(["you", "your", "yours", "yourself"])


_NOT_A_WORD_AFTER = regex.compile(r"\.?\s?\d|\s&\s")


class _Headings:
    """Which lines are headings (``_title_case_line`` or ``_short_unpunctuated_line``),
    decided per line when a token on it is asked about."""

    def __init__(self, view: TextView) -> None:
        self.view = view
        self.known: dict[int, bool] = {}

    def holds(self, n: int) -> bool:
        found = self.known.get(n)
        if found is None:
            line = self.view.lines[n]
            found = _short_unpunctuated_line(line.text) or _title_case_line(
                self.view.tokens_in(line.start, line.end + 1)
            )
            self.known[n] = found
        return found


def _title_case_line(toks: Sequence[Token]) -> bool:
    """A heading written in Title Case: most longer words that have a lower-case reading are
    capitalised (names such as "China" or "Moscow" count neither way)."""
    total = caps = 0
    for tok in toks:
        if len(tok.text) >= 4 and _ordinary_word(tok.text):
            total += 1
            caps += 0 if tok.is_lower else 1
    return total >= 2 and caps > 0.5 * total


def _short_unpunctuated_line(line: str) -> bool:
    """A heading, menu item or caption: under ten words, no full stop, question or
    exclamation mark at the end ("Register Now", "Wrapping Up")."""
    stripped = line.rstrip(" \"”’')")
    return bool(stripped) and stripped[-1] not in ".!?…:;," and len(line.split()) < 10


def _title_run(text: str, toks: Sequence[Token], i: int) -> bool:
    """A word after a capitalised ordinary word ("Adore Me", "Contact Us", "You Will See
    Me"): a title, a slogan or a menu item. After a name ("Jinping Will", "Beijing In") the
    capital stays suspicious: names have no lower-case reading in the dictionary. Deciding on
    the run as a whole also keeps an opted-in fix from cascading (lower-casing "Me" would
    otherwise expose "See" in the next round)."""
    run = 0
    j = i - 1
    words = cased_dictionary()
    while j >= 0 and run < 1:
        prev = toks[j]
        if not prev.is_title or not _adjacent(text, prev, toks[j + 1]):
            break
        if prev.lower not in words:
            break  # a name ("Vladimir Putin Will") does not make a title run
        run += 1
        j -= 1
    return run >= 1


@lru_cache(maxsize=65536)
def _ordinary_word(word: str) -> bool:
    """A word with no proper-noun reading: listed in lower case only ("provide"), or an
    inflected form the list lacks but wordfreq knows ("continues"). "China" and "Moscow"
    (listed capitalised) are neither, so names do not make a sentence look like a headline.
    Asked for every longer word of every line that may be a heading, so each answer is
    remembered (the word lists are fixed for the process)."""
    words = cased_dictionary()
    low = word.lower()
    title = word[0].upper() + low[1:]
    if title in words:
        return False
    return low in words or zipf(low) >= 3.0


def _hyphen_name(text: str, tok: Token) -> bool:
    """Part of a capitalised hyphenated name: ``All-Military Army``, ``Russia-Friendly``."""
    after = text[tok.end : tok.end + 2]
    before = text[max(0, tok.start - 2) : tok.start]
    return (len(after) == 2 and after[0] in "-‑" and after[1].isupper()) or (
        len(before) == 2 and before[1] in "-‑" and before[0].isalpha()
    )


def _verb_slot(text: str, prev: Token | None, tok: Token, nxt: Token | None) -> bool:
    """Whether a content word stands where a verb goes: after "to" or a modal, or before an
    object ("Attend the celebrations"). Capitalised nouns and adjectives ("Western
    governments", "a graduate of Journalism") are so often house style that only this
    position makes a mid-sentence capital on them suspicious."""
    if prev is not None and _adjacent(text, prev, tok) and prev.lower in _VERB_LEAD:
        return True
    return nxt is not None and _adjacent(text, tok, nxt) and nxt.lower in _OBJECT_START


def _adjacent(text: str, a: Token, b: Token) -> bool:
    """Whether only plain spaces separate two tokens (no punctuation, no line break)."""
    gap = text[a.end : b.start]
    return gap.strip(" ") == "" and "\n" not in gap


class _CaseStats:
    """The article's case statistics, asked one word at a time: whether the text uses the
    word in a name run, and how often it writes it in lower case and capitalised
    mid-sentence. Most articles ask about a few words (those of the tokens that survive the
    cheap tests), so each answer visits only that word's occurrences (found by ``list.index``
    over the tokens' lower-case forms, in C), remembered, instead of the statistics of every
    word (with a sentence-start test for every capitalised token) built first."""

    __slots__ = ("known", "lowers", "text", "toks")

    def __init__(self, text: str, toks: Sequence[Token]) -> None:
        self.text = text
        self.toks = toks
        self.lowers = [t.lower for t in toks]
        self.known: dict[str, tuple[bool, int, int]] = {}

    def of(self, low: str) -> tuple[bool, int, int]:
        """(in a name run, lower-case uses, capitalised uses not opening a sentence)."""
        found = self.known.get(low)
        if found is None:
            text, toks, lowers = self.text, self.toks, self.lowers
            named, lower, caps = False, 0, 0
            last = len(toks) - 1
            i = -1
            while True:
                try:
                    i = lowers.index(low, i + 1)
                except ValueError:
                    break
                tok = toks[i]
                if tok.is_lower:
                    lower += 1
                    continue
                if not tok.is_title:
                    continue  # all capitals: counted neither way
                if not sentence_initial(text, tok.start):
                    caps += 1
                if not named and i < last:
                    nxt = toks[i + 1]
                    named = nxt.is_title and zipf(nxt.lower) < COMMON and _adjacent(text, tok, nxt)
            found = self.known[low] = (named, lower, caps)
        return found
