"""``cleaner report``: clean files without writing them and show every change for review."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from cleaner.batch import default_jobs, run_batch
from cleaner.cli.options import build_config, config_options, encoding_option, jobs_option
from cleaner.escape import visible
from cleaner.files import read_jobs
from cleaner.outputs import WritePlan


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
    from cleaner.report.collect import gather, report_file
    from cleaner.report.render import write_report

    config = build_config(list(paths), config_path, **overrides)
    planned = read_jobs(list(paths), pattern)
    WritePlan(j.source for j in planned if j.error is None).refuse(output, "report", "the report")
    outcomes = run_batch(report_file, planned, jobs or default_jobs(), config, encoding)
    articles = gather(outcomes)
    size = write_report(output, articles, title)
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
