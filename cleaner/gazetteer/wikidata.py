"""Read Wikidata's JSON entity format into gazetteer records.

Accepted input, one entity per line: the JSON dump's own lines (``[`` / ``]`` lines and the
trailing commas are skipped), the ``Special:EntityData/Q42.json`` form (``{"entities": {...}}``)
or the "simplified" form many tools write (``labels: {"en": "Douglas Adams"}``, ``claims:
{"P31": ["Q5"]}``). What is read: English label and aliases (the canonical spelling and the
accepted ones), the labels in the scripts machine translation goes through (``native``), and
a few claims: P31 instance of (what kind of entity), P21 sex or gender, P39 position held
(titles), P27 citizenship / P17 country (context words), and the English Wikipedia article's
title (``sitelinks.enwiki``: how English writes a person whose label is another transliteration,
see ``english_title``). A position or country named by a
claim is resolved to its English label when that entity is in the input too; entities that are
only positions are used for that and not written as rules.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import regex

from cleaner.errors import CleanerError
from cleaner.folding import fold_key


class ImportError_(CleanerError):
    """A line of the input that is not a Wikidata entity (names the line)."""


# P31 values that decide the kind. Anything else is the importer's ``default_kind``.
PERSON = frozenset({"Q5"})
PLACE = frozenset(
    {
        "Q6256",  # country
        "Q3624078",  # sovereign state
        "Q7275",  # state
        "Q515",  # city
        "Q1549591",  # big city
        "Q5119",  # capital
        "Q486972",  # human settlement
        "Q10864048",  # first-level administrative division
        "Q3336843",  # country of the United Kingdom
        "Q15284",  # municipality
        "Q23442",  # island
        "Q82794",  # region
    }
)
ORGANISATION = frozenset(
    {
        "Q7278",  # political party
        "Q484652",  # international organization
        "Q43229",  # organization
        "Q1127126",  # military alliance
        "Q245065",  # intergovernmental organization
        "Q327333",  # government agency
        "Q2659904",  # government organization
        "Q1331793",  # media company
        "Q192283",  # news agency
        "Q4830453",  # business
    }
)
EVENT = frozenset({"Q198", "Q180684", "Q8465", "Q1190554", "Q350604", "Q645883"})
POSITION = frozenset({"Q4164871", "Q30461", "Q83307", "Q294414"})
GENDER = {"Q6581097": "male", "Q6581072": "female", "Q2449503": "male", "Q1052281": "female"}

# Wikidata language codes read for each native route, most specific first.
NATIVE_CODES: dict[str, tuple[str, ...]] = {
    "ru": ("ru",),
    "uk": ("uk",),
    "zh": ("zh-hans", "zh-cn", "zh", "zh-hant", "zh-tw", "zh-hk"),
    "ko": ("ko",),
    "ja": ("ja",),
}
# The script a native label must be written in to be of use (a Latin "zh" label is not).
SCRIPTS: dict[str, tuple[str, ...]] = {
    "ru": ("CYRILLIC",),
    "uk": ("CYRILLIC",),
    "zh": ("CJK",),
    "ko": ("HANGUL",),
    "ja": ("CJK", "HIRAGANA", "KATAKANA"),
}
ENGLISH = ("en", "en-gb", "en-us", "en-ca", "mul")


@dataclass
class Record:
    """One imported entity, ready to be written as an ``entity`` rule."""

    qid: str
    kind: str
    canonical: str
    accepted: list[str] = field(default_factory=list)
    gender: str | None = None
    native: dict[str, str] = field(default_factory=dict)
    titles: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)


def read_lines(lines: Iterable[str], source: str = "<input>") -> Iterator[dict[str, Any]]:
    """Entities from JSON lines (dump lines, EntityData documents or simplified entities)."""
    for number, line in enumerate(lines, 1):
        text = line.strip().rstrip(",")
        if not text or text in ("[", "]"):
            continue
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ImportError_(f"{source}:{number}: not a JSON entity ({exc.msg})") from None
        if not isinstance(data, dict):
            raise ImportError_(f"{source}:{number}: not a JSON entity (a {type(data).__name__})")
        if isinstance(data.get("entities"), dict):
            yield from (e for e in data["entities"].values() if isinstance(e, dict))
            continue
        if not str(data.get("id", "")).startswith(("Q", "P", "L")):
            raise ImportError_(f"{source}:{number}: entity without a Wikidata id")
        yield data


# Characters a label may carry that no text writes as part of the name: a zero-width space
# or byte-order mark pasted in with it ("\u200bFahad bin Abdurrahman Al-Jalajel\u200b").
# (The zero-width joiner and non-joiner are letters' business in Persian and Indic scripts.)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff"))


def _value(item: Any) -> str | None:
    if isinstance(item, dict):
        item = item.get("value")
    return item.translate(_INVISIBLE) if isinstance(item, str) else None


def label(entity: dict[str, Any], lang: str) -> str | None:
    value = _value((entity.get("labels") or {}).get(lang))
    return value.strip() if value and value.strip() else None


def aliases(entity: dict[str, Any], lang: str) -> list[str]:
    items = (entity.get("aliases") or {}).get(lang) or []
    return [v.strip() for v in (_value(i) for i in items) if v and v.strip()]


def claim_ids(entity: dict[str, Any], prop: str) -> list[str]:
    """The item ids a claim points at, in the full and in the simplified format."""
    out: list[str] = []
    for item in (entity.get("claims") or {}).get(prop) or []:
        if isinstance(item, str):
            out.append(item)
            continue
        if not isinstance(item, dict):
            continue
        if "mainsnak" in item:
            if item.get("rank") == "deprecated":
                continue
            value = ((item["mainsnak"] or {}).get("datavalue") or {}).get("value")
            if isinstance(value, dict) and isinstance(value.get("id"), str):
                out.append(value["id"])
        elif isinstance(item.get("value"), str):
            out.append(item["value"])
    return out


def _in_script(text: str, scripts: tuple[str, ...]) -> bool:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    hits = sum(1 for c in letters if unicodedata.name(c, "").startswith(scripts))
    return hits / len(letters) >= 0.8


def kind_of(entity: dict[str, Any], default: str) -> str:
    types = set(claim_ids(entity, "P31"))
    for kind, ids in (
        ("person", PERSON),
        ("position", POSITION),
        ("place", PLACE),
        ("organisation", ORGANISATION),
        ("event", EVENT),
    ):
        if types & ids:
            return kind
    return default


def english(entity: dict[str, Any]) -> str | None:
    """The English name: the first Latin-script label of the English codes. A ``mul`` or even
    an ``en`` label in Hangul or kanji (data entered that way) is no English spelling."""
    for code in ENGLISH:
        found = label(entity, code)
        if found and _in_script(found, ("LATIN",)):
            return found
    return None


def native_names(entity: dict[str, Any], languages: Iterable[str]) -> dict[str, str]:
    """The entity's label in each wanted native language, when written in that script."""
    out: dict[str, str] = {}
    for lang in languages:
        for code in NATIVE_CODES.get(lang, (lang,)):
            found = label(entity, code)
            if found and _in_script(found, SCRIPTS.get(lang, ("",))):
                out[lang] = found
                break
    return out


