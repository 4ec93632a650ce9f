"""A Korean or Japanese family name alone as Chinese reads it (NE906): ``Yin ran`` for Yoon.

Through a Chinese-language source a Korean or Japanese name is its characters read in
pinyin: 尹錫悅 (Yoon Suk Yeol) becomes ``Yin Xiyue`` (a variant the gazetteer generates and
the rule engine repairs), and later mentions by family name alone become ``Yin``. The full
garble is often off by a letter or two (``Yin Xilie``), so the family name alone is read
against what the article shows: the same word opened a two-word name earlier (``Yin
Xilie``), and a context word of the person is in the article (``South Korea``). The word must
be no correct name part of anyone in the gazetteer (``Wen`` of Wen Jiabao is left alone),
and the people with that reading whom the article's context fits must share one family
name. A suggestion (the family name): a namesake the
gazetteer lacks is always possible.

When the rule engine already repaired the whole name (``Yin Xiyue`` is a generated
variant; so is ``Sanae Takaiti``, Takaichi through Russian), the detectors read the
repaired text, where no garble opens a name any more: ``echoes`` reads what was replaced
instead, and the family word alone elsewhere is the same garble, a safe fix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import regex

from cleaner.detectors import Hit, suggestion
from cleaner.detectors.confirm import (
    confirmed_fix,
    named_by_id,
    named_in_full,
    role_precedes,
    writes_name,
)
from cleaner.detectors.family_readings import family_word, generated_family_words
from cleaner.detectors.names import NameIndex
from cleaner.detectors.text import zipf
from cleaner.model import FixSafety, Level, Stage
from cleaner.registry import RuleRecord, allowed, examples
from cleaner.rules.entity import Entity
from cleaner.textview import TextView, Token, as_view

WHY = "a Korean or Japanese family name alone, read as pinyin"
RULE = "NE906"
RULES = (
    RuleRecord(
        RULE,
        "family-name-through-chinese",
        Stage.ARTIFACT,
        Level.WARNING,
        FixSafety.UNSAFE,
        WHY,
        __doc__ or "",
        examples(
            (
                "South Korea's Yin Xilie took office. Yin ran as a conservative.",
                "South Korea's Yin Xilie took office. Yoon ran as a conservative.\n",
            )
        ),
        allowed("South Korea's Yoon Suk Yeol took office. Yoon ran as a conservative."),
        origin=__name__,
    ),
)
MIN_LENGTH = 3  # "Li", "Jin" is too short: "Li" of Lee is everyone's


def detect(
    text: str | TextView,
    index: NameIndex,
    repairs: Sequence[Hit] = (),
    repaired: Sequence[tuple[str, str, str]] = (),
) -> list[Hit]:
    """NE906 suggestions; ``repairs``: the name repairs the article confirms (NE911, NE913).
    Where the two-word name the family name opened is one of them, repaired to the person
    the suggestion names (``Yin Xilie`` -> Yoon Suk Yeol), the family name alone is that
    person's too: a safe fix. ``repaired``: (entity id, the words replaced, what they
    became) of the names an earlier stage repaired whole (``echoes``)."""
    view = as_view(text)
    # The detectors' own whole-name repairs count as the rule engine's do (``Foumio
    # Kisinta``, Fumio Kishida through Greek, repaired by NE913).
    whole = [(h.start, h.end, h.about, h.suggestions[0]) for h in repairs if h.suggestions]
    repaired = [
        *repaired,
        *((about, view.text[s:e], new) for s, e, about, new in whole if " " in view.text[s:e]),
    ]
    hits = echoes(view, index, repaired)
    taken = [(h.start, h.end) for h in hits]
    hits += [h for h in named_alone(view, index) if not _overlaps(h, taken)]
    taken = [(h.start, h.end) for h in hits]
    return hits + [h for h in _read_alone(view, index, repairs) if not _overlaps(h, taken)]


def _overlaps(hit: Hit, taken: Sequence[tuple[int, int]]) -> bool:
    return any(s < hit.end and hit.start < e for s, e in taken)


def bearer_named(word: str, text: str, index: NameIndex) -> bool:
    """Whether the article names, by a name of two words or more (in either order for two),
    someone whose own name has ``word`` (``Kan``: Naoto Kan). A family word the gazetteer
    knows as someone's own name is theirs in an article that names them; in one that does
    not (it names Yoshihide Suga, whose 菅 Chinese reads ``Kan``), it is the garble's."""
    for e in index.derived("family_echo.bearers", _bearers).get(word.lower(), ()):
        for name in e.names:
            parts = name.split()
            if len(parts) < 2:
                continue
            if writes_name(name, text) or (
                len(parts) == 2 and writes_name(f"{parts[1]} {parts[0]}", text)
            ):
                return True
    return False


