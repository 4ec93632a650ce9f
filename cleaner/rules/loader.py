"""Load rule files with line numbers, validate the fields every rule shares, hand each rule to
its type's class. Errors say ``rules/x.yaml:LINE: what is wrong``, and ``load_all`` collects
every problem before raising, so ``cleaner rules check`` can list them all at once.

File shape::

    defaults:            # optional: fields every rule in the file inherits
      type: substitution
      level: warning
    rules:
      - id: MT201
        message: "Calque: '{match}' means '{fix}'"
        ...
    lists:               # optional: word lists the code reads (``cleaner.rules.lexicon``)
      month-names: [january, ...]
    amend:               # optional: add to rules defined elsewhere (code rules too)
      - id: NE243
        variants: [{Witkov: Witkoff}]
        tests: [{in: ..., out: ...}]

An ``amend`` entry adds to another rule's lists (``exceptions``, ``tests``, ``allows``; an
entity's ``variants``, ``accepted`` and ``titles``) without copying or editing it: a
newsroom's own folder (``extend-rules``) can teach a shipped rule a new garble, a new office
or a place to stay quiet, and
``cleaner review learn`` writes exactly such entries. It is data like any rule: validated,
and its examples run with the rule's own.

Common fields: ``id`` (letters + 3 digits, e.g. ``MT101``), ``type``, ``message`` (``{match}``
and ``{fix}`` placeholders), ``level`` (error/warning/info), ``fix`` (safe/unsafe/none),
optional ``reason``, ``link``, ``exceptions`` (regexes of contexts where it must not fire),
``tests`` (list of ``{in, out}``) and ``allows`` (texts it must leave alone).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

import regex

from cleaner.errors import RuleFileError
from cleaner.model import FixSafety, Level, Stage
from cleaner.registry import RuleExample, RuleRecord
from cleaner.resources import folder_files
from cleaner.rules.lexicon import Lexicon, merge, parse_lists

LINE_KEY = "__line__"
RULE_ID = regex.compile(r"^[A-Z]{2,4}-?[A-Za-z0-9/_-]*[0-9]{3}$")
COMMON_FIELDS = {
    "id",
    "type",
    "message",
    "level",
    "fix",
    "reason",
    "link",
    "exceptions",
    "tests",
    "allows",
    "enabled",
}


@lru_cache(maxsize=1)
def _line_loader() -> type:
    """A safe loader that records the line of every mapping, for error messages. libyaml's
    parser when PyYAML has it: six times faster on the shipped rules, same safe constructors.
    Made on first use: a run whose parsed rules come from the cache never imports yaml."""
    import yaml

    class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        pass

    def construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
        # YAML keeps the later of two equal keys without a word: a table's second "Marko
        # Rubio" example silently replaced the first. A rule file is data a newsroom edits,
        # so a repeated key is an error naming both lines.
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            key = loader.construct_object(key_node)
            line = key_node.start_mark.line + 1
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"duplicate key {key!r} (also on line {seen[key]})",
                    key_node.start_mark,
                )
            seen[key] = line
        mapping = loader.construct_mapping(node, deep=True)
        mapping[LINE_KEY] = node.start_mark.line + 1
        return mapping

    _LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return _LineLoader


@dataclass(frozen=True)
class RuleSpec:
    """Fields every rule has; a rule type subclasses this and adds its own."""

    id: str
    type: str
    message: str
    level: Level
    fix: FixSafety
    path: str
    line: int
    reason: str = ""
    link: str = ""
    exceptions: tuple[str, ...] = ()
    tests: tuple[RuleExample, ...] = ()
    allows: tuple[RuleExample, ...] = ()
    # Phrases that, written elsewhere in the article, make the rule's unsafe fix safe
    # (``cleaner.rules.confirms``). On the base so the rules stage can read it off any rule;
    # only the types that list "confirm" in ``type_fields`` accept it from a rule file.
    confirm: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    # Extra fields the type accepts (validated by the type's ``from_raw``).
    type_fields: ClassVar[frozenset[str]] = frozenset()

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"

    @property
    def stage(self) -> Stage:
        """The stage whose edits and findings carry this rule's code."""
        return Stage.ARTIFACT

    def name(self) -> str:
        """A short readable name (ruff's rule names): what the rule is about (its first
        phrase or its entity's name where it has one, else its message)."""
        first = getattr(self, "canonical", "") or next(iter(getattr(self, "match", ())), "")
        message = self.message.replace("{match}", "").replace("{fix}", "")
        return _slug(first or message.split(":")[0]) or self.type

    def subject(self) -> str:
        """What the rule matches, in a few words (``cleaner rules list``)."""
        return self.message

    def record(self) -> RuleRecord:
        """This rule's entry in the registry (``cleaner.registry``)."""
        return RuleRecord(
            code=self.id,
            name=self.name(),
            stage=self.stage,
            level=self.level,
            fix=self.fix,
            message=self.message,
            explanation=self.reason.strip(),
            tests=self.tests,
            allows=self.allows,
            kind=self.type,
            origin=self.where,
            detail=self.subject(),
            exceptions=self.exceptions,
        )


