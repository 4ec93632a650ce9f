"""Korean names through Russian and Ukrainian (``rules/words/korean_cyrillic.yaml``).

A Russian source writes a Korean name by Kontsevich's system, each syllable a word of its
own (``Мун Чжэ Ин``, ``Юн Сок Ёль``, ``Цой Сон Хи``), and MT romanises the Cyrillic again by
whatever scheme it learnt: ``Mun Chzhe In``, ``Yun Sok Yol``, ``Tsoi Son Khi``. A Ukrainian
source writes the same Cyrillic with its own letters (``Юн Сок Йоль``, ``Мун Чже Ін``). The
system reads the Hangul jamo by jamo, so the route needs no data per person: each Korean
person's Hangul name (``native: {ko: ...}``) is read through the tables when the gazetteer
is built, and the spellings are guarded as the other routes' are (``route_collisions``):
dropped where another entity has them, repaired in an article about the person, a
suggestion elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from cleaner.rules.cyrillic_routes import Table, add_spellings, romanised
from cleaner.rules.entity import Entity, korean
from cleaner.rules.lexicon import Lexicon

# Unicode's order of a syllable's jamo (U+AC00 + (initial * 21 + vowel) * 28 + final): the
# standard's definition, written with the letters the rule file uses as keys.
_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_FINALS = ("", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ")


def jamo(syllable: str) -> tuple[str, str, str] | None:
    """A Hangul syllable's initial, vowel and final (``""`` for none), or ``None`` for any
    other character."""
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        return None
    return _INITIALS[code // 588], _VOWELS[code % 588 // 28], _FINALS[code % 28]


@dataclass(frozen=True)
class Kontsevich:
    """The rule file's tables, read once per gazetteer build."""

    initial: Mapping[str, tuple[str, ...]]
    vowel: Mapping[str, tuple[str, ...]]
    final: Mapping[str, str]
    voiceless: frozenset[str]
    family: Mapping[str, tuple[str, ...]]

    @classmethod
    def from_tables(
        cls, initial: Table, vowel: Table, final: Table, voiceless: Iterable[str], family: Table
    ) -> Kontsevich:
        return cls(
            initial={k: tuple(v) for k, v in initial},
            vowel={k: tuple(v) for k, v in vowel},
            final={k: v[0] if v else "" for k, v in final},
            voiceless=frozenset(voiceless),
            family={k: tuple(v) for k, v in family},
        )

    def syllable(self, initial: str, vowel: str, final: str, after: str | None) -> str | None:
        """One syllable in Cyrillic; ``after`` is the previous syllable's final (``""`` after
        a vowel), ``None`` at the start of the name."""
        starts = self.initial.get(initial)
        vowels = self.vowel.get(vowel)
        if not starts or not vowels or (final and final not in self.final):
            return None
        voiced = after is not None and after not in self.voiceless and len(starts) > 1
        start = starts[voiced]
        # A silent initial (ㅇ: "") leaves the vowel to open the syllable (희 хи, 의 ый).
        opening = vowels[1] if not start and len(vowels) > 1 else vowels[0]
        return start + opening + self.final.get(final, "")

    def words(self, hangul: str) -> list[list[str]]:
        """A Korean name (family name of one syllable, then the given name's) as the words a
        Russian source writes, one list per spelling of the family name; empty when the
        name is not two or three Hangul syllables (a family name of two syllables cannot be
        told from a given name's first)."""
        letters = hangul.replace(" ", "")
        parts = [p for p in map(jamo, letters) if p is not None]
        if len(parts) not in (2, 3) or len(parts) != len(letters):
            return []
        read: list[str] = []
        after: str | None = None
        for initial, vowel, final in parts:
            word = self.syllable(initial, vowel, final, after)
            if word is None:
                return []
            read.append(word)
            after = final
        families = self.family.get(letters[0], ()) or (read[0],)
        return [[family.lower(), *read[1:]] for family in families]


def kontsevich(lexicon: Lexicon) -> Kontsevich:
    """The tables of the rule folders' ``lists:`` (``rules/words/korean_cyrillic.yaml``)."""
    return Kontsevich.from_tables(
        lexicon.table("hangul-cyrillic-initial"),
        lexicon.table("hangul-cyrillic-vowel"),
        lexicon.table("hangul-cyrillic-final"),
        lexicon.words("hangul-cyrillic-voiceless-finals"),
        lexicon.table("korean-family-cyrillic"),
    )


def route_names(
    canonical: str, hangul: str, tables: Kontsevich, ukrainian: Table = ()
) -> dict[str, str]:
    """The whole-name spellings of a Korean person through Russian (and, given
    ``ukrainian``, through Ukrainian), each with what it becomes (``canonical``): family name
    first, each syllable a word, as Russian and Ukrainian write a Korean name."""
    out: dict[str, str] = {}
    for words in tables.words(hangul):
        for spelling, target in romanised(words, canonical, ukrainian, syllables=True).items():
            out.setdefault(spelling, target)
    return out


def add_korean_routes(
    entities: Iterable[Entity],
    hangul: Mapping[str, str],
    tables: Kontsevich,
    ukrainian: Table = (),
) -> tuple[list[Entity], dict[str, set[str]]]:
    """Each Korean person (``entity.korean``) with a Hangul name (``hangul``: entity id ->
    it) with their spellings through Russian and Ukrainian as variants, and those spellings
    by entity id."""

    def spell(e: Entity) -> dict[str, str]:
        name = hangul.get(e.id)
        if e.kind != "person" or not name or not korean(e):
            return {}
        return route_names(e.canonical, name, tables, ukrainian)

    return add_spellings(entities, spell)
