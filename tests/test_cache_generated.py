"""Dataclass methods compiled from the on-disk store behave as freshly compiled ones
(``cleaner.cache.generated``, issue 17)."""

from __future__ import annotations

import dataclasses
import marshal
from collections.abc import Iterator
from pathlib import Path

import pytest

from cleaner.cache import generated


def _make(name: str) -> type:
    """A frozen dataclass with a default, a factory and ordering (several generated methods)."""
    return dataclasses.make_dataclass(
        name,
        [
            ("text", str),
            ("count", int, 0),
            ("parts", list, dataclasses.field(default_factory=list)),
        ],
        frozen=True,
        order=True,
    )


def _behaviour(cls: type) -> object:
    a, b = cls("x"), cls("x", 2, ["p"])
    try:
        a.text = "y"
        frozen = False
    except dataclasses.FrozenInstanceError:
        frozen = True
    return (
        repr(a),
        repr(b),
        dict(cls.__init__.__annotations__),  # objects, as dataclasses makes them: not text
        a == cls("x"),
        a < b,
        hash(cls("x", 1, ())) == hash(cls("x", 1, ())),
        frozen,
    )


@pytest.fixture()
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path / "cache"))
    was_installed = generated._installed
    generated.uninstall()
    try:
        yield tmp_path / "cache"
    finally:
        generated.uninstall()
        if was_installed:
            generated.install()


def test_a_second_process_takes_the_stored_methods_and_they_behave_alike(store: Path) -> None:
    fresh = _behaviour(_make("Fresh"))
    generated.install()
    first = _behaviour(_make("Stored"))
    assert generated.STORE.unsaved  # compiled here, not yet stored
    generated.save()
    assert list(store.glob("compiled-v*/generated-*.marshal"))
    generated.uninstall()  # a new process: nothing compiled yet
    generated.install()
    again = _behaviour(_make("Stored"))
    assert not generated.STORE.unsaved  # every method came from the store, none was compiled
    assert again == first
    assert [str(s).replace("Stored", "Fresh") for s in again[:2]] == list(fresh[:2])
    assert again[2:] == fresh[2:]


def test_a_damaged_store_or_a_value_that_is_not_code_means_compiling(store: Path) -> None:
    generated.install()
    _make("First")
    generated.save()
    (path,) = store.glob("compiled-v*/generated-*.marshal")
    texts = [text for text, _ in marshal.loads(path.read_bytes())]
    path.write_bytes(marshal.dumps([(t, "not code") for t in texts]))
    generated.uninstall()
    generated.install()
    assert not generated.STORE.stored
    assert _behaviour(_make("First"))[0] == "First(text='x', count=0, parts=[])"
    assert generated.STORE.unsaved  # compiled again
    path.write_bytes(b"\x00garbage")
    generated.uninstall()
    generated.install()
    assert not generated.STORE.stored


def test_only_a_command_installs_it() -> None:
    import subprocess
    import sys

    code = (
        "import dataclasses, cleaner.pipeline; print('exec' in vars(dataclasses)); "
        "from cleaner import startup; startup.begin(); print('exec' in vars(dataclasses))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]