_SLUG_WORD = regex.compile(r"[\p{L}\p{N}]+")


def _slug(text: str) -> str:
    words = _SLUG_WORD.findall(text.lower())
    return "-".join(words[:6])


# Keys of an older rule-file vocabulary -> the key that replaced them (one vocabulary across
# rule types: kebab-case, ``replace`` for every rewrite, ``case-sensitive`` for every match).
RENAMED_KEYS = {
    "replacement": "replace",
    "case": "case-sensitive: true",
    "max_words": "max-words",
}


def unknown_fields(keys: Iterable[str], allowed: frozenset[str] | set[str]) -> list[str]:
    """A problem per key that is not allowed, naming the new key for a renamed one."""
    problems: list[str] = []
    for key in sorted(keys):
        if key in allowed:
            continue
        kebab = key.replace("_", "-")
        if key in RENAMED_KEYS:
            problems.append(f"'{key}' is no longer a key: write '{RENAMED_KEYS[key]}'")
        elif kebab in allowed:
            problems.append(f"'{key}' is no longer a key: write '{kebab}'")
        else:
            problems.append(f"unknown field '{key}'")
    return problems


# type name -> RuleSpec subclass; a rule type module registers itself with ``register``.
RULE_TYPES: dict[str, type[RuleSpec]] = {}


def register(name: str):  # type: ignore[no-untyped-def]
    """Class decorator: make a ``RuleSpec`` subclass the handler of rule type ``name``."""

    def deco(cls: type[RuleSpec]) -> type[RuleSpec]:
        RULE_TYPES[name] = cls
        return cls

    return deco


