"""``cleaner review learn``: decisions become rule-file data that ``rules check`` and
``rules test`` pass, and the next run of the same batch fixes what was accepted and stays
quiet about what was rejected."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from tests.review_sample import ENVOY, cli, decide, make_batch, write

NAME = ("envoy.txt", "NE901", "Witkov")
CALQUE = ("envoy.txt", "MT205", "security insurance")


def configure(folder: Path, rules: bool = True) -> Path:
    """The batch's config naming the learnt folder, as the README tells a newsroom."""
    config = folder / "cleaner.toml"
    lines = ["[tool.cleaner]", 'grammar = "none"']
    if rules:
        lines.append('extend-rules = ["rules/local"]')
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return config


def learnt(folder: Path) -> tuple[Path, dict]:  # type: ignore[type-arg]
    (path,) = sorted((folder / "rules" / "local").glob("review-*.yaml"))
    return path, yaml.safe_load(path.read_text(encoding="utf-8"))


def test_names_become_variants_rejections_exceptions_and_the_next_run_obeys(
    tmp_path: Path,
) -> None:
    feed, _, report = make_batch(tmp_path)
    decisions = write(tmp_path / "d.json", decide(report, {NAME: "accept", CALQUE: "reject"}))
    result = cli("review", "learn", str(decisions), "--rules", str(tmp_path / "rules" / "local"))
    assert result.exit_code == 0, result.output
    assert "not among this batch's rule folders: add it to extend-rules" in result.output
    path, data = learnt(tmp_path)
    text = path.read_text(encoding="utf-8")
    assert "accepted 'Witkov' -> 'Witkoff' (NE901)" in text  # says where each entry came from
    amend = {a["id"]: a for a in data["amend"]}
    assert amend["NE243"]["variants"] == ["Steve Witkov", {"Witkov": "Witkoff"}]
    (example,) = amend["NE243"]["tests"]
    assert example["in"].startswith("US envoy Steve Witkov met")
    assert example["out"].startswith("US envoy Steve Witkoff met")
    (pattern,) = amend["MT205"]["exceptions"]
    assert "security" in pattern and "provide" in pattern and "without" in pattern
    assert amend["MT205"]["allows"] == [
        "Ukraine cannot provide security insurance without allies, Witkov said."
    ]

    config = configure(tmp_path)
    check = cli("rules", "check", "--config", str(config))
    assert check.exit_code == 0, check.output
    test = cli("rules", "test", "NE243", "MT205", "--config", str(config))
    assert test.exit_code == 0 and "0 failure(s)" in test.output, test.output

    again = cli("clean", str(feed), "-o", str(tmp_path / "next"), "-j", "1")
    assert again.exit_code == 0, again.output
    text = (tmp_path / "next" / "envoy.txt").read_text(encoding="utf-8")
    assert "Steve Witkoff met" in text and "Witkoff said" in text
    assert "provide security insurance without" in text  # kept as the reviewer decided
    # Elsewhere the calque is still fixed: only that wording was excepted.
    (feed / "more.txt").write_text(
        "Kyiv says Ukraine needs security insurance from Russia.\n", encoding="utf-8"
    )
    quiet = cli("check", str(feed), "--format", "json")
    found = {(v["rule"], v["text"]) for v in json.loads(quiet.output)["violations"]}
    assert ("MT205", "security insurance") in found  # more.txt
    assert not any(p.endswith("envoy.txt") and r == "MT205" for r, p in _paths(quiet.output))


def _paths(output: str) -> list[tuple[str, str]]:
    return [(v["rule"], v["path"]) for v in json.loads(output)["violations"]]


def test_learning_again_rewrites_the_same_file(tmp_path: Path) -> None:
    _, _, report = make_batch(tmp_path)
    decisions = write(tmp_path / "d.json", decide(report, {NAME: "accept", CALQUE: "reject"}))
    rules = str(tmp_path / "rules" / "local")
    assert cli("review", "learn", str(decisions), "--rules", rules).exit_code == 0
    path, _ = learnt(tmp_path)
    first = path.read_text(encoding="utf-8")
    configure(tmp_path)  # now the folder is in use: its old file is part of the rules
    assert cli("review", "learn", str(decisions), "--rules", rules).exit_code == 0
    assert learnt(tmp_path)[0].read_text(encoding="utf-8") == first


def test_a_phrase_becomes_a_substitution_that_wins_over_the_shipped_rule(tmp_path: Path) -> None:
    article = "Sirens sounded as the air alarm went off across Kyiv and Ukraine on Monday.\n"
    feed, _, report = make_batch(tmp_path, {"a.txt": article})
    choice = {("a.txt", "MT215", "the air alarm"): "accept"}
    decisions = write(tmp_path / "d.json", decide(report, choice))
    result = cli("review", "learn", str(decisions), "--rules", str(tmp_path / "rules" / "local"))
    assert result.exit_code == 0, result.output
    _, data = learnt(tmp_path)
    (rule,) = data["rules"]
    assert rule["id"] == "RV001" and rule["type"] == "substitution" and rule["fix"] == "safe"
    assert rule["match"] == ["the air alarm"] and rule["replace"] == "air-raid alert"
    assert rule["tests"] == [{"in": article.strip(), "out": article.strip().replace(
        "the air alarm", "air-raid alert")}]  # fmt: skip
    configure(tmp_path)
    again = cli("clean", str(feed / "a.txt"))
    assert again.output.startswith("Sirens sounded as air-raid alert went off")


