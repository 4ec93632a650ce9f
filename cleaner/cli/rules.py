"""``cleaner rules list|check|test``: see, validate and test the rule files."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from cleaner.config import discover
from cleaner.escape import visible


def _config(config_path: Path | None):  # type: ignore[no-untyped-def]
    return discover(Path.cwd(), config_path)


_config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Config file (default: nearest cleaner.toml or pyproject.toml [tool.cleaner]).",
)


@click.group()
def rules() -> None:
    """Rule files: list them, check them for errors, run their examples."""


@rules.command("list")
@_config_option
@click.option("--type", "rtype", default=None, help="Only rules of this type.")
@click.option(
    "--variants",
    is_flag=True,
    help="Under each entity, every spelling it repairs (hand-listed and generated) -> target.",
)
@click.argument("ids", nargs=-1)
def list_rules(
    config_path: Path | None, rtype: str | None, variants: bool, ids: tuple[str, ...]
) -> None:
    """One line per rule: id, type, level, fix, file:line, what it matches (IDS: prefixes)."""
    from cleaner.rules.rulebook import load_rules

    config = _config(config_path)
    entities = {}
    if variants:
        from cleaner.rules.gazetteer import load_gazetteer

        entities = {e.id: e for e in load_gazetteer(config)}
    for rule in load_rules(config):
        if (rtype and rule.type != rtype) or (ids and not rule.id.startswith(ids)):
            continue
        click.echo(
            f"{rule.id}\t{rule.type}\t{rule.level.value}\t{rule.fix.value}\t{rule.where}\t"
            f"{_short(rule)}"
        )
        entity = entities.get(rule.id)
        if entity is not None:
            guarded = set(entity.guarded)
            for spelling, target in entity.fixes:
                mark = " (guarded)" if spelling in guarded else ""
                click.echo(f"\t{spelling} -> {target}{mark}")
            for wrong in entity.wrong_first_names:
                click.echo(f"\t{wrong} <surname> -> {entity.first_name} (first name)")


def _short(rule) -> str:  # type: ignore[no-untyped-def]
    canonical = getattr(rule, "canonical", None)
    if canonical:
        return canonical
    match = getattr(rule, "match", None)
    if match:
        return " | ".join(match)
    return getattr(rule, "pattern", "") or rule.message


@rules.command("check")
@_config_option
def check_rules(config_path: Path | None) -> None:
    """Validate every rule file; report every problem as path:LINE: problem (exit 2 if any)."""
    from cleaner.rules.rulebook import load_rules_checked, rule_folders

    config = _config(config_path)
    found, errors = load_rules_checked(config)
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
    """Run every rule's tests/allows examples (or only rules whose id starts with IDS)."""
    from cleaner.rules.examples import check_rule
    from cleaner.rules.rulebook import load_rules

    config = _config(config_path)
    selected = [r for r in load_rules(config) if not ids or r.id.startswith(ids)]
    failures = [f for rule in selected for f in check_rule(rule, config)]
    for failure in failures:
        click.echo(str(failure), err=True)
    examples = sum(len(r.tests) + len(r.allows) for r in selected)
    click.echo(f"{len(selected)} rules, {examples} examples, {len(failures)} failure(s)")
    sys.exit(1 if failures else 0)
