"""The ``cleaner`` command. Subcommands live in their own modules and are imported only when
invoked, so ``cleaner check one.txt`` from a pre-commit hook does not pay for the report's
template engine or the grammar checker."""

from __future__ import annotations

import contextlib
import importlib
import signal
import sys
import threading
from collections.abc import Iterator
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
    "review": "cleaner.cli.review:review",
}
# Commands whose files go through ``cleaner.batch``, which ends the quick start after the
# first file (``cleaner.startup.end``). Any other (``rules test``, a ``review`` session)
# starts as Python does: its collector is never paused, so it cannot be left paused.
BATCH_COMMANDS = frozenset({"clean", "check", "fix", "damage", "report", "diff"})


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
            with _signals_stop_the_run():
                return super().invoke(ctx)
        except CleanerError as exc:
            click.echo(f"error: {visible(str(exc))}", err=True)
            sys.exit(2)
        except (Interrupted, KeyboardInterrupt) as exc:
            signum = exc.signum if isinstance(exc, Interrupted) else signal.SIGINT
            click.echo(
                f"error: stopped by {signal.Signals(signum).name}; every file is either "
                "complete or untouched",
                err=True,
            )
            sys.exit(128 + signum)


class Interrupted(BaseException):
    """SIGTERM or SIGHUP, raised where the run is so that every ``finally`` runs: worker
    processes are stopped, a temp file is removed, no file is left half written."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def _signals_stop_the_run() -> Iterator[None]:
    """Without this, SIGTERM ended the parent at once and left its workers rewriting inputs."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise Interrupted(signum)

    wanted = [signal.SIGTERM] + ([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])
    previous = {sig: signal.signal(sig, stop) for sig in wanted}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


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
    if click.get_current_context().invoked_subcommand != "cache":  # that one reports itself
        from cleaner.cache.store import preflight

        preflight()


def run() -> None:
    """The ``cleaner`` console script: ``main`` in a process of its own, whose start and
    exit are kept short (``cleaner.startup``: no cyclic collection during set-up, compiled
    patterns from the cache, no interpreter teardown). ``main`` itself, called by a test or
    another program, behaves as any click command."""
    from cleaner import startup

    # The group takes no option with a value, so the first word that is not an option is
    # the command (click has not parsed yet: the set-up it pauses for starts at dispatch).
    command = next((a for a in sys.argv[1:] if not a.startswith("-")), None)
    startup.claim_process()
    if command in BATCH_COMMANDS:
        startup.begin()
    try:
        main()
    except SystemExit as exc:
        startup.leave(exc.code)
    startup.leave(0)
