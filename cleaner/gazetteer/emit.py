"""Write imported records as an ``entity`` rule file: the one place that knows the YAML keys.

The rule vocabulary is being unified across rule types (issue 14); when a key is renamed,
``KEYS`` is the only line to change here.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import regex
import yaml

from cleaner.detectors.names import NameIndex
from cleaner.gazetteer.wikidata import Record
from cleaner.rules.types.entity import EntityRule

# Record field -> YAML key of the entity rule type.
KEYS = {
    "id": "id",
    "canonical": "canonical",
    "kind": "kind",
    "gender": "gender",
    "accepted": "accepted",
    "native": "native",
    "surname": "surname",
    "titles": "titles",
    "context": "context",
    "wikidata": "wikidata",
    "generated": "generated",
    "wrong_first_names": "wrong-first-names",
    "tests": "tests",
    "allows": "allows",
}
# The rule type's own defaults for what the importer writes (also the file's ``defaults:``).
DEFAULTS = {
    "type": "entity",
    "level": "warning",
    "fix": "safe",
    "message": "Name garbled by machine translation: '{match}' is {fix}",
}
# Native routes kept per kind: a person's name goes through every script; a place's or an
# organisation's through none yet (their garbles are calques, which are phrase rules).
NATIVE_KINDS = {"person"}
# Marks of a foreign name transliterated into the script (乔·拜登, ジョー・バイデン, 조 바이든):
# such a label says nothing about how MT renders the person, so it is not a native name.
_FOREIGN_MARKS = {"zh": "·•‧・", "ja": "・=＝", "ko": " "}


def rule_id(qid: str) -> str:
    """``Q7747`` -> ``NE-Q7747`` (ids end in three digits: ``Q30`` -> ``NE-Q030``)."""
    return f"NE-Q{int(qid[1:]):03d}"


def _native(record: Record) -> dict[str, str]:
    if record.kind not in NATIVE_KINDS:
        return {}
    out: dict[str, str] = {}
    for lang, name in record.native.items():
        marks = _FOREIGN_MARKS.get(lang, "")
        if any(m in name for m in marks):
            continue
        if lang == "ja" and all("KATAKANA" in _name(c) for c in name if c.isalpha()):
            continue
        out[lang] = _without_patronymic(name) if lang in ("ru", "uk") else name
    return out


# A Russian, Ukrainian or Belarusian patronymic (Олексійович, Евгеньевич, Тарасович, Іванівна).
_PATRONYMIC = regex.compile(r"(?i)^\p{Cyrillic}+(?:вич|віч|ьич|вна|чна)$")


def _without_patronymic(name: str) -> str:
    """The name as English writes it, given name then surname: a label from the country's own
    Wikipedia is often ``Surname Given Patronymic`` (``Симоненко Олексій Юрійович``, or with
    a comma) or ``Given Patronymic Surname``. Left as it is, the route would read each word
    as the English name's word in the same place, and repair ``Oleksiy`` into the surname."""
    words = name.replace(",", " ").split()
    if len(words) != 3:
        return name
    if _PATRONYMIC.match(words[1]):  # Given Patronymic Surname (a surname may end -віч)
        return f"{words[0]} {words[2]}"
    if _PATRONYMIC.match(words[2]):  # Surname Given Patronymic
        return f"{words[1]} {words[0]}"
    return name


def _name(char: str) -> str:
    import unicodedata

    return unicodedata.name(char, "")


_SUFFIX = regex.compile(r"^(?:[IVX]+|Jr\.?|Sr\.?)$")


