"""``cleaner diff FILE``: what cleaning FILE would change, in the terminal."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from cleaner.cli.options import (
    config_options,
    encoding_option,
    resolver_for,
    timeout_option,
    validate,
)
from cleaner.config import Config
from cleaner.errors import CleanerError
from cleaner.files import Job

if TYPE_CHECKING:
    from cleaner.batch import Outcome


@dataclass(frozen=True, slots=True)
class Screen:
    """The parent's console as the worker must reproduce it (a terminal? which colours? how
    wide?): the diff is laid out in the worker, into a string, so that ``--timeout`` bounds
    the whole of it. Aligning a long changed paragraph is ``difflib`` work that grows
    faster than the text, and a hung ``diff`` is as much a lost terminal as a hung batch."""

    terminal: bool
    color_system: str | None
    no_color: bool
    width: int
    side_by_side: bool | None
    changes_only: bool


def diff_one(job: Job, config: Config, encoding: str | None, screen: Screen) -> Outcome:
    """Read, clean and lay out one file's diff: an ``Outcome`` whose ``stdout`` is the
    rendered text (or whose ``error`` is the file's one line)."""
    from rich.console import Console

    from cleaner.batch import read_and_clean
    from cleaner.report.terminal import render_diff

    outcome, decoded, result = read_and_clean(job, config, encoding)
    if decoded is None or result is None:
        return outcome
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=screen.terminal,
        color_system=screen.color_system,  # type: ignore[arg-type]
        no_color=screen.no_color,
        width=screen.width,
        highlight=False,
        soft_wrap=False,
    )
    render_diff(
        str(job.source), decoded.text, result, console, screen.side_by_side, screen.changes_only
    )
    outcome.stdout = buffer.getvalue()
    return outcome


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--side-by-side/--unified",
    "side_by_side",
    default=None,
    help="Layout (default: side by side when the terminal is at least 120 columns wide).",
)
@click.option(
    "--color/--no-color",
    "color",
    default=None,
    help="Colour (default: when stdout is a terminal; NO_COLOR is honoured).",
)
@click.option("--width", type=click.IntRange(min=40), default=None, help="Output width.")
@click.option("--changes-only", is_flag=True, help="Show only paragraphs with changes or findings.")
@timeout_option
@encoding_option
@config_options
def diff(
    file: Path,
    side_by_side: bool | None,
    color: bool | None,
    width: int | None,
    changes_only: bool,
    timeout: float,
    encoding: str | None,
    config_path: Path | None,
    pattern: str,
    **overrides: object,
) -> None:
    """Show what cleaning FILE would change: each change with its rule id, then findings.

    The file is only read.
    """
    from cleaner.batch import run_batch
    from cleaner.report.terminal import make_console

    config = resolver_for(config_path, overrides).for_path(file)
    validate(config)
    console = make_console(color, width)  # what stdout is, decided here where it is known
    screen = Screen(
        terminal=console.is_terminal,
        color_system=console.color_system,
        no_color=console.no_color,
        width=console.width,
        side_by_side=side_by_side,
        changes_only=changes_only,
    )
    [outcome] = run_batch(
        diff_one, [Job(file, None)], 1, config, encoding, screen, timeout=timeout or None
    )
    if outcome.error is not None:
        raise CleanerError(outcome.error)
    sys.stdout.write(outcome.stdout or "")
    sys.stdout.flush()
