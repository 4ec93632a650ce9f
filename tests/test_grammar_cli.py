"""``cleaner clean --grammar harper|none`` on the seeds, and the grammar config keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.cli import main
from cleaner.config import Config, load_config_file
from cleaner.errors import ConfigError

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def clean(out: Path, *extra: str) -> dict[str, dict]:
    result = CliRunner().invoke(
        main, ["clean", str(SEEDS), "-o", str(out), "--sidecar", "-j", "1", *extra]
    )
    assert result.exit_code == 0, result.stderr
    return {
        p.stem: {
            "text": p.with_suffix(".txt").read_text(encoding="utf-8"),
            "rules": [f["rule"] for f in json.loads(p.read_text(encoding="utf-8"))["findings"]],
        }
        for p in out.glob("*.json")
    }


def test_clean_seeds_with_harper_and_with_none(tmp_path: Path) -> None:
    harper = clean(tmp_path / "h", "--grammar", "harper")
    none = clean(tmp_path / "n", "--grammar", "none")
    assert harper.keys() == none.keys() and len(harper) == len(list(SEEDS.glob("*.txt")))
    # Grammar only reports by default: the cleaned text is the same either way.
    assert {k: v["text"] for k, v in harper.items()} == {k: v["text"] for k, v in none.items()}
    assert "GR-harper/MassNouns" in harper["001_e28f27c4357242c6"]["rules"]  # arsons
    assert not [r for v in none.values() for r in v["rules"] if r.startswith("GR-")]


def test_grammar_config_keys(tmp_path: Path) -> None:
    path = tmp_path / "cleaner.toml"
    path.write_text(
        'grammar = "languagetool"\nlanguagetool-url = "http://lt.example:8081"\n'
        'grammar-safe-rules = ["GR-harper/MassNouns"]\ngrammar-words = ["Peskov"]\n'
        'grammar-dialect = "british"\ngrammar-readability = true\n',
        encoding="utf-8",
    )
    config = load_config_file(path)
    assert config.grammar == "languagetool"
    assert config.languagetool_url == "http://lt.example:8081"
    assert config.grammar_safe_rules == ("GR-harper/MassNouns",)
    assert config.grammar_words == ("Peskov",)
    assert config.grammar_dialect == "british"
    assert config.grammar_readability is True
    assert Config().grammar == "harper"


def test_unknown_grammar_backend_in_config_names_the_key(tmp_path: Path) -> None:
    path = tmp_path / "cleaner.toml"
    path.write_text('grammar = "grammarly"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="'grammar' must be one of harper, languagetool, none"):
        load_config_file(path)
