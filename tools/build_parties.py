"""Turn Party Facts' core parties into Wikidata entity lines for `cleaner gazetteer import`.

The gazetteer held people and places but no political party: an article naming the
Bharatiya Janata Party, Fidesz or Yesh Atid had nothing to say the name is right, and a
garble of it (a lost possessive, ``Bharatiya Janata Partys``; a near miss, ``Fidess``)
nothing to be measured against. Party
Facts (hdigital/partyfactsdata, MIT) links the parties of many datasets; its core list gives
each party's country, first and last year and best vote share, and its Wikipedia import gives
the party's Wikidata id. Nothing here is typed from memory:

    python tools/build_parties.py --partyfacts /work/.mirror/hdigital+partyfactsdata/repo \
        --leaders /work/.mirror/every-politician-scrapers+world-leaders-2021/repo \
        --out /tmp/gaz/parties.jsonl
    cleaner gazetteer import /tmp/gaz/parties.jsonl -o rules/entities/wikidata/parties.yaml

Which parties (``wanted``): of the countries in ``COUNTRIES`` (the G20's and those whose
cabinets the gazetteer holds), still existing (no last year), not a technical entry (an
alliance of convenience, "other parties"), with a best vote share of ``MIN_SHARE`` percent
or more, and with both a Wikidata id and an English Wikipedia article. The English name is
the article's title (how English writes the party: ``Bharatiya Janata Party``, where the core
list's English column is a word-for-word gloss, ``Indian People's Party``); the title's
disambiguator goes (``Democratic Party (United States)``). A name of one word that English
has (``Change``, ``Voice``) or that is a country's own name is left out: as a gazetteer name
it would be "repaired" in ordinary prose (a lost possessive, ``Changes``); so is a
description (``Centre-right coalition``). A name of common English words (``We Are Family``,
``Law and Justice``) is taken: the detectors' name index keeps an organisation's common words
out of the name words it reads (until session 12 such names were left out here). The
party's country is its context, resolved to the country entity the world leaders' data
names.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

from cleaner.detectors.text import is_english_word
from cleaner.gazetteer.wikidata import plain_name

# The G20's members, then the countries whose cabinets `cabinets.yaml`/`officeholders.yaml`
# hold (SOURCES.md), by Party Facts' ISO 3166 alpha-3 codes.
G20 = {"ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR",
       "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA"}  # fmt: skip
CABINETS = {"AUT", "BLR", "BGR", "CZE", "DNK", "FIN", "GRC", "HUN", "IRL", "ISR", "IRN", "MYS",
            "NLD", "PAK", "PHL", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE", "VNM", "TWN",
            "SGP", "UKR", "BHR", "IRQ", "KWT", "OMN", "ARE"}  # fmt: skip
COUNTRIES = frozenset(G20 | CABINETS)
# A party that never won this share of a national vote is seldom in international news.
MIN_SHARE = 5.0
# Wikidata's "political party" and "country" classes (the importer's kinds).
PARTY, COUNTRY = "Q7278", "Q6256"


def git_show(repo: Path, path: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(repo), "show", f"HEAD:{path}"], capture_output=True, check=True
    )
    return done.stdout.decode("utf-8")


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def title_of(url: str) -> str | None:
    """The English Wikipedia article's title from its address (``.../wiki/Likud`` ->
    ``Likud``); None for another wiki."""
    if not url:
        return None
    parsed = urlparse(url.strip())
    if not parsed.netloc.endswith("en.wikipedia.org") or not parsed.path.startswith("/wiki/"):
        return None
    title = unquote(parsed.path.removeprefix("/wiki/")).replace("_", " ").strip()
    return title or None


def share(row: dict[str, str]) -> float:
    try:
        return float(row.get("share") or 0)
    except ValueError:
        return 0.0


def wanted(row: dict[str, str]) -> bool:
    """A current, national, not technical party of a country in ``COUNTRIES``."""
    return (
        row["country"] in COUNTRIES
        and not row.get("year_last")
        and not row.get("technical")
        and share(row) >= MIN_SHARE
    )


def country_ids(partyfacts: Path, leaders: Path) -> dict[str, tuple[str, str]]:
    """ISO alpha-3 code -> (Wikidata id, English label) of the country: Party Facts' WhoGov
    import names each code's country (``United States``, ``China``), the world leaders' data
    gives the country entities (``United States of America``, ``People's Republic of
    China``); a name matches a label as it is, with ``&`` as ``and``, or as the label's
    words' tail or head (``Netherlands`` in ``Kingdom of the Netherlands``) when one label
    fits."""
    labels = {r["country"]: r["countryid"] for r in rows(git_show(leaders, "data/wikidata.csv"))}
    names: dict[str, list[str]] = {}
    for r in rows(git_show(partyfacts, "import/whogov/whogov.csv")):
        names.setdefault(r["country_short"], [])
        if r["country"] not in names[r["country_short"]]:
            names[r["country_short"]].append(r["country"])
    out: dict[str, tuple[str, str]] = {}
    for code, options in names.items():
        for name in options:
            name = name.replace("&", "and")
            if name in labels:
                out[code] = (labels[name], name)
                break
            fits = [label for label in labels if f" {name} " in f" {label} "]
            if len(fits) == 1:
                out[code] = (labels[fits[0]], fits[0])
                break
    return out


# A word this common in English (Zipf; "first" 5.9, "law" 5.3, "liberal" 4.6) that a
# party's name would make a known name word for the first time: the detectors would read it
# as part of a name wherever it is capitalised (MT901's stray ``We``, ``For``, ``One``).
COMMON_WORD = 5.0


def known_words(party_ids: set[str]) -> frozenset[str]:
    """The name words (lower case) the gazetteer knows without these parties: the rule
    folders as the detectors index them, an earlier import of the parties left out."""
    from cleaner.config import Config
    from cleaner.detectors.names import NameIndex
    from cleaner.gazetteer.emit import rule_id
    from cleaner.stages.detect import load_entities

    skip = {rule_id(q) for q in party_ids}
    entities = [e for e in load_entities(Config()) if e.id not in skip]
    return frozenset(NameIndex.build(entities).known_tokens)


def new_common_words(name: str, known: frozenset[str]) -> list[str]:
    """The capitalised words of ``name`` that are common English words no known name has."""
    from cleaner.detectors.names import _WORDS
    from cleaner.detectors.text import zipf

    return [
        w
        for w in _WORDS.findall(name)
        if w[0].isupper() and w.lower() not in known and zipf(w.lower()) >= COMMON_WORD
    ]


def described(name: str) -> bool:
    """A description rather than a name: a lower-case English content word in it
    (``Centre-right coalition``, ``Romanian ethnic minorities parties``); grammar words
    (``of``, ``against``, Zipf >= 5.5) and other languages' words (``arbetarepartiet``; the
    short ones English text also writes, ``de``, ``ng``, ``la``) are parts of names."""
    from cleaner.detectors.names import _WORDS
    from cleaner.detectors.text import zipf

    return any(w.islower() and len(w) >= 4 and 3.0 <= zipf(w) < 5.5 for w in _WORDS.findall(name))


def one_word_english(name: str, countries: set[str]) -> bool:
    """A one-word name English has as a word (``Change``) or a country's (``Israel``)."""
    return len(name.split()) == 1 and (is_english_word(name) or name in countries)


