"""``cleaner check``, ``cleaner fix --diff`` and ``cleaner clean`` can never disagree.

They all run one config resolution and one ``decide`` step, so on any file: ``fix --diff``
turns the file into exactly what ``clean`` writes, and ``check`` reports exactly the edits
and findings behind that (same rules, same spans), nothing inside a ``[sic]``. Checked through
the real CLI on random texts, rule selections and ``[sic]`` placements (hypothesis), on every
seed and on the human-written articles in fixtures/human (the shared Wikinews corpus gets the
same comparison in bench/commands_agree.py: tests never read ../shared)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner.cli import main
from cleaner.lint.formats import decided_spans
from cleaner.textview import sic_spans

from .conftest import FIXTURES, SEEDS
from .test_cli_clean import run


def run_raw(*args: str) -> tuple[int, str, str]:
    """``run``, with stdout as written (click's runner turns CRLF into LF in ``stdout``)."""
    result = CliRunner().invoke(main, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout_bytes.decode("utf-8"), result.stderr


_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


def apply_diff(original: str, diff: str) -> str:
    """Apply a unified diff (as ``cleaner fix --diff`` prints it) to ``original``."""
    old = original.splitlines(keepends=True)
    out: list[str] = []
    cursor = 0
    lines = diff.splitlines(keepends=True)
    i = 0
    while i < len(lines):
        m = _HUNK.match(lines[i])
        i += 1
        if not m:
            continue
        start = int(m.group(1)) - (0 if m.group(2) == "0" else 1)
        out += old[cursor:start]
        cursor = start
        tag = ""
        while i < len(lines) and not lines[i].startswith("@@"):
            line = lines[i]
            i += 1
            if line.startswith("\\"):  # "\ No newline at end of file" for the line before
                if tag in " +":
                    out[-1] = out[-1].rstrip("\n")
                continue
            tag, body = line[0], line[1:]
            if tag in " -":
                cursor += 1
            if tag in " +":
                out.append(body)
    out += old[cursor:]
    return "".join(out)


def _spans(items: list[dict]) -> Counter[tuple[str, int, int]]:
    return Counter((i["rule"], i["start"], i["end"]) for i in items)


def assert_commands_agree(folder: Path, name: str, *options: str) -> None:
    """check, fix --diff and clean (with its sidecar) on ``folder/name`` tell one story."""
    src = folder / name
    original = src.read_bytes().decode("utf-8")
    out_dir = folder.parent / f"{folder.name}-out"
    code, _, err = run("clean", *options, "--no-cache", "--sidecar", str(src), "-o", str(out_dir))
    assert code == 0, err
    # The file, not stdout: click's test runner turns CRLF on stdout into LF.
    cleaned = (out_dir / name).read_bytes().decode("utf-8")
    sidecar = json.loads((out_dir / name).with_suffix(".json").read_text("utf-8"))
    code, diff, err = run_raw("fix", *options, "--diff", str(src))
    assert code == (1 if cleaned != original else 0), err
    assert apply_diff(original, diff) == cleaned
    assert src.read_bytes().decode("utf-8") == original  # --diff writes nothing
    code, report, err = run("check", *options, "--format", "json", "--fail-level", "info", str(src))
    violations = json.loads(report)["violations"]
    assert code == (1 if violations else 0), err
    decided = decided_spans(violations)
    edits, findings = decided["edits"], decided["findings"]
    assert Counter(edits) == _spans(sidecar["edits"])
    assert Counter(findings) == _spans(sidecar["findings"])
    assert bool(edits) == (cleaned != original)
    for s, e in sic_spans(original):
        assert original[s:e] in cleaned
        for rule, start, end in [*edits, *findings]:
            assert end <= s or start >= e, (rule, start, end)


SENTENCES = [
    "Ukraine cannot provide security insurance for foreign officials.",
    "Chinese leader Xi Jinping Will take part in the talks.",
    "He went to the the station.",
    "Russia imports high -tech components.",
    "The caf\u00c3\u00a9 reopened on Monday.",
    "Leaders attend the celebrations of the day of success on May 9.",
    "Slovak Prime Minister Robert Fitzo met Vladimir Zelensky.",
    "Prices rose  by five  percent.",
    "See www.example.com/the-the-page for more.",
    "Troops gathered in Kyivin May.",
    "Vladimir Putin made the first trip abroad of her fifth term.",
    "He came; he saw; he left the the house.",
    "Fish &amp; chips were \u201cserved\u201d.",
]
LINES = SENTENCES + ["Subscribe to our newsletter!", "Related Links", "Advertisement"]
SELECTORS = ["MT", "NE", "EN", "NM", "BP", "MT2", "MT9", "NE1", "NE9", "MT905", "NM107", "BP2"]


@st.composite
def articles(draw: st.DrawFn) -> str:
    paragraphs = draw(
        st.lists(
            st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3), min_size=1, max_size=4
        )
    )
    extra = draw(st.lists(st.sampled_from(LINES), max_size=2))
    words = "\n\n".join([" ".join(p) for p in paragraphs] + extra).split(" ")
    marks = draw(st.sets(st.integers(0, max(0, len(words) - 1)), max_size=3))
    for i in sorted(marks, reverse=True):
        words[i] = words[i] + draw(st.sampled_from([" [sic]", "[sic]", " (sic)", "\u00a0[sic!]"]))
    return " ".join(words) + draw(st.sampled_from(["\n", "", "\r\n"]))


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    articles(),
    st.lists(st.sampled_from(SELECTORS), max_size=3, unique=True),
    st.lists(st.sampled_from(SELECTORS), max_size=2, unique=True),
    st.booleans(),
)
def test_check_fix_diff_and_clean_agree(
    tmp_path_factory: pytest.TempPathFactory,
    text: str,
    select: list[str],
    ignore: list[str],
    unsafe: bool,
) -> None:
    folder = tmp_path_factory.mktemp("agree")
    (folder / "a.txt").write_bytes(text.encode("utf-8"))
    options = ["--grammar", "none", *(f"--select={s}" for s in select)]
    options += [f"--ignore={s}" for s in ignore]
    options += ["--unsafe-fixes"] if unsafe else []
    assert_commands_agree(folder, "a.txt", *options)


ARTICLES = sorted(SEEDS.glob("*.txt")) + sorted((FIXTURES / "human").glob("*.txt"))


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem[:12] for p in ARTICLES])
@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_commands_agree_on_every_seed_and_human_article(
    tmp_path: Path, path: Path, unsafe: bool
) -> None:
    (tmp_path / path.name).write_bytes(path.read_bytes())
    assert_commands_agree(tmp_path, path.name, *(["--unsafe-fixes"] if unsafe else []))


def test_apply_diff_round_trips() -> None:
    import difflib

    a, b = "one\ntwo\nthree", "one\n2\nthree\nfour\n"
    diff = "".join(
        line if line.endswith("\n") else f"{line}\n\\ No newline at end of file\n"
        for line in difflib.unified_diff(a.splitlines(True), b.splitlines(True), "a", "b")
    )
    assert apply_diff(a, diff) == b
