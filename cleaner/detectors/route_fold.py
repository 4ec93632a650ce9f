"""Names read through a Greek, Persian or Arabic source: the route fold (NE913, NE911, NE901).

A Greek source writes a foreign name in Greek letters and MT romanises it back letter by
letter: Greek has no h, sh, j, ch, b or d, so ``Moon Jae-in`` comes back ``Moun Tze-in`` and
``Shinzo Abe`` ``Sinzo Ampe``. A Persian source writes no short vowels and one letter for
o/u/w/v and one for i/e/y, so MT guesses: ``Yun Suk Yul``, ``Lorens Vong``. No source holds
these spellings per name, but the damage follows the script's letter inventory, so it is
described once, as data (``rules/words/route_fold.yaml``: ``greek-fold``, ``persian-fold``),
and a name and its renderings through the script fold to one key.

A family name alone is read only right after a role, and repaired only when the people
whose role stands there and whose family name folds so all bear one family name
(``Japanese Prime Minister Kisinta``: many people share a family name's fold; the role
names one of them). A family name as a source in Chinese characters reads it is read there
too (``Japanese Prime Minister Antian``: ``family_readings``). Otherwise a
run of two or more capitalised words is read (across a name's particles as a source spells
them: ``Soultan mpin Moament Al-Kasimi``, ``particles``), and it is repaired only under the
confirmations the other near-miss rules take:
right after the person's own role (NE913, ``South Korean President Giun Sok Giol``) or in an
article that names the person's country (NE911, as ``confirm._through_script`` reads it).
The key must name one person of the gazetteer (a key two people fold to is dropped:
``collisions``). Elsewhere it is a suggestion (NE901). A run that differs from the name only
as professionals' spellings do (``confirm._alternate``: ``Mikola Solski`` for Mykola Solsky)
is left as written, and right by the person's own role reported without a fix (NE901).
The same words elsewhere in the article take the same repair. A name written right is
closed to every NE rule before this runs (``confirm.known_name_spans``), a garble the rules
list is the rule stage's (its span is taken before the detectors run), and a run of words
that are all known names' words is a name, never read as another's garble, except right
after the person's own role when their name is romanised whole (East Asian names share
syllables: ``President of South Korea Li Je-myung`` is Lee Jae-myung through Persian, every
syllable some Korean's).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

import regex

from cleaner.detectors import Hit
from cleaner.detectors.names import (
    NameIndex,
    Replacements,
    east_asian,
    fold,
    japanese,
    replacements,
    romanised_whole,
)
from cleaner.detectors.office import office_before
from cleaner.model import FixSafety, Level
from cleaner.rules.entity import Entity
from cleaner.rules.lexicon import Lexicon
from cleaner.textview import Token

ROUTES = {"greek-fold": "Greek", "persian-fold": "Persian", "arabic-fold": "Arabic"}
# The longest name run read (words): the gazetteer's longest East Asian names have four.
MAX_WORDS = 4
# The shortest particle read inside a name (letters): ``bin``, ``de``, not Portuguese ``e``.
PARTICLE_LETTERS = 2
# The most particles in a row (``van der``).
MAX_PARTICLES = 2
# The shortest word read alone after a role as a family name through a script (letters),
# and the shortest family name it may be: "Li" and "Yi" fold to too little to tell anyone
# apart, but Greek writes Abe as "Ampe". A shorter word, down to SHORT_LETTERS, and a
# family name that short, only after a role that names the person's country.
WORD_LETTERS = 4
FAMILY_LETTERS = 3
SHORT_LETTERS = 2
# A word English writes this often or more (wordfreq Zipf) is not read through a script
# alone; below it, a word English writes at all ("Vang" 2.2, "Vong" 2.1: names of other
# peoples) only after a role that names the person's country.
RARE_WORD = 3.0
# The most keys one route spelling is read as (letters a script writes two ways).
MAX_READINGS = 8
_PARTS = regex.compile(r"[\s\-‐]+")
_POSSESSIVE = ("'s", "’s")


def _bare(word: str) -> str:
    """``word`` without a possessive ending (``Kisinta's`` -> ``Kisinta``)."""
    return word[:-2] if word.endswith(_POSSESSIVE) else word


@dataclass(frozen=True, eq=False)
class RouteFold:
    """One script's fold: its table's steps, compiled, applied to each name part in order.
    Compared and hashed by identity (``route_folds`` makes one per table): the memo of
    ``_fold_part`` keys on it, and hashing twenty patterns per word part cost more than the
    fold itself."""

    route: str
    # (pattern, what it becomes in a name, what else it may stand for in a route spelling)
    steps: tuple[tuple[regex.Pattern[str], str, tuple[str, ...]], ...]

    def part(self, part: str, opens_word: bool = True) -> str:
        """One word part folded (``Tze`` -> ``Je``): lower case, marks off, the steps, then
        doubled letters once (Greek writes no double letter). A syllable after a hyphen is
        folded after a ``-``, so a step anchored at ``^`` reads a word's start only (Greek's
        γου for an initial w: ``Min-goo`` has none) and one that looks behind for no letter
        reads a syllable's start too (Persian's written initial vowel, ``Jae-in``)."""
        return _fold_part(self, part if opens_word else "-" + part)

    def key(self, name: str, parts: int = 0) -> str:
        """The key of a name: its parts (split at spaces and hyphens) folded and joined, so
        ``Mun Jae In`` and ``Moon Jae-in`` meet whatever the word breaks; ``parts``: only
        that many first parts (0: all)."""
        folded = (
            self.part(p, n == 0)
            for word in name.split()
            for n, p in enumerate(_PARTS.split(word))
            if p
        )
        return "".join(islice(folded, parts or None))

    def readings(self, part: str, opens_word: bool = True) -> tuple[str, ...]:
        """Every fold of a part of a route spelling: a step with more than one value reads
        its letters either way (Greek ``ch`` is τσ for an English ch or χ for an h: ``Chan``
        may be Han), the name's own value first."""
        return _readings(self, part if opens_word else "-" + part)

    def keys(self, name: str, parts: int = 0) -> tuple[str, ...]:
        """The keys a route spelling may stand for (``readings`` of each part, at most
        ``MAX_READINGS``), the plain ``key`` first."""
        per_part = [
            self.readings(p, n == 0)
            for word in name.split()
            for n, p in enumerate(_PARTS.split(word))
            if p
        ]
        out = [""]
        for options in per_part[: parts or None]:
            out = [k + o for k in out for o in options][:MAX_READINGS]
        return tuple(dict.fromkeys(out))


@lru_cache(maxsize=1 << 14)
def _fold_part(fold_: RouteFold, part: str) -> str:
    return _readings(fold_, part)[0]


@lru_cache(maxsize=1 << 14)
def _readings(fold_: RouteFold, part: str) -> tuple[str, ...]:
    words = [fold(part).replace("'", "").replace("’", "")]
    for pattern, value, others in fold_.steps:
        if others and any(pattern.search(w) for w in words):
            words = [pattern.sub(v, w) for w in words for v in (value, *others)]
        else:
            words = [pattern.sub(value, w) for w in words]
    return tuple(dict.fromkeys(regex.sub(r"(.)\1+", r"\1", w).lstrip("-") for w in words))


def route_folds(lexicon: Lexicon) -> tuple[RouteFold, ...]:
    """The folds the lexicon's tables describe (a table a newsroom empties folds nothing)."""
    return _compiled(tuple((name, lexicon.table(name)) for name in ROUTES))


@lru_cache(maxsize=8)
def _compiled(
    tables: tuple[tuple[str, tuple[tuple[str, tuple[str, ...]], ...]], ...],
) -> tuple[RouteFold, ...]:
    return tuple(
        RouteFold(
            name,
            tuple((regex.compile(k), v[0] if v else "", tuple(v[1:])) for k, v in table),
        )
        for name, table in tables
        if table
    )


def _own_spellings(e: Entity, sounds: Sounds = ()) -> tuple[tuple[str, str], ...]:
    """A person's own full names of two or more words (canonical, accepted: ``Kishida
    Fumio`` for a Japanese name in Japan's order), each the repair of what folds as it, and
    a pinyin name as it sounds (``heard``: ``Shi Jinping``, ``Shi Jin Ping``, repaired to Xi
    Jinping), as (spelling, repair). Not the other routes' generated garbles (``Yin
    Xiyue``): a Greek or Persian source writes the name, not another script's reading of
    it, and folding those met other people's names (11 Greek, 86 Persian keys shared,
    against 3 and 18 from the own names)."""
    own = [(n, n) for n in dict.fromkeys((e.canonical, *e.accepted)) if len(n.split()) >= 2]
    own += [(s, e.canonical) for s in heard(e, sounds) if len(s.split()) >= 2]
    return tuple(own)


# A pinyin syllable's start -> how a script that writes by sound spells it (compiled).
Sounds = Replacements


def pinyin_sounds(lexicon: Lexicon) -> Sounds:
    """The lexicon's ``pinyin-sounds``, compiled (empty: pinyin names are folded as spelt)."""
    return replacements(lexicon.table("pinyin-sounds"))


def heard(e: Entity, sounds: Sounds) -> tuple[str, ...]:
    """A Chinese person's pinyin name as a script that writes foreign names by sound spells
    it: each syllable's initial through ``sounds`` (``Xi Jinping`` -> ``Shi Jinping``;
    Persian and Arabic write شی, Greek Σι), and each syllable a word, as Arabic and Persian
    write it (``Shi Jin Ping``). Nothing when the canonical name is not the pinyin of the
    person's name in characters, syllable for syllable in the same order (``Lai Ching-te``,
    ``Lee Hsien Loong``, a Japanese or Korean name: those are spelt as they sound already,
    or read otherwise), and no spelling equal to the name's own."""
    if not sounds or e.kind != "person" or not e.native:
        return ()
    chars = e.native.replace(" ", "")
    if not chars or not all(east_asian(c) for c in chars):
        return ()
    syllables = _pinyin(chars)
    words: list[list[str]] = []
    n = 0
    for word in e.canonical.split():
        letters, spelt = fold(word), ""
        parts: list[str] = []
        while n < len(syllables) and len(spelt) < len(letters):
            spelt += syllables[n]
            parts.append(_sound(syllables[n], sounds))
            n += 1
        if spelt != letters:
            return ()
        words.append(parts)
    if n != len(syllables):
        return ()
    joined = " ".join("".join(p).capitalize() for p in words)
    spaced = " ".join(s.capitalize() for p in words for s in p)
    own = fold(e.canonical)
    return tuple(s for s in dict.fromkeys((joined, spaced)) if fold(s) != own)


@lru_cache(maxsize=4096)
def _pinyin(chars: str) -> tuple[str, ...]:
    import pypinyin

    return tuple(s.lower() for s in pypinyin.lazy_pinyin(chars))


def _sound(syllable: str, sounds: Sounds) -> str:
    """One pinyin syllable with its initial spelt by sound (the first entry that matches)."""
    for pattern, value in sounds:
        if pattern.match(syllable):
            return pattern.sub(value, syllable, count=1)
    return syllable


Table = dict[str, dict[str, tuple[Entity, str] | None]]


def fold_table(index: NameIndex) -> Table:
    """Per route, each key some person's full name folds to -> (person, the spelling it is
    repaired to); None for a key two people fold to (``collisions`` counts them): a fold
    that cannot tell two people apart names neither, and a run that folds so through one
    route is repaired through no other."""
    return _table(index.entities, route_folds(index.lexicon), pinyin_sounds(index.lexicon))[0]


def sharers(index: NameIndex) -> dict[str, dict[str, tuple[tuple[Entity, str], ...]]]:
    """Per route, the people (and the spelling each is repaired to) of each key two or more
    fold to, the keys ``fold_table`` names no one by: read only when such a key follows a
    role, which may be one of theirs alone."""
    sounds = pinyin_sounds(index.lexicon)
    table = index.derived("route_fold", fold_table)
    out: dict[str, dict[str, tuple[tuple[Entity, str], ...]]] = {}
    for f in route_folds(index.lexicon):
        shared = {k for k, v in table[f.route].items() if v is None}
        people: dict[str, dict[str, tuple[Entity, str]]] = {}
        for e in index.entities:
            if e.kind != "person":
                continue
            for name, target in _own_spellings(e, sounds):
                k = f.key(name)
                if k in shared:
                    people.setdefault(k, {}).setdefault(e.id, (e, target))
        out[f.route] = {k: tuple(v.values()) for k, v in people.items()}
    return out


def collisions(index: NameIndex) -> dict[str, int]:
    """Per route, how many keys two or more people fold to (dropped from ``fold_table``)."""
    return _table(index.entities, route_folds(index.lexicon), pinyin_sounds(index.lexicon))[1]


def _table(
    entities: Iterable[Entity], folds: Sequence[RouteFold], sounds: Sounds = ()
) -> tuple[Table, dict[str, int]]:
    out: Table = {}
    dropped: dict[str, int] = {}
    people = [e for e in entities if e.kind == "person"]
    spellings = [(e, _own_spellings(e, sounds)) for e in people]
    for f in folds:
        table: dict[str, tuple[Entity, str]] = {}
        shared: set[str] = set()
        for e, own in spellings:
            for name, target in own:
                k = f.key(name)
                if len(k) < 4:
                    continue  # too little left to name anyone ("Li Yi")
                had = table.get(k)
                if had is None:
                    table[k] = (e, target)
                elif had[0].id != e.id:
                    shared.add(k)
        out[f.route] = {k: (None if k in shared else v) for k, v in table.items()}
        dropped[f.route] = len(shared)
    return out, dropped


def heads(index: NameIndex) -> dict[str, frozenset[str]]:
    """Per route, the key of the first two parts of every name in ``fold_table`` (every
    such name has two words or more): a run whose first two parts fold to none of them is
    no one's name through that route, and is passed over without folding the rest (the
    common case: "Prime Minister", "John Smith")."""
    out: dict[str, frozenset[str]] = {}
    sounds = pinyin_sounds(index.lexicon)
    spellings = [
        name for e in index.entities if e.kind == "person" for name, _ in _own_spellings(e, sounds)
    ]
    for f in route_folds(index.lexicon):
        table = index.derived("route_fold", fold_table)[f.route]
        out[f.route] = frozenset(f.key(n, 2) for n in spellings if table.get(f.key(n)) is not None)
    return out


@dataclass(frozen=True)
class _Run:
    """A candidate name: token ``i`` (its first) to ``end`` (characters), and its text."""

    i: int
    end: int
    text: str


def particles(index: NameIndex) -> dict[str, frozenset[str]]:
    """Per route, the folds of the lower-case words that people's names hold between their
    capitalised ones (``bin``, ``bint``, ``de``, ``van``), English's function words aside
    (``of``, ``the``): a source spells them too (Greek ``mpin`` for bin, ``nte`` for de),
    so a run of a name's words reads across them (``Saount mpin Sakr al Kasimi``)."""
    from cleaner.boilerplate.blocks import stopwords

    stop = stopwords()
    words = {
        w
        for e in index.entities
        if e.kind == "person"
        for w in e.canonical.split()
        if len(w) >= PARTICLE_LETTERS and w.isalpha() and w.islower() and w not in stop
    }
    return {f.route: frozenset(f.part(w) for w in words) for f in route_folds(index.lexicon)}


def _joined(gap: str, joins: Callable[[str], bool]) -> bool:
    """Whether ``gap``, the text between two capitalised words, keeps them in one run: a
    space, or lower-case words that ``joins`` reads as a name's particles (``van nter``)."""
    if gap == " ":
        return True
    if not gap[:1] == " " == gap[-1:]:
        return False
    # Split no further than a run of particles may go: the gap between two capitalised
    # words is often a paragraph, and every capitalised word of the article asks this.
    words = gap[1:-1].split(" ", MAX_PARTICLES)
    return len(words) <= MAX_PARTICLES and all(
        w.isalpha() and w.islower() and joins(w) for w in words
    )


def _runs(
    text: str,
    toks: Sequence[Token],
    titled: Sequence[int],
    joins: Callable[[str], bool] = lambda _: False,
) -> list[list[tuple[int, int]]]:
    """Maximal runs of two or more capitalised words (a hyphen joins a lower-case syllable
    to its word, ``Tze-in``; ``joins`` says which lower-case word between two capitalised
    ones is a name's particle, ``mpin``), each as its capitalised words' (first token, end)."""
    runs: list[list[tuple[int, int]]] = []
    last_end = -1
    for i in titled:
        tok = toks[i]
        if tok.start < last_end:
            continue  # a syllable already taken into the word before
        end, j = tok.end, i + 1
        while j < len(toks) and text[end : toks[j].start] == "-" and toks[j].text.isalpha():
            end, j = toks[j].end, j + 1
        if runs and runs[-1][-1][1] == last_end and _joined(text[last_end : tok.start], joins):
            runs[-1].append((i, end))
        else:
            runs.append([(i, end)])
        last_end = end
    return [words for words in runs if len(words) >= 2]


def _candidates(
    text: str,
    toks: Sequence[Token],
    words: list[tuple[int, int]],
    ends_role: Callable[[Token], bool],
) -> Iterator[tuple[_Run, bool]]:
    """The suffixes of two to ``MAX_WORDS`` words of one run, longest first, that may be a
    name: from the run's first word, or from one right after a word that ``ends_role``
    (then ``True``: "South Korean President Giun Sok Giol"); the end without a
    possessive."""
    end = words[-1][1]
    if text.endswith(_POSSESSIVE, 0, end):
        end -= 2
    for n in range(max(0, len(words) - MAX_WORDS), len(words) - 1):
        i = words[n][0]
        if n and not ends_role(toks[i - 1]):
            continue
        yield _Run(i, end, text[toks[i].start : end]), n > 0


def detect(
    text: str,
    toks: Sequence[Token],
    titled: Sequence[int],
    index: NameIndex,
    taken: list[tuple[int, int]],
    in_full: frozenset[str] = frozenset(),
) -> list[Hit]:
    """NE913 / NE911 repairs of names read through Greek, Persian or Arabic (NE901
    unconfirmed); ``in_full``: the people the article names in full, right."""
    from cleaner.detectors import confirm

    folds = route_folds(index.lexicon)
    if not folds:
        return []
    table: Table | None = None
    firsts: dict[str, frozenset[str]] = {}  # per route, the names' first two parts' keys
    starts = index.derived("title_word_starts", confirm._title_word_starts)
    hits: list[Hit] = []

    def opens(i: int) -> bool:
        """The first two parts from token ``i`` (a word, then a word or the syllable after
        its hyphen) fold as some name's first two parts (``key(name, 2)``) through some
        route: each part's fold is remembered, so this costs two look-ups a route."""
        second = toks[i + 1]
        opens_word = text[toks[i].end : second.start] != "-"
        word = _bare(second.text)
        return any(
            a + b in firsts[f.route]
            for f in folds
            for a in f.readings(toks[i].text)
            for b in f.readings(word, opens_word)
        )

    def ends_role(tok: Token) -> bool:
        return confirm._may_end_role(tok, starts)

    def joins(word: str) -> bool:
        kept = index.derived("route_fold_particles", particles)
        return any(r in kept[f.route] for f in folds for r in f.readings(word))

    hits.extend(_family_after_role(text, toks, titled, index, taken, ends_role))
    for words in _runs(text, toks, titled, joins):
        if table is None:  # the tables, once a run is read (most articles have one)
            table = index.derived("route_fold", fold_table)
            firsts = index.derived("route_fold_heads", heads)
        for cand, after_role in _candidates(text, toks, words, ends_role):
            if not opens(cand.i):
                continue  # no name opens so through any route (most runs)
            start = toks[cand.i].start
            if any(s < cand.end and start < e for s, e in taken):
                continue
            known = all(index.is_known(p) for p in _PARTS.split(cand.text) if p)
            # A role may stand after the run, in apposition (``confirm.role_after``).
            appositive = text.startswith(", ", cand.end)
            if known and not after_role and not appositive:
                continue  # every word some known name's own: a name, not a garble
            keyed = [
                (f.route, k, table[f.route].get(k, ())) for f in folds for k in f.keys(cand.text)
            ]
            found: dict[str, tuple[Entity, str, tuple[str, ...]]] = {}
            for route, _, v in keyed:
                if v:  # every route that reads it so is named in the message
                    _read_by(found, v[0], v[1], route)
            shared = [(route, k) for route, k, v in keyed if v is None]
            if shared or len(found) != 1:
                # Two people fold so: neither is named, unless the role right before the
                # run is one of theirs alone (``President of South Korea Li Je-myung``:
                # through Arabic also Li Jiming's, who holds no such office).
                if not after_role and not appositive:
                    continue
                if shared:
                    people = index.derived("route_fold_sharers", sharers)
                    for route, k in shared:
                        for e, t in people[route].get(k, ()):
                            _read_by(found, e, t, route)
                found = {
                    i: v
                    for i, v in found.items()
                    if (after_role and confirm._role_adjacent(text, toks, cand.i, v[0], index))
                    or (appositive and confirm.role_after(text, cand.end, v[0], index))
                }
                if len(found) != 1:
                    continue
            e, target, routes = next(iter(found.values()))
            own_role = after_role and confirm._role_adjacent(text, toks, cand.i, e, index)
            # Or their role in apposition right after it (``Shi Jinping, the Chinese
            # President, said``): as sure as the role before it.
            role = (
                confirm.role_after(text, cand.end, e, index) if appositive and not own_role else ""
            )
            if known and not ((own_role or role) and romanised_whole(e, index)):
                continue  # known words are a name unless the person's own role says whose
            # The person's one-word office alone (``President Shi Jinping``) confirms a
            # run whose key is theirs alone (a key two people share was settled above by
            # a whole role or not at all) and not all of known words (just above).
            office = (
                ""
                if own_role or role or not after_role
                else office_before(text, toks[cand.i].start, e, index.lexicon)
            )
            if fold(cand.text).replace("-", " ") == fold(target).replace("-", " "):
                break  # the name itself, hyphens aside
            if _another_spelling(cand.text, target, e, index, own_role or bool(office or role)):
                # "Prayuth Chan-o-cha", "Josep Borell": left as written, and said so where
                # the person's own role or office stands by it and a given name is respelt
                # (NE901 reports a family name respelt after the exact given name).
                if (own_role or office or role) and _given_respelt(cand.text, target):
                    hits.append(_spelt_otherwise(toks, cand, e, target, routes))
                    taken.append((hits[-1].start, hits[-1].end))
                break
            hit = _judge(
                text,
                toks,
                cand,
                e,
                target,
                routes,
                index,
                after_role,
                own_role,
                in_full,
                office,
                role,
            )
            hits.extend(_everywhere(text, hit, e, taken))
            break
    return hits


def family_table(index: NameIndex) -> dict[str, dict[str, tuple[tuple[Entity, str], ...]]]:
    """Per route, each key a titled person's family name folds to -> every such person
    with that family name (``Ampe``'s key: Abe): one word names no one by itself (many
    Kims, many Abes), so all are kept and the role before the word decides."""
    out: dict[str, dict[str, tuple[tuple[Entity, str], ...]]] = {}
    for f in route_folds(index.lexicon):
        table: dict[str, list[tuple[Entity, str]]] = {}
        for e in index.entities:
            if e.kind != "person" or not e.titles or len(e.canonical.split()) < 2:
                continue
            family = e.surname or e.canonical.split()[-1]
            if len(family) >= SHORT_LETTERS:
                table.setdefault(f.key(family), []).append((e, family))
        out[f.route] = {k: tuple(v) for k, v in table.items()}
    return out


# The lower-case first syllable of a hyphenated family name ("al-Sabah", "el-Sisi").
_PARTICLE_LETTERS = 3


def _family_words(
    text: str, toks: Sequence[Token], titled: Sequence[int]
) -> Iterator[tuple[int, int]]:
    """Each word NE913 may read as a family name, as its (first, last) tokens: a capitalised
    word (``Kisinta``), or a family name of syllables joined by hyphens (``Panir-Runacher``
    for Pannier-Runacher through Persian, ``Al-Tzalouai``, ``al-Sampa``, ``Tsan-o-tsa``):
    each syllable a capitalised or lower-case word, the first capitalised or a short
    particle (``al``). One the text runs on from with a capital (``Moon Jae-in``) is not."""
    seen = -1
    for i in titled:
        first = i
        if i >= 2 and text[toks[i - 1].end : toks[i].start] == "-":
            first = i - 1  # "al-Sampa": a lower-case particle opens it
            particle = toks[first].text
            if text[toks[first - 1].end : toks[first].start] == "-":
                continue  # inside a longer word
            if not (particle.isalpha() and particle.islower()):
                continue
            if len(particle) > _PARTICLE_LETTERS:
                continue
        if first <= seen:
            continue
        last = i
        while (
            last + 1 < len(toks)
            and text[toks[last].end : toks[last + 1].start] == "-"
            and _bare(toks[last + 1].text).isalpha()
        ):
            last += 1
        seen = last
        parts = [t.text for t in toks[first : last + 1]]
        # each syllable Title or lower case ("Chan-o-cha"), the last maybe possessive
        tail = _bare(parts[-1])
        if tail and all(p[1:].islower() or p.islower() for p in (*parts[:-1], tail)):
            yield first, last


def _read_as_another(word: str, e: Entity, family: str, index: NameIndex) -> bool:
    """Whether ``word`` is how a source in characters reads the family name of another
    person of ``e``'s country (``Liu``: 柳 or 劉, Korean Yoo, Yu and Rhyu, where the Persian
    fold of three letters, which writes no vowel apart, leads to Lee): the article may be
    about one of them, so a short word is not made ``e``'s."""
    from cleaner.detectors import family_readings
    from cleaner.detectors.names import home_words

    home = home_words(e, index)
    return any(
        fold(f) != fold(family) and home_words(p, index) & home
        for p, f, _ in family_readings.after_role(word, index)
    )


def _particle_as_written(word: str, family: str) -> str:
    """``family`` with its first syllable in the case ``word`` writes it, when that syllable
    is the same (``al-Sampa`` -> ``al-Sabah``: newsrooms write the particle either way, and
    the repair is of the letters the route changed, not of a house style)."""
    head, sep, rest = family.partition("-")
    if sep and word[:1].islower() and fold(word.partition("-")[0]) == fold(head):
        return word.partition("-")[0] + sep + rest
    return family


def _family_after_role(
    text: str,
    toks: Sequence[Token],
    titled: Sequence[int],
    index: NameIndex,
    taken: list[tuple[int, int]],
    ends_role: Callable[[Token], bool],
) -> list[Hit]:
    """NE913: a family name alone right after the person's role, read through a script: a
    capitalised word (no run of them) that is no common English word, and either folds
    through Greek or Persian as the family name of exactly one person whose role stands
    right before it (``Japanese Prime Minister Kisinta``, ``Ampe``: a word no name spells
    and English does not write; or one English writes rarely, ``Vang``, after a role that
    names the person's country, when no reading below is a holder's), or is how a source
    in Chinese characters reads such a person's family name (``Antian``, ``Cai``:
    ``family_readings.after_role``). Many people share a family name's fold or reading;
    the role is what names one of them, so nothing is said without it. The role may
    instead follow the word in apposition (``Kisinta, the Japanese Prime Minister,``;
    ``confirm.RoleAt``): the same questions are asked of it."""
    from cleaner.detectors import confirm, family_readings
    from cleaner.detectors.names import COMMON_WORD
    from cleaner.detectors.text import zipf
    from cleaner.rules.translit import pinyin_syllables

    hits: list[Hit] = []
    table: dict[str, dict[str, tuple[tuple[Entity, str], ...]]] | None = None
    for i, last in _family_words(text, toks, titled):
        tok = toks[i]
        written = text[tok.start : toks[last].end]
        word = _bare(written)
        nxt = toks[last + 1] if last + 1 < len(toks) else None
        if (
            len(word) < 2
            # a run of names goes on ("Ciu I-jen": a capital alone is a word of it too)
            or (nxt and nxt.text[:1].isupper() and text[toks[last].end : nxt.start] == " ")
            or any(s < tok.start + len(word) and tok.start < e for s, e in taken)
        ):
            continue
        if (
            i > 0
            and text[toks[i - 1].end : tok.start] in (" ", ", ")
            and toks[i - 1].is_title  # a role written as one: "the first Thai royal" is none
            and ends_role(toks[i - 1])
        ):
            after = False
        elif (
            word == written
            and text.startswith(", ", toks[last].end)
            and not confirm.after_capitalised(text, toks, i)
            and confirm.may_be_role_after(text, toks[last].end, index)
        ):
            after = True  # the role may follow, in apposition: "Kisinta, the Japanese PM,"
        else:
            continue
        frequency = zipf(word)
        if frequency >= COMMON_WORD:
            continue
        role = confirm.RoleAt(text, toks, i, toks[last].end, after, index)
        # A reading is a short, common syllable: the role must name the person's country
        # too ("Minister of Defence Giang" is no Japanese minister's, 江 read in Vietnamese).
        # Two pinyin syllables run together are a family name of two characters (a
        # Japanese one: "Minister of Finance Lingmu", 鈴木 Suzuki), no common syllable:
        # the person's own role and their country anywhere in the article confirm it.
        readings = [
            (e, family, source)
            for e, family, source in family_readings.after_role(word, index)
            if role.own(e)
            and (
                role.names_country(e)
                or (
                    source == family_readings.CHARACTERS
                    and confirm._country_written(e, text)
                    and pinyin_syllables(word) >= 2  # last: its table costs 0.4 s to build
                )
            )
        ]
        namesakes = index.people.get(fold(word), ())
        # A word too short to fold to one name alone (Persian "Vu" for Wu, Greek "Tso" for
        # Cho) that no source in characters reads: the role must name the person's country
        # and the word be no family name of their own people (below).
        short = SHORT_LETTERS <= len(word) < WORD_LETTERS and not readings
        owned = (bool(readings) or short) and any(role.own(p) for p in namesakes)
        if owned:
            readings = []  # a holder of the role bears the word as their name: it is theirs
            short = False
        # A word no name spells and English does not write: its Greek or Persian fold. So is
        # one English writes rarely (a name: Persian writes Wang's w as v, `Vang`, a Hmong
        # family name) when the role names the person's country too and no source in
        # characters reads it as a holder's (`Prime Minister of Singapore Hoang` is Wong's
        # 黄 in Vietnamese; its Persian fold is Heng's as well, and the two named neither).
        folds = (
            len(word) >= WORD_LETTERS
            and not index.is_known(word)
            and (frequency == 0 or (frequency < RARE_WORD and not readings and not owned))
        )
        people: dict[str, tuple[Entity, str, str]] = {}
        if folds or short:
            if table is None:
                table = index.derived("route_fold_families", family_table)
            people = {
                e.id: (e, family, "a Greek, Persian or Arabic source")
                for f in route_folds(index.lexicon)
                for k in f.keys(word)
                for e, family in table[f.route].get(k, ())
                if (
                    family_readings.foreign_reading(word, e, index)
                    if short
                    else len(family) >= FAMILY_LETTERS
                )
            }
        role_names = role.own if frequency == 0 and not short else role.own_with_country
        holders = [held for held in people.values() if role_names(held[0])]
        holders += [r for r in readings if r[0].id not in people]
        # Holders who all bear one family name name it, whichever of them is meant
        # ("South Korean President Li": Lee Jae-myung, Lee Myung-bak); none is the antecedent.
        if len({h[1] for h in holders}) != 1 or fold(holders[0][1]) == fold(word):
            continue
        if short and _read_as_another(word, holders[0][0], holders[0][1], index):
            continue
        e, family, source = holders[0]
        family = _particle_as_written(word, family)
        who = ", ".join(f"{h[0].id}, {h[0].canonical}" for h in holders[:3])
        where = (
            "with the person's own role after it" if after else "right after the person's own role"
        )
        hit = Hit(
            tok.start,
            tok.start + len(word),
            confirm.ROLE_RULE,
            Level.WARNING,
            f"'{word}' is '{family}' ({who}) read through {source}, {where}",
            (family,),
            FixSafety.SAFE,
            f"near-miss name confirmed by the article: the family name read through {source}, "
            + where,
            e.id if len(holders) == 1 else "",
        )
        if folds:
            hits.extend(_everywhere(text, hit, e, taken))
        else:  # a short or known word ("Li", "Cai"): only where the role names its person
            taken.append((hit.start, hit.end))
            hits.append(hit)
    return hits


def _judge(
    text: str,
    toks: Sequence[Token],
    cand: _Run,
    e: Entity,
    target: str,
    routes: tuple[str, ...],
    index: NameIndex,
    after_role: bool,
    own_role: bool,
    in_full: frozenset[str] = frozenset(),
    office: str = "",
    role: str = "",
) -> Hit:
    """The hit for a run whose key is ``e``'s: NE913 after their role (``own_role``: the
    run starts after a role, ``after_role``, that is the person's; ``office``: their
    one-word office alone, ``office.office_before``; ``role``: their role in apposition
    right after the run, ``confirm.role_after``), NE911 in an article naming their country
    or naming them in full (``in_full``), else NE901's suggestion."""
    from cleaner.detectors import confirm

    script = _scripts(routes)
    if own_role:
        rule, why = confirm.ROLE_RULE, "right after the person's own role"
    elif office:
        rule, why = confirm.ROLE_RULE, f"right after the person's own office ({office})"
    elif role:
        rule, why = confirm.ROLE_RULE, f"with the person's own role right after it ('{role}')"
    elif (
        not after_role
        and confirm._country_written(e, text)
        and not _own_family_kept(cand.text, e, target, index)
        and _unwritten(cand.text, target)
    ):
        rule, why = confirm.FULL_RULE, "in an article that names the person's country"
    elif not after_role and e.id in in_full:
        # The article writes the name right elsewhere (``Xi Jinping ... Shi Jinping``): the
        # issue's "correct form elsewhere", as NE911 reads it for a name lined up word for
        # word. Neither a changed word English writes (``Shi``) nor a word kept as the
        # person writes it (``Jinping``) is a bar, as it is where only the country
        # confirms: the name written right in the article says whose it is, as the role
        # does. (A name right in the article is closed to every rewrite, so a namesake the
        # gazetteer holds is never read as this person.)
        rule, why = confirm.FULL_RULE, "in an article that names the person in full"
    else:
        return Hit(
            toks[cand.i].start,
            cand.end,
            confirm.NEAR_RULE,
            Level.WARNING,
            f"'{cand.text}' may be '{target}' ({e.canonical}) read through {script}",
            (target,),
            FixSafety.UNSAFE,
            f"near-miss name: the spelling folds as {e.canonical}'s through {_a(script)} source",
            e.id,
        )
    return Hit(
        toks[cand.i].start,
        cand.end,
        rule,
        Level.WARNING,
        f"'{cand.text}' is '{target}' ({e.id}) read through {script}, {why}",
        (target,),
        FixSafety.SAFE,
        "near-miss name confirmed by the article: the name read through "
        f"{_a(script)} source, {why}",
        e.id,
    )


def _given_respelt(written: str, target: str) -> bool:
    """Whether a word before the last of ``written`` is spelt otherwise than ``target``'s
    (the two lined up word for word)."""
    pairs = list(zip(written.split(), target.split(), strict=True))[:-1]
    return any(fold(w) != fold(o) for w, o in pairs)


def _spelt_otherwise(
    toks: Sequence[Token], cand: _Run, e: Entity, target: str, routes: tuple[str, ...]
) -> Hit:
    """A finding, with no fix, for a run that folds as ``e``'s name right by their own role
    but differs from ``target`` only as professionals' spellings do (``Mikola Solski``
    after the Ukrainian agriculture minister's role): a reader may want the house spelling;
    applying it would rewrite a name as its bearer may write it."""
    from cleaner.detectors import confirm

    script = _scripts(routes)
    return Hit(
        toks[cand.i].start,
        cand.end,
        confirm.NEAR_RULE,
        Level.WARNING,
        f"'{cand.text}' may be another spelling of '{target}' ({e.id}), as read through "
        f"{_a(script)} source, right by the person's own role (left as written)",
        (),
        FixSafety.NONE,
        f"near-miss name: the person's name in another spelling, as read through {_a(script)} "
        "source, right by their role",
        e.id,
    )


def _scripts(routes: tuple[str, ...]) -> str:
    """The scripts ``routes`` read through, for a message: ``Greek, Persian or Arabic``."""
    names = [ROUTES[r] for r in routes]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def _read_by(
    found: dict[str, tuple[Entity, str, tuple[str, ...]]], e: Entity, target: str, route: str
) -> None:
    """Note that ``route`` reads a run as ``e``'s name (``target``), beside any other route
    that does (the message names each)."""
    had = found.get(e.id)
    if had is None:
        found[e.id] = (e, target, (route,))
    elif route not in had[2]:
        found[e.id] = (had[0], had[1], (*had[2], route))


def _a(script: str) -> str:
    """``script`` with its indefinite article (``a Greek``, ``an Arabic``)."""
    return f"an {script}" if script[:1] in "AEIOU" else f"a {script}"


def _another_spelling(
    written: str, target: str, e: Entity, index: NameIndex, own_role: bool = False
) -> bool:
    """Whether ``written`` lines up word for word with ``target`` and every word that
    differs is another spelling of that word as NE911 reads one (``confirm._alternate``: a
    given name respelt, ``Prayuth``, ``Mansur``, ``Nicos``, or a transliteration-level
    difference): the folds equate such spellings too (``th``/``t``, ``ou``/``u``, ``c``/``k``),
    and professionals write them. An East Asian name is romanised whole, so none is. Nor is
    a word English never writes and no name spells (``_no_ones``): for a name written in
    the Latin alphabet at home (``confirm._latin_written``) any such word (``Tzavier`` for
    Javier through Greek), and right after the person's own role or office (``own_role``)
    such a given name where the given-name list holds the person's own and not the written one
    (``Vlantimir`` for Vladimir, ``Abdulvahab`` for Abdulwahab): the list knows the names
    of that language, so a spelling it lacks is nobody's; and, right by the role, such a
    given name that differs from the person's in letters no established romanisation varies
    (``Transliteration.professional_key``: ``Ntemeke`` for Demeke through Greek), where the
    list lacks both: only the route's letters equate the two. A spelling those letters
    explain (``Prayuth`` for Prayut, ``Mamadu`` for Mamadou) is the person's, left as
    written. Without the role a common family name leaves two people apart only by the
    given name (``Nansi Pelosi`` after ``Iranian official``)."""
    from cleaner.detectors import confirm

    words, own = written.split(), target.split()
    if len(words) != len(own):
        return False
    latin = confirm._latin_written(e, index)
    family = fold(e.surname or own[-1])

    def garbled(w: str, o: str) -> bool:
        if not _no_ones(w, index):
            return False
        if latin:
            return True
        return (
            own_role
            and fold(o) != family
            and not _a_given_name(w, index)
            and (
                _a_given_name(o, index)
                or index.translit.professional_key(w) != index.translit.professional_key(o)
            )
        )

    return all(
        fold(w) == fold(o) or (confirm._alternate(w, o, e, index) and not garbled(w, o))
        for w, o in zip(words, own, strict=True)
    )


def _a_given_name(word: str, index: NameIndex) -> bool:
    """Whether the given-name list holds ``word``, as written or without its accents."""
    word = _bare(word)
    return word.lower() in index.given_names or fold(word) in index.given_names


def _no_ones(word: str, index: NameIndex) -> bool:
    """A word English never writes (wordfreq) and no gazetteer name spells."""
    from cleaner.detectors.text import zipf

    return zipf(word) == 0 and not index.is_known(word)


def _unwritten(written: str, target: str) -> bool:
    """No word of ``written`` that the repair changes is one English text writes
    (wordfreq), as NE911 asks of a sound-alike the country alone confirms: ``John Cornyn``,
    a senator, folds through Persian as John Carney of Delaware; ``Sinzo Ampe`` is nobody's
    name. (Most Persian readings are such words, ``Mun``, ``Yun``: they need the role.)"""
    from cleaner.detectors.text import zipf

    own = {fold(w) for w in _PARTS.split(target) if w}
    return all(zipf(w) == 0 for w in _PARTS.split(written) if w and fold(w) not in own)


def _own_family_kept(written: str, e: Entity, target: str, index: NameIndex) -> bool:
    """A Chinese or Korean name whose family name is written exactly as the person's own
    (``Tsai Ingk-ouen``): with no role before it, the other words may be someone else's
    given name (``Kim Jong-sik`` is no Kim Jong-un), so only the role confirms it."""
    if not romanised_whole(e, index) or japanese(e):
        return False
    words, own = written.split(), target.split()
    return fold(words[0]) == fold(own[0]) or fold(words[-1]) == fold(own[-1])


def _everywhere(text: str, hit: Hit, e: Entity, taken: list[tuple[int, int]]) -> list[Hit]:
    """``hit`` and, for a repair, the same words elsewhere in the article (not inside a
    longer run of capitalised words: ``his brother Giun Sok Giol Park`` is someone else)."""
    from dataclasses import replace

    from cleaner.detectors import confirm

    old = text[hit.start : hit.end]
    if hit.fix is not FixSafety.SAFE:
        taken.append((hit.start, hit.end))
        return [hit]
    return [
        replace(hit, start=a, end=b) for a, b in confirm.same_words(text, old, hit.start, e, taken)
    ]


def merge(hits: list[Hit], found: list[Hit], text: str) -> list[Hit]:
    """``hits`` with the route's ``found`` ones: a repair the route confirms replaces the
    unconfirmed full-name suggestion (NE901) on the same words, and NE911's repair of some
    words of the same person's name when it repairs more of them (``Ibrahim Hasan Ali
    Al-Havaj``: NE911 lines up ``Ali Al-Havaj`` and leaves ``Hasan``; the route reads the
    whole name, Ibrahim Hassan Ali Al-Hawaj); a route hit gives way to any other NE911
    repair there, and a route suggestion to any earlier hit."""
    from cleaner.detectors import confirm

    safe = [h for h in found if h.fix is FixSafety.SAFE]

    def overlaps(h: Hit, others: Iterable[Hit]) -> bool:
        return any(o.start < h.end and h.start < o.end for o in others)

    def widened(h: Hit) -> bool:
        """NE911's ``h`` inside a route repair of the same person that changes more letters
        (marks and case aside: NE911 keeps the writer's ``Zoltan``, as the route would not)."""
        return h.rule == confirm.FULL_RULE and any(
            w.about == h.about
            and w.start <= h.start
            and h.end <= w.end
            and confirm.key(text[w.start : h.start] + h.suggestions[0] + text[h.end : w.end])
            != confirm.key(w.suggestions[0])
            for w in safe
        )

    kept = [
        h
        for h in hits
        if not (h.rule == confirm.NEAR_RULE and overlaps(h, safe)) and not widened(h)
    ]
    full = [h for h in kept if h.rule == confirm.FULL_RULE]
    return kept + [
        h
        for h in found
        if not overlaps(h, full) and (h.fix is FixSafety.SAFE or not overlaps(h, kept))
    ]
