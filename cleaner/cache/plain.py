"""Plain data for the set-up memo: frozen dataclasses of strings, numbers and tuples.

Why not pickle: loading a pickle runs whatever code it names, so a pickle planted in a
cache folder ran code as the user. This format can only name classes the caller allows
(the rule types, ``Entity``, ``Level`` ...), builds them by their constructor from decoded
values, and fails (a miss: build afresh) on anything else. It keeps what pickle kept:
tuples stay tuples, dict keys keep their types, enums their members.

Why ``marshal`` and not JSON (issue 17): the parsed rules and the gazetteer are 4 MB and
100,000 tuples; JSON has no tuple, so each was a tagged object that a Python hook rebuilt,
0.15-0.3 s of every ``cleaner check``. ``marshal`` (the format of ``.pyc`` files) carries
tuples, lists, frozensets, strings and numbers itself and runs no code when it loads (it
builds values; nothing here calls one), so only what it cannot carry is tagged, and loading
visits the tagged parts alone.

Shape: a tuple, list or frozenset holding only plain values is itself. Every dict is a
tag: ``{"!": "Class", "f": (value, ...)}`` a dataclass (its ``init`` fields in order: the
memo's key covers the code, so the order cannot change under a stored value),
``{"!e": "Enum", "v": value}`` an enum member, ``{"!d": ((key, value), ...)}`` a dict,
and ``{"!t": (...)}``, ``{"!l": (...)}``, ``{"!s": (...)}`` a tuple, list or frozenset
with a tagged value inside; ``{"!S": (...)}`` a set.

References: a value can name objects the reader already holds (``refs``: the gazetteer's
entities, which the detectors' tables point into) by position instead of holding copies:
``{"!r": i}`` one of them, ``{"!R": (i, ...), "k": "t"}`` a tuple (``"l"`` a list) made of
them alone. Reading gives back the very objects, so identity holds as it did when built.
"""

from __future__ import annotations

import dataclasses
import enum
import marshal
from collections.abc import Callable, Iterable, Sequence
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


def dumps(value: Any, types: Iterable[type], refs: Sequence[Any] = ()) -> bytes:
    """``value`` in this format; raises ``NotPlain`` for anything but plain data and ``types``.
    ``refs``: objects stored by their position in it (see the module's text)."""
    allowed = _table(types)
    at = {id(r): i for i, r in enumerate(refs)}

    def enc(v: Any) -> tuple[Any, bool]:
        """The encoded value, and whether it is plain (no tag anywhere inside)."""
        if at and id(v) in at:
            return {"!r": at[id(v)]}, False
        if isinstance(v, enum.Enum):  # first: a str-valued enum is a str too
            name = _name(type(v))
            if name not in allowed:
                raise NotPlain(f"enum {name} not allowed")
            value, plain = enc(v.value)
            if not plain:
                raise NotPlain(f"enum {name} has a value that is not plain")
            return {"!e": name, "v": value}, False
        if v is None or type(v) in (str, bool, int, float, bytes):
            return v, True
        if isinstance(v, tuple | list | frozenset | set) and not hasattr(v, "_fields"):
            kind = type(v) if type(v) in (tuple, list, frozenset, set) else None
            if kind is None:
                raise NotPlain(f"{type(v).__name__} is not plain data")
            if at and kind in (tuple, list) and v and all(id(x) in at for x in v):
                return {
                    "!R": tuple(at[id(x)] for x in v),
                    "k": "t" if kind is tuple else "l",
                }, False
            items = [enc(x) for x in v]
            if kind is not set and all(plain for _, plain in items):
                return v, True
            tag = {tuple: "!t", list: "!l", frozenset: "!s", set: "!S"}[kind]
            return {tag: tuple(x for x, _ in items)}, False
        if dataclasses.is_dataclass(v) and not isinstance(v, type):
            name = _name(type(v))
            if name not in allowed:
                raise NotPlain(f"class {name} not allowed")
            fields = dataclasses.fields(v)
            if any(f.kw_only for f in fields):
                raise NotPlain(f"class {name} has keyword-only fields")
            encoded = tuple(enc(getattr(v, f.name))[0] for f in fields if f.init)
            return {"!": name, "f": encoded}, False
        if isinstance(v, dict) and type(v) is dict:
            return {"!d": tuple((enc(k)[0], enc(x)[0]) for k, x in v.items())}, False
        raise NotPlain(f"{type(v).__name__} is not plain data")

    return marshal.dumps(enc(value)[0])


