"""A narrator's ``my`` in an article nobody narrates (MT911): ``... with him during my visit``.

Russian, Ukrainian, Polish and the other Slavic languages have a reflexive possessive
(``свой``, ``svůj``, ``swój``) that points back at the clause's subject whatever its person;
engines often render it as ``my`` (``во время своего визита`` -> ``during my visit``), and the
reflexive pronoun ``себя`` as ``me``/``myself``. In a news article written in the third
person such a word is the one first-person word outside a quotation. It is flagged when:

* it is a lower-case ``my``, ``me`` or ``myself`` and no quotation is open at it;
* the same sentence, outside quotations, refers to someone in the third person (``he``,
  ``him``, ``his``, ``she``, ``her``...): the narration is about someone else;
* no other first-person singular word (``I``, ``My``, ``mine``, or one in another sentence)
  stands outside a quotation, but for an ``I`` right after two capitalised words, MT909's
  stray subject (a writer who says "my" says "I" too, and an unquoted interview answers in
  the first person throughout);
* the text is an article, five sentences or more: one sentence alone (``He died the day
  after my birthday``) has no elsewhere to show that nobody narrates it.

It stays a finding (a quotation whose marks were lost reads the same); the suggestion is the
third-person form of the one gender the sentence's pronouns name, when they name one.
"""

from __future__ import annotations

from cleaner.detectors import Hit, suggestion
from cleaner.detectors.stray_i import quoted, stray_subject, unquoted_first_person
from cleaner.model import FixSafety, Level, Stage
from cleaner.registry import RuleRecord, allowed, examples
from cleaner.textview import TextView, as_view

RULE = "MT911"
# Four sentences that make an example an article (see ``_SENTENCES``).
_LEAD = (
    "The talks in Berlin lasted two hours. The minister met the chancellor there. "
    "Both later spoke to reporters. A second meeting is planned for May. "
)
WHY = "the one first-person word of an article written in the third person"
RULES = (
    RuleRecord(
        RULE,
        "lone-first-person",
        Stage.ARTIFACT,
        Level.WARNING,
        FixSafety.UNSAFE,
        WHY,
        __doc__ or "",
        examples(
            (
                _LEAD + "The minister said the chancellor gave him little time during my visit.",
                _LEAD + "The minister said the chancellor gave him little time during his visit.\n",
            ),
            (
                _LEAD + "Anna Berg said that she had kept the letter for me until the end.",
                _LEAD + "Anna Berg said that she had kept the letter for her until the end.\n",
            ),
        ),
        allowed(
            "He died the day after my birthday.",
            _LEAD + 'He told reporters: "I thanked him for my visit."',
            _LEAD + "I met him in Paris. He showed me the city.",
            _LEAD + "I asked him about my visit.",
            _LEAD + "The ministers thanked them for my visit.",
        ),
        origin=__name__,
    ),
)

# "Nobody narrates it" is evidence only in an article: a lone sentence (a line of a parallel
# corpus) that says "He died the day after my birthday" is someone speaking.
_SENTENCES = 5

# Closed classes: the words the reflexive becomes, and the third-person forms, by gender.
_LONE = frozenset({"my", "me", "myself"})
_THIRD = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
_FORMS = {
    "m": {"my": "his", "me": "him", "myself": "himself"},
    "f": {"my": "her", "me": "her", "myself": "herself"},
}


def detect(text: str | TextView) -> list[Hit]:
    """MT911 hits on ``text``: closed word classes only, no gazetteer."""
    view = as_view(text)
    if _LONE.isdisjoint(view.words):  # most articles: no such word (the view's cached set)
        return []
    toks = view.tokens
    narrated = [toks[k] for k in unquoted_first_person(view) if not stray_subject(view, k)]
    lone = [t for t in narrated if t.text in _LONE]
    if not lone or len(lone) != len(narrated) or len(view.sentences) < _SENTENCES:
        return []
    spans = {view.sentence_at(t.start) for t in narrated}
    if len(spans) != 1:  # first person in two sentences: someone narrates
        return []
    ((start, end),) = spans
    genders = {
        _THIRD[t.lower]
        for t in view.tokens_in(start, end)
        if t.lower in _THIRD and not quoted(view, t.start)
    }
    if not genders:
        return []
    hits = []
    for tok in lone:
        message = (
            f"'{tok.text}' in a sentence about someone else, the article's only first person:"
            " a reflexive (свой) the engine read as first person?"
        )
        fixes = (_FORMS[next(iter(genders))][tok.text],) if len(genders) == 1 else ()
        hits.append(suggestion(tok.start, tok.end, RULE, message, *fixes, why=WHY))
    return hits
