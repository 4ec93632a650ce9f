"""Run a per-file function over many files, in parallel processes, streaming results back.

A bad file never stops the batch: each worker turns a ``CleanerError`` into an outcome with
an error message, and the caller reports errors at the end and exits non-zero. Unexpected
exceptions are caught too and reported as internal errors with the file name, so one odd
article cannot cost a newsroom its nightly run.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cleaner.atomic import atomic_write_text
from cleaner.config import Config
from cleaner.errors import CleanerError
from cleaner.files import Job
from cleaner.model import CleanResult
from cleaner.pipeline import clean_text
from cleaner.reader import read_file


@dataclass(slots=True)
class Outcome:
    """What happened to one file; small and picklable (the text stays in the worker)."""

    source: str
    output: str | None = None
    changed: bool = False
    edits_by_rule: Counter[str] = field(default_factory=Counter)
    findings: int = 0
    error: str | None = None
    notice: str | None = None
    stdout: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CleanOptions:
    """Per-run options of ``cleaner clean`` that are not pipeline config."""

    sidecar: bool = False
    encoding: str | None = None
    front_matter: bool = False


def clean_file(job: Job, config: Config, options: CleanOptions) -> Outcome:
    """Read, clean and write one file. Writes only to ``job.output`` (atomically)."""
    outcome = Outcome(source=str(job.source))
    try:
        decoded = read_file(job.source, config.max_file_bytes, options.encoding)
        outcome.notice = decoded.notice
        result = clean_text(decoded.text, config)
    except CleanerError as exc:
        outcome.error = str(exc)
        return outcome
    outcome.changed = result.text != decoded.text
    outcome.edits_by_rule = Counter(e.rule for e in result.edits)
    outcome.findings = len(result.findings)
    out_text = result.text
    if options.front_matter:
        from cleaner.boilerplate.frontmatter import with_front_matter

        out_text = with_front_matter(result.text, result.metadata)
        outcome.changed = out_text != decoded.text
    if job.output is None:
        outcome.stdout = out_text
    else:
        if job.output != job.source or outcome.changed:
            try:
                atomic_write_text(job.output, out_text)
            except OSError as exc:
                outcome.error = f"{job.output}: cannot write: {exc.strerror or exc}"
                return outcome
        outcome.output = str(job.output)
    if options.sidecar and job.output is not None:
        write_sidecar(job.output.with_suffix(".json"), job.source, decoded.encoding, result)
    return outcome


def write_sidecar(path: Path, source: Path, encoding: str, result: CleanResult) -> None:
    """Edits, findings and metadata beside the output: with the output they rebuild the input."""
    from cleaner import __version__

    data = result.to_dict()
    data.pop("text")
    payload = {"cleaner": __version__, "source": str(source), "encoding": encoding, **data}
    atomic_write_text(path, json.dumps(payload, ensure_ascii=False, indent=1) + "\n")


def _safe_call(fn: Callable[..., Outcome], job: Job, *args: Any) -> Outcome:
    try:
        return fn(job, *args)
    except Exception as exc:
        return Outcome(
            source=str(job.source),
            error=f"{job.source}: internal error ({type(exc).__name__}: {exc}); please report it",
        )


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_batch(
    fn: Callable[..., Outcome], jobs: list[Job], workers: int, *args: Any
) -> Iterator[Outcome]:
    """Yield one outcome per job, in input order, using ``workers`` processes."""
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield _safe_call(fn, job, *args)
        return
    chunk = max(1, min(64, len(jobs) // (workers * 8)))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_call_star, _tasks(fn, jobs, args), chunksize=chunk)


def _tasks(fn: Callable[..., Outcome], jobs: Iterable[Job], args: tuple[Any, ...]) -> Iterator[Any]:
    for job in jobs:
        yield (fn, job, *args)


def _call_star(task: tuple[Any, ...]) -> Outcome:
    fn, job, *args = task
    return _safe_call(fn, job, *args)
