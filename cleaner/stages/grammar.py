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

from typing import ClassVar

from cleaner.config import Config
from cleaner.document import Document, Proposal
from cleaner.grammar import (
    GrammarBackend,
    GrammarUnavailable,
    build_backend,
    check_cached,
    input_key,
    namespace,
    wanted,
)
from cleaner.model import FixSafety, Level, Stage
from cleaner.registry import RuleExample, RuleRecord, examples
from cleaner.stages.base import PipelineStage


def _is_safe(rule_id: str, safe: tuple[str, ...]) -> bool:
    """Listed by id or by prefix, as ``select`` does (``GR-harper/MassNouns``)."""
    return any(rule_id.startswith(s) for s in safe)


def harper_rules() -> tuple[str, ...]:
    """Every rule name Harper can report (its lint configuration lists them, offline).

    harper-py answers by building Harper's curated dictionary, the whole cost of a first
    ``Linter`` (0.65 s of CPU). Every command validates a config or option that names a
    Harper rule (``ignore = ["GR-harper/SpellCheck"]``, ``grammar-safe-rules``) against
    this list, so each such run paid it, warm ones and ``--grammar none`` included (issue
    17: 0.3 s -> 1.0 s of CPU for a warm check). The list depends on harper-py's version
    alone, so it is kept in the set-up store by that version (and cleaner's code and the
    installed packages, as every stored set-up is: ``memo_on_disk``)."""
    from cleaner.cache.keys import installed_version

    version = installed_version("harper-py")
    if version is None:
        names = _harper_rule_names()
    else:
        from cleaner.cache.memo import memo_on_disk

        names = memo_on_disk("harper-rules", [version], _harper_rule_names, keep=bool)
        if not (isinstance(names, tuple) and all(type(n) is str and n for n in names)):
            names = _harper_rule_names()  # not what this code stores
    return (*names, "check-failed") if names else ()


def _harper_rule_names() -> tuple[str, ...]:
    try:
        import harper
    except ImportError:
        return ()
    return tuple(sorted(harper.get_default_lint_config()))


_FAMILY_WHY = (
    "Hits of the grammar checker become findings with the checker's own rule name under "
    "this prefix; none is applied unless its rule is listed in 'grammar-safe-rules' and it "
    "has exactly one suggestion ('--unsafe-fixes' does not apply a checker's guesses). "
    "Grammar, agreement and misspelt lower-case words are warnings; style, typography and "
    "unknown capitalised words (usually names) are info. 'check-failed' says the checker "
    "could not check a text (the text is still cleaned)."
)

RULES = (
    RuleRecord(
        "GR-harper/",
        "harper",
        Stage.GRAMMAR,
        Level.WARNING,
        FixSafety.NONE,
        "grammar checker (Harper) finding",
        "Harper, in-process and offline. " + _FAMILY_WHY,
        examples(("He have a car.", "He have a car.\n")),
        family=True,
        members=harper_rules,
        origin=__name__,
    ),
    RuleRecord(
        "GR-languagetool/",
        "languagetool",
        Stage.GRAMMAR,
        Level.WARNING,
        FixSafety.NONE,
        "grammar checker (LanguageTool) finding",
        "LanguageTool, through a server or an installed copy ('grammar = \"languagetool\"'); "
        "its rule names come from the server. " + _FAMILY_WHY,
        (
            RuleExample(
                "She recieved the letter.",
                "She recieved the letter.\n",
                options=(("grammar", "languagetool"),),
            ),
        ),
        family=True,
        origin=__name__,
    ),
)


class Grammar(PipelineStage):
    """Report (and, where a newsroom opted in, fix) what the grammar checker finds."""

    name: ClassVar[str] = "grammar"
    rules = RULES
    makes_edits: bool = False

    def __init__(self, config: Config) -> None:
        super().__init__(config)
        self.backend: GrammarBackend | None = build_backend(config) if wanted(config) else None
        self.prefix = namespace(config)
        # Instance attribute: only a config with safe grammar rules makes this stage edit, and
        # only then does it take part in the pipeline's convergence rounds.
        self.makes_edits = self.backend is not None and bool(config.grammar_safe_rules)

    def expect(self, doc: Document) -> None:
        """Start building the checker (Harper) in the background for an article it will
        check whose result an earlier run did not store (``cleaner.grammar.cache``)."""
        backend = self.backend
        prefetch = getattr(backend, "prefetch", None)
        if prefetch is None or not doc.text.strip() or not doc.notes.get("english", True):
            return
        if backend.persistent:  # type: ignore[union-attr]
            from cleaner.grammar import cache

            key = input_key(backend, doc.original)  # type: ignore[arg-type]
            doc.notes["grammar-article-key"] = key
            if cache.expected(key):
                return
        prefetch()

    def settled(self, doc: Document) -> None:
        """The article's output is expected in the cache too, when it is the text the
        checker was given: ``cleaner fix`` writes it, and the pre-commit hook then checks
        the fixed file, on which no stage edits (``clean_text`` is idempotent), so the
        checker gets that same text. Keyed only by the article as read, that check started
        building a linter it never used: 0.6 s of CPU in the background of a run answered
        from the cache (issue 17). When a stage after the checker changed the text, the
        next run needs the linter and the hint stays unwritten."""
        if doc.notes.get("grammar-checked-text") == doc.text != doc.original:
            from cleaner.grammar import cache

            cache.mark_expected(input_key(self.backend, doc.text))  # type: ignore[arg-type]

    def run(self, doc: Document) -> None:
        if self.backend is None or not doc.text.strip():
            return
        if not doc.notes.get("english", True):
            return  # an English grammar checker on Russian text is only noise (LN101 says why)
        try:
            hits = check_cached(self.backend, doc.text)
            article = doc.notes.get("grammar-article-key")
            if article is not None:
                from cleaner.grammar import cache

                cache.mark_expected(article)
                doc.notes["grammar-checked-text"] = doc.text
        except GrammarUnavailable:
            raise  # the backend is gone (a server went away): the file's error, one line
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # a Rust panic surfaces as a BaseException (pyo3)
            # The checker choked on this text: the article is still cleaned, and the finding
            # says it was not grammar-checked rather than pretending it was clean.
            message = (
                f"grammar checker failed on this text ({type(exc).__name__}); not grammar-checked"
            )
            failed = Proposal(0, 0, self.prefix + "check-failed", message=message, level=Level.INFO)
            doc.decide(Stage.GRAMMAR, [failed])
            return
        reason = f"{self.config.grammar} " + "{} check"
        safe_rules = self.config.grammar_safe_rules
        proposals: list[Proposal] = []
        # First in the text first: where two fixes clash, ``decide`` keeps the earlier one
        # and reports the other.
        for hit in sorted(hits, key=lambda h: (h.start, h.end)):
            rule_id = self.prefix + hit.rule
            safe = _is_safe(rule_id, safe_rules) and len(hit.suggestions) == 1
            proposals.append(
                Proposal(
                    hit.start,
                    hit.end,
                    rule_id,
                    hit.suggestions[0] if safe else None,
                    hit.message,
                    "grammar rule listed in grammar-safe-rules"
                    if safe
                    else reason.format(hit.kind.lower()),
                    hit.suggestions,
                    Level(hit.level),
                    FixSafety.SAFE if safe else FixSafety.NONE,
                )
            )
        doc.decide(Stage.GRAMMAR, proposals)