def read_yaml(path: Path) -> Any:
    """Parse one YAML file; syntax errors become ``RuleFileError`` with the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RuleFileError(path, None, f"cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise RuleFileError(path, None, "not valid UTF-8") from None
    import yaml

    try:
        return yaml.load(text, Loader=_line_loader())  # a safe loader: no arbitrary objects
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise RuleFileError(path, line, f"invalid YAML: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise RuleFileError(path, None, f"invalid YAML: {exc}") from None


def parse_common(raw: dict[str, Any], path: Path) -> dict[str, Any]:
    """Validate the shared fields of one rule mapping; returns constructor kwargs."""
    line = raw.get(LINE_KEY, 0)

    def fail(problem: str) -> RuleFileError:
        return RuleFileError(path, line, problem)

    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not RULE_ID.match(rule_id):
        raise fail(f"rule needs an 'id' like MT101, got {rule_id!r}")
    rtype = raw.get("type")
    if rtype not in RULE_TYPES:
        known = ", ".join(sorted(RULE_TYPES)) or "none loaded"
        raise fail(f"{rule_id}: unknown type {rtype!r} (known: {known})")
    message = raw.get("message")
    if not isinstance(message, str) or not message.strip():
        raise fail(f"{rule_id}: 'message' is required")
    try:
        level = Level(raw.get("level", "warning"))
    except ValueError:
        raise fail(f"{rule_id}: 'level' must be error, warning or info") from None
    try:
        fix = FixSafety(raw.get("fix", "none"))
    except ValueError:
        raise fail(f"{rule_id}: 'fix' must be safe, unsafe or none") from None
    exceptions = _str_list(raw.get("exceptions", []), fail, f"{rule_id}: 'exceptions'")
    for pattern in exceptions:
        try:
            regex.compile(pattern)
        except regex.error as exc:
            raise fail(f"{rule_id}: bad exception regex {pattern!r}: {exc}") from None
    tests = tuple(_examples(raw.get("tests", []), fail, rule_id, line))
    allows = tuple(_allows(raw.get("allows", []), fail, rule_id, line))
    return {
        "id": rule_id,
        "type": rtype,
        "message": message,
        "level": level,
        "fix": fix,
        "path": str(path),
        "line": line,
        "reason": str(raw.get("reason", "")),
        "link": str(raw.get("link", "")),
        "exceptions": tuple(exceptions),
        "tests": tests,
        "allows": allows,
    }


def _str_list(value: Any, fail: Any, what: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise fail(f"{what} must be a list of strings")
    return value


def _examples(value: Any, fail: Any, rule_id: str, line: int) -> Iterable[RuleExample]:
    if not isinstance(value, list):
        raise fail(f"{rule_id}: 'tests' must be a list of {{in, out}} mappings")
    for item in value:
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("in"), str)
            or not isinstance(item.get("out"), str)
        ):
            raise fail(f"{rule_id}: each test needs string 'in' and 'out'")
        yield RuleExample(
            item["in"], item["out"], item.get(LINE_KEY, line), where=item.get(WHERE_KEY, "")
        )


def _allows(value: Any, fail: Any, rule_id: str, line: int) -> Iterable[RuleExample]:
    """``allows`` texts; an amended one arrives as ``{"__allow__": text, WHERE_KEY: ...}``."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        raise fail(f"{rule_id}: 'allows' must be a list of strings")
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("__allow__"), str):
            yield RuleExample(item["__allow__"], item["__allow__"], line, where=item[WHERE_KEY])
        elif isinstance(item, str):
            yield RuleExample(item, item, line)
        else:
            raise fail(f"{rule_id}: 'allows' must be a list of strings")


# Where an amended example was written (``path:LINE``), so a failing one is reported there.
WHERE_KEY = "__where__"
# What an ``amend`` entry may add to: lists, so amending only ever adds.
AMENDABLE = frozenset({"exceptions", "tests", "allows"})
# (``titles``: an office the person took after the rule was written, or an import's dates.)
AMENDABLE_ENTITY = frozenset({"variants", "accepted", "titles"})


@dataclass(frozen=True)
class Amendment(RuleSpec):
    """An ``amend`` entry for a rule no rule file defines: a code rule's (the registry adds
    its lists to the code rule's record) or an unknown code (the registry reports it)."""

    type: str = "amend"
    message: str = ""
    level: Level = Level.WARNING
    fix: FixSafety = FixSafety.NONE
    path: str = ""
    line: int = 0


def _amend_problems(entry: dict[str, Any], target: dict[str, Any] | None) -> list[str]:
    allowed = set(AMENDABLE) | {"id", LINE_KEY}
    if target is None or target.get("type") == "entity":
        allowed |= AMENDABLE_ENTITY
    problems = []
    for key in sorted(set(entry) - allowed):
        if target is not None and key in AMENDABLE_ENTITY:
            problems.append(f"'{key}' can only be added to an entity")
        else:
            problems.append(f"'{key}' cannot be amended (only exceptions, tests, allows; "
                            "an entity's variants, accepted, titles)")  # fmt: skip
    return problems


