"""A baseline: the violations an archive already had, so ``cleaner check`` reports only new
ones. Entries are keyed by path, rule, the text and the letters around it (never offsets), so
edits elsewhere in the article keep it valid. It affects reporting only.

The other ways to silence a rule are decisions, not reporting, and are made for every command
in one place (``Document.decide``): ``[sic]`` after a word, and per-path ignores (extra
``ignore`` entries of the file's config, ``cleaner.config.Resolver``).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cleaner.atomic import atomic_write_text
from cleaner.errors import ConfigError
from cleaner.lint.violations import Item, context_of

BASELINE_VERSION = 1


@dataclass(frozen=True, slots=True)
class BaselineKey:
    path: str
    rule: str
    text: str
    context: str


def baseline_path_key(path: Path, root: Path) -> str:
    """A file's name in a baseline: relative to the baseline's folder, with ``/``."""
    resolved = path.resolve()
    return resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else str(resolved)


def item_key(path_key: str, item: Item, original: str) -> BaselineKey:
    return BaselineKey(path_key, item.rule, item.seen, context_of(original, item.start, item.end))


class Baseline:
    """A multiset of known violations; each entry absorbs one matching violation."""

    def __init__(self, root: Path, counts: Counter[BaselineKey]) -> None:
        self.root = root
        self.counts = counts

    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{path}: baseline file not found") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ConfigError(f"{path}: not a readable baseline file ({exc})") from None
        if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION:
            raise ConfigError(f"{path}: not a cleaner baseline (version {BASELINE_VERSION})")
        counts: Counter[BaselineKey] = Counter()
        try:
            for entry in data["entries"]:
                key = BaselineKey(entry["path"], entry["rule"], entry["text"], entry["context"])
                counts[key] += int(entry.get("count", 1))
        except (KeyError, TypeError, ValueError):
            raise ConfigError(f"{path}: malformed baseline entry") from None
        return cls(path.resolve().parent, counts)

    def for_file(self, path: Path) -> Counter[BaselineKey]:
        """The entries of one file (what a worker needs; small to pickle)."""
        name = baseline_path_key(path, self.root)
        return Counter({k: n for k, n in self.counts.items() if k.path == name})


def filter_baseline(
    items: list[Item], known: Counter[BaselineKey], path_key: str, original: str
) -> list[Item]:
    """Items not covered by the baseline entries ``known`` (consumed as they match)."""
    left = Counter(known)
    kept: list[Item] = []
    for item in items:
        key = item_key(path_key, item, original)
        if left[key] > 0:
            left[key] -= 1
        else:
            kept.append(item)
    return kept


def write_baseline(path: Path, keys: Iterable[BaselineKey], tool_version: str) -> int:
    """Write the baseline atomically; returns how many violations it records."""
    counts = Counter(keys)
    entries = [
        {"path": k.path, "rule": k.rule, "text": k.text, "context": k.context, "count": n}
        for k, n in sorted(
            counts.items(), key=lambda kv: (kv[0].path, kv[0].rule, kv[0].text, kv[0].context)
        )
    ]
    data = {"version": BASELINE_VERSION, "tool": "cleaner", "tool_version": tool_version}
    data["entries"] = entries  # type: ignore[assignment]
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    return sum(counts.values())
