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


def _selector(rules: list[RuleSpec], base: Config) -> tuple[str, ...]:
    """``select`` entries that enable exactly ``rules``: their ids' common prefix when no
    other rule has it (``NE-Q`` for the imported entities), else every id. A select list of
    thousands of ids would make each ``Config.enabled`` call a scan of all of them."""
    ids = sorted(r.id for r in rules)
    prefix = ids[0]
    for rule_id in ids[1:]:
        while not rule_id.startswith(prefix):
            prefix = prefix[:-1]
    if len(ids) > 1 and len(prefix) >= 2:
        from cleaner.rules.rulebook import load_rules

        others = {r.id for r in load_rules(base) if r.id.startswith(prefix)} - set(ids)
        if not others:
            return (prefix,)
    return tuple(ids)


def _alone_config(rule: RuleSpec, base: Config) -> Config:
    return Config(
        select=(rule.id, *CORE),
        unsafe_fixes=True,
        extend_rules=base.extend_rules,
        source=base.source,
    )


def check_rule(rule: RuleSpec, base: Config | None = None) -> list[ExampleFailure]:
    """Every failing example of ``rule`` (a rule with no examples fails too)."""
    return check_rules([rule], base)


def check_rules(rules: list[RuleSpec], base: Config | None = None) -> list[ExampleFailure]:
    """Every failing example of ``rules``, run with all of them selected at once.

    One rule alone is the strict test (``check_rule``); a batch shares one pipeline, which
    is what makes thousands of imported entities testable in seconds rather than a minute
    (building a pipeline per rule was most of the cost). In a batch each example must still
    come out as written and make its own rule fire, and an ``allows`` text must make none
    of the batch fire: a name that one entity protects and another "repairs" fails here.
    """
    from cleaner.pipeline import clean_text

    if not rules:
        return []
    base = base or Config()
    alone = (
        _alone_config(rules[0], base)
        if len(rules) == 1
        else Config(
            select=(*_selector(rules, base), *CORE),
            unsafe_fixes=True,
            extend_rules=base.extend_rules,
            source=base.source,
        )
    )
    core = Config(select=CORE, extend_rules=base.extend_rules, source=base.source)
    ids = {r.id for r in rules}
    failures: list[ExampleFailure] = []

    for rule in rules:

        def fail(example: RuleExample, problem: str, rule: RuleSpec = rule) -> None:
            failures.append(ExampleFailure(rule.id, rule.path, example.line, problem))

        if not rule.tests and not rule.allows:
            failures.append(
                ExampleFailure(
                    rule.id, rule.path, rule.line, "no examples (add 'tests' and 'allows')"
                )
            )
        for example in rule.tests:
            got = clean_text(example.text_in, alone)
            want = clean_text(example.text_out, core).text
            if len(rules) > 1 and (got.text != want or not _fired(got, rule.id)):
                # Another rule of the batch took the span (five entities share the
                # possessive "Tanakas"): the rule alone decides.
                got = clean_text(example.text_in, _alone_config(rule, base))
            if got.text != want:
                fail(example, f"example {example.text_in!r} gave {got.text!r}, expected {want!r}")
            elif not _fired(got, rule.id):
                fail(example, f"example {example.text_in!r}: the rule did not fire")
        for example in rule.allows:
            got = clean_text(example.text_in, alone)
            fired = [(e.rule, e.old) for e in got.edits if e.rule in ids] + [
                (f.rule, f.text) for f in got.findings if f.rule in ids
            ]
            if fired:
                what = ", ".join(f"{rid} at {text!r}" for rid, text in fired)
                fail(example, f"allowed text {example.text_in!r} was flagged or changed: {what}")
    return failures
