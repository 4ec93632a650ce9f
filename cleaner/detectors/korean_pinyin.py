"""NE914: a Korean person's name read through Chinese when the gazetteer has no hanja for it.

A Chinese source writes a Korean person in the hanja of their registered name and MT reads
them as pinyin (金建希 -> ``Jin Jianxi`` for Kim Keon-hee). The routes of
``cleaner.rules.translit`` generate such spellings only for people whose hanja the gazetteer
knows, a few of the Korean people it holds. But the route is knowable as a set: a syllable of
a Korean name is written by one of a few common hanja, whose pinyin readings form a small
set, and a family name by fewer still. So no spelling is written down (the product of the
options is large); a run of title-case words is matched against each Korean person:

* the person's name in Hangul: their ``native`` Hangul, else each syllable of the English
  name (Revised Romanization through ``korean-romanizer``, informal and McCune-Reischauer
  spellings through ``korean-romanised-syllables``: ``Lee``, ``Park``, ``Keon``, ``hee``);
* each syllable's pinyin: the family syllable through ``korean-family-readings``, a given
  syllable through ``rules/words/korean-hanja-readings.tsv`` (its common hanja's readings);
* the run (``Jin Jianxi``, ``Jin Jian-xi``, ``Jin Jian Xi``) matches when the family word is
  one of the family readings and the given name splits into one reading of each given
  syllable, all of them.

A match is repaired only where the article confirms it (README, "Context-confirmed fixes"):
right after the person's own role, in an article that names the person in full, or, for a
given name of two syllables, in an article naming Korea in any form (``South Korea``,
``Korean``, ``ROK``, ``DPRK``: a Korean person of either country; two short words, ``Li
Ning``, are too many Chinese people's for that); and only when no other Korean person
matches, nothing right before the run says it is someone else's (another role, China), and
the run is no gazetteer name or generated spelling of anyone (a Chinese person's own name
is theirs). Elsewhere nothing is said: a pinyin name in an article that names no Korea is a
Chinese name far more often. ``bench/korean_pinyin_eval.py`` measures both sides: with
Korea alone as evidence, 0.14% of 58,098 Chinese three-character names would change.

Cost: the candidate test is one set look-up per title-case word (the family readings); the
tables and every person's readings are built once per process, on the first article with a
candidate run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from cleaner.detectors import Hit
from cleaner.detectors.names import NameIndex, fold, home_words
from cleaner.model import FixSafety, Level, Stage
from cleaner.registry import RuleRecord, allowed, examples
from cleaner.rules.entity import Entity
from cleaner.textview import TextView, Token

RULE = "NE914"
NEAR_RULE = "NE901"  # the suggestion of an unconfirmed near miss (confirm.NEAR_RULE)
RULES = (
    RuleRecord(
        RULE,
        "korean-name-through-chinese",
        Stage.ARTIFACT,
        Level.WARNING,
        FixSafety.SAFE,
        "a Korean person's name read through its hanja as pinyin, the hanja unknown",
        __doc__ or "",
        examples(
            (
                "South Korean First Lady Jin Jianxi visited Seoul.",
                "South Korean First Lady Kim Keon-hee visited Seoul.\n",
            ),
            (
                "In South Korea, Jin Jian-xi met voters. Jin Jian-xi smiled.",
                "In South Korea, Kim Keon-hee met voters. Kim Keon-hee smiled.\n",
            ),
        ),
        allowed(
            "Jin Jianxi visited Beijing on Monday.",
            "South Korea's envoy met Xi Jinping in Beijing.",
            "In South Korea, Jin Jianguo met voters.",
        ),
        origin=__name__,
    ),
)

READINGS_FILE = ("words", "korean-hanja-readings.tsv")
_MR_MARKS = str.maketrans({"ŏ": "eo", "ŭ": "eu", "Ŏ": "eo", "Ŭ": "eu", "'": "", "’": "", "ʻ": ""})
_PINYIN_WORD = regex.compile(r"[A-Za-z][a-z]+")


@lru_cache(maxsize=1)
def _readings() -> dict[str, frozenset[str]]:
    """Hangul syllable -> pinyin readings of its common hanja (the shipped table)."""
    from cleaner.resources import builtin_data

    out: dict[str, frozenset[str]] = {}
    with builtin_data(*READINGS_FILE).open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            syllable, readings = line.rstrip("\n").split("\t")
            out[syllable] = frozenset(readings.split())
    return out


@dataclass(frozen=True)
class _Tables:
    """The lookup tables one gazetteer's lexicon and the readings file give. Plain data (a
    dataclass of dicts, tuples and sets), so a command keeps it with the name index
    (``cleaner.detectors.stored``): NE913's family readings build it on most articles'
    first role."""

    family: dict[str, frozenset[str]]
    informal: dict[str, tuple[str, ...]]
    readings: dict[str, frozenset[str]]
    mr_initials: tuple[tuple[str, str], ...]
    rr: dict[str, set[str]]

    @classmethod
    def of(cls, index: NameIndex) -> _Tables:
        from korean_romanizer.romanizer import Romanizer

        lex = index.lexicon
        family = {k: frozenset(v) for k, v in lex.table("korean-family-readings")}
        informal = {k.lower(): v for k, v in lex.table("korean-romanised-syllables")}
        # The shipped table, and what a newsroom's rule files add to a syllable (a hanja
        # the frequency floor left out, as their Chinese sources write a name).
        readings = dict(_readings())
        for syllable, more in lex.table("korean-hanja-readings"):
            readings[syllable] = readings.get(syllable, frozenset()) | {r.lower() for r in more}
        mr_initials = tuple((k, v[0]) for k, v in lex.table("mccune-reischauer-initials"))
        rr: dict[str, set[str]] = {}
        for syllable in {*readings, *family}:
            if len(syllable) == 1:
                rr.setdefault(Romanizer(syllable).romanize().lower(), set()).add(syllable)
        return cls(family, informal, readings, mr_initials, rr)

    def hangul(self, spelling: str) -> set[str]:
        """The Hangul syllables a romanised syllable may stand for: as Revised Romanization,
        as an informal spelling (``korean-romanised-syllables``), and as McCune-Reischauer
        without its marks (``Po`` for 보 ``bo``: MR writes RR's initial g, d, b, j as k, t, p,
        ch; ``Chong`` for 정: its ŏ and ŭ lose their breves and read as o and u)."""
        word = spelling.translate(_MR_MARKS).lower()
        out: set[str] = set()
        forms = _mr_forms(word, self.mr_initials)
        for form in forms:
            out |= self.rr.get(form, set())
            for rr in self.informal.get(form, ()):
                out |= self.rr.get(rr, set())
            if out:  # the spelling as it stands first: a McCune-Reischauer reading only
                break  # for what neither RR nor the informal table reads (looser sets
        return out  # pass more Chinese names)


def _mr_forms(word: str, initials: Sequence[tuple[str, str]]) -> list[str]:
    """``word`` and its readings as McCune-Reischauer without marks (an initial as
    ``mccune-reischauer-initials`` reads it, k/t/p/ch as RR's g/d/b/j; an o as eo, a u as
    eu)."""
    forms = [word]
    for mr, rr in initials:
        if word.startswith(mr) and not word.startswith(mr + "h"):
            forms.append(rr + word[len(mr) :])
            break
    for form in list(forms):
        if "o" in form and "eo" not in form and "oe" not in form:
            forms.append(form.replace("o", "eo", 1))
        if "u" in form and "eu" not in form and "yu" not in form:
            forms.append(form.replace("u", "eu", 1))
    return forms


def family_words(index: NameIndex) -> frozenset[str]:
    """Every family reading, title-case (``Jin``, ``Li``): the candidate test."""
    return index.derived(
        "korean_family_words",
        lambda ix: frozenset(
            r.capitalize() for _, v in ix.lexicon.table("korean-family-readings") for r in v
        ),
    )


Given = tuple[frozenset[str], ...]
# (family readings, the given name's readings: one set per syllable, for each way the English
# given name splits into syllables)
Shape = tuple[frozenset[str], tuple[Given, ...]]


def person_shape(entity: Entity, tables: _Tables) -> Shape | None:
    """(family readings, the given name's syllable readings) of a Korean person, or None
    when a syllable has no reading (a name the tables cannot read is not guessed)."""
    native = entity.native or ""
    if native and all("\uac00" <= c <= "\ud7a3" or c.isspace() for c in native):
        syllables = [c for c in native if not c.isspace()]
        if len(syllables) < 2:
            return None
        family = tables.family.get(syllables[0])
        given = [tables.readings.get(s) for s in syllables[1:]]
        if not family or not all(given):
            return None
        return family, (tuple(g for g in given if g),)
    words = entity.canonical.split()
    if len(words) < 2:
        return None
    family_set = _family_readings(words[0], tables)
    given_words = words[1:]
    if not family_set or (entity.surname == words[-1] != words[0]):
        # written given name first, as some write it abroad (``Dong-hoon Han``), or so the
        # rule says (``Jong Ho Lee``: ``Jong`` may be a family name too, but the person's
        # family name is Lee, and a reading of Jong after the role is no Lee)
        family_set, given_words = _family_readings(words[-1], tables), words[:-1]
    parts = [p for w in given_words for p in w.split("-") if p]
    if not family_set or not 1 <= len(parts) <= 2:
        return None
    splits = [parts]
    if len(parts) == 1 and not _syllable_readings(parts[0], tables):
        # ``Saseong``: a given name written as one word that is no syllable is two (``Geon``
        # is one: not ``Ge`` and ``on``)
        word = parts[0]
        splits = [[word[:i], word[i:]] for i in range(1, len(word))]
    alternatives = []
    for split in splits:
        readings = [_syllable_readings(p, tables) for p in split]
        if all(readings):
            alternatives.append(tuple(readings))
    if not alternatives:
        return None
    return frozenset(family_set), tuple(alternatives)


def _family_readings(spelling: str, tables: _Tables) -> frozenset[str]:
    """The pinyin a family name's hanja read as, over every Hangul syllable its spelling
    may stand for."""
    out: set[str] = set()
    for h in tables.hangul(spelling):
        out |= tables.family.get(h, frozenset())
    return frozenset(out)


def _syllable_readings(spelling: str, tables: _Tables) -> frozenset[str]:
    """The pinyin a given-name syllable's common hanja read as, over every Hangul syllable
    its spelling may stand for."""
    out: set[str] = set()
    for h in tables.hangul(spelling):
        out |= tables.readings.get(h, frozenset())
    return frozenset(out)


def tables_of(index: NameIndex) -> _Tables:
    """The index's lexicon's tables, built once per index."""
    return index.derived("korean_tables", _Tables.of)


def may_be_family(spelling: str, index: NameIndex) -> bool:
    """Whether a romanised word may be a Korean family name: some Hangul syllable it may
    stand for is one of ``korean-family-readings`` (``Kim``, ``Rhee``; not ``Woo-sik``'s
    halves alone, nor ``Sik``)."""
    tables = tables_of(index)
    return any(h in tables.family for h in tables.hangul(spelling))


def korean_person(e: Entity, index: NameIndex) -> bool:
    """A person of a Korean country (``korean-countries``): a ``context`` word, or a place
    ``names.homes`` gives (the place a hand-written person's title ends in)."""
    countries = index.lexicon.words("korean-countries")
    return e.kind == "person" and any(c.lower() in countries for c in home_words(e, index))


def korean_people(index: NameIndex) -> list[tuple[Entity, Shape]]:
    """Every person of a Korean country with a readable name, and their readings."""

    def build(ix: NameIndex) -> list[tuple[Entity, Shape]]:
        tables = tables_of(ix)
        out = []
        for e in ix.entities:
            if korean_person(e, ix):
                shape = person_shape(e, tables)
                if shape is not None:
                    out.append((e, shape))
        return out

    return index.derived("korean_people", build)


def matches(run: Sequence[str], shape: Shape) -> bool:
    """Whether the words ``run`` (family word, then the given name as one, two or three
    words, hyphens inside) read as the person's pinyin: the family word one of the family
    readings and the given name split into one reading of each given syllable, in order."""
    family, alternatives = shape
    if run[0].lower() not in family:
        return False
    pieces = [p.lower() for w in run[1:] for p in w.split("-") if p]
    return any(_given_matches(pieces, given) for given in alternatives)


def _given_matches(pieces: list[str], given: Given) -> bool:
    """The given name's words (``["jian", "xi"]`` or ``["jianxi"]``) as one reading of each
    syllable, in order."""
    if len(pieces) == len(given):
        return all(p in g for p, g in zip(pieces, given, strict=True))
    if len(pieces) == 1 and len(given) == 2:
        word = pieces[0]
        return any(word[:i] in given[0] and word[i:] in given[1] for i in range(1, len(word)))
    return False


def _all_spellings(index: NameIndex) -> frozenset[str]:
    """Every name and generated spelling of every entity, folded: a run that is one is
    that entity's, not a Korean person's unknown reading."""

    def build(ix: NameIndex) -> frozenset[str]:
        return frozenset(
            fold(s) for e in ix.entities for s in (*e.names, *e.variants, *(f for f, _ in e.fixes))
        )

    return index.derived("korean_pinyin_spellings", build)


def candidate_runs(
    text: str, toks: Sequence[Token], titled: Sequence[int], index: NameIndex
) -> Iterator[tuple[int, int, int, tuple[str, ...]]]:
    """(token index, start, end, words) of each run of a family reading and one or two
    given-name words after it (``Jin Jianxi``, ``Jin Jian-xi``, ``Jin Jian Xi``), the whole
    run only: a longer run of capitals is a longer name."""
    families = family_words(index)
    last = len(toks) - 1
    for i in titled:
        if i >= last:
            break
        tok = toks[i]
        if tok.text not in families:
            continue
        words = [tok.text]
        end = tok.end
        j = i + 1
        while j <= last and len(words) < 3:
            nxt = toks[j]
            gap = text[end : nxt.start]
            # A given name's first word after a space, in title case; a later one after a
            # space in title case or after a hyphen in either case (``Jian-xi``).
            if not (
                (gap == " " and nxt.is_title) or (gap == "-" and len(words) > 1)
            ) or not _PINYIN_WORD.fullmatch(nxt.text):
                break
            words.append(nxt.text)
            end = nxt.end
            j += 1
        if len(words) > 1:
            yield i, tok.start, end, tuple(words)


_WORDS_BEFORE = regex.compile(r"(?:^|[.!?]\s+)?((?:[\p{L}'’-]+ ){1,4})$")


def _someone_else_before(text: str, start: int, others: frozenset[str]) -> bool:
    """Whether the words right before a run say it is someone else's name: a capitalised
    word right before it that does not open the sentence (a role that is not the person's,
    ``President Zhang Chunqiao`` for a Korean who is no president, or the start of a longer
    name), or one of ``others`` (``not-korea-words``) in the four words before (``China's
    ambassador``)."""
    m = _WORDS_BEFORE.search(text, max(0, start - 60), start)
    if not m:
        return False
    words = m.group(1).split()
    if any(w.lower() in others for w in words):
        return True
    last = words[-1]
    opens = m.start(1) == 0 or bool(regex.search(r"[.!?]\s+$", text[: m.start(1)]))
    return last[:1].isupper() and not (opens and len(words) == 1)


def korea_named(text: str, words: frozenset[str]) -> bool:
    """Whether ``text`` names Korea in any form: one of ``words`` (``korea-words``:
    ``Korea``, ``South Korean``, ``ROK``) as a whole word, not inside a hyphenated one."""
    return _korea_pattern(words).search(text) is not None


@lru_cache(maxsize=4)
def _korea_pattern(words: frozenset[str]) -> regex.Pattern[str]:
    alternatives = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    return regex.compile(rf"(?i)(?<![\w-])(?:{alternatives or '(?!)'})(?![\w-])")


def detect(
    view: TextView,
    index: NameIndex,
    taken: list[tuple[int, int]],
    role_before: Callable[[str, Sequence[Token], int, Entity, NameIndex], bool],
    country_named: Callable[[Entity, str, set[str], NameIndex], bool],
    written: Callable[[str, str], bool],
) -> list[Hit]:
    """NE914 repairs of runs that read as exactly one Korean person's pinyin, confirmed by
    the person's role right before the run or their country in the article.
    ``role_before`` and ``country_named`` are the confirmation module's own readings of the
    two (``confirm._role_adjacent``, NE913's: one of the person's titles ending right before
    the run, every capitalised word of it theirs; ``confirm._country_named``), and
    ``written`` its reading of a name written whole (``confirm.writes_name``), passed in so
    the rules cannot drift apart (confirm imports this module). ``taken``: spans other
    confirmations claimed (added to)."""
    text, toks = view.text, view.tokens
    runs = list(candidate_runs(text, toks, view.titled, index))
    if not runs:
        return []
    people = korean_people(index)
    korea = index.lexicon.words("korea-words")
    others = index.lexicon.words("not-korea-words")
    known = _all_spellings(index)
    hits: list[Hit] = []
    done: set[tuple[str, ...]] = set()
    for i, start, end, run in runs:
        if any(s < end and start < e for s, e in taken) or run in done:
            continue
        if fold(" ".join(run)) in known:
            continue  # somebody's own name or generated spelling
        found = [(e, shape) for e, shape in people if matches(run, shape)]
        if len(found) != 1:
            continue
        e, shape = found[0]
        safe = True
        if role_before(text, toks, i, e, index):
            why = "right after the person's own role"
        elif _someone_else_before(text, start, others):
            continue
        elif any(written(name, text) for name in e.names):
            why = "in an article that names the person"
        elif not (korea_named(text, korea) or country_named(e, text, set(view.words), index)):
            continue
        else:
            why = "in an article naming Korea"
            # Korea named is enough only for a given name of two syllables: two short words
            # (``Li Ning``, a Chinese gymnast, reads as Lee Young) are too many people's,
            # so with one syllable the reading is a suggestion (NE901), not a repair.
            safe = not matches(run, (shape[0], tuple(g for g in shape[1] if len(g) == 1)))
        done.add(run)
        old = text[start:end]
        for m in regex.finditer(rf"(?<![\w-]){regex.escape(old)}(?![\w-])", text):
            if any(s < m.end() and m.start() < e_ for s, e_ in taken):
                continue
            if not safe:  # a suggestion claims no span: a confirmed repair may still
                hits.append(_suggestion(m.start(), m.end(), old, e))
                continue
            taken.append((m.start(), m.end()))
            hits.append(
                Hit(
                    m.start(),
                    m.end(),
                    RULE,
                    Level.WARNING,
                    f"'{old}' is {e.canonical}'s name read through Chinese ({e.id}; {why})",
                    (e.canonical,),
                    FixSafety.SAFE,
                    "a Korean name's hanja read as pinyin, every syllable one of the "
                    f"person's readings and no other person's; confirmed {why}",
                    e.id,
                )
            )
    return hits


def _suggestion(start: int, end: int, old: str, e: Entity) -> Hit:
    """NE901's suggestion for a reading Korea alone cannot confirm (a one-syllable given
    name): reported with the person's name, applied only with ``--unsafe-fixes``."""
    return Hit(
        start,
        end,
        NEAR_RULE,
        Level.WARNING,
        f"'{old}' may be {e.canonical}'s name read through Chinese ({e.id}; the article "
        "names Korea, but a one-syllable given name reads as many Chinese names)",
        (e.canonical,),
        FixSafety.UNSAFE,
        "near-miss name: a Korean name's hanja read as pinyin, every syllable one of the "
        "person's readings, confirmed by nothing but Korea named",
        e.id,
    )
