"""What the detectors know about the gazetteer's entities, indexed for fast lookup.

``NameIndex`` answers: is this token part of a known correct name (never flag it)? which
entity does this name form belong to? how much does the article's vocabulary fit an entity?
It also holds the sound key used to compare a garble with a name: transliteration turns one
sound into different letters (Ц -> ts/c/z, Ш -> sh/sch, Й -> y/i/j), so names are compared on a
consonant skeleton under every plausible reading of their ambiguous letters, not on spelling.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product
from typing import TypeVar

import regex

from cleaner.rules.entity import Entity, japanese
from cleaner.rules.lexicon import Lexicon

T = TypeVar("T")
_VOWELS = set("aeiouy")
_MAX_READINGS = 16


# Letters NFKD keeps whole, as English writes them without the mark (Sikorski's Radoslaw,
# Lokke Rasmussen, Djuric): folded the same way, or no ASCII spelling ever meets them.
_UNDECOMPOSED = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th", "ß": "ss"}
)


def fold(word: str) -> str:
    """Lower case without diacritics ("Zelenskyy" and "Zelenskij" compare as ASCII)."""
    if word.isascii():
        return word.lower()  # nothing to decompose (every detector folds every word)
    decomposed = unicodedata.normalize("NFKD", word.lower()).translate(_UNDECOMPOSED)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class Transliteration:
    """How transliteration varies one sound or spelling, from the word lists
    ``sound-graphemes`` and ``spelling-equivalents`` (rules/words/transliteration.yaml), with
    its answers memoised per word (the near-miss check asks them for every candidate)."""

    def __init__(self, lexicon: Lexicon) -> None:
        # Longest letter group first, so "shch" wins over "sh" and "tsch" over "ts".
        self.graphemes = tuple(sorted(lexicon.table("sound-graphemes"), key=lambda g: -len(g[0])))
        self.spelling = tuple(
            (a, b[0] if b else "") for a, b in lexicon.table("spelling-equivalents")
        )
        self.variants = replacements(lexicon.table("professional-variants"))
        self.sound_keys = lru_cache(maxsize=32768)(self._sound_keys)

    def _sound_keys(self, word: str) -> frozenset[str]:
        """Consonant skeletons of ``word`` under each reading of its ambiguous letters.

        Vowels drop (transliteration varies them most: Dmitry/Dmitro, Emmanuel/Emmaniel),
        doubled consonants collapse, and a word's first letter keeps its class so "Fico"
        never sounds like "Pico".
        """
        w = fold(word)
        options: list[tuple[str, ...]] = []
        i = 0
        while i < len(w):
            for graph, sounds in self.graphemes:
                if w.startswith(graph, i):
                    options.append(sounds)
                    i += len(graph)
                    break
            else:
                c = w[i]
                options.append(("",) if c in _VOWELS or not c.isalpha() else (c.upper(),))
                i += 1
        keys: set[str] = set()
        for combo in product(*options):
            skeleton = []
            for part in combo:
                for ch in part:
                    if not skeleton or skeleton[-1] != ch:
                        skeleton.append(ch)
            keys.add("".join(skeleton))
            if len(keys) >= _MAX_READINGS:
                break
        return frozenset(keys)

    def spelling_key(self, word: str) -> str:
        """The spelling with only transliteration-level differences removed (``Zelenski``
        and ``Zelenskyy`` agree; ``Grishko`` and ``Grushko``, two people, do not): vowels
        are kept, because a different vowel in the stem usually means a different name."""
        return _replaced(fold(word), self.spelling)

    def professional_key(self, word: str) -> str:
        """The spelling key with the letters established romanisations of one name also
        vary in removed first (``professional-variants``: ``Ma'ruf`` and ``Maruf``,
        ``Maxut`` and ``Maksut`` agree): two given names this keeps apart differ where no
        one romanising the name would, so a route fold that equates them read a garble."""
        w = fold(word)
        for pattern, value in self.variants:
            w = pattern.sub(value, w)
        return _replaced(w, self.spelling)

    def sound_distance(self, a: str, b: str) -> int:
        """Smallest edit distance between any sound key of ``a`` and any of ``b``."""
        from rapidfuzz.distance import Levenshtein

        keys_a, keys_b = self.sound_keys(a), self.sound_keys(b)
        return min(Levenshtein.distance(x, y) for x in keys_a for y in keys_b)


# A regular expression over a lower-case word -> what it becomes, compiled, in file order.
Replacements = tuple[tuple[regex.Pattern[str], str], ...]


@lru_cache(maxsize=16)
def replacements(table: tuple[tuple[str, tuple[str, ...]], ...]) -> Replacements:
    """A lexicon table whose keys are regular expressions (``REGEX_TABLES``), compiled once
    per table rather than per word."""
    return tuple((regex.compile(k), v[0] if v else "") for k, v in table)


def _replaced(word: str, pairs: tuple[tuple[str, str], ...]) -> str:
    """``word`` with each pair's letters replaced in order, then doubled letters written
    once."""
    for a, b in pairs:
        word = word.replace(a, b)
    return "".join(c for i, c in enumerate(word) if i == 0 or c != word[i - 1])


def spelling_similarity(a: str, b: str) -> float:
    """Jaro-Winkler similarity of the folded spellings (1.0 identical)."""
    return jaro_winkler()(fold(a), fold(b))


@lru_cache(maxsize=1)
def jaro_winkler() -> Callable[..., float]:
    """rapidfuzz's Jaro-Winkler, imported on first use (not at start-up) and then without
    an import statement per call (detectors compare tens of thousands of pairs)."""
    from rapidfuzz.distance import JaroWinkler

    return JaroWinkler.similarity  # type: ignore[no-any-return]


_WORDS = regex.compile(r"\p{L}+")


@dataclass
class NameIndex:
    """Lookup tables built once from the gazetteer's entities, and the word lists the
    detectors read (``lexicon``: data from ``rules/words/``, extendable)."""

    entities: tuple[Entity, ...]
    lexicon: Lexicon = field(default_factory=Lexicon)
    # Capitalised tokens of every correct form (canonical, accepted, short forms), lower case.
    known_tokens: set[str] = field(default_factory=set)
    # Known garbles the rule engine repairs: the detectors leave them to it.
    variant_forms: set[str] = field(default_factory=set)
    # Single-token correct forms (surnames, short forms) of length >= 4 -> entities.
    single_forms: dict[str, list[Entity]] = field(default_factory=dict)
    # Person entities by surname / short form (case-folded).
    people: dict[str, list[Entity]] = field(default_factory=dict)
    # First names of people (case-folded) -> the people who bear them.
    first_names: dict[str, list[Entity]] = field(default_factory=dict)

    # Per-detector derived tables, built on first use (``derived``).
    cache: dict[str, object] = field(default_factory=dict)
    translit: Transliteration = field(init=False)
    # The given names people bear (``rules/metadata/given-names.txt`` of the config's rule
    # folders; the shipped list for an index built without a config), read on first use.
    given_names: Container[str] = field(init=False)

    def derived(self, key: str, make: Callable[[NameIndex], T]) -> T:
        """A table a detector derives from the entities, computed once per index."""
        if key not in self.cache:
            self.cache[key] = make(self)
        return self.cache[key]  # type: ignore[return-value]

    @classmethod
    def build(cls, entities: Iterable[Entity], lexicon: Lexicon | None = None) -> NameIndex:
        """The index of ``entities``; ``lexicon``: the config's word lists (default: the
        shipped ones)."""
        if lexicon is None:
            from cleaner.config import Config
            from cleaner.rules.rulebook import load_lexicon

            lexicon = load_lexicon(Config())
        index = cls(tuple(entities), lexicon)
        index.translit = Transliteration(lexicon)
        from cleaner.metadata.lexicon import shipped_given_names

        index.given_names = shipped_given_names()  # a config's own: ``stored.name_index``
        for e in index.entities:
            forms = correct_forms(e)
            folded_out, lower_out = english_parts(e)
            for form in forms:
                index.known_tokens.update(
                    t.lower()
                    for t in _WORDS.findall(form)
                    if t[0].isupper() and t.lower() not in lower_out
                )
                parts = form.split()
                if len(parts) == 1 and len(form) >= 4 and fold(form) not in folded_out:
                    index.single_forms.setdefault(fold(form), []).append(e)
            for v in e.variants:
                index.variant_forms.add(v.lower())
            if e.kind == "person":
                for form in person_surnames(e):
                    if fold(form) not in folded_out:
                        index.people.setdefault(fold(form), []).append(e)
                family = family_name(e, index)
                if family and fold(family) not in {fold(f) for f in forms} | folded_out:
                    index.single_forms.setdefault(fold(family), []).append(e)
                first = first_name(e)
                if first and fold(first) not in folded_out:
                    index.first_names.setdefault(fold(first), []).append(e)
        return index

    def is_known(self, word: str) -> bool:
        """Whether ``word`` is (part of) a correct spelling of some entity."""
        return word.lower() in self.known_tokens


# Words the detectors read as grammar, never as a person: a name part spelt so (``He`` in
# Liu He, ``Thể`` folded) is no evidence that a person is named.
_GRAMMAR_WORDS = frozenset(
    {"a", "an", "the", "he", "she", "it", "we", "they", "i", "you", "him", "her", "his", "its",
     "me", "us", "them", "our", "their"}
)  # fmt: skip
# Zipf frequency from which a word is one of English's few thousand commonest ("see" 6.1,
# "son" 5.3, "goes" 5.2; "trump" 4.4 and "baerbock" 0 are below).
COMMON_WORD = 5.0


# A word of a place's name this common is a grammar word ("of", "the", "and"), not what
# names the place.
GRAMMAR_CUE = 6.0


@lru_cache(maxsize=4096)
def place_words(place: str) -> frozenset[str]:
    """The words of a place's name (a person's ``context``) that say which place it is, in
    lower case, its grammar words left out: ``of`` in "Republic of Ireland" would make every
    article name Ireland. NE901's cues and NE902's "the article names their country" read
    a place by these. Only a word of plain letters is asked: the word table answers those,
    and for any other (``Türkiye``, ``U.S.``) it would import wordfreq, on a command that
    otherwise never needs it."""
    from cleaner.detectors.text import zipf

    return frozenset(
        w.lower()
        for w in place.split()
        if not (w.isascii() and w.isalpha() and zipf(w) >= GRAMMAR_CUE)
    )


def english_parts(e: Entity) -> tuple[frozenset[str], frozenset[str]]:
    """The parts of a person's names that running English text writes as words, kept out of
    the words the detectors look people up by: folded (for ``people``, ``first_names`` and
    ``single_forms``) and in lower case (for ``known_tokens``).

    A newsroom gazetteer names people whose name parts are English words, and a detector
    that reads ``THE German Foreign Minister`` as Nguyễn Văn Thể (folded, ``the``) finds a
    second person in the sentence and drops the pronoun fix it had. Out are: a grammar word
    (``He`` in Liu He); a part that becomes a common English word only once its accents are
    folded away (``Thể``, ``Sơn``, ``Góes``: an English text writing ``the``/``son``/
    ``goes`` means the word); and a common word inside a name of three words or more (``See``
    in Tan See Leng), which is neither the given name nor the family name English writes
    alone. A given or family name that is an English word as written (Theresa May, Brad
    Little) stays: the name is spelt that way, and the detectors need it.

    An organisation's name words that are common English words (``World``, ``Health``,
    ``Bank``, ``We``, ``For``) are no name words either (lower case only): capitalised in
    running text they are a heading's or a stray capital's, and a detector that asks
    whether a word is a known name (MT901's stray capitals) would read them as one. The
    name itself is matched whole by the rules, which need no such word.
    """
    from cleaner.detectors.text import zipf

    if e.kind == "organisation":
        return frozenset(), frozenset(
            low
            for form in correct_forms(e)
            for low in (w.lower() for w in _WORDS.findall(form))
            if low.isascii() and low.isalpha() and zipf(low) >= COMMON_WORD
        )
    if e.kind != "person":
        return frozenset(), frozenset()

    folded: set[str] = set()
    lower: set[str] = set()
    for form in correct_forms(e):
        parts = form.split()
        for k, part in enumerate(parts):
            if not part.isalpha() or len(part) < 2:
                continue
            low, key = part.lower(), fold(part)
            if key in _GRAMMAR_WORDS:
                folded.add(key)
                lower.add(low)
            elif not key.isascii():
                continue  # no common English word; and asking wordfreq would import it
            elif key != low and zipf(key) >= COMMON_WORD:
                folded.add(key)
            elif 0 < k < len(parts) - 1 and low.isascii() and zipf(low) >= COMMON_WORD:
                lower.add(low)
    return frozenset(folded), frozenset(lower)


def homes(e: Entity, index: NameIndex) -> frozenset[str]:
    """The places a person belongs to, as the gazetteer's place entities name them: the
    places among their ``context`` words and the place a title ends in ("... of Japan");
    empty when none is known (1,291 of 2,916 imported people have no ``context``)."""
    places = index.derived("place_names", _place_names)
    tails = (t.rsplit(" of ", 1)[1].removeprefix("the ") for t in e.titles if " of " in t)
    return frozenset(places[k] for k in map(fold, (*e.context, *tails)) if k in places)


def home_words(e: Entity, index: NameIndex) -> frozenset[str]:
    """A person's ``context`` words and their ``homes``: what says which country a
    person is of, for an imported person (``context``) and a hand-written one (the place
    a title ends in) alike."""
    return frozenset((*e.context, *homes(e, index)))


def countries_among(people: Iterable[Entity], index: NameIndex) -> int:
    """How many places that do not overlap ``people`` belong to (a person of Kyiv and
    Ukraine and one of Ukraine are one; people with no known place are not counted)."""
    seen: list[frozenset[str]] = []
    for p in people:
        places = homes(p, index)
        if places and not any(places & s for s in seen):
            seen.append(places)
    return len(seen)


def _place_names(index: NameIndex) -> dict[str, str]:
    """Every name of a place entity, folded -> the place's canonical name."""
    return {fold(n): p.canonical for p in index.entities if p.kind == "place" for n in p.names}


def family_name(e: Entity, index: NameIndex) -> str | None:
    """A person's family name as articles use it alone (``Baerbock``), when it is a name to
    look for near misses of: four letters or more, and not a Chinese or Korean family name,
    which a billion people share (``Chen``, ``Kim``; such names are matched whole): one of
    a person with a Chinese or Korean native spelling, or written first by a person of a
    ``family-first-countries`` country (``Hsia Te-yu``, whom the gazetteer knows without
    one). A Japanese one is a name of its own (``Kishida``, ``Ishiba``: Japan has some
    hundred thousand family names)."""
    words = e.canonical.split()
    if e.kind != "person" or len(words) < 2:
        return None
    if not japanese(e) and romanised_whole(e, index):
        return None
    family = e.surname or words[-1]
    return family if len(family) >= 4 else None


def romanised_whole(e: Entity, index: NameIndex) -> bool:
    """A name romanised whole, family name first, in one scheme (``Ko Wen-je``, ``Kim
    Yeon-chul``): a person with a Chinese, Korean or Japanese native name, or one of a
    ``family-first-countries`` country whose family name is the first word of their name
    (how the importer reads a Chinese or Korean name no script label comes with). A part of
    such a name in another scheme (``Ko Wenzhe``) is how one name turns into another's, not
    another spelling of it, and its family name alone is a billion people's."""
    if e.kind != "person":
        return False
    if e.native and any(east_asian(c) for c in e.native):
        return True
    words = e.canonical.split()
    countries = index.lexicon.words("family-first-countries")
    return (
        len(words) >= 2 and e.surname == words[0] and any(c.lower() in countries for c in e.context)
    )


def east_asian(char: str) -> bool:
    """A CJK, Hangul or kana character."""
    import unicodedata

    return unicodedata.name(char, "").startswith(("CJK", "HANGUL", "HIRAGANA", "KATAKANA"))


def correct_forms(e: Entity) -> tuple[str, ...]:
    """Canonical, accepted and short forms: spellings that must never be flagged."""
    return (e.canonical, *e.accepted, *e.short_forms)


def first_name(e: Entity) -> str | None:
    """The person's first name: declared, else the first word of a multi-word canonical."""
    if e.first_name:
        return e.first_name
    parts = e.canonical.split()
    return parts[0] if e.kind == "person" and len(parts) >= 2 else None


def person_surnames(e: Entity) -> tuple[str, ...]:
    """Ways to refer to a person by surname: the canonical's last word and one-word forms."""
    names = {e.canonical.split()[-1]}
    names.update(f for f in (*e.accepted, *e.short_forms) if len(f.split()) == 1)
    for f in e.accepted:
        if len(f.split()) >= 2:
            names.add(f.split()[-1])
    return tuple(sorted(names))
