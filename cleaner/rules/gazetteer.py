"""The gazetteer: every ``entity`` rule as an ``Entity`` record, with house style applied.

Other stages (the detectors' near-miss, pronoun and first-name checks) read names from here
rather than from the rule files, so generated variants and a newsroom's house style are
seen the same way everywhere. Built once per rule-folder set and house style.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from pathlib import Path

from cleaner.config import Config
from cleaner.errors import ConfigError
from cleaner.rules.entity import Entity
from cleaner.rules.rulebook import load_folders, rule_folders


def load_gazetteer(config: Config) -> tuple[Entity, ...]:
    """Every entity of the config's rule folders, house style applied (cached)."""
    return _gazetteer(rule_folders(config), config.house_style, config.source)


@lru_cache(maxsize=8)
def _gazetteer(
    folders: tuple[Path, ...], house_style: tuple[tuple[str, str], ...], source: str | None
) -> tuple[Entity, ...]:
    from cleaner.cache import folders_digest, memo_on_disk
    from cleaner.rules.types.entity import EntityRule

    if not all(folder.exists() for folder in folders):
        raise load_folders(folders)[1][0]  # "rules folder does not exist"

    def build() -> tuple[Entity, ...]:
        # Read here, not before: a stored gazetteer needs no rule decoded (its key covers
        # the files, and none is stored from files with a problem).
        rules, errors, lexicon = load_folders(folders)
        if errors:
            raise errors[0]
        from cleaner.rules.japanese_cyrillic import add_cyrillic_routes
        from cleaner.rules.korean_cyrillic import add_korean_routes, kontsevich
        from cleaner.rules.route_collisions import (
            drop_family_reading_collisions,
            drop_route_collisions,
            route_spellings,
        )

        entity_rules = [r for r in rules if isinstance(r, EntityRule)]
        routes = {r.id: route_spellings(r.native) for r in entity_rules}
        # Japanese names through Russian and Ukrainian are read off the English name, with
        # the tables the rule folders give, and guarded with the other routes' spellings.
        entities, cyrillic = add_cyrillic_routes(
            [r.to_entity() for r in entity_rules],
            lexicon.table("hepburn-cyrillic"),
            lexicon.table("cyrillic-ukrainian"),
        )
        # Korean names through Russian and Ukrainian are read off the Hangul name.
        hangul = {r.id: n for r in entity_rules for lang, n in r.native if lang == "ko"}
        entities, korean = add_korean_routes(
            entities, hangul, kontsevich(lexicon), lexicon.table("cyrillic-ukrainian")
        )
        for rule_id, spellings in (*cyrillic.items(), *korean.items()):
            routes[rule_id] = routes.get(rule_id, set()) | spellings
        entities, _ = drop_route_collisions(entities, routes)
        listed = {r.id: {v for v, _target in r.variants} for r in entity_rules}
        entities, _ = drop_family_reading_collisions(entities, listed)
        return tuple(apply_house_style(entities, house_style, source or "config"))

    # Generating the variants (transliterations, case forms) cost 0.5 s in every process;
    # unpickling them costs 0.01 s (issue 9). Keyed by the rule files, house style, code.
    key = [repr(folders), folders_digest(folders), repr(house_style), str(source)]
    return memo_on_disk("gazetteer", key, build, types=[Entity])


def forget_gazetteers() -> None:
    """Drop the gazetteers built so far (their rule files changed under this process)."""
    _gazetteer.cache_clear()


def apply_house_style(
    entities: list[Entity], house_style: tuple[tuple[str, str], ...], source: str
) -> list[Entity]:
    """Make each house spelling canonical for its entity.

    The key names the entity (its id or any correct spelling); the value is the spelling to
    print. A one-word value is the short form (``Zelensky``): the entity's other one-word
    spellings become fixes to it and the full name takes it too (``Volodymyr Zelensky``). A
    longer value replaces the canonical name and the other full spellings become fixes.
    """
    if not house_style:
        return entities
    index: dict[str, int] = {}
    for i, e in enumerate(entities):
        for name in (e.id, *e.names, *([e.surname] if e.surname else [])):
            index.setdefault(name, i)
    result = list(entities)
    for key, spelling in house_style:
        if key not in index:
            raise ConfigError(f"{source}: house-style name {key!r} is not a known entity")
        i = index[key]
        result[i] = _restyle(result[i], spelling.strip())
    return result


def _restyle(e: Entity, spelling: str) -> Entity:
    fixes = dict(e.fixes)
    one_word = len(spelling.split()) == 1 and len(e.canonical.split()) > 1
    if one_word:
        old = e.surname or (e.short_forms[0] if e.short_forms else e.canonical)
        canonical = e.canonical
        if old in canonical.split():
            canonical = canonical.replace(old, spelling)
        shorts = tuple(spelling if s == old else s for s in e.short_forms) or (spelling,)
        retired = {n for n in e.names if len(n.split()) == 1} - {spelling}
        for name in retired:
            fixes[name] = spelling
        for name in e.names:
            if len(name.split()) > 1 and name != canonical:
                fixes[name] = canonical
        surname = spelling if e.surname else None
    else:
        canonical, shorts, surname = spelling, e.short_forms, e.surname
        for name in e.names:
            if len(name.split()) == len(spelling.split()) and name != spelling:
                fixes[name] = spelling
    fixes = {k: (canonical if v == e.canonical else v) for k, v in fixes.items()}
    if surname and e.surname:
        fixes = {k: (surname if v == e.surname else v) for k, v in fixes.items()}
    fixes.pop(spelling, None)
    fixes.pop(canonical, None)
    accepted = tuple(n for n in e.accepted if n not in fixes)
    older = tuple(n for n in e.older if n not in fixes)
    variants = tuple(k for k in fixes if k not in e.guarded)
    return dataclasses.replace(
        e,
        canonical=canonical,
        short_forms=shorts,
        accepted=accepted,
        older=older,
        surname=surname,
        variants=variants,
        fixes=tuple(fixes.items()),
    )
