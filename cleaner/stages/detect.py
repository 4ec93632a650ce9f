"""Run the translation-damage detectors (cleaner/detectors) as one pipeline stage.

Order is priority: where two detectors claim overlapping text, the earlier one wins (a wrong
first name is more specific than a near miss; a name problem more than a stray capital). A
hit that overlaps a finding already reported (by the rule engine, which runs first), or a
URL or e-mail address, is dropped, so a listed garble is reported once, by its rule. Safe
fixes are applied; unsafe ones only with ``config.unsafe_fixes``; the rest become findings.
Nothing runs on a document the language stage judged non-English.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from cleaner.config import Config
from cleaner.detectors import (
    Hit,
    echo,
    first_name,
    foreign_script,
    near_miss,
    possessive,
    pronoun,
    spacing,
    stray_caps,
)
from cleaner.detectors.names import NameIndex
from cleaner.detectors.text import protected_spans, tokens
from cleaner.document import Document, Replacement
from cleaner.model import FixSafety, Stage
from cleaner.rules.entity import Entity
from cleaner.stages.base import PipelineStage

PREFIXES = ("NE9", "MT9")


def load_entities(config: Config) -> tuple[Entity, ...]:
    """The gazetteer (the rule engine's), or nothing while it is not installed."""
    try:
        from cleaner.rules.gazetteer import load_gazetteer  # type: ignore[import-not-found]
    except ImportError:
        return ()
    return tuple(load_gazetteer(config))


class Detectors(PipelineStage):
    """Finds (and, where safe, fixes) damage that no rule list names."""

    name: ClassVar[str] = "detectors"

    def __init__(self, config: Config, entities: tuple[Entity, ...] | None = None) -> None:
        super().__init__(config)
        self._entities = entities
        self._index: NameIndex | None = None

    @property
    def index(self) -> NameIndex:
        if self._index is None:
            entities = self._entities if self._entities is not None else load_entities(self.config)
            self._index = NameIndex.build(entities)
        return self._index

    def hits(self, text: str) -> list[Hit]:
        """All detector hits on ``text``, overlaps resolved by detector priority."""
        index = self.index
        toks = tokens(text)
        runs: list[Callable[[], list[Hit]]] = [
            lambda: foreign_script.detect(text),
            lambda: first_name.detect(text, index, toks),
            lambda: near_miss.detect(text, index, toks),
            lambda: possessive.detect(text, index, toks),
            lambda: pronoun.detect(text, index, toks),
            lambda: spacing.detect(text, index, toks),
            lambda: echo.detect(text, toks),
            lambda: stray_caps.detect(text, index, toks),
        ]
        kept: list[Hit] = []
        for run in runs:
            for hit in run():
                if self.config.enabled(hit.rule) and not _overlaps(hit, kept):
                    kept.append(hit)
        return sorted(kept, key=lambda h: (h.start, h.end))

    def run(self, doc: Document) -> None:
        if not doc.notes.get("english", True):
            return
        if not any(_selected(self.config, p) for p in PREFIXES):
            return
        existing = [(f.start, f.end) for f in doc.findings] + protected_spans(doc.text)
        fixes: list[Replacement] = []
        for hit in self.hits(doc.text):
            if any(hit.start < e and s < hit.end for s, e in existing):
                continue
            if hit.suggestions and (
                hit.fix is FixSafety.SAFE
                or (hit.fix is FixSafety.UNSAFE and self.config.unsafe_fixes)
            ):
                fixes.append(
                    Replacement(
                        hit.start, hit.end, hit.suggestions[0], hit.rule, hit.reason, hit.message
                    )
                )
                continue
            doc.report(
                start=hit.start,
                end=hit.end,
                rule=hit.rule,
                stage=Stage.ARTIFACT,
                level=hit.level,
                message=hit.message,
                suggestions=hit.suggestions,
                fix=hit.fix,
                reason=hit.reason,
            )
        doc.apply(Stage.ARTIFACT, fixes)


def _selected(config: Config, prefix: str) -> bool:
    """Whether any rule under ``prefix`` can be enabled (skip all work when none is)."""
    if not config.select:
        return True
    return any(p.startswith(prefix) or prefix.startswith(p) for p in config.select)


def _overlaps(hit: Hit, kept: list[Hit]) -> bool:
    return any(hit.start < k.end and k.start < hit.end for k in kept)