def loads(data: bytes, types: Iterable[type], refs: Sequence[Any] = ()) -> Any:
    """The value ``dumps`` wrote; ``ValueError`` if the data names anything not allowed
    (``EOFError``, ``ValueError``, ``TypeError`` or ``IndexError`` for damaged data).
    ``refs``: the objects ``dumps`` was given, in the same order."""
    classes = _table(types)
    made = {n: _maker(c) for n, c in classes.items() if dataclasses.is_dataclass(c)}
    # Members by value, per enum: calling the enum class costs ten times the look-up.
    enums = {
        n: {m.value: m for m in c}  # type: ignore[attr-defined]
        for n, c in classes.items()
        if issubclass(c, enum.Enum)
    }

    def dec(obj: Any) -> Any:
        if type(obj) is not dict:
            return obj
        name = obj.get("!")
        if name is not None:
            cls = made.get(name)
            if cls is None:
                raise ValueError(f"class {name!r} not allowed")
            return cls([x if type(x) is not dict else dec(x) for x in obj["f"]])
        if "!e" in obj:
            members = enums.get(obj["!e"])
            if members is None:
                raise ValueError(f"enum {obj['!e']!r} not allowed")
            return members[obj["v"]]  # KeyError: not a member (damaged)
        if "!r" in obj:
            return refs[obj["!r"]]
        if "!R" in obj:
            made_of = [refs[i] for i in obj["!R"]]
            return made_of if obj["k"] == "l" else tuple(made_of)
        # Plain items are taken as they are, without a call each (most of a table's items).
        if "!t" in obj:
            return tuple([x if type(x) is not dict else dec(x) for x in obj["!t"]])
        if "!d" in obj:
            return {
                (k if type(k) is not dict else _hashable(dec(k))): (
                    v if type(v) is not dict else dec(v)
                )
                for k, v in obj["!d"]
            }
        if "!l" in obj:
            return [x if type(x) is not dict else dec(x) for x in obj["!l"]]
        if "!s" in obj:
            return frozenset(_hashable(dec(x)) for x in obj["!s"])
        if "!S" in obj:
            return {_hashable(dec(x)) for x in obj["!S"]}
        raise ValueError("untagged object")

    return dec(marshal.loads(data))


def _maker(cls: type) -> Callable[[list[Any]], Any]:
    """What builds a ``cls`` from its ``init`` fields' values, in order.

    A frozen dataclass's ``__init__`` assigns each field through ``object.__setattr__``:
    with 26,000 objects in the parsed rules that was most of reading them back (issue 17).
    A class whose ``__init__`` does nothing else (every field in it, no ``__post_init__``,
    no slots) is filled in one ``__dict__`` update, the same object ``__init__`` makes;
    any other class is called as usual. (Classes come from the caller's allowed list, and
    the memo's key covers the code, so the field order cannot differ from the stored one.)"""
    fields = dataclasses.fields(cls)
    if (
        not cls.__dataclass_params__.init  # type: ignore[attr-defined]
        or "__init__" not in vars(cls)  # inherited from a class that may do more
        or hasattr(cls, "__post_init__")
        or "__slots__" in vars(cls)
        or any(not f.init for f in fields)
        or any(n in cls.__dict__ for n in ("__new__", "__setstate__"))
    ):
        return lambda values: cls(*values)
    names = tuple(f.name for f in fields)
    count = len(names)
    new = object.__new__

    def make(values: list[Any]) -> Any:
        if len(values) != count:  # as calling the class would
            raise TypeError(f"{cls.__name__} takes {count} fields, not {len(values)}")
        obj = new(cls)
        obj.__dict__.update(zip(names, values, strict=False))  # counted above
        return obj

    return make


def _hashable(v: Any) -> Any:
    if isinstance(v, list):
        raise ValueError("a list cannot be a key")
    return v
