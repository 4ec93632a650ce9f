"""Run a per-file function over many files, in parallel processes, streaming results back.

A bad file never stops the batch: each worker turns a ``CleanerError`` into an outcome with
an error message, and the caller reports errors at the end and exits non-zero. Unexpected
exceptions are caught too and reported as internal errors with the file name, so one odd
article cannot cost a newsroom its nightly run.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cleaner import startup
from cleaner.atomic import atomic_write_text, rewrite_in_place
from cleaner.cache import Entry, ResultCache
from cleaner.config import Config, available_cpus
from cleaner.errors import CleanerError, file_error
from cleaner.files import Job
from cleaner.model import CleanResult
from cleaner.outputs import SIDECAR_SCHEMA, sidecar_path
from cleaner.reader import Decoded, decode_file_bytes, guess_refusal, read_bytes, read_file
from cleaner.versions import versions


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
    # Whether the result came from the cache (the run's count of work not done).
    cached: bool = False


@dataclass(frozen=True, slots=True)
class CleanOptions:
    """Per-run options of ``cleaner clean`` that are not pipeline config."""

    sidecar: bool = False
    encoding: str | None = None
    front_matter: bool = False
    # None: ``--no-cache``. Built once per run (it hashes the rules) and shipped to workers.
    cache: ResultCache | None = None


def clean_decoded(decoded: Decoded, config: Config) -> CleanResult:
    """``cleaner.pipeline.clean_decoded``, imported at the first file: the pipeline's import
    (every stage, 0.2 s of CPU) then comes after a command has read its first file and
    started Harper's build (``cleaner.lint.run.build_ahead``), which then overlaps it."""
    from cleaner.pipeline import clean_decoded as clean

    return clean(decoded, config)


def read_and_clean(
    job: Job, config: Config, encoding: str | None = None
) -> tuple[Outcome, Decoded | None, CleanResult | None]:
    """The start of every read-only per-file command (``report``, ``damage``): the file read
    and cleaned in memory, or, for a bad file, an outcome carrying its one-line error."""
    outcome = Outcome(source=str(job.source))
    try:
        decoded = read_file(job.source, config.max_file_bytes, encoding)
        result = clean_decoded(decoded, config)
    except CleanerError as exc:
        outcome.error = file_error(job.source, exc)
        return outcome, None, None
    outcome.notice = decoded.notice
    return outcome, decoded, result


def clean_file(job: Job, config: Config, options: CleanOptions) -> Outcome:
    """Read, clean and write one file. Writes only to ``job.output`` (atomically)."""
    outcome = Outcome(source=str(job.source))
    try:
        done = clean_bytes(
            read_bytes(job.source, config.max_file_bytes), job.source, config, options
        )
    except CleanerError as exc:
        outcome.error = file_error(job.source, exc)
        return outcome
    summary = done.summary
    outcome.changed = summary["changed"]
    if job.output == job.source and outcome.changed and _refuse_guess(summary, config):
        outcome.notice = summary["notice"]
        refusal = guess_refusal(summary["encoding"], summary["alternatives"])
        outcome.error = f"{job.source}: {refusal}"
        outcome.changed = False
        return outcome
    out_text: str | None = None  # None: the cleaned text itself (read lazily on a cache hit)
    if options.front_matter:
        from cleaner.boilerplate.frontmatter import with_front_matter

        out_text = with_front_matter(done.text(), done.result()["metadata"])
        outcome.changed = True  # the output is no longer the input's text, whatever it was
    kept: str | None = None  # what an in-place rewrite could not keep (the owner)
    if job.output is None:
        outcome.stdout = done.text() if out_text is None else out_text
    else:
        in_place = job.output == job.source
        holds = out_text is None and _holds(job.output, summary)
        if (not in_place or outcome.changed) and not holds:
            try:
                text = done.text() if out_text is None else out_text
                if in_place:
                    kept = rewrite_in_place(job.output, text)
                else:
                    atomic_write_text(job.output, text, durable=False)
            except CleanerError as exc:  # a multiply-linked file, left unchanged
                outcome.error = str(exc)
                return outcome
            except OSError as exc:
                outcome.error = f"{job.output}: cannot write: {exc.strerror or exc}"
                return outcome
        outcome.output = str(job.output)
    if options.sidecar and job.output is not None:
        where = sidecar_path(job.output)
        result = {"versions": versions(config), **done.result()}  # what made it
        try:
            write_sidecar(where, job.source, summary["encoding"], result)
        except OSError as exc:
            outcome.error = f"{where}: cannot write: {exc.strerror or exc}"
            return outcome
    # Read last: a corrupt cache entry met above was cleaned again and replaced the summary.
    outcome.cached = done.cached
    outcome.notice = "; ".join(n for n in (done.summary["notice"], kept) if n) or None
    outcome.edits_by_rule = Counter(done.summary["edits_by_rule"])
    outcome.findings = done.summary["findings"]
    return outcome


