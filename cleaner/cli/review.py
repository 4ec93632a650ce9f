"""``cleaner review apply|learn``: what an editor decided in the report, applied to the batch
and learnt as rule-file data.

Both read a ``cleaner-decisions/1`` file (the report's "Export decisions") and check all of it
before changing anything: its shape, every article's path (inside the batch) and content hash
(the text that was reviewed), every rule code. Each problem is one line; then nothing is
written and the exit status is 2.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from cleaner.errors import CleanerError
from cleaner.escape import visible

T = TypeVar("T")


def _fail(exc: CleanerError) -> None:
    """Every problem on its own ``error:`` line, then exit 2 (nothing was written)."""
    from cleaner.review.decisions import DecisionsError

    for line in exc.problems if isinstance(exc, DecisionsError) else [str(exc)]:
        click.echo(f"error: {visible(line)}", err=True)
    sys.exit(2)


def _reviewed(decisions_file: Path):  # type: ignore[no-untyped-def]
    """The decisions and their articles, read and checked (exits 2 on any problem)."""
    from cleaner.cli.options import validate
    from cleaner.config import forget_configs
    from cleaner.pipeline import registry
    from cleaner.review.apply import read_reviewed
    from cleaner.review.decisions import load_decisions

    forget_configs()
    decisions = load_decisions(decisions_file)
    checked: set[object] = set()

    def knows(config, rule: str) -> bool:  # type: ignore[no-untyped-def]
        if config not in checked:
            validate(config)
            checked.add(config)
        return registry(config).knows(rule)

    reviewed = read_reviewed(decisions, decisions.resolver, decisions.encoding, knows)
    return decisions, reviewed


def _checked(decisions_file: Path, then: Callable[[Any, Any], T]) -> tuple[Any, Any, T]:
    """The decisions, their articles and ``then(decisions, articles)``; any problem on the
    way is every problem's ``error:`` line and exit 2, before anything is written."""
    try:
        decisions, reviewed = _reviewed(decisions_file)
        return decisions, reviewed, then(decisions, reviewed)
    except CleanerError as exc:
        _fail(exc)
        raise  # _fail exits


@click.group()
def review() -> None:
    """Apply and learn from the decisions taken in a review report (its "Export decisions")."""


@review.command("apply")
@click.argument("decisions_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    "outdir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write the reviewed articles here, mirroring the batch "
    "(default: the files `cleaner clean -o ... --report` wrote).",
)
@click.option("--in-place", is_flag=True, help="Rewrite the input files (atomically).")
@click.option(
    "--sidecar",
    is_flag=True,
    help="Write NAME.json beside each output (one already there is always rewritten).",
)
@click.option("-q", "--quiet", is_flag=True, help="No summary, only errors and notes.")
def apply(
    decisions_file: Path, outdir: Path | None, in_place: bool, sidecar: bool, quiet: bool
) -> None:
    """Clean the reviewed articles again with the decisions: accepted suggestions are applied
    and rejected changes are not made, each as the pipeline's own edit (the sidecar and
    `restore` still account for every change)."""
    from cleaner.atomic import atomic_write_text, rewrite_in_place
    from cleaner.batch import write_sidecar
    from cleaner.review.apply import apply_one, output_paths, refuse_guesses

    def plan_writes(decisions, reviewed):  # type: ignore[no-untyped-def]
        refuse_guesses(reviewed, in_place)
        return output_paths(decisions, outdir, in_place, sidecar)

    _, reviewed, plan = _checked(decisions_file, plan_writes)
    applied = [apply_one(r) for r in reviewed]
    counts: Counter[str] = Counter()
    wrote = failed = 0
    for done in applied:
        art = done.reviewed.article
        target = plan[art.path]
        for d in art.decisions:
            if d in done.unused:
                continue
            counts[
                "suggestion(s) applied" if d.kind == "finding" and d.accepted
                else "finding(s) silenced" if d.kind == "finding"
                else "change(s) kept" if d.accepted
                else "change(s) not made"
            ] += 1  # fmt: skip
        for d in done.unused:
            note = (
                f"{art.source}: {d.rule} {d.text!r} at {d.start}-{d.end}: nothing proposes "
                "this any more (rule files changed since the report?); not applied"
            )
            click.echo(f"note: {visible(note)}", err=True)
        try:
            if in_place:  # as fix does: through a symlink, owner kept, hard links refused
                kept = rewrite_in_place(target.output, done.result.text)
                if kept:
                    click.echo(f"note: {visible(f'{target.output}: {kept}')}", err=True)
            else:
                atomic_write_text(target.output, done.result.text, durable=False)
            if target.sidecar is not None:
                result = done.result.to_dict()
                write_sidecar(target.sidecar, art.source, done.reviewed.encoding, result)
        except (CleanerError, OSError) as exc:  # one line, and the other articles go on
            problem = (
                str(exc)
                if isinstance(exc, CleanerError)
                else f"{target.output}: cannot write: {exc.strerror or exc}"
            )
            click.echo(f"error: {visible(problem)}", err=True)
            failed += 1
            continue
        wrote += 1
    if not quiet:
        what = ", ".join(f"{n} {k}" for k, n in counts.items()) or "nothing to do"
        click.echo(
            f"applied the decisions on {len(applied)} article(s): {what}; "
            f"wrote {wrote} file(s)" + (f", {failed} error(s)" if failed else ""),
            err=True,
        )
    if failed:
        sys.exit(2)


@review.command("learn")
@click.argument("decisions_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--rules",
    "rules_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of your own rule files to write into (name it in extend-rules).",
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Record rejected findings in this `cleaner check` baseline (pinned to their "
    "article) instead of making them rule exceptions.",
)
@click.option("-q", "--quiet", is_flag=True, help="No summary, only errors and notes.")
def learn(decisions_file: Path, rules_dir: Path, baseline: Path | None, quiet: bool) -> None:
    """Turn the decisions into rule-file data: accepted names become variants of their
    entity, accepted phrases new substitutions, rejections exceptions (or baseline entries),
    each with the reviewed sentence as its example. Writes RULES/review-<report>.yaml and
    keeps it only if `cleaner rules check` and `cleaner rules test` pass on it."""
    from cleaner.review.learn import learn_and_write

    _, _, report = _checked(decisions_file, lambda d, r: learn_and_write(d, r, rules_dir, baseline))
    for line in report.notes:
        click.echo(f"note: {visible(line)}", err=True)
    if not quiet:
        click.echo(report.summary, err=True)
