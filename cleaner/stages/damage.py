"""Damage score (``doc.metadata["damage"]``): how machine-translated and damaged a text looks.

One number per article and per paragraph so a newsroom can sort a folder worst-first (README,
"Damage score"). Points come from what the pipeline found and fixed:

* each finding of a damage rule: error 3, warning 2, info 1 point, times 0.5 for a grammar
  finding and 0.1 for a spelling one (checkers fire on clean text too: house style, names);
* each applied edit of a damage rule: 1 point (fixed, but evidence of a damaged source);

where damage rules are translation artifacts (``MT``), entity problems (``NE``), grammar
(``GR``) and encoding repair (``EN``); normalisation, boilerplate and the language notice are
not damage, and an English grammar checker's findings on a text the language check called
non-English say nothing about damage either. Points per 100 words give the density ``d``;
the score is ``100 * (1 - exp(-d / 10))``: 0 for a clean text, about 63 at 10 points per 100
words (say five warnings in a 100-word paragraph), approaching 100 for text that is mostly
damage. Paragraph scores use the same formula on the paragraph's own points and words.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from typing import Any, ClassVar

import regex

from cleaner.document import Document
from cleaner.model import Level
from cleaner.stages.base import PipelineStage

DAMAGE_PREFIXES = ("MT", "NE", "GR", "EN")
LEVEL_POINTS = {Level.ERROR: 3.0, Level.WARNING: 2.0, Level.INFO: 1.0}
EDIT_POINTS = 1.0
# Grammar checkers also fire on clean professional text (house style, rare words), and a
# spell checker fires on every name it does not know ("Ushakov"), so their findings count
# for less than a translation artifact does.
GRAMMAR_WEIGHT = 0.5
SPELLING_WEIGHT = 0.1
SCALE = 10.0


def score(points: float, words: int) -> float:
    """0-100 damage score for ``points`` over ``words`` (see module docstring)."""
    if words <= 0 or points <= 0:
        return 0.0
    density = 100.0 * points / words
    return round(100.0 * (1.0 - math.exp(-density / SCALE)), 1)


def _is_damage(rule: str) -> bool:
    return rule.startswith(DAMAGE_PREFIXES)


def _weight(rule: str) -> float:
    if not rule.startswith("GR"):
        return 1.0
    return SPELLING_WEIGHT if "spell" in rule.lower() else GRAMMAR_WEIGHT


def _edit_positions(doc: Document) -> list[tuple[int, str]]:
    """Where each applied damage-repairing edit sits in the current text, with its rule."""
    return [(pos, rule) for pos, rule in doc.applied() if _is_damage(rule)]


# Chinese and Japanese are written without spaces, so a paragraph is one "token": count each
# ideograph and kana as a word instead (a character is about a morpheme), or one repaired
# entity in a correct Chinese article would score as damage all over it.
_IDEOGRAPHIC = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
_IDEOGRAPHIC_RUN = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]+")


def _words(text: str, tokens: int) -> int:
    """Words in ``text`` (``tokens`` of them by the text view's definition)."""
    if text.isascii():
        return tokens
    chars = len(_IDEOGRAPHIC.findall(text))
    return tokens + chars - len(_IDEOGRAPHIC_RUN.findall(text)) if chars else tokens


class DamageScore(PipelineStage):
    """Scores the document from its findings and edits; changes nothing."""

    name: ClassVar[str] = "damage"
    makes_edits = False

    def run(self, doc: Document) -> None:
        english = doc.notes.get("english", True)
        marks: list[tuple[int, float, str]] = [
            (f.start, LEVEL_POINTS[f.level] * _weight(f.rule), f.rule)
            for f in doc.findings
            if _is_damage(f.rule) and (english or not f.rule.startswith("GR"))
        ]
        marks += [(pos, EDIT_POINTS, rule) for pos, rule in _edit_positions(doc)]
        view = doc.view
        words = _words(view.text, view.count_words())
        points = sum(p for _, p, _ in marks)
        by_rule: Counter[str] = Counter(rule for _, _, rule in marks)
        paragraphs: list[dict[str, Any]] = []
        # Each paragraph's marks by bisection of the marks in text order, summed in their
        # own order (as a scan of every mark for every paragraph did: quadratic on a large
        # file).
        order = sorted(range(len(marks)), key=lambda i: marks[i][0])
        positions = [marks[i][0] for i in order]
        for unit in view.paragraphs:
            lo = bisect_left(positions, unit.start)
            hi = bisect_left(positions, unit.end + 1)
            p_points = sum(marks[i][1] for i in sorted(order[lo:hi]))
            p_words = _words(
                view.text[unit.start : unit.end], view.count_words(unit.start, unit.end)
            )
            paragraphs.append(
                {
                    "start": unit.start,
                    "end": unit.end,
                    "line": view.line_of(unit.start) + 1,
                    "words": p_words,
                    "points": round(p_points, 2),
                    "score": score(p_points, p_words),
                }
            )
        doc.metadata["damage"] = {
            "score": score(points, words),
            "points": round(points, 2),
            "words": words,
            "per_100_words": round(100.0 * points / words, 2) if words else 0.0,
            "by_rule": dict(sorted(by_rule.items())),
            "paragraphs": paragraphs,
        }
