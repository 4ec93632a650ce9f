"""Harper's linter built ahead of need (issue 17): in a background thread, once, fork-safe,
and never for an article whose grammar result an earlier run stored."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from cleaner.config import Config
from cleaner.document import Document
from cleaner.grammar import RESULTS
from cleaner.grammar.harper import HarperBackend
from cleaner.pipeline import Pipeline
from cleaner.stages.grammar import Grammar

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TEXT = "Trade with the Chinas grew, he have said. The results was announced on Monday.\n"


class Recording(HarperBackend):
    """A real Harper backend that records which thread built each of its linters."""

    def __init__(self) -> None:
        super().__init__(dialect="american", words=(), readability=False)
        self.built_in: list[str] = []

    def _build(self) -> Any:
        self.built_in.append(threading.current_thread().name)
        return super()._build()


def test_a_prefetched_linter_is_taken_by_the_first_thread_and_gives_the_same_hits() -> None:
    plain = Recording()
    expected = plain.check(TEXT)
    ahead = Recording()
    ahead.prefetch()
    ahead.prefetch()  # a second call while the build is under way starts nothing
    assert ahead.check(TEXT) == expected
    assert ahead.built_in == ["harper-prefetch"]
    ahead.prefetch()  # this thread has its linter now: nothing to build
    assert ahead.check(TEXT) == expected
    assert ahead.built_in == ["harper-prefetch"]
    assert plain.built_in == ["MainThread"]


def test_a_build_error_surfaces_when_the_linter_is_taken() -> None:
    class Broken(Recording):
        def _build(self) -> Any:
            raise RuntimeError("no dictionary")

    broken = Broken()
    broken.prefetch()
    with pytest.raises(RuntimeError, match="no dictionary"):
        broken.linter()


def _stage(backend: HarperBackend) -> Grammar:
    stage = Grammar(Config())
    stage.backend = backend
    return stage


def test_an_article_whose_result_is_stored_starts_no_build(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    first = Recording()
    stage = _stage(first)
    doc = Document(TEXT)
    stage.expect(doc)
    stage.run(doc)
    assert first.built_in == ["harper-prefetch"]
    # A new process meeting the same article: the result comes from disk, nothing is built.
    RESULTS.clear()
    fresh = Recording()
    stage = _stage(fresh)
    again = Document(TEXT)
    stage.expect(again)
    stage.run(again)
    assert fresh.built_in == []
    assert [f.rule for f in again.result().findings] == [f.rule for f in doc.result().findings]
    # A different article does start one.
    other = Document(TEXT.replace("Monday", "Tuesday"))
    stage.expect(other)
    assert fresh.built_in == ["harper-prefetch"]


def test_no_build_for_an_article_the_language_check_calls_foreign() -> None:
    backend = Recording()
    stage = _stage(backend)
    doc = Document("Президент заявил, что переговоры продолжатся на следующей неделе.\n")
    doc.notes["english"] = False
    stage.expect(doc)
    stage.run(doc)
    assert backend.built_in == []


def test_the_pipeline_prefetches_and_its_result_matches_a_plain_build(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CLEANER_NO_CACHE", "1")
    text = (SEEDS / "002_82ceb364b6187b6d.txt").read_text(encoding="utf-8")
    plain, ahead = Recording(), Recording()
    pipeline = Pipeline(Config())
    grammar = next(s for s in pipeline.stages if isinstance(s, Grammar))
    grammar.backend = plain
    RESULTS.clear()
    grammar.backend.linter()  # built before the article: no prefetch
    expected = pipeline.run(text).to_dict()
    grammar.backend = ahead
    RESULTS.clear()
    assert pipeline.run(text).to_dict() == expected
    assert plain.built_in == ["MainThread"]
    assert ahead.built_in == ["harper-prefetch"]


# A fresh interpreter: the dictionary is a process-wide static that the first build fills,
# so only a process that has never built one can be forked in the middle of that build.
FORK_SCRIPT = """
import os, sys, time
from cleaner.grammar.harper import HarperBackend
backend = HarperBackend(dialect="american", words=(), readability=False)
backend.prefetch()
pid = os.fork()
if pid == 0:
    fresh = HarperBackend(dialect="american", words=(), readability=False)
    fresh.check("He have a car.")
    os._exit(0)
deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        print("exit", os.waitstatus_to_exitcode(status))
        break
    time.sleep(0.05)
else:
    os.kill(pid, 9)
    print("child hung")
"""


def test_a_fork_during_a_prefetch_gives_a_child_that_can_build_its_own() -> None:
    run = subprocess.run(
        [sys.executable, "-c", FORK_SCRIPT], capture_output=True, text=True, timeout=180
    )
    assert run.stdout.strip() == "exit 0", run.stderr


def _grammar_run(pipeline: Pipeline, text: str) -> tuple[Recording, Any]:
    """``text`` through ``pipeline`` as a new process would see it: a fresh backend and no
    results in memory (the disk cache stays)."""
    backend = Recording()
    grammar = next(s for s in pipeline.stages if isinstance(s, Grammar))
    grammar.backend = backend
    RESULTS.clear()
    return backend, pipeline.run(text)


def _grammar_hits(result: Any) -> list[tuple[Any, ...]]:
    return [
        (f.rule, f.out_start, f.out_end, f.message, f.suggestions)
        for f in result.findings
        if f.rule.startswith("GR-")
    ]


def test_the_fixed_article_starts_no_build_when_its_result_is_stored() -> None:
    """The hook's second look: ``cleaner fix`` wrote the output, and the check of the fixed
    file is answered from the cache (no stage edits it, so the checker gets the text it
    got before); it used to start building a linter for nothing, keyed by the article as
    read alone. An article whose output a stage changed after the checker does need one."""
    text = (SEEDS / "002_82ceb364b6187b6d.txt").read_text(encoding="utf-8")
    pipeline = Pipeline(Config())
    first, result = _grammar_run(pipeline, text)
    assert first.built_in == ["harper-prefetch"]
    assert result.text != text
    again, fixed = _grammar_run(pipeline, result.text)
    assert again.built_in == []  # answered from the cache, nothing built
    # The same hits, at the same places of the output (``start``/``end`` are in the
    # article as read, which the fix changed).
    assert _grammar_hits(fixed) == _grammar_hits(result) != []

    # A grammar fix (a safe rule) changes the text after the checker saw it: the fixed
    # article is new to the checker, and the build starts ahead of need as before.
    edits = Pipeline(Config(grammar_safe_rules=("GR-harper/",)))
    first, result = _grammar_run(edits, TEXT)
    assert any(e.rule.startswith("GR-harper/") for e in result.edits)
    again, _ = _grammar_run(edits, result.text)
    assert again.built_in == ["harper-prefetch"]
