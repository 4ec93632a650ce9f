"""``cleaner report``: clean files without writing them and show every change for review."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from cleaner.batch import Outcome, default_jobs, run_batch
from cleaner.cli.options import (
    config_options,
    configs_for,
    encoding_option,
    jobs_option,
    resolver_for,
)
from cleaner.config import Resolver
from cleaner.escape import visible
from cleaner.files import Job, read_jobs
from cleaner.outputs import WritePlan


def report_one(job: Job, resolver: Resolver, encoding: str | None) -> Outcome:
    """``report_file`` under the file's own config."""
    from cleaner.report.collect import report_file

    return report_file(job, resolver.for_path(job.source), encoding)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The HTML file to write (self-contained: open it from disk).",
)
@click.option("--title", default=None, help="Title of the report.")
@jobs_option
@encoding_option
@click.option("-q", "--quiet", is_flag=True, help="No summary, only errors.")
@config_options
def report(
    paths: tuple[Path, ...],
    output: Path,
    title: str | None,
    jobs: int | None,
    timeout: float,
    encoding: str | None,
    quiet: bool,
    config_path: Path | None,
    pattern: str,
    **overrides: object,
) -> None:
    """Write a side-by-side review report of what cleaning PATHS would change.

    The inputs are only read. Files that cannot be read get a row with their error, and the
    exit status is 2 if there were any.
    """
    from cleaner.report.collect import gather
    from cleaner.report.render import write_report
    from cleaner.review.decisions import run_settings

    resolver = resolver_for(config_path, overrides)
    planned = read_jobs(list(paths), pattern)
    WritePlan(j.source for j in planned if j.error is None).refuse(output, "report", "the report")
    configs_for(planned, resolver)
    outcomes = run_batch(
        report_one, planned, jobs or default_jobs(), resolver, encoding, timeout=timeout or None
    )
    articles = gather(outcomes)
    size = write_report(output, articles, title, run_settings(resolver, encoding))
    errors = [a["error"] for a in articles if a["error"]]
    if not quiet:
        click.echo(
            f"wrote {visible(str(output))} ({size / 1e6:.1f} MB): {len(articles)} article(s), "
            f"{len(errors)} error(s)",
            err=True,
        )
    for error in errors:
        click.echo(f"error: {visible(error)}", err=True)
    sys.exit(2 if errors else 0)
