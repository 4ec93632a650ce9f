"""``cleaner clean``: batch-clean files or folders into an output folder, stdout or in place."""

from __future__ import annotations

import dataclasses
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import click

from cleaner.batch import CleanOptions, Outcome, clean_file, default_jobs, run_batch
from cleaner.cache import MAX_MB_ENV, NO_CACHE_ENV, ResultCache
from cleaner.cli.options import (
    config_options,
    configs_for,
    encoding_option,
    jobs_option,
    resolver_for,
)
from cleaner.config import Config, Resolver
from cleaner.escape import visible
from cleaner.files import Job, plan_jobs
from cleaner.outputs import WritePlan


@dataclass(frozen=True)
class PerFile:
    """What a worker needs to clean each file under its own config: the run's resolver and
    one result cache per distinct config (the cache key hashes the config). Picklable."""

    resolver: Resolver
    options: CleanOptions
    caches: tuple[tuple[Config, ResultCache], ...] = ()

    def run(self, fn: Callable[[Job, Config, CleanOptions], Outcome], job: Job) -> Outcome:
        config = self.resolver.for_path(job.source)
        cache = dict(self.caches).get(config)
        options = dataclasses.replace(self.options, cache=cache) if cache else self.options
        return fn(job, config, options)


def clean_one(job: Job, per_file: PerFile) -> Outcome:
    return per_file.run(clean_file, job)


def clean_and_review_one(job: Job, per_file: PerFile) -> Outcome:
    from cleaner.report.collect import clean_and_review

    return per_file.run(clean_and_review, job)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "outdir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write cleaned files to (mirrors input folders).",
)
@click.option("--in-place", is_flag=True, help="Rewrite the input files (atomically).")
@jobs_option
@click.option(
    "--sidecar",
    is_flag=True,
    help="Write NAME.json (edits, findings, metadata) beside each output.",
)
@click.option(
    "--front-matter",
    is_flag=True,
    help="Put the lifted metadata (date, source, author, ...) as YAML front matter on top; "
    "such output is no longer the canonical text alone.",
)
@encoding_option
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write a side-by-side review report (HTML) of this batch.",
)
@click.option("-q", "--quiet", is_flag=True, help="No summary, only errors.")
@click.option(
    "--no-cache",
    is_flag=True,
    help="Clean every file again instead of reusing results of unchanged inputs "
    "(cache: $CLEANER_CACHE_DIR, default ~/.cache/cleaner; env CLEANER_NO_CACHE=1).",
)
@click.option(
    "--cache-max-mb",
    type=click.FloatRange(min=0),
    default=None,
    help="Keep the cache under this size, least recently used out first "
    "[env CLEANER_CACHE_MAX_MB; default 1024].",
)
@config_options
def clean(
    paths: tuple[Path, ...],
    outdir: Path | None,
    in_place: bool,
    jobs: int | None,
    timeout: float,
    sidecar: bool,
    front_matter: bool,
    encoding: str | None,
    report_path: Path | None,
    quiet: bool,
    no_cache: bool,
    cache_max_mb: float | None,
    config_path: Path | None,
    pattern: str,
    **overrides: object,
) -> None:
    """Clean PATHS (files or folders). One file and no -o: the clean text goes to stdout."""
    resolver = resolver_for(config_path, overrides)
    writes = WritePlan()
    planned = plan_jobs(list(paths), outdir, in_place, pattern, sidecar=sidecar, writes=writes)
    if report_path is not None:
        writes.refuse(report_path, "report", "the report")
    configs = configs_for(planned, resolver)
    if no_cache:
        os.environ[NO_CACHE_ENV] = "1"  # workers inherit it: no stage's cache either
    if cache_max_mb is not None:
        os.environ[MAX_MB_ENV] = str(cache_max_mb)  # workers evict too
    caches = ResultCache.for_configs(configs, encoding)
    options = CleanOptions(sidecar=sidecar, encoding=encoding, front_matter=front_matter)
    per_file = PerFile(resolver, options, caches)
    work = clean_one if report_path is None else clean_and_review_one
    outcomes = run_batch(work, planned, jobs or default_jobs(), per_file, timeout=timeout or None)
    summary = Summary()
    done: list[Outcome] = []
    for outcome in _with_progress(outcomes, len(planned), quiet):
        summary.add(outcome)
        if outcome.stdout is not None:
            sys.stdout.write(outcome.stdout)
        if report_path is not None:
            done.append(outcome)
    if report_path is not None:
        from cleaner.review.decisions import run_settings

        _write_report(report_path, done, quiet, run_settings(resolver, encoding))
    summary.print(quiet, to_stdout=planned[0].output is None if planned else False)
    sys.exit(2 if summary.errors else 0)


def _with_progress(outcomes: Iterator[Outcome], total: int, quiet: bool) -> Iterator[Outcome]:
    """A progress bar on stderr when it is a terminal; plain iteration otherwise."""
    if quiet or total < 2 or not sys.stderr.isatty():
        yield from outcomes
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("cleaning", total=total)
        for outcome in outcomes:
            progress.advance(task)
            yield outcome


def _write_report(path: Path, outcomes: list[Outcome], quiet: bool, run: dict[str, object]) -> None:
    """The review report of the batch just cleaned, from the data the workers returned."""
    from cleaner.report.collect import gather
    from cleaner.report.render import write_report

    size = write_report(path, gather(outcomes), run=run)
    if not quiet:
        print(f"wrote report {visible(str(path))} ({size / 1e6:.1f} MB)", file=sys.stderr)


class Summary:
    """Counts for the end-of-run report: files, changed, edits by rule, errors."""

    def __init__(self) -> None:
        self.files = 0
        self.changed = 0
        self.findings = 0
        self.cached = 0
        self.edits: Counter[str] = Counter()
        self.errors: list[str] = []
        self.notices: list[str] = []

    def add(self, outcome: Outcome) -> None:
        if outcome.error:
            self.errors.append(outcome.error)
            return
        self.files += 1
        self.changed += outcome.changed
        self.cached += outcome.cached
        self.findings += outcome.findings
        self.edits.update(outcome.edits_by_rule)
        if outcome.notice:
            self.notices.append(f"{outcome.source}: {outcome.notice}")

    def print(self, quiet: bool, to_stdout: bool) -> None:
        err = sys.stderr
        for notice in self.notices:
            print(f"note: {visible(notice)}", file=err)
        if not quiet and not to_stdout:
            total = sum(self.edits.values())
            print(
                f"cleaned {self.files} file(s): {self.changed} changed, "
                f"{self.files - self.changed} unchanged, {total} edit(s), "
                f"{self.findings} finding(s), {len(self.errors)} error(s)"
                + (f" ({self.cached} from cache)" if self.cached else ""),
                file=err,
            )
            if self.edits:
                rules = ", ".join(f"{rule} {n}" for rule, n in sorted(self.edits.items()))
                print(f"edits by rule: {rules}", file=err)
        for error in self.errors:
            print(f"error: {visible(error)}", file=err)
