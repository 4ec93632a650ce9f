"""The rules and word lists a config runs: the shipped ``rules/`` folder plus
``extend-rules``, loaded once per process and folder set. A malformed file stops cleaning
with ``file:LINE: problem`` (cleaning with half a rule set would be a silent skip)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from cleaner.config import Config
from cleaner.errors import RuleFileError
from cleaner.resources import rule_folders
from cleaner.rules.lexicon import Lexicon
from cleaner.rules.loader import RuleSpec, load_all

__all__ = [
    "forget_rule_files",
    "load_folders",
    "load_lexicon",
    "load_rules",
    "load_rules_checked",
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
    _, errors, lexicon = load_folders(rule_folders(config))
    if errors:
        raise errors[0]
    return lexicon
