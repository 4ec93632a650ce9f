"""A modal verb with its verb lost (MT910): ``we will not all the unacceptable things``.

Engines drop a verb that the source puts at the end of a clause or splits off (German, Greek
and Japanese word order, a separable prefix), leaving a subject pronoun and a modal followed
straight by a determiner. In a statement (``we will not``, ``they can``) English needs a verb
there; only a question inverts the two (``Will the people of Melbourne...?``, which starts
with the modal, not a pronoun), and a comparison may leave the verb out (``the care you
would a friend's car``), but not after ``not``. So a subject pronoun, a modal, ``not``,
optionally ``all``, then an article or possessive determiner, is flagged. A finding: which verb was
lost only the source knows.
"""

from __future__ import annotations

import regex

from cleaner.detectors import Hit
from cleaner.model import FixSafety, Level, Stage
from cleaner.registry import RuleRecord, allowed, examples
from cleaner.textview import TextView, as_view

RULE = "MT910"
RULES = (
    RuleRecord(
        RULE,
        "lost-verb",
        Stage.ARTIFACT,
        Level.WARNING,
        FixSafety.NONE,
        "a subject and a modal verb followed by a determiner, with no verb",
        __doc__ or "",
        examples(
            (
                "We will not all the unacceptable things that happened.",
                "We will not all the unacceptable things that happened.\n",
            )
        ),
        allowed("Will the people of Melbourne have to pay?", "We will not all agree."),
        origin=__name__,
    ),
)

# Closed classes: subject pronouns, modal verbs, and the determiners that open a noun phrase.
# The modals are written once: the pattern and the cheap gate (``_cued``) must agree.
_MODALS = ("will", "would", "can", "could", "shall", "should", "must", "may", "might")
_LOST = regex.compile(
    r"\b(?:I|[Yy]ou|[Ww]e|[Tt]hey|[Hh]e|[Ss]he|[Ii]t)"
    rf" (?:{'|'.join(_MODALS)}) not(?: all)?"
    r" (?P<det>the|a|an|this|these|those|his|her|their|our|its|my|your)\b"
)


def _cued(text: str) -> bool:
    """Whether ``text`` holds what every ``_LOST`` match holds: a modal right before " not ".
    Found by ``str.find`` and a suffix test (most articles have no " not " after a modal,
    many none at all), where ``_LOST`` tries its word-boundary alternation at every
    position."""
    at = text.find(" not ")
    while at >= 0:
        if text.endswith(_MODALS, 0, at):
            return True
        at = text.find(" not ", at + 1)
    return False


def detect(text: str | TextView) -> list[Hit]:
    view = as_view(text)
    text = view.text
    hits: list[Hit] = []
    if not _cued(text):
        return hits
    for m in _LOST.finditer(text):
        hits.append(
            Hit(
                m.start(),
                m.end(),
                RULE,
                Level.WARNING,
                f"'{m.group(0)}': the modal has no verb; was one lost in translation?",
                (),
                FixSafety.NONE,
                "a subject and a modal verb followed by a determiner, with no verb",
            )
        )
    return hits
