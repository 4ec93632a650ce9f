"""Near-miss names (NE901): a capitalised non-word that looks and sounds like a known name.

Lists catch the garbles someone has seen; transliteration keeps inventing new ones (Фицо ->
Fitso, Ficho, Fiko). A token is a near miss of a gazetteer name when it is not an English word,
not itself a correct form, its spelling is close (Jaro-Winkler) and it sounds the same (equal
consonant skeleton under some reading, ``names.sound_keys``). Short names collide with real
words and other people, so they need the article to be about the entity (its context words or
its other name parts nearby); a long name (6+ letters) needs no context only when the two
spellings differ by transliteration alone (``Zelenski``/``Zelensky``), not by a vowel of the
stem (``Grishko`` is a different person from ``Grushko``).
The fix is always a suggestion (unsafe): a real person missing from the gazetteer can sound
like one in it, and only a reader knows. A family name right after the person's own given
name that differs by transliteration alone (``Prak Sokhonn``, ``Josep Borell``) is another
spelling of the name, as NE911 reads it: reported without a fix.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from cleaner.detectors import Hit
from cleaner.detectors.names import (
    NameIndex,
    first_name,
    fold,
    place_words,
    romanised_whole,
    spelling_similarity,
)
from cleaner.detectors.text import cased_dictionary, is_english_word, zipf
from cleaner.model import FixSafety, Level, Stage
from cleaner.registry import RuleRecord, allowed, examples
from cleaner.rules.entity import Entity
from cleaner.textview import TextView, Token, as_view

RULE = "NE901"
RULES = (
    RuleRecord(
        RULE,
        "near-miss-name",
        Stage.ARTIFACT,
        Level.WARNING,
        FixSafety.UNSAFE,
        "capitalised non-word spelt and sounding like a gazetteer name",
        __doc__ or "",
        examples(
            (
                "Emmaniel Macron arrived in Kyiv on Monday.",
                "Emmanuel Macron arrived in Kyiv on Monday.\n",
            )
        ),
        allowed("Ukrainska Pravda reported the news."),
        origin=__name__,
    ),
)
MIN_SPELLING = 0.78
LONG_NAME = 6
# A script writes an initial in this many letters at most (``W.`` through Greek: ``Ou``).
INITIAL_LETTERS = 2
# A name this short collides with other names and words: two context cues, not one.
SHORT_NAME = 4
# Title words rarer than this are cues ("Slovak", "Kremlin"); commoner ones ("Prime") are not.
TITLE_CUE = 4.5


def detect(text: str | TextView, index: NameIndex) -> list[Hit]:
    """Near misses of single-word names and of the first name before a known surname."""
    view = as_view(text)
    text, toks, words = view.text, view.tokens, view.words
    hits: list[Hit] = []
    for i in view.titled:  # is_candidate's first test, asked once for every detector
        tok = toks[i]
        if not is_candidate(tok, index):
            continue
        following = toks[i + 1] if i + 1 < len(toks) else None
        hit = _first_name_miss(tok, following, text, index)
        if hit is None and not _in_unknown_name(text, toks, i, index):
            beside = _named_beside(text, toks, i, index)
            hit = _single_miss(tok, index, words, beside, _given_before(text, toks, i))
        if hit:
            hits.append(hit)
    return hits


def is_candidate(tok: Token, index: NameIndex) -> bool:
    """A capitalised non-word that no gazetteer entry spells: what may be a near miss.

    Asked of every capitalised word by two detectors in every article, and a feed writes
    the same words again: past the tests on the token's own letters, the answer (the
    index's and the dictionary's) is remembered per word and name index."""
    word = tok.text
    if not (tok.is_title and word[1:].islower() and len(word) >= 4):
        return False  # "Fitso", not "SREcon" or "McCain"
    memo: dict[str, bool] = index.derived("near_miss_candidates", lambda _: {})
    found = memo.get(word)
    if found is None:
        if len(memo) >= _CLOSEST_MEMO:
            memo.clear()
        found = memo[word] = (
            "'" not in word
            and "’" not in word
            and not index.is_known(word)
            and fold(word) not in index.single_forms  # "Chinh" for Chính: the name itself
            and fold(word) not in index.derived("office_words", _office_words)  # "Tainan"
            and tok.lower not in index.variant_forms
            and not is_english_word(word)
        )
    return found


def _office_words(index: NameIndex) -> frozenset[str]:
    """Every capitalised word of the gazetteer's offices and their countries, folded
    (``Tainan`` of "Mayor of Tainan", ``Miyagi`` of "Governor of Miyagi Prefecture"): the
    places an office is of are spelt right there, so no near miss of a person's name."""
    return frozenset(
        fold(w)
        for e in index.entities
        for t in (*e.titles, *e.context)
        for w in t.split()
        if w[:1].isupper()
    )


