"""The ``cleaner`` command. Subcommands live in their own modules and are imported only when
invoked, so ``cleaner check one.txt`` from a pre-commit hook does not pay for the report's
template engine or the grammar checker."""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from cleaner.errors import CleanerError
from cleaner.escape import visible

# name -> "module:function". Add a subcommand by adding a line here.
COMMANDS: dict[str, str] = {
    "clean": "cleaner.cli.clean:clean",
    "check": "cleaner.cli.check:check",
    "fix": "cleaner.cli.fix:fix",
    "damage": "cleaner.cli.damage:damage",
    "rules": "cleaner.cli.rules:rules",
    "report": "cleaner.cli.report:report",
    "diff": "cleaner.cli.diff:diff",
    "cache": "cleaner.cli.cache:cache",
    "gazetteer": "cleaner.cli.gazetteer:gazetteer",
}


class LazyGroup(click.Group):
    """A click group that imports a subcommand's module only when it runs."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, attr = target.split(":")
        return getattr(importlib.import_module(module), attr)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CleanerError as exc:
            click.echo(f"error: {visible(str(exc))}", err=True)
            sys.exit(2)


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """Package, rules and dependency versions; the rules are those a run from here uses
    (the config found from the working folder, or the built-in rules alone if it is bad)."""
    if not value or ctx.resilient_parsing:
        return
    from pathlib import Path

    from cleaner.config import Config, discover
    from cleaner.versions import version_text

    try:
        config = discover(Path.cwd(), None)
    except CleanerError:
        config = Config()
    click.echo(version_text(config))
    ctx.exit()


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show cleaner's, its rules' and its main dependencies' versions, and exit.",
)
def main() -> None:
    """Turn messy ingested news text into clean, canonical article text."""
