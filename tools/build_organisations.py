"""Turn SupraVerden's international organisations into Wikidata entity lines for the importer.

SupraVerden (confirmordeny/supraverden, CC BY-SA 4.0) lists the international organisations
with privileges and immunities, each with its Wikidata id, English name, other English names
and its name in many languages. The gazetteer had a few dozen organisations written by hand;
these give the rest their correct English names (the detectors' known names, Harper's
dictionary, a near-miss target for a one-word name such as ``Afreximbank``). The same
filters as the parties' (``tools/build_parties.py``): a one-word name English has or a
description is left out (a name of common words, ``World Health Organization``, is taken: the
detectors' name index keeps an organisation's common words out of its name words).
Abbreviations are not taken, as names or other names (``SATCEN``): one is shared by many
bodies, and the list's are not always the one English news means (``ESA`` for the Euratom
Supply Agency, ``IDB`` for the Inter-American Defense Board, ``CBD`` for the Caribbean
Development Bank).

    python tools/build_organisations.py --supraverden /work/.mirror/confirmordeny+supraverden/repo \
        --out /tmp/gaz/international.jsonl
    cleaner gazetteer import /tmp/gaz/international.jsonl \
        -o rules/entities/wikidata/international.yaml

The names in Chinese, Japanese, Korean, Russian and Ukrainian are written as labels (the
importer keeps no native name of an organisation: their garbles are calques, phrase rules).
"""

from __future__ import annotations

import argparse
import json
import subprocess
from pathlib import Path

import yaml
from build_parties import left_out, write_lines

# Wikidata's "international organization" class (the importer's organisation kind).
INTERNATIONAL = "Q484652"
# SupraVerden's keys of a native name, by the importer's language codes.
NATIVE = {"zh": "Name_zh", "ja": "Name_ja", "ko": "Name_ko", "ru": "Name_ru", "uk": "Name_uk"}


def load(repo: Path) -> dict[str, dict[str, object]]:
    done = subprocess.run(
        ["git", "-C", str(repo), "show", "HEAD:data/general_list.yaml"],
        capture_output=True,
        check=True,
    )
    return yaml.safe_load(done.stdout.decode("utf-8"))


def abbreviation(name: str) -> bool:
    """``SATCEN``, ``ESA``: capitals only, six letters or fewer (many bodies share one)."""
    return name.isupper() and len(name) <= 6


def usable(name: str) -> str | None:
    """Why a name is left out, or None when it is taken (the parties' filters; no country
    name is one: an organisation's name is never a country's)."""
    return left_out(name, set())


def lines(repo: Path) -> tuple[list[str], dict[str, int]]:
    """The entity lines and counts of what was left out."""
    data = load(repo)
    left: dict[str, int] = {"no Wikidata id": 0}
    out: list[str] = []
    seen: set[str] = set()
    for entry in data.values():
        qid = str(entry.get("Wikidata_code", ""))
        name = str(entry.get("Name_en") or "").strip()
        if not qid.startswith("Q") or qid in seen or not name:
            left["no Wikidata id"] += 1
            continue
        why = usable(name)
        if why:
            left[why] = left.get(why, 0) + 1
            continue
        seen.add(qid)
        others = [
            str(entry[k]).strip()
            for k in ("Name_other_en", "Name_other_2_en")
            if entry.get(k)
            and usable(str(entry[k]).strip()) is None
            and not abbreviation(str(entry[k]).strip())
        ]
        labels = {"en": name}
        labels.update({lang: str(entry[k]) for lang, k in NATIVE.items() if entry.get(k)})
        entity: dict[str, object] = {
            "id": qid,
            "labels": labels,
            "claims": {"P31": [INTERNATIONAL]},
        }
        if others:
            entity["aliases"] = {"en": others}
        out.append(json.dumps(entity, ensure_ascii=False))
    return out, left


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--supraverden", type=Path, required=True, help="supraverden repository")
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args()
    write_lines(a.out, *lines(a.supraverden))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
