"""Pronoun gender mismatch with a known person (NE904).

``Putin made the first trip abroad of her fifth presidential term``: source languages that
mark gender on verbs or drop pronouns make engines guess, and they guess wrong. Flagged only
when the evidence is local and unambiguous: within one sentence, a gazetteer person of known
gender is named (in full somewhere in the article, and not right after another first name:
a bare "Miller" or "Yumi Kim" may be someone else), every gazetteer person named there has
that gender, no capitalised word
stands between the name and the pronoun (it could be another person, or a country: "Russia ...
her interests"), and no word of the sentence marks someone of the other gender (``wife``,
``Mrs``). Findings only.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Container, Sequence
from functools import lru_cache

import regex

from cleaner.detectors import Hit
from cleaner.detectors.names import NameIndex, fold
from cleaner.detectors.text import (
    ARTICLES,
    FUNCTION_WORD,
    QUOTES,
    sentence_initial,
    whole_word_starts,
    zipf,
)
from cleaner.model import FixSafety, Level, Stage
from cleaner.registry import RuleRecord, allowed, examples
from cleaner.rules.entity import Entity
from cleaner.textview import TextView, Token, as_view

RULE = "NE904"
RULES = (
    RuleRecord(
        RULE,
        "pronoun-gender",
        Stage.ARTIFACT,
        Level.WARNING,
        FixSafety.UNSAFE,
        "pronoun gender differs from the one person named in the sentence",
        __doc__ or "",
        examples(
            (
                "Vladimir Putin made the first trip abroad of her fifth term.",
                "Vladimir Putin made the first trip abroad of his fifth term.\n",
            ),
            (
                "Giorgia Meloni arrived in Italy, saying he would stay a week.",
                "Giorgia Meloni arrived in Italy, saying she would stay a week.\n",
            ),
        ),
        allowed("Vladimir Putin met the queen and thanked her for the visit."),
        origin=__name__,
    ),
)

# Closed grammatical classes: the pronouns (the nouns and titles that mark a person's gender
# are an open class, data: rules/words/english.yaml, female-words and male-words).
PRONOUNS = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
}  # fmt: skip
_SWAP = {
    "he": "she", "him": "her", "his": "his/her", "himself": "herself",
    "she": "he", "her": "his/him", "hers": "his", "herself": "himself",
}  # fmt: skip


def detect(text: str | TextView, index: NameIndex, repairs: Sequence[Hit] = ()) -> list[Hit]:
    """NE904 within each sentence, then across a sentence join (``_carried``).
    ``repairs``: the name repairs the article confirms (NE911, NE912), so that a garbled
    name (``Analena Burbock``) counts as the person it names."""
    return _sentence_hits(as_view(text), index, repairs, carry=True)


def _sentence_hits(
    text: str | TextView, index: NameIndex, repairs: Sequence[Hit] = (), carry: bool = False
) -> list[Hit]:
    """The per-sentence check; with ``carry`` also a sentence-opening pronoun read against
    the sentence before, in sentences the per-sentence check found nothing in
    (``_carried``). The sentence before is read only for a sentence that opens with
    ``he``/``she`` (few do), so that costs a look at two tokens."""
    view = as_view(text)
    text = view.text
    repaired = _repaired(view, index, repairs)
    hits: list[Hit] = []
    introduced: dict[str, bool] = {e.id: True for e in repaired.values()}
    earlier: set[str] = set()  # genders someone named or referred to so far may have
    places: frozenset[str] | None = None
    sentences = view.sentences
    people = _person_starts(view, index, repaired)
    for n, (start, end) in enumerate(sentences):
        sent = view.tokens_in(start, end)
        found = (
            _check_sentence(text, sent, index, introduced, repaired, frozenset(earlier))
            if bisect_left(people, start) < bisect_left(people, end)
            else []
        )
        if carry and not found and n and any(t.lower in ("he", "she") for t in sent[:2]):
            before = view.tokens_in(*sentences[n - 1])
            last = _one_person_gender(text, before, index, introduced, repaired)
            if last is not None:
                found = _carried(text, sent, last, index, frozenset(earlier))
        hits.extend(found)
        if not earlier >= _BOTH:  # both already: more antecedents change no verdict
            # A pronoun this check repairs (the sentence leaves it no one else) refers to
            # the person named, not to someone of its own gender.
            wrong = {h.start for h in found if h.fix is FixSafety.SAFE}
            if places is None:
                places = _places(text, index)
            earlier |= _antecedents(text, sent, index, repaired, wrong, places)
    return hits


def _person_starts(view: TextView, index: NameIndex, repaired: dict[int, Entity]) -> list[int]:
    """Where a word may name a person for ``_check_sentence`` (``_people_at``: in title
    case, and a confirmed repair or a gazetteer person's name), in text order. A sentence
    with none has no one its pronouns could disagree with: the check would look at each
    of its words to find that out, in every sentence of every article."""
    toks = view.tokens
    named = index.derived("pronoun_names_a_person", lambda _: {})
    if len(named) > _MEMO_WORDS:
        named.clear()
    starts = []
    for i in view.titled:
        tok = toks[i]
        person = named.get(tok.text)
        if person is None:
            person = named[tok.text] = bool(index.people.get(fold(tok.text)))
        if person or tok.start in repaired:
            starts.append(tok.start)
    return starts


# Words remembered per name index by ``_person_starts`` (a feed's distinct words in title
# case; cleared when there are more).
_MEMO_WORDS = 1 << 16


# ``earlier`` is read only as "is the other gender (male or female) in it", so once it holds
# both, the rest of the article's antecedents (a third of the detector's time) are not needed.
_BOTH = frozenset({"male", "female"})


def _antecedents(
    text: str,
    sent: Sequence[Token],
    index: NameIndex,
    repaired: dict[int, Entity],
    wrong: Container[int] = (),
    places: Container[str] = (),
) -> set[str]:
    """The genders of everyone a later pronoun could refer back to in this sentence: a
    pronoun or word of that gender, a noun for a person (either), a gazetteer person, or a
    capitalised word the gazetteer does not know (anyone: "Warren", "Theresa"). Not
    counted: a pronoun at a start in ``wrong`` (repaired as the named person's), a
    capitalised title word in a run of capitals that ends in a gazetteer person ("German
    Foreign Minister Analena Burbock": her title, not someone else), and a person noun
    after a word that makes it a country or firm ("trading partner", the lexicon's
    ``non-person-modifiers``) and the capitalised word it stands before ("trading partner
    Berlin"), and a capitalised word in ``places`` (the article writes it after "in",
    "from", "at" or "near" somewhere: ``_places``)."""
    out: set[str] = set()
    nouns = index.lexicon.words("person-nouns")
    female, male = index.lexicon.words("female-words"), index.lexicon.words("male-words")
    titles = index.derived("pronoun_title_words", _title_words)
    modifiers = index.lexicon.words("non-person-modifiers")
    for i, tok in enumerate(sent):
        low = tok.lower
        if tok.start in wrong:
            continue
        if (
            tok.is_title
            and i + 1 < len(sent)
            and sent[i + 1].is_title
            and text[tok.end : sent[i + 1].start] == " "
            and _people_at(sent, i + 1, index, repaired)[0]
        ):
            continue  # a given name before a known surname: that person, counted next
        if (
            tok.is_title
            and fold(tok.text) in titles
            and _title_of_person(text, sent, i, index, repaired)
        ):
            continue
        if low in nouns and i > 0 and sent[i - 1].lower in modifiers:
            continue  # "its major trading partner Berlin": a country
        if tok.is_title and (
            (tok.text in places and not _people_at(sent, i, index, repaired)[0])
            or (i > 1 and sent[i - 1].lower in nouns and sent[i - 2].lower in modifiers)
        ):
            continue
        if low in PRONOUNS:
            out.add(PRONOUNS[low])
        elif low in female:
            out.add("female")
        elif low in male:
            out.add("male")
        elif low in nouns:
            out |= {"male", "female"}
        elif tok.is_title:
            people, _ = _people_at([tok], 0, index, repaired)
            if people:
                for p in people:
                    out |= {p.gender} if p.gender else {"male", "female"}
            elif sentence_initial(text, tok.start):
                if zipf(low) < FUNCTION_WORD and fold(tok.text) not in ARTICLES:
                    out |= {"male", "female"}  # "Warren commended", "May said"
            elif not index.is_known(tok.text) and fold(tok.text) not in titles:
                out |= {"male", "female"}
    return out


@lru_cache(maxsize=8)
def _place_patterns(
    places: frozenset[str], places_or_days: frozenset[str]
) -> tuple[regex.Pattern[str], regex.Pattern[str], int]:
    """The lexicon's place prepositions as the two patterns ``_places`` reads: a capitalised
    word after one written in lower case (mid-sentence), and any of them, a place-or-day
    preposition or "the" (in either case) right before a spot; and how far back that one
    reaches (the longest word and its space). Kept by the word lists, not as a table of the
    name index: a stored index holds plain data only. Longest first, ties alphabetical: a
    set's own order is another in every process, which made the patterns new texts in
    every run, compiled afresh and the compiled-pattern store written again (issue 17)."""
    strong = sorted(places, key=lambda w: (-len(w), w))
    weak = sorted(places_or_days | {"the"}, key=lambda w: (-len(w), w))
    place = "|".join(map(regex.escape, strong)) or r"(?!)"
    lead = "|".join(map(regex.escape, strong + weak))
    return (
        regex.compile(rf"\b(?:{place}) (\p{{Lu}}\p{{Ll}}+)\b(?!['’])"),
        regex.compile(rf"\b(?i:{lead}) $"),
        max(map(len, strong + weak)) + 1,
    )


def _places(text: str, index: NameIndex) -> frozenset[str]:
    """Capitalised words the article writes after a place preposition ("in", "from", "at",
    "near": "140 kilometers from Beijing") and everywhere else only after one of those, a
    place-or-day preposition ("to", "on") or "the" ("with the Beijing"): places (or days). A
    person is rarely written so every time; "Warren commended ... a call from Warren" is
    someone. The prepositions are data (rules/words/english.yaml)."""
    lexicon = index.lexicon
    place, lead, width = _place_patterns(
        lexicon.words("place-prepositions"), lexicon.words("place-or-day-prepositions")
    )
    out = set()
    for word in set(place.findall(text)):
        spots = whole_word_starts(word, text)
        if all(lead.search(text, max(0, at - width), at) for at in spots):
            out.add(word)
    return frozenset(out)


def _title_of_person(
    text: str, sent: Sequence[Token], i: int, index: NameIndex, repaired: dict[int, Entity]
) -> bool:
    """Whether the capitalised word at ``i`` opens or continues a run of capitalised words,
    one space apart, that reaches a gazetteer person ("Foreign Minister Analena Burbock")."""
    for j in range(i + 1, min(len(sent), i + 8)):
        prev, tok = sent[j - 1], sent[j]
        if not tok.is_title or text[prev.end : tok.start] != " ":
            return False
        if _people_at(sent, j, index, repaired)[0]:
            return True
    return False


def _repaired(view: TextView, index: NameIndex, repairs: Sequence[Hit]) -> dict[int, Entity]:
    """Token start -> the person a confirmed name repair restores there."""
    ids = {h.about for h in repairs if h.about}
    if not ids:
        return {}
    by_id = {e.id: e for e in index.entities if e.id in ids and e.kind == "person"}
    out: dict[int, Entity] = {}
    for h in repairs:
        person = by_id.get(h.about)
        if person is None:
            continue
        # The whole run of the name, not only the changed words ("Analena Burbock").
        for tok in view.tokens_in(h.start, h.end):
            out[tok.start] = person
    return out


def _introduced(text: str, person: Entity, cache: dict[str, bool]) -> bool:
    """Whether the article names the person in full somewhere ("Vladimir Putin"): a bare
    surname alone may be someone else's ("Miller", "Kim")."""
    if person.id not in cache:
        full = [f for f in (person.canonical, *person.accepted) if len(f.split()) >= 2]
        cache[person.id] = any(f in text for f in full)
    return cache[person.id]


def _someone_else(sent: Sequence[Token], i: int, person: Entity, text: str) -> bool:
    """A capitalised word right before the surname that is not the person's first name
    ("Kathryn Kellogg", "Yumi Kim"): a namesake."""
    if i == 0:
        return False
    prev = sent[i - 1]
    if not prev.is_title or text[prev.end : sent[i].start] != " ":
        return False
    firsts = {fold(f.split()[0]) for f in (person.canonical, *person.accepted) if " " in f}
    titles = {w.lower() for t in person.titles for w in t.split()}
    if prev.lower.endswith(("'s", "’s")):
        return False  # "Russia's Putin"
    return fold(prev.text) not in firsts and prev.lower not in titles


def _swap(pronoun: str, following: Token | None) -> str | None:
    """The other gender's pronoun. "her" is "his" before a noun ("her fifth term") and "him"
    otherwise ("thanked her for"); "his" is "her" before a noun, and ambiguous alone."""
    before_noun = following is not None and following.is_lower
    if pronoun == "her":
        content = following is not None and zipf(following.text) < 6.0
        return "his" if before_noun and content else "him"
    if pronoun == "his":
        return "her" if before_noun else None
    return _SWAP[pronoun]


def _people_at(
    sent: Sequence[Token], i: int, index: NameIndex, repaired: dict[int, Entity]
) -> tuple[Sequence[Entity], bool]:
    """The people token ``i`` may name, and whether a confirmed repair says so."""
    person = repaired.get(sent[i].start)
    if person is not None:
        return (person,), True
    return index.people.get(fold(sent[i].text), ()), False


def _check_sentence(
    text: str,
    sent: Sequence[Token],
    index: NameIndex,
    introduced: dict[str, bool],
    repaired: dict[int, Entity] | None = None,
    earlier: frozenset[str] = frozenset({"male", "female"}),
) -> list[Hit]:
    repaired = repaired or {}
    genders: set[str] = set()
    first_mention: dict[int, str] = {}
    mentioned: dict[int, Entity] = {}
    for i, tok in enumerate(sent):
        if not tok.is_title:
            continue
        people, sure = _people_at(sent, i, index, repaired)
        for person in people:
            if (not sure and _someone_else(sent, i, person, text)) or not _introduced(
                text, person, introduced
            ):
                genders.add("unknown")
                continue
            if person.gender:
                genders.add(person.gender)
                first_mention.setdefault(i, person.gender)
                mentioned.setdefault(i, person)
            else:
                genders.add("unknown")
    if len(genders) != 1 or "unknown" in genders or not first_mention:
        return []
    gender = genders.pop()
    other = "female" if gender == "male" else "male"
    if any(t.lower in index.lexicon.words(f"{other}-words") for t in sent):
        return []
    start = min(first_mention)
    subject = _opens_sentence(sent, start, mentioned[start], index)
    hits: list[Hit] = []
    place = False  # a place or organisation named since: "Russia ... her interests"
    for k, tok in enumerate(sent[start + 1 :], start + 1):
        if tok.is_title and not sentence_initial(text, tok.start):
            if tok.start in repaired or index.people.get(fold(tok.text)) is not None:
                continue
            if not index.is_known(tok.text):
                break  # someone or something else is named: the pronoun may be theirs
            place = True
            continue
        if PRONOUNS.get(tok.lower) == other and tok.text.islower():
            if place and other == "female":
                continue  # a country or a ship may be "she"
            name = sent[start].text
            swap = _swap(tok.lower, sent[k + 1] if k + 1 < len(sent) else None)
            # Safe only with no one of the pronoun's gender earlier in the article.
            sure = swap and subject and other not in earlier
            why = _confirmed(sent, start, k, index) if sure else None
            fix = FixSafety.SAFE if why else FixSafety.UNSAFE if swap else FixSafety.NONE
            hits.append(
                Hit(
                    tok.start,
                    tok.end,
                    RULE,
                    Level.WARNING,
                    f"'{tok.text}' refers back to {name}, whom the gazetteer knows as {gender}"
                    + (f" ({why})" if why else ""),
                    (swap,) if swap else (),
                    fix,
                    "pronoun gender differs from the named person's"
                    + (f", and the sentence leaves no one else: {why}" if why else ""),
                )
            )
    return hits


def _title_words(index: NameIndex) -> frozenset[str]:
    """Every word of every gazetteer title ("foreign", "minister", "secretary"), folded."""
    return frozenset(fold(w) for e in index.entities for t in e.titles for w in t.split())


def _opens_sentence(sent: Sequence[Token], i: int, person: Entity, index: NameIndex) -> bool:
    """Whether the person's name opens the sentence, after at most an article and title or
    country words ("THE German Foreign Minister Analena Burbock begins"): the sentence's
    subject, not someone it mentions on the way ("Warren commended Biden ...")."""
    titles = index.derived("pronoun_title_words", _title_words)
    for tok in sent[:i]:
        word = fold(tok.text)
        if word in ARTICLES or word in titles:
            continue
        if tok.is_title and index.is_known(tok.text) and index.people.get(word) is None:
            continue  # "German", "Ukrainian"
        return False
    return True


def _confirmed(sent: Sequence[Token], name: int, k: int, index: NameIndex) -> str | None:
    """Why the pronoun at ``k`` certainly refers to the subject named at ``name``: a subject
    pronoun right after a reporting verb of the sentence ("saying he", "stated that he"),
    with no noun for a person and no other pronoun of the pronoun's gender in between."""
    pronoun = sent[k].lower
    if pronoun not in ("he", "she"):
        return None  # "him", "her", "his" are as often someone else's
    verbs = index.lexicon.words("reporting-verbs")
    before = sent[k - 1].lower if k >= 1 else ""
    if before == "that" and k >= 2:
        before = sent[k - 2].lower
    if before not in verbs:
        return None
    nouns = index.lexicon.words("person-nouns")
    same = PRONOUNS[pronoun]
    for tok in sent[name + 1 : k]:
        if tok.lower in nouns or (tok.is_lower and PRONOUNS.get(tok.lower) == same):
            return None
    return "the subject's own words follow a reporting verb"


def _one_person_gender(
    text: str,
    sent: Sequence[Token],
    index: NameIndex,
    introduced: dict[str, bool],
    repaired: dict[int, Entity],
) -> str | None:
    """The gender of the one person a sentence leaves for the next one's opening pronoun: a
    gazetteer person of known gender, named in full in the article, and nobody else a
    pronoun could refer to: no pronoun or word of the other gender, no person noun, no
    capitalised word the gazetteer does not know (except a month, or a place or day after
    ``in``/``from``/``on``...: "from Beijing"), no quotation (quoted speech has its own
    people)."""
    if not sent or any(q in QUOTES for q in text[sent[0].start : sent[-1].end + 1]):
        return None
    nouns = index.lexicon.words("person-nouns")
    genders: set[str] = set()
    person = False
    for i, tok in enumerate(sent):
        low = tok.lower
        if low in PRONOUNS:
            genders.add(PRONOUNS[low])
        elif low in index.lexicon.words("female-words"):
            genders.add("female")
        elif low in index.lexicon.words("male-words"):
            genders.add("male")
        elif low in nouns:
            return None
        elif tok.is_title:
            people, sure = _people_at(sent, i, index, repaired)
            if people:
                for p in people:
                    if not p.gender or not (sure or _introduced(text, p, introduced)):
                        return None
                    genders.add(p.gender)
                    person = True
            elif not _not_a_person(text, sent, i, index, repaired):
                return None
    return genders.pop() if person and len(genders) == 1 else None


def _not_a_person(
    text: str, sent: Sequence[Token], i: int, index: NameIndex, repaired: dict[int, Entity]
) -> bool:
    """A capitalised word no gazetteer person bears that is certainly no one else either: a
    common word opening the sentence ("After", "There"), a known name or title word, a month,
    a place or day after "in"/"on"..., a given name before a known surname."""
    tok = sent[i]
    if i == 0 and sentence_initial(text, tok.start) and zipf(tok.lower) >= _OPENING_WORD:
        return True
    if index.is_known(tok.text) or tok.lower in index.lexicon.words("month-names"):
        return True
    if fold(tok.text) in index.derived("pronoun_title_words", _title_words):
        return True
    if i > 0 and sent[i - 1].lower in index.derived("pronoun_place_or_time", _place_or_time):
        return True
    return (
        i + 1 < len(sent)
        and sent[i + 1].is_title
        and bool(_people_at(sent, i + 1, index, repaired)[0])
    )


def _place_or_time(index: NameIndex) -> frozenset[str]:
    """Words before which a capitalised word is rarely a person: a place or a day ("in
    Tianjin", "on Monday"); the lexicon's place and place-or-day prepositions."""
    lexicon = index.lexicon
    return lexicon.words("place-prepositions") | lexicon.words("place-or-day-prepositions")


_OPENING_WORD = 5.0


def _carried(
    text: str,
    sent: Sequence[Token],
    gender: str,
    index: NameIndex,
    earlier: frozenset[str] = _BOTH,
) -> list[Hit]:
    """A subject pronoun opening a sentence (``There he intends``) after a sentence that
    leaves one person of the other gender (``Burbok will go ... where she will hold
    talks.``): nobody else is there for it to mean. At most one common opening word before
    it (not a name, not a person noun). A suggestion, as the writer may be referring back
    further, unless nobody of the pronoun's gender comes earlier in the article
    (``earlier``: the genders of every antecedent so far), so there is nobody further back
    either: then a safe fix."""
    other = "female" if gender == "male" else "male"
    nouns = index.lexicon.words("person-nouns")
    for k, tok in enumerate(sent[:2]):
        opening = k == 0 and tok.text in ("He", "She")
        if opening or (tok.lower in ("he", "she") and tok.text.islower()):
            if PRONOUNS[tok.lower] != other:
                return []
            if k == 1:
                lead = sent[0]
                if lead.lower in nouns or zipf(lead.lower) < _OPENING_WORD:
                    return []
                if index.is_known(lead.text):
                    return []
            if any(q in QUOTES for q in text[sent[0].start - 1 : tok.end]):
                return []
            swap = _SWAP[tok.lower]
            sure = other not in earlier
            return [
                Hit(
                    tok.start,
                    tok.end,
                    RULE,
                    Level.WARNING,
                    f"'{tok.text}' opens a sentence after one about a single {gender} person",
                    (swap if tok.text.islower() else swap.capitalize(),),
                    FixSafety.SAFE if sure else FixSafety.UNSAFE,
                    "pronoun gender differs from the one person the previous sentence names"
                    + (", and nobody of its gender comes earlier in the article" if sure else ""),
                )
            ]
    return []
