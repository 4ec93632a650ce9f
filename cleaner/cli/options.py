"""Options several subcommands share, and turning them into a ``Config``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from cleaner.config import Config, discover
from cleaner.files import DEFAULT_GLOB


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


def jobs_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``-j/--jobs`` and ``--timeout`` for commands that run a batch."""
    fn = click.option(
        "--timeout",
        type=click.FloatRange(min=0),
        default=DEFAULT_TIMEOUT,
        envvar="CLEANER_TIMEOUT",
        show_default=True,
        help="Seconds one file may take; past it that file is stopped and reported as an "
        "error, and the batch goes on (0: no limit, and one worker's work runs in this "
        "process) [env CLEANER_TIMEOUT].",
    )(fn)
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


def build_config(paths: list[Path], config_path: Path | None, **overrides: Any) -> Config:
    """Discovered config (from the first input's folder), then command-line overrides."""
    start = paths[0] if paths else Path.cwd()
    config = discover(start, config_path)
    changes: dict[str, Any] = {}
    for key, value in overrides.items():
        if value is None or value == ():
            continue
        changes[key] = tuple(value) if isinstance(value, list | tuple) else value
    config = config.replace(**changes) if changes else config
    # A grammar backend that cannot run is one error line now, not one per file from the
    # workers (imported here so that --grammar none costs nothing).
    from cleaner.grammar import preflight

    preflight(config)
    return config
