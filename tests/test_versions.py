"""``cleaner --version`` and the sidecar say which cleaner, rules and libraries made a result."""

from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path

from click.testing import CliRunner

from cleaner import Config, __version__
from cleaner.cli import main
from cleaner.lint.formats import rules_version
from cleaner.resources import builtin_rules


def test_version_names_package_rules_and_dependencies(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)  # no config here: the built-in rules alone
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"cleaner {__version__}"
    assert lines[1] == f"rules {rules_version(Config())} ({builtin_rules()})"
    for name in ("ftfy", "harper-py", "language-tool-python"):
        assert f"{name} {version(name)}" in lines
    assert lines[-1].startswith("Python 3.")


def test_version_shows_the_rules_a_run_from_here_uses(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "a.yaml").write_text("rules: []\n", encoding="utf-8")
    (tmp_path / "cleaner.toml").write_text('extend-rules = ["house"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    rules_line = CliRunner().invoke(main, ["--version"]).output.splitlines()[1]
    assert rules_line.endswith(f", {tmp_path / 'house'})")
    assert rules_line.split()[1] != rules_version(Config())


def test_sidecar_records_the_versions(tmp_path: Path) -> None:
    src = tmp_path / "in" / "a.txt"
    src.parent.mkdir()
    src.write_text("One  story.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["clean", str(src.parent), "-o", str(out), "--sidecar", "--grammar", "none"]
    )
    assert result.exit_code == 0, result.stderr
    sidecar = json.loads((out / "a.json").read_text(encoding="utf-8"))
    assert sidecar["versions"] == {
        "cleaner": __version__,
        "rules": rules_version(Config()),
        "ftfy": version("ftfy"),
        "harper-py": version("harper-py"),
        "language-tool-python": version("language-tool-python"),
    }
    assert sidecar["cleaner"] == __version__
