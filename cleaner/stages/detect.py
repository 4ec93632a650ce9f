"""Run the translation-damage detectors (cleaner/detectors) as one pipeline stage.

Order is priority: where two detectors claim overlapping text, the earlier one wins (a wrong
first name is more specific than a near miss; a name problem more than a stray capital). The
hits go to ``Document.decide`` as proposals, which drops a hit on a span the rule engine
(which runs first) already reported, or inside a URL, e-mail address, line of code or
``[sic]``, so a listed garble is reported once, by its rule; it applies safe fixes, unsafe
ones only with ``unsafe-fixes``, and reports the rest. Nothing runs on a document the
language stage judged non-English.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from cleaner.config import Config
from cleaner.detectors import (
    Hit,
    Kept,
    confirm,
    echo,
    family_echo,
    first_name,
    foreign_script,
    glue,
    korean_pinyin,
    lone_first_person,
    lone_given,
    lost_verb,
    near_miss,
    possessive,
    postposed_name,
    pronoun,
    spacing,
    stray_caps,
    stray_i,
)
from cleaner.detectors.names import NameIndex
from cleaner.document import Document, Proposal
from cleaner.model import FixSafety, Stage
from cleaner.rules.entity import Entity
from cleaner.rules.rulebook import load_lexicon
from cleaner.stages.base import PipelineStage
from cleaner.textview import TextView, as_view

PREFIXES = ("NE9", "MT9")


def load_entities(config: Config) -> tuple[Entity, ...]:
    """The gazetteer (the rule engine's), or nothing while it is not installed."""
    try:
        from cleaner.rules.gazetteer import load_gazetteer  # type: ignore[import-not-found]
    except ImportError:
        return ()
    return tuple(load_gazetteer(config))


# The rules that read a word as some person's or place's name (NE9xx): the ones a name
# written exactly as the gazetteer has it is closed to (``confirm.known_name_spans``).
NAME_RULES = "NE"


class Detectors(PipelineStage):
    """Finds (and, where safe, fixes) damage that no rule list names."""

    name: ClassVar[str] = "detectors"
    rules = (
        *foreign_script.RULES,
        *confirm.RULES,
        *korean_pinyin.RULES,
        *first_name.RULES,
        *near_miss.RULES,
        *possessive.RULES,
        *lone_given.RULES,
        *family_echo.RULES,
        *pronoun.RULES,
        *stray_i.RULES,
        *lone_first_person.RULES,
        *spacing.RULES,
        *glue.RULES,
        *echo.RULES,
        *stray_caps.RULES,
        *lost_verb.RULES,
        *postposed_name.RULES,
    )

    def __init__(self, config: Config, entities: tuple[Entity, ...] | None = None) -> None:
        super().__init__(config)
        self._entities = entities
        self._index: NameIndex | None = None

    @property
    def index(self) -> NameIndex:
        if self._index is None:
            if self._entities is not None:
                from cleaner.detectors.stored import config_given_names

                self._index = NameIndex.build(self._entities, load_lexicon(self.config))
                self._index.given_names = config_given_names(self.config)
            else:  # the config's gazetteer: its index is kept in the set-up cache
                from cleaner.detectors.stored import name_index

                self._index = name_index(self.config, load_entities(self.config))
        return self._index

    def hits(
        self, text: str | TextView, repaired: Sequence[tuple[str, str, str]] = ()
    ) -> list[Hit]:
        """All detector hits on ``text``, overlaps resolved by detector priority. Every
        detector reads the one view of the text (its tokens, lines and sentences).
        ``repaired``: (entity id, the words replaced, what they became) of each name an
        earlier stage repaired as a safe fix (``Yin Xiyue`` -> Yoon Suk Yeol), which NE906
        reads."""
        index = self.index
        view = as_view(text)
        repairs: list[Hit] = []

        def confirmed() -> list[Hit]:
            hits = confirm.detect(view, index)
            repairs.extend(h for h in hits if h.about and h.fix is FixSafety.SAFE)
            return hits

        runs: list[Callable[[], list[Hit]]] = [
            lambda: foreign_script.detect(view, index),
            # A near miss the article confirms (NE911/NE912) is a repair, so it goes before
            # the findings that would otherwise claim the same words; the pronoun check
            # reads the names it repairs.
            confirmed,
            lambda: first_name.detect(view, index),
            lambda: near_miss.detect(view, index),
            lambda: possessive.detect(view, index),
            lambda: lone_given.detect(view, index),
            lambda: family_echo.detect(view, index, repairs, repaired),
            lambda: pronoun.detect(view, index, repairs),
            lambda: stray_i.detect(view, index),
            lambda: lone_first_person.detect(view),
            lambda: spacing.detect(view, index),
            lambda: glue.detect(view, index),
            lambda: echo.detect(view, index),
            lambda: stray_caps.detect(view, index),
            lambda: lost_verb.detect(view),
            lambda: postposed_name.detect(view, index, known),
        ]
        kept: list[Hit] = []
        taken = Kept()
        # A name written right is nobody's garble: no name rule (NE) reads inside it. Other
        # rules may (MT909 drops the "I" after "Olaf Scholz", its span the surname and "I").
        names = Kept()
        known = confirm.known_names(view, index)
        for start, end in sorted({(start, end) for start, end, _person in known}):
            if not names.overlaps(start, end):
                names.add(start, end)
        for run in runs:
            for hit in run():
                if hit.rule.startswith(NAME_RULES) and names.overlaps(hit.start, hit.end):
                    continue
                if self.config.enabled(hit.rule) and not taken.overlaps(hit.start, hit.end):
                    kept.append(hit)
                    taken.add(hit.start, hit.end)
        return sorted(kept, key=lambda h: (h.start, h.end))

    def run(self, doc: Document) -> None:
        if not doc.notes.get("english", True):
            return
        if not any(_selected(self.config, p) for p in PREFIXES):
            return
        doc.decide(
            Stage.ARTIFACT,
            [
                Proposal(
                    hit.start,
                    hit.end,
                    hit.rule,
                    hit.suggestions[0] if hit.suggestions else None,
                    hit.message,
                    hit.reason,
                    hit.suggestions,
                    hit.level,
                    hit.fix,
                )
                for hit in self.hits(doc.view, _repaired_names(doc))
            ],
        )


def _repaired_names(doc: Document) -> list[tuple[str, str, str]]:
    """(rule id, the words replaced, what they became) of the safe fixes applied so far that
    replaced two words or more: an entity rule's id names the person a garbled name was
    repaired to."""
    return [
        (r.rule, old, r.new)
        for r, old in doc.replaced()
        if r.fix is FixSafety.SAFE and " " in old.strip() and r.rule.startswith("NE")
    ]


def _selected(config: Config, prefix: str) -> bool:
    """Whether any rule under ``prefix`` can be enabled (skip all work when none is)."""
    if not config.select:
        return True
    return any(p.startswith(prefix) or prefix.startswith(p) for p in config.select)
