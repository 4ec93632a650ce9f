"""Grammar checking as a pipeline stage: backend hits become findings, a few become edits.

Runs after the rule and detector stages (so it checks text they have already repaired and
can merge with what they reported) and before normalisation. Policy lives here, the checker
lives in ``cleaner.grammar``:

* every hit becomes a ``Finding`` with rule id ``GR-<backend>/<rule>`` (select/ignore apply);
* none is applied unless its rule is listed in ``grammar-safe-rules`` and it has exactly one
  suggestion (codespell's rule: apply only when unambiguous); ``--unsafe-fixes`` does not
  apply grammar suggestions, because a checker's opinion is not a rule someone reviewed;
* a hit on a span another stage already reported (an MT rule's ``Kremlins``, say) is merged
  into that finding rather than reported twice.
"""

from __future__ import annotations

from typing import Any, ClassVar

from cleaner.config import Config
from cleaner.document import Document, Replacement
from cleaner.grammar import (
    GrammarBackend,
    GrammarHit,
    GrammarUnavailable,
    build_backend,
    check_cached,
)
from cleaner.model import FixSafety, Level, Stage
from cleaner.stages.base import PipelineStage


def namespace(config: Config) -> str:
    """``GR-harper/`` for the selected backend."""
    return f"GR-{config.grammar}/"


def _wanted(config: Config) -> bool:
    """Whether any grammar rule can survive select/ignore (else skip building the checker)."""
    if config.grammar == "none":
        return False
    ns = namespace(config)
    return config.enabled(ns) or any(p.startswith(ns) for p in config.select)


def _is_safe(rule_id: str, safe: tuple[str, ...]) -> bool:
    """Listed by id or by prefix, as ``select`` does (``GR-harper/MassNouns``)."""
    return any(rule_id.startswith(s) for s in safe)


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    if a_start == a_end or b_start == b_end:
        return a_start == b_start and a_end == b_end
    return a_start < b_end and b_start < a_end


class Grammar(PipelineStage):
    """Report (and, where a newsroom opted in, fix) what the grammar checker finds."""

    name: ClassVar[str] = "grammar"
    makes_edits: bool = False

    def __init__(self, config: Config) -> None:
        super().__init__(config)
        self.backend: GrammarBackend | None = build_backend(config) if _wanted(config) else None
        self.prefix = namespace(config)
        # Instance attribute: only a config with safe grammar rules makes this stage edit, and
        # only then does it take part in the pipeline's convergence rounds.
        self.makes_edits = self.backend is not None and bool(config.grammar_safe_rules)

    def run(self, doc: Document) -> None:
        if self.backend is None or not doc.text.strip():
            return
        if not doc.notes.get("english", True):
            return  # an English grammar checker on Russian text is only noise (LN101 says why)
        try:
            hits = check_cached(self.backend, doc.text)
        except GrammarUnavailable:
            raise  # the backend is gone (a server went away): the file's error, one line
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # a Rust panic surfaces as a BaseException (pyo3)
            # The checker choked on this text: the article is still cleaned, and the finding
            # says it was not grammar-checked rather than pretending it was clean.
            doc.report(
                start=0,
                end=0,
                rule=self.prefix + "check-failed",
                stage=Stage.GRAMMAR,
                level=Level.INFO,
                message=f"grammar checker failed on this text ({type(exc).__name__}); "
                "not grammar-checked",
            )
            return
        others = [f for f in doc.findings if not f.rule.startswith("GR-")]
        fixes: list[tuple[Replacement, GrammarHit]] = []
        for hit in hits:
            rule_id = self.prefix + hit.rule
            if not self.config.enabled(rule_id):
                continue
            if self._merge(hit, rule_id, others):
                continue
            if _is_safe(rule_id, self.config.grammar_safe_rules) and len(hit.suggestions) == 1:
                reason = "grammar rule listed in grammar-safe-rules"
                new = hit.suggestions[0]
                fix = Replacement(hit.start, hit.end, new, rule_id, reason, hit.message)
                fixes.append((fix, hit))
                continue
            self._report(doc, hit, rule_id)
        if fixes:
            kept, clashing = _non_overlapping(fixes)
            for fix, hit in clashing:  # reported, not lost (spans still in the current text)
                self._report(doc, hit, fix.rule)
            doc.apply(Stage.GRAMMAR, kept)

    @staticmethod
    def _merge(hit: GrammarHit, rule_id: str, others: list[Any]) -> bool:
        """Fold ``hit`` into another stage's finding on the same span, if there is one."""
        for f in others:
            if _overlaps(hit.start, hit.end, f.start, f.end):
                note = f"also reported by {rule_id}"
                if note not in f.reason:
                    f.reason = f"{f.reason}; {note}" if f.reason else note
                return True
        return False

    def _report(self, doc: Document, hit: GrammarHit, rule_id: str) -> None:
        doc.report(
            start=hit.start,
            end=hit.end,
            rule=rule_id,
            stage=Stage.GRAMMAR,
            level=Level(hit.level),
            message=hit.message,
            suggestions=hit.suggestions,
            fix=FixSafety.NONE,
            reason=f"{self.config.grammar} {hit.kind.lower()} check",
        )


def _non_overlapping(
    fixes: list[tuple[Replacement, GrammarHit]],
) -> tuple[list[Replacement], list[tuple[Replacement, GrammarHit]]]:
    """(fixes to apply, fixes that clash with an earlier one): the first in the text wins."""
    kept: list[Replacement] = []
    clashing: list[tuple[Replacement, GrammarHit]] = []
    end = -1
    for r, hit in sorted(fixes, key=lambda pair: (pair[0].start, pair[0].end)):
        if r.start >= end and not (kept and r.start == r.end == end):
            kept.append(r)
            end = r.end
        else:
            clashing.append((r, hit))
    return kept, clashing