def test_a_rejected_detector_finding_teaches_the_code_rule_to_stay_quiet(tmp_path: Path) -> None:
    article = "The minister said Russia continues to Provide support to the region.\n"
    feed, _, report = make_batch(tmp_path, {"a.txt": article})
    decisions = decide(report, {("a.txt", "MT901", "Provide"): "reject-all"})
    path = write(tmp_path / "d.json", decisions)
    result = cli("review", "learn", str(path), "--rules", str(tmp_path / "rules" / "local"))
    assert result.exit_code == 0, result.output
    _, data = learnt(tmp_path)
    (amend,) = data["amend"]
    assert amend["id"] == "MT901" and amend["exceptions"] == ["\\bProvide\\b"]
    config = configure(tmp_path)
    test = cli("rules", "test", "MT901", "--config", str(config))
    assert test.exit_code == 0, test.output
    check = cli("check", str(feed), "--format", "json")
    assert json.loads(check.output)["violations"] == []
    # The decide step honours it for any text: another article stays quiet too.
    (feed / "b.txt").write_text("Officials hope to Provide aid soon.\n", encoding="utf-8")
    assert json.loads(cli("check", str(feed), "--format", "json").output)["violations"] == []


def test_with_a_baseline_a_rejected_finding_is_pinned_to_its_article(tmp_path: Path) -> None:
    article = "The minister said Russia continues to Provide support to the region.\n"
    feed, _, report = make_batch(tmp_path, {"a.txt": article})
    decisions = decide(report, {("a.txt", "MT901", "Provide"): "reject"})
    path = write(tmp_path / "d.json", decisions)
    baseline = tmp_path / ".cleaner-baseline.json"
    rules = str(tmp_path / "rules" / "local")
    result = cli("review", "learn", str(path), "--rules", rules, "--baseline", str(baseline))
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "rules" / "local").exists()  # nothing for the rule files
    entries = json.loads(baseline.read_text(encoding="utf-8"))["entries"]
    assert [(e["path"], e["rule"], e["text"]) for e in entries] == [
        ("feed/a.txt", "MT901", "Provide")
    ]
    configure(tmp_path, rules=False)
    quiet = cli("check", str(feed), "--baseline", str(baseline))
    assert quiet.exit_code == 0, quiet.output
    (feed / "b.txt").write_text("Officials hope to Provide aid soon.\n", encoding="utf-8")
    loud = cli("check", str(feed), "--baseline", str(baseline), "--format", "json")
    assert _paths(loud.output) == [("MT901", str(feed / "b.txt"))]


def test_what_cannot_be_learnt_is_said_and_a_failing_example_is_dropped(tmp_path: Path) -> None:
    feed, _, report = make_batch(tmp_path)
    doc = decide(report, {NAME: "accept"})
    # The same name accepted where its guard is not met (no first name, nobody named):
    # the variant's example would not fire, so it is not learnt and the rest is kept.
    lone = "Officials praised Witkov for the talks.\n"
    (feed / "lone.txt").write_text(lone, encoding="utf-8")
    from cleaner.review.decisions import content_hash

    accepted = {"kind": "finding", "decision": "accept"}
    decisions = [
        {**accepted, "rule": "NE901", "start": 18, "end": 24, "text": "Witkov",
         "suggestion": "Witkoff"},
        {**accepted, "rule": "MT901", "start": 0, "end": 9, "text": "Officials",
         "suggestion": "officials"},
    ]  # fmt: skip
    article = {"path": "lone.txt", "sha256": content_hash(lone), "decisions": decisions}
    doc["articles"].append(article)
    path = write(tmp_path / "d.json", doc)
    result = cli("review", "learn", str(path), "--rules", str(tmp_path / "rules" / "local"))
    assert result.exit_code == 0, result.output
    assert "one word that is no name" in result.output  # MT901: not made a rule
    assert "lone.txt: accepted 'Witkov' -> 'Witkoff' (NE901): not learnt, example" in result.output
    assert "; 2 not learnt" in result.output  # the one said at once and the one dropped
    _, data = learnt(tmp_path)
    (amend,) = data["amend"]
    assert amend["id"] == "NE243"
    assert all("Officials" not in t["in"] for t in amend["tests"])
    assert ENVOY.split(".")[0] in amend["tests"][0]["in"]


def test_a_rejection_that_contradicts_the_rules_own_example_says_so(tmp_path: Path) -> None:
    """The shipped rule was written from this very sentence: an exception for it would break
    the rule's own example, so it is not learnt and the note names that example."""
    sentence = "He visited Russia for a BRICS Summit Block of developing economies.\n"
    _, _, report = make_batch(tmp_path, {"brics.txt": sentence})
    doc = decide(report, {("brics.txt", "MT210", "BRICS Summit Block"): "reject"})
    path = write(tmp_path / "d.json", doc)
    result = cli("review", "learn", str(path), "--rules", str(tmp_path / "rules" / "local"))
    assert result.exit_code == 0, result.output
    (note,) = [line for line in result.output.splitlines() if "MT210" in line]
    assert "not learnt, it would break the rule's own example at " in note, note
    assert "calques.yaml:" in note
    assert "learnt nothing from d.json; 1 not learnt" in result.output
    assert not list((tmp_path / "rules" / "local").glob("review-*.yaml"))