def _bearers(index: NameIndex) -> dict[str, tuple[Entity, ...]]:
    out: dict[str, list[Entity]] = {}
    for e in index.entities:
        for w in {w.lower() for n in e.names for w in regex.split(r"[\s\-]+", n) if w}:
            out.setdefault(w, []).append(e)
    return {w: tuple(es) for w, es in out.items()}


def named_alone(view: TextView, index: NameIndex) -> list[Hit]:
    """The family name read as Chinese, alone, in an article that names the person in full
    the right way: ``Yoshihide Suga`` ... ``votes for Kan`` (菅, Suga, read as Chinese
    reads it). The article confirms whom it means: the person is named, the word is their
    family name's reading, and it opens or closes no name anywhere in the article (a
    ``Jian Wei`` makes every ``Jian`` someone else). Not a word English writes often, nor
    one shorter than three letters, nor one the article's people of that reading do not
    share as a family name, nor a name the gazetteer knows as someone's own whom the article
    names (``Kan`` in an article naming Naoto Kan)."""
    text, toks = view.text, view.tokens
    readings = index.derived("family_echo.readings_of_all", _readings_of_all)
    found: dict[str, list[int]] = {}
    for i in view.titled:
        if toks[i].text in readings:
            found.setdefault(toks[i].text, []).append(i)
    if not found:
        return []
    named = named_in_full(view, index) | _named_by_role(view, index)
    if not named:
        return []
    people = named_by_id(index, named)
    verbs = index.lexicon.words("reporting-verbs")
    hits: list[Hit] = []
    for word, at in found.items():
        named = [p for p in readings[word] if p.id in people]
        if len({p.surname for p in named}) != 1:
            continue
        if not all(_alone(view, i) and not _after(view, i, _DETERMINERS) for i in at):
            # part of a name somewhere (someone else's family name), or a noun ("the Tang
            # dynasty", "the Han")
            continue
        at = [i for i in at if _as_person(view, i, verbs)]
        if not at or (index.is_known(word) and bearer_named(word, text, index)):
            continue
        person = named[0]
        assert person.surname is not None  # _readings_of_all keeps people with one
        message = (
            f"'{word}' alone is {person.canonical}'s family name read as Chinese reads its "
            f"characters: {person.surname}"
        )
        why = f"the article names {person.canonical}"
        for i in at:
            hit = suggestion(toks[i].start, toks[i].end, RULE, message, person.surname, why=WHY)
            hits.append(replace(confirmed_fix(hit, why), about=person.id))
    return hits


def _named_by_role(view: TextView, index: NameIndex) -> set[str]:
    """The people with a reading whom the article names by their own role and family name
    (``Japanese Prime Minister Suga``): the role says which Suga."""
    text, toks = view.text, view.tokens
    by_surname = index.derived("family_echo.surnames_with_readings", _surnames_with_readings)
    named: set[str] = set()
    for i in view.titled:
        for person in by_surname.get(toks[i].text, ()):
            if person.id not in named and role_precedes(text, toks, toks[i].start, person, index):
                named.add(person.id)
    return named


def _surnames_with_readings(index: NameIndex) -> dict[str, tuple[Entity, ...]]:
    out: dict[str, list[Entity]] = {}
    for people in index.derived("family_echo.readings_of_all", _readings_of_all).values():
        for person in people:
            if person.surname and person.titles and person not in out.get(person.surname, ()):
                out.setdefault(person.surname, []).append(person)
    return {surname: tuple(people) for surname, people in out.items()}


# Closed classes: the words before a noun that no name takes ("the Han"), and those after
# which a capitalised word ending a clause is a person ("votes for Kan.").
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_BEFORE_PERSON = frozenset({"for", "by", "with", "to", "from", "against"})


def _after(view: TextView, i: int, words: frozenset[str]) -> bool:
    """Whether the word right before token ``i`` (one space between) is one of ``words``."""
    toks = view.tokens
    if i == 0 or view.text[toks[i - 1].end : toks[i].start] != " ":
        return False
    return toks[i - 1].lower in words


