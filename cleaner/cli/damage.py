"""``cleaner damage``: rank files worst-first by how machine-translated and damaged they look.

Reads and cleans each file exactly as ``cleaner clean`` would (``clean_text``), writes
nothing, and prints one line per file: damage score (0-100, README "Damage score"), words,
language, and the rules that contributed most. A newsroom points it at the night's folder
and reviews from the top. ``--paragraphs`` adds the worst paragraphs of each file, ``--json``
prints the full damage records instead.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from cleaner.batch import Outcome, default_jobs, read_and_clean, run_batch
from cleaner.cli.options import config_options, configs_for, jobs_option, resolver_for
from cleaner.config import Resolver
from cleaner.escape import visible
from cleaner.files import Job, read_jobs


def damage_of_file(job: Job, resolver: Resolver) -> Outcome:
    """Clean one file in memory (under its own config) and keep its damage record and
    language."""
    outcome, _, result = read_and_clean(job, resolver.for_path(job.source))
    if result is None:
        return outcome
    outcome.extra = {
        "damage": result.metadata.get("damage", {}),
        "language": result.metadata.get("language", "?"),
    }
    return outcome


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-n", "--top", type=click.IntRange(min=1), default=None, help="Only the N worst.")
@click.option("--paragraphs", is_flag=True, help="Also list each file's worst paragraphs.")
@click.option("--json", "as_json", is_flag=True, help="Print the damage records as JSON.")
@jobs_option
@config_options
def damage(
    paths: tuple[Path, ...],
    top: int | None,
    paragraphs: bool,
    as_json: bool,
    jobs: int | None,
    timeout: float,
    config_path: Path | None,
    pattern: str,
    **overrides: object,
) -> None:
    """Rank PATHS (files or folders) worst-first by damage score; writes nothing."""
    resolver = resolver_for(config_path, overrides)
    planned = read_jobs(list(paths), pattern)
    configs_for(planned, resolver)
    outcomes = list(
        run_batch(
            damage_of_file, planned, jobs or default_jobs(), resolver, timeout=timeout or None
        )
    )
    errors = [o for o in outcomes if o.error]
    ranked = sorted(
        (o for o in outcomes if not o.error),
        key=lambda o: (-o.extra["damage"].get("score", 0.0), o.source),
    )[:top]
    if as_json:
        records = [{"file": o.source, **o.extra} for o in ranked]
        click.echo(json.dumps(records, ensure_ascii=False, indent=1))
    else:
        for o in ranked:
            click.echo(_line(o))
            if paragraphs:
                for p in _worst_paragraphs(o.extra["damage"]):
                    click.echo(f"        line {p['line']}: {p['score']:5.1f} ({p['words']} words)")
    for o in errors:
        click.echo(f"error: {visible(o.error or '')}", err=True)
    sys.exit(2 if errors else 0)


def _line(o: Outcome) -> str:
    d = o.extra["damage"]
    rules = sorted(d.get("by_rule", {}).items(), key=lambda kv: -kv[1])[:3]
    top_rules = ", ".join(f"{r}x{n}" for r, n in rules)
    return (
        f"{d.get('score', 0.0):5.1f}  {d.get('words', 0):6d} words  {o.extra['language']:>3}  "
        f"{visible(o.source)}" + (f"  [{top_rules}]" if top_rules else "")
    )


def _worst_paragraphs(d: dict[str, object], limit: int = 3) -> list[dict[str, int | float]]:
    paras = [p for p in d.get("paragraphs", []) if p["score"] > 0]  # type: ignore[union-attr]
    return sorted(paras, key=lambda p: -p["score"])[:limit]
