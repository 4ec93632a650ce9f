"""One person is one entity in the shipped gazetteer. Two rules for one person (a hand-written
``Vasily Nebenzya`` beside ``Vassily Nebenzia``, which accepts that spelling; a hand-written
``Salva Kiir`` beside the imported ``Salva Kiir Mayardit``) make each spelling the other's
"namesake": the name detectors weigh two people where there is one, and a re-import keeps
both. A hand-written rule for an imported person carries the Wikidata id and the imported
block goes (rules/entities/wikidata/SOURCES.md)."""

from __future__ import annotations

from collections import defaultdict

from cleaner.config import Config
from cleaner.detectors.names import fold
from cleaner.rules.gazetteer import load_gazetteer


def test_no_full_name_belongs_to_two_people() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for entity in load_gazetteer(Config()):
        if entity.kind != "person":
            continue
        for name in (entity.canonical, *entity.accepted):
            if len(name.split()) >= 2:  # a lone family name is many people's
                owners[fold(name)].add(f"{entity.id} {entity.canonical}")
    shared = {name: sorted(ids) for name, ids in owners.items() if len(ids) > 1}
    assert shared == {}
