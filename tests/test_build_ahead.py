"""Harper's build started by the command, before the pipeline is imported (issue 17: a cold
``cleaner check one.txt``): only when the run needs it and a second CPU can overlap it, with
the same results and the same one-line error as a build in the grammar stage.

Each case is a fresh interpreter: the dictionary is a process-wide static, and once any
linter is built a process never starts another build ahead (``harper.begun``)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from cleaner.config import available_cpus

SEED = Path(__file__).resolve().parent.parent / "seeds" / "002_82ceb364b6187b6d.txt"
# With one CPU nothing could overlap the build: the command leaves it to the grammar stage
# (after the language check, the pipeline imported). ``taskset -c 0 pytest`` runs that case.
AHEAD = available_cpus() > 1

# Runs the console script (``cleaner.cli.run``: the process is cleaner's own, so one file is
# cleaned in it) and records, for each build ahead of need, the thread that asked and whether
# the pipeline was imported by then, and which thread built each linter. ``PROBE_OUT`` gets
# the record at exit (``startup.leave`` runs ``atexit``). ``PROBE_FIRST=1`` builds a linter
# in the foreground first, as a process that never builds ahead; ``PROBE_NO_HARPER=1``
# makes ``import harper`` fail.
PROBE = """
import atexit, json, os, sys, threading
if os.environ.get("PROBE_NO_HARPER") == "1":
    sys.modules["harper"] = None
from cleaner.grammar.harper import HarperBackend
record = {"prefetch": [], "built_in": []}
prefetch, build = HarperBackend.prefetch, HarperBackend._build
def probe_prefetch(self):
    record["prefetch"].append(
        [threading.current_thread().name, "cleaner.pipeline" in sys.modules]
    )
    prefetch(self)
def probe_build(self):
    record["built_in"].append(threading.current_thread().name)
    return build(self)
HarperBackend.prefetch, HarperBackend._build = probe_prefetch, probe_build
def dump():
    with open(os.environ["PROBE_OUT"], "w", encoding="utf-8") as out:
        json.dump(record, out)
atexit.register(dump)
if os.environ.get("PROBE_FIRST") == "1":
    from cleaner.config import Config
    HarperBackend.create(Config()).linter()
import cleaner.cli
sys.argv = ["cleaner", *sys.argv[1:]]
cleaner.cli.run()
"""


def _check(
    tmp_path: Path, *args: str, cache: bool = False, **env: str
) -> tuple[subprocess.CompletedProcess[str], dict[str, Any]]:
    out = tmp_path / "probe.json"
    out.unlink(missing_ok=True)
    environ = {
        **os.environ,
        "CLEANER_CACHE_DIR": str(tmp_path / "cache"),
        "CLEANER_NO_CACHE": "0" if cache else "1",
        "PROBE_OUT": str(out),
        **env,
    }
    run = subprocess.run(
        [sys.executable, "-c", PROBE, "check", "--format", "json", *args],
        capture_output=True,
        text=True,
        env=environ,
        cwd=tmp_path,
        timeout=300,
    )
    return run, json.loads(out.read_text(encoding="utf-8"))


def test_the_build_starts_before_the_pipeline_import_and_changes_no_result(
    tmp_path: Path,
) -> None:
    ahead, record = _check(tmp_path, str(SEED))
    assert ahead.returncode == 1, ahead.stderr  # the seed has findings
    # Asked first by the command, with the pipeline not yet imported; the stage's own
    # prefetch (after the language check) then found that build under way: one build.
    assert record["prefetch"][0] == ["MainThread", not AHEAD]
    assert record["built_in"] == ["harper-prefetch"]
    plain, first = _check(tmp_path, str(SEED), PROBE_FIRST="1")
    # Built in the foreground first: nothing started ahead (the stage's prefetch, after the
    # pipeline's import, finds the thread's linter and builds nothing).
    assert first["built_in"] == ["MainThread"]
    assert all(imported for _, imported in first["prefetch"])
    findings = json.loads(ahead.stdout)
    assert findings == json.loads(plain.stdout)
    assert any(v["rule"].startswith("GR-harper/") for v in findings["violations"])


def test_no_build_ahead_when_the_run_needs_no_grammar(tmp_path: Path) -> None:
    text = tmp_path / "one.txt"
    text.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    for options in (["--grammar", "none"], ["--grammar", "harper", "--ignore", "GR-harper/"]):
        run, record = _check(tmp_path, *options, str(text))
        assert run.returncode in (0, 1), run.stderr
        assert record == {"prefetch": [], "built_in": []}, options
    # A file the result cache answers: no stage runs, so nothing is built at all (the
    # grammar results and their markers removed: the result cache alone must say so).
    _check(tmp_path, str(text), cache=True)
    grammar = [d for d in (tmp_path / "cache").iterdir() if d.name.startswith("grammar-")]
    assert grammar
    for folder in grammar:
        shutil.rmtree(folder)
    warm, record = _check(tmp_path, str(text), cache=True)
    assert warm.returncode == 1, warm.stderr
    assert record == {"prefetch": [], "built_in": []}
    # The same file changed: the cache has no answer, and the command starts the build.
    text.write_text(text.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    _, record = _check(tmp_path, str(text), cache=True)
    assert record["prefetch"][0] == ["MainThread", not AHEAD]


def test_no_build_ahead_for_languagetool_or_an_empty_article() -> None:
    code = (
        "import json, sys, threading\n"
        "from cleaner.config import Config\n"
        "from cleaner.grammar import build_ahead\n"
        "text = 'He have a car.\\n'\n"
        "started = [\n"
        "    build_ahead(Config(grammar='languagetool'), text),\n"
        "    build_ahead(Config(grammar='none'), text),\n"
        "    build_ahead(Config(ignore=('GR-harper/',)), text),\n"
        "    build_ahead(Config(), ' \\n'),\n"
        "]\n"
        "names = [t.name for t in threading.enumerate()]\n"
        "started.append(build_ahead(Config(), text))\n"
        "started.append(build_ahead(Config(), text + 'Again.\\n'))\n"
        "names.extend(t.name for t in threading.enumerate())\n"
        "print(json.dumps([started, names.count('harper-prefetch')]))\n"
    )
    env = {**os.environ, "CLEANER_NO_CACHE": "1"}
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    started, threads = json.loads(run.stdout.strip().splitlines()[-1])
    # Only the fifth call builds (given a second CPU); the sixth finds that build begun.
    assert started == [False, False, False, False, AHEAD, False]
    assert threads == int(AHEAD)


def test_a_missing_harper_is_the_files_one_line_error_from_the_early_build(
    tmp_path: Path,
) -> None:
    run, record = _check(tmp_path, str(SEED), PROBE_NO_HARPER="1")
    assert record["prefetch"][0] == ["MainThread", not AHEAD]
    assert record["built_in"] == ["harper-prefetch"]
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1
    assert "grammar backend 'harper' needs the harper-py package" in errors[0]
    assert "--grammar none" in errors[0]
