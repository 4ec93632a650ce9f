"""The one core API: ``clean_text(text, config) -> CleanResult``.

The CLI, the pre-commit hook and the review report all call this; nothing else decides what
clean text is. Stages are built once per config and reused, because some (rule matchers, the
grammar checker) are expensive to set up and cheap to run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import lru_cache, partial
from pathlib import Path

import regex

from cleaner.config import Config
from cleaner.document import Document, Policy, Review
from cleaner.errors import RuleFileError
from cleaner.grammar import build_ahead
from cleaner.model import CleanResult, FixSafety, Level
from cleaner.reader import READER_RULES, Decoded, decoding_finding
from cleaner.registry import Registry, RuleRecord
from cleaner.resources import rule_folders
from cleaner.rules import regexes as rule_regex
from cleaner.rules.loader import Amendment
from cleaner.rules.rulebook import RuleBook
from cleaner.stages.base import PipelineStage
from cleaner.stages.boilerplate import Boilerplate
from cleaner.stages.damage import DamageScore
from cleaner.stages.detect import Detectors
from cleaner.stages.encoding import EncodingRepair
from cleaner.stages.grammar import Grammar
from cleaner.stages.language import LanguageCheck, permits_all
from cleaner.stages.metadata import Metadata
from cleaner.stages.normalise import Normalise
from cleaner.stages.rules import RuleFixes
from cleaner.textview import TextView

# The order is the data flow: repair encoding -> segment -> strip boilerplate -> detect ->
# fix -> normalise. Segmentation is a pure function (``cleaner.segment``) that each stage
# calls on the text it sees, so no stage works from a stale paragraph map.
STAGES: tuple[type[PipelineStage], ...] = (
    EncodingRepair,
    LanguageCheck,
    # Metadata reads every line before boilerplate stripping removes bylines and date lines.
    Metadata,
    Boilerplate,
    # Normalise twice: here, so rules and detectors see canonical text (quotes, spaces,
    # joined wraps), and last, to tidy what they changed. The last pass then rarely edits,
    # so the convergence check need not re-run the detectors, the costliest stage.
    Normalise,
    RuleFixes,
    Detectors,
    Grammar,
    Normalise,
    DamageScore,
)


# Rounds of the convergence check (see ``Pipeline.run``); two were always enough in the
# property tests, the third is headroom.
MAX_ROUNDS = 3


def code_rules() -> tuple[RuleRecord, ...]:
    """The records of every code the stages' Python emits (the rule files add theirs), and
    the reader's (a guessed encoding, EN100, is a finding on the file)."""
    return (*(record for stage in STAGES for record in stage.rules), *READER_RULES)


_REGISTRIES: dict[tuple[Path, ...], Registry] = {}


def registry(config: Config) -> Registry:
    """Every rule code a pipeline for ``config`` can emit: code rules and rule-file rules
    (built once per set of rule folders)."""
    from cleaner.rules.rulebook import rule_book

    folders = rule_folders(config)
    found = _REGISTRIES.get(folders)
    if found is None:
        code = Registry(code_rules())
        book = rule_book(config)
        for rule_id in book.ids:
            taken = code.get(rule_id)
            if taken is not None:
                rule = book.rule(rule_id)
                # Two rules under one code could not be selected, explained or tested apart.
                raise RuleFileError(
                    rule.path,
                    rule.line,
                    f"{rule.id}: the code belongs to a built-in rule ({taken.code} "
                    f"{taken.name}, {taken.origin}); give this rule another id",
                )
        amendments = list(book.amendments)
        # A rule's record is made when it is first looked up (most never are in a run),
        # unless an ``amend`` entry names it: those are amended here.
        named = {a.id for a in amendments}
        records = [*code_rules(), *(book.rule(i).record() for i in book.ids if i in named)]
        later = {i: partial(_record, book, i) for i in book.ids if i not in named}
        found = Registry(amended(records, amendments, later.keys()), later)
        _REGISTRIES[folders] = found
    return found