# A hyphen and a lower-case syllable: the rest of a hyphenated given name (``-shien``).
_HYPHEN_SYLLABLE = regex.compile(r"[-\u2010\u2011]\p{Ll}")


def _in_unknown_name(text: str, toks: Sequence[Token], i: int, index: NameIndex) -> bool:
    """Whether the token is part of a multi-word name the gazetteer lacks ("Ukrainska
    Pravda", "Anatoliy Fedoruk"): a capitalised neighbour that is neither a known name nor
    a common word. Such a token belongs to that name, not to a garbled gazetteer entry; so
    does a token that is the first syllable of a hyphenated given name (``Tsien`` of
    ``Tsien-shien``) or the family name before one no name knows (``Kure`` of ``Kure
    Den-yih``)."""
    if _HYPHEN_SYLLABLE.match(text, toks[i].end):
        return True
    if (
        i + 1 < len(toks)
        and text[toks[i].end : toks[i + 1].start] == " "
        and toks[i + 1].is_title
        and _HYPHEN_SYLLABLE.match(text, toks[i + 1].end)
        and not index.is_known(toks[i + 1].text)
    ):
        return True
    for j in (i - 1, i + 1):
        if not 0 <= j < len(toks):
            continue
        a, b = (toks[j], toks[i]) if j < i else (toks[i], toks[j])
        other = toks[j]
        if text[a.end : b.start] != " " or not other.is_title:
            continue
        if not index.is_known(other.text) and zipf(other.text) < 4.0:
            return True
    return False


def _named_beside(text: str, toks: Sequence[Token], i: int, index: NameIndex) -> tuple[str, ...]:
    """The known name words right beside the token (one space between), folded: a known
    person's given name before it, a known surname after it. The token is part of that
    name (``Ben Sasse``, ``Xiaogang Wei``), so it is a garble only of a person who bears it.
    So is a known family name before it: written first, as East Asian names are, it makes
    the token a given name (``Hayashi Tsuan``, Lin Chuan with 林 read in Japanese, is no
    garble of Osamu Tsuno's family name). A family name as short as an initial after an
    unknown name word is a middle initial read through a script (``Ntavint Ou Panouelo``,
    David W. Panuelo through Greek: ``Ou`` is a family name too); a longer one there is a
    syllable of the name (``Sumomo Hae Tsan``, Lee Hae-chan through Japanese and Greek)."""
    found = []
    for j, tables in ((i - 1, (index.first_names, index.people)), (i + 1, (index.people,))):
        if not 0 <= j < len(toks) or not toks[j].is_title:
            continue
        word = fold(toks[j].text)
        if not any(word in table for table in tables):
            continue
        if (
            j < i
            and len(word) <= INITIAL_LETTERS
            and word not in index.first_names
            and _after_name_word(text, toks, j)
        ):
            continue
        a, b = (toks[j], toks[i]) if j < i else (toks[i], toks[j])
        if text[a.end : b.start] == " ":
            found.append(fold(toks[j].text))
    return tuple(found)


