"""Run each rule's own examples: ``tests`` (``in`` must become ``out``) and ``allows`` (texts
it must leave alone). The CLI (``cleaner rules test``) and the pytest suite both use this, so a
rule whose example fails is a failing test, whatever its type.

A rule is tested alone with normalisation on: ``in`` is cleaned with only the rule, ``NM`` and
``EN`` selected, ``out`` with only ``NM`` and ``EN`` (so examples need not spell out the
canonical form). Unsafe fixes are applied when testing (the example shows what the fix does),
and a ``tests`` example must make the rule fire (an edit or a finding), so an example whose
``out`` equals its ``in`` still tests something.
"""

from __future__ import annotations

from dataclasses import dataclass

from cleaner.config import Config
from cleaner.model import CleanResult
from cleaner.rules.loader import RuleExample, RuleSpec

CORE = ("NM", "EN")


@dataclass(frozen=True, slots=True)
class ExampleFailure:
    """One failing example, printable as ``path:LINE: RULE: problem``."""

    rule: str
    path: str
    line: int
    problem: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.rule}: {self.problem}"


def _fired(result: CleanResult, rule_id: str) -> bool:
    return any(e.rule == rule_id for e in result.edits) or any(
        f.rule == rule_id for f in result.findings
    )


def check_rule(rule: RuleSpec, base: Config | None = None) -> list[ExampleFailure]:
    """Every failing example of ``rule`` (a rule with no examples fails too)."""
    from cleaner.pipeline import clean_text

    base = base or Config()
    alone = Config(
        select=(rule.id, *CORE),
        unsafe_fixes=True,
        extend_rules=base.extend_rules,
        source=base.source,
    )
    core = Config(select=CORE, extend_rules=base.extend_rules, source=base.source)
    failures: list[ExampleFailure] = []

    def fail(example: RuleExample, problem: str) -> None:
        failures.append(ExampleFailure(rule.id, rule.path, example.line, problem))

    if not rule.tests and not rule.allows:
        failures.append(
            ExampleFailure(rule.id, rule.path, rule.line, "no examples (add 'tests' and 'allows')")
        )
    for example in rule.tests:
        got = clean_text(example.text_in, alone)
        want = clean_text(example.text_out, core).text
        if got.text != want:
            fail(example, f"example {example.text_in!r} gave {got.text!r}, expected {want!r}")
        elif not _fired(got, rule.id):
            fail(example, f"example {example.text_in!r}: the rule did not fire")
    for example in rule.allows:
        got = clean_text(example.text_in, alone)
        if _fired(got, rule.id):
            fired = [e.old for e in got.edits if e.rule == rule.id] + [
                f.text for f in got.findings if f.rule == rule.id
            ]
            fail(example, f"allowed text {example.text_in!r} was flagged or changed at {fired}")
    return failures