def _record(book: RuleBook, rule_id: str) -> RuleRecord:
    return book.rule(rule_id).record()


def forget_rules() -> None:
    """Drop every rule set, gazetteer, registry and pipeline built so far: a rule file
    changed under this process (``cleaner review learn`` checks the file it just wrote)."""
    from cleaner.rules.gazetteer import forget_gazetteers
    from cleaner.rules.rulebook import forget_rule_files

    forget_rule_files()
    forget_gazetteers()
    _REGISTRIES.clear()
    _pipeline.cache_clear()


def unknown_amendments(
    records: list[RuleRecord], amendments: list[Amendment], others: Iterable[str] = ()
) -> list[RuleFileError]:
    """An error for each ``amend`` entry that names no rule (``cleaner rules check``).
    ``others``: more codes that exist (records not made yet)."""
    codes = {r.code for r in records if not r.family} | set(others)
    families = [r.code for r in records if r.family]
    return [
        RuleFileError(a.path, a.line, f"amend {a.id}: no rule has this code (`cleaner rules list`)")
        for a in amendments
        if a.id not in codes and not a.id.startswith(tuple(families))
    ]


def amended(
    records: list[RuleRecord], amendments: list[Amendment], others: Iterable[str] = ()
) -> list[RuleRecord]:
    """``records`` with the rule files' ``amend`` entries for code rules added to their
    lists (a rule file rule's amendments were merged when it was loaded). A member of a
    family (``GR-harper/SpellCheck``) gets a record of its own to carry them. An entry naming
    no code is a rule-file error."""
    problems = unknown_amendments(records, amendments, others)
    if problems:
        raise problems[0]
    out = list(records)
    at = {r.code: i for i, r in enumerate(out) if not r.family}
    families = [r for r in out if r.family]
    for a in amendments:
        i = at.get(a.id)
        if i is None:
            family = next(f for f in families if a.id.startswith(f.code))
            member = replace(
                family, code=a.id, family=False, members=None, tests=(), allows=(), exceptions=()
            )
            out.append(member)
            i = at[a.id] = len(out) - 1
        r = out[i]
        out[i] = replace(
            r,
            exceptions=r.exceptions + a.exceptions,
            tests=r.tests + a.tests,
            allows=r.allows + a.allows,
        )
    return out


def check_config(config: Config) -> Registry:
    """Refuse rule codes the registry does not know, wherever the config names them (one
    line, before any file is touched), and return the registry."""
    known = registry(config)
    known.check_selectors(config.select, "select")
    known.check_selectors(config.ignore, "ignore")
    for glob, rules in config.per_path_ignores:
        known.check_selectors(rules, f"per-path-ignores '{glob}'")
    known.check_selectors(config.grammar_safe_rules, "grammar-safe-rules")
    return known


def policy(config: Config, known: Registry) -> Policy:
    """What ``Document.decide`` needs, with per-rule answers memoised (decide asks for every
    proposal, and an article has hundreds)."""
    enabled: dict[str, bool] = {}
    defaults: dict[str, tuple[Level, FixSafety] | None] = {}

    def is_enabled(rule: str) -> bool:
        found = enabled.get(rule)
        if found is None:
            found = enabled[rule] = config.enabled(rule)
        return found

    def default(rule: str) -> tuple[Level, FixSafety] | None:
        if rule not in defaults:
            record = known.get(rule)
            defaults[rule] = (record.level, record.fix) if record else None
        return defaults[rule]

    compiled: dict[str, tuple[regex.Pattern[str], ...]] = {}

    def excepted(rule: str, text: str, start: int, end: int) -> bool:
        patterns = compiled.get(rule)
        if patterns is None:
            record = known.records.get(rule)
            patterns = compiled[rule] = tuple(
                regex.compile(p) for p in (record.exceptions if record else ())
            )
        return bool(patterns) and rule_regex.excepted(patterns, text, start, end, rule)

    return Policy(is_enabled, config.unsafe_fixes, default, excepted)


