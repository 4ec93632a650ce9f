"""The detectors' name index kept on disk with the tables derived from it (issue 17).

The first article of every process built the name index (40,000 folded name forms) and the
tables each detector derives from it on first use (multi-word names by part, title words,
family readings ...): 60-70 ms of a cold ``cleaner check``'s CPU, the same every run. They
depend only on the gazetteer and the word lists (the rule folders and the house style) and
on the code, so a command keeps them in the set-up cache (``compiled-v*``) as plain data
(``cleaner.cache.plain``, never a pickle), the gazetteer's entities stored by position, and
the next process reads them back (about 20 ms).

Which derived tables exist is the detectors' business (``NameIndex.derived``): what a
process derived by the end of its first file is stored, together with what it read, so a
later article needing a table the first one did not builds it as before and the next
command keeps that too. A table that is not plain data is simply not kept. Only a command
writes (after its first file, ``cleaner.cache.deferred``, as with the compiled patterns);
a library caller reads what a command stored, as it reads the parsed rules.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib
import marshal
from collections.abc import Container
from typing import Any

from cleaner.cache import deferred
from cleaner.config import Config
from cleaner.detectors.names import NameIndex, Transliteration
from cleaner.rules.entity import Entity
from cleaner.rules.rulebook import load_lexicon, rule_folders

KIND = "nameindex"
# NameIndex fields rebuilt rather than stored: the inputs, the derived tables (stored one by
# one), the transliteration helper (its own lru_cache; built from the word lists) and
# the given-name list (read from the rule folders when first asked).
_NOT_STORED = frozenset({"entities", "lexicon", "cache", "translit", "given_names"})
# Only dataclasses of cleaner's detectors may be named by a stored table.
_MODULES = "cleaner.detectors."


def name_index(config: Config, entities: tuple[Entity, ...]) -> NameIndex:
    """The name index of the config's gazetteer ``entities``: read from the set-up cache
    when a command stored it, else built; a command stores it after its first file."""
    lexicon = load_lexicon(config)
    path = _path(config, create=False)
    index = _read(path, entities, lexicon) if path is not None else None
    stored = set(index.cache) if index is not None else set()
    if index is None:
        index = NameIndex.build(entities, lexicon)
    index.given_names = config_given_names(config)
    deferred.after_first_file(lambda: _save(config, index, stored))
    return index


def config_given_names(config: Config) -> Container[str]:
    """The given-name list of the config's rule folders: a newsroom's names count as names
    someone bears, as the byline reader counts them."""
    from cleaner.metadata.lexicon import given_names

    return given_names(rule_folders(config))


def _key(config: Config) -> str:
    from cleaner.cache import code_digest, folders_digest

    folders = rule_folders(config)
    parts = [
        KIND,
        code_digest(),
        repr(folders),
        folders_digest(folders),
        repr(config.house_style),
        str(config.source),
    ]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _path(config: Config, create: bool) -> Any:
    from cleaner.cache import store
    from cleaner.cache.memo import FORMAT

    kind = f"compiled-v{FORMAT}"
    try:
        folder = store.kind_dir(kind) if create else store.existing_kind_dir(kind)
    except (OSError, RuntimeError):
        return None
    if folder is None:
        return None
    return folder / f"{KIND}-{_key(config)[:40]}.plain"


def _read(path: Any, entities: tuple[Entity, ...], lexicon: Any) -> NameIndex | None:
    from cleaner.cache import plain
    from cleaner.cache.store import read_entry

    data = read_entry(path)
    if data is None:
        return None
    try:
        count, names, fields, tables = marshal.loads(data)
        if count != len(entities):
            return None
        types = [_class(name) for name in names]
        values = {k: plain.loads(v, types, entities) for k, v in fields.items()}
        derived = {k: plain.loads(v, types, entities) for k, v in tables.items()}
        index = NameIndex(entities, lexicon, **values, cache=derived)
    except (ValueError, TypeError, KeyError, EOFError, IndexError, RecursionError):
        return None  # damaged or from other code: build
    index.translit = Transliteration(lexicon)
    return index  # its given_names: the config's, set by name_index


def _class(name: str) -> type:
    """A dataclass of the detectors' own, named ``module:qualname``."""
    module, _, qualname = name.partition(":")
    if not module.startswith(_MODULES) or "." in qualname:
        raise ValueError(f"class {name!r} not allowed")
    cls = getattr(importlib.import_module(module), qualname, None)
    if not isinstance(cls, type) or not dataclasses.is_dataclass(cls):
        raise ValueError(f"class {name!r} not allowed")
    return cls


def _save(config: Config, index: NameIndex, stored: set[str]) -> None:
    """Store the index and every table derived so far, if that is more than was read."""
    from cleaner.cache import plain
    from cleaner.cache.store import write_entry

    if stored and set(index.cache) <= stored:
        return
    entities = index.entities
    classes = _classes([getattr(index, f.name) for f in _stored_fields()], index.cache)
    try:
        fields = {
            f.name: plain.dumps(getattr(index, f.name), classes, entities) for f in _stored_fields()
        }
    except (plain.NotPlain, RecursionError, ValueError):
        return  # a field that is not plain data: nothing can be stored
    tables = {}
    for key, value in index.cache.items():
        try:
            tables[key] = plain.dumps(value, classes, entities)
        except (plain.NotPlain, RecursionError, ValueError):
            continue  # derived again by each process, as before
    names = tuple(f"{c.__module__}:{c.__qualname__}" for c in classes)
    path = _path(config, create=True)
    if path is not None:
        write_entry(path, marshal.dumps((len(entities), names, fields, tables)))


def _stored_fields() -> list[dataclasses.Field[Any]]:
    return [f for f in dataclasses.fields(NameIndex) if f.name not in _NOT_STORED]


def _classes(*values: Any) -> list[type]:
    """The detectors' dataclasses found in ``values`` (not the entities, stored by position)."""
    found: dict[type, None] = {}
    seen: set[int] = set()
    todo = list(values)
    while todo:
        v = todo.pop()
        if isinstance(v, str | int | float | bool | Entity) or v is None or id(v) in seen:
            continue
        seen.add(id(v))
        if isinstance(v, dict):
            todo.extend(v.keys())
            todo.extend(v.values())
        elif isinstance(v, list | tuple | set | frozenset):
            todo.extend(v)
        elif dataclasses.is_dataclass(v) and not isinstance(v, type):
            if type(v).__module__.startswith(_MODULES):
                found[type(v)] = None
            todo.extend(getattr(v, f.name) for f in dataclasses.fields(v))
    return list(found)
