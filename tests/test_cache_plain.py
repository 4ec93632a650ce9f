"""Reading the set-up memo back builds the objects the constructors would (issue 17)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from cleaner.cache import plain


@dataclass(frozen=True)
class Simple:
    name: str
    parts: tuple[str, ...] = ()
    extra: dict[str, int] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Derived:
    text: str
    length: int = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "length", len(self.text))


def test_a_plain_frozen_dataclass_comes_back_equal_hashable_and_frozen() -> None:
    value = (Simple("a", ("b", "c"), {"x": 1}), Simple("d"))
    back = plain.loads(plain.dumps(value, [Simple]), [Simple])
    assert back == value
    assert [type(v) for v in back] == [Simple, Simple]
    assert back[0].extra == {"x": 1}
    assert hash(back[1]) == hash(Simple("d"))
    with pytest.raises(AttributeError):
        back[0].name = "z"  # type: ignore[misc]


def test_a_class_whose_init_does_more_is_built_by_calling_it() -> None:
    back = plain.loads(plain.dumps([Derived("four")], [Derived]), [Derived])
    assert back == [Derived("four")]
    assert back[0].length == 4  # __post_init__ ran


def test_stored_fields_that_do_not_fit_the_class_are_refused() -> None:
    make = plain._maker(Simple)
    assert make(["a", (), {}]) == Simple("a")
    with pytest.raises(TypeError):
        make(["a", ()])
