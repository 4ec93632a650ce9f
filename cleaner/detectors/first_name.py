"""Wrong first name or title for a known person (NE902): ``Volodymyr Putin``.

Machine translation mixes up people who appear together: Ukrainian ``Volodymyr`` lands on
Putin, Russian ``Vladimir`` on Zelensky. The evidence is strong only when the wrong first
name is itself the first name of *another* gazetteer person, or one the gazetteer lists as
this person's name in another language (``wrong_first_names``), so that is what is flagged
(an unknown first name may be a relative or a namesake). Titles are checked the same way: a
title that the gazetteer gives to other people but not to this one (``Chancellor Putin``),
unless "former"/"ex-" precedes it. Findings only: which part is wrong (the first name or the
surname) is for a reader to say.

Only a surname that one known person carries is checked, inside a run of exactly two name
words. East Asian people (a native name in CJK, Hangul or kana) are neither targets nor evidence:
their family name comes first and is shared by millions (``Jang Chang-ha`` is not a garbled
George Chang, nor ``Jang`` the first name of Jang Jun-kyu), and a surname followed by a
hyphenated syllable (``Park Chan-dae``) is the first half of a given name, not a surname.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.detectors import Hit
from cleaner.detectors.names import (
    NameIndex,
    countries_among,
    first_name,
    fold,
    homes,
    person_surnames,
    place_words,
    romanised_whole,
)
from cleaner.model import FixSafety, Level, Stage
from cleaner.registry import RuleRecord, allowed, examples
from cleaner.rules.entity import Entity
from cleaner.textview import TextView, Token, as_view

RULE = "NE902"
RULES = (
    RuleRecord(
        RULE,
        "wrong-first-name",
        Stage.ARTIFACT,
        Level.WARNING,
        FixSafety.UNSAFE,
        "first name or title of another known person before this surname",
        __doc__ or "",
        examples(
            (
                "Volodymyr Putin spoke to Zelensky on Monday.",
                "Vladimir Putin spoke to Zelensky on Monday.\n",
            )
        ),
        allowed(
            "Former Chancellor Merkel spoke on Monday.",
            "Deputy Secretary-General Xavier Chang would not disclose the list.",
            "Floor Leader Park Chan-dae stepped down on Sunday.",
        ),
        origin=__name__,
    ),
)


def detect(text: str | TextView, index: NameIndex) -> list[Hit]:
    view = as_view(text)
    text, toks = view.text, view.tokens
    hits: list[Hit] = []
    titles = index.derived("titles", _all_titles)
    by_tail = index.derived("titles_by_tail", _titles_by_tail)
    title_words = index.derived("title_words", lambda ix: {w for t in titles for w in t.split()})
    for i in view.titled:
        tok = toks[i]
        people = index.people.get(fold(tok.text))
        if not people:
            continue
        prev = toks[i - 1] if i > 0 else None
        named = (
            prev is not None
            and text[prev.end : tok.start] == " "
            and prev.is_title
            and prev.text not in title_words
        )
        if named and prev is not None:
            if _longer_name(text, toks, i, title_words):
                continue  # "Kim Jong Sik", "Jang Chang Ha": not a first name and a surname
            after = text[tok.end : tok.end + 2]
            hit = _wrong_first(prev, tok, people, index, after, view.words)
            if hit:
                hits.append(hit)
                continue
            if fold(prev.text) not in _own_first_names(people):
                continue  # "President Hosni Mubarak": a namesake, whose offices are not known
        if not named and fold(tok.text) in index.first_names:
            continue  # "President Hassan": a known given name alone may be anyone's
        start = prev.start if named and prev is not None else tok.start
        hit = _wrong_title(text, start, tok, people, by_tail, index)
        if hit:
            hits.append(hit)
    return hits


def _own_first_names(people: Sequence[Entity]) -> set[str]:
    names: set[str] = set()
    for p in people:
        first = first_name(p)
        if first:
            names.add(fold(first))
        for form in (p.canonical, *p.accepted):
            parts = form.split()
            if len(parts) >= 2:
                names.add(fold(parts[0]))
    return names


def _longer_name(text: str, toks: Sequence[Token], i: int, title_words: set[str]) -> bool:
    """Whether the two words ending at ``toks[i]`` sit inside a longer run of capitalised
    words joined by single spaces (title words such as "President" aside)."""
    before = toks[i - 2] if i >= 2 else None
    after = toks[i + 1] if i + 1 < len(toks) else None
    return (
        before is not None
        and text[before.end : toks[i - 1].start] == " "
        and before.is_title
        and before.text not in title_words
    ) or (after is not None and text[toks[i].end : after.start] == " " and after.is_title)


def _wrong_first(
    prev: Token,
    tok: Token,
    people: Sequence[Entity],
    index: NameIndex,
    after: str,
    words: frozenset[str],
) -> Hit | None:
    if len({first_name(p) for p in people}) != 1:
        return None  # a surname several known people share: a namesake is likely
    people = [p for p in people if not romanised_whole(p, index)]
    if not people or (after[:1] == "-" and after[1:2].islower()):
        return None  # a shared East Asian family name; "Chan-dae": half a given name
    given = fold(prev.text)
    if given in _own_first_names(people):
        return None
    others = [
        e
        for e in index.first_names.get(given, ())
        if e not in people and not romanised_whole(e, index)
    ]
    declared = [p for p in people if given in {fold(w) for w in p.wrong_first_names}]
    if not others and not declared:
        return None
    if not declared and _at_home(people, others, index):
        return None  # a given name of the person's own country, or of several countries
    if not declared:
        # MT mixes up people who appear together: a bearer of the given name the article
        # never names, nor their country, lent it to no one (``Mike Ryan`` of the WHO is no
        # garbled Eamon Ryan for Mike DeWine, whom the article does not name).
        others = [e for e in others if _in_article(e, words)]
        if not others:
            return None
    right = [first_name(p) for p in people if first_name(p)]
    suggestion = tuple(f"{f} {tok.text}" for f in right)
    return Hit(
        prev.start,
        tok.end,
        RULE,
        Level.WARNING,
        f"'{prev.text} {tok.text}': "
        + (
            f"{prev.text} is {others[0].canonical}'s first name"
            if others
            else f"{prev.text} is how another language renders {right[0] if right else 'it'}"
        )
        + (f"; did you mean '{suggestion[0]}'?" if suggestion else ""),
        suggestion,
        FixSafety.UNSAFE if suggestion else FixSafety.NONE,
        "first name of another known person before this surname",
    )


def _in_article(person: Entity, words: frozenset[str]) -> bool:
    """Whether the article names ``person`` (a surname of theirs) or a place of their
    ``context`` (every word of it but grammar words: "Ukraine"; "United", "States" and
    "America" for the United States of America, whose words alone are common)."""
    if any(w.lower() in words or fold(w) in words for w in person_surnames(person)):
        return True
    for place in person.context:
        parts = place_words(place)
        if parts and parts <= words:
            return True
    return False


# Bearers from this many countries make a given name international (Daniel, Jorge, Maria).
_COUNTRIES = 2


def _at_home(people: Sequence[Entity], others: Sequence[Entity], index: NameIndex) -> bool:
    """Whether the other people bearing the given name make it no evidence: one of them
    belongs where the person does (``Dimitar Radev``: Dimitar Kovachevski is Macedonian,
    Radev Bulgarian, and Dimitar a Bulgarian name too once a Bulgarian Dimitar is known), or
    they belong to ``_COUNTRIES`` places or more that do not overlap (``Daniel Popescu``,
    ``Jorge Jimenez``: a name of several countries is likely in the person's own as well).
    ``Volodymyr Putin`` stays: every known Volodymyr is Ukrainian. A newsroom import adds
    a country's own namesakes, so this grows more careful as the gazetteer grows."""
    own = frozenset().union(*(homes(p, index) for p in people))
    if any(homes(other, index) & own for other in others):
        return True
    return countries_among(others, index) >= _COUNTRIES


def _all_titles(index: NameIndex) -> tuple[str, ...]:
    titles = {t for e in index.entities for t in e.titles}
    return tuple(sorted(titles, key=len, reverse=True))


# A title is looked up by its last letters: only a title ending in the three letters before
# the space that precedes a name can end right there.
_TAIL = 3


def _titles_by_tail(index: NameIndex) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """The titles (longest first, as ``_all_titles``) grouped by their last ``_TAIL``
    letters, and those shorter than that (asked everywhere)."""
    titles = index.derived("titles", _all_titles)
    groups: dict[str, list[str]] = {}
    for t in titles:
        if len(t) >= _TAIL:
            groups.setdefault(t[-_TAIL:], []).append(t)
    return {k: tuple(v) for k, v in groups.items()}, tuple(t for t in titles if len(t) < _TAIL)


def _titles_ending(
    before: str, by_tail: tuple[dict[str, tuple[str, ...]], tuple[str, ...]]
) -> list[str]:
    """The titles ``t`` with ``before.endswith(t + " ")``, longest first (ties in the order
    of ``_all_titles``, which sorts by length alone, stably): the same titles, in the same
    order, as testing every title, which cost ~10 ms an article on a gazetteer's titles."""
    if not before.endswith(" "):
        return []
    groups, short = by_tail
    found = [t for t in groups.get(before[-1 - _TAIL : -1], ()) if before.endswith(t + " ")]
    if short:
        found += [t for t in short if before.endswith(t + " ")]
    return found


def _own_title(title: str, own: set[str]) -> bool:
    """One of the person's titles, or that title made longer or shorter: "Prime Minister of
    Slovakia" for Fico, whose titles are "Prime Minister" and "Slovak Prime Minister" (one
    office holder's import carries the long form; the country is not in doubt)."""
    return any(title == o or title.startswith(o + " ") or o.startswith(title + " ") for o in own)


def _title_words_own(title: str, person: Entity, index: NameIndex) -> bool:
    """Whether every word of ``title`` is a word of ``person``'s titles (a country's
    adjective for its name; a word the ``title-equivalents`` list gives for one: "Prime
    Minister" for Premier): the imported titles are offices a person held on the data's
    date, so "Prime Minister Svyrydenko" (titled "First Deputy Prime Minister of Ukraine"
    then) and "Secretary of State Blinken" ("United States Secretary of State") are no other
    person's titles."""
    mine = [w for w in title.split() if len(w) > _SHORT]
    if not mine:
        return False
    equivalents = index.derived("title_equivalents", _equivalents)
    words = {w for t in person.titles for w in t.lower().split() if len(w) > _SHORT}
    words |= {e for w in words for e in equivalents.get(w, ())}
    stems = {w[:_STEM] for w in words}
    return all(w[:_STEM] in stems for w in mine)


def _equivalents(index: NameIndex) -> dict[str, tuple[str, ...]]:
    # (a phrase's words each: "prime minister" for premier)
    return {
        k.lower(): tuple(w for v in vs for w in v.lower().split())
        for k, vs in index.lexicon.table("title-equivalents")
    }


# Title words are compared by their first letters ("Russian" for "Russia"); "of", "the" and
# "for" are not words of an office.
_STEM = 5
_SHORT = 3


def _wrong_title(
    text: str,
    start: int,
    tok: Token,
    people: Sequence[Entity],
    by_tail: tuple[dict[str, tuple[str, ...]], tuple[str, ...]],
    index: NameIndex,
) -> Hit | None:
    own = {t.lower() for p in people for t in p.titles}
    if not own:
        return None
    before = text[max(0, start - 60) : start]
    for title in _titles_ending(before, by_tail):
        t_start = start - len(title) - 1
        lead = text[max(0, t_start - 8) : t_start].lower()
        if (
            _own_title(title.lower(), own)
            or any(_title_words_own(title.lower(), p, index) for p in people)
            or "former" in lead
            or "ex-" in lead
            or lead.endswith("ex ")
        ):
            return None
        return Hit(
            t_start,
            tok.end,
            RULE,
            Level.WARNING,
            f"'{title}' is not a title the gazetteer gives {people[0].canonical}"
            f" (known: {', '.join(sorted({t for p in people for t in p.titles}))})",
            (),
            FixSafety.NONE,
            "title of another known person",
        )
    return None
