"""Wrong first name or title for a known person (NE902): ``Volodymyr Putin``.

Machine translation mixes up people who appear together: Ukrainian ``Volodymyr`` lands on
Putin, Russian ``Vladimir`` on Zelensky. The evidence is strong only when the wrong first
name is itself the first name of *another* gazetteer person, or one the gazetteer lists as
this person's name in another language (``wrong_first_names``), so that is what is flagged
(an unknown first name may be a relative or a namesake). Titles are checked the same way: a
title that the gazetteer gives to other people but not to this one (``Chancellor Putin``),
unless "former"/"ex-" precedes it. Findings only: which part is wrong (the first name or the
surname) is for a reader to say.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.detectors import Hit
from cleaner.detectors.names import NameIndex, first_name, fold
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
        examples(("Volodymyr Putin spoke on Monday.", "Vladimir Putin spoke on Monday.\n")),
        allowed("Former Chancellor Merkel spoke on Monday."),
        origin=__name__,
    ),
)


def detect(text: str | TextView, index: NameIndex) -> list[Hit]:
    view = as_view(text)
    text, toks = view.text, view.tokens
    hits: list[Hit] = []
    titles = index.derived("titles", _all_titles)
    title_words = index.derived("title_words", lambda ix: {w for t in titles for w in t.split()})
    for i, tok in enumerate(toks):
        if not tok.is_title:
            continue
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
            hit = _wrong_first(prev, tok, people, index)
            if hit:
                hits.append(hit)
                continue
        start = prev.start if named and prev is not None else tok.start
        hit = _wrong_title(text, start, tok, people, titles)
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


def _wrong_first(prev: Token, tok: Token, people: Sequence[Entity], index: NameIndex) -> Hit | None:
    given = fold(prev.text)
    if given in _own_first_names(people):
        return None
    others = [e for e in index.first_names.get(given, ()) if e not in people]
    declared = [p for p in people if given in {fold(w) for w in p.wrong_first_names}]
    if not others and not declared:
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


def _all_titles(index: NameIndex) -> tuple[str, ...]:
    titles = {t for e in index.entities for t in e.titles}
    return tuple(sorted(titles, key=len, reverse=True))


def _wrong_title(
    text: str, start: int, tok: Token, people: Sequence[Entity], titles: Sequence[str]
) -> Hit | None:
    own = {t.lower() for p in people for t in p.titles}
    if not own:
        return None
    before = text[max(0, start - 60) : start]
    for title in titles:
        if not before.endswith(title + " "):
            continue
        t_start = start - len(title) - 1
        lead = text[max(0, t_start - 8) : t_start].lower()
        if title.lower() in own or "former" in lead or "ex-" in lead or lead.endswith("ex "):
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