def _surname(record: Record, native: dict[str, str]) -> str | None:
    """Which word of the English name a short reference uses, where the last word is not it:
    East Asian names (whose English order varies: ``Yoon Suk-yeol`` but ``Shigeru Ishiba``),
    and names with a regnal number, a suffix or a style (``Mswati III``, ``Abdullah II of
    Jordan``, ``Conrado Estrella III``: not ``III`` or ``Jordan``)."""
    if record.kind != "person":
        return None
    tokens = record.canonical.split()
    # A Korean's or a Taiwanese person's Japanese label is their hanja: their own order (and
    # a hyphenated given name, ``Chin-tien``, is no Hepburn romanisation).
    japanese = "Japan" in record.context or (
        "ja" in native and not {"zh", "ko"} & set(native) and "-" not in tokens[-1]
    )
    if len(tokens) >= 2 and japanese and "ja" in native:
        # Wikidata's English label of a Japanese person is in Western order (``Yoshihide
        # Suga``, ``Tarō Asō``): the family name is the last word unless the kanji's reading
        # says the first is (a label written family name first). The reading alone cannot
        # decide: 菅 reads ``Kan``, which is neither word of ``Yoshihide Suga``.
        from cleaner.rules.translit import japanese_readings

        family = {r.split()[0] for r in japanese_readings(native["ja"]) if " " in r}
        if _ascii(tokens[0]) in family and _ascii(tokens[-1]) not in family:
            return tokens[0]
        return tokens[-1]
    if len(tokens) >= 2 and {"zh", "ko", "ja"} & set(native):
        from cleaner.gazetteer.family import HYPHENED_GIVEN

        if len(tokens) == 2 and HYPHENED_GIVEN.fullmatch(tokens[0]) and "-" not in tokens[1]:
            # "Jenn-Chuan Chern" (陳振川), "Joo-seop Ahn" (안주섭): the hyphen joins a given
            # name's two syllables; a family name has none, so this one is written last.
            return tokens[1]
        if "zh" in native:
            later = [t for t in tokens[1:] if _reads_as_family(tokens[0], t, native["zh"])]
            if len(later) == 1:
                # "Joseph Wu" (吳釗燮), "James C. F. Huang" (黃志芳), "Steve Chen Ruey-long"
                # (陳瑞隆): an English given name first
                return later[0]
            if _english_given_name_first(tokens, native["zh"]):
                return tokens[-1]  # "David Lee" (李大維): Lee is no pinyin of 李, David none
        return tokens[0]
    if len(tokens) >= 2:
        from cleaner.gazetteer.family import family_first

        family = family_first(record.canonical, record.context, shipped_lists())
        if family is not None:
            return family  # "Han Changfu", "Park Won-soon": no script to read it by
    head = regex.split(r",| of ", record.canonical)[0].split()
    while len(head) > 1 and _SUFFIX.match(head[-1]):
        head.pop()
    if not head or head == tokens:
        return None
    return head[-1] if len(head) >= 2 else head[0]


@lru_cache(maxsize=1)
def shipped_lists() -> NameIndex:
    """An index with no entities: the shipped word lists (``family-first-countries``, the
    Korean family names) for ``family_first``."""
    return NameIndex.build(())


def _english_given_name_first(tokens: list[str], chinese: str) -> bool:
    """Whether a Chinese person's English name opens with an English given name, where no
    word is the pinyin or Wade-Giles of the family character (``David Lee``, 李大維): the
    Chinese name has a given name of two characters, which the English writes as no single
    word after a family name (``Lee Jye``, 李傑, is family name first), nor hyphenated
    (``Lee Teng-hui``); the English name is two words, or three with the Chinese given name
    hyphenated between (``Woody Tyzz-Jiun Duh``); and its first word is one the given-name
    list holds (``rules/metadata/given-names.txt``) that no character reads as (``David``,
    ``Ovid``, ``Wellington``; not ``Chan``, ``Yen``, ``Lien``). A Singaporean's ``Ng Eng
    Hen`` (Hokkien, no Mandarin syllable) is three words, and stays family name first."""
    from cleaner.metadata.lexicon import shipped_given_names
    from cleaner.rules.translit import mandarin_syllables

    if len([c for c in chinese if _name(c).startswith("CJK")]) != 3:
        return False
    if not (len(tokens) == 2 and "-" not in tokens[1]) and not (
        len(tokens) == 3 and "-" in tokens[1]
    ):
        return False
    first = _ascii(tokens[0])
    return first not in mandarin_syllables() and first in shipped_given_names()


def _reads_as_family(first: str, last: str, chinese: str) -> bool:
    """Whether a later word (``last``) of an English name, and not the first, is how the
    Chinese name's family name reads (pinyin or Wade-Giles, of its first character or, for
    a two-character family name, its first two): Taiwan's and Hong Kong's office holders
    put an English given name first (``Joseph Wu``, 吳 Wu; ``Eric Chu``, 朱 Chu; ``Bruce
    Linghu``, 令狐), where a Chinese name in its own order starts with the family name
    (``Li Zhaoxing``, 李). A reading that agrees with neither word (``David Lee``, 李 Li)
    decides nothing: the first word stays."""
    import pypinyin

    chars = [c for c in chinese if _name(c).startswith("CJK")]
    if len(chars) < 2:
        return False
    readings: set[str] = set()
    for head in (chars[:1], chars[:2]):
        for style in (pypinyin.Style.NORMAL, pypinyin.Style.WADEGILES):
            syllables = pypinyin.lazy_pinyin("".join(head), style=style)
            readings.add(_ascii("".join(syllables).replace("v", "u")))
    return _ascii(last) in readings and _ascii(first) not in readings


