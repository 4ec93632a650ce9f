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


def repairs_nothing(record: RuleRecord, base: Config) -> bool:
    """Whether ``record`` is an entity with nothing to fire on: only correct spellings and no
    possessive form (``Mitsotakis``, ``Netherlands``). It protects its names and feeds the
    name detectors, which its ``allows`` examples test; no ``tests`` example could fire it."""
    if record.kind != "entity":
        return False
    from cleaner.rules.gazetteer import load_gazetteer
    from cleaner.rules.matcher import Kind
    from cleaner.stages.rules import entity_entries

    entity = {e.id: e for e in load_gazetteer(base)}.get(record.code)
    if entity is None:
        return False
    return all(e.kind in (Kind.PROTECT, Kind.CONTEXT) for e in entity_entries([entity]))


def _clean(example: RuleExample, config: Config) -> CleanResult:
    """The example cleaned: its text, or its bytes read as a file is read."""
    if example.data is None:
        return clean_text(example.text_in, config)
    from cleaner.pipeline import clean_decoded
    from cleaner.reader import decode_bytes

    return clean_decoded(decode_bytes(example.data), config)


def check_rule(record: RuleRecord, base: Config | None = None) -> list[ExampleFailure]:
    """Every failing example of ``record``; a rule without a ``tests`` example that fires
    fails too (an ``allows``-only rule tests nothing it does), unless it is an entity with
    nothing to fire on (``repairs_nothing``)."""
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

    if not record.tests and not repairs_nothing(record, base):
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


def _selector(records: list[RuleRecord], base: Config) -> tuple[str, ...]:
    """``select`` entries that enable exactly ``records``: their codes' common prefix when no
    other rule has it (``NE-Q`` for the imported entities), else every code. A select list of
    thousands of codes would make each ``Config.enabled`` call a scan of all of them."""
    from cleaner.pipeline import registry

    codes = sorted(r.code for r in records)
    prefix = codes[0]
    for code in codes[1:]:
        while not code.startswith(prefix):
            prefix = prefix[:-1]
    if len(codes) > 1 and len(prefix) >= 2:
        others = {r.code for r in registry(base) if r.code.startswith(prefix)} - set(codes)
        if not others:
            return (prefix,)
    return tuple(codes)


def check_rules(records: list[RuleRecord], base: Config | None = None) -> list[ExampleFailure]:
    """Every failing example of ``records``, run with all of them selected at once.

    One rule alone is the strict test (``check_rule``); a batch shares one pipeline, which is
    what makes thousands of imported entities testable in seconds rather than a minute
    (building a pipeline per rule was most of the cost). In a batch each ``tests`` example
    must still come out as written and make its own rule fire (one that another rule of the
    batch takes, as five entities share the possessive "Tanakas", is re-checked alone), and
    an ``allows`` text must make none of the batch fire: a name that one entity protects and
    another "repairs" fails here. Examples with ``options`` run alone.
    """
    base = base or Config()
    if len(records) == 1:
        return check_rule(records[0], base)
    common = {"extend_rules": base.extend_rules, "source": base.source}
    batch = Config(select=(*_selector(records, base), *CORE), unsafe_fixes=True, **common)
    core = Config(select=CORE, **common)
    codes = {r.code for r in records}
    failures: list[ExampleFailure] = []
    for record in records:
        if any(x.options for x in (*record.tests, *record.allows)):
            failures += check_rule(record, base)
            continue
        alone_needed = False
        for example in record.tests:
            got = _clean(example, batch)
            want = clean_text(example.text_out, core).text
            if got.text != want or not _fired(got, record.code, record.family):
                alone_needed = True
        if alone_needed or (not record.tests and not repairs_nothing(record, base)):
            failures += [f for f in check_rule(record, base) if "allowed text" not in f.problem]
        head, _, tail = record.origin.rpartition(":")
        for example in record.allows:
            got = _clean(example, batch)
            fired = [(e.rule, e.old) for e in got.edits if e.rule in codes]
            fired += [(f.rule, f.text) for f in got.findings if f.rule in codes]
            if fired:
                what = ", ".join(f"{code} at {text!r}" for code, text in fired)
                line = example.line or (int(tail) if tail.isdigit() else 0)
                failures.append(
                    ExampleFailure(
                        record.code,
                        head or record.origin,
                        line,
                        f"allowed text {example.text_in!r} was flagged or changed: {what}",
                    )
                )
    return failures