def enwiki_title(entity: dict[str, Any]) -> str | None:
    """The English Wikipedia article's title: ``sitelinks.enwiki.title`` in the full format,
    ``sitelinks: {"enwiki": "Title"}`` in the simplified one."""
    link = (entity.get("sitelinks") or {}).get("enwiki")
    value = link.get("title") if isinstance(link, dict) else link
    return value.strip() if isinstance(value, str) and value.strip() else None


def _marks(text: str) -> set[str]:
    """The combining marks of ``text`` once decomposed (U+0301 for the acute of ``é``)."""
    return {c for c in unicodedata.normalize("NFD", text) if unicodedata.combining(c)}


def _unmarked(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


# A macron is how Hepburn writes a Japanese long vowel, and English writes the name without it
# (``Ōta``: ``Ota`` is right, ``Ohta`` is another spelling): a label marked so is no scholarly
# transliteration that English respells.
_MACRON = "\u0304"


def english_title(label: str, title: str | None, kind: str) -> tuple[str, str | None]:
    """A person's canonical spelling and an accepted one from the English Wikipedia title.

    Wikidata's English label is often a transliteration with the native script's marks
    (``Níki Keraméos``, Greek's stress accents) or another romanisation (``Javad Oji``,
    ``Kostis Chatzidakis``) where English writes the name as its Wikipedia title does (``Niki
    Kerameus``, ``Javad Owji``, ``Kostis Hatzidakis``). A title that is another spelling of
    the same name (Latin script, the words before the last the same letters, marks and case
    aside) is an accepted spelling, never "repaired"; one that only adds or drops marks is
    the name itself already (``Shinzo Abe``) and is not written. When the label carries
    marks the title drops (other than a macron) and its letters differ too, the title is the
    English spelling: it becomes the canonical name, the label as Wikidata writes it stays
    accepted, and the label without its marks (``Niki Kerameos``, a letter-by-letter
    transliteration) is a near miss the article's confirmations repair (NE911, NE913).
    Returns (canonical, accepted spelling or None).
    """
    if kind != "person" or not title:
        return label, None
    title = plain_name(title, kind)
    words, other = label.split(), title.split()
    if (
        _unmarked(title) == _unmarked(label)  # the name itself, with or without its marks
        or not _in_script(title, ("LATIN",))
        or len(words) < 2
        or [_unmarked(w).lower() for w in words[:-1]] != [_unmarked(w).lower() for w in other[:-1]]
    ):
        return label, None
    marks = _marks(label) - {_MACRON}
    if marks and not _marks(title):
        return title, label
    return label, title


def plain_name(label: str, kind: str) -> str:
    """The name as an article prints it: without a disambiguator (``Masaki Saito
    (diplomat)``), a nickname in quotes (``Philip "Brave" Davis``) or, for a person, a style
    after a comma (``Natalie Evans, Baroness Evans``)."""
    text = regex.sub(r"\s*\([^)]*\)", "", label)
    text = regex.sub(r'\s*"[^"]*"', "", text)
    if kind == "person":
        text = text.split(", ")[0]
    return " ".join(text.split())


def records(
    entities: Iterable[dict[str, Any]], languages: Iterable[str], default_kind: str = "other"
) -> tuple[list[Record], int]:
    """Gazetteer records of the entities (positions only resolve titles) and how many were
    skipped for want of an English label."""
    entities = list(entities)
    langs = tuple(languages)
    names = {e["id"]: english(e) for e in entities if english(e)}
    out: list[Record] = []
    skipped = 0
    for e in entities:
        kind = kind_of(e, default_kind)
        if kind == "position":
            continue
        canonical = plain_name(names.get(e["id"]) or "", kind)
        if not canonical:
            skipped += 1
            continue
        canonical, spelling = english_title(canonical, enwiki_title(e), kind)
        # An alias the rule engine reads as the canonical name itself (``North East Atlantic
        # Fisheries Commission`` for ``North-East ...``: case, hyphens and spaces fold alike)
        # is no other spelling; as one it would share the name's key, and which of the two a
        # repair writes would depend on the order the automaton was built in.
        own = fold_key(canonical)
        accepted = ([spelling] if spelling else []) + [
            a
            for code in ENGLISH
            for a in aliases(e, code)
            if fold_key(a) != own and _in_script(a, ("LATIN",))
        ]
        gender = next((GENDER[g] for g in claim_ids(e, "P21") if g in GENDER), None)
        titles = [names[p] for p in claim_ids(e, "P39") if p in names]
        context = [names[c] for c in [*claim_ids(e, "P27"), *claim_ids(e, "P17")] if c in names]
        out.append(
            Record(
                qid=e["id"],
                kind=kind,
                canonical=canonical,
                accepted=list(dict.fromkeys(accepted)),
                gender=gender if kind == "person" else None,
                native=native_names(e, langs),
                titles=list(dict.fromkeys(titles)),
                context=list(dict.fromkeys(context)),
            )
        )
    return out, skipped