def _after_name_word(text: str, toks: Sequence[Token], j: int) -> bool:
    """Whether token ``j`` follows, one space on, a capitalised word that is no English word
    (a name's word, not a title: ``Ntavint``, not ``President``)."""
    if j == 0:
        return False
    before = toks[j - 1]
    return (
        before.is_title
        and text[before.end : toks[j].start] == " "
        and not is_english_word(before.text)
    )


def _bears(entity: Entity, beside: Sequence[str]) -> bool:
    """Whether every name word beside a near miss is a word of ``entity``'s names, or spelt
    close to one (a garbled given name beside a garbled surname is still theirs)."""
    if not beside:
        return True
    own = {fold(w) for n in (entity.canonical, *entity.accepted) for w in n.split()}
    return all(
        w in own or any(spelling_similarity(w, o) >= MIN_SPELLING for o in own) for w in beside
    )


def _matches(word: str, form: str, index: NameIndex) -> tuple[float, int] | None:
    """(spelling similarity, sound distance) when ``word`` is a near miss of ``form``."""
    sim = spelling_similarity(word, form)
    if sim < MIN_SPELLING:
        return None
    dist = index.translit.sound_distance(word, form)
    if dist > 0:
        return None  # one consonant off is another name: Borodyanka is not Berdyansk
    return sim, dist


def _shared_place_words(index: NameIndex) -> frozenset[str]:
    """Words of two or more of the gazetteer's places that the dictionary has in lower case
    and that name no place by themselves: ``united`` (the United States, the United
    Kingdom, the United Arab Emirates), ``south``, ``kingdom``, ``republic``. Such a word
    says which place only beside the rest of the name: an article on the United Kingdom
    was a cue for every American, one on South Africa for every South Korean."""
    common = cased_dictionary()
    places = {c for e in index.entities for c in e.context}
    seen: dict[str, int] = {}
    for place in places:
        for w in place_words(place):
            seen[w] = seen.get(w, 0) + 1
    names = {p.lower() for p in places}
    return frozenset(w for w, n in seen.items() if n > 1 and w in common and w not in names)


def _names_place(place: str, words: set[str], exclude: str, shared: frozenset[str]) -> bool:
    """Whether the article names ``place``: by a word of it no other place shares, or by
    all its words when every one is shared (``United Kingdom``)."""
    own = place_words(place)
    distinct = own - shared
    if distinct:
        return any(w in words and w != exclude for w in distinct)
    return bool(own) and all(w in words and w != exclude for w in own)


def _context(entity: Entity, words: set[str], exclude: str, index: NameIndex) -> int:
    """Evidence that the article is about the entity: its context words, its other name
    parts (``Robert`` for Fico) and the distinctive words of its titles (``Slovak`` from
    "Slovak Prime Minister"; common title words such as "Prime" say nothing).

    What a newsroom gazetteer makes common is no evidence either: a grammar word of a
    context (``of`` in "Republic of Ireland" made every article a cue for Eamon Ryan) and a
    title word the dictionary has in lower case, an office's common noun (``agriculture``,
    ``integration``, ``chancellor``: every cabinet has one) rather than a people, place or
    institution (``Slovak``, ``Vietnam``, ``Kremlin``, ``Taoiseach``)."""
    common = cased_dictionary()
    # One place is one cue, however many words its name has: an article saying "United
    # States" is not two cues for a name short enough to need two (``Turo`` for Del Toro).
    # A word other places share counts only with the rest of the name (`_shared_place_words`).
    shared = index.derived("near_miss.shared_place_words", _shared_place_words)
    places = [place_words(c) for c in entity.context]
    found = sum(1 for c in entity.context if _names_place(c, words, exclude, shared))
    cues = {p.lower() for p in entity.canonical.split() if len(p) > 2}
    cues |= {
        w.lower()
        for t in entity.titles
        for w in t.split()
        if zipf(w) < TITLE_CUE and w.lower() not in common
    }
    cues.difference_update(*places)
    return found + sum(1 for c in cues if c in words and c != exclude)


