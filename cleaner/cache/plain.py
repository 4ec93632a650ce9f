"""Plain data for the set-up memo: frozen dataclasses of strings, numbers and tuples, as JSON.

Why not pickle: loading a pickle runs whatever code it names, so a pickle planted in a
cache folder ran code as the user. This format can only name classes the caller allows
(the rule types, ``Entity``, ``Level`` ...), builds them by their constructor from decoded
values, and fails (a miss: build afresh) on anything else. It keeps what pickle kept:
tuples stay tuples, dict keys keep their types, enums their members.

Shape: every JSON object is tagged. ``{"!": "Class", "f": [value, ...]}`` a dataclass (its
``init`` fields in order: the memo's key covers the code, so the order cannot change under
a stored value), ``{"!e": "Enum", "v": value}`` an enum member,
``{"!t": [...]}`` a tuple, ``{"!d": [[key, value], ...]}`` a dict, ``{"!s": [...]}`` a
frozenset; JSON arrays are lists; strings, numbers, booleans and null are themselves.
"""

from __future__ import annotations

import dataclasses
import enum
import json
from collections.abc import Iterable
from typing import Any


class NotPlain(TypeError):
    """A value this format does not store (the memo then simply is not written)."""


def _name(cls: type) -> str:
    return cls.__qualname__


def _table(types: Iterable[type]) -> dict[str, type]:
    table: dict[str, type] = {}
    for t in types:
        if table.setdefault(_name(t), t) is not t:
            raise NotPlain(f"two allowed classes are called {_name(t)}")
    return table


def dumps(value: Any, types: Iterable[type]) -> bytes:
    """``value`` as JSON; raises ``NotPlain`` for anything but plain data and ``types``."""
    allowed = _table(types)

    def enc(v: Any) -> Any:
        if isinstance(v, enum.Enum):  # first: a str-valued enum is a str too
            name = _name(type(v))
            if name not in allowed:
                raise NotPlain(f"enum {name} not allowed")
            return {"!e": name, "v": v.value}
        if v is None or isinstance(v, str | bool | int | float):
            return v
        if isinstance(v, tuple) and not hasattr(v, "_fields"):
            return {"!t": [enc(x) for x in v]}
        if isinstance(v, list):
            return [enc(x) for x in v]
        if dataclasses.is_dataclass(v) and not isinstance(v, type):
            name = _name(type(v))
            if name not in allowed:
                raise NotPlain(f"class {name} not allowed")
            fields = dataclasses.fields(v)
            if any(f.kw_only for f in fields):
                raise NotPlain(f"class {name} has keyword-only fields")
            return {"!": name, "f": [enc(getattr(v, f.name)) for f in fields if f.init]}
        if isinstance(v, dict):
            return {"!d": [[enc(k), enc(x)] for k, x in v.items()]}
        if isinstance(v, frozenset):
            return {"!s": [enc(x) for x in v]}
        raise NotPlain(f"{type(v).__name__} is not plain data")

    return json.dumps(enc(value), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def loads(data: bytes, types: Iterable[type]) -> Any:
    """The value ``dumps`` wrote; ``ValueError`` if the data names anything not allowed."""
    classes = _table(types)

    def hook(obj: dict[str, Any]) -> Any:
        if "!t" in obj:
            return tuple(obj["!t"])
        if "!" in obj:
            cls = classes.get(obj["!"])
            if cls is None or not dataclasses.is_dataclass(cls):
                raise ValueError(f"class {obj['!']!r} not allowed")
            return cls(*obj["f"])
        if "!e" in obj:
            cls = classes.get(obj["!e"])
            if cls is None or not issubclass(cls, enum.Enum):
                raise ValueError(f"enum {obj['!e']!r} not allowed")
            return cls(obj["v"])
        if "!d" in obj:
            return {_hashable(k): v for k, v in obj["!d"]}
        if "!s" in obj:
            return frozenset(_hashable(x) for x in obj["!s"])
        raise ValueError("untagged object")

    return json.loads(data, object_hook=hook)


def _hashable(v: Any) -> Any:
    if isinstance(v, list):
        raise ValueError("a list cannot be a key")
    return v
