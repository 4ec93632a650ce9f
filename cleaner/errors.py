"""Errors a user can act on. The CLI turns each into one line on stderr, never a traceback."""

from __future__ import annotations

from pathlib import Path


class CleanerError(Exception):
    """Base class: anything the CLI reports as ``error: ...`` and exits 2 for."""


class InputError(CleanerError):
    """An input file that cannot be cleaned (binary, undecodable, empty, too large ...)."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class ConfigError(CleanerError):
    """A config file or option that is wrong; names the file (and key) at fault."""


class RuleFileError(CleanerError):
    """A malformed rule file: ``rules/x.yaml:LINE: what is wrong``."""

    def __init__(self, path: str | Path, line: int | None, problem: str) -> None:
        self.path = str(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {problem}")


def file_error(path: str | Path, exc: CleanerError) -> str:
    """One file's error line: an ``InputError`` already names the file; anything else that
    stopped it (a rule's regex timing out, a rule file error met in a worker) gets the name
    in front, so every error line says which article it is about."""
    if isinstance(exc, InputError):
        return str(exc)
    return f"{path}: {exc}"
