"""Language check (LN101): notice non-English text so English rewrite rules leave it alone.

Runs right after encoding repair. Sets ``doc.metadata["language"]`` (ISO 639-1, "und" when
the script is foreign but the model is unsure) and ``doc.notes["english"]``; the rule engine
and the detectors skip a document whose note is False. It counts as an editing stage
(``makes_edits = True``) although it never edits: the pipeline's convergence rounds re-run
only editing stages on a fresh Document, and without this note there the English rules would
run on the non-English text in round two.
"""

from __future__ import annotations

from typing import ClassVar

from cleaner.detectors.language import detect_language
from cleaner.document import Document
from cleaner.model import Level, Stage
from cleaner.stages.base import PipelineStage

RULE = "LN101"


class LanguageCheck(PipelineStage):
    """Decides whether the document is English; reports a notice when it is not."""

    name: ClassVar[str] = "language"
    makes_edits = True

    def run(self, doc: Document) -> None:
        verdict = detect_language(doc.text)
        doc.metadata["language"] = verdict.language
        doc.notes["english"] = verdict.english
        if verdict.english or not self.config.enabled(RULE):
            return
        # A document-level notice sits at offset 0 with no span (like grammar's check-failed),
        # so stages that merge overlapping findings do not fold theirs into it.
        doc.report(
            start=0,
            end=0,
            rule=RULE,
            stage=Stage.ARTIFACT,
            level=Level.INFO,
            message=(
                f"text is not English (language '{verdict.language}', "
                f"confidence {verdict.confidence:.2f}): English rewrite rules were skipped"
            ),
            reason=verdict.reason,
        )
