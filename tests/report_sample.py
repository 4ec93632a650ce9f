"""A real ``Document`` run through made-up stages of every kind, for the report tests.

The boilerplate, artifact and grammar stages are being written in parallel; the report
must show whatever they produce, so these tests drive the real ``Document`` (not a mock)
with the edits and findings such stages make: a removed line, a rewritten phrase, a
rewrite of text another stage already changed, findings with suggestions, a zero-width
finding, and metadata.
"""

from __future__ import annotations

from cleaner import Config, Level
from cleaner.document import Document, Replacement
from cleaner.model import CleanResult, FixSafety, Stage
from cleaner.stages.normalise import Normalise

SAMPLE = (
    "Moscow (AP) Xi Jinping will take official visit.\n"
    "Read more: subscribe to our newsletter\n"
    "\u201cHe said\u201d that <script>alert(1)</script> the visit of Xis in Russia.\n"
    "Second  paragraph with teh typo.\n"
)


def _at(doc: Document, needle: str) -> tuple[int, int]:
    start = doc.text.index(needle)
    return start, start + len(needle)


def sample_result(text: str = SAMPLE) -> CleanResult:
    damage = {"score": 0.42, "points": 3, "words": 40, "paragraphs": [{"line": 1, "score": 0.1}]}
    doc = Document(text, metadata={"source": "AP", "date": "2025-05-04", "damage": damage})
    s, e = _at(doc, "Read more: subscribe to our newsletter\n")
    doc.apply(Stage.BOILERPLATE, [Replacement(s, e, "", "BP201", "newsletter promotion")])
    s, e = _at(doc, "visit of Xis")
    doc.apply(
        Stage.ARTIFACT,
        [Replacement(s, e, "visit by Xi", "MT101", "possessive calque", "was 'of Xis'")],
    )
    s, e = _at(doc, "teh")
    doc.report(
        start=s,
        end=e,
        rule="GR-harper/Spelling",
        stage=Stage.GRAMMAR,
        level=Level.WARNING,
        message="Did you mean 'the'?",
        suggestions=["the", "ten"],
        fix=FixSafety.UNSAFE,
    )
    s, _ = _at(doc, "official")
    doc.report(
        start=s,
        end=s,
        rule="MT201",
        stage=Stage.ARTIFACT,
        level=Level.INFO,
        message="article missing",
        suggestions=["an "],
    )
    Normalise(Config()).run(doc)
    s, e = _at(doc, '"He')
    doc.apply(Stage.ARTIFACT, [Replacement(s, e, '"She', "MT102", "pronoun fixed")])
    return doc.result()
