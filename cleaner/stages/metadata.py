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
from cleaner.document import Document, Proposal
from cleaner.metadata import extract as x
from cleaner.metadata.extract import POSSIBLE_FIELD, Extraction, Lifted, extract, threshold
from cleaner.metadata.lexicon import load_lexicon
from cleaner.model import FixSafety, Level, Stage
from cleaner.registry import RuleRecord, allowed, examples
from cleaner.resources import rule_folders
from cleaner.stages.base import PipelineStage

# Lines end at LF, CRLF or a lone CR, as editors (and ``cleaner check``) count them.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

# Example articles for the records below (the registry runs them: each lifts its field).
_BODY = (
    "The harbour board approved the new ferry terminal on Thursday after three years of "
    "debate.\nWork will start in the autumn and should take two years, the board said.\n"
)
_HEADED = "Ferry terminal approved\nBy Anna Kowalski\nMay 4, 2025\n" + _BODY
_AMBIGUOUS = "Ferry terminal approved\nBy Anna Kowalski\n03/04/2025\n" + _BODY


def _record(code: str, name: str, fires: str, allows: tuple[str, ...] = ()) -> RuleRecord:
    return RuleRecord(
        code,
        name,
        Stage.BOILERPLATE,
        Level.INFO,
        FixSafety.NONE,
        x.RULES[code],
        f"Lifted into the metadata with its line, this code and a confidence (lifted at "
        f"{x.LIFT} and above); the text is not changed. {x.RULES[code]}.",
        examples((fires, fires)),
        allowed(*allows),
        origin=__name__,
        emits=False,
    )


RULES: tuple[RuleRecord, ...] = (
    _record(x.TITLE, "headline", _HEADED, ("Home\nNews\nSport\n",)),
    _record(x.AUTHOR_CUE, "byline", _HEADED, ("By Friday the talks had ended.\n" + _BODY,)),
    _record(
        x.AUTHOR_ROLE,
        "byline-with-role",
        "Ferry terminal approved\nAnna Kowalski | Staff Writer\n" + _BODY,
        ("Ferry terminal approved\nStaff Writer\n" + _BODY,),
    ),
    _record(
        x.AUTHOR_NAME,
        "name-beside-date",
        "Ferry terminal approved\nAnna Kowalski\nMay 4, 2025\n" + _BODY,
    ),
    _record(
        x.AUTHOR_BOX,
        "author-box",
        _BODY + "I am Anna Kowalski, a freelance journalist who covers the harbour.\n",
        (_BODY + '"I am Anna, a mother of three," she said.\n',),
    ),
    _record(
        x.AUTHOR_TEAM,
        "team-byline",
        "Ferry terminal approved\nBy the Harbourline Team\nMay 4, 2025\n" + _BODY,
        ("Ferry terminal approved\nBy the News Team\nMay 4, 2025\n" + _BODY,),
    ),
    _record(
        x.DATE_CUE,
        "publication-date-cue",
        "Ferry terminal approved\nPublished: 4 May 2025\n" + _BODY,
        ("Ferry terminal approved\nUpdated: 4 May 2025\n" + _BODY,),
    ),
    _record(x.DATE_LINE, "date-line", _HEADED, ("Ferry terminal approved\n2 hours ago\n" + _BODY,)),
    _record(
        x.DATE_DATELINE,
        "dateline-date",
        "Ferry terminal approved\nGDANSK, May 4, 2025 - " + _BODY,
    ),
    _record(x.SOURCE_LINE, "source-line", _BODY + "Source: Harbour Gazette\n"),
    _record(x.SOURCE_AGENCY, "agency-source", "Gdansk (AP) " + _BODY),
    _record(x.DATELINE, "dateline", "Gdansk (AP) " + _BODY, ("Gdansk (Poland) " + _BODY,)),
    RuleRecord(
        POSSIBLE_FIELD,
        "possible-metadata",
        Stage.BOILERPLATE,
        Level.INFO,
        FixSafety.NONE,
        "possible metadata, not lifted",
        "The best candidate for a field whose confidence is below the threshold (an "
        "ambiguous date such as 03/04/2025, a headline the page gives little evidence for) "
        "is reported instead of lifted: a wrong date or author is worse than none.",
        examples((_AMBIGUOUS, _AMBIGUOUS)),
        allowed(_HEADED),
        origin=__name__,
    ),
)


class Metadata(PipelineStage):
    """Reads the article's own metadata lines; writes ``doc.metadata``, never the text."""

    # Never edits: the convergence rounds need not run it again.
    makes_edits = False
    name: ClassVar[str] = "metadata"
    rules = RULES

    def __init__(self, config: Config) -> None:
        super().__init__(config)
        self.lexicon = load_lexicon(rule_folders(config))

    def run(self, doc: Document) -> None:
        if not doc.notes.get("english", True):
            return  # English cue words and dates; the language check said otherwise
        found = extract(doc.text, self.lexicon)
        provenance: dict[str, dict[str, Any]] = {}
        for name, lifted in found.lifted.items():
            if not doc.policy.enabled(lifted.rule) or name in doc.metadata:
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
        proposals = []
        for name, candidate in found.possible.items():
            if name in doc.metadata:
                continue
            value = ", ".join(candidate.value) if name == "author" else candidate.value
            message = (
                f"possible {name}: {value} (confidence {candidate.confidence:.2f}, "
                f"below {threshold(name):.2f}); not lifted"
            )
            evidence = x.RULES[candidate.rule] + (f"; {candidate.why}" if candidate.why else "")
            reason = f"{POSSIBLE_FIELD}: {x.RULES[POSSIBLE_FIELD]} ({evidence})"
            proposals.append(
                Proposal(candidate.start, candidate.end, POSSIBLE_FIELD, None, message, reason)
            )
        doc.decide(Stage.BOILERPLATE, proposals)