def left_out(name: str, countries: set[str]) -> str | None:
    """Why a name is no gazetteer name (both builders' filters), or None when it is one.

    A name whose words are common English words (``World Health Organization``, ``We Are
    Family``) is no longer left out (it was until 2026-12-01, session 11): the detectors'
    name index keeps an organisation's common words out of the name words it reads
    (`cleaner.detectors.names.english_parts`), so such a name no longer hides a stray
    capital (MT901) or counts as a person's name word; `new_common_words` checks a shipped
    file against that index."""
    if one_word_english(name, countries):
        return "English word"
    if described(name):
        return "description"
    return None


def lines(partyfacts: Path, leaders: Path) -> tuple[list[str], dict[str, int]]:
    """The entity lines (parties, then their countries) and counts of what was left out."""
    qids = {
        r["partyfacts_id"]: r["wikidata_id"]
        for r in rows(git_show(partyfacts, "import/wikipedia/wikidata.csv"))
        if r.get("wikidata_id", "").startswith("Q")
    }
    countries = country_ids(partyfacts, leaders)
    names = {label for _, label in countries.values()}
    left = {
        "no Wikidata id": 0,
        "no English Wikipedia": 0,
        "no country": 0,
        "English word": 0,
        "description": 0,
    }
    parties: dict[str, dict[str, object]] = {}
    used: set[str] = set()
    core = rows(git_show(partyfacts, "import/elecglob/partyfacts-core-parties.csv"))
    # Largest first: of two parties with one English name (``Democratic Progressive Party``
    # of Taiwan and of Argentina) the importer keeps the first.
    for r in sorted(core, key=share, reverse=True):
        if not wanted(r):
            continue
        qid = qids.get(r["partyfacts_id"])
        title = title_of(r.get("wikipedia", ""))
        if not qid:
            left["no Wikidata id"] += 1
            continue
        if not title:
            left["no English Wikipedia"] += 1
            continue
        if r["country"] not in countries:
            left["no country"] += 1
            continue
        name = plain_name(title, "organisation")
        why = left_out(name, names)
        if why:
            left[why] += 1
            continue
        country = countries[r["country"]][0]
        used.add(r["country"])
        parties.setdefault(
            qid,
            {
                "id": qid,
                "labels": {"en": name},
                "claims": {"P31": [PARTY], "P17": [country]},
                "sitelinks": {"enwiki": {"site": "enwiki", "title": title}},
            },
        )
    out = [json.dumps(p, ensure_ascii=False) for p in parties.values()]
    for code in sorted(used):
        qid, label = countries[code]
        entity = {"id": qid, "labels": {"en": label}, "claims": {"P31": [COUNTRY]}}
        out.append(json.dumps(entity, ensure_ascii=False))
    return out, left


def write_lines(path: Path, out: list[str], left: dict[str, int]) -> None:
    """Write the entity lines for the importer and say what was left out (both builders)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{len(out)} entities; left out: {left}", file=sys.stderr)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--partyfacts", type=Path, required=True, help="partyfactsdata repository")
    ap.add_argument("--leaders", type=Path, required=True, help="world-leaders-2021 repository")
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args()
    write_lines(a.out, *lines(a.partyfacts, a.leaders))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