def _ascii(word: str) -> str:
    """``Asō`` -> ``aso``: a romanised word compared with a plain Hepburn reading."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if c.isascii() and c.isalpha())


def _words(name: str) -> list[str]:
    """The words of a name in any order, without their marks: ``Abe Shinzo`` and ``Shinzō
    Abe`` are one name (English drops the macron; Japan writes the family name first). Case
    is kept: ``Ming-Tang`` for ``Ming-tang`` is a slip to repair."""
    import unicodedata

    bare = unicodedata.normalize("NFKD", name)
    return sorted("".join(c for c in bare if not unicodedata.combining(c)).split())


def rule_of(record: Record) -> dict[str, object]:
    """The YAML mapping of one record (empty fields left out), with the spellings its
    native names generate written out, so loading it costs no transliteration."""
    native = _native(record)
    fields: dict[str, object] = {
        "id": rule_id(record.qid),
        "canonical": record.canonical,
        "kind": record.kind,
        "gender": record.gender,
        "accepted": record.accepted,
        "native": native,
        "surname": _surname(record, native),
        "titles": record.titles,
        "context": record.context,
        "wikidata": record.qid,
    }
    rule = _as_rule(fields)
    fixes: dict[str, str] = {}
    if native:
        generated = rule.generate()
        # Case forms (places only) are unsafe fixes the loader marks as such: a rule that
        # has any is left to generate at load rather than lose that mark.
        if not generated.case_forms:
            entity = rule.to_entity()  # its correct spellings are never garbles
            protected = {*entity.names, entity.surname}
            # Nor is the right name in the other order (``Hatoyama Yukio``, as Japan writes
            # it): a reading of the kanji that gives the canonical's own words is no garble.
            own = _words(record.canonical)
            fixes = {
                s: t for s, t in generated.fixes.items() if s not in protected and _words(s) != own
            }
            default = rule.target_of
            fields["generated"] = [s if default(s) == t else {s: t} for s, t in fixes.items()]
            fields["wrong_first_names"] = generated.wrong_first_names
    example = firing_example(rule, fixes)
    if example:
        fields["tests"] = [example]
    fields["allows"] = [f"{record.canonical} {_TAIL}"]
    return {KEYS[k]: v for k, v in fields.items() if v or (k == "generated" and native)}


_TAIL = "was mentioned on Monday."


def _as_rule(fields: dict[str, object]) -> EntityRule:
    """The entity rule the fields make, as the loader would build it."""
    from cleaner.rules.loader import parse_common

    raw = {**DEFAULTS, **{KEYS[k]: v for k, v in fields.items() if v}}
    where = Path("<import>")
    return EntityRule.from_raw(raw, parse_common(raw, where), where)


def firing_example(rule: EntityRule, fixes: dict[str, str]) -> dict[str, str] | None:
    """A ``tests`` example the rule fires on: a generated full-name garble, else a one-word
    garble in an article that names the person, else a lost possessive of a one-word name
    (``Kishidas visit``). None when the entity repairs nothing (a name ending in ``s`` and
    no native route): its ``allows`` example is then its only one."""
    lead = f"{rule.canonical} spoke."
    whole = [s for s in fixes if len(s.split()) > 1]
    if whole:
        return {"in": f"{whole[0]} {_TAIL}", "out": f"{fixes[whole[0]]} {_TAIL}"}
    if fixes:
        word, target = next(iter(fixes.items()))
        return {"in": f"{lead} {word} {_TAIL}", "out": f"{lead} {target} {_TAIL}"}
    entity = rule.to_entity()
    # Shortest first, then by spelling: a set's order changes from run to run.
    forms = sorted(
        {*entity.names, *([entity.surname] if entity.surname else [])}, key=lambda f: (len(f), f)
    )
    for form in forms:
        last = form.split()[-1]
        if not last[:1].isupper() or form[-1:] in "sxzSXZ" or f"{form}s" in entity.names:
            continue
        return {"in": f"{lead} {form}s visit {_TAIL}", "out": f"{lead} {form}'s visit {_TAIL}"}
    return None


def dump(records: Iterable[Record], header: str, kind_message: str | None = None) -> str:
    """The rule file text: a comment header (provenance), defaults and the rules."""
    defaults = {**DEFAULTS, "message": kind_message or DEFAULTS["message"]}
    body = {"defaults": defaults, "rules": [rule_of(r) for r in records]}
    text = yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=100)
    comment = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines())
    return comment + text


def write(path: Path, records: Iterable[Record], header: str) -> int:
    records = list(records)
    path.write_text(dump(records, header), encoding="utf-8")
    return len(records)
