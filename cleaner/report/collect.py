"""Per-file work for the report, run in batch workers, and gathering the results.

The worker reads and cleans a file and returns only the article's compact review data (see
``build``), so the parent never holds a batch's raw texts and the alignment work runs in
parallel with the cleaning.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from cleaner.batch import CleanOptions, Outcome, clean_file, read_and_clean
from cleaner.config import Config
from cleaner.files import Job
from cleaner.model import CleanResult
from cleaner.report.build import article_data, error_data


def review_data(name: str, original: str, result: CleanResult) -> dict[str, Any]:
    """``article_data``, or an error row if the edit log cannot be lined up (a bug to report)."""
    try:
        return article_data(name, original, result)
    except ValueError as exc:
        return error_data(name, f"{name}: cannot show the changes ({exc}); please report it")


def report_file(job: Job, config: Config, encoding: str | None) -> Outcome:
    """Read and clean one file for ``cleaner report``; writes nothing."""
    outcome, decoded, result = read_and_clean(job, config, encoding)
    if decoded is None or result is None:
        return outcome
    outcome.changed = result.text != decoded.text
    outcome.findings = len(result.findings)
    outcome.extra["report"] = review_data(str(job.source), decoded.text, result)
    return outcome


def clean_and_review(job: Job, config: Config, options: CleanOptions) -> Outcome:
    """``clean_file`` plus the article's review data (``cleaner clean --report``).

    The review is built from the input as read *before* ``clean_file`` runs, since with
    ``--in-place`` the input is the output afterwards. Cleaning twice costs time only when a
    report is asked for, and leaves ``clean_file`` (and its caching) untouched; the pipeline
    is deterministic, so the report shows exactly what was written.
    """
    review = report_file(job, config, options.encoding)
    outcome = clean_file(job, config, options)
    if "report" in review.extra:
        outcome.extra["report"] = review.extra["report"]
        # Where the reviewed text was written: ``cleaner review apply`` rewrites it there.
        outcome.extra["report"]["output"] = str(job.output) if job.output else None
    return outcome


def gather(outcomes: Iterable[Outcome]) -> list[dict[str, Any]]:
    """One report entry per outcome, in order; a failed file becomes an error row."""
    articles: list[dict[str, Any]] = []
    for o in outcomes:
        data = o.extra.get("report")
        if data is None:
            data = error_data(o.source, o.error or f"{o.source}: no report data")
        articles.append(data)
    return articles
