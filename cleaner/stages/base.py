"""What a stage is: built once per config (expensive set-up lives in ``__init__``), then
``run`` on many documents. Stages change text only through ``Document.apply`` and report
problems only through ``Document.report``, so every change stays traceable."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar

from cleaner.config import Config
from cleaner.document import Document


class PipelineStage(ABC):
    """One step of: repair encoding, segment, boilerplate, detect, fix, normalise."""

    name: ClassVar[str]
    # Whether the stage can change text; only those take part in the convergence rounds.
    makes_edits: bool = True
    # Whether running the stage on its own output never edits again. Declaring it lets the
    # pipeline skip re-checking the stage when no other stage changed the text since
    # (``Pipeline.run``); the property tests in tests/test_core_properties.py hold it to it.
    idempotent: ClassVar[bool] = False

    def __init__(self, config: Config) -> None:
        self.config = config

    @abstractmethod
    def run(self, doc: Document) -> None:
        """Inspect and change ``doc`` in place."""
