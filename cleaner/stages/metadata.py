"""Lift title, author, date, source and dateline out of the text (BP3xx), with provenance.

Runs after the language check and before boilerplate stripping, so it sees every line the
article arrived with: the byline and the date line the boilerplate stage is about to remove,
the navigation around the headline on a whole page. It never edits the text; removing
bylines and date lines stays the boilerplate stage's job (as edits, so ``restore`` and the
report still show them), and the headline stays in the text.

Each value lands in ``doc.metadata`` (``title``, ``author`` with the names joined by ", "
and ``authors`` as a list, ``date`` in ISO 8601, ``source``, ``dateline``), and
``doc.metadata["provenance"][field]`` says where it came from: the line (1-based, in the
input), the rule code and the confidence. A field below the confidence threshold is not
lifted; its best candidate becomes an info finding (BP390, "possible date: ...").
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from cleaner.config import Config
from cleaner.document import Document
from cleaner.metadata.extract import POSSIBLE_FIELD, RULES, Extraction, Lifted, extract, threshold
from cleaner.metadata.lexicon import load_lexicon
from cleaner.model import Level, Stage
from cleaner.resources import rule_folders
from cleaner.stages.base import PipelineStage

# Lines end at LF, CRLF or a lone CR, as editors (and ``cleaner check``) count them.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class Metadata(PipelineStage):
    """Reads the article's own metadata lines; writes ``doc.metadata``, never the text."""

    name: ClassVar[str] = "metadata"
    makes_edits = False

    def __init__(self, config: Config) -> None:
        super().__init__(config)
        self.lexicon = load_lexicon(rule_folders(config))

    def run(self, doc: Document) -> None:
        if not doc.notes.get("english", True):
            return  # English cue words and dates; the language check said otherwise
        found = extract(doc.text, self.lexicon)
        provenance: dict[str, dict[str, Any]] = {}
        for name, lifted in found.lifted.items():
            if not self.config.enabled(lifted.rule) or name in doc.metadata:
                continue
            if name == "author":
                doc.metadata["author"] = ", ".join(lifted.value)
                doc.metadata["authors"] = list(lifted.value)
            else:
                doc.metadata[name] = lifted.value
            provenance[name] = self._provenance(doc, lifted)
        if provenance:
            doc.metadata["provenance"] = provenance
        title = found.lifted.get("title")
        if title is not None and "title" in provenance:
            # For the boilerplate stage: the headline line is content, keep it.
            doc.notes["title_span"] = (title.start, title.end)
        self._report_possible(doc, found)

    def _provenance(self, doc: Document, lifted: Lifted) -> dict[str, Any]:
        start = doc.to_original(lifted.start)
        line = len(_LINE_BREAK.findall(doc.original, 0, start)) + 1
        return {
            "line": line,
            "rule": lifted.rule,
            "confidence": lifted.confidence,
            "why": lifted.why,
        }

    def _report_possible(self, doc: Document, found: Extraction) -> None:
        if not self.config.enabled(POSSIBLE_FIELD):
            return
        for name, candidate in found.possible.items():
            if name in doc.metadata or not self.config.enabled(candidate.rule):
                continue
            value = ", ".join(candidate.value) if name == "author" else candidate.value
            doc.report(
                start=candidate.start,
                end=candidate.end,
                rule=POSSIBLE_FIELD,
                stage=Stage.BOILERPLATE,
                level=Level.INFO,
                message=(
                    f"possible {name}: {value} (confidence {candidate.confidence:.2f}, "
                    f"below {threshold(name):.2f}); not lifted"
                ),
                reason=f"{POSSIBLE_FIELD}: {RULES[POSSIBLE_FIELD]} ({RULES[candidate.rule]}"
                + (f"; {candidate.why})" if candidate.why else ")"),
            )
