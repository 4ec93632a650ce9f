"""YAML front matter for ``cleaner clean --front-matter``: the lifted metadata above the text.

Output with front matter is a *document about* the article, no longer the canonical article
text alone: feeding it back to ``cleaner`` would treat the block as text, and ``restore``
needs the plain output (the sidecar JSON's edits are against the text without the block).
"""

from __future__ import annotations

from typing import Any

ORDER = ("title", "date", "author", "authors", "source", "dateline", "language")


def with_front_matter(text: str, metadata: dict[str, Any]) -> str:
    """``---`` / YAML mapping / ``---``, a blank line, then the text (always, even if empty)."""
    import yaml

    ordered = {k: metadata[k] for k in ORDER if k in metadata}
    ordered.update({k: v for k, v in sorted(metadata.items()) if k not in ordered})
    body = yaml.safe_dump(ordered, sort_keys=False, allow_unicode=True) if ordered else ""
    return f"---\n{body}---\n\n{text}"
