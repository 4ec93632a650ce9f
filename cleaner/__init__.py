"""cleaner: machine-translated, scraped news text in; clean canonical article text out.

The public API is small on purpose::

    from cleaner import clean_text, restore
    result = clean_text(raw)
    result.text        # canonical article text
    result.edits       # every change: span in the original, rule id, reason
    result.findings    # problems reported but not fixed, with suggestions
    restore(result) == raw
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cleaner.config import Config
    from cleaner.editlog import restore
    from cleaner.model import CleanResult, Edit, Finding, FixSafety, Level, Stage
    from cleaner.pipeline import clean_text

__version__ = "0.1.0"

# Imported on first use (PEP 562): ``import cleaner.cli`` imports this package first, and
# the pipeline behind ``clean_text`` (every stage, the rule engine) is most of a command's
# imports, which ``cleaner --help`` or ``cleaner cache clear`` never need.
_LAZY = {
    "Config": "cleaner.config",
    "restore": "cleaner.editlog",
    "CleanResult": "cleaner.model",
    "Edit": "cleaner.model",
    "Finding": "cleaner.model",
    "FixSafety": "cleaner.model",
    "Level": "cleaner.model",
    "Stage": "cleaner.model",
    "clean_text": "cleaner.pipeline",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'cleaner' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


__all__ = [
    "CleanResult",
    "Config",
    "Edit",
    "Finding",
    "FixSafety",
    "Level",
    "Stage",
    "__version__",
    "clean_text",
    "restore",
]
