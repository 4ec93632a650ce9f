"""What a stage is: built once per config (expensive set-up lives in ``__init__``), then
``run`` on many documents. Stages only *propose*: ``Document.decide`` turns proposals into
edits and findings, so every change stays traceable and every command decides the same way."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar

from cleaner.config import Config
from cleaner.document import Document
from cleaner.registry import RuleRecord
from cleaner.textview import TextView

# The codes of the blank-line layout: blank-line runs between paragraphs (NM109), leading
# blank lines (NM110), the final newline (NM111). A normaliser pass that makes only these
# edits joined no wrap (that is NM108) and touched no line's characters, so the text has the
# same non-blank lines in the same order, each still a paragraph of its own. A stage that
# reads only lines or paragraphs declares it ``ignores`` them (``PipelineStage.ignores``).
# tests/test_fast_paths.py holds the normaliser to this.
BLANK_LINE_LAYOUT = frozenset({"NM109", "NM110", "NM111"})


class PipelineStage(ABC):
    """One step of: repair encoding, segment, boilerplate, detect, fix, normalise."""

    name: ClassVar[str]
    # The codes this stage's Python emits (YAML rules register themselves): the registry's
    # source for ``cleaner rules list``/``explain``, select validation and example tests.
    rules: ClassVar[tuple[RuleRecord, ...]] = ()
    # Whether the stage can change text; only those take part in the convergence rounds.
    makes_edits: bool = True
    # Whether running the stage on its own output never edits again. Declaring it lets the
    # pipeline skip re-checking the stage when no other stage changed the text since
    # (``Pipeline.run``); the property tests in tests/test_core_properties.py hold it to it.
    idempotent: ClassVar[bool] = False
    # The edit codes whose edits, made by themselves, cannot make this stage change anything
    # it left unchanged (given the same ``doc.notes`` and ``same_input``): the convergence
    # check does not re-run a stage that edited nothing for them. tests/test_fast_paths.py
    # holds each stage to its declaration.
    ignores: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, config: Config) -> None:
        self.config = config

    def expect(self, doc: Document) -> None:  # noqa: B027 (optional: most stages need none)
        """Called once per article, as soon as the language check has run: a stage whose
        set-up is slow and lazy may start it in the background here, to overlap the stages
        that run before it."""

    def same_input(self, before: TextView, after: TextView) -> bool:
        """Whether this stage reads ``after`` as it read ``before``, a text that differs from
        it only by edits the stage ``ignores``; asked before the convergence check skips the
        stage. A stage whose declaration holds for any such text keeps this default."""
        return True

    @abstractmethod
    def run(self, doc: Document) -> None:
        """Inspect and change ``doc`` in place."""
