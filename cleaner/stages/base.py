"""What a stage is: built once per config (expensive set-up lives in ``__init__``), then
``run`` on many documents. Stages only *propose*: ``Document.decide`` turns proposals into
edits and findings, so every change stays traceable and every command decides the same way."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, ClassVar

from cleaner.config import Config
from cleaner.document import Document
from cleaner.registry import RuleRecord
from cleaner.textview import TextView


class PipelineStage(ABC):
    """One step of: repair encoding, segment, boilerplate, detect, fix, normalise."""

    name: ClassVar[str]
    # The codes this stage's Python emits (YAML rules register themselves): the registry's
    # source for ``cleaner rules list``/``explain``, select validation and example tests.
    rules: ClassVar[tuple[RuleRecord, ...]] = ()
    # Whether the stage can change text; only those take part in the convergence rounds.
    makes_edits: bool = True
    # Whether running the stage on its own output never edits again. Declaring it lets the
    # pipeline skip re-checking the stage when no other stage changed what it reads since
    # (``Pipeline.run``); the property tests in tests/test_core_properties.py hold it to it.
    idempotent: ClassVar[bool] = False
    # A stage that never edits but takes part in the convergence check to set notes the
    # stages after it read (the language check): a round runs it only when one of them runs.
    informs_only: ClassVar[bool] = False

    def __init__(self, config: Config) -> None:
        self.config = config

    def expect(self, doc: Document) -> None:  # noqa: B027 (optional: most stages need none)
        """Called once per article, as soon as the language check has run: a stage whose
        set-up is slow and lazy may start it in the background here, to overlap the stages
        that run before it."""

    def settled(self, doc: Document) -> None:  # noqa: B027 (optional: most stages need none)
        """Called once per article when every round is done (``doc.text`` is the output,
        what ``cleaner fix`` writes): a stage that keeps hints for a later run about the
        text it will be given may record the output's here."""

    def same_input(self, before: TextView, after: TextView) -> bool:
        """Whether this stage reads ``after`` as it read ``before``: having left ``before``
        as it was, it would leave ``after`` as it is too (given notes that permit no more).
        The convergence check asks it to skip a stage another stage's edits did not reach
        (``pipeline._Readings``); tests/test_fast_paths.py holds each override to it. The
        default, the very text, holds for every stage; a stage that reads only some of the
        text (lines, paragraphs) says so and is skipped after edits elsewhere."""
        return before.text == after.text

    def reads_same(self, before: TextView, after: TextView, memo: dict[str, Any]) -> bool:
        """``same_input`` as the convergence check asks it, with the article's memo
        (``Document.memo``): a stage keeps there what it computed on ``before`` and may
        keep what it computes on ``after`` for a run on it. By default ``same_input``."""
        return self.same_input(before, after)

    @abstractmethod
    def run(self, doc: Document) -> None:
        """Inspect and change ``doc`` in place."""