def _refuse_guess(summary: dict[str, Any], config: Config) -> bool:
    """An in-place rewrite of a file whose encoding was guessed is refused (README,
    "Reading input"): the guess, written back as UTF-8, would become permanent."""
    return bool(summary.get("guessed")) and not config.accept_guessed_encoding


class Cleaned:
    """One file's cleaning: a summary (counts, output hash), the text and the full result.

    On a cache hit the text and result are read only when something needs them (stdout, a
    missing or different output, a sidecar); when the entry lacks them or they are damaged,
    the file is cleaned again."""

    def __init__(
        self,
        summary: dict[str, Any],
        cached: bool,
        text: str | None,
        result: dict[str, Any] | None,
        entry: Entry | None,
        again: Callable[[], tuple[dict[str, Any], str, dict[str, Any] | None]],
    ) -> None:
        self.summary, self.cached = summary, cached
        self._text, self._result, self._entry, self._again = text, result, entry, again

    def text(self) -> str:
        if self._text is None and self._entry is not None:
            self._text = self._entry.text()
        if self._text is None:
            self._recompute()
        return self._text  # type: ignore[return-value]

    def result(self) -> dict[str, Any]:
        """``CleanResult.to_dict()`` (for sidecars)."""
        if self._result is None and self._entry is not None:
            self._result = self._entry.result()
        if self._result is None:
            self._recompute()
        return self._result  # type: ignore[return-value]

    def _recompute(self) -> None:
        self.summary, self._text, self._result = self._again()
        self.cached, self._entry = False, None


def clean_bytes(data: bytes, source: Path, config: Config, options: CleanOptions) -> Cleaned:
    """Clean a file's bytes, or take the result from the cache when it holds this exact
    input under this run's rules, config and code."""
    cache = options.cache
    key = cache.key(data) if cache else ""
    entry = cache.get(key) if cache else None

    def again() -> tuple[dict[str, Any], str, dict[str, Any] | None]:
        return _compute(data, source, config, options, key, full=True)

    if entry is None:
        full = options.sidecar or options.front_matter
        summary, text, result = _compute(data, source, config, options, key, full)
        return Cleaned(summary, False, text, result, None, again)
    return Cleaned(entry.summary, True, None, None, entry, again)


def _compute(
    data: bytes, source: Path, config: Config, options: CleanOptions, key: str, full: bool
) -> tuple[dict[str, Any], str, dict[str, Any] | None]:
    """Clean the bytes; the result as a dict only when ``full`` (sidecars need it)."""
    decoded = decode_file_bytes(data, source, options.encoding)
    result = clean_decoded(decoded, config)
    summary = summarise(decoded, result)
    as_dict = result.to_dict() if full else None
    if options.cache:
        options.cache.put(key, summary, result.text, as_dict)
    return summary, result.text, as_dict


def summarise(decoded: Decoded, result: CleanResult) -> dict[str, Any]:
    """What a result-cache entry says at once (``cleaner.cache.results``): the summary of a
    run, and the cleaned text's hash. ``cleaner check`` stores entries ``clean`` reads."""
    out = result.text.encode("utf-8")
    return {
        "encoding": decoded.encoding,
        "notice": decoded.notice,
        "guessed": decoded.guessed,
        "alternatives": list(decoded.alternatives),
        "changed": result.text != decoded.text,
        "edits_by_rule": Counter(e.rule for e in result.edits),
        "findings": len(result.findings),
        "text_bytes": len(out),
        "text_sha256": hashlib.sha256(out).hexdigest(),
    }


