"""What the tests of the imported gazetteer files share: a shipped file's rules, what the
pipeline reports on a text, and the builders' common-word invariant on a file."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import yaml

from cleaner import Config, clean_text

ROOT = Path(__file__).resolve().parents[1]


@cache
def shipped_rules(name: str) -> list[dict]:
    """The rules of ``rules/entities/wikidata/<name>``, read once."""
    path = ROOT / "rules/entities/wikidata" / name
    return yaml.safe_load(path.read_text(encoding="utf-8"))["rules"]


def reported(text: str) -> dict[str, list[str]]:
    """Rule code -> the text of each finding and edit, grammar off."""
    result = clean_text(text, Config(grammar="none"))
    found: dict[str, list[str]] = {}
    for f in result.findings:
        found.setdefault(f.rule, []).append(text[f.start : f.end])
    for e in result.edits:
        found.setdefault(e.rule, []).append(e.old)
    return found


def new_common_words_of(rules: list[dict], names: list[str]) -> dict[str, list[str]]:
    """The names among ``names`` that make a common English word a name word the detectors'
    index reads, one the gazetteer without ``rules`` does not have, with those words (empty
    when none does). The index keeps an organisation's common words out (`World`, `We`), so
    for parties and international organisations this holds whatever their names are."""
    sys.path.insert(0, str(ROOT / "tools"))
    from build_parties import known_words, new_common_words

    known = known_words({r["wikidata"] for r in rules})
    gained = known_words(set()) - known
    found = {n: [w for w in new_common_words(n, known) if w.lower() in gained] for n in names}
    return {n: words for n, words in found.items() if words}
