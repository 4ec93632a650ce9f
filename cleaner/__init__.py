"""cleaner: machine-translated, scraped news text in; clean canonical article text out.

The public API is small on purpose::

    from cleaner import clean_text, restore
    result = clean_text(raw)
    result.text        # canonical article text
    result.edits       # every change: span in the original, rule id, reason
    result.findings    # problems reported but not fixed, with suggestions
    restore(result) == raw
"""

from cleaner.config import Config
from cleaner.editlog import restore
from cleaner.model import CleanResult, Edit, Finding, FixSafety, Level, Stage
from cleaner.pipeline import clean_text

__version__ = "0.1.0"

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
