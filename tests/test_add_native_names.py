"""`tools/add_native_names.py`: a native name a later build gives (JMnedict's kanji) is written
into an imported rule file in place, with what the importer makes of it, and nothing else of
the file changes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

from add_native_names import add_natives, natives_of

PLACE = (
    "- id: NE-Q017\n  canonical: Japan\n  kind: place\n  wikidata: Q17\n"
    "  allows:\n  - Japan was mentioned on Monday.\n"
)
# Titles quoted as no YAML dump quotes them (an in-place tool wrote them): kept as they are.
TASSO = (
    "- id: NE-Q49869\n  canonical: Takuya Tasso\n  kind: person\n  gender: male\n"
    '  titles:\n  - "Governor of Iwate Prefecture of Japan"\n  context:\n  - Japan\n'
    "  wikidata: Q49869\n  tests:\n"
    "  - in: Takuya Tasso spoke. Tassos visit was mentioned on Monday.\n"
    "    out: Takuya Tasso spoke. Tasso's visit was mentioned on Monday.\n"
    "  allows:\n  - Takuya Tasso was mentioned on Monday.\n"
)
KYUMA = (
    "- id: NE-Q943732\n  canonical: Fumio Kyūma\n  kind: person\n  gender: male\n"
    '  titles:\n  - "Minister of Defence of Japan"\n  context:\n  - Japan\n'
    "  wikidata: Q943732\n  tests:\n"
    "  - in: Fumio Kyūma spoke. Kyūmas visit was mentioned on Monday.\n"
    "    out: Fumio Kyūma spoke. Kyūma's visit was mentioned on Monday.\n"
    "  allows:\n  - Fumio Kyūma was mentioned on Monday.\n"
)
HEAD = "# Written by `cleaner gazetteer import`.\ndefaults:\n  type: entity\nrules:\n"


def test_a_person_gains_kanji_and_the_spellings_they_generate() -> None:
    text = HEAD + PLACE + TASSO + KYUMA
    lines = [json.dumps({"id": "Q49869", "labels": {"en": "Takuya Tasso", "ja": "達増拓也"}})]
    new, changed = add_natives(text, natives_of(lines))
    assert changed == ["NE-Q49869"]
    # The other blocks, and the file's head, are byte for byte what they were.
    assert new.startswith(HEAD + PLACE)
    assert new.endswith(KYUMA)
    block = new[len(HEAD + PLACE) : -len(KYUMA)]
    assert '  - "Governor of Iwate Prefecture of Japan"\n' in block
    rule = yaml.safe_load(block)[0]
    assert rule["native"] == {"ja": "達増拓也"}
    assert rule["surname"] == "Tasso"
    assert "Dazeng Tuoye" in rule["generated"]  # the kanji read as pinyin
    assert "Dat Tang Thac Da" in rule["generated"]  # and through Vietnamese
    # The firing example is now a generated whole name, as the importer writes it.
    first = rule["generated"][0]
    assert rule["tests"] == [
        {"in": f"{first} was mentioned on Monday.", "out": "Takuya Tasso was mentioned on Monday."}
    ]
    # The keys the native name does not change are as they were.
    old = yaml.safe_load(TASSO)[0]
    assert {
        k: v for k, v in rule.items() if k not in ("native", "surname", "generated", "tests")
    } == {k: v for k, v in old.items() if k != "tests"}


def test_a_person_with_a_native_name_or_none_given_is_left_alone() -> None:
    iwaya = TASSO.replace("  gender: male\n", "  gender: male\n  native:\n    ja: 岩屋毅\n")
    text = HEAD + iwaya + KYUMA
    new, changed = add_natives(text, {"Q49869": {"ja": "達増拓也"}})
    assert (new, changed) == (text, [])


def test_a_katakana_name_writes_nothing() -> None:
    # The importer writes no native route for a foreign name in katakana.
    text = HEAD + TASSO
    assert add_natives(text, {"Q49869": {"ja": "タッソ"}}) == (text, [])


def test_a_block_with_keys_the_importer_does_not_write_is_refused() -> None:
    text = HEAD + TASSO.replace("  wikidata: Q49869\n", "  wikidata: Q49869\n  note: x\n")
    with pytest.raises(ValueError, match="keys the importer does not write"):
        add_natives(text, {"Q49869": {"ja": "達増拓也"}})
