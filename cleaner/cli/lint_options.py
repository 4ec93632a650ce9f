"""Options and plumbing ``cleaner check`` and ``cleaner fix`` share."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cleaner.batch import default_jobs
from cleaner.cli.options import resolver_for
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
    """The run's config resolution (``--config``, command-line overrides) and suppressions."""
    return LintSettings(resolver=resolver_for(config_path, overrides), encoding=encoding, **extra)
