"""The per-file work of ``cleaner check`` and ``cleaner fix``, run by ``cleaner.batch``.

Both go through ``analyse``: read, resolve the file's config (the same ``Resolver`` every
command uses), ``clean_text``. Every decision (what is enabled, ``[sic]``, per-path ignores,
safe or opted-in fixes) was made once, by ``Document.decide``, so check reports exactly what
fix writes, and what ``clean`` writes too.

An unchanged file is answered from the result cache ``clean`` keeps (``cleaner.cache.results``,
keyed by the bytes, rules, config, encoding option and code): the pre-commit hook checks the
same files again and again, and cleaning was about half of a warm check's CPU (issue 17).
``check`` and ``fix`` store the whole result, which a ``clean`` without sidecars does not;
an entry without it is cleaned again and replaced.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cleaner.batch import Outcome, clean_decoded, summarise
from cleaner.cache import ResultCache
from cleaner.config import Config, Resolver
from cleaner.errors import CleanerError, file_error
from cleaner.files import Job
from cleaner.lint.suppress import BaselineKey, baseline_path_key, filter_baseline, item_key
from cleaner.lint.violations import Item, items_from_result, to_violations
from cleaner.model import CleanResult
from cleaner.reader import Decoded, decode_file_bytes, guess_refusal, read_bytes


@dataclass(frozen=True)
class LintSettings:
    """What every worker needs, picklable: how to find configs, and the suppressions."""

    resolver: Resolver = field(default_factory=Resolver)
    encoding: str | None = None
    # Baseline entries per resolved path, and the folder baseline paths are relative to.
    baseline: dict[str, Counter[BaselineKey]] = field(default_factory=dict)
    baseline_root: Path | None = None
    collect_keys: bool = False
    diff: bool = False
    # The result cache of each distinct config (``ResultCache.for_configs``); none: off.
    caches: tuple[tuple[Config, ResultCache], ...] = ()


@dataclass(slots=True)
class Analysis:
    """One file cleaned: its items (edits and findings) and its fixed text."""

    original: str
    config: Config
    result: CleanResult
    items: list[Item]
    fixed: str
    notice: str | None = None
    decoded: Decoded | None = None


def analyse(path: Path, settings: LintSettings) -> Analysis:
    config = settings.resolver.for_path(path)
    data = read_bytes(path, config.max_file_bytes)
    decoded = decode_file_bytes(data, path, settings.encoding)
    original = decoded.text
    result = cleaned(data, decoded, config, dict(settings.caches).get(config))
    items = items_from_result(result, original)
    return Analysis(original, config, result, items, result.text, decoded.notice, decoded)


def cleaned(
    data: bytes, decoded: Decoded, config: Config, cache: ResultCache | None
) -> CleanResult:
    """``clean_decoded(decoded, config)``, or the result an earlier run stored for these
    bytes (what ``decoded`` was read from) under this config, rules, code and ``--encoding``
    (the cache's salt)."""
    key = cache.key(data) if cache is not None else ""
    stored = _stored(cache, key)
    if stored is not None:
        try:
            return CleanResult.from_dict(stored)
        except (KeyError, TypeError, ValueError):
            pass  # not what this code stores: cleaned again below, and replaced
    result = clean_decoded(decoded, config)
    if cache is not None:
        cache.put(key, summarise(decoded, result), result.text, result.to_dict())
    return result


def _stored(cache: ResultCache | None, key: str) -> dict[str, Any] | None:
    """The whole result stored under ``key`` (a dict), or None."""
    entry = cache.get(key) if cache is not None else None
    return entry.result() if entry is not None else None


def build_ahead(jobs: list[Job], settings: LintSettings) -> bool:
    """Start building Harper's linter in the background (``cleaner.grammar.build_ahead``)
    for the first file the result cache cannot answer, as soon as its config is known:
    ``check one.txt`` then builds Harper's dictionary (0.45 s of CPU) while it imports and
    sets up the pipeline (0.25 s) instead of after (issue 17). For a run that cleans its
    files in this process (``batch.in_process``): a forked worker would wait for the build.
    Nothing is reported here: a file that cannot be read is the run's error in its place."""
    from cleaner.grammar import build_ahead as start

    caches = dict(settings.caches)
    for job in jobs:
        if job.error is not None:
            continue
        try:
            config = settings.resolver.for_path(job.source)
            data = read_bytes(job.source, config.max_file_bytes)
            cache = caches.get(config)
            if cache is not None and _stored(cache, cache.key(data)) is not None:
                continue  # answered from the cache: no stage runs
            text = decode_file_bytes(data, job.source, settings.encoding).text
        except CleanerError:
            return False
        return start(config, text)
    return False


def _start(job: Job, settings: LintSettings) -> tuple[Outcome, Analysis | None]:
    """An outcome for ``job`` and its analysis; a bad file becomes the outcome's error."""
    outcome = Outcome(source=str(job.source))
    try:
        found = analyse(job.source, settings)
    except CleanerError as exc:
        outcome.error = file_error(job.source, exc)
        return outcome, None
    outcome.notice = found.notice  # "not UTF-8; decoded as cp1251": fix will write UTF-8
    return outcome, found


def check_file(job: Job, settings: LintSettings) -> Outcome:
    """Violations of one file in ``outcome.extra["violations"]`` (and baseline keys)."""
    outcome, found = _start(job, settings)
    if found is None:
        return outcome
    items = found.items
    if settings.baseline_root is not None and (settings.baseline or settings.collect_keys):
        path_key = baseline_path_key(job.source, settings.baseline_root)
        if settings.collect_keys:
            outcome.extra["keys"] = [item_key(path_key, i, found.original) for i in items]
        known = settings.baseline.get(path_key)
        if known:
            items = filter_baseline(items, known, path_key, found.original)
    outcome.extra["violations"] = to_violations(str(job.source), items, found.original)
    outcome.changed = found.fixed != found.original
    return outcome


def fix_file(job: Job, settings: LintSettings) -> Outcome:
    """Write the fixed text in place (atomically), or put a unified diff in ``stdout``."""
    from cleaner.atomic import rewrite_in_place

    outcome, found = _start(job, settings)
    if found is None:
        return outcome
    outcome.findings = sum(1 for i in found.items if i.kind == "finding")
    if found.fixed == found.original:
        return outcome
    outcome.changed = True
    outcome.edits_by_rule = Counter(i.rule for i in found.items if i.kind == "edit")
    if settings.diff:
        name = job.source.as_posix()
        lines = difflib.unified_diff(
            found.original.splitlines(keepends=True),
            found.fixed.splitlines(keepends=True),
            fromfile=f"a/{name.lstrip('/')}",
            tofile=f"b/{name.lstrip('/')}",
        )
        # A last line without a newline gets git's marker, or patch would misread the diff.
        outcome.stdout = "".join(
            line if line.endswith("\n") else f"{line}\n\\ No newline at end of file\n"
            for line in lines
        )
        return outcome
    decoded = found.decoded
    if decoded is not None and decoded.guessed and not found.config.accept_guessed_encoding:
        outcome.changed = False
        outcome.error = f"{job.source}: {guess_refusal(decoded.encoding, decoded.alternatives)}"
        return outcome
    try:
        kept = rewrite_in_place(job.source, found.fixed)
    except CleanerError as exc:  # a multiply-linked file, left unchanged
        outcome.error = str(exc)
        outcome.changed = False
        return outcome
    except OSError as exc:
        outcome.error = f"{job.source}: cannot write: {exc.strerror or exc}"
        outcome.changed = False
        return outcome
    if kept:
        outcome.notice = "; ".join(n for n in (outcome.notice, kept) if n)
    outcome.output = str(job.source)
    return outcome
