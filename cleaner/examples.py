"""Run each rule's own examples: ``tests`` (``in`` must become ``out``) and ``allows`` (texts
it must leave alone). ``cleaner rules test`` and the pytest suite both use this, over every
record of the registry, YAML rule or code rule alike, so a rule whose example fails is a
failing test, and a rule with no example that fires fails too.

A rule is tested alone with normalisation on: ``in`` is cleaned with only the rule, ``NM`` and
``EN`` selected, ``out`` with only ``NM`` and ``EN`` (so examples need not spell out the
canonical form). Unsafe fixes are applied when testing (the example shows what the fix does),
and a ``tests`` example must make the rule fire (an edit or a finding), so an example whose
``out`` equals its ``in`` still tests something (a rule that only lifts metadata fires by
lifting it). An example's ``options`` (config settings) apply to both sides.

This sits above the pipeline (it runs ``clean_text``), not in ``cleaner.rules``, which the
pipeline's stages import.
"""

from __future__ import annotations

from dataclasses import dataclass

from cleaner.config import Config
from cleaner.errors import CleanerError
from cleaner.model import CleanResult
from cleaner.pipeline import clean_text
from cleaner.registry import RuleExample, RuleRecord

CORE = ("NM", "EN")


@dataclass(frozen=True, slots=True)
class ExampleFailure:
    """One failing example, printable as ``origin:LINE: RULE: problem``."""

    rule: str
    origin: str
    line: int
    problem: str

    def __str__(self) -> str:
        where = self.origin.rsplit(":", 1)[0] if self.line else self.origin
        return (
            f"{where}:{self.line}: {self.rule}: {self.problem}"
            if self.line
            else (f"{where}: {self.rule}: {self.problem}")
        )


def _fired(result: CleanResult, rule_id: str, family: bool) -> bool:
    def match(code: str) -> bool:
        return code.startswith(rule_id) if family else code == rule_id

    return any(match(e.rule) for e in result.edits) or any(match(f.rule) for f in result.findings)


def _configs(record: RuleRecord, example: RuleExample, base: Config) -> tuple[Config, Config]:
    """The rule alone (plus the core) with unsafe fixes on, and the core alone."""
    common = {"extend_rules": base.extend_rules, "source": base.source}
    common["languagetool_url"] = base.languagetool_url
    options = dict(example.options)
    alone = Config(select=(record.code, *CORE), unsafe_fixes=True, **common).replace(**options)
    core = Config(select=CORE, **common).replace(**options)
    return alone, core


def unavailable(record: RuleRecord, base: Config | None = None) -> str | None:
    """Why the rule's examples cannot run here (a grammar backend that is not installed or
    not reachable), or ``None``."""
    if not record.family or not record.tests:
        return None
    from cleaner.grammar import preflight

    alone, _ = _configs(record, record.tests[0], base or Config())
    try:
        preflight(alone)
    except CleanerError as exc:
        return str(exc)
    return None


def _clean(example: RuleExample, config: Config) -> CleanResult:
    """The example cleaned: its text, or its bytes read as a file is read."""
    if example.data is None:
        return clean_text(example.text_in, config)
    from cleaner.pipeline import clean_decoded
    from cleaner.reader import decode_bytes

    return clean_decoded(decode_bytes(example.data), config)


def check_rule(record: RuleRecord, base: Config | None = None) -> list[ExampleFailure]:
    """Every failing example of ``record``; a rule without a ``tests`` example that fires
    fails too (an ``allows``-only rule tests nothing it does)."""
    base = base or Config()
    failures: list[ExampleFailure] = []
    path, line0 = record.origin, 0
    if record.kind != "code":  # a rule file: origin is path:LINE
        head, _, tail = record.origin.rpartition(":")
        path, line0 = head, int(tail)

    def fail(example: RuleExample | None, problem: str) -> None:
        if example is not None and example.where:  # written in an ``amend`` entry elsewhere
            where, _, at = example.where.rpartition(":")
            failures.append(ExampleFailure(record.code, where, int(at), problem))
            return
        line = example.line if example is not None and example.line else line0
        failures.append(ExampleFailure(record.code, path, line, problem))

    if not record.tests:
        fail(None, "no 'tests' example that makes the rule fire (add one; 'allows' are not enough)")
    for example in record.tests:
        alone, core = _configs(record, example, base)
        got = _clean(example, alone)
        want = clean_text(example.text_out, core).text
        if got.text != want:
            fail(example, f"example {example.text_in!r} gave {got.text!r}, expected {want!r}")
        elif not _fired(got, record.code, record.family) and (
            record.emits or got.metadata == clean_text(example.text_in, core).metadata
        ):
            fail(example, f"example {example.text_in!r}: the rule did not fire")
    for example in record.allows:
        alone, _ = _configs(record, example, base)
        got = _clean(example, alone)
        if _fired(got, record.code, record.family):
            fired = [e.old for e in got.edits if e.rule == record.code] + [
                f.text for f in got.findings if f.rule == record.code
            ]
            fail(example, f"allowed text {example.text_in!r} was flagged or changed at {fired}")
    return failures
