"""The report in a real browser (Debian's chromium, headless, via Playwright), opened from disk.

Skipped, with the reason printed by ``-ra``, where chromium or playwright is missing.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cleaner import clean_text
from cleaner.report.build import article_data, error_data
from cleaner.report.render import unpack, write_report
from tests.browser import ARGS, chromium_path, unavailable
from tests.report_sample import SAMPLE, sample_result

_SKIP = unavailable()
pytestmark = pytest.mark.skipif(_SKIP is not None, reason=_SKIP or "")

XSS = 'Hello <script>alert(1)</script> and <img src=x onerror="alert(2)"> “quoted”.\n'


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """Seeds, the every-stage sample, an XSS article and a failed file, in one report."""
    seeds = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))
    articles = []
    for s in seeds:
        text = s.read_text(encoding="utf-8")
        articles.append(article_data(s.name, text, clean_text(text)))
    articles.append(article_data("sample.txt", SAMPLE, sample_result()))
    articles.append(article_data("xss.txt", XSS, clean_text(XSS)))
    articles.append(error_data("bad.txt", "bad.txt: binary file (PDF document), not text"))
    path = tmp_path_factory.mktemp("report") / "report.html"
    write_report(path, articles)
    index = {a["name"]: i for i, a in enumerate(articles)}
    return path, index


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    pg.dialogs = []
    pg.errors = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    # Opened from disk: any network request would be a bug in the report.
    pg.requests = []
    pg.on("request", lambda r: pg.requests.append(r.url) if not r.url.startswith("file:") else None)
    yield pg
    assert pg.errors == []
    assert pg.requests == []
    context.close()


def _open(page: Any, report: tuple[Path, dict[str, int]], name: str | None = None) -> None:
    path, index = report
    url = path.as_uri() + (f"#a{index[name]}" if name else "")
    page.goto(url)
    if name:
        page.wait_for_selector("#article:not([hidden]) #rows .row")


def test_seed_changes_are_highlighted_and_labelled(page: Any, report: Any) -> None:
    seed = next(n for n in report[1] if n.startswith("002_"))  # curly quotes: NM120 changes
    _open(page, report, seed)
    assert page.locator("#rows .cell.orig del").count() > 0
    assert page.locator("#rows .cell.clean ins").count() > 0
    chips = page.locator("#rows .chip", has_text="NM120")
    assert chips.count() > 0
    titles = page.locator("#rows .cell.clean .chg").evaluate_all(
        "els => els.map(e => e.getAttribute('title') || '')"
    )
    assert any("NM120" in t and "curly quote straightened" in t for t in titles)
    blob = page.eval_on_selector(f"#d{report[1][seed]}", "e => e.textContent")
    data = unpack(blob)
    inline = [c for c in data["changes"] if c["kind"] != "layout"]
    assert page.locator("#change-list li:not(.layout-mark)").count() == len(inline)
    assert page.locator("#art-title").text_content() == seed


def test_keyboard_moves_between_changes(page: Any, report: Any) -> None:
    seed = next(n for n in report[1] if n.startswith("002_"))
    _open(page, report, seed)

    def current() -> list[str]:
        return page.eval_on_selector_all("#rows .current", "els => els.map(e => e.dataset.c)")

    assert current() == []
    page.keyboard.press("j")
    first = current()
    assert first and len(set(first)) == 1
    page.keyboard.press("j")
    second = current()
    assert second and second[0] != first[0]
    assert page.locator("#position").text_content().startswith("change 2 of ")
    page.keyboard.press("k")
    assert current() == first
    page.keyboard.press("p")  # stays on the first change
    assert current() == first
    for _ in range(40):
        page.keyboard.press("n")
    last = page.locator("#rows .cell.clean .current")
    box = last.bounding_box()
    assert box and 0 <= box["y"] <= 900  # scrolled into view
    page.keyboard.press("]")
    page.wait_for_function(f"location.hash === '#a{report[1][seed] + 1}'")
    page.keyboard.press("i")
    page.wait_for_selector("#index:not([hidden])")


def test_script_in_an_article_is_shown_not_run(page: Any, report: Any) -> None:
    _open(page, report, "xss.txt")
    page.wait_for_timeout(200)
    assert page.dialogs == []
    text = page.locator("#rows .cell.orig").first.text_content()
    assert "<script>alert(1)</script>" in text and 'onerror="alert(2)"' in text
    assert page.locator("#rows script, #rows img").count() == 0


def test_boilerplate_findings_and_metadata(page: Any, report: Any) -> None:
    _open(page, report, "sample.txt")
    block = page.locator("#rows .row.block")
    assert block.count() == 1
    assert "Read more: subscribe to our newsletter" in block.text_content()
    assert "removed: newsletter promotion" in block.text_content()
    assert block.locator(".cell.clean").text_content() == ""
    teh = page.locator("#rows .finding.level-warning", has_text="teh")
    assert teh.count() == 1
    assert "Did you mean 'the'?" in teh.get_attribute("title")
    assert page.locator("#rows .finding.point").count() == 1
    findings = page.locator("#finding-list").text_content()
    assert "GR-harper/Spelling" in findings and "the | ten" in findings
    merged = page.locator("#rows .cell.clean .chip", has_text="NM120 MT102")
    assert merged.count() == 1
    meta = page.locator("#meta").text_content()
    assert "2025-05-04" in meta
    assert "score 0.42 \u00b7 points 3 \u00b7 words 40" in meta  # the breakdown folds away
    assert not page.locator("#meta pre").is_visible()
    page.keyboard.press("f")
    assert page.locator("#rows .finding.current").count() >= 1


def test_index_sorts_filters_and_shows_errors(page: Any, report: Any) -> None:
    _open(page, report)
    rows = page.locator("#index-table tbody tr")
    assert rows.count() == len(report[1])
    assert "binary file (PDF document)" in page.locator("tr.failed").text_content()
    page.select_option("#rule-filter", "MT101")
    visible = page.locator("#index-table tbody tr:not([hidden]) a").all_text_contents()
    assert "sample.txt" in visible
    assert 0 < len(visible) < rows.count()
    page.select_option("#rule-filter", "")
    page.click("#index-table th:nth-child(3)")  # Changes, ascending
    page.click("#index-table th:nth-child(3)")  # descending
    values = page.eval_on_selector_all(
        "#index-table tbody tr td:nth-child(3)", "tds => tds.map(td => +td.dataset.v)"
    )
    assert values == sorted(values, reverse=True)
    page.click("#index-table tbody tr.failed a")
    page.wait_for_selector("#article:not([hidden]) #art-error:not([hidden])")
    assert "binary file (PDF document)" in page.locator("#art-error").text_content()
    assert page.locator("#rows .row").count() == 0


def test_print_layout_and_screenshot(page: Any, report: Any, tmp_path: Path) -> None:
    _open(page, report, "sample.txt")
    page.keyboard.press("j")
    shot = tmp_path / "cleaner-report.png"
    page.screenshot(path=str(shot), full_page=False)
    print(f"screenshot: {shot}")
    if os.environ.get("CLEANER_SCREENSHOT"):
        page.screenshot(path=os.environ["CLEANER_SCREENSHOT"])
    assert shot.stat().st_size > 10_000
    page.emulate_media(media="print")
    assert page.eval_on_selector(".article-nav", "e => getComputedStyle(e).display") == "none"
    assert page.locator("#rows .chip:not(.layout-mark)").first.is_visible()
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")


def test_large_index_is_paged_and_returns_to_the_open_article(browser: Any, tmp_path: Path) -> None:
    text = "A short article with \u201cquotes\u201d.\n"
    articles = [article_data(f"a{i:03d}.txt", text, clean_text(text)) for i in range(450)]
    path = tmp_path / "big.html"
    write_report(path, articles)
    pg = browser.new_page(viewport={"width": 1200, "height": 800})
    pg.goto(path.as_uri())
    shown = "#index-table tbody tr:not([hidden]):not(.off)"
    assert pg.locator(shown).count() == 200
    assert pg.locator("#page-info").text_content() == "1\u2013200 of 450"
    pg.click("#next-page")
    pg.click("#next-page")
    assert pg.locator(shown).count() == 50
    assert pg.locator(f"{shown} a").first.text_content() == "a400.txt"
    pg.click(f"{shown} a >> nth=5")
    pg.wait_for_selector("#article:not([hidden]) #rows .row")
    assert pg.locator("#art-title").text_content() == "a405.txt"
    pg.keyboard.press("[")
    pg.wait_for_function("location.hash === '#a404'")
    pg.keyboard.press("i")
    pg.wait_for_selector("#index:not([hidden])")
    assert pg.locator("#page-info").text_content() == "401\u2013450 of 450"
    pg.close()
