"""Near-miss names the article itself confirms (NE911-NE913): repaired, not only reported.

A near-miss name (NE901) is a suggestion because a real person missing from the gazetteer can
sound like one in it, and only a reader knows. Some evidence in the same article leaves so
little doubt that the repair is safe:

* NE911, the full name: a run of words that lines up, word for word, with a gazetteer
  person's full name (or its last two or more words), each word either the name's own word
  or a near miss of it (spelt alike and sounding the same: ``names.sound_keys``), with at
  least one word exact: ``Recep Rayyip Erdogan``, ``Josep Borell``, ``Kim Jong-Li``, ``Ko
  Wenzhe``, ``Amir Abdallahian``. A capitalisation slip inside a known name is one too
  (``Robert FIco``). A run with no exact word (``Annalen Burbock``: two sound-alikes of one
  person's two names) is repaired only when the article also names the person's country or
  a role of theirs stands right before it ("German foreign minister"); otherwise it is
  reported with the suggestion. So is the given name exact and one letter lost from the
  family name, leaving no word English text writes (``Annalena Baebock`` in an article
  naming Germany: a lost consonant is no sound-alike).
* NE912, named elsewhere: a one-word near miss of a person's surname (``Burbok``) in an
  article that names that person in full, exactly or through an NE911 repair, when no other
  gazetteer name is as close and the word does not follow some other given name; or, one
  letter off, in an article that names the person's office and country (``Brinken`` where
  the article writes ``US Secretary of State``: ``_by_office``).
* NE913, the role: a near miss right after the person's own role, ending there (``California
  Governor Newson``, ``South Korean President Yoon Seok-yue``), or with the role in
  apposition right after it (``Newson, the Governor of California,``): one word a sound-alike or a
  letter off the family name, or an East Asian name with the family name exact (as the
  canonical or a listed variant, ``Yin Xiyue``, writes it) and the given name close in spelling
  with the same first letter (read through another script). The office names one person; the
  same words elsewhere in the article take the same repair.

A name read through another script (NE911 and NE913 alike) is repaired only when no other
person of the gazetteer is as near: another given name as close, under a family name one of
whose spellings is near the run's, and the repair steps back (``Li Sien Loung`` is Lee Hsien
Loong through Greek, not Chih-Kung Lee, whose ``Li Shi Guang`` shares the family name).

Everything else stays a finding (NE901). The functions here are pure (text and index in,
hits out) so the decision can move into a common ``decide`` step unchanged.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

import regex

from cleaner.detectors import Hit, Kept, korean_pinyin
from cleaner.detectors.names import (
    NameIndex,
    countries_among,
    family_name,
    first_name,
    fold,
    japanese,
    jaro_winkler,
    romanised_whole,
    spelling_similarity,
)
from cleaner.detectors.near_miss import (
    MIN_SPELLING,
    closest_forms,
    is_candidate,
    single_candidates,
)
from cleaner.detectors.office import office_before
from cleaner.detectors.text import (
    cased_dictionary,
    given_name_only,
    is_english_word,
    sentence_initial,
    whole_word_starts,
    zipf,
)
from cleaner.model import FixSafety, Level, Stage
from cleaner.registry import RuleRecord, allowed, examples
from cleaner.rules.entity import Entity, family_char
from cleaner.textview import TextView, Token, as_view

FULL_RULE = "NE911"
NAMED_RULE = "NE912"
ROLE_RULE = "NE913"
NEAR_RULE = "NE901"
RULES = (
    RuleRecord(
        FULL_RULE,
        "near-miss-full-name",
        Stage.ARTIFACT,
        Level.WARNING,
        FixSafety.SAFE,
        "near-miss name confirmed by the full name it stands in",
        __doc__ or "",
        examples(
            (
                "Turkish President Recep Rayyip Erdogan arrived in Ankara.",
                "Turkish President Recep Tayyip Erdogan arrived in Ankara.\n",
            ),
            (
                "The German foreign minister Annalen Burbock arrived.",
                "The German foreign minister Annalena Baerbock arrived.\n",
            ),
            (
                "Amir Abdallahian spoke. Later Hossein Amir Abdollahian left.",
                "Amir Abdollahian spoke. Later Hossein Amir Abdollahian left.\n",
            ),
            (
                "Annalena Baebock arrived in Germany on Monday.",
                "Annalena Baerbock arrived in Germany on Monday.\n",
            ),
            (
                "Annalena Baerbrock arrived in Germany on Monday.",
                "Annalena Baerbock arrived in Germany on Monday.\n",
            ),
        ),
        allowed(
            "Recep Tayyip Erdogan arrived in Ankara.",
            "Deputy minister Alexander Grishko spoke in Moscow.",
            "Annalena Baebock arrived on Monday.",
            "Annalena Caerbock arrived in Germany on Monday.",
            "On Monday, John Cornyn told reporters in the United States that talks go on.",
            # Lee Hsien Loong through Greek: Chih-Kung Lee's ``Li Shi Guang`` is near, his
            # own ``Li Hsien-lung`` nearer (``_closer_elsewhere``).
            "Singapore Prime Minister Li Sien Loung said the talks were useful. "
            "Taiwanese President Tsai Ing-wen spoke later.",
        ),
        origin=__name__,
    ),
    RuleRecord(
        NAMED_RULE,
        "near-miss-named-elsewhere",
        Stage.ARTIFACT,
        Level.WARNING,
        FixSafety.SAFE,
        "near-miss surname of a person the article names in full, or whose office it names",
        __doc__ or "",
        examples(
            (
                "Annalena Baerbock visited Kyiv. Burbock said the talks went well.",
                "Annalena Baerbock visited Kyiv. Baerbock said the talks went well.\n",
            ),
            (
                "Hossein Amir Abdollahian arrived. Abdallahian said so.",
                "Hossein Amir Abdollahian arrived. Abdollahian said so.\n",
            ),
            (
                "Annalena Baerbock visited Germany. Later Baerbrock said the talks went well.",
                "Annalena Baerbock visited Germany. Later Baerbock said the talks went well.\n",
            ),
            (
                "The US Secretary of State arrived in Beijing. Brinken said the talks went well.",
                "The US Secretary of State arrived in Beijing. Blinken said the talks went well.\n",
            ),
        ),
        allowed(
            "Burbock said the talks went well.",
            "The US Secretary of State Marco Rubio arrived. Brinken said so.",
            "Emmanuel Macron spoke in Paris. Everyone was sick, they had Omicron again.",
        ),
        origin=__name__,
    ),
    RuleRecord(
        ROLE_RULE,
        "near-miss-after-role",
        Stage.ARTIFACT,
        Level.WARNING,
        FixSafety.SAFE,
        "near-miss name right after the person's own role",
        __doc__ or "",
        examples(
            (
                "California Governor Newsum signed the bill.",
                "California Governor Newsom signed the bill.\n",
            ),
            (
                "South Korean President Yoon Seok-yue spoke. Yoon Seok-yue left.",
                "South Korean President Yoon Suk Yeol spoke. Yoon Suk Yeol left.\n",
            ),
            (
                "South Koreans praise Yoon Seok-yue's administration.",
                "South Koreans praise Yoon Suk Yeol's administration.\n",
            ),
            (
                "Japanese Prime Minister Antian said the talks were useful.",
                "Japanese Prime Minister Kishida said the talks were useful.\n",
            ),
            (
                "Newsum, the Governor of California, signed the bill.",
                "Newsom, the Governor of California, signed the bill.\n",
            ),
        ),
        allowed(
            "Senator Newsum signed the bill.",
            "Tom Newsum, the Governor of California, signed the bill.",
            "Newsum, an adviser to the Governor of California, signed the bill.",
            "Chinese Premier Li said the talks were useful.",
            "California Governor Newsum Brown signed the bill.",
            "South Korean President Yoon Bo-seon spoke.",
            "Yoon Seok-yue's administration fell.",
        ),
        origin=__name__,
    ),
)
# Two near misses and no exact word: each must be this close in spelling.
BOTH_NEAR_SPELLING = 0.84
# A run this long may line up with the start of a longer name, not only its end.
PREFIX_WINDOW = 3
# Words right before a name that may hold a role of the person ("German foreign minister").
ROLE_WINDOW = 5
# How far a role written out in full is read back from the name (tokens): "Minister of
# National Defense of the People's Republic of China" is ten.
ROLE_REACH = 14
# A title word in this many distinct titles or more is an office noun, where a role begins.
OFFICE_TITLES = 5
# NE913: a given name this close in spelling (Jaro-Winkler, case and hyphens aside) to the
# person's, after their role and their exact family name ("South Korean President Yoon
# Seok-yue": 0.74), is their given name garbled through another script's reading.
ROLE_GIVEN_SPELLING = 0.7
# NE912 by the office: a word and a family name this long at least (a shorter one is too
# easily some other name one letter off); title words compared by this many first letters
# ("German", "Germany").
OFFICE_MIN_LENGTH = 5
TITLE_STEM = 5
# A name read through another script is another person's as well when their given name is as
# close and some spelling of their family name this near the run's (normalised Levenshtein:
# ``Chin`` and ``Chen`` 0.75, ``Yin`` and ``Lin`` 0.67, ``Van`` and ``Wang`` 0.5).
FAMILY_NEAR = 0.5
# Scores this close are a tie.
_TIE = 1e-9
# A syllable of a hyphenated given name at least this common (wordfreq Zipf) is a word.
COMMON_SYLLABLE = 4.0
# A capitalised word before a name at least this common (wordfreq Zipf) is a title or a
# place ("President", "Moscow"), not a word of another person's name.
COMMON_WORD = 4.0
# NE911, a letter lost from the family name: the name this long at least (a shorter one
# less one letter is too often some other name).
LOST_LETTER_MIN = 5
VOWELS = "aeiouy"
_SPACE = regex.compile(r"[ \u00a0]")
# Words whose ``may_change`` answer is remembered (per name index) before the memo restarts.
MEMO_WORDS = 1 << 16


@dataclass(frozen=True, slots=True)
class _Part:
    """One whitespace-separated word of a text run (``Jong-Li`` is one part)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class _Name:
    """A multi-word correct name of a person, split into parts."""

    entity: Entity
    text: str
    parts: tuple[str, ...]
    keys: tuple[str, ...]
    # The parts that begin a word of the name as written: in ``Jenn Chuan Chern`` (the
    # hyphen of ``Jenn-Chuan`` a space, ``_forms``) not ``Chuan``, half a given name.
    starts: tuple[int, ...] = ()


_JOINERS = str.maketrans("", "", "-'’")
_POSSESSIVE = ("'s", "’s")


@lru_cache(maxsize=1 << 16)
def key(word: str) -> str:
    """A name part compared without case, diacritics, hyphens or apostrophes (remembered:
    every window of a run of capitals asks again for the same words, and every candidate
    name for its own parts)."""
    return fold(word).translate(_JOINERS)


def _names(index: NameIndex) -> tuple[list[_Name], dict[str, list[int]]]:
    names: list[_Name] = []
    by_part: dict[str, list[int]] = {}
    for e in index.entities:
        if e.kind != "person":
            continue
        seen: set[str] = set()
        for name in dict.fromkeys((e.canonical, *e.accepted)):
            for form in _forms(name):
                parts = tuple(form.split())
                if len(parts) < 2 or form in seen:
                    continue
                seen.add(form)
                starts = _word_starts(name) if form != name else tuple(range(len(parts)))
                names.append(_Name(e, form, parts, tuple(key(p) for p in parts), starts))
                for k in set(names[-1].keys):
                    by_part.setdefault(k, []).append(len(names) - 1)
    return names, by_part


def _word_starts(name: str) -> tuple[int, ...]:
    """The positions, among the parts of ``name`` with its capitalised hyphen halves split
    (``_forms``), of the parts that begin one of its words."""
    starts, at = [], 0
    for word in name.split():
        starts.append(at)
        halves = word.split("-")
        at += len(halves) if all(h[:1].isupper() for h in halves) else 1
    return tuple(starts)


def _forms(name: str) -> tuple[str, ...]:
    """A name and, when a part joins capitalised words with a hyphen (``Amir-Abdollahian``),
    the name with that hyphen a space, as articles often write it (``Hossein Amir
    Abdollahian``). A lower-case syllable after the hyphen (``Jae-in``, ``Wen-je``) is one
    given name, never split."""
    split = " ".join(
        " ".join(p.split("-")) if all(w[:1].isupper() for w in p.split("-")) else p
        for p in name.split()
    )
    return (name, split) if split != name else (name,)


def _runs(
    text: str,
    toks: Sequence[Token],
    live: Callable[[str], bool] | None = None,
    capitalised: Sequence[int] | None = None,
) -> list[list[_Part]]:
    """Runs of capitalised words joined by single spaces (a hyphenated word is one part).

    Scanned only over stretches that start with a capitalised word and go on while words are
    capitalised or hyphen-joined: any other word closes every run and part, so the scan of
    the stretches alone gives the runs the scan of every word gives (most words are outside
    any stretch). With ``live``, a stretch without a hyphen, whose every part is therefore
    one word, is scanned only if ``live`` holds for one of its words (the runs of the others
    would all be thrown away). ``capitalised``: the words whose first letter is a capital
    (``TextView.capitalised``), where a stretch can start; picked here when not given."""
    runs: list[list[_Part]] = []
    n, covered = len(toks), 0
    if capitalised is None:
        # (``not t.is_lower`` first: a slot read rules out most words before the slice.)
        capitalised = [k for k, t in enumerate(toks) if not t.is_lower and t.text[:1].isupper()]
    for k in capitalised:
        if k < covered:
            continue
        j = k + 1
        while j < n and (
            toks[j].text[:1].isupper() or text[toks[j - 1].end : toks[j].start] == "-"
        ):
            j += 1
        if j - k < 2:  # a run has two parts at least
            covered = j
            continue
        if (
            live is None
            or "-" in text[toks[k].end : toks[j - 1].start]
            or any(live(t.text) for t in toks[k:j])
        ):
            runs.extend(_runs_in(text, toks[k:j]))
        covered = j
    return runs


def _runs_in(text: str, toks: Sequence[Token]) -> list[list[_Part]]:
    """``_runs`` by a scan of every word in ``toks``."""
    runs: list[list[_Part]] = []
    current: list[_Part] = []
    part: list[Token] = []

    def close_part() -> None:
        if part:
            current.append(_Part(part[0].start, part[-1].end, text[part[0].start : part[-1].end]))
            part.clear()

    def close_run() -> None:
        close_part()
        if len(current) >= 2:
            runs.append(list(current))
        current.clear()

    prev: Token | None = None
    for tok in toks:
        if prev is not None:
            gap = text[prev.end : tok.start]
            if gap == "-":
                part.append(tok)
                prev = tok
                continue
            close_part()
            if not (len(gap) == 1 and _SPACE.match(gap)):
                close_run()
        if not tok.text[:1].isupper():
            if current or part:  # (most words: nothing open, nothing to close)
                close_run()  # a name's words are all capitalised ("Jong-il" too)
            prev = None
            continue
        part.append(tok)
        prev = tok
    close_run()
    return runs


