"""Where a run writes, decided before anything runs, and what it will not overwrite.

Every path a command writes (cleaned outputs, sidecars, the review report, a baseline) is
claimed here first, against the run's inputs and every other claim. Refused, each with one
line: a path that is an input (``cleaner report feed/ -o feed/a.txt`` used to replace an
article with HTML), two things written to one path (``a.txt`` and ``a.md`` both want
``a.json`` for their sidecars), and an existing sidecar, report or baseline that is not
ours (a newsroom's own ``a.json`` beside ``a.txt``). What is ours is recognised by a marker
near the start of the file: sidecars begin with ``"schema": "cleaner-sidecar/1"``, reports
carry ``<meta name="generator" content="cleaner">``, baselines ``"tool": "cleaner"``.

Cleaned text under ``-o`` carries no marker (it is the article, nothing else), so the
mirrored path of an input in the output folder is the run's to replace, as a re-run must;
the folder may not be inside an input folder, nor be the folder of an input file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from cleaner.errors import CleanerError

SIDECAR_SCHEMA = "cleaner-sidecar/1"

# How each kind of file we write begins (older sidecars: {"cleaner": VERSION, "source": ...).
_OURS = {
    "sidecar": re.compile(
        rb'\A\s*\{\s*(?:"schema":\s*"cleaner-sidecar/|"cleaner":\s*"[^"]*",\s*"source":)'
    ),
    "report": re.compile(rb'<meta name="generator" content="cleaner">'),
    "baseline": re.compile(rb'\A\s*\{\s*"version":\s*\d+,\s*"tool":\s*"cleaner"'),
}


def sidecar_path(output: Path) -> Path:
    """``NAME.json`` beside the output (``a.txt`` -> ``a.json``)."""
    return output.with_suffix(".json")


def is_ours(path: Path, kind: str) -> bool:
    """Whether the existing file at ``path`` is a ``kind`` cleaner wrote."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
    except OSError:
        return False
    return bool(_OURS[kind].search(head))


class WritePlan:
    """The paths a run will write, each checked when claimed.

    Paths are compared by their real location: the folder resolved (symlinks, ``..``) and
    the name kept, and also fully resolved, so a symlink to an input counts as the input."""

    def __init__(self, inputs: Iterable[Path] = ()) -> None:
        self._folders: dict[Path, Path] = {}
        self._inputs: dict[Path, Path] = {}
        self._claims: dict[Path, str] = {}
        self.add_inputs(inputs)

    def add_inputs(self, inputs: Iterable[Path]) -> None:
        """Paths the run reads: never written (except by ``--in-place``, which claims
        nothing)."""
        for path in inputs:
            for key in self._keys(path):
                self._inputs.setdefault(key, path)

    def refuse(self, path: Path, kind: str, what: str) -> None:
        """``claim``, raising the problem as a ``CleanerError`` (a run-wide path: the
        report, a baseline)."""
        problem = self.claim(path, kind, what)
        if problem is not None:
            raise CleanerError(problem)

    def claim(self, path: Path, kind: str, what: str) -> str | None:
        """Reserve ``path`` for ``what`` (``"the sidecar of a.txt"``); ``kind`` is
        ``output``, ``sidecar``, ``report`` or ``baseline``. Returns why it may not be
        written, in one line, or None (then the claim is recorded)."""
        keys = self._keys(path)
        for key in keys:
            source = self._inputs.get(key)
            if source is not None:
                return f"{what} would be written to {path}, which is the input {source}"
            other = self._claims.get(key)
            if other is not None:
                return f"{what} and {other} would both be written to {path}"
        if kind != "output" and os.path.lexists(path):
            if os.path.isdir(path):
                return f"{what} would be written to {path}, which is a folder"
            if not is_ours(path, kind):
                return (
                    f"{what} would overwrite {path}, which exists and is not a cleaner "
                    f"{kind}; move it or choose another path"
                )
        for key in keys:
            self._claims[key] = what
        return None

    def _keys(self, path: Path) -> tuple[Path, ...]:
        """The name in its real folder, and the file it finally is (for a symlink)."""
        folder = self._folders.get(path.parent)
        if folder is None:
            folder = self._folders[path.parent] = Path(os.path.realpath(path.parent))
        name = folder / path.name
        if not os.path.islink(name):
            return (name,)
        return name, Path(os.path.realpath(name))  # realpath never raises, even on loops
