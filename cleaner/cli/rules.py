"""``cleaner rules list|explain|check|test``: see, explain, validate and test the rules.

``list``, ``explain`` and ``test`` read the rule registry (``cleaner.pipeline.registry``), so
the codes of the Python stages and detectors show up beside the rule files' own.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import click

from cleaner.config import Config, Resolver
from cleaner.errors import CleanerError
from cleaner.escape import visible


def _config(config_path: Path | None) -> Config:
    return Resolver(config_path).for_folder(Path.cwd())


_config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Config file (default: nearest cleaner.toml or pyproject.toml [tool.cleaner]).",
)


@click.group()
def rules() -> None:
    """Rules: list them, explain one, check the rule files, run the examples."""


@rules.command("list")
@_config_option
@click.option("--type", "rtype", default=None, help="Only rules of this type (code: Python).")
@click.option(
    "--variants",
    is_flag=True,
    help="Under each entity, every spelling it repairs (hand-listed and generated) -> target.",
)
@click.argument("ids", nargs=-1)
def list_rules(
    config_path: Path | None, rtype: str | None, variants: bool, ids: tuple[str, ...]
) -> None:
    """One line per rule code the pipeline can emit: code, type, level, fix, where it is
    defined, what it matches (IDS: only codes starting with these)."""
    from cleaner.pipeline import registry

    config = _config(config_path)
    entities = {}
    if variants:
        from cleaner.rules.gazetteer import load_gazetteer

        entities = {e.id: e for e in load_gazetteer(config)}
    known = registry(config)
    for record in known:
        rows = [(record.code, record.detail or record.summary())]
        if record.family and config.grammar in record.code:
            rows += [(code, f"{record.name} rule") for code in sorted(known.members(record))]
        shown_any = False
        for code, shown in rows:
            if (rtype and record.kind != rtype) or (ids and not code.startswith(ids)):
                continue
            shown_any = True
            click.echo(
                f"{code}\t{record.kind}\t{record.level.value}\t{record.fix.value}\t"
                f"{record.origin}\t{shown}"
            )
        entity = entities.get(record.code) if shown_any else None
        if entity is not None:
            guarded = set(entity.guarded)
            for spelling, target in entity.fixes:
                mark = " (guarded)" if spelling in guarded else ""
                click.echo(f"\t{spelling} -> {target}{mark}")
            for wrong in entity.wrong_first_names:
                click.echo(f"\t{wrong} <surname> -> {entity.first_name} (first name)")


@rules.command("explain")
@_config_option
@click.argument("code")
def explain(config_path: Path | None, code: str) -> None:
    """What rule CODE does and why, its level, fix safety and examples (as `ruff rule`)."""
    from cleaner.pipeline import registry

    known = registry(_config(config_path))
    record = known.get(code)
    if record is None or not known.knows(code):
        raise CleanerError(f"unknown rule code '{code}' (`cleaner rules list` shows every code)")
    fix = {
        "safe": "safe: applied by default",
        "unsafe": "unsafe: reported, applied only with --unsafe-fixes",
        "none": "none: reported only",
    }[record.fix.value]
    title = f"{code} ({record.name})" if code == record.code else f"{code} (in {record.code})"
    lines = [
        f"{title}: {record.summary()}",
        "",
        f"  type:   {record.kind}" + (f" ({record.detail})" if record.detail else ""),
        f"  stage:  {record.stage.value}",
        f"  level:  {record.level.value}",
        f"  fix:    {fix}",
        f"  source: {record.origin}",
        "",
    ]
    if record.explanation:
        for para in record.explanation.strip().split("\n\n"):
            lines += [*textwrap.wrap(" ".join(para.split()), 92), ""]
    if record.tests:
        lines.append("Examples:")
        for ex in record.tests:
            lines += [f"  {ex.text_in!r}", f"  -> {ex.text_out!r}"]
        lines.append("")
    if record.allows:
        lines.append("Left alone:")
        lines += [f"  {ex.text_in!r}" for ex in record.allows]
    click.echo("\n".join(lines).rstrip())


@rules.command("check")
@_config_option
def check_rules(config_path: Path | None) -> None:
    """Validate every rule file; report every problem as path:LINE: problem (exit 2 if any)."""
    from cleaner.pipeline import code_rules, unknown_amendments
    from cleaner.rules.loader import Amendment
    from cleaner.rules.rulebook import load_rules_checked, rule_folders

    config = _config(config_path)
    found, errors = load_rules_checked(config)
    specs = [r for r in found if not isinstance(r, Amendment)]
    amendments = [r for r in found if isinstance(r, Amendment)]
    records = [*code_rules(), *(r.record() for r in specs)]
    errors = (*errors, *unknown_amendments(records, amendments))
    found = tuple(specs)
    for error in errors:
        click.echo(visible(str(error)), err=True)
    if errors:
        click.echo(f"{len(errors)} problem(s) in rule files", err=True)
        sys.exit(2)
    folders = ", ".join(str(f) for f in rule_folders(config))
    click.echo(f"{len(found)} rules OK ({folders})")


@rules.command("test")
@_config_option
@click.argument("ids", nargs=-1)
def test_rules(config_path: Path | None, ids: tuple[str, ...]) -> None:
    """Run every rule's tests/allows examples (or only rules whose code starts with IDS)."""
    from cleaner.examples import check_rule, unavailable
    from cleaner.pipeline import registry

    config = _config(config_path)
    selected = [r for r in registry(config) if not ids or r.code.startswith(ids)]
    failures = []
    skipped = 0
    for record in selected:
        why = unavailable(record, config)
        if why:
            click.echo(f"skipped {record.code}: {why}", err=True)
            skipped += 1
            continue
        failures += check_rule(record, config)
    for failure in failures:
        click.echo(str(failure), err=True)
    examples = sum(len(r.tests) + len(r.allows) for r in selected)
    more = f", {skipped} skipped" if skipped else ""
    click.echo(f"{len(selected)} rules, {examples} examples, {len(failures)} failure(s){more}")
    sys.exit(1 if failures else 0)
