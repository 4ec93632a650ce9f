"""Write imported records as an ``entity`` rule file: the one place that knows the YAML keys.

The rule vocabulary is being unified across rule types (issue 14); when a key is renamed,
``KEYS`` is the only line to change here.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import yaml

from cleaner.gazetteer.wikidata import Record

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
    "allows": "allows",
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
        out[lang] = name
    return out


def _name(char: str) -> str:
    import unicodedata

    return unicodedata.name(char, "")


def _surname(record: Record, native: dict[str, str]) -> str | None:
    """Which word of the English name is the family name, for East Asian names (whose
    English order varies: ``Yoon Suk-yeol`` but ``Shigeru Ishiba``)."""
    tokens = record.canonical.split()
    if len(tokens) < 2 or not ({"zh", "ja", "ko"} & set(native)):
        return None
    if "ja" in native:
        from cleaner.rules.translit import japanese_readings

        family = {r.split()[0].lower() for r in japanese_readings(native["ja"]) if " " in r}
        if tokens[-1].lower() in family:
            return tokens[-1]
    return tokens[0]


def rule_of(record: Record) -> dict[str, object]:
    """The YAML mapping of one record (empty fields left out)."""
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
        "allows": [f"{record.canonical} was mentioned on Monday."],
    }
    return {KEYS[k]: v for k, v in fields.items() if v}


def dump(records: Iterable[Record], header: str, kind_message: str | None = None) -> str:
    """The rule file text: a comment header (provenance), defaults and the rules."""
    body = {
        "defaults": {
            "type": "entity",
            "level": "warning",
            "fix": "safe",
            "message": kind_message or "Name garbled by machine translation: '{match}' is {fix}",
        },
        "rules": [rule_of(r) for r in records],
    }
    text = yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=100)
    comment = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines())
    return comment + text


def write(path: Path, records: Iterable[Record], header: str) -> int:
    records = list(records)
    path.write_text(dump(records, header), encoding="utf-8")
    return len(records)
