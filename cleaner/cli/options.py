"""Options several subcommands share, and turning them into a ``Config``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from cleaner.config import Config, Resolver, forget_configs
from cleaner.files import DEFAULT_GLOB, Job


def config_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--config``, ``--select``/``--ignore``, ``--unsafe-fixes``, typography, grammar
    backend, size limit."""
    decorators = [
        click.option(
            "--config",
            "config_path",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Config file (default: nearest cleaner.toml or pyproject.toml [tool.cleaner]).",
        ),
        click.option(
            "--select", multiple=True, help="Only these rule ids or prefixes (repeatable)."
        ),
        click.option(
            "--ignore", multiple=True, help="Skip these rule ids or prefixes (repeatable)."
        ),
        click.option(
            "--unsafe-fixes/--no-unsafe-fixes",
            default=None,
            help="Also apply fixes marked unsafe (default: report them as findings).",
        ),
        click.option(
            "--quotes",
            type=click.Choice(["straight", "curly", "keep"]),
            default=None,
            help="Quote style of the output (default: straight).",
        ),
        click.option(
            "--dashes",
            type=click.Choice(["keep", "ascii", "en", "em"]),
            default=None,
            help="Dash style of the output (default: keep).",
        ),
        click.option(
            "--grammar",
            type=click.Choice(["harper", "languagetool", "none"]),
            default=None,
            help="Grammar checker (default: harper, offline; languagetool needs a server).",
        ),
        click.option(
            "--languagetool-url",
            envvar="CLEANER_LANGUAGETOOL_URL",
            default=None,
            help="LanguageTool server for --grammar languagetool [env CLEANER_LANGUAGETOOL_URL].",
        ),
        click.option(
            "--max-file-size",
            "max_file_bytes",
            type=click.IntRange(min=1),
            default=None,
            help="Refuse files larger than this many bytes (default: 10 MB).",
        ),
        click.option(
            "--glob",
            "pattern",
            default=DEFAULT_GLOB,
            show_default=True,
            help="Which files to take from folders.",
        ),
    ]
    for deco in reversed(decorators):
        fn = deco(fn)
    return fn


# Seconds one file may take (``--timeout``). Generous: a news article takes well under a
# second; this bounds a file no stage was built for, not a slow machine.
DEFAULT_TIMEOUT = 300.0


def timeout_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--timeout``: every command that cleans a file bounds the time it may take."""
    return click.option(
        "--timeout",
        type=click.FloatRange(min=0),
        default=DEFAULT_TIMEOUT,
        envvar="CLEANER_TIMEOUT",
        show_default=True,
        help="Seconds one file may take; past it that file is stopped and reported as an "
        "error, and the batch goes on (0: no limit, and one worker's work runs in this "
        "process; a single file always does) [env CLEANER_TIMEOUT].",
    )(fn)


def jobs_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``-j/--jobs`` and ``--timeout`` for commands that run a batch."""
    fn = timeout_option(fn)
    return click.option(
        "-j",
        "--jobs",
        type=click.IntRange(min=1),
        default=None,
        help="Worker processes (default: number of CPUs).",
    )(fn)


def encoding_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--encoding`` for commands that read input files."""
    return click.option(
        "--encoding", default=None, help="Decode inputs with this encoding instead of detecting."
    )(fn)


def resolver_for(config_path: Path | None, overrides: dict[str, Any]) -> Resolver:
    """How this run finds each file's config: ``--config`` or the nearest config file, then
    the command-line options (read afresh for every command run)."""
    forget_configs()
    return Resolver.from_options(config_path, overrides)


def validate(config: Config) -> None:
    """One config's errors, once, before any file is touched: rule codes the registry does
    not know (select, ignore, per-path ignores, grammar-safe-rules) and a grammar backend
    that cannot run (imported here so that --grammar none costs nothing)."""
    from cleaner.grammar import preflight
    from cleaner.pipeline import check_config

    check_config(config)
    preflight(config)


def resolve_configs(jobs: list[Job], resolver: Resolver) -> list[Config]:
    """The config of each job that planning did not already fail (the file's own, as ruff
    finds it; the first job's if every one failed), not yet validated."""
    usable = [job for job in jobs if job.error is None] or jobs[:1]
    return [resolver.for_path(job.source) for job in usable]


def configs_for(jobs: list[Job], resolver: Resolver) -> list[Config]:
    """``resolve_configs``, every distinct one validated."""
    configs = resolve_configs(jobs, resolver)
    for config in dict.fromkeys(configs):
        validate(config)
    return configs