class Pipeline:
    """An ordered list of stages built for one config."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.registry = check_config(config)
        self.policy = policy(config, self.registry)
        self.stages = [stage(config) for stage in STAGES]
        self.editing = [s for s in self.stages if s.makes_edits]
        # Stages that start slow set-up ahead of need (``PipelineStage.expect``), told once
        # the language check has run.
        self.expecting = [s for s in self.stages if type(s).expect is not PipelineStage.expect]
        self.expect_after = STAGES.index(LanguageCheck)
        # And those told when an article is done (``PipelineStage.settled``).
        self.settling = [s for s in self.stages if type(s).settled is not PipelineStage.settled]

    def run(self, text: str, review: Review | None = None) -> CleanResult:
        """Run every stage, then re-run the editing stages until they change nothing.

        Stages interact: removing a soft hyphen can expose mojibake that ftfy repairs, and
        joining a hard wrap can complete a phrase a rule fixes. Rather than hope each pair of
        stages commutes, the pipeline checks its own output and absorbs any further edits,
        which is what makes ``clean_text`` idempotent by construction. Findings come from
        the first round only (later rounds would repeat them).

        The check re-runs only stages whose verdict could differ (see ``_Readings``): a
        stage that already read the current text (or its own idempotent output) as it reads
        it now would propose nothing. That halves the cost of the common article, where the
        normaliser (idempotent, last) is the only stage that edits, mostly blank lines.
        """
        policy = self.policy if review is None else replace(self.policy, review=review)
        doc = Document(text, policy=policy)
        readings = _Readings(trust=review is None)
        for i, stage in enumerate(self.stages):
            before = doc.batches
            stage.run(doc)
            readings.ran(stage, doc, before)
            if i == self.expect_after:
                for waiting in self.expecting:
                    waiting.expect(doc)
        for _ in range(MAX_ROUNDS - 1):
            # Built first, so that the test and the round read one view of the text.
            check = Document(doc.text, policy=policy, origin=_origin(doc))
            # Shared first: a stage's ``reads_same`` reads and fills it, as its run would.
            check.memo = doc.memo
            if not any(readings.stale(s, check) for s in self.editing if not s.informs_only):
                break
            for i, stage in enumerate(self.editing):
                # Asked at each stage, not once per round: an edit earlier in this round
                # makes the stages after it stale again, as running them all would.
                if not readings.stale(stage, check):
                    continue
                # A stage that only sets notes matters to the stages after it alone. None
                # that is not stale now can become so later in the round without an edit
                # after this point, and an edit makes this stage stale again anyway.
                if stage.informs_only and not any(
                    readings.stale(later, check) for later in self.editing[i + 1 :]
                ):
                    continue
                before = check.batches
                stage.run(check)
                readings.ran(stage, check, before)
            if doc.absorb(check) == 0:
                break
        for stage in self.settling:
            stage.settled(doc)
        return doc.result()


def _origin(doc: Document) -> Callable[[int, bool], int]:
    """Positions of ``doc``'s current text mapped to the article as read."""
    return lambda pos, is_end: doc.to_original(pos, is_end=is_end)


