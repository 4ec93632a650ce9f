"""``tools/build_given_names.py`` keeps a pooled name table's names, not its noise: a name
enough of its sources give, and an ordinary English word only when it is a rare one (the
table counts ``line`` and ``human`` as names in five or more of its sources)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from build_given_names import read_nqg  # noqa: E402


def test_the_pooled_table_gives_names_not_its_noise(tmp_path: Path) -> None:
    table = {
        "mahua": [5, 14, 1.0, 3],  # a word (a tree), but a rare one: a name
        "prabhu": [9, 120, 0.0, 3],  # no English word
        "human": [6, 40, 0.5, 3],  # a common word the table calls a name
        "door": [5, 30, 0.5, 3],
        "gabo": [3, 17, 0.35, 3],  # too few of its sources give it
        "kofo": [6, 4, 0.5, 3],  # too few observations
        "o'neil": [9, 90, 0.1, 3],  # not letters only
        "will": [30, 9000, 0.0, 3],  # among the commonest English words
    }
    path = tmp_path / "name_data.json"
    path.write_text(json.dumps(table), encoding="utf-8")
    names = read_nqg(path, min_sources=5, min_count=10, word_zipf=3.0, cut=5.5)
    assert names == {"Mahua", "Prabhu"}


def test_the_shipped_list_has_the_pooled_names_and_not_the_noise() -> None:
    lines = (ROOT / "rules/metadata/given-names.txt").read_text(encoding="utf-8").splitlines()
    names = {line for line in lines if line and not line.startswith("#")}
    assert {"Mahua", "Prabhu", "Owain", "Faith"} <= names
    assert not {"Line", "Human", "Door", "Method", "Will"} & names
