"""``cleaner review apply``: the decisions applied through the pipeline's own decide step,
and bad decision files refused in one line each with nothing changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import restore
from cleaner.model import CleanResult
from tests.review_sample import (
    ENVOY,
    OTHER,
    cli,
    decide,
    make_batch,
    report_data,
    snapshot,
    write,
)

NAME = ("envoy.txt", "NE901", "Witkov")
CALQUE = ("envoy.txt", "MT205", "security insurance")


def test_accepted_suggestion_is_an_edit_and_rejected_change_is_not_made(tmp_path: Path) -> None:
    feed, out, report = make_batch(tmp_path)
    assert "security guarantees" in (out / "envoy.txt").read_text(encoding="utf-8")
    doc = decide(report, {NAME: "accept", CALQUE: "reject"})
    before = snapshot(feed)
    result = cli("review", "apply", str(write(tmp_path / "d.json", doc)), "--sidecar")
    assert result.exit_code == 0, result.output
    assert "1 suggestion(s) applied, 1 change(s) not made" in result.output
    text = (out / "envoy.txt").read_text(encoding="utf-8")
    # Only the first 'Witkov' was decided on; the calque stays as written. Accepted, it names
    # Steve Witkoff in full, which confirms the second 'Witkov' (NE912, a safe fix of its
    # own, not the reviewer's item decision spreading).
    assert text == ENVOY.replace("Witkov", "Witkoff")
    sidecar = json.loads((out / "envoy.json").read_text(encoding="utf-8"))
    edit, confirmed = sidecar["edits"]
    assert (edit["rule"], edit["old"], edit["new"]) == ("NE901", "Witkov", "Witkoff")
    assert "accepted in review" in edit["reason"]
    assert (confirmed["rule"], confirmed["old"], confirmed["new"]) == ("NE912", "Witkov", "Witkoff")
    assert "accepted in review" not in confirmed["reason"]
    rebuilt = CleanResult.from_dict({**sidecar, "text": text})
    assert restore(rebuilt) == ENVOY  # every change is still an edit of the log
    assert snapshot(feed) == before  # the input is only read
    assert (out / "other.txt").read_text(encoding="utf-8") == OTHER  # not in the decisions


def test_batch_wide_acceptance_and_in_place(tmp_path: Path) -> None:
    feed, _, report = make_batch(tmp_path)
    doc = decide(report, {NAME: "accept-all", ("other.txt", "NE901", "Witkov"): "accept-all"})
    result = cli("review", "apply", str(write(tmp_path / "d.json", doc)), "--in-place")
    assert result.exit_code == 0, result.output
    assert "Witkov " not in (feed / "envoy.txt").read_text(encoding="utf-8")
    assert (feed / "other.txt").read_text(encoding="utf-8").startswith("Steve Witkoff flew")


def test_a_report_without_outputs_needs_a_destination(tmp_path: Path) -> None:
    _, _, report = make_batch(tmp_path, report_only=True)
    path = write(tmp_path / "d.json", decide(report, {NAME: "accept"}))
    result = cli("review", "apply", str(path))
    assert result.exit_code == 2
    assert "give -o DIR, or --in-place" in result.output
    result = cli("review", "apply", str(path), "-o", str(tmp_path / "reviewed"))
    assert result.exit_code == 0, result.output
    # The accepted first 'Witkov', and the second that the full name then confirms (NE912).
    assert (tmp_path / "reviewed" / "envoy.txt").read_text(encoding="utf-8").count("Witkoff") == 2


def test_a_decision_nothing_proposes_any_more_is_a_note(tmp_path: Path) -> None:
    _, out, report = make_batch(tmp_path)
    doc = decide(report, {NAME: "accept"})
    doc["articles"][0]["decisions"][0]["rule"] = "NE902"  # a real code that did not fire
    result = cli("review", "apply", str(write(tmp_path / "d.json", doc)))
    assert result.exit_code == 0, result.output
    assert "note:" in result.output and "nothing proposes this any more" in result.output
    assert "Witkoff" not in (out / "envoy.txt").read_text(encoding="utf-8")


def _stale(feed: Path, doc: dict) -> dict:  # type: ignore[type-arg]
    (feed / "envoy.txt").write_text(ENVOY.replace("Thursday", "Friday"), encoding="utf-8")
    return doc


def _unknown_rule(feed: Path, doc: dict) -> dict:  # type: ignore[type-arg]
    doc["articles"][0]["decisions"][0]["rule"] = "ZZ999"
    return doc


def _outside(feed: Path, doc: dict) -> dict:  # type: ignore[type-arg]
    doc["articles"][0]["path"] = "../secret.txt"
    return doc


def _file_rule(feed: Path, doc: dict) -> dict:  # type: ignore[type-arg]
    doc["articles"][0]["decisions"][0]["rule"] = "EN100"  # the guessed-encoding finding
    return doc


def _schema(feed: Path, doc: dict) -> dict:  # type: ignore[type-arg]
    doc["schema"] = "cleaner-decisions/0"
    return doc


BAD = {
    "stale hash": (_stale, "changed since it was reviewed"),
    "unknown rule": (_unknown_rule, "unknown rule 'ZZ999'"),
    "path outside the batch": (_outside, "'../secret.txt' is outside the batch"),
    "wrong schema": (_schema, "not a cleaner decisions file"),
    "a rule about the file": (_file_rule, "EN100 is about how the file was read, not its text"),
}


@pytest.mark.parametrize("case", list(BAD))
@pytest.mark.parametrize("command", ["apply", "learn"])
def test_bad_decision_files_are_one_line_and_change_nothing(
    tmp_path: Path, case: str, command: str
) -> None:
    feed, _, report = make_batch(tmp_path)
    (tmp_path / "secret.txt").write_text(ENVOY, encoding="utf-8")
    spoil, message = BAD[case]
    doc = spoil(feed, decide(report, {NAME: "accept", CALQUE: "reject"}))
    before = snapshot(tmp_path)
    args = ["review", command, str(write(tmp_path / "d.json", doc))]
    if command == "learn":
        args += ["--rules", str(tmp_path / "rules" / "local")]
    result = cli(*args)
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0], lines
    after = snapshot(tmp_path)
    after.pop("d.json")
    before.pop("d.json", None)
    assert after == before
    assert not (tmp_path / "rules").exists()


def test_a_sidecar_follows_its_text_and_a_file_not_ours_is_left_alone(tmp_path: Path) -> None:
    _, out, report = make_batch(tmp_path)
    accept = write(tmp_path / "accept.json", decide(report, {NAME: "accept"}))
    assert cli("review", "apply", str(accept), "--sidecar").exit_code == 0
    reject = write(tmp_path / "reject.json", decide(report, {CALQUE: "reject"}))
    # No --sidecar: the sidecar there is ours and would lie about the new text, so it is
    # rewritten with it.
    assert cli("review", "apply", str(reject)).exit_code == 0
    sidecar = json.loads((out / "envoy.json").read_text(encoding="utf-8"))
    assert [e["rule"] for e in sidecar["edits"]] == []  # MT205 not made, NE901 not decided
    # A newsroom's own other.json beside an output is never replaced.
    (out / "other.json").write_text('{"editor": "kept"}\n', encoding="utf-8")
    before = snapshot(out)
    doc = decide(report, {("other.txt", "NE901", "Witkov"): "accept"})
    result = cli("review", "apply", str(write(tmp_path / "o.json", doc)), "--sidecar")
    assert result.exit_code == 2
    assert "is not a cleaner sidecar" in result.output
    assert snapshot(out) == before


def test_in_place_leaves_a_file_whose_encoding_was_guessed(tmp_path: Path) -> None:
    """As `fix` and `clean --in-place` do: written back as UTF-8, a wrong guess of the
    encoding would become permanent; `-o DIR` writes it."""
    text = "The George P\u00f3lya Prize was awarded on Monday. " + ENVOY
    feed, _, report = make_batch(tmp_path, {"envoy.txt": "placeholder\n"}, report_only=True)
    (feed / "envoy.txt").write_bytes(text.encode("cp1252"))
    args = ["report", str(feed), "-o", str(report), "--grammar", "none", "-j", "1"]
    assert cli(*args).exit_code == 0
    _, (data,) = report_data(report)
    # The guessed reading is a finding about the file, which no decision answers.
    assert [f["file"] for f in data["findings"] if f["rule"] == "EN100"] == [True]
    assert not any(f["file"] for f in data["findings"] if f["rule"] != "EN100")
    doc = decide(report, {NAME: "accept"})
    path = write(tmp_path / "d.json", doc)
    before = snapshot(feed)
    result = cli("review", "apply", str(path), "--in-place")
    assert result.exit_code == 2
    (line,) = result.output.splitlines()
    assert line.startswith("error: ") and "its encoding was guessed" in line, line
    assert snapshot(feed) == before
    result = cli("review", "apply", str(path), "-o", str(tmp_path / "reviewed"))
    assert result.exit_code == 0, result.output
    written = (tmp_path / "reviewed" / "envoy.txt").read_text(encoding="utf-8")
    # The accepted 'Witkov' and the one the full name then confirms (NE912).
    want = text.replace("Witkov", "Witkoff").replace("insurance", "guarantees")
    assert written == want


def test_in_place_writes_through_a_symlink_and_refuses_a_hard_linked_file(
    tmp_path: Path,
) -> None:
    """As `fix` and `clean --in-place` do (issue 16): the real file is rewritten and the link
    stays a link; a file with two names is left whole, as one error line, and the rest of the
    batch is still applied."""
    feed, _, report = make_batch(tmp_path)
    real = feed / "desk" / "envoy.txt"
    real.parent.mkdir()
    (feed / "envoy.txt").rename(real)
    (feed / "envoy.txt").symlink_to(real)
    (tmp_path / "other-name.txt").hardlink_to(feed / "other.txt")
    doc = decide(report, {NAME: "accept-all", ("other.txt", "NE901", "Witkov"): "accept-all"})
    result = cli("review", "apply", str(write(tmp_path / "d.json", doc)), "--in-place")
    assert (feed / "envoy.txt").is_symlink()
    assert "Witkov " not in real.read_text(encoding="utf-8")
    assert result.exit_code == 2, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {feed / 'other.txt'}: has 2 hard links; rewriting it would leave the other "
        "names with the old text, so it was not changed (copy it to break the link, then fix it)"
    ]
    assert (feed / "other.txt").read_text(encoding="utf-8") == OTHER
    assert (feed / "other.txt").stat().st_nlink == 2