def _near(word: str, form: str, index: NameIndex) -> bool:
    """Spelt alike and sounding the same (the NE901 test)."""
    if spelling_similarity(word, form) < MIN_SPELLING:
        return False
    return index.translit.sound_distance(key(word), key(form)) == 0


def _irregular_case(word: str) -> bool:
    """``FIco``: a capital after the first letter in a word not all in capitals. Each
    syllable of a hyphenated or apostrophised name starts with its own capital
    (``Jean-Francois``, ``O'Brien``): that is the name's shape, not a slip."""
    letters = [c for c in word if c.isalpha()]
    if all(c.isupper() for c in letters):
        return False
    return any(
        c.isupper() for piece in regex.split(r"[-'’]", word) for c in piece[1:] if c.isalpha()
    )


@dataclass(frozen=True, slots=True)
class FullMatch:
    """A run of text lined up with (the end of) a person's full name, part by part: each
    ``(part, form, how)`` with ``how`` one of exact, slip (case), near (sound-alike) or edit
    (one letter off)."""

    entity: Entity
    parts: tuple[tuple[_Part, str, str], ...]

    @property
    def start(self) -> int:
        return self.parts[0][0].start

    @property
    def end(self) -> int:
        return self.parts[-1][0].end

    def count(self, *hows: str) -> int:
        return sum(1 for _, _, how in self.parts if how in hows)

    def changed(self) -> list[tuple[_Part, str, str]]:
        return [p for p in self.parts if p[2] != "exact"]


