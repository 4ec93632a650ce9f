"""Render gathered article data into one self-contained HTML file.

Why this shape: a 2,000-article batch must open fast, so the page carries each article as an
inert script block (gzipped JSON in base64, see ``pack``), decoded only when the article is
opened, and draws one article at a time with DOM calls (``textContent``, never
``innerHTML``). The index is plain server-rendered HTML (sorted, filtered and paged by the
script) so it shows, and prints, without running anything. Jinja's autoescape escapes every
name and message.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
from collections import Counter
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path
from typing import Any

from cleaner.atomic import atomic_write_text
from cleaner.model import Level, Stage
from cleaner.review.decisions import SCHEMA, manifest


def _asset(name: str) -> str:
    return (files("cleaner.report") / "templates" / name).read_text(encoding="utf-8")


def render_report(
    articles: list[dict[str, Any]],
    title: str = "cleaner review report",
    run: dict[str, Any] | None = None,
) -> str:
    """The report's HTML for ``articles`` (dicts from ``article_data``/``error_data``).

    ``run``: how the batch was cleaned (``config``, ``options``, ``encoding``; see
    ``cleaner.review.decisions.run_settings``), exported with the decisions so that
    ``cleaner review`` cleans the articles again exactly as the reviewer saw them."""
    from jinja2 import Environment, PackageLoader
    from markupsafe import Markup

    env = Environment(
        loader=PackageLoader("cleaner.report", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    stage_counts: Counter[str] = Counter()
    level_counts: Counter[str] = Counter()
    rules: set[str] = set()
    for a in articles:
        stage_counts.update(a["counts"]["by_stage"])
        level_counts.update(a["counts"]["by_level"])
        rules.update(a["counts"]["rules"])
    stages = [s.value for s in Stage if stage_counts[s.value]]
    levels = [lv.value for lv in sorted(Level, key=lambda lv: -lv.rank) if level_counts[lv.value]]
    totals = {
        "articles": len(articles),
        "errors": sum(1 for a in articles if a["error"]),
        "changed": sum(1 for a in articles if a["counts"]["changes"]),
        "edits": sum(a["counts"]["edits"] for a in articles),
        "findings": sum(a["counts"]["findings"] for a in articles),
    }
    review = manifest(articles, report_id(articles))
    review.update(schema=SCHEMA, title=title, tool_version=_version(), run=run or {})
    return env.get_template("report.html.j2").render(
        title=title,
        review=_script_json(review),
        articles=articles,
        blobs=[pack(a) for a in articles],
        stages=stages,
        all_stages=[s.value for s in Stage],
        levels=levels,
        rules=sorted(rules),
        has_damage=any(a["counts"]["damage"] is not None for a in articles),
        totals=totals,
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        css=Markup(_asset("report.css")),
        js=Markup(_asset("report.js")),
    )


def report_id(articles: list[dict[str, Any]]) -> str:
    """Names a batch for the page's saved decisions: the same articles with the same texts
    give the same id, so a report rebuilt for the same batch finds the decisions taken in
    the previous one, and another batch never sees them."""
    digest = hashlib.sha256()
    for a in articles:
        digest.update(f"{a['name']}\0{a.get('sha256') or a.get('error')}\0".encode())
    return digest.hexdigest()[:20]


def _script_json(value: Any) -> str:
    """JSON that can sit inside a ``<script>`` element: ``<``, ``>`` and ``&`` escaped, so no
    file name can close the element."""
    from markupsafe import Markup

    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def _version() -> str:
    from cleaner import __version__

    return __version__


def pack(article: dict[str, Any]) -> str:
    """An article for its script block: JSON, gzipped, base64.

    Why compress: the HTML parser's time grows with the page's size even for inert script
    blocks, and an article's JSON (both texts plus the change list) shrinks about 3x; the
    page inflates it with the browser's own ``DecompressionStream`` when it is opened.
    Base64 also means no article text can ever close its script block.
    """
    raw = json.dumps(article, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(gzip.compress(raw, compresslevel=6, mtime=0)).decode("ascii")


def unpack(blob: str) -> dict[str, Any]:
    """The inverse of ``pack`` (for tests and tools reading a report back)."""
    return json.loads(gzip.decompress(base64.b64decode(blob)))


def write_report(
    path: Path,
    articles: list[dict[str, Any]],
    title: str | None = None,
    run: dict[str, Any] | None = None,
) -> int:
    """Write the report atomically; returns its size in bytes."""
    html = render_report(articles, title or "cleaner review report", run)
    atomic_write_text(path, html)  # a new report gets the umask's permissions, as any file
    return len(html.encode("utf-8"))
