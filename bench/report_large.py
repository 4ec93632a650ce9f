"""How a large review report behaves: build time, file size, open time, article render, scroll.

Usage: .venv/bin/python bench/report_large.py [N=2000] [--keep DIR]

Makes N copies of seeds/ (cycling), runs ``cleaner report`` on them, then opens the file
from disk in headless Debian chromium (Playwright) and measures: load event, first
contentful paint, first render of the index (two animation frames after load), opening one
article (hash change to its rows drawn), and frame times while scrolling the index page and
the article, 600 px per frame.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import ARGS, chromium_path, unavailable  # noqa: E402

SCROLL_JS = """async () => {
  const frames = [];
  let last = performance.now();
  const max = document.documentElement.scrollHeight - innerHeight;
  while (scrollY < max) {
    scrollBy(0, 600);
    await new Promise(r => requestAnimationFrame(r));
    const now = performance.now();
    frames.push(now - last);
    last = now;
  }
  return frames;
}"""


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 2000
    keep = Path(sys.argv[sys.argv.index("--keep") + 1]) if "--keep" in sys.argv else None
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    work = Path(tempfile.mkdtemp(prefix="cleaner-report-bench-"))
    try:
        src = work / "in"
        src.mkdir()
        for i in range(n):
            shutil.copyfile(seeds[i % len(seeds)], src / f"{i:05d}_{seeds[i % len(seeds)].name}")
        out = (keep or work) / "report.html"
        t0 = time.perf_counter()
        subprocess.run(
            [str(ROOT / ".venv/bin/cleaner"), "report", str(src), "-o", str(out), "-q"],
            check=True,
        )
        build = time.perf_counter() - t0
        result = {"articles": n, "build_s": round(build, 2), "bytes": out.stat().st_size}
        reason = unavailable()
        if reason:
            result["browser"] = reason
        else:
            result.update(_browser(out, n))
        print(json.dumps(result, indent=1))
    finally:
        shutil.rmtree(work)


def _browser(path: Path, n: int) -> dict[str, object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        t0 = time.perf_counter()
        page.goto(path.as_uri(), wait_until="load")
        rendered = page.evaluate(
            "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame("
            "() => r(performance.now()))))"
        )
        wall = time.perf_counter() - t0
        nav = page.evaluate("() => performance.getEntriesByType('navigation')[0].toJSON()")
        fcp = page.evaluate(
            "() => (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime"
        )
        rows = page.locator("#index-table tbody tr").count()
        frames = page.evaluate(SCROLL_JS)
        t1 = time.perf_counter()
        page.evaluate(f"location.hash = '#a{n - 1}'")
        page.wait_for_selector("#article:not([hidden]) #rows .row")
        article = time.perf_counter() - t1
        page.keyboard.press("j")
        page.evaluate("window.scrollTo(0, 0)")
        article_frames = sorted(page.evaluate(SCROLL_JS))
        browser.close()
    frames.sort()
    return {
        "index_rows": rows,
        "load_event_ms": round(nav["loadEventEnd"]),
        "dom_content_loaded_ms": round(nav["domContentLoadedEventEnd"]),
        "first_contentful_paint_ms": round(fcp) if fcp else None,
        "first_render_ms": round(rendered),
        "wall_open_s": round(wall, 2),
        "open_article_ms": round(article * 1000),
        "scroll_frames": len(frames),
        "scroll_frame_ms_median": round(statistics.median(frames), 1),
        "scroll_frame_ms_p95": round(frames[int(len(frames) * 0.95)], 1),
        "scroll_frame_ms_max": round(frames[-1], 1),
        "article_scroll_frames": len(article_frames),
        "article_scroll_frame_ms_max": round(article_frames[-1], 1) if article_frames else None,
    }


if __name__ == "__main__":
    main()
