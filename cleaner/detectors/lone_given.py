"""A title and given name with the surname lost (NE905): ``Russian President Vladimir told``.

Engines drop a name part that the source splits off or inflects (Russian ``Владимир Путин``
in a dependent clause, a surname read as a common word). News English never writes a head of
state or minister by title and given name alone, so a title the gazetteer gives a person,
then that person's given name, then no capitalised word, is a name missing its surname. Only
when exactly one gazetteer person has both that title and that given name; not for people
the gazetteer also knows by the given name alone (monarchs, popes: ``King Charles``), nor
for names written family name first (``President Yoon`` is right). A
suggestion (the full name): on the office alone (``President Vladimir``) only a reader knows
whether the surname was dropped or the writer meant someone else. A safe fix where the
article confirms the person: it writes the surname elsewhere, or the role right before the
given name is the person's own and names their country (``Russian President``, ``Slovak
Prime Minister``; ``confirm.role_with_country``): an office and its country name one person.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from cleaner.detectors import Hit, suggestion
from cleaner.detectors.confirm import confirmed_fix, role_with_country, written_elsewhere
from cleaner.detectors.names import NameIndex, east_asian, first_name, fold
from cleaner.detectors.text import ARTICLES
from cleaner.model import FixSafety, Level, Stage
from cleaner.registry import RuleRecord, allowed, examples
from cleaner.rules.entity import Entity
from cleaner.textview import TextView, Token, as_view

WHY = "a known person's title and given name without the surname"
RULE = "NE905"
RULES = (
    RuleRecord(
        RULE,
        "surname-missing",
        Stage.ARTIFACT,
        Level.WARNING,
        FixSafety.UNSAFE,
        WHY,
        __doc__ or "",
        examples(
            (
                "Russian President Vladimir told a news conference that he agreed.",
                "Russian President Vladimir Putin told a news conference that he agreed.\n",
            )
        ),
        allowed(
            "Russian President Vladimir Putin told a news conference that he agreed.",
            "The president said Vladimir told him so.",
        ),
        origin=__name__,
    ),
)


def detect(text: str | TextView, index: NameIndex) -> list[Hit]:
    view = as_view(text)
    text, toks = view.text, view.tokens
    hits: list[Hit] = []
    particles = index.lexicon.words("name-particles")
    for i in view.titled:
        tok = toks[i]
        if i == 0 or fold(tok.text) not in index.first_names:
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and not nxt.is_lower and text[tok.end : nxt.start] in (" ", "-"):
            continue  # a surname (any) follows
        if nxt is not None and nxt.lower in particles and text[tok.end : nxt.start] == " ":
            continue  # "Bashar al-Assad", "Ursula von der Leyen"
        people = [p for p in index.first_names[fold(tok.text)] if _titled(text, toks, i, index, p)]
        if len(people) != 1:
            continue
        person = people[0]
        # The surname's first word written without its accent is still the surname going on
        # (``Bardur a Steig Nielsen`` for Bárður á Steig Nielsen).
        rest = fold(text[tok.end : tok.end + 1 + len(_surname(person))])
        if rest.startswith(" " + fold(_surname(person).split()[0])):
            continue
        full = f"{tok.text} {_surname(person)}"
        message = (
            f"'{tok.text}' after a title of {person.canonical} lacks the surname; "
            f"did you mean '{full}'?"
        )
        hit = suggestion(tok.start, tok.end, RULE, message, full, why=WHY)
        if written_elsewhere(text, _surname(person), tok.end):
            hit = confirmed_fix(hit, f"the article writes {_surname(person)} elsewhere")
        elif role_with_country(text, toks, i, person, index):
            hit = confirmed_fix(hit, f"{person.canonical}'s role and country stand right before it")
        hits.append(hit)
    return hits


def _surname(person: Entity) -> str:
    """What follows the given name in the person's name: ``Putin`` of ``Vladimir Putin``."""
    first = first_name(person) or ""
    return person.canonical.removeprefix(first).strip()


def _titled(text: str, toks: Sequence[Token], i: int, index: NameIndex, person: Entity) -> bool:
    """Whether one of the person's titles ends right before token ``i`` ("Russian President
    Vladimir"), with nothing capitalised before it but country words ("Prime Minister
    Narendra" is not a title "Minister"), and the person is not known by the given name
    alone."""
    given = fold(toks[i].text)
    if given in {fold(f) for f in (*person.short_forms, *person.accepted)}:
        return False
    if given == fold(person.surname or "") or _family_first(person):
        return False
    if not _surname(person) or _KOREAN_GIVEN.search(_surname(person)):
        return False  # "Lee Wan-koo": Lee is the family name
    start = toks[i].start
    if text[start - 1 : start] != " ":
        return False
    before = text[max(0, start - 80) : start - 1]
    low = before.lower()
    # An office's full title or its head ("Prime Minister" of "Prime Minister of the
    # United Kingdom"), as news writes it before a name.
    titles = {t.lower() for t in person.titles} | {
        t.lower().split(" of ")[0] for t in person.titles
    }
    return any(
        low.endswith(title) and _title_opens(before[: len(before) - len(title)], index)
        for title in titles
        if title
    )


def _title_opens(lead: str, index: NameIndex) -> bool:
    """Whether a title can start after ``lead`` (the text before it): at a word boundary,
    with nothing capitalised right before it but an article or country words the gazetteer
    knows ("Russian President", "The German Chancellor"; in "Prime Minister" the title is
    not "Minister")."""
    if lead and lead[-1].isalnum():
        return False
    words = lead.split()
    while words and words[-1][:1].isupper() and words[-1][-1].isalpha():
        word = words.pop()
        if word.lower() in ARTICLES:
            return True
        if not index.is_known(word):
            return False
    return True


def _family_first(person: Entity) -> bool:
    """A name written family name first (a native name in CJK, Hangul or kana): its first
    word is no given name ("President Yoon", "President Xi" are right)."""
    return bool(person.native) and any(east_asian(c) for c in person.native or "")


# A Korean given name as romanised (``Wan-koo``, ``Jae-in``): the word before is the family
# name, even where the gazetteer has no Hangul for the person.
_KOREAN_GIVEN = regex.compile(r"^\p{Lu}\p{Ll}+-\p{Ll}+$")
