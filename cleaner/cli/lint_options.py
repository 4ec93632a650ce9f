"""Options and plumbing ``cleaner check`` and ``cleaner fix`` share."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cleaner.batch import default_jobs
from cleaner.files import Job, read_jobs
from cleaner.lint.run import LintSettings

# Below this many files a process pool costs more than it saves (a pre-commit batch is small).
POOL_THRESHOLD = 16


def plan(paths: tuple[Path, ...], pattern: str) -> list[Job]:
    """Files as given, folders searched; each real file once (a symlink and its target are
    one file: ``fix`` must not rewrite it twice), in order."""
    return read_jobs(list(paths), pattern, once=True)


def workers(jobs: int | None, count: int) -> int:
    if jobs is not None:
        return jobs
    return 1 if count < POOL_THRESHOLD else default_jobs()


def settings_from(
    config_path: Path | None, encoding: str | None, overrides: dict[str, Any], **extra: Any
) -> LintSettings:
    """Command-line overrides as (field, value) pairs; unset options leave the file's value."""
    changes = tuple(
        (key, tuple(value) if isinstance(value, list | tuple) else value)
        for key, value in overrides.items()
        if value is not None and value != ()
    )
    return LintSettings(config_path=config_path, overrides=changes, encoding=encoding, **extra)
