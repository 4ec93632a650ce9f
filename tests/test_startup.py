"""A command's quick start and exit (``cleaner.startup``, issue 17) lose nothing on the way out."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from cleaner import startup


def test_the_collector_is_paused_until_the_first_file_and_then_skips_the_set_up() -> None:
    assert gc.isenabled()
    try:
        startup.begin()
        assert not gc.isenabled()
        startup.end()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0  # what was built stays out of later collections
        startup.end()  # a second file: nothing more to do
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()


def test_a_collector_the_caller_turned_off_stays_off() -> None:
    gc.disable()
    try:
        startup.begin()
        startup.end()
        assert not gc.isenabled()
        assert gc.get_freeze_count() == 0
    finally:
        gc.enable()


def _run(body: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    script = textwrap.dedent(
        """
        import atexit, sys, threading, time
        from cleaner import startup
        out = sys.argv[1]
        atexit.register(lambda: open(out + ".atexit", "w").write("ran"))
        def late():
            time.sleep(0.2)
            open(out + ".thread", "w").write("done")
        threading.Thread(target=late).start()
        sys.stdout.write("no newline, still buffered")
        """
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # buffered, as usual
    return subprocess.run(
        [sys.executable, "-c", script + body, str(tmp_path / "mark")],
        capture_output=True,
        text=True,
        env=env,
    )


def test_leave_runs_what_pythons_exit_runs_before_it_ends(tmp_path: Path) -> None:
    run = _run("startup.leave(3)", tmp_path)
    assert run.returncode == 3
    assert run.stdout == "no newline, still buffered"
    assert (tmp_path / "mark.atexit").read_text() == "ran"
    assert (tmp_path / "mark.thread").read_text() == "done"  # joined, not cut off


def test_leave_with_a_message_prints_it_and_fails(tmp_path: Path) -> None:
    run = _run("startup.leave('error: bad')", tmp_path)
    assert run.returncode == 1
    assert run.stderr.strip() == "error: bad"
    assert _run("startup.leave(None)", tmp_path).returncode == 0


def test_the_console_script_keeps_its_exit_codes_and_output(tmp_path: Path) -> None:
    article = tmp_path / "one.txt"
    article.write_text("Hello  world.\n", encoding="utf-8")
    code = "from cleaner.cli import run; run()"  # what the console script calls
    ok = [sys.executable, "-c", code, "check", "--grammar", "none"]
    run = subprocess.run([*ok, str(article)], capture_output=True, text=True)
    assert run.returncode == 0  # an info-level fix is below the default --fail-level
    assert "one.txt:1:6: info NM107" in run.stdout
    strict = subprocess.run([*ok, "--fail-level", "info", str(article)], capture_output=True)
    assert strict.returncode == 1
    missing = subprocess.run([*ok, str(tmp_path / "none.txt")], capture_output=True, text=True)
    assert missing.returncode == 2
    assert "no such file" in missing.stderr


def test_main_called_by_another_program_returns_through_system_exit(tmp_path: Path) -> None:
    """Only ``run`` (the console script) leaves at once; ``main`` raises ``SystemExit`` as
    any click command, so a caller that catches it goes on."""
    article = tmp_path / "one.txt"
    article.write_text("Hello  world.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from cleaner.cli import main\n"
        f"sys.argv = ['cleaner', 'check', '--grammar', 'none', {str(article)!r}]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    print('caught', exc.code)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0
    assert run.stdout.strip().endswith("caught 0")


def test_a_check_stores_the_patterns_it_compiled_and_the_next_one_reads_them(
    tmp_path: Path,
) -> None:
    """The console script writes the regex store after its first file (in the worker that
    checked it), and a second check finds its patterns there."""
    article = tmp_path / "one.txt"
    article.write_text("Xi Jinping met Robert Fico in Bratislava.\n", encoding="utf-8")
    env = {**os.environ, "CLEANER_CACHE_DIR": str(tmp_path / "cache"), "CLEANER_NO_CACHE": "1"}
    code = (
        "import sys\n"
        "from cleaner.cache import regexes\n"
        "from cleaner.cli import run\n"
        "def report():\n"
        "    print('from store', len(regexes._made), file=sys.stderr)\n"
        "import atexit; atexit.register(report)\n"
        "run()\n"
    )
    cmd = [sys.executable, "-c", code, "check", "--grammar", "none", "--jobs", "1", str(article)]
    first = subprocess.run(cmd, capture_output=True, text=True, env=env)
    assert first.returncode == 0, first.stderr
    (store,) = (tmp_path / "cache").glob("compiled-v*/regex-*.marshal")
    assert store.stat().st_size > 10_000  # the pipeline's patterns, not a handful
    second = subprocess.run(cmd, capture_output=True, text=True, env=env)
    assert second.returncode == 0, second.stderr
    made = int(second.stderr.split("from store ")[1].split()[0])
    assert made > 50  # the parent's set-up (imports, rule book) came from the store
    assert second.stdout == first.stdout


def test_only_commands_that_end_the_pause_begin_it(tmp_path: Path) -> None:
    """``rules`` (and a long ``review`` session) never reach the batch code that ends the
    start-up pause, so they must not begin it: their collector stays on throughout."""
    code = (
        "import atexit, gc, sys\n"
        "from cleaner.cache import regexes\n"
        "from cleaner.cli import run\n"
        "def state():\n"
        "    installed = regexes._originals is not None\n"
        "    print('gc', gc.isenabled(), 'store', installed, file=sys.stderr)\n"
        "atexit.register(state)\n"
        "run()\n"
    )
    rules = subprocess.run(
        [sys.executable, "-c", code, "rules", "list"], capture_output=True, text=True
    )
    assert rules.returncode == 0, rules.stderr
    assert "gc True store False" in rules.stderr
    article = tmp_path / "one.txt"
    article.write_text("Hello world.\n", encoding="utf-8")
    check = subprocess.run(
        [sys.executable, "-c", code, "check", "--grammar", "none", str(article)],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr
    assert "gc True store True" in check.stderr  # begun, and ended by its file


def test_a_check_stores_its_set_up_and_the_next_one_needs_nothing_new(tmp_path: Path) -> None:
    """The first check stores the dataclass methods it compiled and the name tables its
    article derived; a second check of the same file finds all of it there (writes none of
    the stores again) and reports the same."""
    article = tmp_path / "one.txt"
    article.write_text(
        "Xi Jinping met Robert Fico in Bratislava. Si Jinping said Fico's plan was good.\n",
        encoding="utf-8",
    )
    env = {**os.environ, "CLEANER_CACHE_DIR": str(tmp_path / "cache"), "CLEANER_NO_CACHE": "1"}
    code = "from cleaner.cli import run; run()"
    cmd = [sys.executable, "-c", code, "check", "--grammar", "none", "--jobs", "1", str(article)]
    first = subprocess.run(cmd, capture_output=True, text=True, env=env)
    assert first.returncode in (0, 1), first.stderr
    folder = tmp_path / "cache"
    stores = [
        *folder.glob("compiled-v*/generated-*.marshal"),
        *folder.glob("compiled-v*/nameindex-*.plain"),
    ]
    assert len(stores) == 2
    written = {p: p.stat().st_mtime_ns for p in stores}
    second = subprocess.run(cmd, capture_output=True, text=True, env=env)
    assert second.returncode == first.returncode, second.stderr
    assert second.stdout == first.stdout
    assert {p: p.stat().st_mtime_ns for p in stores} == written


def test_a_second_check_of_a_dated_bylined_article_compiles_and_writes_nothing_new(
    tmp_path: Path,
) -> None:
    """Every pattern the first check compiled is in the regex store for the second, which
    therefore writes no store again. The metadata stage builds its cue patterns from word
    lists: with ties in a set's order (another in every process) they were new texts in
    every run, compiled afresh and the whole store written again (issue 17)."""
    article = tmp_path / "one.txt"
    article.write_text(
        "Ferry terminal approved\nBy Anna Novak, Staff Writer\nPublished: May 4, 2025\n\n"
        "GDANSK (AP) - Xi Jinping met Robert Fico in Bratislava on Monday. The talks were "
        "about trade.\n\nSource: Harbour Gazette\n",
        encoding="utf-8",
    )
    folder = tmp_path / "cache"
    env = {**os.environ, "CLEANER_CACHE_DIR": str(folder), "CLEANER_NO_CACHE": "1"}
    env.pop("PYTHONHASHSEED", None)  # each process its own hash order, as a user's runs
    code = "from cleaner.cli import run; run()"
    cmd = [sys.executable, "-c", code, "check", "--grammar", "none", "--jobs", "1", str(article)]
    first = subprocess.run(cmd, capture_output=True, text=True, env=env)
    assert first.returncode in (0, 1), first.stderr
    stores = sorted(folder.glob("compiled-v*/*"))
    assert any(p.name.startswith("regex-") for p in stores)
    written = {p: p.stat().st_mtime_ns for p in stores}
    for _ in range(2):
        again = subprocess.run(cmd, capture_output=True, text=True, env=env)
        assert again.returncode == first.returncode, again.stderr
        assert again.stdout == first.stdout
        assert {p: p.stat().st_mtime_ns for p in sorted(folder.glob("compiled-v*/*"))} == written