class _Readings:
    """What each stage last read, so that the convergence check re-runs only the stages
    whose verdict could differ.

    A stage is a function of the text it reads and the notes it is given, so after a run
    that left the text as it was (or, for a stage that declares ``idempotent = True``, on its
    own output) it proposes nothing on a text it reads the same way (``same_input``: by
    default the very text; encoding repair reads lines, boilerplate stripping paragraphs).
    One reading per class: the pipeline builds every stage from one config, so the
    normaliser's first and last passes are one function, and what the last one read answers
    for the first. Notes: a reading of the very text holds whatever notes it was made
    with (no stage changed the text after it, so the pass's language verdict stands). Of
    another text it holds only if those notes permitted everything: the language note only
    ever switches work off (``language.permits_all``), but a text called foreign may be
    called English now. ``trust``: False when a reviewer's verdicts are in play (pinned to
    offsets, which blank lines move), and then only the very text counts.
    """

    def __init__(self, trust: bool = True) -> None:
        self.trust = trust
        # The text each class last read without leaving work for a re-run, and whether the
        # notes it saw permitted everything.
        self.read: dict[type[PipelineStage], tuple[TextView, bool]] = {}
        # Each class's last ``same_input`` answer, with the reading and the view it was
        # about: a round asks again about the same pair (before it and at each stage).
        self.asked: dict[type[PipelineStage], tuple[tuple[TextView, bool], TextView, bool]] = {}

    def ran(self, stage: PipelineStage, doc: Document, before: int) -> None:
        """Record what ``stage`` read; ``before``: ``doc.batches`` when it started."""
        if doc.batches != before and not stage.idempotent:
            self.read.pop(type(stage), None)  # it edited: its own output may hold more work
            return
        # The view's derived facts (lines, paragraphs) only for a stage whose ``same_input``
        # reads them: for the others the text is all, and a large file's views of earlier
        # versions would outlive them (2 MB of text: 22 MB more at the peak).
        reads_part = type(stage).same_input is not PipelineStage.same_input
        view = doc.view if reads_part else TextView(doc.text)
        self.read[type(stage)] = (view, permits_all(doc.notes))

    def stale(self, stage: PipelineStage, doc: Document) -> bool:
        """Whether ``stage`` could propose something on ``doc`` as it now reads."""
        read = self.read.get(type(stage))
        if read is None:
            return True
        view, saw_all = read
        now = doc.view
        if view.text == now.text:
            return False
        if not (saw_all and self.trust):
            return True
        asked = self.asked.get(type(stage))
        if asked is not None and asked[0] is read and asked[1] is now:
            return asked[2]
        stale = not stage.reads_same(view, now, doc.memo)
        self.asked[type(stage)] = (read, now, stale)
        return stale


def get_pipeline(config: Config) -> Pipeline:
    """The pipeline for ``config``, built on first use and kept for the process.

    Kept by the config and, when it extends the rules, by the folders its entries name:
    ``Config`` equality ignores ``source``, yet a relative ``extend-rules`` entry names a
    different folder for each config file, so two newsrooms' configs in one process
    (a service, a notebook) must not share the first one's pipeline. ``load_config``
    already makes the entries absolute; this covers configs built in code."""
    folders = rule_folders(config) if config.extend_rules else ()
    return _pipeline(config, folders)


@lru_cache(maxsize=8)
def _pipeline(config: Config, folders: tuple[Path, ...]) -> Pipeline:
    return Pipeline(config)


def clean_text(
    text: str, config: Config | None = None, review: Review | None = None
) -> CleanResult:
    """Clean one article's text.

    Never modifies anything but its return value. ``restore(result)`` gives ``text`` back
    exactly, and ``clean_text(result.text)`` makes no edits. ``review``: a reviewer's
    verdicts on this article (``cleaner review apply``), which the decide step honours.
    """
    if not isinstance(text, str):
        raise TypeError(f"clean_text expects str, not {type(text).__name__}; decode bytes first")
    config = config or Config()
    # The first article of a process: Harper's dictionary builds while the pipeline is set up.
    build_ahead(config, text)
    return get_pipeline(config).run(text, review)


def clean_decoded(
    decoded: Decoded, config: Config | None = None, review: Review | None = None
) -> CleanResult:
    """``clean_text`` on a file's decoded text, plus what reading it said about the file: a
    guessed legacy encoding is a finding (``EN100``) at its start, so ``check``, the report
    and the sidecar show it, not only a ``note:`` line."""
    config = config or Config()
    result = clean_text(decoded.text, config, review)
    finding = decoding_finding(decoded)
    if finding is not None and config.enabled(finding.rule):
        result.findings.insert(0, finding)
    return result