def full_name_matches(
    text: str,
    index: NameIndex,
    toks: Sequence[Token],
    named: frozenset[str] = frozenset(),
    capitalised: Sequence[int] | None = None,
    written: frozenset[str] = frozenset(),
) -> list[FullMatch]:
    """Every run that lines up with a gazetteer person's full name (or its last 2+ words)
    with at least one part a near miss or a capitalisation slip; overlaps and ties between
    two people are dropped. ``named``: the people the article names in full, for whom one
    exact part and one part a letter off line up too (``Shigeru Ishibari``). ``capitalised``:
    as ``_runs`` reads it. ``written``: the article's words in title case (``key``), by
    which it may write a family name the gazetteer's way by itself (``Borrell``)."""
    names, by_part = index.derived("confirm_names", _names)
    memo: dict[str, bool] = index.derived("confirm_may_change", lambda _: {})
    if len(memo) > MEMO_WORDS:
        memo.clear()

    def changes(word: str) -> bool:
        answer = memo.get(word)
        if answer is None:
            answer = memo[word] = may_change(word, index)
        return answer

    found: list[FullMatch] = []
    for run in _runs(text, toks, changes, capitalised):
        # A window lines up with a change only if one of its parts can be a slip, a
        # sound-alike or a letter off (``may_change``); in most runs ("Prime Minister", a
        # known name written right) none can, and no window is tried.
        live = [changes(p.text) for p in run]
        if not any(live):
            continue
        for size in range(min(4, len(run)), 1, -1):
            for i in range(len(run) - size + 1):
                if not any(live[i : i + size]):
                    continue
                match = _best(run[i : i + size], names, by_part, index, named, written)
                if match and not (i and _names_another(run[i - 1], match, names, by_part, index)):
                    found.append(match)
    found.sort(key=lambda m: (-(m.end - m.start), m.start))
    kept: list[FullMatch] = []
    for m in found:
        if not any(m.start < k.end and k.start < m.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def _names_another(
    part: _Part,
    match: FullMatch,
    names: list[_Name],
    by_part: dict[str, list[int]],
    index: NameIndex,
) -> bool:
    """Whether ``part``, the word right before ``match`` in its run of capitals, is a word
    of other people's names: none of the person's own words, none of their titles'
    (``Prime Minister of Lesotho``), no word English text writes often (a title,
    "President"), and no other spelling of the name's word it stands in front of
    (``Mohamed`` before ``Al Sharqi`` is the person's ``Mohammed``). The match is then the
    tail of someone else's name: ``Jun Suk Jeol`` is not ``Yoon Suk Yeol`` lined up on its
    last two words (repaired there it became ``Jun Suk Yeol``, the family name wrong)."""
    word = key(part.text)
    owners = by_part.get(word)
    entity = match.entity
    if not owners or zipf(part.text) >= COMMON_WORD:
        return False
    if any(word == key(w) for title in entity.titles for w in title.split()):
        return False
    before = _name_word_before(match)
    if before is not None and (
        _near(part.text, before, index) or _one_letter(key(part.text), key(before))
    ):
        return False
    return all(names[n].entity.id != entity.id for n in owners)


def _name_word_before(match: FullMatch) -> str | None:
    """The word of the person's name right before the words ``match`` lined up with, when
    it lined up with the name's last words (``Mohammed`` of ``Hamad bin Mohammed Al
    Sharqi`` before ``Al Sharqi``)."""
    forms = [form for _, form, _ in match.parts]
    entity = match.entity
    for name in (entity.canonical, *entity.accepted):
        for written in _forms(name):
            words = written.split()
            if len(words) > len(forms) and words[-len(forms) :] == forms:
                return words[-len(forms) - 1]
    return None


def _family_keys(entity: Entity) -> frozenset[str]:
    """The keys of each word of the person's family name (``Meyer`` and ``Falcón`` of
    Román Meyer Falcón's)."""
    return frozenset(key(w) for w in (entity.surname or entity.canonical.split()[-1]).split())


def _word_not_name(word: str, index: NameIndex) -> bool:
    """Whether ``word`` is an English word (wordfreq), unhyphenated, and not a given name
    that no dictionary lists (``text.given_name_only``): no part of a garbled name."""
    return (
        "-" not in word and is_english_word(word) and not given_name_only(word, index.given_names)
    )


def may_change(part: str, index: NameIndex) -> bool:
    """Whether a part of a run can line up with a name's part as anything but "exact" in
    ``_line_up``, whatever the name: a capitalisation slip needs a capital after the first
    letter; a sound-alike or a letter off needs a capitalised word that is no known name's
    own word and, unless hyphenated, no English word. (The gate in ``full_name_matches``;
    ``tests/test_detector_gates.py`` holds it to ``_line_up``.)"""
    if not part[1:].islower() and _irregular_case(part):
        return True
    return (
        part[:1].isupper()
        and not index.is_known(part)
        and ("-" in part or not is_english_word(part) or given_name_only(part, index.given_names))
    )


def _best(
    window: list[_Part],
    names: list[_Name],
    by_part: dict[str, list[int]],
    index: NameIndex,
    named: frozenset[str],
    written: frozenset[str] = frozenset(),
) -> FullMatch | None:
    keys = [key(p.text) for p in window]
    candidates = {n for k in keys for n in by_part.get(k, ())}
    if not candidates and not any(_word_not_name(p.text, index) for p in window):
        # No word of a name, and none an ordinary word ("Prime Minister"): two sound-alikes?
        candidates = set(_fuzzy_remembered(window, names, index))
    results: dict[str, FullMatch] = {}
    for n in candidates:
        name = names[n]
        if len(name.parts) < len(window):
            continue
        # The name's last words, from the start of one of its words (``Amir Abdollahian``
        # of Hossein Amir-Abdollahian; not ``Chuan Chern`` of Jenn-Chuan Chern).
        tail = len(name.parts) - len(window)
        alignments = [name.parts[tail:]] if tail in name.starts else []
        if len(name.parts) > len(window) >= PREFIX_WINDOW:
            # The start of a longer name whose run of capitals a particle breaks: "Luiz Incio
            # Lula" in "Luiz Incio Lula da Silva"
            alignments.append(name.parts[: len(window)])
        for forms in alignments:
            match = _line_up(window, keys, forms, name.entity, index, named, written)
            if match and match.entity.id not in results:
                results[match.entity.id] = match
    if len(results) != 1:
        return None  # none, or two people equally possible
    return next(iter(results.values()))


def _fuzzy_remembered(window: list[_Part], names: list[_Name], index: NameIndex) -> tuple[int, ...]:
    """``_fuzzy``, remembered per window's words (per name index): an article writes the
    name it is about again and again (on Wikinews 417 such comparisons of 158 windows, each
    a pass over every name of that length)."""
    memo: dict[tuple[str, ...], tuple[int, ...]] = index.derived("confirm_fuzzy_memo", lambda _: {})
    words = tuple(p.text for p in window)
    found = memo.get(words)
    if found is None:
        if len(memo) > MEMO_WORDS:
            memo.clear()
        found = memo[words] = tuple(_fuzzy(window, names, index))
    return found


def _fuzzy(window: list[_Part], names: list[_Name], index: NameIndex) -> list[int]:
    """Names whose parts are each close to the window's (no exact part to look up by): the
    whole names compared first in one C call, then part by part."""
    from rapidfuzz import process
    from rapidfuzz.distance import JaroWinkler

    by_size = index.derived("confirm_by_size", _by_size)
    size = by_size.get(len(window))
    if not size:
        return []
    ids, keys = size
    query = " ".join(fold(p.text) for p in window)
    out = []
    for _key, _score, i in process.extract(
        query, keys, scorer=JaroWinkler.similarity, score_cutoff=BOTH_NEAR_SPELLING, limit=5
    ):
        name = names[ids[i]]
        if all(
            spelling_similarity(p.text, q) >= BOTH_NEAR_SPELLING
            for p, q in zip(window, name.parts, strict=True)
        ):
            out.append(ids[i])
    return out


def _by_size(index: NameIndex) -> dict[int, tuple[list[int], list[str]]]:
    names, _ = index.derived("confirm_names", _names)
    out: dict[int, tuple[list[int], list[str]]] = {}
    for n, name in enumerate(names):
        ids, keys = out.setdefault(len(name.parts), ([], []))
        ids.append(n)
        keys.append(" ".join(fold(p) for p in name.parts))
    return out


def _line_up(
    window: list[_Part],
    keys: list[str],
    forms: tuple[str, ...],
    entity: Entity,
    index: NameIndex,
    named: frozenset[str] = frozenset(),
    written: frozenset[str] = frozenset(),
) -> FullMatch | None:
    from rapidfuzz.distance import Levenshtein

    parts: list[tuple[_Part, str, str]] = []
    for part, k, form in zip(window, keys, forms, strict=True):
        if k != key(form) and part.text.endswith(_POSSESSIVE) and key(part.text[:-2]) == key(form):
            k = key(form)  # "Eric Chu's": the name with its possessive, not a near miss
        if k == key(form):
            if part.text == form or not _irregular_case(part.text):
                # "ROBERT FICO", "robert fico", "Erdogan" for Erdoğan: the writer's style
                parts.append((part, form, "exact"))
            else:
                parts.append((part, form, "slip"))
            continue
        if not part.text[:1].isupper() or index.is_known(part.text):
            return None  # another name's own word (Jong-un), or not a name at all
        if "-" in part.text and ("-" not in form or _vowels(part.text) != _vowels(form)):
            # "Jun-ho", "Chang-ha": a two-syllable given name, not "Jun" or "Chang"; and the
            # syllables' vowels tell such names apart ("Un-ju" is not "Hun-jai"; "Jong-Li"
            # may be "Jong-il")
            return None
        if (
            "-" not in part.text
            and is_english_word(part.text)
            and (
                key(form) in _family_keys(entity)
                or not given_name_only(part.text, index.given_names)
            )
        ):
            # An ordinary word ("Grant"); wordfreq reads "Jong-Li" as two words. A given
            # name no dictionary lists may stand for another given name (``Antoni``), not
            # for a family name (``Johnson`` is someone's own).
            return None
        if _near(part.text, form, index):
            parts.append((part, form, "near"))
        elif k == key(form) + "s":
            return None  # "Joe Bidens": a lost possessive (NE903), not a misspelt name
        elif len(k) >= 4 and Levenshtein.distance(k, key(form)) == 1:
            parts.append((part, form, "edit"))
        else:
            return None
    match = FullMatch(entity, tuple(parts))
    if not match.changed():
        return None  # the name itself
    if (
        entity.id not in named
        and not _writes_family(match, written)
        and all(
            how == "near" and _alternate(p.text, form, entity, index)
            for p, form, how in match.changed()
        )
    ):
        # "Prak Sokhonn", "Prayuth Chan-o-cha": another spelling, not damage, unless the
        # article itself writes the name the gazetteer's way, in full or the family name
        # alone ("Josep Borell" ... "Borrell tested positive"): then it is one article's
        # slip between two spellings, made consistent
        return None
    exact = match.count("exact", "slip")
    if (
        match.count("edit")
        and exact < 2
        and not (exact and entity.id in named)
        and not lost_family_letter(match, entity)
    ):
        # One letter off is a different name unless the rest holds, or the article names
        # the person in full elsewhere ("Shigeru Ishiba" ... "Shigeru Ishibari"), or the
        # given name is exact and the family name only lost a letter (confirmed below by
        # the person's country or role)
        return None
    if not exact and any(
        spelling_similarity(p.text, f) < BOTH_NEAR_SPELLING for p, f, _ in match.changed()
    ):
        return None
    return match


def _writes_family(match: FullMatch, written: frozenset[str]) -> bool:
    """Whether the family name is the part ``match`` changes and the article writes it
    elsewhere the gazetteer's way (``written``: its words in title case, ``key``). A news
    article names a person in full once and by family name after, so its own spelling of
    the family name is the one it means, and a full name that spells it otherwise is the
    slip. A given name in another spelling (``Nicos``) stays another spelling."""
    entity = match.entity
    family = key(entity.surname or entity.canonical.split()[-1])
    changed = match.changed()
    return (
        bool(changed) and all(key(form) == family for _, form, _ in changed) and family in written
    )


# Romanisations of one vowel (Revised vs McCune-Reischauer: "seo"/"so", "eu"/"u"; "ae"/"ai").
_VOWEL_SCHEMES = (("eo", "o"), ("eu", "u"), ("ae", "e"), ("ai", "e"), ("oe", "e"))


def lost_family_letter(m: FullMatch, entity: Entity) -> bool:
    """Whether ``m`` is the person's name with the given name exact and one letter of the
    family name lost, added or changed (``Nikolay Dekov`` for Denkov, ``Avigdor
    Lieberan``, ``Annalena Baerbrock``, ``Annalena Baerbosk``): the family name at least
    ``LOST_LETTER_MIN`` letters, an added or changed letter not its first, and the written
    word no word English text writes (``Hanse``, ``Smit``, ``Mager`` are other people's
    names: wordfreq knows them; a slipped letter makes a word it does not). A letter of a
    doubled pair lost or added (``Borell``) leaves a sound-alike, which ``_line_up`` reads
    first (another spelling)."""
    changed = m.changed()
    if len(changed) != 1 or m.count("exact", "slip") < 1 or changed[0][2] != "edit":
        return False
    part, form, _ = changed[0]
    family = entity.surname or entity.canonical.split()[-1]
    if key(form) != key(family) or part is not m.parts[-1][0]:
        return False
    word, name = key(part.text), key(form)
    return len(name) >= LOST_LETTER_MIN and zipf(part.text) == 0 and _one_letter(word, name)


def _one_letter(word: str, name: str) -> bool:
    """Whether ``word`` is ``name`` (both ``key``) with one letter lost, added or changed
    as a slip of the pen makes it: an added or changed letter not the first (a name's first
    letter is how it is told apart), a changed one neither the last (an ending is another
    name: Ivanov, Ivanova) nor a vowel for a vowel (a sound-alike's business)."""
    if len(word) == len(name) - 1:  # lost
        return any(name[:i] + name[i + 1 :] == word for i in range(len(name)))
    if word[:1] != name[:1]:
        return False
    if len(word) == len(name) + 1:  # added
        return any(word[:i] + word[i + 1 :] == name for i in range(len(word)))
    if len(word) != len(name):
        return False
    diff = [i for i in range(len(name)) if word[i] != name[i]]
    return (
        len(diff) == 1
        and diff[0] < len(name) - 1
        and not {word[diff[0]], name[diff[0]]} <= set(VOWELS)
    )


def _vowels(word: str) -> str:
    """The vowels of a hyphenated given name, one romanisation scheme's spellings folded."""
    out = fold(word)
    for a, b in _VOWEL_SCHEMES:
        out = out.replace(a, b)
    return "".join(c for c in out if c in "aeiou")


def _lost_letters(word: str, form: str) -> bool:
    """Whether ``word`` is ``form`` with its non-ASCII letters dropped (a decoding loss)."""
    ascii_only = "".join(c for c in form if c.isascii())
    return ascii_only != form and ascii_only.lower() == word.lower()


def _alternate(word: str, form: str, entity: Entity, index: NameIndex) -> bool:
    """Whether ``word``, a sound-alike of ``form`` (a part of ``entity``'s name), is another
    spelling to leave alone rather than a garble: one that differs from the name only in
    transliteration (``Sokhonn`` for Sokhon, ``Borell`` for Borrell: the Cambodian foreign
    ministry itself writes ``Prak Sokhonn``), or any sound-alike of a given name (``Prayuth``,
    ``Mansur``, ``Nicos``, as professionals write them). Not for an East Asian name, which is
    romanised whole in one scheme (``Ko Wen-je``): a part in another scheme (``Ko Wenzhe``)
    is how one name turns into another's."""
    if romanised_whole(entity, index):
        return False
    if _lost_letters(word, form):
        return False  # "Incio" for Inácio: the accented letter lost in transit, not a spelling
    if _unromanised(word, form, entity, index):
        return False  # "Kavaguchi" for Kawaguchi: Hepburn writes no v
    family = entity.surname or entity.canonical.split()[-1]
    if index.translit.spelling_key(word) == index.translit.spelling_key(form):
        # A family name written in the Latin alphabet at home has one spelling, its own:
        # "Lami" for Lammy is a garble, "Sokhonn" for Sokhon another romanisation.
        return key(form) != key(family) or not _latin_written(entity, index)
    return key(form) != key(family)


_LACKS = "romanisation-lacks"


def _unromanised(word: str, form: str, entity: Entity, index: NameIndex) -> bool:
    """Whether ``word`` has a letter ``form`` lacks that the romanisation of names in the
    person's country (the first word of ``context``) never writes (``romanisation-lacks``:
    Hepburn has no v)."""
    lacks = index.derived("romanisation_lacks", lambda ix: dict(ix.lexicon.table(_LACKS)))
    letters = [x for c in entity.context[:1] for x in lacks.get(c, ())]
    written, own = fold(word), fold(form)
    return any(x in written and x not in own for x in letters)


def _latin_written(entity: Entity, index: NameIndex) -> bool:
    """Whether the person's country writes names in the Latin alphabet
    (``latin-name-countries``). Their country is the first word of ``context``, as the
    importer writes it and hand-written rules lead with it (``Slovakia``, then
    ``Bratislava``); a person with none is not taken to."""
    countries = index.lexicon.words("latin-name-countries")
    return any(c.lower() in countries for c in entity.context[:1])


def _confirmed(
    m: FullMatch,
    text: str,
    toks: Sequence[Token],
    words: set[str],
    index: NameIndex,
    named: frozenset[str] = frozenset(),
    written: frozenset[str] = frozenset(),
) -> str | None:
    """Why the article leaves no doubt about ``m``, or None."""
    exact = m.count("exact", "slip")
    if m.count("slip") == len(m.changed()):
        return "a capitalisation slip inside the name"
    if exact >= 2:
        return "the rest of the name is exact"
    if m.entity.id in named:
        return "the article names the person in full elsewhere"
    if exact and _writes_family(m, written):
        return "the article writes the family name the gazetteer's way elsewhere"
    role = ""
    if role_precedes(text, toks, m.start, m.entity, index):
        role = "the person's role precedes the name"
    elif office := office_before(text, m.start, m.entity, index.lexicon):
        # Their one-word office alone right before it (``Chancellor Olaf Scholtz``): the
        # title is theirs as a role's words are (``office.office_before``).
        role = f"the person's own office ({office}) precedes the name"
    elif after := role_after(text, m.end, m.entity, index):
        role = f"the person's own role follows the name ('{after}')"
    if exact == 1:
        surname = fold(m.entity.surname or "")
        if (
            any(how == "exact" and key(p.text) == key(surname) for p, _, how in m.parts)
            and _syllables_kept(m, index)
            and not any(given_name_only(p.text, index.given_names) for p, _, _ in m.changed())
        ):
            # A given name romanised another way (``Ko Wenzhe``), not one in its own right
            # (``Josef Lyu`` for Joseph Lyu: a Josef Lyu may be someone; his role says not)
            return "the family name is exact"
        if role:
            return role
        # The given name exact and the rest sound-alikes is more than every part a
        # sound-alike (below), so the person's country confirms it as it does that.
        if (
            m.count("near") == len(m.parts) - 1
            and _unwritten(m)
            and _country_named(m.entity, text, words, index)
        ):
            return "the given name is exact, the rest sounds alike and the country is named"
        if lost_family_letter(m, m.entity) and _country_named(m.entity, text, words, index):
            return "the given name is exact, the family name lost a letter and the country is named"
        return None
    if role:
        return role
    if _unwritten(m) and _country_named(m.entity, text, words, index):
        return "every part sounds alike and the person's country is in the article"
    return None


def _unconfirmed(m: FullMatch, start: int, end: int, old: str, new: str, index: NameIndex) -> Hit:
    """NE901 for a full-name match nothing in the article confirms: the repair as a
    suggestion, or none when a part of a name romanised whole has another number of
    syllables ("Li Chunhi": someone else's given name more likely than a garble of "Chen")."""
    if _syllables_kept(m, index):
        message = f"'{old}' looks like a garbled '{new}' in {m.entity.canonical}"
        reason = "near-miss name: every word spelt and sounding like a known person's"
        return Hit(start, end, NEAR_RULE, Level.WARNING, message, (new,), FixSafety.UNSAFE, reason)
    message = (
        f"'{old}' sounds like {m.entity.canonical}'s name, but a part has another number of "
        "syllables: no suggestion"
    )
    reason = (
        "near-miss name: spelt and sounding like a known person's, but a name romanised "
        "whole keeps its syllables"
    )
    return Hit(start, end, NEAR_RULE, Level.WARNING, message, (), FixSafety.NONE, reason)


def _syllables_kept(m: FullMatch, index: NameIndex) -> bool:
    """Whether every changed part of a name romanised whole has as many syllables (vowel
    groups) as the name's: each syllable is one character of the native name, which a
    script or another romanisation respells but never adds or drops (``Wenzhe`` for Wen-je,
    ``Vankuan`` for Wanquan). ``Chunhi`` is no ``Chen``: under a family name a billion people
    share, a sound-alike of another length is someone else's given name. Any other name
    passes."""
    if not romanised_whole(m.entity, index):
        return True
    return all(
        len(_VOWEL_GROUPS.findall(key(p.text))) == len(_VOWEL_GROUPS.findall(key(form)))
        for p, form, _ in m.changed()
    )


_VOWEL_GROUPS = regex.compile(r"[aeiouy]+")


def _unwritten(m: FullMatch) -> bool:
    """No changed word of ``m`` is one English text writes (wordfreq): a sound-alike it
    knows is as likely someone else's name as a garble, and the country alone does not tell
    them apart (``John Cornyn``, a US senator, is no garbled John Carney of Delaware)."""
    return all(zipf(p.text) == 0 for p, _, _ in m.changed())


def _replacement(m: FullMatch, text: str) -> tuple[int, int, str]:
    """The span from the first to the last changed part and what it becomes: changed parts
    take the name's spelling, exact ones keep the writer's (``Erdogan`` stays)."""
    changed = m.changed()
    start, end = changed[0][0].start, changed[-1][0].end
    out = text[start:end]
    for part, form, _ in reversed(changed):
        out = out[: part.start - start] + form + out[part.end - start :]
    return start, end, out


def _country_named(entity: Entity, text: str, words: set[str], index: NameIndex) -> bool:
    """The entity's country is in the article: one word of its ``context`` or the country
    its titles end in ("... of Japan"), or its adjective (``German`` for Germany), or, for a
    place of several words, the place under any of its names opening a word (``United
    States of America`` as ``United States``, ``South Africa`` as ``South African``); a
    short or dotted name only whole and as written (``US``, ``U.S.``)."""
    places = index.derived("places_by_name", _places_by_name)
    tails = (t.rsplit(" of ", 1)[1].removeprefix("the ") for t in entity.titles if " of " in t)
    countries = dict.fromkeys([*entity.context, *(c for c in tails if fold(c) in places)])
    for country in countries:
        forms = [country, *(n for p in places.get(fold(country), ()) for n in p.names)]
        for form in dict.fromkeys(forms):
            if " " in form:
                if regex.search(rf"(?<!\w){regex.escape(form)}", text):
                    return True
                continue
            if len(form) < 4 or not form.isalpha():
                if writes_name(form, text):  # as written: ``US``, not "us" or "used"
                    return True
                continue
            stem = fold(form)[: max(4, len(form) - 2)]
            if fold(form) in words or any(w.startswith(stem) for w in words if len(w) >= 4):
                return True
    return False


def _places_by_name(index: NameIndex) -> dict[str, list[Entity]]:
    """Places by each of their names, folded (``united states of america`` -> United
    States, whose other names an article may write instead)."""
    out: dict[str, list[Entity]] = {}
    for e in index.entities:
        if e.kind == "place":
            for name in e.names:
                out.setdefault(fold(name), []).append(e)
    return out


_END = attrgetter("end")  # a token's end, for bisecting the tokens by it


def _role_before(
    text: str,
    toks: Sequence[Token],
    start: int,
    titles: tuple[str, ...],
    adjectives: frozenset[str] = frozenset(),
    ranks: frozenset[str] = frozenset(),
) -> bool:
    """Two or more words of one of the entity's ``titles`` (``titles_read``) right before
    ``start`` in the same sentence ("German foreign minister", "Secretary of State"); one of
    ``adjectives`` (the person's ``country_adjectives``) counts as the country's word
    ("Chinese Premier"), and a title with one of ``ranks`` needs it too
    (``_two_title_words``)."""
    from bisect import bisect_right

    # The tokens' ends ascend (tokens do not overlap): bisected in place, where a list of
    # every end, made for each candidate, made one long line quadratic.
    upto = bisect_right(toks, start, key=_END)
    before = list(toks[max(0, upto - ROLE_WINDOW) : upto])
    if not before or regex.search(r"[.!?\n]", text[before[0].start : start]):
        before = [t for t in before if not regex.search(r"[.!?\n]", text[t.end : start])]
    words = {fold(t.text) for t in before}
    if ranks and not _two_title_words(words, titles, adjectives):
        return False
    if ranks:
        # A rank word opens a long office ("Vice Premier of the State Council of the
        # People's Republic of China"): it is looked for as far back as a role reaches.
        reach = toks[max(0, upto - ROLE_REACH) : upto]
        words |= {fold(t.text) for t in reach if not regex.search(r"[.!?\n]", text[t.end : start])}
    return _two_title_words(words, titles, adjectives, ranks)


def _two_title_words(
    words: Iterable[str],
    titles: tuple[str, ...],
    adjectives: frozenset[str],
    ranks: frozenset[str] = frozenset(),
) -> bool:
    """Whether ``words`` (folded) hold two or more words of one of the entity's titles (a
    word may be one by its first five letters), one of ``adjectives`` counting as the
    country's word: what makes a run of words a role (``_role_before``, ``role_after``).
    A title with a word of ``ranks`` (``rank-words``: "Vice President of the People's
    Republic of China") is read only with that word among them: "Chinese President" is
    the president's role, not the vice-president's."""
    words = set(words)
    adjective = any(_without_possessive(w) in adjectives for w in words)
    parts = {p for w in words for p in w.split("-")}
    for title in titles:
        rank = ranks & _rank_words(title) if ranks else ranks
        if rank and parts.isdisjoint(rank):
            continue
        title_words = {fold(w) for w in title.split() if len(w) > 3}
        hits = sum(1 for w in title_words if w in words or any(v.startswith(w[:5]) for v in words))
        if hits + adjective >= 2:
            return True
    return False


def role_precedes(
    text: str, toks: Sequence[Token], start: int, entity: Entity, index: NameIndex
) -> bool:
    """Whether one of the person's roles stands right before ``start`` as NE911 reads one
    (``_role_before`` with their country's adjectives and the rank words): "Japanese Prime
    Minister" before ``Suga`` names Yoshihide Suga."""
    adjectives = country_adjectives(entity, index)
    return _role_before(text, toks, start, titles_read(entity, index), adjectives, _ranks(index))


def titles_read(entity: Entity, index: NameIndex) -> tuple[str, ...]:
    """The person's titles as written and with their words replaced by the other words for
    them (``title-equivalents``): a translation names the office in its own language's
    words, and "Minister of Commerce" before a name in a Chinese or Russian source is the
    US Secretary of Commerce's role as surely as "Commerce Secretary" is. Each title gives
    at most ``_MAX_READINGS`` readings. Remembered per person: every role reading asks."""
    memo: dict[str, tuple[str, ...]] = index.derived("titles_read", lambda _: {})
    found = memo.get(entity.id)
    if found is None:
        table = index.derived("title_phrases", _title_phrases)
        out: dict[str, None] = {}
        for title in entity.titles:
            readings = [""]
            for word in title.split():
                forms = (word, *table.get(fold(word), ()))
                readings = [f"{r} {w}".lstrip() for r in readings for w in forms]
                del readings[_MAX_READINGS:]
            out.update(dict.fromkeys(readings))
        found = memo[entity.id] = tuple(out)
    return found


# Readings of one title with its words replaced (``titles_read``): "Secretary of the
# Treasury" gives four; none has more than three replaceable words.
_MAX_READINGS = 8


def _title_phrases(index: NameIndex) -> dict[str, tuple[str, ...]]:
    """``title-equivalents`` keyed by the folded word, each other word title-cased as a
    title writes it ("prime minister" -> "Prime Minister")."""
    return {
        fold(k): tuple(v.title() for v in vs) for k, vs in index.lexicon.table("title-equivalents")
    }


def _ranks(index: NameIndex) -> frozenset[str]:
    return index.lexicon.words("rank-words")


@lru_cache(maxsize=8192)
def _rank_words(title: str) -> frozenset[str]:
    """A title's words (folded), hyphened halves apart: where a rank word is looked for."""
    return frozenset(p for p in regex.split(r"[\s\-\u2010\u2011]+", fold(title)) if p)


def _role_words(entity: Entity, titles: tuple[str, ...], adjectives: frozenset[str]) -> set[str]:
    """The words (folded) of the person's titles and countries, and their country's
    adjectives: the only capitalised words a role of theirs holds. A word of three letters
    or fewer only when the title capitalises it (``Sri`` of "President of Sri Lanka",
    ``New``, ``El``, ``San``), not ``of`` or ``the``."""
    own = {
        fold(w)
        for t in (*titles, *entity.context)
        for w in t.split()
        if len(w) > 3 or w[:1].isupper()
    }
    return own | adjectives


def detect(text: str | TextView, index: NameIndex) -> list[Hit]:
    """NE911 and NE912 repairs (and NE901 findings for unconfirmed full-name near misses)."""
    view = as_view(text)
    text, toks, words = view.text, view.tokens, set(view.words)
    titled = view.titled  # the words in title case: all that the loops below look at
    hits: list[Hit] = []
    in_full = frozenset(named_in_full(view, index))
    named: set[str] = set(in_full)
    written = frozenset(key(toks[i].text) for i in titled)
    for m in full_name_matches(text, index, toks, in_full, view.capitalised, written):
        why = _confirmed(m, text, toks, words, index, in_full, written)
        start, end, new = _replacement(m, text)
        old = text[start:end]
        if why:
            named.add(m.entity.id)
            words |= {fold(w) for w in m.entity.canonical.split()}
            hits.append(
                Hit(
                    start,
                    end,
                    FULL_RULE,
                    Level.WARNING,
                    f"'{old}' is a garbled '{new}' in {m.entity.canonical} ({why})",
                    (new,),
                    FixSafety.SAFE,
                    "near-miss name confirmed by the article: the full name lines up word "
                    f"for word with a known person's, and {why}",
                    m.entity.id,
                )
            )
        else:
            hits.append(_unconfirmed(m, start, end, old, new, index))
    role_hits = _after_role(text, toks, titled, index, [(h.start, h.end) for h in hits], in_full)
    hits.extend(role_hits)
    named.update(h.about for h in role_hits)
    script_hits = _through_script(text, toks, titled, index, [(h.start, h.end) for h in hits])
    hits.extend(script_hits)
    named.update(h.about for h in script_hits)
    # Names read through Greek or Persian (route_fold: imported here, it reads this module)
    from cleaner.detectors import route_fold

    # NE911's repairs are read again by the route, which may repair more of the same name
    # (``route_fold.merge`` keeps the wider one).
    settled = [(h.start, h.end) for h in hits if h.rule not in (NEAR_RULE, FULL_RULE)]
    fold_hits = route_fold.detect(text, toks, titled, index, settled, in_full)
    hits = route_fold.merge(hits, fold_hits, text)
    merged = {id(h) for h in hits}  # (a route hit NE911 overrode names nobody)
    named.update(h.about for h in fold_hits if h.fix is FixSafety.SAFE and id(h) in merged)
    hits.extend(_by_office(text, toks, titled, index, [(h.start, h.end) for h in hits]))
    hits.extend(
        korean_pinyin.detect(
            view,
            index,
            [(h.start, h.end) for h in hits],
            _role_adjacent,
            _country_named,
            writes_name,
        )
    )
    if not named:
        return sorted(hits, key=lambda h: h.start)
    by_id = named_by_id(index, named)
    families = {fold(f) for e in by_id.values() for f in [family_name(e, index)] if f}
    parts = _family_parts(by_id.values(), index)
    families |= {fold(p) for p in parts}
    taken = Kept((h.start, h.end) for h in hits)  # (no two of them overlap)
    # ``spelling_similarity(tok.text, f)`` with each side folded once, not once a pair.
    similarity, folded = jaro_winkler(), [fold(f) for f in families]
    for i in titled:
        tok = toks[i]
        if taken.overlaps(tok.start, tok.end):
            continue
        word = fold(tok.text)
        if not any(similarity(word, f) >= MIN_SPELLING for f in folded):
            continue  # close to no named person's family name
        hit = (
            _named_elsewhere(text, toks, i, index, words, named, in_full)
            or _own_spelling(text, toks, i, index, parts)
            or _letter_off_named(text, toks, i, index, by_id.values(), words)
        )
        if hit:
            hits.append(hit)
    return sorted(hits, key=lambda h: h.start)


def _letter_off_named(
    text: str,
    toks: Sequence[Token],
    i: int,
    index: NameIndex,
    people: Iterable[Entity],
    words: set[str],
) -> Hit | None:
    """NE912 for a slip of one letter (``_one_letter``: ``Baerbrock``, ``Baerbosk``) in the
    family name of a person the article names in full, where a sound-alike is NE901's
    business (``_named_elsewhere``): the name ``LOST_LETTER_MIN`` letters or more, the word
    none English text writes (``Hanse`` is someone's name), no other known name that close,
    not after some other given name nor before another capitalised word, and the person's
    country in the article (a namesake one letter off is as likely from elsewhere)."""
    tok = toks[i]
    word = key(tok.text)
    if len(word) < LOST_LETTER_MIN - 1 or zipf(tok.text) > 0 or not is_candidate(tok, index):
        return None
    close = [
        (e, f)
        for e in people
        for f in [family_name(e, index)]
        if f and len(f) >= LOST_LETTER_MIN and _one_letter(word, key(f))
    ]
    if len(close) != 1:
        return None
    entity, family = close[0]
    for form in closest_forms(fold(tok.text), index):
        for other in index.single_forms[form]:
            if other.id != entity.id and _near_word(word, form):
                return None  # as close to another name (a person, a place)
    if _in_other_name(text, tok.start, tok.end, _own_words(entity)):
        return None  # "Tom Baerbrock", "Baerbrock Street": some other name
    if not _country_named(entity, text, words, index):
        return None  # Andrew Giles named, and J. Steven Griles in a US story
    return _named_hit(tok, family, entity)


def _near_word(word: str, form: str) -> bool:
    """One letter off ``form`` (folded) either way: lost, added or changed."""
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(word, key(form)) <= 1


def _family_parts(people: Iterable[Entity], index: NameIndex) -> dict[str, Entity]:
    """The words of hyphenated family names of people the article names in full, as
    articles also write them alone (``Abdollahian`` of Hossein Amir-Abdollahian): not East
    Asian names (``family_name``), four letters or more; a word two people share is left
    out."""
    out: dict[str, Entity] = {}
    shared: set[str] = set()
    for e in people:
        family = family_name(e, index)
        if not family or "-" not in family:
            continue
        for word in family.split("-"):
            if len(word) < 4 or not word[:1].isupper():
                continue
            if word in out and out[word].id != e.id:
                shared.add(word)
            out[word] = e
    return {w: e for w, e in out.items() if w not in shared}


def _own_spelling(
    text: str, toks: Sequence[Token], i: int, index: NameIndex, parts: dict[str, Entity]
) -> Hit | None:
    """NE912 for a word of a hyphenated family name: ``Abdallahian`` in an article that
    writes Hossein Amir Abdollahian. The near miss (spelt alike, sounding the same) of
    exactly one such word, not after some other given name, takes the article's spelling."""
    tok = toks[i]
    if not parts or not is_candidate(tok, index):
        return None
    close = [w for w in parts if _near(tok.text, w, index)]
    if len(close) != 1:
        return None
    word = close[0]
    entity = parts[word]
    prev = toks[i - 1] if i else None
    own = {key(w) for w in entity.canonical.replace("-", " ").split()}
    if (
        prev is not None
        and prev.is_title
        and text[prev.end : tok.start] == " "
        and key(prev.text) not in own
    ):
        return None  # "Alexander Grushko": some other person's given name
    return _named_hit(tok, word, entity)


def _by_office(
    text: str,
    toks: Sequence[Token],
    titled: Sequence[int],
    index: NameIndex,
    taken: list[tuple[int, int]],
) -> list[Hit]:
    """NE912 by the office: a word one letter off one titled person's family name
    (``Brinken``) in an article that names that person's office (``US Secretary of State``,
    ``_office_named``), though not the person. No other titled person's family name is a
    near miss of it, both are ``OFFICE_MIN_LENGTH`` letters or more, the word stands alone
    (no other given name before it, no capitalised word after it), and it is not just
    another spelling of the name (``Borell``) nor its plural (``the Bidens``). A sound-alike
    is not enough here: on WMT22 system outputs ``Maryana`` and ``Omicron`` sound like Marin
    and Macron; one letter off is a slip of the pen as ``_one_letter`` reads one (another
    first or last letter is another name: ``Shariy``, a Ukrainian blogger, is no Sharif).
    Each spelling is judged once; its every occurrence is repaired."""

    hits: list[Hit] = []
    judged: dict[str, tuple[str, Entity] | None] = {}
    folded: list[str] | None = None  # the tokens folded, once an office is asked for
    kept = Kept(taken)  # ``taken`` bisected (no two of its spans overlap)
    for i in titled:  # (``TextView.titled``: the tokens in title case)
        tok = toks[i]
        if len(tok.text) < OFFICE_MIN_LENGTH:
            continue
        if kept.overlaps(tok.start, tok.end):
            continue
        if tok.text not in judged:
            judged[tok.text] = None
            if not _near_titled(tok.text, index):
                continue  # one letter off no titled person's family name (most words)
            if not is_candidate(tok, index):
                continue
            close = {e.id: (e, family) for e, family, _near in _titled_near(tok.text, index)}
            if len(close) != 1:
                continue
            e, family = next(iter(close.values()))
            if len(family) < OFFICE_MIN_LENGTH or key(tok.text) == key(family) + "s":
                continue  # "Karaj" for Kara: too short to tell; "the Bidens": a plural
            if not _one_letter(key(tok.text), key(family)):
                # a sound-alike is as often another name ("Maryana", "Omicron"), and so is
                # another ending or first letter ("Shariy", a blogger, for Sharif)
                continue
            if _alternate(tok.text, family, e, index):
                continue  # "Borell" for Borrell: a spelling, not damage
            if folded is None:
                folded = [fold(t.text) for t in toks]
            if _office_named(text, toks, folded, e, index):
                judged[tok.text] = (family, e)
        found = judged[tok.text]
        if found is None:
            continue
        family, e = found
        if _in_other_name(text, tok.start, tok.end, _own_words(e)):
            continue  # "Tom Brinken", "Brinken Street": some other name
        taken.append((tok.start, tok.end))
        kept.add(tok.start, tok.end)
        hits.append(
            Hit(
                tok.start,
                tok.end,
                NAMED_RULE,
                Level.WARNING,
                f"'{tok.text}' is a garbled '{family}' ({e.id}; the article names "
                f"{e.canonical}'s office)",
                (family,),
                FixSafety.SAFE,
                "near-miss name confirmed by the article: it names the person's office",
                e.id,
            )
        )
    return hits


def _through_script(
    text: str,
    toks: Sequence[Token],
    titled: Sequence[int],
    index: NameIndex,
    taken: list[tuple[int, int]],
) -> list[Hit]:
    """NE911 for an East Asian name read through another script, in an article about the
    person's country: the family name exact as a listed variant, not the canonical, writes it
    (``Yin`` of ``Yin Xiyue``, Yoon Suk Yeol's hanja read in pinyin; ``Kim Jong-sik`` is
    written in the person's own romanisation, so is someone else) and the given name that
    reading's, garbled (``_given_near``: same first letter, spelt close, no word of English or
    of another name: ``Yin Xilie``, and no other person of the gazetteer as near), with no
    role before it (NE913's case) but the person's country in the article (``South Korea``),
    and no other such person. Not after an office that is not the person's
    (``office_right_before``: ``Minister of Economic Affairs of Taiwan Van Tsih-kang`` is
    that minister's name, whoever the reading alone points to). The same words
    elsewhere in the article take the same repair."""
    families = index.derived("east_asian_families", _east_asian_families)
    starts = index.derived("title_word_starts", _title_word_starts)
    hits: list[Hit] = []
    last = len(toks) - 1
    for i in titled:  # every token in title case but the last
        if i >= last:
            break
        tok = toks[i]
        people = families.get(key(tok.text))
        if not people or any(s < tok.end and tok.start < e for s, e in taken):
            continue
        nxt, prev = toks[i + 1], toks[i - 1] if i else None
        if not nxt.is_title or text[tok.end : nxt.start] != " ":
            continue
        if (
            prev is not None
            and prev.is_title
            and text[prev.end : tok.start] == " "
            and not prev.text.endswith(_POSSESSIVE)
            and not _may_end_role(prev, starts)
        ):
            continue  # the end of a longer name ("Xu Yin Xilie")
        found: dict[str, tuple[int, Entity]] = {}
        titled_before = office_right_before(text, toks, i, index)
        for e, given in people:
            if key(tok.text) == key(e.canonical.split()[0]):
                # The family name as the person's own romanisation writes it ("Kim
                # Jong-sik"): the name came through no other script, and another given name
                # is another person.
                continue
            if titled_before and not _own_role_before(text, toks, tok.start, e, index):
                continue  # a role not theirs names someone else (another's title first)
            end = _given_near(text, toks, i + 1, given, index)
            if end is not None and _country_written(e, text):
                found[e.id] = (end, e)
        if len(found) != 1:
            continue
        end, e = next(iter(found.values()))
        old = text[tok.start : end]
        for m_start, m_end in same_words(text, old, tok.start, e, taken):
            why = (
                "an East Asian name read through another script, the family name exact, "
                "in an article about the person's country"
            )
            hits.append(
                Hit(
                    m_start,
                    m_end,
                    FULL_RULE,
                    Level.WARNING,
                    f"'{old}' is a garbled '{e.canonical}' ({e.id}; {why})",
                    (e.canonical,),
                    FixSafety.SAFE,
                    f"near-miss name confirmed by the article: {why}",
                    e.id,
                )
            )
    return hits


def _country_written(entity: Entity, text: str) -> bool:
    """One of the entity's countries (``context``) written in the article, alone or opening
    a longer word (``South Korean``, ``South Korea's``)."""
    return any(
        regex.search(rf"(?<!\w){regex.escape(c)}", text) for c in entity.context if len(c) > 3
    )


def _deletions(word: str) -> set[str]:
    """``word`` and ``word`` with any one letter deleted: two words one letter apart share
    one of these (the symmetric-delete test)."""
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


def _near_titled(word: str, index: NameIndex) -> bool:
    """Whether ``word`` shares a ``_deletions`` with a titled person's family name, asked of
    every capitalised word of five letters or more in every article: remembered per word
    (per name index; a feed writes the same words again)."""
    memo: dict[str, bool] = index.derived("titled_near_memo", lambda _: {})
    found = memo.get(word)
    if found is None:
        if len(memo) > MEMO_WORDS:
            memo.clear()
        titled = index.derived("titled_deletions", _titled_deletions)
        found = memo[word] = not _deletions(key(word)).isdisjoint(titled)
    return found


def _titled_deletions(index: NameIndex) -> frozenset[str]:
    """``_deletions`` of every titled person's family name (``key``), for NE912 by the
    office: a word none of whose deletions is here is one letter off none of them."""
    return frozenset(
        d
        for e in index.entities
        if e.kind == "person" and e.titles
        for d in _deletions(key(e.surname or e.canonical.split()[-1]))
    )


def _titled_near(word: str, index: NameIndex) -> list[tuple[Entity, str, bool]]:
    """The people with titles whose family name ``word`` is a near miss of: (person, family
    name, whether a sound-alike rather than one letter off)."""
    from rapidfuzz.distance import Levenshtein

    out: list[tuple[Entity, str, bool]] = []
    for form in closest_forms(fold(word), index):
        for e in index.single_forms[form]:
            family = e.surname or e.canonical.split()[-1]
            if e.kind != "person" or not e.titles or fold(family) != form:
                continue
            near = _near(word, family, index)
            if near or Levenshtein.distance(key(word), key(family)) == 1:
                out.append((e, family, near))
    return out


def _place_words(index: NameIndex) -> frozenset[str]:
    """The words of the countries people's offices are in (their ``context``: ``United
    States of America``, ``Germany``), folded; not a word some office has outside its
    country's name (``State``: "Vatican City State", but "Secretary of State")."""
    places: set[str] = set()
    offices: set[str] = set()
    for e in index.entities:
        if e.kind != "person" or not e.context:
            continue  # (without its country a title's words cannot be told apart)
        own = {fold(w) for c in e.context for w in c.split() if len(w) > 3}
        places |= own
        offices |= {fold(w) for t in e.titles for w in t.split() if len(w) > 3} - own
    return frozenset(places - offices)


def _places_by_word(index: NameIndex) -> dict[str, list[Entity]]:
    """Places by each long word of their canonical name, folded (``united`` -> United
    States, whose accepted names ``US`` and ``USA`` an article may write instead)."""
    out: dict[str, list[Entity]] = {}
    for e in index.entities:
        if e.kind == "place":
            for w in e.canonical.split():
                if len(w) > 3:
                    out.setdefault(fold(w), []).append(e)
    return out


def _office_named(
    text: str, toks: Sequence[Token], folded: list[str], entity: Entity, index: NameIndex
) -> bool:
    """Whether the article names one of ``entity``'s offices: two or more words of one title
    within ``ROLE_WINDOW`` words of one sentence, one of them a word of the office itself
    (not of its country: "Secretary", "State"), and the title's country (a word of it, its
    adjective, or a place with those words under another name: ``US``) in the article.
    ``folded``: the tokens folded. Only the windows around a word of the office are read."""
    places = index.derived("office_place_words", _place_words)
    for title in titles_read(entity, index):
        words = {fold(w) for w in title.split() if len(w) > 3}
        office = words - places
        at = [k for k, w in enumerate(folded) if w in office]
        if not at:
            continue
        country = words & places
        if country and not _country_in(text, folded, country, words, index):
            continue
        stems = {w[:TITLE_STEM] for w in words}
        for k in sorted({k for a in at for k in range(max(0, a - ROLE_WINDOW + 1), a + 1)}):
            size = 1  # the window ends with the sentence
            while (
                size < ROLE_WINDOW
                and k + size < len(toks)
                and not regex.search(
                    r"[.!?\n]", text[toks[k + size - 1].end : toks[k + size].start]
                )
            ):
                size += 1
            seen = {folded[j] for j in range(k, k + size)}
            if not seen & office:
                continue
            if len({w[:TITLE_STEM] for w in seen} & stems) >= 2:
                last = max(j for j in range(k, k + size) if folded[j][:TITLE_STEM] in stems)
                if not _holder_named(text, toks, last + 1, entity, index):
                    return True
    return False


def _holder_named(
    text: str, toks: Sequence[Token], i: int, entity: Entity, index: NameIndex
) -> bool:
    """Whether ``toks[i]`` opens someone else's full name right after an office ("California
    Governor Jerry Brown"): a given name (a gazetteer first name or a capitalised word of
    Webster's) not the person's own, followed by another capitalised word."""
    if i + 1 >= len(toks) or text[toks[i - 1].end : toks[i].start] not in (" ", ", "):
        return False
    given, after = toks[i], toks[i + 1]
    if not (given.is_title and after.is_title and text[given.end : after.start] == " "):
        return False
    own = first_name(entity)
    if own is not None and fold(given.text) == fold(own):
        return False
    return given.text in cased_dictionary() or fold(given.text) in index.first_names


def _country_in(
    text: str, folded: list[str], country: set[str], title: set[str], index: NameIndex
) -> bool:
    """A word of the country in the article (``German`` for Germany; not a word of the
    office: ``State`` is no ``States``), or a place the title names (every word of its name
    a word of the title) written under another of its names (``US`` for United States)."""
    stems = {c[:TITLE_STEM] for c in country}
    office = title - country
    if any(w not in office and w[:TITLE_STEM] in stems for w in folded if len(w) > 3):
        return True
    by_word = index.derived("office_places", _places_by_word)
    return any(
        writes_name(name, text)
        for c in country
        for place in by_word.get(c, ())
        if {fold(w) for w in place.canonical.split() if len(w) > 3} <= title
        for name in place.names
    )


def _named_hit(tok: Token, new: str, entity: Entity) -> Hit:
    """An NE912 repair of ``tok`` to ``new``, a word of ``entity``'s name."""
    return Hit(
        tok.start,
        tok.end,
        NAMED_RULE,
        Level.WARNING,
        f"'{tok.text}' is a garbled '{new}' ({entity.id}; the article names {entity.canonical})",
        (new,),
        FixSafety.SAFE,
        "near-miss name confirmed by the article: it names the person in full",
        entity.id,
    )


def named_in_full(view: TextView, index: NameIndex) -> set[str]:
    """People whose full name (canonical or accepted) the text writes exactly, a hyphen
    between two capitalised words written as a space or not (``Hossein Amir Abdollahian``).
    Candidates are the names a word in title case (``TextView.titled``) is part of."""
    names, by_part = index.derived("confirm_names", _names)
    text, toks = view.text, view.tokens
    candidates = {n for i in view.titled for n in by_part.get(key(toks[i].text), ())}
    return {names[n].entity.id for n in candidates if writes_name(names[n].text, text)}


def known_name_spans(view: TextView, index: NameIndex) -> list[tuple[int, int]]:
    """Where the text writes some person's full name exactly as the gazetteer has it
    (canonical or accepted, ``named_in_full``'s reading): no detector may rewrite words
    there. A newsroom gazetteer holds namesakes a letter or a syllable apart (Taiwan's
    ministers ``Chen Shih-chung`` and ``Chen Chi-chung``, ``Lee Jae-myung`` and ``Lee
    Ju-young``); a name written right is its own person's, whatever role stands before it."""
    return [(start, end) for start, end, _person in known_names(view, index)]


def known_names(view: TextView, index: NameIndex) -> list[tuple[int, int, Entity]]:
    """(start, end, person) of each full name the text writes exactly as the gazetteer has
    it (``known_name_spans``), with whose it is."""
    names, by_part = index.derived("confirm_names", _names)
    text, toks = view.text, view.tokens
    candidates = {n for i in view.titled for n in by_part.get(key(toks[i].text), ())}
    found: list[tuple[int, int, Entity]] = []
    for n in sorted(candidates):
        name = names[n].text
        if name in text:
            found.extend((*m.span(), names[n].entity) for m in _whole_name(name).finditer(text))
    return found


def own_role_words(entity: Entity, index: NameIndex) -> set[str]:
    """The words (folded) a role of the person's may hold (``_role_words``: their titles as
    ``titles_read`` reads them, their countries and their countries' adjectives)."""
    return _role_words(entity, titles_read(entity, index), country_adjectives(entity, index))


def role_words_in(text: str, toks: Sequence[Token], entity: Entity, index: NameIndex) -> bool:
    """Whether ``toks`` hold one of the person's roles as a phrase of its own: a run of
    words, one space apart, each capitalised, a ``role-connectors`` word or a word of the
    person's roles (``own_role_words``: "the German president"), whose capitalised words
    are all the person's own role words or ``role-modifiers``, with two words of one title
    (``_two_title_words``). "The Minister of Foreign Affairs of Germany" is no role of the
    UK's foreign secretary, though it has two words of her title; nor is one many countries
    have without the person's country in it."""
    own = own_role_words(entity, index)
    lexicon = index.lexicon
    connectors, modifiers = lexicon.words("role-connectors"), lexicon.words("role-modifiers")
    titles, adjectives = titles_read(entity, index), country_adjectives(entity, index)

    def is_role(run: list[Token]) -> bool:
        words = [_role_word(t) for t in run]
        if any(
            t.is_title and w not in modifiers and not _title_word(w, own)
            for t, w in zip(run, words, strict=True)
        ):
            return False
        if not _two_title_words(set(words), titles, adjectives, _ranks(index)):
            return False
        # An office many countries have ("the Minister of Culture") is theirs only when the
        # role names their country, as before a name (``_role_matches``).
        while run and _role_word(run[0]) in modifiers:
            run = run[1:]
        phrase = text[run[0].start : run[-1].end] if run else ""
        return not _held_in_many(_role_run(phrase), index) or _appositive_names_country(
            phrase, entity, index
        )

    def runs() -> Iterator[list[Token]]:
        run: list[Token] = []
        for k, tok in enumerate(toks):
            if run and text[toks[k - 1].end : tok.start] != " ":
                yield run  # a comma or a full stop ends the phrase
                run = []
            if tok.is_title or tok.lower in connectors or _role_word(tok) in own:
                run.append(tok)
            elif run:
                yield run
                run = []
        if run:
            yield run

    return any(is_role(run) for run in runs())


# One compiled pattern per name: built in the search call, a feed's many distinct names
# overflowed the regex module's cache and recompiled (a third of the detectors' time on
# Wikinews).
_WHOLE_NAME: dict[str, regex.Pattern[str]] = {}


def writes_name(name: str, text: str) -> bool:
    """``name`` in ``text`` as a whole (no word character either side)."""
    if name not in text:  # the pattern is the name itself between two look-arounds
        return False
    return _whole_name(name).search(text) is not None


def _whole_name(name: str) -> regex.Pattern[str]:
    """``name`` as a whole word run (no word character either side), compiled once."""
    pattern = _WHOLE_NAME.get(name)
    if pattern is None:
        pattern = _WHOLE_NAME[name] = regex.compile(rf"(?<!\w){regex.escape(name)}(?!\w)")
    return pattern


def _named_elsewhere(
    text: str,
    toks: Sequence[Token],
    i: int,
    index: NameIndex,
    words: set[str],
    named: set[str],
    in_full: frozenset[str] = frozenset(),
) -> Hit | None:
    tok = toks[i]
    if not named or not is_candidate(tok, index):
        return None
    found = single_candidates(tok, index, words)
    entities = {f[2].id for f in found}
    if len(entities) != 1 or next(iter(entities)) not in named:
        return None
    _score, display, entity, _ctx = found[0]
    same_spelling = index.translit.spelling_key(tok.text) == index.translit.spelling_key(display)
    if zipf(tok.text) > 0 and not same_spelling:
        # "Omicron" in an article naming Emmanuel Macron: a word English text writes is
        # that word (or another person's name) as often as a garble of the named person;
        # another spelling of the name itself ("Borell" by "Josep Borrell") is the
        # article's slip
        return None
    if entity.id not in in_full and _alternate(tok.text, display, entity, index) and same_spelling:
        # "Sokhonn" for Sokhon: another spelling of the same name, unless the article
        # itself writes the full name the gazetteer's way (then it is made consistent)
        return None
    prev = toks[i - 1] if i else None
    if (
        prev is not None
        and prev.is_title
        and text[prev.end : tok.start] == " "
        and not _sentence_opener(text, prev.start, prev.text)  # "Later Burbok said"
    ):
        own = first_name(entity)
        if own is None or fold(prev.text) != fold(own):
            return None  # "Alexander Grushko": some other person's given name
    return _named_hit(tok, display, entity)


def named_by_id(index: NameIndex, named: set[str]) -> dict[str, Entity]:
    """``{e.id: e for e in index.entities if e.id in named}`` from tables built once (that
    scan of the gazetteer cost ~3 ms an article): ids in the gazetteer's order, and under an
    id shared by two entities the later one, as the scan gives them."""
    every, order = index.derived("entities_by_id", _entities_by_id)
    return {i: every[i] for i in sorted((i for i in named if i in every), key=order.__getitem__)}


def _entities_by_id(index: NameIndex) -> tuple[dict[str, Entity], dict[str, int]]:
    every = {e.id: e for e in index.entities}
    return every, {i: n for n, i in enumerate(every)}


def _after_role(
    text: str,
    toks: Sequence[Token],
    titled: Sequence[int],
    index: NameIndex,
    taken: list[tuple[int, int]],
    in_full: frozenset[str] = frozenset(),
) -> list[Hit]:
    """NE913: a near miss right after the person's own role. The role names the office, the
    office one person in the gazetteer, and a name close to theirs in that place is theirs:
    a one-word near miss of a family name (``California Governor Newson``: a sound-alike or
    one letter off), or an East Asian name with the family name exact and the given name
    read through another script (``South Korean President Yoon Seok-yue``). The same words
    elsewhere in the article are the same garble and take the same repair. A family name
    that differs from the gazetteer's by transliteration alone (``Cambodian Foreign Minister
    Sokhonn``, as Cambodia's foreign ministry writes it) is another spelling, as NE911 and
    NE901 read it in the full name (``_alternate``): reported without a fix, unless the
    article writes the full name the gazetteer's way (then it is made consistent)."""
    hits: list[Hit] = []
    for start, end, entity, where in _role_matches(text, toks, titled, index):
        if any(s < end and start < e for s, e in taken):
            continue
        old, new = text[start:end], _role_form(text[start:end], entity)
        listed = old.lower() in index.variant_forms  # the gazetteer says it is a garble
        if " " not in old and not listed and _word_of_its_own(old, index):
            message = (
                f"'{old}' may be a garbled '{new}' ({entity.id}, whose {where}); '{old}' is "
                "a name or word of its own, so the repair is only suggested"
            )
            suggestions, safety = (new,), FixSafety.UNSAFE
            reason = (
                "sound-alike after the person's own role, itself a name or word: an "
                "engine's familiar name for the sound, or someone else"
            )
        elif (
            " " not in old
            and entity.id not in in_full
            and not listed
            and _alternate(old, new, entity, index)
        ):
            message = (
                f"'{old}' may be another spelling of '{new}' ({entity.id}, whose {where}; "
                "left as written)"
            )
            suggestions: tuple[str, ...] = ()
            safety = FixSafety.NONE
            reason = (
                "near-miss name after the person's own role: the family name in another "
                "transliteration"
            )
        else:
            message = f"'{old}' is a garbled '{new}' ({entity.id}; {entity.canonical}'s {where})"
            suggestions, safety = (new,), FixSafety.SAFE
            reason = "near-miss name confirmed by the article: " + (
                "the person's own role follows it in apposition"
                if where == ROLE_AFTER
                else "it stands right after the person's own role"
            )
        for m_start, m_end in same_words(text, old, start, entity, taken):
            hits.append(
                Hit(
                    m_start,
                    m_end,
                    ROLE_RULE,
                    Level.WARNING,
                    message,
                    suggestions,
                    safety,
                    reason,
                    entity.id,
                )
            )
    return hits


def same_words(
    text: str, old: str, start: int, entity: Entity, taken: list[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    """Every place the article writes ``old`` (the words a repair was confirmed for at
    ``start``) as whole words, to take the same repair: not where another repair already
    is (``taken``, which each span yielded joins), nor, away from ``start``, inside some
    other name ("his brother Tom Newsum": another person of that name)."""
    own = _own_words(entity)
    for m in regex.finditer(rf"(?<![\w-]){regex.escape(old)}(?![\w-])", text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        if m.start() != start and _in_other_name(text, m.start(), m.end(), own):
            continue
        taken.append((m.start(), m.end()))
        yield m.start(), m.end()


_WORD_BEFORE = regex.compile(r"(\p{Lu}[\p{L}'’-]*) $")
_WORD_AFTER = regex.compile(r" \p{Lu}")


@lru_cache(maxsize=1 << 12)
def _own_words(entity: Entity) -> frozenset[str]:
    """The words (folded) of a person's name and titles: a capitalised word next to a near
    miss that is one of these ("Secretary Brinken", "Blinken Antony") is the person's own, not
    another name's. Remembered per entity: every confirmation rule asks for each hit."""
    return frozenset(fold(w) for t in (entity.canonical, *entity.titles) for w in t.split())


def _in_other_name(text: str, start: int, end: int, own: frozenset[str]) -> bool:
    """Whether ``text[start:end]`` is part of a longer run of capitalised words: after a
    capitalised word that is not one of the person's own (a given name: ``Tom Newsum``) or
    before one (``Newsum Brown``). A sentence's first word is a name only when it has a
    capitalised reading (Webster's: ``Tom``, not ``Later``) or is no English word."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if (
        before
        and fold(before.group(1)) not in own
        and not _sentence_opener(text, before.start(1), before.group(1))
    ):
        return True
    return bool(_WORD_AFTER.match(text, end))


def _sentence_opener(text: str, start: int, word: str) -> bool:
    """Whether ``word`` at ``start`` is capitalised only because it opens a sentence: an
    English word with no capitalised reading (Webster's: ``Later``, ``But``, not ``Tom``),
    so no given name of the name after it."""
    return (
        sentence_initial(text, start) and word not in cased_dictionary() and is_english_word(word)
    )


def _role_form(old: str, entity: Entity) -> str:
    """The repair of ``old``: the whole canonical name for a multi-word run, the family name
    for one word."""
    if " " in old:
        return entity.canonical
    return entity.surname or entity.canonical.split()[-1]


def _role_matches(
    text: str, toks: Sequence[Token], titled: Sequence[int], index: NameIndex
) -> list[tuple[int, int, Entity, str]]:
    """(start, end, person, where) of each near miss right after that person's role
    (NE913), or right before the word for the government a head of state or government
    leads, in an article that names their country (``Yoon Seok-yue's administration``);
    ``where`` says which, for the message."""

    out: list[tuple[int, int, Entity, str]] = []
    families = index.derived("east_asian_families", _east_asian_families)
    starts = index.derived("title_word_starts", _title_word_starts)
    # Only a capitalised word after a word that starts some title word can follow a role:
    # the common case, decided in one pass.
    after_role = {i for i in titled if i and _may_end_role(toks[i - 1], starts)}
    words: set[str] | None = None
    # (most articles name no government at all: then only the roles are looked at)
    nouns = index.lexicon.words("government-nouns")
    government = _government_nouns(nouns)
    governs = government is not None and government.search(text) is not None
    near = _NounsNear(text, nouns) if governs else None
    for i in titled if governs else sorted(after_role):
        tok = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        joined = nxt is not None and nxt.is_title and text[tok.end : nxt.start] in (" ", "-")
        if i in after_role and text[toks[i - 1].end : tok.start] in (" ", ", "):
            people = _role_candidates(text, toks, i, joined, families, index)
            people = {
                k: (end, e)
                for k, (end, e) in people.items()
                if _role_adjacent(text, toks, i, e, index)
            }
            if people and not joined and _office_of_many(text, toks, i, index):
                # A one-word sound-alike after an office many countries have ("Prime
                # Minister Antian": Kausea Natano of Tuvalu, by sound) is theirs only when
                # the role or the article names their country.
                if words is None:
                    words = {fold(t.text) for t in toks}
                people = {
                    k: (end, e)
                    for k, (end, e) in people.items()
                    if _role_names_place(text, toks, i, e)
                    or role_with_country(text, toks, i, e, index)
                    or _country_named(e, text, words, index)
                }
            where = "role stands right before it"
        elif (
            near is not None
            and government is not None
            and near.within(tok.end, tok.end + 60)
            and government.search(text, tok.end, tok.end + 60)
        ):
            people = _role_candidates(text, toks, i, joined, families, index, words_too=False)
            if people and words is None:
                words = {fold(t.text) for t in toks}
            people = {
                k: (end, e)
                for k, (end, e) in people.items()
                if government.match(text, end)
                and _heads_government(e, index)
                and _country_named(e, text, words or set(), index)
            }
            where = "government follows it, and the article names their country"
        else:
            continue
        if len(people) == 1:
            end, e = next(iter(people.values()))
            out.append((tok.start, end, e, where))
    return out + _role_after_matches(text, toks, titled, families, index)


ROLE_AFTER = "role follows it in apposition"


def _role_after_matches(
    text: str,
    toks: Sequence[Token],
    titled: Sequence[int],
    families: dict[str, list[tuple[Entity, tuple[str, ...]]]],
    index: NameIndex,
) -> list[tuple[int, int, Entity, str]]:
    """(start, end, person, where) of each near miss with that person's own role in
    apposition right after it (``role_after``: ``Newson, the Governor of California, said``,
    ``Sholts, the German Chancellor,``), NE913's reading with the role on the other side.
    The name must stand alone (no capitalised word right before it: ``Tom Newson, the
    ...`` is another person), and a role many countries have ("the Prime Minister") confirms
    only with the person's place in the role or their country in the article, as before a
    name."""
    out: list[tuple[int, int, Entity, str]] = []
    words: set[str] | None = None
    for i in titled:
        tok = toks[i]
        if "," not in text[tok.end : tok.end + 40] or after_capitalised(text, toks, i):
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        joined = nxt is not None and nxt.is_title and text[tok.end : nxt.start] in (" ", "-")
        if not joined and not (
            text.startswith(", ", tok.end) and may_be_role_after(text, tok.end, index)
        ):
            continue
        people: dict[str, tuple[int, Entity, str]] = {}
        for k, (end, e) in _role_candidates(text, toks, i, joined, families, index).items():
            role = role_after(text, end, e, index, closed=True)
            if role:
                people[k] = (end, e, role)
        if len(people) != 1:
            continue
        end, e, role = next(iter(people.values()))
        if _held_in_many(_role_run(role), index):
            if words is None:
                words = {fold(t.text) for t in toks}
            if not (
                _names_title_place({fold(w) for w in regex.findall(r"\p{L}+", role)}, e)
                or _appositive_names_country(role, e, index)
                or _country_named(e, text, words, index)
            ):
                continue
        out.append((tok.start, end, e, ROLE_AFTER))
    return out


@dataclass(frozen=True)
class RoleAt:
    """Where a person's role is read for a one-word name at ``toks[i]`` ending at ``end``:
    right before it, as NE913 reads one (``after`` false), or in apposition right after it
    (``role_after``, closed). The readers of a family name alone ask the same two things
    of either side: is it the person's own role, and does it name their country. The role
    after the name is read once per person, for both questions."""

    text: str
    toks: Sequence[Token]
    i: int
    end: int
    after: bool
    index: NameIndex
    _after: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def _role_after(self, entity: Entity) -> str:
        role = self._after.get(entity.id)
        if role is None:
            role = self._after[entity.id] = role_after(
                self.text, self.end, entity, self.index, closed=True
            )
        return role

    def own(self, entity: Entity) -> bool:
        if self.after:
            return bool(self._role_after(entity))
        return _role_adjacent(self.text, self.toks, self.i, entity, self.index)

    def names_country(self, entity: Entity) -> bool:
        """Whether the role, already read as ``entity``'s own, names their country too."""
        if self.after:
            return _appositive_names_country(self._role_after(entity), entity, self.index)
        return role_names_country(self.text, self.toks, self.i, entity, self.index)

    def own_with_country(self, entity: Entity) -> bool:
        return self.own(entity) and self.names_country(entity)


def _appositive_names_country(role: str, entity: Entity, index: NameIndex) -> bool:
    """Whether a role in apposition (``role_after``) names the person's country."""
    return _names_country(role, {fold(w) for w in regex.findall(r"\p{L}+", role)}, entity, index)


def after_capitalised(text: str, toks: Sequence[Token], i: int) -> bool:
    """Whether ``toks[i]`` follows a capitalised word by a space or hyphen: part of a longer
    name (``Tom Newson``), which the role after it may be another's. A sentence's opening
    word counts too: a family name that is also an English word opens sentences (``Cai
    Tsi-chang``, ``Say Tsi-chang``: Tsai Chi-chang through pinyin and Greek); so does an
    initial (``Tzames K F Chouangk``: James C. F. Huang through Greek)."""
    if i == 0 or not toks[i - 1].text[:1].isupper():
        return False
    return text[toks[i - 1].end : toks[i].start] in (" ", "-")


def _role_run(role: str) -> str:
    """A role in apposition as an office's words: folded, from its first capitalised word
    ("the US Secretary of State" -> "us secretary of state")."""
    m = regex.search(r"\p{Lu}", role)
    return fold(role[m.start() :]) if m else fold(role)


def _role_candidates(
    text: str,
    toks: Sequence[Token],
    i: int,
    joined: bool,
    families: dict[str, list[tuple[Entity, tuple[str, ...]]]],
    index: NameIndex,
    words_too: bool = True,
) -> dict[str, tuple[int, Entity]]:
    """The titled people a name starting at ``toks[i]`` may be a near miss of, with where
    the name ends: a one-word near miss of a family name (``Newson``) or an East Asian name
    with the family name exact and the given name read another way (``Yoon Seok-yue``).
    ``words_too``: a sound-alike that is a word or name of its own (``_word_of_its_own``)
    counts too: next to a role, not before "administration" (asked of every capitalised
    word of an article that names a government)."""
    tok = toks[i]
    if joined and key(tok.text) not in families:
        return {}
    people: dict[str, tuple[int, Entity]] = {}
    if not joined and len(tok.text) >= 5 and tok.text[1:].islower():
        if is_candidate(tok, index):
            for e, *_ in _titled_near(tok.text, index):
                people[e.id] = (tok.end, e)
        elif words_too and _word_of_its_own(tok.text, index):
            for e, family, sounds in _titled_near(tok.text, index):
                if sounds and fold(family) != fold(tok.text):
                    people[e.id] = (tok.end, e)
    if not joined and tok.lower in index.variant_forms:
        for e in index.derived("listed_family_garbles", _listed_family_garbles).get(tok.text, ()):
            people[e.id] = (tok.end, e)
    if joined:
        for e, given in families.get(key(tok.text), ()):
            end = _given_near(text, toks, i + 1, given, index)
            if end is not None:
                people[e.id] = (end, e)
    return people


def _word_of_its_own(word: str, index: NameIndex) -> bool:
    """Whether ``word``, which ``is_candidate`` turned down, is a word or another person's
    name (``Raymond``: Raymond Zondo's given name, and English's) and no person's name by
    itself. An engine writes the familiar name nearest the sound it reads: Chinese 雷蒙多
    (Raimondo) comes out ``Raymond``. Right after her role it is a sound-alike worth
    naming, but the word is a name in its own right, so NE913 suggests the repair rather
    than make it (``_after_role``)."""
    return (
        "'" not in word
        and "’" not in word
        and fold(word) not in index.single_forms
        and (index.is_known(word) or is_english_word(word))
    )


def _listed_family_garbles(index: NameIndex) -> dict[str, tuple[Entity, ...]]:
    """Each one-word garble the gazetteer lists of a titled person's family name (``Sholts``,
    Scholz through Russian; not a guarded short one, ``Si``) -> the people it is listed for.
    The rule stage repairs such a word only in an article about the person; right after the
    person's own role it is theirs as surely as a near miss there is (NE913)."""
    out: dict[str, list[Entity]] = {}
    for e in index.entities:
        if e.kind != "person" or not e.titles:
            continue
        family = e.surname or e.canonical.split()[-1]
        guarded = set(e.guarded)
        for spelling, target in e.fixes:
            if target == family and " " not in spelling and spelling not in guarded:
                out.setdefault(spelling, []).append(e)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=4)
def _government_nouns(words: frozenset[str]) -> regex.Pattern[str] | None:
    """The lexicon's ``government-nouns`` after a name (``'s administration``), or None when
    the list is empty (then no near miss is read by the government it leads). Kept per word
    set, not in the name index's derived tables, which are stored and hold no patterns."""
    nouns = sorted(words, key=lambda w: (-len(w), w))
    if not nouns:
        return None
    return regex.compile(r"(?:['’]s)? (?:" + "|".join(map(regex.escape, nouns)) + r")\b")


class _NounsNear:
    """Where the text writes a government noun after a space (``" government"``): every
    match of ``_government_nouns`` holds one, so a window without one need not be searched.
    News writes "government" in most articles, and the search was tried after every word in
    title case; the spaced nouns are found once, by ``str.find``."""

    __slots__ = ("starts",)

    def __init__(self, text: str, nouns: frozenset[str]) -> None:
        starts: list[int] = []
        for noun in nouns:
            spaced = " " + noun
            at = text.find(spaced)
            while at >= 0:
                starts.append(at)
                at = text.find(spaced, at + 1)
        self.starts = sorted(starts)

    def within(self, start: int, end: int) -> bool:
        """Whether a spaced noun starts in ``[start, end)`` (a match of the search from
        ``start`` to ``end`` holds one there)."""
        return bisect_left(self.starts, start) < bisect_left(self.starts, end)


def _heads_government(entity: Entity, index: NameIndex) -> bool:
    """Whether one of ``entity``'s titles is a head of state or government's office (one of
    the lexicon's ``head-offices``, then ``of``: "President of South Korea")."""
    offices = index.lexicon.words("head-offices")
    return any(t.lower().startswith(f"{o} of ") for t in entity.titles for o in offices)


def _may_end_role(tok: Token, starts: frozenset[str]) -> bool:
    """Whether ``tok`` starts like a title or country word (``_title_word_starts``)."""
    word = tok.lower if tok.lower.isascii() else fold(tok.text)
    return word[:5] in starts or word[:4] in starts


def _office_nouns(index: NameIndex) -> frozenset[str]:
    """Words that name an office in many people's titles (``minister``, ``ambassador``,
    ``secretary``; ``OFFICE_TITLES`` titles or more), not a word of a country: where a role
    written out in full begins. A word of few titles (``Beijing`` of "Mayor of Beijing") is
    too rare to open one."""
    places = index.derived("office_place_words", _place_words)
    counts: Counter[str] = Counter()
    for title in {t for e in index.entities if e.kind == "person" for t in e.titles}:
        counts.update({fold(w) for w in title.split() if len(w) > 3})
    return frozenset(w for w, n in counts.items() if n >= OFFICE_TITLES and w not in places)


def office_right_before(text: str, toks: Sequence[Token], i: int, index: NameIndex) -> bool:
    """Whether the words right before ``toks[i]`` (capitalised, or ``role-connectors``,
    one space apart) hold an office noun (``_office_nouns``): a role stands right before
    the name ("Minister of Economic Affairs of Taiwan Van Tsih-kang"). Whoever it is, the
    role says who is named; the person's country alone does not outweigh it."""
    connectors = index.lexicon.words("role-connectors")
    offices = index.derived("office_nouns", _office_nouns)
    j = i
    while j > 0:
        tok = toks[j - 1]
        if text[tok.end : toks[j].start] != " " or not (tok.is_title or tok.lower in connectors):
            break
        if tok.is_title and _without_possessive(fold(tok.text)) in offices:
            return True
        j -= 1
    return False


def _own_role_before(
    text: str, toks: Sequence[Token], start: int, entity: Entity, index: NameIndex
) -> bool:
    """Whether the person's own role (``_role_before``) or one-word office alone
    (``office_before``: ``President Li Jaemyung``) stands right before ``start``."""
    return role_precedes(text, toks, start, entity, index) or bool(
        office_before(text, start, entity, index.lexicon)
    )


def _title_word_starts(index: NameIndex) -> frozenset[str]:
    """The first five letters (all of a four-letter word) of every title and country word of
    every person with a title: a word that starts none of them ends no role (``_title_word``)."""
    adjectives = index.derived("country_adjectives", _adjectives_by_country)
    titled = [e for e in index.entities if e.titles]
    words = {fold(w)[:5] for e in titled for t in (*e.titles, *e.context) for w in t.split()}
    return frozenset(
        {w for w in words if len(w) > 3}
        | {a[:5] for e in titled for c in _countries(e) for a in adjectives.get(c, ())}
    )


def _east_asian_families(index: NameIndex) -> dict[str, list[tuple[Entity, tuple[str, ...]]]]:
    """East Asian people with a role, by the family name of each way their name is written
    family name first: the canonical (``Yoon Suk Yeol``) and the readings of other scripts
    the gazetteer lists as variants (``Yin Xiyue``, the hanja read in pinyin); with the given
    name that goes with that family name."""
    out: dict[str, list[tuple[Entity, tuple[str, ...]]]] = {}
    for e in index.entities:
        parts = e.canonical.split()
        if e.kind != "person" or len(parts) < 2 or not e.titles:
            continue
        if not romanised_whole(e, index):
            continue
        if e.surname and fold(e.surname) != fold(parts[0]):
            continue  # written given name first ("Yoshihiko Noda")
        seen: set[str] = set()
        for form in (e.canonical, *e.variants):
            words = form.split()
            if len(words) < 2 or key(form) in seen:
                continue
            seen.add(key(form))
            out.setdefault(key(words[0]), []).append((e, tuple(words[1:])))
    return out


def _given_near(
    text: str, toks: Sequence[Token], i: int, given: tuple[str, ...], index: NameIndex
) -> int | None:
    """The end of the given name that starts at ``toks[i]`` when it is ``given`` (a person's
    given name, as one way of writing the name has it) read another way: one word (hyphens
    join syllables) or as many words as ``given``, not the same letters, none another name's
    word or an ordinary word, the same first letter and spelt close
    (``ROLE_GIVEN_SPELLING``), and no other person as near (``_closer_elsewhere``: the
    family name before it and ``given`` are one person's, and another's given name may be
    nearer); else None."""
    for size in dict.fromkeys((1, len(given))):
        words = toks[i : i + size]
        if len(words) < size or not all(w.is_title for w in words):
            continue
        if any(text[a.end : b.start] != " " for a, b in zip(words, words[1:], strict=False)):
            continue
        # A hyphenated given name is one part: take the tokens it spans.
        end = words[-1].end
        j = i + size
        while (
            j < len(toks)
            and text[end : toks[j].start] == "-"
            and _without_possessive(toks[j].text).isalpha()  # "Seok-yue's administration"
        ):
            end = toks[j].end
            j += 1
        after = toks[j] if j < len(toks) else None
        if after is not None and after.is_title and text[end : after.start] == " ":
            continue  # the run goes on: some longer name
        written = text[toks[i].start : end]
        if written.endswith(_POSSESSIVE):
            written, end = written[:-2], end - 2
        pieces = regex.split(r"[ -]", written)
        # wordfreq counts romanised syllables ("Seok", "yue") as rare words; only a common
        # word inside a hyphenated name says it is no name ("Sun-day").
        # Nor does a syllable that some other name has ("Yue" of Pan Yue): East Asian names
        # share syllables; a whole word of another name does ("Jong-un").
        hyphen = "-" in written
        if any(
            (not hyphen and index.is_known(p))
            or is_english_word(p, COMMON_SYLLABLE if hyphen else 2.5)
            for p in pieces
        ):
            continue
        mine, theirs = key(written).replace(" ", ""), key("".join(given))
        if mine == theirs or mine[:1] != theirs[:1]:
            continue
        if spelling_similarity(written.replace(" ", "-"), "-".join(given)) < ROLE_GIVEN_SPELLING:
            continue
        if i and _closer_elsewhere(toks[i - 1].text, written, given, index):
            return None  # "Li Sien Loung": Lee Hsien Loong, not Li Shiguang's Chih-Kung Lee
        return end
    return None


def _name_key(name: str) -> str:
    """A name compared: folded, its words (and a hyphen's or apostrophe's syllables) one
    space apart (``Seok-yue`` and ``Seok Yue`` alike)."""
    return " ".join(regex.split(r"[\s\-'’]+", fold(name).strip()))


@dataclass(slots=True)
class _Splits:
    """The gazetteer's people's names of two words or more (canonical, accepted, listed and
    generated spellings), as ``_name_key`` writes them, split into given and family name
    (``_person_splits``): every given name and its person (parallel lists, what
    ``rapidfuzz`` compares), each person's given and family names, and the people each
    whole name is written for."""

    givens: list[str]
    ids: list[str]
    given_of: dict[str, list[str]]
    families: dict[str, list[str]]
    owners: dict[str, list[str]]
    # A Chinese or Korean person's family name in characters (the native name's first):
    # one family however its romanisations differ (李: Lee, Li, and Sumomo read in Japanese).
    family_char: dict[str, str]
    by_char: dict[str, list[str]]
    # Such a person's given names as the names written family name first have them.
    given_after: dict[str, list[str]]


def _person_splits(index: NameIndex) -> _Splits:
    """``_Splits`` of the index's people. A generated spelling of a Chinese or Korean person
    puts the family name first; a canonical or accepted name may have it either way (``Lee
    Hsien Loong``, ``Andrew Hsia``), a Japanese person's spellings too, and a Western name
    puts it last."""
    out = _Splits([], [], {}, {}, {}, {}, {}, {})
    for e in index.entities:
        if e.kind != "person":
            continue
        asian = romanised_whole(e, index)
        both = japanese(e) or not asian
        char = family_char(e) if asian else None
        if char:
            out.family_char[e.id] = char
            out.by_char.setdefault(char, []).append(e.id)
        generated = {_name_key(v) for v in e.variants}
        pairs: dict[tuple[str, str], None] = {}
        for name in dict.fromkeys(map(_name_key, (*e.names, *e.variants))):
            words = name.split()
            if len(words) < 2:
                continue
            out.owners.setdefault(name, []).append(e.id)
            if asian:
                pairs[(" ".join(words[1:]), words[0])] = None
            if both or name not in generated:
                pairs[(" ".join(words[:-1]), words[-1])] = None
        if e.id in out.family_char:
            # The generated spellings put the family name first; the canonical may not
            # (``Chih-Kung Lee``).
            first = (e.canonical,) if e.surname in (None, e.canonical.split()[0]) else ()
            out.given_after[e.id] = list(
                dict.fromkeys(
                    " ".join(n.split()[1:])
                    for n in map(_name_key, (*first, *e.variants))
                    if " " in n
                )
            )
        givens = list(dict.fromkeys(g for g, _f in pairs))
        out.givens += givens
        out.ids += [e.id] * len(givens)
        out.given_of[e.id] = givens
        out.families[e.id] = list(dict.fromkeys(f for _g, f in pairs))
    return out


def _closer_elsewhere(family: str, written: str, given: tuple[str, ...], index: NameIndex) -> bool:
    """Whether a name read through another script (``family``, exact, and the ``written``
    given name, taken for ``given``) may as well be some other person's than the people
    whose name ``family`` + ``given`` is: another person whose given name, in any of their
    spellings, is closer to the written one (Jaro-Winkler), or as close with a family name as
    close, when some spelling of their family name is within ``FAMILY_NEAR`` of the run's
    (normalised Levenshtein: ``Li`` and ``Lee``'s ``Li``, ``Chin`` and ``Chen``, not ``Yin`` and
    ``Bo``). ``Li Sien Loung`` is nearer Lee Hsien Loong's ``Hsien-lung`` than Chih-Kung
    Lee's ``Shi Guang``, so it is no garble of the latter. The whole gazetteer is compared,
    not only the people of one family spelling: ``Chin`` is Kim's family name in Wade-Giles
    and Chen's in Japanese. A family name alone is no evidence against the given name (a
    billion people share one), so a given name closer under an unrelated family name
    (Bo Xilai's ``Xilai`` for ``Yin Xilie``) does not count; one written with the same
    character does, however romanised (``Sumomo Shu-chuan``, 李 read in Japanese, is Lee
    Shu-chuan's given name exactly, not Lee Shying-jow's ``Shou Chuu``)."""
    from rapidfuzz import process
    from rapidfuzz.distance import JaroWinkler, Levenshtein

    splits = index.derived("person_splits", _person_splits)
    mine = tuple(splits.owners.get(_name_key(f"{family} {' '.join(given)}"), ()))
    if not mine:
        return True
    own_given, own_family = _name_key(written), _name_key(family)
    memo = index.derived("closer_elsewhere", lambda ix: {})
    remembered = memo.get((own_family, own_given, mine))
    if remembered is not None:
        return bool(remembered)

    def spelt_near(person: str) -> float:
        return max(
            Levenshtein.normalized_similarity(own_family, f) for f in splits.families[person]
        )

    chars = {splits.family_char[p] for p in mine if p in splits.family_char}

    def family_near(person: str) -> float:
        # The same family in characters is as near as a family name can be.
        return 1.0 if splits.family_char.get(person) in chars else spelt_near(person)

    best_given = max(JaroWinkler.similarity(own_given, g) for p in mine for g in splits.given_of[p])
    best_family = max(map(spelt_near, mine))
    found = False
    for _given, score, at in process.extract(
        own_given,
        splits.givens,
        scorer=JaroWinkler.similarity,
        limit=None,
        # (``extract``'s Jaro-Winkler bound may drop a score at or just above the cutoff)
        score_cutoff=best_given - 0.05,
    ):
        person = splits.ids[at]
        if person in mine or score < best_given - _TIE:
            continue
        near = family_near(person)
        if near >= FAMILY_NEAR and (score > best_given + _TIE or near >= best_family):
            found = True
            break
    if not found and chars:
        # One family in characters: a given name nearer letter for letter (Levenshtein,
        # which Jaro-Winkler's weight on the first letters may rank below) is as likely
        # meant. ``Van Tsih-kang`` is Wang Chih-kang's ``Chih-kang`` with Ch read as Ts,
        # not Wang Qishan's ``Tsi Shan``, whose first three letters it shares.
        own_best = max(
            Levenshtein.normalized_similarity(own_given, g)
            for person in mine
            for g in splits.given_of[person]
        )
        found = any(
            Levenshtein.normalized_similarity(own_given, g) > own_best + _TIE
            for char in chars
            for person in splits.by_char[char]
            if person not in mine
            for g in splits.given_after[person]
        )
    if len(memo) >= MEMO_WORDS:
        memo.clear()
    memo[(own_family, own_given, mine)] = found
    return found


def _without_possessive(word: str) -> str:
    """``word`` without a possessive ending (``yue's`` -> ``yue``)."""
    return word[:-2] if word.endswith(_POSSESSIVE) else word


def _role_adjacent(
    text: str, toks: Sequence[Token], i: int, entity: Entity, index: NameIndex
) -> bool:
    """One of ``entity``'s titles right before ``toks[i]`` (two or more of its words within
    ``ROLE_WINDOW``, ``_role_before``) and ending right there: the word before is a title
    word, with nothing but a space or comma between; and every capitalised word of the run
    of them before the name is a word of the person's titles or country or one of the
    ``role-modifiers`` ("Former"): "Chinese Prime Minister" is no role of Singapore's."""
    prev = toks[i - 1]
    if text[prev.end : toks[i].start] not in (" ", ", "):
        return False
    adjectives = country_adjectives(entity, index)
    titles = titles_read(entity, index)
    own = _role_words(entity, titles, adjectives)
    if not _ends_title(_role_word(prev), entity, titles, adjectives):
        return False
    modifiers = index.lexicon.words("role-modifiers")
    j = i - 1
    while j >= 0 and toks[j].is_title:
        word = _role_word(toks[j])
        if word not in modifiers and not _title_word(word, own):
            return False
        if j == 0 or text[toks[j - 1].end : toks[j].start] != " ":
            return _role_before(text, toks, toks[i].start, titles, adjectives, _ranks(index))
        j -= 1
    if not _role_goes_on_as_own(text, toks, j, entity, own, modifiers, index):
        return False
    return _role_before(text, toks, toks[i].start, titles, adjectives, _ranks(index))


def _ends_title(
    word: str, entity: Entity, titles: tuple[str, ...], adjectives: frozenset[str] = frozenset()
) -> bool:
    """Whether ``word`` (folded, its possessive off) may end one of ``entity``'s roles right
    before the name: a word of their titles as written, or its plural ("Ministers"), or a
    word of their country in any form ("Korean" for South Korea, and ``adjectives``: their
    ``country_adjectives``). Not another word on the same stem: "Iranian official Ismaili"
    is no holder of the Office of the President, "the Foreign Ministry's Kanaani" no
    foreign minister."""
    office = _written_words(titles)
    if word in office or word.removesuffix("s") in office or word in adjectives:
        return True
    country = {fold(w) for c in entity.context for w in c.split() if len(w) > 3}
    return _title_word(word, country)


def country_adjectives(entity: Entity, index: NameIndex) -> frozenset[str]:
    """The adjectives of the entity's countries that do not start like the country's name
    (``country-adjectives``: ``chinese`` for the People's Republic of China, ``dutch`` for the
    Kingdom of the Netherlands), folded: "Chinese Premier" names the office as "China's
    Premier" does, and the first five letters read most adjectives but not these."""
    table = index.derived("country_adjectives", _adjectives_by_country)
    return frozenset(a for c in _countries(entity) for a in table.get(c, ()))


def _countries(entity: Entity) -> tuple[str, ...]:
    """The entity's countries: its ``context`` (an imported person's country), or for a
    person without one (hand-written), the place each title ends in ("Prime Minister of
    Italy", "... of the People's Republic of China": China)."""
    if entity.context:
        return entity.context
    return tuple(t.rsplit(" of ", 1)[1].removeprefix("the ") for t in entity.titles if " of " in t)


def _adjectives_by_country(index: NameIndex) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for adjective, countries in index.lexicon.table("country-adjectives"):
        for country in countries:
            out.setdefault(country, set()).add(fold(adjective))
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=4096)
def _written_words(names: tuple[str, ...]) -> frozenset[str]:
    """Every word of ``names`` (titles, countries) folded, short ones and hyphened halves
    included ("Oil", "Secretary-General"): built once per person, not per candidate."""
    return frozenset(fold(w) for n in names for w in regex.split(r"[^\p{L}'’]+", n) if w)


def _role_word(tok: Token) -> str:
    """A token of a role as its title words are kept: folded, with no possessive ``'s``."""
    return fold(tok.text).removesuffix("'s").removesuffix("’s")


def _role_goes_on_as_own(
    text: str,
    toks: Sequence[Token],
    j: int,
    entity: Entity,
    own: set[str],
    modifiers: frozenset[str],
    index: NameIndex,
) -> bool:
    """Whether the role, read on leftwards from ``toks[j]`` through the lower-case words that
    join an office's name (``role-connectors``: "Minister of National Defense of the
    People's Republic of China", "ambassador to Spain of Japan"), is still the person's own:
    every capitalised word between the first office word (``_office_nouns``: "Minister",
    "ambassador") and the name is a word of their titles or country, or a modifier. The
    capitalised words right before the name alone ("People's Republic of China") would be met
    by every minister of that country; "Defense" and "Spain" tell which office it is. Words
    before the first office word belong to the sentence, not the role ("Visit to Beijing
    of Chinese Foreign Minister"), and are not read."""
    connectors = index.lexicon.words("role-connectors")
    offices = index.derived("office_nouns", _office_nouns)
    seen: list[str] = []  # the role's capitalised words, nearest the name first
    first_office = -1
    while j >= 0 and len(seen) < ROLE_REACH:
        tok = toks[j]
        word = _role_word(tok)
        if tok.is_title:
            seen.append(word)
        elif tok.lower not in connectors and word not in offices:
            break
        if word in offices:
            first_office = len(seen)
        if j == 0 or text[toks[j - 1].end : tok.start] != " ":
            break
        j -= 1
    if first_office <= 0:
        return True
    # Every word of the person's titles here, short ones and hyphened halves included: a role
    # written out in full has them ("Minister of Oil of Iraq", "Secretary-General").
    whole = _written_words((*titles_read(entity, index), *entity.context))
    return all(
        w in modifiers or w in whole or (len(w) > 3 and _title_word(w, own))
        for w in seen[:first_office]
    )


def _apposition_source(index: NameIndex) -> str:
    """The pattern of a phrase in apposition right after a name, up to the comma or full
    stop that closes it, or a verb of the lexicon's ``apposition-verbs`` ("Shi Jinping, the
    Chinese President said"). Its source, not the compiled pattern: a derived table is
    stored as plain data (``stored``)."""
    verbs = "|".join(sorted(map(regex.escape, index.lexicon.words("apposition-verbs"))))
    closer = rf"|\s+(?:{verbs})\b" if verbs else ""
    return rf", (?P<role>[^,.;:!?()\[\]\n\"“”]{{4,90}}?)(?=[,.;:!?]{closer}|\s*$)"


@lru_cache(maxsize=8)
def _compiled(source: str) -> regex.Pattern[str]:
    return regex.compile(source)


_CAPITAL_NEXT = regex.compile(r", \p{Lu}")


def _apposition(text: str, end: int, closed: bool, index: NameIndex) -> str:
    """The phrase in apposition right after ``end`` (``_apposition_source``), or "": with
    ``closed``, only one closed by punctuation that opens onto no name (``role_after``)."""
    m = _compiled(index.derived("apposition_source", _apposition_source)).match(text, end)
    if m is None:
        return ""
    if closed and (
        m.end() >= len(text) or text[m.end()] not in ",.;:!?" or _CAPITAL_NEXT.match(text, m.end())
    ):
        return ""
    return m.group("role").strip()


def _apposition_words(role: str) -> list[str]:
    return [_without_possessive(fold(w)) for w in regex.split(r"[\s-]+", role) if w]


def may_be_role_after(text: str, end: int, index: NameIndex) -> bool:
    """Whether a closed apposition follows ``end`` whose every word may be some role's
    (starts like a title or country word, is short, or a connector or modifier): asked
    before any person is, since a capitalised word and a comma are common and a role after
    them is not."""
    role = _apposition(text, end, True, index)
    if not role:
        return False
    starts = index.derived("title_word_starts", _title_word_starts)
    lexicon = index.lexicon
    allowed = lexicon.words("role-connectors") | lexicon.words("role-modifiers")
    # Words as the titles' own are split, at spaces only: "Gilgit-Baltistan", "Agri-Food".
    words = (_without_possessive(fold(w)) for w in role.split())
    return all(len(w) <= 3 or w in allowed or w[:5] in starts or w[:4] in starts for w in words)


def role_after(text: str, end: int, entity: Entity, index: NameIndex, closed: bool = False) -> str:
    """The person's own role in apposition right after a name ending at ``end``, or "":
    ``Shi Jinping, the Chinese President, said``, ``Jorjia Miloni, Prime Minister of Italy,``.
    News names a person so as often as it puts the role first. The phrase must be the role
    and nothing else: every word one of the person's title or country words (``_title_word``,
    their country adjectives), a ``role-connectors`` or ``role-modifiers`` word; and, as
    ``_role_before`` asks, two or more words of one title, a country adjective counting as
    the country's word. ``X, an adviser to the Chinese President,`` and ``X, who met the
    President of China,`` name someone else.

    ``closed``: the phrase must end in punctuation, not run into a reporting verb, and not
    open onto another name (``After meeting Cai, the Taiwanese President said`` and ``...
    Cai, the Taiwanese President, Lai Ching-te,``: the role is the next words' subject's).
    A one-word name asks it, and each office word as a title writes it; a whole name is
    surer."""
    role = _apposition(text, end, closed, index)
    if not role:
        return ""
    words = _apposition_words(role)
    adjectives = country_adjectives(entity, index)
    titles = titles_read(entity, index)
    own = _role_words(entity, titles, adjectives)
    lexicon = index.lexicon
    allowed = lexicon.words("role-connectors") | lexicon.words("role-modifiers")
    # A closed reading takes an office's words as the titles write them (or their plural;
    # a country's by its first letters): "Minister of Economy" is no "Minister of Economic
    # Development", whose words it shares by their first five letters.
    title_word = (
        _as_written(entity, titles, adjectives) if closed else (lambda w: _title_word(w, own))
    )
    if not all(w in allowed or title_word(w) or _own_place(w, own, index) for w in words):
        return ""
    return role if _two_title_words(words, titles, adjectives, _ranks(index)) else ""


def _as_written(
    entity: Entity, titles: tuple[str, ...], adjectives: frozenset[str]
) -> Callable[[str], bool]:
    """Whether a word (folded) is one of the person's title words as written or its plural,
    or a word of their country (``_countries``) by its first five letters, or one of its
    ``adjectives``: ``German`` and ``Chancellor`` for "Federal Chancellor of Germany"."""
    written = _written_words(titles)
    country = {fold(w) for c in _countries(entity) for w in c.split() if len(w) > 3}
    return lambda w: (
        w in written or w.removesuffix("s") in written or w in adjectives or _title_word(w, country)
    )


def _own_place(word: str, own: set[str], index: NameIndex) -> bool:
    """Whether ``word`` (folded) is another name of a place whose own words are all the
    person's (``US`` for the United States in "the US Secretary of State", whose title is
    "United States Secretary of State")."""
    places = index.derived("places_by_name", _places_by_name)
    return any(
        all(fold(w) in own for w in p.canonical.split() if len(w) > 3) for p in places.get(word, ())
    )


def _title_word(word: str, own: set[str]) -> bool:
    """``word`` is one of ``own`` (title and country words), or shares its first five letters
    with one of four letters or more (``Korean`` for Korea, ``Senate's`` for Senate; a short
    one, ``Sri``, only as it is)."""
    return any(word == w or (len(w) > 3 and word.startswith(w[:5])) for w in own)


def role_with_country(
    text: str, toks: Sequence[Token], i: int, entity: Entity, index: NameIndex
) -> bool:
    """Whether ``entity``'s role stands right before ``toks[i]`` as NE913 reads one
    (``_role_adjacent``: two or more words of one of their titles, every capitalised word of
    the run the person's own) and names their country ("Russian President", "President of
    Russia", "US Secretary of State"): the office and its country name one person, so a given
    name of theirs right after it with no surname (NE905, ``Russian President Vladimir
    told``) lost the surname in transit. The office alone ("Foreign Minister Sergei") leaves
    other countries' ministers of that name."""
    return _role_adjacent(text, toks, i, entity, index) and role_names_country(
        text, toks, i, entity, index
    )


def role_names_country(
    text: str, toks: Sequence[Token], i: int, entity: Entity, index: NameIndex
) -> bool:
    """Whether the role right before ``toks[i]``, already read as ``entity``'s own
    (``_role_adjacent``), names their country too (``role_with_country``'s second half, for
    a caller that has asked the first)."""
    role, words = _role_text(text, toks, i)
    return _names_country(role, words, entity, index)


def _names_country(role: str, words: set[str], entity: Entity, index: NameIndex) -> bool:
    """Whether a role's text (``words``: its words folded) names the person's country: the
    country or its adjective, or a country word of their own title ("Russian President")."""
    if _country_named(entity, role, words, index) or words & country_adjectives(entity, index):
        return True
    # A hand-written person's country is in the title itself ("Russian President"): a word
    # of the role that is one of the person's own title words and a country's name or its
    # adjective.
    stems = index.derived("place_stems", _place_stems)
    own = _own_words(entity)
    return any(
        len(w) > 3 and _title_word(w, own) and any(w[:n] in stems for n in range(4, len(w) + 1))
        for w in words
    )


# An office whose words the titles of people of more countries than this hold is one
# "many countries have": a sound-alike after it needs the country named.
MANY_COUNTRIES = 3


def _office_of_many(text: str, toks: Sequence[Token], i: int, index: NameIndex) -> bool:
    """Whether the run of capitalised words right before ``toks[i]`` ("Prime Minister",
    "Deputy Prime Minister"; "Enterprise" of "Minister for Enterprise") is in titles of
    people of more than ``MANY_COUNTRIES`` countries."""
    j = i - 1
    while j > 0 and toks[j - 1].is_title and text[toks[j - 1].end : toks[j].start] == " ":
        j -= 1
    return _held_in_many(" ".join(fold(t.text) for t in toks[j:i]), index)


def _held_in_many(run: str, index: NameIndex) -> bool:
    """Whether the office words ``run`` (folded) are in titles of people of more than
    ``MANY_COUNTRIES`` countries. Counted once per run and process."""
    memo: dict[str, bool] = index.derived("offices_of_many", lambda _: {})
    many = memo.get(run)
    if many is None:
        pattern = regex.compile(rf"(?<!\w){regex.escape(run)}(?!\w)")
        holders = (
            e
            for e in index.entities
            if e.kind == "person" and any(pattern.search(fold(t)) for t in e.titles)
        )
        many = memo[run] = countries_among(holders, index) > MANY_COUNTRIES
    return many


def _role_text(text: str, toks: Sequence[Token], i: int) -> tuple[str, set[str]]:
    """The text of the ``ROLE_WINDOW`` words before ``toks[i]`` within its sentence, and its
    words folded: where a role before a name is read."""
    role = regex.split(r"[.!?\n]", text[toks[max(0, i - ROLE_WINDOW)].start : toks[i].start])[-1]
    return role, {fold(w) for w in regex.findall(r"\p{L}+", role)}


def _role_names_place(text: str, toks: Sequence[Token], i: int, entity: Entity) -> bool:
    """Whether the role right before ``toks[i]`` names the place one of ``entity``'s titles
    is of ("California Governor": "Governor of California"), a state or city as much as a
    country: such an office has one holder at a time."""
    return _names_title_place(_role_text(text, toks, i)[1], entity)


def _names_title_place(words: set[str], entity: Entity) -> bool:
    """Whether a role's words (folded) name the place one of ``entity``'s titles is of."""
    for title in entity.titles:
        if " of " not in title:
            continue
        place = [fold(w) for w in regex.findall(r"\p{L}+", title.rsplit(" of ", 1)[1])]
        place = [w for w in place if len(w) > 3 and w != "the"]
        if place and all(any(v.startswith(w[:5]) for v in words) for w in place):
            return True
    return False


def _place_stems(index: NameIndex) -> frozenset[str]:
    """The one-word places' names (folded) cut as ``_country_named`` reads an adjective
    (``russi`` of Russia opens ``Russian``; ``slova`` of Slovakia opens ``Slovak``)."""
    places = index.derived("places_by_name", _places_by_name)
    return frozenset(n[: max(4, len(n) - 2)] for n in places if " " not in n and len(n) >= 4)


def written_elsewhere(text: str, name: str, skip: int) -> bool:
    """Whether the article writes ``name`` (a surname: ``Putin``) as a word of its own
    somewhere other than right at ``skip``: the confirmation that a title and given name
    without it (NE905, ``Russian President Vladimir told``) lost it in transit."""
    if not name:
        return False
    return any(start != skip + 1 for start in whole_word_starts(name, text))


def confirmed_fix(hit: Hit, why: str) -> Hit:
    """``hit``'s suggestion made a safe fix, because the article confirms it (``why``)."""
    from dataclasses import replace

    return replace(
        hit,
        fix=FixSafety.SAFE,
        message=f"{hit.message} ({why})",
        reason=f"{hit.reason}; confirmed by the article: {why}",
    )