def _as_person(view: TextView, i: int, verbs: frozenset[str]) -> bool:
    """Whether token ``i`` stands where a person does: the subject of a reporting verb
    (``Kan said``), after one (``said Kan.``), or after a preposition that takes a person,
    ending a clause (``votes for Kan.``). A reading is often a word or a name in its own
    right (the Tang dynasty, Tai Chi, Zen): where it stands says which."""
    text, toks = view.text, view.tokens
    tok = toks[i]
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and text[tok.end : nxt.start] == " " and nxt.lower in verbs:
        return True
    ends = nxt is None or text[tok.end : nxt.start].strip()[:1] in (".", ",", ";", ":")
    return ends and (_after(view, i, _BEFORE_PERSON) or _after(view, i, verbs))


# A hyphenated given name right before a word (``Man-kei Tam``): its last syllable is in
# lower case, so it is no capitalised word, but the word after it closes that name.
_HYPHENATED_BEFORE = regex.compile(r"\p{Lu}\p{Ll}*[-\u2010\u2011]\p{Ll}+ $")


def _alone(view: TextView, i: int) -> bool:
    """Whether token ``i`` stands alone: no capitalised word joined to it after, no name's
    word right before it (nor a hyphenated given name)."""
    text, toks = view.text, view.tokens
    tok = toks[i]
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and text[tok.end : nxt.start] in (" ", "-") and not nxt.is_lower:
        return False
    if _HYPHENATED_BEFORE.search(text, max(0, tok.start - 40), tok.start):
        return False
    prev = toks[i - 1] if i > 0 else None
    return not (prev is not None and text[prev.end : tok.start] == " " and _ends_a_name(prev))


def _readings_of_all(index: NameIndex) -> dict[str, tuple[Entity, ...]]:
    """Family-name readings through Chinese -> the people they may be, as ``_readings``,
    but also the words someone's own name spells (``Kan``): ``named_alone`` asks the
    article whether that someone is named. Not a word English writes often."""
    family = index.derived("family_echo.family_words", _family_words)
    return {word: people for word, people in family.items() if zipf(word) < COMMON_WORD}


def _family_words(index: NameIndex) -> dict[str, tuple[Entity, ...]]:
    """Every person's ``family_readings.generated_family_words`` of ``MIN_LENGTH`` letters
    or more -> the people, in the gazetteer's order: built once (a pass over every person's
    spellings) for both readings of NE906's tables."""
    found: dict[str, list[Entity]] = {}
    for e in index.entities:
        for family in generated_family_words(e):
            if len(family) < MIN_LENGTH:
                continue
            people = found.setdefault(family, [])
            if e not in people:
                people.append(e)
    return {word: tuple(people) for word, people in found.items()}


def echoes(view: TextView, index: NameIndex, repaired: Sequence[tuple[str, str, str]]) -> list[Hit]:
    """The family word of a whole name the rule engine repaired, alone elsewhere in the
    article: ``Yin Xiyue`` (尹錫悅 read as pinyin) was repaired to Yoon Suk Yeol, so a later
    ``Yin said`` is Yoon too; ``Sanae Takaiti`` (Takaichi through Russian) was repaired, so
    ``Takaiti said`` is Takaichi. The article confirms it: the same garble, whole, was the
    person's. The family word is the garble's first word where the repaired name opens with
    the family name (``Yoon Suk Yeol``, ``Suga Yoshihide``) and its last where the name
    closes with it (``Sanae Takaichi``). Not a word English writes often (``No``, ``So``,
    ``Van``: Zipf 4 or more), one shorter than three letters, one a known name spells (the
    detectors leave names written right alone), nor one that two repaired people's garbles
    give different family names."""
    if not repaired:
        return []
    text, toks = view.text, view.tokens
    people = named_by_id(index, {rule for rule, _, _ in repaired})
    words: dict[str, set[tuple[str, str]]] = {}
    for rule, old, new in repaired:
        e = people.get(rule)
        if e is None or e.kind != "person" or not e.surname:
            continue
        family = family_word(old.split(), new, e.surname)
        if family is None or family == e.surname or len(family) < MIN_LENGTH:
            continue
        if not family.isalpha() or not family.istitle() or zipf(family) >= COMMON_WORD:
            continue
        if index.is_known(family) and bearer_named(family, text, index):
            continue
        words.setdefault(family, set()).add((e.id, e.surname))
    # A word someone's own name spells is the garble's only where the article writes it in
    # no other name (beside the garbles themselves, still in the text when a detector
    # repairs them): "Huang Kuo-chang" makes every "Huang" possibly his.
    inside = [
        (m.start(), m.end())
        for _, old, _ in repaired
        for m in regex.finditer(regex.escape(old), text)
    ]
    for word in [w for w in words if index.is_known(w)]:
        if not all(
            _alone(view, i) or any(s <= toks[i].start < e for s, e in inside)
            for i in view.titled
            if toks[i].text == word
        ):
            del words[word]
    hits: list[Hit] = []
    for i in view.titled:
        tok = toks[i]
        found = words.get(tok.text)
        if not found or len({surname for _, surname in found}) != 1:
            continue
        if not _alone(view, i):
            continue  # someone's whole name, or the end of someone else's ("Xu Yin")
        about, surname = min(found)
        message = (
            f"'{tok.text}' alone is the family name {surname}: the article's whole name "
            f"with it was repaired to {surname}'s"
        )
        hit = suggestion(tok.start, tok.end, RULE, message, surname, why=WHY)
        hits.append(replace(confirmed_fix(hit, "the same garble, whole, was theirs"), about=about))
    return hits


