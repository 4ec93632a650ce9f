"""cleaner installed from its wheel, used from a folder that is not the checkout (issue 15).

``pip install .``, ``pipx`` and pre-commit all install the wheel; a wheel without the rule
files once made every command fail on every file. Here the wheel is built, installed into
a fresh virtualenv, and each kind of command runs from a temporary folder; ``check``'s JSON
must be exactly what the development install reports on the same files.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

from cleaner.resources import builtin_rules, folder_files

from .conftest import SEEDS
from .packaging import DEV_BIN, checked, run, user_env


def test_the_wheel_carries_the_rules_and_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    rules = builtin_rules()
    shipped = {
        f"cleaner/_data/rules/{p.relative_to(rules).as_posix()}" for p in folder_files(rules)
    }
    assert shipped <= names
    assert "cleaner/_data/rules/boilerplate/stopwords-en.txt" in names
    assert "cleaner/report/templates/report.html.j2" in names
    assert not [n for n in names if n.startswith(("tests/", "seeds/", "rules/"))]


def _articles(folder: Path) -> Path:
    articles = folder / "articles"
    articles.mkdir(parents=True)
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, articles / seed.name)
    return articles


def test_installed_commands_work_outside_the_checkout(
    installed: Path, tmp_path: Path, session_home: Path
) -> None:
    env = user_env(session_home)
    work = tmp_path / "desk"
    articles = _articles(work)
    cleaner = installed / "cleaner"

    where = checked(
        [installed / "python", "-c", "import cleaner; print(cleaner.__file__)"], work, env
    )
    assert where.stdout.startswith(str(installed.parent))  # the wheel, not this checkout
    version = checked([cleaner, "--version"], work, env).stdout
    assert f"({installed.parent}/lib/" in version and "/cleaner/_data/rules)" in version

    assert "rules OK (" in checked([cleaner, "rules", "check"], work, env).stdout
    assert " 0 failure(s)" in checked([cleaner, "rules", "test"], work, env).stdout

    check = run([cleaner, "check", "articles", "--format", "json"], work, env)
    assert check.returncode == 1, check.stderr  # the seeds are damaged
    # The development install's own verdict (not the grammar hits the run above cached).
    dev_env = {**env, "CLEANER_NO_CACHE": "1"}
    dev = run([DEV_BIN / "cleaner", "check", "articles", "--format", "json"], work, dev_env)
    assert json.loads(check.stdout) == json.loads(dev.stdout)
    assert json.loads(check.stdout)["summary"]["violations"] > 20

    report = checked([cleaner, "report", "articles", "-o", "report.html"], work, env)
    assert "rules folder does not exist" not in report.stderr
    assert "000_" in (work / "report.html").read_text(encoding="utf-8")

    checked([cleaner, "clean", "articles", "-o", "clean", "--sidecar", "-q"], work, env)
    sidecar = json.loads(next((work / "clean").glob("*.json")).read_text(encoding="utf-8"))
    assert sidecar["versions"]["rules"] == json.loads(check.stdout)["tool"]["rules_version"]

    before = {p.name: p.read_bytes() for p in articles.iterdir()}
    fix = run([cleaner, "fix", "articles"], work, env)
    assert fix.returncode == 1, fix.stderr  # files changed
    assert {p.name: p.read_bytes() for p in articles.iterdir()} != before
    again = run([cleaner, "check", "articles", "--format", "json"], work, env)
    assert json.loads(again.stdout)["summary"]["fixable"] == 0  # every safe fix applied
