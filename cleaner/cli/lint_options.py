"""Options and plumbing ``cleaner check`` and ``cleaner fix`` share."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from cleaner.batch import default_jobs, in_process
from cleaner.cli.options import resolve_configs, resolver_for, validate
from cleaner.config import Config
from cleaner.files import Job, read_jobs
from cleaner.lint.run import LintSettings, build_ahead

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


def prepare(
    jobs: list[Job], settings: LintSettings, workers: int, timeout: float | None
) -> tuple[list[Config], LintSettings]:
    """The run's configs, each distinct one validated (errors once, before any file), and
    ``settings`` with the result caches opened. In between, for files this process cleans
    itself, Harper's build starts (``build_ahead``): validation imports the whole pipeline
    (0.2 s of CPU), which the build then overlaps."""
    from cleaner.cache import ResultCache

    configs = resolve_configs(jobs, settings.resolver)
    settings = replace(settings, caches=ResultCache.for_configs(configs, settings.encoding))
    if in_process(len(jobs), workers, timeout):
        build_ahead(jobs, settings)
    for config in dict.fromkeys(configs):
        validate(config)
    return configs, settings
