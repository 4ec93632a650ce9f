"""The ``languagetool`` backend: protocol handling against a stand-in server, the offline
error path through the real CLI, and (only where one is configured) a real server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.cli import main
from cleaner.config import Config
from cleaner.grammar import GrammarUnavailable
from cleaner.grammar.languagetool import LanguageToolBackend, locate
from cleaner.pipeline import clean_text

from .lt_standin import StandIn

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TEXT = "Mr Peskov told Mr Kravtsuk he go home. It was very very late and he recieved 🙂 nothing.\n"


@pytest.fixture(autouse=True)
def _no_ambient_server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Tests below choose their server explicitly; an empty LTP_PATH means no local install."""
    monkeypatch.delenv("CLEANER_LANGUAGETOOL_URL", raising=False)
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "ltp"))


@pytest.fixture
def standin():
    with StandIn() as server:
        yield server


def lt_findings(text: str, config: Config) -> list:
    return [f for f in clean_text(text, config).findings if f.rule.startswith("GR-")]


def test_matches_become_namespaced_findings_with_code_point_spans(standin: StandIn) -> None:
    config = Config(grammar="languagetool", languagetool_url=standin.url)
    found = lt_findings(TEXT, config)
    by_text = {f.text: f for f in found}
    assert by_text["he go"].rule == "GR-languagetool/HE_VERB_AGR"
    assert by_text["he go"].suggestions == ("he goes",)
    assert by_text["very very"].rule == "GR-languagetool/ENGLISH_WORD_REPEAT_RULE"
    # After the emoji (two UTF-16 units, one code point) the span still lands on the word.
    assert by_text["recieved"].suggestions == ("received",)
    assert TEXT[by_text["recieved"].start : by_text["recieved"].end] == "recieved"
    sent = standin.requests[-1]
    assert sent["language"] == "en-US"
    assert sent["text"] == TEXT
    assert "TOO_LONG_SENTENCE" in sent["disabledRules"]


def test_known_names_are_dropped_and_name_suggestions_filtered(standin: StandIn) -> None:
    base = Config(grammar="languagetool", languagetool_url=standin.url)
    found = {f.text: f for f in lt_findings(TEXT, base)}
    assert standin.requests and "Peskov" in standin.requests[-1]["text"]
    assert "Peskov" not in found  # the gazetteer knows him; the server flagged him anyway
    # Raw replacements were Kraut, Kravchuk, Peskov: only known names are offered for a name.
    assert found["Kravtsuk"].suggestions == ("Peskov",)
    named = base.replace(grammar_words=("Kravtsuk",))
    assert "Kravtsuk" not in {f.text for f in lt_findings(TEXT, named)}


def test_dialect_selects_the_language_variant(standin: StandIn) -> None:
    lt_findings(
        TEXT,
        Config(grammar="languagetool", languagetool_url=standin.url, grammar_dialect="british"),
    )
    assert standin.requests[-1]["language"] == "en-GB"


@pytest.mark.parametrize("form", ["{host}", "{url}", "{url}/", "{url}/v2", "{url}/v2/"])
def test_url_forms(standin: StandIn, form: str) -> None:
    url = form.format(url=standin.url, host=standin.url.removeprefix("http://"))
    assert locate(Config(grammar="languagetool", languagetool_url=url)).url == standin.url + "/"


def test_env_var_names_the_server(standin: StandIn, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLEANER_LANGUAGETOOL_URL", standin.url)
    assert lt_findings(TEXT, Config(grammar="languagetool"))


def test_a_failing_server_is_one_clear_error() -> None:
    with StandIn(fail_checks=True) as server:
        backend = LanguageToolBackend.create(
            Config(grammar="languagetool", languagetool_url=server.url)
        )
        with pytest.raises(GrammarUnavailable, match=r"languagetool.*failed"):
            backend.check("Some text.")


def test_no_server_and_no_install_is_unavailable(tmp_path: Path) -> None:
    with pytest.raises(GrammarUnavailable, match="never downloads"):
        locate(Config(grammar="languagetool"))
    assert not (tmp_path / "ltp").exists() or not any((tmp_path / "ltp").iterdir())


def test_cli_clean_with_languagetool(standin: StandIn, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main,
        [
            "clean",
            str(SEEDS),
            "-o",
            str(out),
            "--sidecar",
            "-j",
            "1",
            "--grammar",
            "languagetool",
            "--languagetool-url",
            standin.url,
        ],
    )
    assert result.exit_code == 0, result.stderr
    assert len(standin.requests) == len(list(SEEDS.glob("*.txt")))
    rules = {
        f["rule"]
        for sidecar in out.glob("*.json")
        for f in json.loads(sidecar.read_text(encoding="utf-8"))["findings"]
    }
    assert not {r for r in rules if r.startswith("GR-harper/")}


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """The real console entry point in a subprocess: what a user (or pre-commit) sees."""
    return subprocess.run(
        [sys.executable, "-c", "from cleaner.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.mark.parametrize("how", ["option", "env", "no-url"])
def test_offline_languagetool_is_one_line_and_exit_2(tmp_path: Path, how: str) -> None:
    src = tmp_path / "a.txt"
    src.write_text("He go home.\n", encoding="utf-8")
    env = {**os.environ, "LTP_PATH": str(tmp_path / "ltp")}
    env.pop("CLEANER_LANGUAGETOOL_URL", None)
    env.pop("LTP_JAR_DIR_PATH", None)
    args = ["clean", str(src), "-o", str(tmp_path / "out"), "--grammar", "languagetool"]
    dead = "http://127.0.0.1:9"  # discard port: nothing listens there
    if how == "option":
        args += ["--languagetool-url", dead]
    elif how == "env":
        env["CLEANER_LANGUAGETOOL_URL"] = dead
    proc = _cli(*args, env=env)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("error: grammar backend 'languagetool'")
    assert "Traceback" not in proc.stderr and "ConnectionError" not in proc.stderr
    if how == "no-url":
        assert "--languagetool-url" in lines[0] and "never downloads" in lines[0]
    else:
        assert "127.0.0.1:9" in lines[0]
    assert not (tmp_path / "out").exists()
    ltp = tmp_path / "ltp"
    assert not ltp.exists() or not any(ltp.iterdir()), "nothing may be downloaded"


REAL_URL = os.environ.get("CLEANER_LANGUAGETOOL_URL")


@pytest.mark.skipif(
    not REAL_URL,
    reason="integration with a real LanguageTool server: set CLEANER_LANGUAGETOOL_URL to run it",
)
def test_real_languagetool_server() -> None:
    config = Config(grammar="languagetool", languagetool_url=REAL_URL)
    found = lt_findings("He go to school every days. This are wrong.\n", config)
    assert found and all(f.rule.startswith("GR-languagetool/") for f in found)