def _listed(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else [value] if value is not None else []


def _construct(
    raws: list[tuple[dict[str, Any], Path]],
    amends: list[tuple[dict[str, Any], Path]],
    errors: list[RuleFileError],
) -> tuple[list[RuleSpec], list[RuleFileError]]:
    """Rules from their mappings, after merging the ``amend`` entries into them."""
    by_id = {raw.get("id"): i for i, (raw, _) in enumerate(raws)}
    merged = [dict(raw) for raw, _ in raws]
    leftovers: list[RuleSpec] = []
    for entry, path in amends:
        line = entry.get(LINE_KEY, 0)
        code = entry.get("id")
        if not isinstance(code, str) or not code.strip():
            problem = f"amend needs the 'id' of a rule, got {code!r}"
            errors.append(RuleFileError(path, line, problem))
            continue
        at = by_id.get(code)
        problems = _amend_problems(entry, merged[at] if at is not None else None)
        if problems:
            errors.append(RuleFileError(path, line, f"amend {code}: {'; '.join(problems)}"))
            continue
        where = f"{path}:{line}"
        if at is None:
            try:
                leftovers.append(_amendment(entry, path, where))
            except RuleFileError as exc:
                errors.append(exc)
            continue
        target = merged[at]
        for key in (*AMENDABLE, *AMENDABLE_ENTITY):
            if key in entry:
                added = _listed(entry[key])
                if key in ("tests", "allows"):  # remember where each example was written
                    added = [
                        {**x, WHERE_KEY: f"{path}:{x.get(LINE_KEY, line)}"}
                        if isinstance(x, dict)
                        else {"__allow__": x, WHERE_KEY: where}
                        for x in added
                    ]
                target[key] = _listed(target.get(key)) + added
    rules: list[RuleSpec] = []
    for raw, (_, path) in zip(merged, raws, strict=True):
        try:
            rules.append(_build(raw, path))
        except RuleFileError as exc:
            errors.append(exc)
    return rules + leftovers, errors


def _amendment(entry: dict[str, Any], path: Path, where: str) -> Amendment:
    """An ``amend`` entry for a rule no rule file defines, validated like a rule's lists."""
    raw = {**entry, "type": "amend", "message": "amendment"}
    raw["tests"] = [{**x, WHERE_KEY: where} if isinstance(x, dict) else x
                    for x in _listed(entry.get("tests"))]  # fmt: skip
    line = entry.get(LINE_KEY, 0)

    def fail(problem: str) -> RuleFileError:
        return RuleFileError(path, line, problem)

    code = entry["id"]
    exceptions = tuple(_str_list(entry.get("exceptions", []), fail, f"amend {code}: 'exceptions'"))
    for pattern in exceptions:
        try:
            regex.compile(pattern)
        except regex.error as exc:
            raise fail(f"amend {code}: bad exception regex {pattern!r}: {exc}") from None
    tests = tuple(_examples(raw["tests"], fail, code, line))
    allows = tuple(
        RuleExample(t, t, line, where=where)
        for t in _str_list(entry.get("allows", []), fail, f"amend {code}: 'allows'")
    )
    return Amendment(
        id=code, path=str(path), line=line, exceptions=exceptions, tests=tests, allows=allows
    )


def iter_rule_files(folders: Iterable[Path]) -> list[Path]:
    """Every ``*.yaml``/``*.yml`` under the folders (hidden ones skipped, as the cache key
    does: ``resources.folder_files``), sorted for a stable rule order."""
    files: list[Path] = []
    for folder in folders:
        if folder.is_file():
            files.append(folder)
        else:
            files.extend(p for p in folder_files(folder) if p.suffix in (".yaml", ".yml"))
    return sorted(files)


def _plain(value: Any) -> Any:
    """YAML data without the line markers the loader adds to every mapping."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if k != LINE_KEY}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _read(
    path: Path,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], Lexicon, list[RuleFileError]]:
    """One file's rule mappings (defaults applied), ``amend`` entries and word lists, and
    its problems (a bad rule does not hide the rest)."""
    data = read_yaml(path)
    if data is None:
        return [], [], Lexicon(), []
    if not isinstance(data, dict) or not ("rules" in data or "lists" in data or "amend" in data):
        problem = RuleFileError(path, 1, "expected a mapping with a 'rules:' list")
        return [], [], Lexicon(), [problem]
    line = data.get(LINE_KEY, 1)
    lexicon, errors = Lexicon(), []
    if "lists" in data:
        lexicon, errors = parse_lists(_plain(data["lists"]), path, line)
    defaults = data.get("defaults", {}) or {}
    if not isinstance(defaults, dict):
        errors.append(RuleFileError(path, line, "'defaults' must be a mapping"))
        return [], [], lexicon, errors
    defaults = {k: v for k, v in defaults.items() if k != LINE_KEY}
    found: dict[str, list[dict[str, Any]]] = {}
    for key in ("rules", "amend"):
        items = data.get(key, [])
        if not isinstance(items, list):
            errors.append(RuleFileError(path, line, f"'{key}' must be a list"))
            items = []
        found[key] = []
        for item in items:
            if not isinstance(item, dict):
                what = "each rule" if key == "rules" else "each 'amend' entry"
                errors.append(RuleFileError(path, line, f"{what} must be a mapping"))
                continue
            found[key].append({**defaults, **item} if key == "rules" else item)
    return found["rules"], found["amend"], lexicon, errors


def _build(raw: dict[str, Any], path: Path) -> RuleSpec:
    common = parse_common(raw, path)
    cls = RULE_TYPES[common["type"]]
    allowed = COMMON_FIELDS | cls.type_fields | {LINE_KEY, WHERE_KEY}
    problems = unknown_fields(raw, allowed)
    if problems:
        raise RuleFileError(path, common["line"], f"{common['id']}: {'; '.join(problems)}")
    return cls.from_raw(raw, common, path)  # type: ignore[attr-defined, no-any-return]


def load_file(path: Path) -> tuple[list[RuleSpec], list[RuleFileError], Lexicon]:
    """All rules and word lists of one file, plus every problem found (a bad rule does not
    hide the rest); its ``amend`` entries apply to its own rules, the rest are returned as
    ``Amendment``."""
    raws, amends, lexicon, errors = _read(path)
    rules, errors = _construct([(r, path) for r in raws], [(a, path) for a in amends], errors)
    return rules, errors, lexicon


def load_all(folders: Iterable[Path]) -> tuple[list[RuleSpec], list[RuleFileError], Lexicon]:
    """Load every rule file under ``folders``; duplicate ids are errors too. The word lists of
    all files are merged (``cleaner.rules.lexicon``).

    ``amend`` entries are merged into the rules they name wherever those are defined; an
    entry naming no rule file rule is kept as an ``Amendment`` (a code rule's, which the
    registry applies, or an unknown code, which it reports)."""
    raws: list[tuple[dict[str, Any], Path]] = []
    amends: list[tuple[dict[str, Any], Path]] = []
    errors: list[RuleFileError] = []
    lexicons: list[Lexicon] = []
    for path in iter_rule_files(folders):
        try:
            found, amended, lexicon, problems = _read(path)
        except RuleFileError as exc:
            errors.append(exc)
            continue
        raws.extend((raw, path) for raw in found)
        amends.extend((a, path) for a in amended)
        errors.extend(problems)
        lexicons.append(lexicon)
    rules, problems = _construct(raws, amends, [])
    errors.extend(problems)
    seen: dict[str, RuleSpec] = {}
    for rule in rules:
        if isinstance(rule, Amendment):
            continue
        if rule.id in seen:
            errors.append(
                RuleFileError(
                    rule.path, rule.line, f"duplicate id {rule.id} (also {seen[rule.id].where})"
                )
            )
        seen[rule.id] = rule
    return rules, errors, merge(lexicons)
