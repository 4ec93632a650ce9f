"""Language check (LN101): notice non-English text so English rewrite rules leave it alone.

Runs right after encoding repair. Sets ``doc.metadata["language"]`` (ISO 639-1, "und" when
the script is foreign but the model is unsure) and ``doc.notes["english"]``; the rule engine
and the detectors skip a document whose note is False. It counts as an editing stage
(``makes_edits = True``) although it never edits: the pipeline's convergence rounds re-run
only editing stages on a fresh Document, and without this note there the English rules would
run on the non-English text in round two. It declares ``informs_only``, so a round runs it
only when a stage after it will run.
"""

from __future__ import annotations

from typing import ClassVar

from cleaner.detectors.language import detect_language, verdict_key
from cleaner.document import Document, Proposal
from cleaner.model import FixSafety, Level, Stage
from cleaner.registry import RuleRecord, examples
from cleaner.stages.base import PipelineStage

RULE = "LN101"
RULES = (
    RuleRecord(
        RULE,
        "not-english",
        Stage.ARTIFACT,
        Level.INFO,
        FixSafety.NONE,
        "text is not English: English rewrite rules were skipped",
        "A document-level notice: py3langid names the language of text that is mostly "
        "non-Latin letters (20+), or Latin-script text of 12+ words with few common English "
        "words that the model is 95% sure of. The rule files, the detectors and the grammar "
        "checker then leave the text alone (English rules on Russian text only do harm).",
        examples(
            (
                "\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 "
                "\u0437\u0430\u044f\u0432\u0438\u0432, \u0449\u043e "
                "\u043f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u0438 "
                "\u0442\u0440\u0438\u0432\u0430\u044e\u0442\u044c.",
                "\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 "
                "\u0437\u0430\u044f\u0432\u0438\u0432, \u0449\u043e "
                "\u043f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u0438 "
                "\u0442\u0440\u0438\u0432\u0430\u044e\u0442\u044c.\n",
            )
        ),
        origin=__name__,
    ),
)


def permits_all(notes: dict[str, object]) -> bool:
    """Whether ``notes`` let every stage do all it does: a text called English (or not yet
    judged). The note only ever switches English-only work off (rules, detectors,
    boilerplate, typography, grammar), so a stage that changed nothing on a text called
    English changes nothing on the same text called foreign, not the other way round."""
    return notes.get("english", True) is not False


class LanguageCheck(PipelineStage):
    """Decides whether the document is English; reports a notice when it is not."""

    name: ClassVar[str] = "language"
    rules = RULES
    makes_edits = True
    informs_only = True

    def run(self, doc: Document) -> None:
        # The convergence check asks again about a text whose start rarely changed.
        seen = doc.memo.setdefault("language", {})
        key = verdict_key(doc.text)
        verdict = seen.get(key)
        if verdict is None:
            verdict = seen[key] = detect_language(doc.view)
        doc.metadata["language"] = verdict.language
        doc.notes["english"] = verdict.english
        if verdict.english:
            return
        # A document-level notice sits at offset 0 with no span (like grammar's check-failed),
        # so no other finding ever clashes with it.
        message = (
            f"text is not English (language '{verdict.language}', "
            f"confidence {verdict.confidence:.2f}): English rewrite rules were skipped"
        )
        doc.decide(Stage.ARTIFACT, [Proposal(0, 0, RULE, message=message, reason=verdict.reason)])
