"""The rules and word lists a config runs: the shipped ``rules/`` folder plus
``extend-rules``, loaded once per process and folder set. A malformed file stops cleaning
with ``file:LINE: problem`` (cleaning with half a rule set would be a silent skip)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from cleaner.config import Config
from cleaner.errors import RuleFileError
from cleaner.resources import rule_folders
from cleaner.rules.lexicon import Lexicon
from cleaner.rules.loader import Amendment, RuleSpec, load_all

__all__ = [
    "folders_lexicon",
    "forget_rule_files",
    "load_folders",
    "load_lexicon",
    "load_rules",
    "load_rules_checked",
    "rule_book",
    "rule_folders",
]


Loaded = tuple[tuple[RuleSpec, ...], tuple[RuleFileError, ...], Lexicon]


@lru_cache(maxsize=8)
def load_folders(folders: tuple[Path, ...]) -> Loaded:
    """The rules, the problems and the word lists of a set of rule folders (cached)."""
    import cleaner.rules.types  # noqa: F401  (registers the rule types)

    for folder in folders:
        if not folder.exists():
            return (), (RuleFileError(folder, None, "rules folder does not exist"),), Lexicon()
    from cleaner.cache import folders_digest, memo_on_disk

    def build() -> Loaded:
        rules, errors, lexicon = load_all(folders)
        return tuple(rules), tuple(errors), lexicon

    # Every worker and every ``cleaner check`` would parse the YAML again: keep the parsed
    # rules on disk under the rule files' hashes (issue 9). Loads with errors are not kept.
    key = [repr(folders), folders_digest(folders)]
    return memo_on_disk(
        "rulebook", key, build, keep=lambda loaded: not loaded[1], types=rule_classes()
    )


def rule_classes() -> tuple[type, ...]:
    """What a loaded rule book is made of (the memo stores nothing else)."""
    from cleaner.model import FixSafety, Level
    from cleaner.registry import RuleExample
    from cleaner.rules.loader import RULE_TYPES, Amendment

    return (*RULE_TYPES.values(), Amendment, RuleExample, Lexicon, Level, FixSafety)


def forget_rule_files() -> None:
    """Drop the rule sets loaded so far: a rule file changed under this process (``cleaner
    review learn`` just wrote one)."""
    load_folders.cache_clear()
    _book.cache_clear()


class RuleBook:
    """A run's view of the rule files: every rule file rule's id and file, the rules that
    are not entity rules, the ``amend`` entries for code rules and the word lists; an entity
    rule is read back from the set-up cache only when asked for (``rule``, ``rules``).

    Why (issue 17): a cold ``cleaner check`` decoded all 26,000 objects of the parsed rules
    (3,254 entity rules with their 6,746 examples) to use the hundred-odd other rules, the
    ids and the entity rules of the few names an article holds; the gazetteer, which the
    stages read names from, is kept on its own. ``load_rules`` still gives them all."""

    def __init__(
        self,
        ids: tuple[str, ...],
        paths: dict[str, str],
        others: tuple[RuleSpec, ...],
        entity_rules: Callable[[str], RuleSpec],
        amendments: tuple[RuleSpec, ...],
        lexicon: Lexicon,
    ) -> None:
        self.ids = ids  # every rule file rule's, in load order
        self.paths = paths  # the file each one is in
        self.others = others  # the rules that are not entity rules, in load order
        self.amendments = amendments
        self.lexicon = lexicon
        made = {r.id: r for r in others}
        self.rules: Mapping[str, RuleSpec] = _Lazy(ids, made, entity_rules)

    def rule(self, rule_id: str) -> RuleSpec:
        return self.rules[rule_id]


class _Lazy(Mapping[str, "RuleSpec"]):
    def __init__(
        self, ids: tuple[str, ...], made: dict[str, RuleSpec], make: Callable[[str], RuleSpec]
    ) -> None:
        self._ids = frozenset(ids)
        self._order = ids
        self._made = made
        self._make = make

    def __getitem__(self, rule_id: str) -> RuleSpec:
        found = self._made.get(rule_id)
        if found is None:
            if rule_id not in self._ids:
                raise KeyError(rule_id)
            found = self._made.setdefault(rule_id, self._make(rule_id))
        return found

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._ids

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)


@lru_cache(maxsize=8)
def _book(folders: tuple[Path, ...]) -> RuleBook | RuleFileError:
    import cleaner.rules.types  # noqa: F401  (registers the rule types)
    from cleaner.cache import folders_digest, memo_on_disk, plain
    from cleaner.rules.types.entity import EntityRule

    for folder in folders:
        if not folder.exists():
            return RuleFileError(folder, None, "rules folder does not exist")
    types = rule_classes()

    def build() -> tuple[Any, ...]:
        rules, errors, lexicon = load_folders(folders)
        if errors:
            return (errors[0],)
        files = [r for r in rules if not isinstance(r, Amendment)]
        return (
            tuple(r.id for r in files),
            {r.id: r.path for r in files},
            tuple(r for r in files if not isinstance(r, EntityRule)),
            {r.id: plain.dumps(r, types) for r in files if isinstance(r, EntityRule)},
            tuple(r for r in rules if isinstance(r, Amendment)),
            lexicon,
        )

    # Kept beside the parsed rules (``load_folders``), under the same key.
    key = [repr(folders), folders_digest(folders)]
    value = memo_on_disk("rulebook-view", key, build, keep=lambda v: len(v) > 1, types=types)
    if len(value) == 1:
        return value[0]  # type: ignore[no-any-return]
    ids, paths, others, stored, amendments, lexicon = value

    def entity_rule(rule_id: str) -> RuleSpec:
        return plain.loads(stored[rule_id], types)  # type: ignore[no-any-return]

    return RuleBook(ids, paths, others, entity_rule, amendments, lexicon)


def rule_book(config: Config) -> RuleBook:
    """The config's rules as a run reads them (``RuleBook``); raises the first problem of
    the rule files as ``RuleFileError``, as ``load_rules`` does."""
    book = _book(rule_folders(config))
    if isinstance(book, RuleFileError):
        raise book
    return book


def folders_lexicon(folders: tuple[Path, ...]) -> Lexicon:
    """The word lists of a set of rule folders (``load_lexicon`` for a caller that has the
    folders, not a config: the metadata stage's own lists live in the same folders)."""
    book = _book(folders)
    if isinstance(book, RuleFileError):
        raise book
    return book.lexicon


def load_rules_checked(config: Config) -> tuple[tuple[RuleSpec, ...], tuple[RuleFileError, ...]]:
    """Every rule and every problem (for ``cleaner rules check``)."""
    rules, errors, _ = load_folders(rule_folders(config))
    return rules, errors


def load_rules(config: Config) -> tuple[RuleSpec, ...]:
    """Every rule of the config's folders; raises the first problem as ``RuleFileError``."""
    rules, errors, _ = load_folders(rule_folders(config))
    if errors:
        raise errors[0]
    return rules


def load_lexicon(config: Config) -> Lexicon:
    """The word lists of the config's folders (shipped ``rules/words/`` plus any
    ``extend-rules`` folder's); raises the first problem as ``RuleFileError``."""
    return rule_book(config).lexicon
