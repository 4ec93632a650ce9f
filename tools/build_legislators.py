"""Turn the United States Congress's leaders into Wikidata entity lines for the importer.

A class of newsworthy people the office-holder sheets lack: the leaders of a legislature
(the Speaker, the majority and minority leaders and whips, the party conferences' chairs),
who are named in foreign news wherever the legislature's votes are (``Senate majority leader
Schumer``; an engine writes `Shummer`). The every-politician-scrapers sheets hold cabinets
and heads of state; a parliament's leaders appear there only where an office names them
("Speaker of the Folketing"). For the United States the public, well-kept source is
``unitedstates/congress-legislators`` (CC0-1.0): every current member of Congress with
Wikidata id, English Wikipedia title, gender and ``leadership_roles``.

Taken: current members of Congress with a leadership role (the roles since ``--since``,
2001 by default, as the office holders of East Asia since 2000 are). The English name is the
English Wikipedia title without its disambiguation (``Richard Hudson (American politician)``
-> ``Richard Hudson``; ``Chuck Schumer``, not the official ``Charles E. Schumer``): that is how
English news writes them. Their titles are the roles' own words with the country ("Senate
Majority Leader of the United States"); the country is the United States.

    python tools/build_legislators.py \
        --congress /work/.mirror/unitedstates+congress-legislators/repo --out /tmp/gaz/us.jsonl
    cleaner gazetteer import /tmp/gaz/us.jsonl -o rules/entities/wikidata/legislatures.yaml

Not taken: every member (535 names, mostly never in foreign news), former leaders (the
source's historical file is over the snapshot's size limit here), native names (English is
the native script; their garbles are letter-level near misses the detectors find).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import zlib
from pathlib import Path

import yaml
from build_gazetteer import SHEET_POSITIONS
from build_parties import write_lines

UNITED_STATES = ("Q30", "United States of America")
GENDER = {"M": "Q6581097", "F": "Q6581072"}


def load(repo: Path, path: str = "legislators-current.yaml") -> list[dict]:
    done = subprocess.run(
        ["git", "-C", str(repo), "show", f"HEAD:{path}"], capture_output=True, check=True
    )
    return yaml.safe_load(done.stdout.decode("utf-8")) or []


def english_name(member: dict) -> str | None:
    """The English Wikipedia title without a disambiguation in brackets, else the name the
    source says the member goes by (nickname or first name, and last name)."""
    title = str((member.get("id") or {}).get("wikipedia") or "").strip()
    title = re.sub(r"\s*\([^)]*\)$", "", title)
    if title:
        return title
    name = member.get("name") or {}
    first, last = name.get("nickname") or name.get("first"), name.get("last")
    return f"{first} {last}" if first and last else None


def position_id(title: str) -> str:
    """An id no Wikidata item has (as `build_gazetteer.py`'s sheet positions): the roles
    come without Wikidata ids, and a position only names a title."""
    return f"Q{SHEET_POSITIONS + zlib.crc32(f'us-congress:{title}'.encode())}"


def role_title(role: str) -> str:
    """``Senate Majority Leader`` -> ``Senate Majority Leader of the United States``."""
    return f"{role} of the United States"


def lines(members: list[dict], since: str = "2001") -> tuple[list[str], dict[str, int]]:
    """The entity lines (people, their positions, the country) and counts left out."""
    left = {"no leadership role": 0, "no Wikidata id or name": 0}
    people: list[str] = []
    positions: dict[str, str] = {}
    for m in members:
        roles = sorted({r["title"] for r in m.get("leadership_roles") or [] if r.get("title")
                        and str(r.get("start", "")) >= since})  # fmt: skip
        if not roles:
            left["no leadership role"] += 1
            continue
        qid = str((m.get("id") or {}).get("wikidata") or "")
        name = english_name(m)
        if not re.fullmatch(r"Q\d+", qid) or not name:
            left["no Wikidata id or name"] += 1
            continue
        pids = []
        for role in roles:
            title = role_title(role)
            positions[position_id(title)] = title
            pids.append(position_id(title))
        claims: dict[str, list[str]] = {"P31": ["Q5"], "P39": pids, "P27": [UNITED_STATES[0]]}
        gender = GENDER.get(str((m.get("bio") or {}).get("gender", "")))
        if gender:
            claims["P21"] = [gender]
        entity = {"id": qid, "labels": {"en": name}, "claims": claims}
        people.append(json.dumps(entity, ensure_ascii=False))
    extra = [
        json.dumps({"id": pid, "labels": {"en": t}, "claims": {"P31": ["Q4164871"]}})
        for pid, t in sorted(positions.items())
    ]
    country = {"id": UNITED_STATES[0], "labels": {"en": UNITED_STATES[1]},
               "claims": {"P31": ["Q6256"]}}  # fmt: skip
    return [*people, *extra, json.dumps(country)], left


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--congress", type=Path, required=True, help="congress-legislators repo")
    ap.add_argument("--since", default="2001", help="leadership roles begun on or after")
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args()
    write_lines(a.out, *lines(load(a.congress), a.since))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
