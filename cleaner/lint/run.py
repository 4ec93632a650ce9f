"""The per-file work of ``cleaner check`` and ``cleaner fix``, run by ``cleaner.batch``.

Both go through ``analyse``: read, find the file's config, ``clean_text``, then drop what the
user suppressed. So check reports exactly what fix would change, and fix never touches a
``[sic]`` word or a per-path-ignored rule that check stays quiet about.
"""

from __future__ import annotations

import difflib
import os
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from cleaner.batch import Outcome
from cleaner.config import Config, find_config_file, load_config_file
from cleaner.document import _map
from cleaner.errors import CleanerError, file_error
from cleaner.files import Job
from cleaner.lint.suppress import (
    BaselineKey,
    baseline_path_key,
    filter_baseline,
    item_key,
    per_path_ignores,
    sic_spans,
    touches,
)
from cleaner.lint.violations import Item, items_from_result, to_violations
from cleaner.model import CleanResult, Edit
from cleaner.pipeline import clean_text
from cleaner.reader import read_file


@dataclass(frozen=True)
class LintSettings:
    """What every worker needs, picklable: how to find configs, and the suppressions."""

    config_path: Path | None = None
    overrides: tuple[tuple[str, Any], ...] = ()
    encoding: str | None = None
    # Baseline entries per resolved path, and the folder baseline paths are relative to.
    baseline: dict[str, Counter[BaselineKey]] = field(default_factory=dict)
    baseline_root: Path | None = None
    collect_keys: bool = False
    diff: bool = False


@lru_cache(maxsize=64)
def _config_for_dir(folder: Path, explicit: Path | None) -> Config:
    if explicit is not None:
        return load_config_file(explicit)
    found = find_config_file(folder)
    return load_config_file(found) if found else Config()


def forget_configs() -> None:
    """Drop cached configs: each command run reads the files afresh (tests, long processes)."""
    _config_for_dir.cache_clear()


def config_for(path: Path, settings: LintSettings) -> Config:
    """The nearest config to *this file* (so a pre-commit run over several article folders
    uses each folder's own), then command-line overrides, then per-path ignores."""
    config = _config_for_dir(Path(os.path.realpath(path)).parent, settings.config_path)
    changes = dict(settings.overrides)
    if changes:
        config = config.replace(**changes)
    extra = per_path_ignores(config, path)
    if extra:
        config = config.replace(ignore=(*config.ignore, *extra))
    return config


@dataclass(slots=True)
class Analysis:
    """One file cleaned, with the suppressions applied to its items and its fixed text."""

    original: str
    config: Config
    result: CleanResult
    items: list[Item]
    fixed: str
    notice: str | None = None


def analyse(path: Path, settings: LintSettings) -> Analysis:
    config = config_for(path, settings)
    decoded = read_file(path, config.max_file_bytes, settings.encoding)
    original = decoded.text
    result = clean_text(original, config)
    items = items_from_result(result, original, config)
    protected = sic_spans(original)
    fixed = result.text
    if protected:
        items = [i for i in items if not touches(i.start, i.end, protected)]
        fixed = revert_spans(result, original, protected)
    return Analysis(original, config, result, items, fixed, decoded.notice)


def revert_spans(result: CleanResult, original: str, spans: list[tuple[int, int]]) -> str:
    """``result.text`` with the original text put back wherever an edit touched ``spans``.

    Each protected span is mapped forward through the edit batches to the output and the
    original words are spliced in, right to left so earlier positions stay valid.
    """
    touched = [
        (s, e) for s, e in spans if any(touches(x.start, x.end, [(s, e)]) for x in result.edits)
    ]
    if not touched:
        return result.text
    batches = _batches(result.edits)
    text = result.text
    last = len(text) + 1
    for s, e in sorted(touched, reverse=True):
        a, b = _forward(batches, s, False), _forward(batches, e, True)
        if b > last:  # overlaps a span already restored; keep the first restoration
            continue
        text = text[:a] + original[s:e] + text[b:]
        last = a
    return text


_Arrays = tuple[list[int], list[int], list[int], list[int]]


def _batches(edits: list[Edit]) -> list[_Arrays]:
    """Per batch, the in/out span arrays ``cleaner.document._map`` walks."""
    by_seq: dict[int, list[Edit]] = {}
    for e in edits:
        by_seq.setdefault(e.seq, []).append(e)
    out: list[_Arrays] = []
    for seq in sorted(by_seq):
        ins, ine, outs, oute = [], [], [], []
        delta = 0
        for e in sorted(by_seq[seq], key=lambda x: x.pos):
            ins.append(e.pos)
            ine.append(e.pos + len(e.old))
            outs.append(e.pos + delta)
            oute.append(e.pos + delta + len(e.new))
            delta += len(e.new) - len(e.old)
        out.append((ins, ine, outs, oute))
    return out


def _forward(batches: list[_Arrays], pos: int, is_end: bool) -> int:
    for ins, ine, outs, oute in batches:
        pos = _map(pos, ins, ine, outs, oute, is_end)
    return pos


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