def single_candidates(
    tok: Token, index: NameIndex, words: set[str]
) -> list[tuple[float, str, Entity, int]]:
    """The gazetteer names ``tok`` may be a garble of, best first: (score, the name's form to
    suggest, its entity, how many of its context cues the article has)."""
    found: list[tuple[float, str, Entity, int]] = []
    for form in closest_forms(fold(tok.text), index):
        match = _matches(tok.text, form, index)
        if not match:
            continue
        sim, dist = match
        for entity in index.single_forms[form]:
            ctx = _context(entity, words, exclude=form, index=index)
            long_and_same = (
                len(form) >= LONG_NAME
                and dist == 0
                and index.translit.spelling_key(tok.text) == index.translit.spelling_key(form)
            )
            if ctx >= (2 if len(form) <= SHORT_NAME else 1) or long_and_same:
                display = _display_form(entity, form)
                found.append((sim - 0.05 * dist + 0.02 * min(ctx, 3), display, entity, ctx))
    found.sort(key=lambda f: -f[0])
    return found


# Words remembered per name index (their closest single-word names, whether a word is a
# candidate) before a memo starts again.
_CLOSEST_MEMO = 1 << 14


def closest_forms(folded: str, index: NameIndex) -> tuple[str, ...]:
    """The (up to 8) single-word gazetteer forms closest in spelling to ``folded``, best
    first. Comparing a word with every form costs ~1 ms (2,400 forms), and a feed repeats
    its unknown capitalised words (a name garbled the same way, a place the gazetteer lacks)
    from article to article, so the answer is remembered per word; it depends on nothing
    else."""
    memo = index.derived("closest_single_forms", lambda ix: {})
    found = memo.get(folded)
    if found is None:
        from rapidfuzz import process
        from rapidfuzz.distance import JaroWinkler

        forms = index.derived("single_form_list", lambda ix: list(ix.single_forms))
        if len(memo) >= _CLOSEST_MEMO:
            memo.clear()
        found = memo[folded] = tuple(
            form
            for form, _score, _ in process.extract(
                folded,
                forms,
                scorer=JaroWinkler.similarity,
                score_cutoff=MIN_SPELLING,
                limit=8,
            )
        )
    return found


def _given_before(text: str, toks: Sequence[Token], i: int) -> str | None:
    """The capitalised word right before token ``i`` (one space between), folded."""
    if i == 0 or not toks[i - 1].is_title or text[toks[i - 1].end : toks[i].start] != " ":
        return None
    return fold(toks[i - 1].text)


def spelt_otherwise(
    word: str, form: str, entity: Entity, given: str | None, index: NameIndex
) -> bool:
    """Whether ``word``, right after ``given``, is the person's family name in another
    transliteration: the full name written with the given name exact and the family name
    differing from ``form`` by transliteration alone (``Prak Sokhonn`` for Prak Sokhon, as
    the Cambodian foreign ministry writes it; ``Josep Borell``). NE911 leaves such a name
    alone as another spelling (``confirm._alternate``); so does this rule's fix. Not for an
    East Asian name, which is romanised whole in one scheme."""
    own = first_name(entity)
    if given is None or own is None or given != fold(own):
        return False
    if romanised_whole(entity, index):
        return False
    return index.translit.spelling_key(word) == index.translit.spelling_key(form)


