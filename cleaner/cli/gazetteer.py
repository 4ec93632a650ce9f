"""``cleaner gazetteer import``: entity rule files from Wikidata's JSON entity format."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from cleaner.config import discover


@click.group()
def gazetteer() -> None:
    """The gazetteer of names: grow it from Wikidata entities."""


@gazetteer.command("import")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Rule file to write (default: standard output). Put it in an extend-rules folder.",
)
@click.option(
    "--languages",
    default="ru,uk,zh,ko,ja",
    show_default=True,
    help="Native labels to keep (the scripts names are generated from).",
)
@click.option(
    "--kind",
    "default_kind",
    default="other",
    type=click.Choice(["person", "place", "organisation", "event", "other"]),
    help="Kind of an entity whose 'instance of' (P31) says none of these.",
)
@click.option(
    "--keep-known",
    is_flag=True,
    help="Also write entities whose name a rule file already has (skipped by default: a "
    "hand-written rule wins).",
)
@click.option("--source", default="", help="Where the entities came from (file header).")
@click.option("--licence", default="", help="Their licence (file header).")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Config whose rule folders hold the known names.",
)
def import_entities(
    inputs: tuple[Path, ...],
    output: Path | None,
    languages: str,
    default_kind: str,
    keep_known: bool,
    source: str,
    licence: str,
    config_path: Path | None,
) -> None:
    """Write an entity rule per Wikidata entity in INPUTS (JSON lines: the dump's lines,
    Special:EntityData documents, or simplified entities)."""
    from cleaner.errors import CleanerError
    from cleaner.gazetteer import emit
    from cleaner.gazetteer.wikidata import read_lines, records

    entities = []
    for path in inputs:
        try:
            with path.open(encoding="utf-8") as handle:
                entities += list(read_lines(handle, str(path)))
        except OSError as exc:
            raise CleanerError(f"{path}: cannot read ({exc.strerror})") from None
    langs = [x.strip() for x in languages.split(",") if x.strip()]
    found, unnamed = records(entities, langs, default_kind)
    known: set[str] = set()
    known_ids: set[str] = set()
    known_natives: set[tuple[str, str]] = set()
    if not keep_known:
        known, known_ids, known_natives = _known_names(config_path, output)
    kept, seen, skipped_known = [], set(), 0
    for rec in found:
        names = {rec.canonical, *rec.accepted}
        if names & known or rec.qid in known_ids or set(rec.native.items()) & known_natives:
            skipped_known += 1
            continue
        if rec.canonical in seen:
            continue  # two items with one English name: the first wins
        seen.add(rec.canonical)
        kept.append(rec)
    header = "\n".join(
        line
        for line in (
            "Written by `cleaner gazetteer import` from Wikidata's JSON entity format.",
            f"Source: {source}" if source else "",
            f"Licence: {licence}" if licence else "",
        )
        if line
    )
    text = emit.dump(kept, header)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
    click.echo(
        f"{len(kept)} entities written; {unnamed} without an English label, "
        f"{skipped_known} already in the rule files, {len(found) - len(kept) - skipped_known} "
        "duplicate names skipped",
        err=True,
    )


def _known_names(
    config_path: Path | None, output: Path | None
) -> tuple[set[str], set[str], set[tuple[str, str]]]:
    """Names and Wikidata ids the config's rule files already have, except the file being
    rewritten (a re-import replaces it, so its own names are not "already known"), and the
    native names (language, name) of the hand-written ones (those without a Wikidata id).
    The id counts too: another repository may label the same person otherwise (``José
    Manuel Albares`` and ``José Manuel Albares Bueno``), and two rules with one id do not
    load. So does a hand-written person's native name: Wikidata's English label may be
    another romanisation of it (``Vasily Malyk`` for Vasyl Maliuk, Василь Малюк), and the
    two rules would make one person two, each spelling the other's "namesake"."""
    from cleaner.rules.rulebook import load_rules
    from cleaner.rules.types.entity import EntityRule

    config = discover(Path.cwd(), config_path)
    replaced = output.resolve() if output is not None else None
    names: set[str] = set()
    ids: set[str] = set()
    natives: set[tuple[str, str]] = set()
    for rule in load_rules(config):
        if isinstance(rule, EntityRule) and Path(rule.path).resolve() != replaced:
            names |= {rule.canonical, *rule.accepted, *rule.short}
            if rule.wikidata:
                ids.add(rule.wikidata)
            else:
                natives |= set(rule.native)
    return names, ids, natives
