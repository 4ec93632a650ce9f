"""One record per rule code, whether the rule is YAML data or Python code.

Why one registry: ``cleaner rules list``, ``cleaner rules explain``, SARIF and JSON output,
``select``/``ignore`` validation, the example tests and the ``decide`` step's default level
and fix safety all read the same record, so a code cannot exist in one of them and not the
others (a code only a Python constant knew could not be selected, explained or tested).

Where records come from: each YAML rule becomes one (``RuleSpec.record``); each pipeline
stage declares the records of the codes its Python emits (``PipelineStage.rules``), next to
the code that emits them; ``cleaner.pipeline.registry`` puts both together for a config.
A *family* record stands for codes a backend defines (``GR-harper/`` and Harper's rule
names): its members are listed by the backend, not by us.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from cleaner.errors import ConfigError
from cleaner.model import FixSafety, Level, Stage


@dataclass(frozen=True, slots=True)
class RuleExample:
    """One example: ``text_in`` must become ``text_out`` (``allows``: stay as it is).

    ``options`` are config settings the example needs (``dashes = "ascii"`` for a rule that
    the default typography policy never fires). ``data``: for a rule about reading a file
    (a guessed encoding), the file's bytes, which are read as ``cleaner clean`` reads them;
    ``text_in`` then says in words what they hold."""

    text_in: str
    text_out: str
    line: int = 0
    options: tuple[tuple[str, Any], ...] = ()
    data: bytes | None = None
    # ``path:LINE`` where it was written, when not in the rule's own file (an ``amend``).
    where: str = ""


def examples(*pairs: tuple[str, str]) -> tuple[RuleExample, ...]:
    """``tests`` of a code rule, written as ``(in, out)`` pairs."""
    return tuple(RuleExample(a, b) for a, b in pairs)


def allowed(*texts: str) -> tuple[RuleExample, ...]:
    """``allows`` of a code rule: texts the rule must leave alone."""
    return tuple(RuleExample(t, t) for t in texts)


@dataclass(frozen=True)
class RuleRecord:
    """What every rule is, to every consumer.

    ``level`` and ``fix`` are the defaults a violation of the rule carries; a code rule may
    give one hit a different safety (an echo is a safe fix only when the doubled word is an
    article) and says so in ``explanation``. ``origin`` is ``path:line`` for a YAML rule and
    the module for a code rule.
    """

    code: str
    name: str
    stage: Stage
    level: Level
    fix: FixSafety
    message: str
    explanation: str
    tests: tuple[RuleExample, ...] = ()
    allows: tuple[RuleExample, ...] = ()
    kind: str = "code"
    origin: str = ""
    # What it matches, in a few words, for listings (a YAML rule's phrases, name or pattern).
    detail: str = ""
    # False for a rule that only lifts metadata (a boilerplate ``action: lift``): it changes
    # and reports nothing, so its examples "fire" by what they lift.
    emits: bool = True
    # A prefix whose codes a backend defines (``GR-harper/``); ``members`` lists them when
    # the backend can (Harper can, offline; LanguageTool only with a server).
    family: bool = False
    members: Callable[[], tuple[str, ...]] | None = field(default=None, compare=False)
    # Regexes of contexts where it must not fire (a hit overlapping a match of one in its
    # line is dropped by the decide step): a rule file's own, and any ``amend`` adds.
    exceptions: tuple[str, ...] = ()

    def summary(self) -> str:
        """One line: the message with its placeholders left out."""
        text = self.message.replace("'{match}'", "…").replace("'{fix}'", "…")
        return text.replace("{match}", "…").replace("{fix}", "…")


class Registry:
    """Every code a pipeline can emit, looked up by exact code or by family prefix.

    Two different records under one code are refused (one line naming both origins): the
    second would be unreachable to ``select``, ``rules explain`` and the example tests while
    its edits still went out under the code. The same record twice is fine (a stage that
    runs twice, like the normaliser, declares its codes once per run)."""

    def __init__(
        self,
        records: Iterable[RuleRecord],
        later: dict[str, Callable[[], RuleRecord]] | None = None,
    ) -> None:
        """``later``: records made on first look-up, by code (the rule files' thousands of
        rules, of which a run looks up the few that fire: making them all was a quarter of
        a cold ``cleaner check``'s rule set-up, issue 17). Their codes must be new here."""
        built: dict[str, RuleRecord] = {}
        self.families: list[RuleRecord] = []
        for record in records:
            taken = built.get(record.code)
            if taken is not None:
                if taken != record:
                    raise ConfigError(
                        f"rule code {record.code} is claimed twice: by "
                        f"{taken.origin or taken.name} and by {record.origin or record.name}"
                    )
                continue
            if record.family:
                self.families.append(record)
            built[record.code] = record
        later = dict(later or {})
        clash = built.keys() & later.keys()
        if clash:
            raise ValueError(f"codes given twice to the registry: {sorted(clash)}")
        self.records: Mapping[str, RuleRecord] = _Records(built, later)
        self._members: dict[str, frozenset[str]] = {}

    def __iter__(self) -> Iterator[RuleRecord]:
        return iter(sorted(self.records.values(), key=lambda r: r.code))

    def __len__(self) -> int:
        return len(self.records)

    def get(self, code: str) -> RuleRecord | None:
        """The record of ``code``, or of the family it belongs to."""
        found = self.records.get(code)
        if found is not None:
            return found
        for family in self.families:
            if code.startswith(family.code):
                return family
        return None

    def members(self, family: RuleRecord) -> frozenset[str]:
        """The codes of a family its backend can list (empty when it cannot)."""
        if family.code not in self._members:
            listed = family.members() if family.members else ()
            self._members[family.code] = frozenset(family.code + m for m in listed)
        return self._members[family.code]

    def knows(self, code: str) -> bool:
        """Whether the pipeline can emit ``code`` (a family member counts when the family's
        backend cannot list its members)."""
        if code in self.records:
            return True
        for family in self.families:
            if code.startswith(family.code):
                listed = self.members(family)
                return not listed or code in listed
        return False

    def codes(self, expand: bool = True) -> list[str]:
        """Every code, sorted; with ``expand``, family members too."""
        found = set(self.records)
        if expand:
            for family in self.families:
                found |= self.members(family)
        return sorted(found)

    def selects(self, selector: str) -> bool:
        """Whether ``selector`` (a code or a prefix, as in ``select``) names any rule."""
        if not selector:
            return False
        if any(code.startswith(selector) for code in self.records):
            return True
        return self.knows(selector)

    def check_selectors(self, selectors: Iterable[str], where: str) -> None:
        """Refuse a ``select``/``ignore`` entry that names no rule, in one line: a misspelt
        code that silently selects nothing is worse than an error."""
        for selector in selectors:
            if not self.selects(selector):
                raise ConfigError(
                    f"unknown rule code or prefix '{selector}' in {where} "
                    "(`cleaner rules list` shows every code)"
                )


class _Records(Mapping[str, RuleRecord]):
    """The registry's records by code: those given, and those made on first look-up."""

    def __init__(self, built: dict[str, RuleRecord], later: dict[str, Callable[[], RuleRecord]]):
        self._built = built
        self._later = later

    def __getitem__(self, code: str) -> RuleRecord:
        found = self._built.get(code)
        if found is None:
            make = self._later[code]  # KeyError: no such code
            found = self._built.setdefault(code, make())  # two threads: either one kept
        return found

    def get(self, code: str, default: Any = None) -> Any:  # type: ignore[override]
        found = self._built.get(code)
        if found is not None:
            return found
        return self[code] if code in self._later else default

    def __contains__(self, code: object) -> bool:
        return code in self._built or code in self._later

    def __iter__(self) -> Iterator[str]:
        built = list(self._built)  # a snapshot: looking a record up while iterating adds it
        seen = set(built)
        return iter(built + [code for code in self._later if code not in seen])

    def __len__(self) -> int:
        return len(self._built.keys() | self._later.keys())
