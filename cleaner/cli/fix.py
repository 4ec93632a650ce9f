"""``cleaner fix``: apply fixes in place (atomically) or print them as a diff."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

from cleaner.cli.lint_options import plan, prepare, settings_from, workers
from cleaner.cli.options import config_options, encoding_option, jobs_option
from cleaner.escape import visible


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--diff", is_flag=True, help="Print a unified diff instead of writing files.")
@jobs_option
@encoding_option
@click.option("-q", "--quiet", is_flag=True, help="No summary, only errors.")
@config_options
def fix(
    paths: tuple[Path, ...],
    diff: bool,
    jobs: int | None,
    timeout: float,
    encoding: str | None,
    quiet: bool,
    config_path: Path | None,
    pattern: str,
    **overrides: object,
) -> None:
    """Fix PATHS in place: safe fixes, plus unsafe ones with --unsafe-fixes.

    Exit 1 when a file was changed (or, with --diff, would be), as pre-commit expects of a
    fixer; 0 when nothing needed changing; 2 when a file or the config could not be read.
    """
    from cleaner.batch import run_batch
    from cleaner.lint.run import fix_file

    jobs_list = plan(paths, pattern)
    settings = settings_from(config_path, encoding, overrides, diff=diff)
    count = workers(jobs, len(jobs_list))
    _, settings = prepare(jobs_list, settings, count, timeout or None)  # config errors: once
    changed: list[str] = []
    edits: Counter[str] = Counter()
    errors: list[str] = []
    findings = 0
    outcomes = run_batch(fix_file, jobs_list, count, settings, timeout=timeout or None)
    for outcome in outcomes:
        if outcome.notice:
            click.echo(f"note: {visible(f'{outcome.source}: {outcome.notice}')}", err=True)
        if outcome.error:
            errors.append(outcome.error)
            continue
        findings += outcome.findings
        if outcome.changed:
            changed.append(outcome.source)
            edits.update(outcome.edits_by_rule)
            if outcome.stdout:
                sys.stdout.write(outcome.stdout)
    if not quiet:
        verb = "would fix" if diff else "fixed"
        for name in changed if not diff else ():
            click.echo(f"fixed {visible(name)}", err=True)
        rules = ", ".join(f"{rule} {n}" for rule, n in sorted(edits.items()))
        line = f"{verb} {len(changed)} of {len(jobs_list) - len(errors)} file(s)"
        if rules:
            line += f" ({rules})"
        if findings:
            line += f"; {findings} finding(s) left for a human (see `cleaner check`)"
        if errors:  # "fixed 0 of 0" alone reads as success when every file failed
            line += f"; {len(errors)} error(s)"
        click.echo(line, err=True)
    for error in errors:
        click.echo(f"error: {visible(error)}", err=True)
    sys.exit(2 if errors else 1 if changed else 0)