def _holds(path: Path, summary: dict[str, Any]) -> bool:
    """Whether ``path`` already holds the cleaned text: then an unchanged re-run leaves the
    output (and its timestamp, which downstream jobs watch) alone."""
    try:
        if path.stat().st_size != summary["text_bytes"]:
            return False
        return hashlib.sha256(path.read_bytes()).hexdigest() == summary["text_sha256"]
    except OSError:
        return False


def write_sidecar(path: Path, source: Path, encoding: str, result: dict[str, Any]) -> None:
    """Edits, findings and metadata beside the output: with the output they rebuild the input."""
    from cleaner import __version__

    data = {k: v for k, v in result.items() if k != "text"}
    # The schema comes first: it is the marker by which a later run knows this NAME.json
    # is ours to replace (cleaner.outputs), and never overwrites a newsroom's own.
    payload = {
        "schema": SIDECAR_SCHEMA,
        "cleaner": __version__,
        "source": str(source),
        "encoding": encoding,
        **data,
    }
    text = json.dumps(payload, ensure_ascii=False, indent=1) + "\n"
    with contextlib.suppress(OSError):
        if path.read_text(encoding="utf-8") == text:
            return
    atomic_write_text(path, text, durable=False)


def _safe_call(fn: Callable[..., Outcome], job: Job, *args: Any) -> Outcome:
    try:
        return _call(fn, job, *args)
    finally:
        # The first file built what a run keeps (the pipeline, the name index): from here
        # the cyclic collector runs as usual, past that set-up (``cleaner.startup``).
        startup.end()


def _call(fn: Callable[..., Outcome], job: Job, *args: Any) -> Outcome:
    if job.error is not None:  # found while planning (a symlink loop, an unreadable folder)
        return Outcome(source=str(job.source), error=job.error)
    try:
        return fn(job, *args)
    except CleanerError as exc:  # one the per-file function did not expect, still one line
        return Outcome(source=str(job.source), error=file_error(job.source, exc))
    except Exception as exc:
        return Outcome(
            source=str(job.source),
            error=f"{job.source}: internal error ({type(exc).__name__}: {exc}); please report it",
        )


def default_jobs() -> int:
    return available_cpus()


def in_process(count: int, workers: int, timeout: float | None) -> bool:
    """Whether ``run_batch`` cleans ``count`` files in this process (no worker forked)."""
    if timeout is None:
        return workers <= 1 or count <= 1
    if count != 1 or not startup.owns_process():
        return False
    from cleaner import deadline

    return deadline.available()


def run_batch(
    fn: Callable[..., Outcome],
    jobs: list[Job],
    workers: int,
    *args: Any,
    timeout: float | None = None,
) -> Iterator[Outcome]:
    """One outcome per job, in input order, from ``workers`` supervised processes.

    ``timeout``: seconds one file may take; past it the file's worker is stopped and the
    file is an error (``cleaner.workers``). Without a timeout, one worker's worth of work
    (``workers <= 1`` or a single job) runs in this process, as library callers expect."""
    if not jobs:
        return iter(())
    if timeout is None and (workers <= 1 or len(jobs) <= 1):
        return (_safe_call(fn, job, *args) for job in jobs)
    if timeout is not None and in_process(len(jobs), workers, timeout):
        # One file: no worker to fork, the budget kept here (``cleaner.deadline``).
        return iter([_bounded_call(fn, jobs[0], timeout, *args)])
    from cleaner.workers import supervise

    return supervise(_run_job, jobs, workers, (fn, *args), timeout, _timed_out, _died)


def _bounded_call(fn: Callable[..., Outcome], job: Job, timeout: float, *args: Any) -> Outcome:
    """``_safe_call`` in this process under the time budget (``cleaner.deadline``)."""
    from cleaner import deadline
    from cleaner.escape import visible

    stopped = _timed_out(job, timeout)
    assert stopped.error is not None
    return deadline.within(
        timeout, lambda: _safe_call(fn, job, *args), lambda: stopped, visible(stopped.error)
    )


def _run_job(job: Job, fn: Callable[..., Outcome], *args: Any) -> Outcome:
    return _safe_call(fn, job, *args)


def _timed_out(job: Job, seconds: float) -> Outcome:
    return Outcome(
        source=str(job.source),
        error=f"{job.source}: stopped after {seconds:g} s (--timeout)",
    )


def _died(job: Job, how: str) -> Outcome:
    return Outcome(
        source=str(job.source),
        error=f"{job.source}: the worker process cleaning it died ({how}); please report it",
    )
