"""The detectors' name index read back from the set-up cache is the one built (issue 17)."""

from __future__ import annotations

import dataclasses
import gc
from pathlib import Path

from cleaner import startup
from cleaner.cache import plain
from cleaner.config import Config
from cleaner.detectors import stored
from cleaner.detectors.names import NameIndex
from cleaner.stages.detect import Detectors, load_entities

ROOT = Path(__file__).resolve().parent.parent
SEED = sorted((ROOT / "seeds").glob("*.txt"))[1]


def _tables(index: NameIndex) -> dict[str, object]:
    fields = {f.name: getattr(index, f.name) for f in stored._stored_fields()}
    return {**fields, **{f"derived:{k}": v for k, v in index.cache.items()}}


def test_a_command_stores_the_index_and_the_next_process_reads_the_same_tables() -> None:
    config = Config(grammar="none")
    entities = load_entities(config)
    text = SEED.read_text(encoding="utf-8")
    gc_was_on = gc.isenabled()
    try:
        startup.begin()  # as a command: the first file's end stores what it built
        first = Detectors(config)
        first.hits(text)
        startup.end()
    finally:
        gc.unfreeze()
        if gc_was_on:
            gc.enable()
    assert first.index.cache, "the article derived tables"
    read = stored.name_index(config, entities)
    assert read is not first.index
    assert set(read.cache) == set(first.index.cache)
    for name, value in _tables(first.index).items():
        assert _tables(read)[name] == value, name
    # Entities are the gazetteer's own objects, not copies.
    some = next(iter(read.people.values()))[0]
    assert any(some is e for e in entities)
    # And the index read back finds what one built from scratch finds.
    assert Detectors(config).hits(text) == Detectors(config, entities=entities).hits(text)


def test_a_library_caller_stores_nothing(tmp_path: Path) -> None:
    config = Config(grammar="none")
    stored.name_index(config, load_entities(config))
    startup.end()  # no command began: nothing registered, nothing written
    path = stored._path(config, create=False)
    assert path is None or not path.exists()


def test_a_damaged_or_foreign_store_is_a_miss() -> None:
    config = Config(grammar="none")
    entities = load_entities(config)
    path = stored._path(config, create=True)
    assert path is not None
    path.write_bytes(b"not marshal data at all")
    assert stored._read(path, entities, None) is None
    import marshal

    evil = marshal.dumps((len(entities), ("os:system",), {}, {}))
    path.write_bytes(evil)
    assert stored._read(path, entities, None) is None


@dataclasses.dataclass(frozen=True)
class Held:
    name: str


def test_plain_keeps_references_and_sets() -> None:
    a, b = Held("a"), Held("b")
    value = {"one": a, "both": [a, b], "pair": (b, a), "words": {"x", "y"}, "mixed": [a, "z"]}
    back = plain.loads(plain.dumps(value, [], refs=[a, b]), [], refs=[a, b])
    assert back == value
    assert back["one"] is a and back["both"][1] is b and back["pair"][0] is b
    assert type(back["both"]) is list and type(back["pair"]) is tuple
    assert type(back["words"]) is set
    assert back["mixed"][0] is a