def _read_alone(text: str | TextView, index: NameIndex, repairs: Sequence[Hit]) -> list[Hit]:
    """The family name read as pinyin after a two-word name it opened (``Yin Xilie ...
    Yin ran``)."""
    view = as_view(text)
    text, toks = view.text, view.tokens
    readings = index.derived("family_readings", _readings)
    hits: list[Hit] = []
    opened: dict[str, int] = {}  # reading -> where it first opened a two-word name
    # Every reading is a capital and lower-case letters (``_readings``): a word in title case.
    for i in view.titled:
        tok = toks[i]
        people = readings.get(tok.text)
        if not people:
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and text[tok.end : nxt.start] in (" ", "-") and not nxt.is_lower:
            opened.setdefault(tok.text, tok.start)
            continue
        prev = toks[i - 1] if i > 0 else None
        if prev is not None and text[prev.end : tok.start] == " " and _ends_a_name(prev):
            continue  # the end of someone else's name ("Xu Yin")
        about = [p for p in people if _about(text, p)]
        surnames = {p.surname for p in about}
        if tok.text not in opened or len(surnames) != 1:
            continue
        (surname,) = surnames
        message = (
            f"'{tok.text}' alone, after a name '{tok.text} ...', in an article about "
            f"{about[0].context[0]}: the family name {surname} read as Chinese?"
        )
        hit = suggestion(tok.start, tok.end, RULE, message, surname, why=WHY)
        ids = {p.id for p in about}
        at = opened[tok.text]
        if any(r.start <= at < r.end and r.about in ids for r in repairs):
            hit = confirmed_fix(
                hit, f"the article's '{tok.text} ...' is repaired to {surname}'s name"
            )
        hits.append(hit)
    return hits


def _ends_a_name(prev: Token) -> bool:
    """A capitalised word before the reading that makes it the last part of a name: not a
    possessive or a common word ("President", "But")."""
    if not prev.is_title:
        return False
    if prev.text.endswith(("'s", "’s")):
        return False
    return zipf(prev.lower) < COMMON_WORD


COMMON_WORD = 4.0


def _about(text: str, person: Entity) -> bool:
    return any(regex.search(rf"\b{regex.escape(c)}\b", text) for c in person.context)


def _readings(index: NameIndex) -> dict[str, tuple[Entity, ...]]:
    """Family-name readings through Chinese -> the people they may be: each person's
    ``family_readings.generated_family_words`` (``Yin`` of ``Yin Xiyue``), for people with
    context words; not a correct name part of anyone (``Wen`` of Wen Jiabao) nor shorter
    than ``MIN_LENGTH``."""
    found: dict[str, tuple[Entity, ...]] = {}
    for word, people in index.derived("family_echo.family_words", _family_words).items():
        if index.is_known(word):
            continue
        with_context = tuple(e for e in people if e.context)
        if with_context:
            found[word] = with_context
    return found