def _single_miss(
    tok: Token,
    index: NameIndex,
    words: set[str],
    beside: Sequence[str] = (),
    given: str | None = None,
) -> Hit | None:
    read = index.derived("route_words", _route_words).get(fold(tok.text))
    found = [
        f
        for f in single_candidates(tok, index, words)
        if _bears(f[2], beside) and (read is None or _read_as(f[1], f[2], read, given))
    ]
    if not found:
        return None
    suggestions = tuple(dict.fromkeys(f[1] for f in found))
    best = found[0]
    if len(suggestions) == 1 and spelt_otherwise(tok.text, best[1], best[2], given, index):
        # Reported, not "repaired": a reader may want the house spelling, but applying it
        # (--unsafe-fixes) rewrites a right name.
        return Hit(
            tok.start,
            tok.end,
            RULE,
            Level.WARNING,
            f"'{tok.text}' may be another spelling of '{best[1]}' in {best[2].canonical} "
            "(the given name is exact; left as written)",
            (),
            FixSafety.NONE,
            "near-miss name: the full name with the family name in another transliteration",
        )
    ambiguous = len(suggestions) > 1
    why = "context agrees" if best[3] else "no context words, but the name sounds the same"
    return Hit(
        tok.start,
        tok.end,
        RULE,
        Level.WARNING,
        f"'{tok.text}' looks like a garbled '{best[1]}' ({best[2].id}; {why})"
        + (f"; also close to {', '.join(suggestions[1:])}" if ambiguous else ""),
        suggestions,
        FixSafety.UNSAFE,
        "near-miss name: not an English word, spelt and sounding like a gazetteer name",
    )


def _route_words(index: NameIndex) -> dict[str, frozenset[str]]:
    """Each word of a person's repaired spellings of two words or more (generated through a
    route, or listed; folded) -> the words of the names of the people whose spellings write
    it. Such a word is one of those names read through another script (``Sjuj``: 徐, Hsu,
    through Russian; ``Tsoj``: Choi through Kontsevich's Cyrillic; ``Kure``: 呉 read in
    Japanese), so it is no near miss of a name none of them bears (``Tsuji``, ``Kurai``)."""
    out: dict[str, set[str]] = {}
    for e in index.entities:
        if e.kind != "person":
            continue
        own = {fold(w) for n in e.names for w in regex.split(r"[\s\-\u2010\u2011]+", n) if w}
        for spelling, _target in e.fixes:
            words = spelling.split()
            if len(words) < 2:
                continue
            for w in words:
                if len(w) >= 4:
                    out.setdefault(fold(w), set()).update(own)
    return {k: frozenset(v) for k, v in out.items()}


def _read_as(form: str, entity: Entity, read: frozenset[str], given: str | None) -> bool:
    """Whether a word some route writes for the names ``read`` may still be a near miss of
    ``form`` (``entity``'s): the same name (``Kisi`` is Nobuo Kishi's family name through
    Russian, and any Kishi's), or right after the entity's own given name (``Jason Kenei``
    is Jason Kenney, though Su Jain-rong's Japanese reading writes ``Kenei``)."""
    if fold(form) in read:
        return True
    own = first_name(entity)
    return given is not None and own is not None and given == fold(own)


def _display_form(entity: Entity, folded: str) -> str:
    for form in (entity.canonical.split()[-1], *entity.short_forms, *entity.accepted):
        if fold(form) == folded:
            return form
    return entity.canonical


def _first_name_miss(
    tok: Token, following: Token | None, text: str, index: NameIndex
) -> Hit | None:
    """``Emmaniel Macron``: a garbled first name right before a person's known surname."""
    if following is None or not following.is_title:
        return None
    if text[tok.end : following.start] != " ":
        return None
    for person in index.people.get(fold(following.text), ()):
        first = first_name(person)
        if not first or fold(first) == fold(tok.text):
            continue
        if any(fold(a.split()[0]) == fold(tok.text) for a in person.accepted if " " in a):
            continue
        if _matches(tok.text, first, index):
            return Hit(
                tok.start,
                tok.end,
                RULE,
                Level.WARNING,
                f"'{tok.text} {following.text}' looks like a garbled '{first} {following.text}'",
                (first,),
                FixSafety.UNSAFE,
                "near-miss first name before a known surname",
            )
    return None
