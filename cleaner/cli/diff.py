"""``cleaner diff FILE``: what cleaning FILE would change, in the terminal."""

from __future__ import annotations

from pathlib import Path

import click

from cleaner.cli.options import config_options, encoding_option, resolver_for, validate
from cleaner.errors import CleanerError, file_error


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
@encoding_option
@config_options
def diff(
    file: Path,
    side_by_side: bool | None,
    color: bool | None,
    width: int | None,
    changes_only: bool,
    encoding: str | None,
    config_path: Path | None,
    pattern: str,
    **overrides: object,
) -> None:
    """Show what cleaning FILE would change: each change with its rule id, then findings.

    The file is only read.
    """
    from cleaner.pipeline import clean_decoded
    from cleaner.reader import read_file
    from cleaner.report.terminal import make_console, render_diff

    config = resolver_for(config_path, overrides).for_path(file)
    validate(config)
    decoded = read_file(file, config.max_file_bytes, encoding)
    try:
        result = clean_decoded(decoded, config)
    except CleanerError as exc:  # a rule's regex stopped by its time limit, say
        raise CleanerError(file_error(file, exc)) from None
    except Exception as exc:  # as the batch runner does: one line naming the file, no traceback
        raise CleanerError(
            f"{file}: internal error ({type(exc).__name__}: {exc}); please report it"
        ) from exc
    console = make_console(color, width)
    render_diff(str(file), decoded.text, result, console, side_by_side, changes_only)
