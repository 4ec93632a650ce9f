"""Decisions in the report, in a real browser (Debian's chromium via Playwright): taken by
keyboard, kept across a reload, exported as a ``cleaner-decisions/1`` file.

Skipped, with the reason printed by ``-ra``, where chromium or playwright is missing.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cleaner.cli import main
from cleaner.review.decisions import content_hash, load_decisions
from tests.browser import ARGS, chromium_path, unavailable
from tests.review_sample import ENVOY, cli, make_batch

_SKIP = unavailable()
pytestmark = pytest.mark.skipif(_SKIP is not None, reason=_SKIP or "")

SCHEMA = Path(__file__).resolve().parent.parent / "schemas" / "cleaner-decisions-v1.schema.json"

# The part of the page the README shows: the text with its marks and the side list.
SHOT = {"x": 0, "y": 0, "width": 1400, "height": 640}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    # Opened from disk: any network request would be a bug (a blob: download is local).
    pg.requests = []
    pg.on(
        "request",
        lambda r: pg.requests.append(r.url) if not r.url.startswith(("file:", "blob:")) else None,
    )
    yield pg
    assert pg.errors == []
    assert pg.requests == []
    context.close()


def open_article(page: Any, report: Path, index: int) -> None:
    page.goto(f"{report.resolve().as_uri()}#a{index}")
    page.wait_for_selector("#article:not([hidden]) #rows .row")


def export(page: Any, target: Path) -> dict[str, Any]:
    with page.expect_download() as download:
        page.keyboard.press("e")
    download.value.save_as(target)
    return json.loads(target.read_text(encoding="utf-8"))


def decisions_of(doc: dict[str, Any], path: str) -> list[dict[str, Any]]:
    return next(a["decisions"] for a in doc["articles"] if a["path"] == path)


def test_the_review_loop_from_keys_in_the_report_to_the_next_run(
    page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Decide by keyboard, reload, export; apply and learn; the next run obeys."""
    import jsonschema

    monkeypatch.chdir(tmp_path)  # relative paths, as a newsroom types them
    feed, out, report = make_batch(Path("."))
    open_article(page, report, 0)  # envoy.txt
    assert page.locator("#art-title").text_content() == "feed/envoy.txt"
    page.keyboard.press("f")  # the first finding: NE901 'Witkov'
    assert "NE901" in page.locator("#finding-list li.current").text_content()
    page.keyboard.press("a")
    page.keyboard.press("j")  # the first change: MT205 'security insurance'
    assert "MT205" in page.locator("#change-list li.current").text_content()
    page.keyboard.press("r")
    assert "rejected (reverted)" in page.locator("#position").text_content()
    assert page.locator("#rows .cell.clean .chg.dec-reject").count() == 1
    accepted = page.locator("#rows .finding.dec-accept")
    assert accepted.count() == 1 and accepted.get_attribute("data-accepted") == "Witkoff"

    page.reload()
    page.wait_for_selector("#article:not([hidden]) #rows .row")
    assert page.locator("#decision-summary").text_content() == "1 accepted, 1 rejected"
    assert page.locator("#finding-list li.dec-accept").count() == 1
    assert page.locator("#finding-list li.dec-reject").count() == 0
    assert page.locator("#change-list li.dec-reject").count() == 1
    page.keyboard.press("f")
    page.keyboard.press("c")  # a note on the decided finding
    page.keyboard.type("the envoy's own spelling")
    page.keyboard.press("Enter")
    if os.environ.get("CLEANER_DECISIONS_SCREENSHOT"):  # the README's picture
        page.keyboard.press("?")  # the legend folded away
        page.screenshot(path=os.environ["CLEANER_DECISIONS_SCREENSHOT"], clip=SHOT)
        page.keyboard.press("?")

    doc = export(page, tmp_path / "decisions.json")
    jsonschema.validate(doc, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert doc["batch"] == {
        "root": str(feed.resolve()),
        "output_root": str(out.resolve()),
        # How the batch was cleaned: review apply and learn clean it again the same way.
        "config": None,
        "options": {"grammar": "none"},
        "encoding": None,
    }
    assert [a["path"] for a in doc["articles"]] == ["envoy.txt"]
    article = doc["articles"][0]
    assert article["sha256"] == content_hash(ENVOY) and article["output"] == "envoy.txt"
    finding, edit = article["decisions"]
    start = ENVOY.index("Witkov")
    assert finding == {
        "kind": "finding",
        "decision": "accept",
        "rule": "NE901",
        "start": start,
        "end": start + 6,
        "text": "Witkov",
        "suggestion": "Witkoff",
        "scope": "item",
        "note": "the envoy's own spelling",
    }
    start = ENVOY.index("security insurance")
    assert edit["kind"] == "edit" and edit["decision"] == "reject"
    assert (edit["rule"], edit["text"], edit["new"]) == (
        "MT205",
        "security insurance",
        "security guarantees",
    )
    assert (edit["rules"], edit["start"], edit["end"]) == (["MT205"], start, start + 18)
    loaded = load_decisions(tmp_path / "decisions.json")
    assert loaded.articles[0].source == feed.resolve() / "envoy.txt"

    page.keyboard.press("i")  # the index counts them per article
    page.wait_for_selector("#index:not([hidden])")
    assert page.locator("#row0 td.decided").text_content() == "2"
    assert page.locator("#row1 td.decided").text_content() == ""
    page.once("dialog", lambda d: d.accept())
    page.click("#clear-decisions")
    assert page.locator("#decision-summary").text_content() == "no decisions yet"
    assert page.locator("#row0 td.decided").text_content() == ""

    exported = str(tmp_path / "decisions.json")
    applied = cli("review", "apply", exported)
    assert applied.exit_code == 0, applied.output
    text = (out / "envoy.txt").read_text(encoding="utf-8")
    # The accepted 'Witkov', and the second one the full name then confirms (NE912).
    assert text == ENVOY.replace("Witkov", "Witkoff")
    assert (feed / "envoy.txt").read_text(encoding="utf-8") == ENVOY  # the input is untouched
    rules = tmp_path / "rules" / "local"
    learnt = cli("review", "learn", exported, "--rules", str(rules))
    assert learnt.exit_code == 0, learnt.output
    (tmp_path / "cleaner.toml").write_text('extend-rules = ["rules/local"]\n', encoding="utf-8")
    config = str(tmp_path / "cleaner.toml")
    assert cli("rules", "check", "--config", config).exit_code == 0
    assert cli("rules", "test", "NE243", "MT205", "--config", config).exit_code == 0
    again = cli("clean", str(feed), "-o", str(tmp_path / "next"), "--grammar", "none", "-j", "1")
    assert again.exit_code == 0, again.output
    text = (tmp_path / "next" / "envoy.txt").read_text(encoding="utf-8")
    assert "Steve Witkoff met" in text and "Witkoff said" in text  # the accepted name
    assert "cannot provide security insurance without" in text  # the rejected change


def test_accept_everywhere_covers_the_batch_and_undo_takes_it_back(
    page: Any, tmp_path: Path
) -> None:
    _, _, report = make_batch(tmp_path)
    open_article(page, report, 1)  # other.txt: one 'Witkov'
    page.keyboard.press("f")
    page.keyboard.press("A")
    assert "everywhere in this batch" in page.locator("#position").text_content()
    page.keyboard.press("[")  # envoy.txt: its two 'Witkov' findings are decided too
    page.wait_for_function("location.hash === '#a0'")
    page.wait_for_selector("#finding-list li.dec-accept")
    assert page.locator("#finding-list li.dec-accept").count() == 2
    doc = export(page, tmp_path / "all.json")
    for path, count in (("envoy.txt", 2), ("other.txt", 1)):
        found = decisions_of(doc, path)
        assert len(found) == count
        assert {(d["rule"], d["suggestion"], d["scope"]) for d in found} == {
            ("NE901", "Witkoff", "batch")
        }
    page.keyboard.press("f")
    page.keyboard.press("u")  # undoing one of them takes back the batch-wide decision
    assert page.locator("#finding-list li.dec-accept").count() == 0
    assert page.locator("#decision-summary").text_content() == "no decisions yet"
    page.keyboard.press("e")
    assert "no decisions to export" in page.locator("#flash").text_content()


def test_choose_a_suggestion_and_decide_with_the_mouse(page: Any, tmp_path: Path) -> None:
    feed = tmp_path / "feed"
    feed.mkdir()
    (feed / "xis.txt").write_text(
        "Xi Jinping arrived in Moscow. The talks of Xis were long.\n",
        encoding="utf-8",
    )
    report = tmp_path / "r.html"
    args = ["report", str(feed), "-o", str(report), "--grammar", "none", "-j", "1"]
    assert CliRunner().invoke(main, args).exit_code == 0
    open_article(page, report, 0)
    li = page.locator("#finding-list li", has_text="Xis")
    picks = li.locator(".sugg-pick")
    assert picks.all_text_contents() == ["Xi", "Xi's"]
    page.keyboard.press("f")
    page.keyboard.press("2")  # the second suggestion
    assert li.locator(".sugg-pick.chosen").text_content() == "Xi's"
    li.locator("button.reject").click()
    assert "rejected" in li.locator(".status").text_content()
    doc = export(page, tmp_path / "d.json")
    (decision,) = decisions_of(doc, "xis.txt")
    assert decision["decision"] == "reject" and "suggestion" not in decision
    assert doc["batch"]["output_root"] is None and doc["articles"][0]["output"] is None


def test_a_finding_about_how_the_file_was_read_offers_no_decision(
    page: Any, tmp_path: Path
) -> None:
    """A guessed encoding (EN100) is answered by --encoding, not by a verdict on the text."""
    feed, _, report = make_batch(tmp_path, {"envoy.txt": "placeholder\n"}, report_only=True)
    (feed / "envoy.txt").write_bytes(("The George P\u00f3lya Prize. " + ENVOY).encode("cp1252"))
    args = ["report", str(feed), "-o", str(report), "--grammar", "none", "-j", "1"]
    assert cli(*args).exit_code == 0
    open_article(page, report, 0)
    guessed = page.locator("#finding-list li", has_text="EN100")
    assert guessed.locator("button").count() == 0
    assert "about how the file was read" in guessed.locator(".decide").text_content()
    page.keyboard.press("f")  # EN100 comes first: it is about the whole file
    assert "EN100" in page.locator("#finding-list li.current").text_content()
    page.keyboard.press("r")
    assert "about how the file was read" in page.locator("#flash").text_content()
    assert page.locator("#decision-summary").text_content() == "no decisions yet"
    page.keyboard.press("f")  # the next finding is the text's: NE901 'Witkov'
    page.keyboard.press("a")
    assert page.locator("#decision-summary").text_content() == "1 accepted, 0 rejected"
