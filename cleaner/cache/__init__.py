"""What cleaner keeps between runs, in one private, size-bounded folder per user.

* ``results``: each article's cleaning result, so an unchanged re-run does no work;
* ``memo``: set-up (parsed rules, gazetteer) stored as plain data, never pickles;
* ``keys``: what every key covers (rules, config, code);
* ``store``: the folder itself: private (0700/0600, owner checks), symlink-safe writes,
  eviction by size, ``cleaner cache info|clear``.

The grammar stage keeps its hits in the same folder through ``store`` too.
"""

from cleaner.cache.keys import (
    NO_CACHE_ENV,
    caching_disabled,
    code_digest,
    config_digest,
    folders_digest,
    rules_digest,
)
from cleaner.cache.memo import memo_on_disk
from cleaner.cache.results import FORMAT, Entry, ResultCache
from cleaner.cache.store import CACHE_ENV, MAX_MB_ENV, default_cache_dir, forget_checks

__all__ = [
    "CACHE_ENV",
    "FORMAT",
    "MAX_MB_ENV",
    "NO_CACHE_ENV",
    "Entry",
    "ResultCache",
    "caching_disabled",
    "code_digest",
    "config_digest",
    "default_cache_dir",
    "folders_digest",
    "forget_checks",
    "memo_on_disk",
    "rules_digest",
]
