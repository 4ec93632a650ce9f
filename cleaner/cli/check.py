"""``cleaner check``: report what is wrong with articles, read-only, linter exit codes."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from cleaner.cli.lint_options import plan, prepare, settings_from, workers
from cleaner.cli.options import config_options, encoding_option, jobs_option
from cleaner.escape import visible
from cleaner.model import Level


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "jsonl", "github", "sarif"]),
    default="text",
    show_default=True,
    help="Output format (json: see schemas/cleaner-check-v1.schema.json).",
)
@click.option(
    "--fail-level",
    type=click.Choice(["error", "warning", "info"]),
    default="warning",
    show_default=True,
    help="Exit 1 if any violation is at or above this level.",
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Report only violations not recorded in this baseline file.",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Record every current violation in this file and exit 0.",
)
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour text output (auto: when stdout is a terminal).",
)
@jobs_option
@encoding_option
@config_options
def check(
    paths: tuple[Path, ...],
    fmt: str,
    fail_level: str,
    baseline: Path | None,
    write_baseline: Path | None,
    color: str,
    jobs: int | None,
    timeout: float,
    encoding: str | None,
    config_path: Path | None,
    pattern: str,
    **overrides: object,
) -> None:
    """Check PATHS (files or folders) and report violations; never modifies a file.

    Reports findings and the edits `cleaner fix` would make (marked [*]). Exit 0: nothing at
    or above --fail-level; 1: violations; 2: a file or the config could not be read.
    """
    from cleaner.batch import run_batch
    from cleaner.lint.formats import CheckReport, render
    from cleaner.lint.run import check_file
    from cleaner.lint.suppress import Baseline
    from cleaner.lint.suppress import write_baseline as save_baseline

    known = Baseline.load(baseline) if baseline is not None else None
    root = None
    if write_baseline is not None:
        root = write_baseline.resolve().parent
    elif known is not None:
        root = known.root
    jobs_list = plan(paths, pattern)
    if write_baseline is not None:
        from cleaner.outputs import WritePlan

        inputs = (job.source for job in jobs_list if job.error is None)
        WritePlan(inputs).refuse(write_baseline, "baseline", "the baseline")
    settings = settings_from(
        config_path,
        encoding,
        overrides,
        baseline={} if known is None else _per_file(known, jobs_list),
        baseline_root=root,
        collect_keys=write_baseline is not None,
    )
    # Config errors are the run's, not a file's: surface them once, before any work (exit 2).
    count = workers(jobs, len(jobs_list))
    configs, settings = prepare(jobs_list, settings, count, timeout or None)
    report = CheckReport(config=configs[0], fail_level=Level(fail_level))
    keys = []
    outcomes = run_batch(check_file, jobs_list, count, settings, timeout=timeout or None)
    for outcome in outcomes:
        if outcome.notice:
            click.echo(f"note: {visible(f'{outcome.source}: {outcome.notice}')}", err=True)
        if outcome.error:
            report.errors.append(outcome.error)
            continue
        report.files += 1
        report.violations.extend(outcome.extra["violations"])
        keys.extend(outcome.extra.get("keys", ()))
    for error in report.errors:
        click.echo(f"error: {visible(error)}", err=True)
    if write_baseline is not None:
        from cleaner import __version__

        count = save_baseline(write_baseline, keys, __version__)
        click.echo(
            f"wrote {count} violation(s) of {report.files} file(s) to "
            f"{visible(str(write_baseline))}",
            err=True,
        )
        sys.exit(2 if report.errors else 0)
    use_color = color == "always" or (
        color == "auto" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    )
    render(report, fmt, sys.stdout, color=use_color and fmt == "text")
    sys.stdout.flush()
    sys.exit(2 if report.errors else 1 if report.failing else 0)


def _per_file(known, jobs_list):  # type: ignore[no-untyped-def]
    """Only the baseline entries of the files being checked go to the workers."""
    from cleaner.lint.suppress import baseline_path_key

    out = {}
    for job in jobs_list:
        if job.error is not None:
            continue
        name = baseline_path_key(job.source, known.root)
        entries = known.for_file(job.source)
        if entries:
            out[name] = entries
    return out
