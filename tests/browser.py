"""Headless Debian chromium via Playwright, shared by the browser tests and bench/.

Never a downloaded browser: the system ``chromium`` package (``apt-get install chromium``).
Where it is missing, callers skip with the reason this returns.
"""

from __future__ import annotations

import os
import shutil

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium_path() -> str | None:
    """The system chromium, or ``None``; ``CLEANER_CHROMIUM`` overrides the lookup."""
    return (
        os.environ.get("CLEANER_CHROMIUM")
        or shutil.which("chromium")
        or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
    )


def unavailable() -> str | None:
    """Why browser tests cannot run here, or ``None`` when they can."""
    path = chromium_path()
    if path is None or not os.path.exists(path):
        return f"no system chromium ({path or 'not on PATH'}; apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[test]')"
    return None
