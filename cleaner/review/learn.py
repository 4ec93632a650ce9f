"""``cleaner review learn``: a reviewer's decisions become rule-file data for the next batch.

What each decision teaches (one rule file per report, rewritten when learnt again):

* an accepted **name** suggestion (the suggestion is a correct spelling of exactly one
  gazetteer entity) becomes a new variant on that entity: an ``amend`` entry adding
  ``variants: [{garble: spelling}]`` and the accepted sentence as a ``tests`` example;
* an accepted **phrase** suggestion (two words or more) becomes a new safe ``substitution``
  rule (``RV001``, ...) with the accepted sentence as its example;
* a **rejection** (of a change or of a finding) becomes an ``exceptions`` entry on its rule
  (an ``amend``, so code rules learn too), with the sentence as an ``allows`` example: for a
  decision on one place, the text with a word either side (that wording stays quiet, the rule
  still fires elsewhere); for a batch-wide one ("R" in the report), the text itself. With
  ``--baseline`` a rejected finding goes into ``cleaner check``'s baseline instead, pinned to
  its article.

Everything else is said, one line each, and left to ``review apply`` (a one-word suggestion
that is no name: a capital, a spelling, a possessive). The file is checked as ``cleaner rules
check`` and ``cleaner rules test`` would before it is kept; if either fails, the previous file
is put back and nothing has changed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import regex

from cleaner.config import Config
from cleaner.review.apply import Reviewed
from cleaner.review.decisions import Decision, DecisionsError, DecisionSet
from cleaner.rules.entity import Entity

LEARNED_PREFIX = "RV"
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’-]*")
_SENTENCE_END = regex.compile(r"[.!?…][\"'”’)\]]*\s+")


@dataclass(slots=True)
class Lesson:
    """One thing learnt, with where it came from (for the comment above its entry)."""

    rule: str  # the rule it amends, or the new rule's id
    kind: str  # "variant" | "substitution" | "exception" | "baseline"
    source: str  # article path in the batch
    why: str  # the decision in words
    variants: tuple[tuple[str, str | None], ...] = ()
    match: str = ""
    replace: str = ""
    pattern: str = ""
    example: tuple[str, str] | None = None  # (in, out)
    allow: str = ""
    baseline: tuple[int, int, str] | None = None  # start, end, text in the original


@dataclass(slots=True)
class Learnt:
    """All the lessons of a decisions file, and what could not be learnt (one line each)."""

    lessons: list[Lesson] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def sentence_at(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding ``text[start:end]`` (within its line), as a span."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    a = line_start
    for m in _SENTENCE_END.finditer(text, line_start, start):
        a = m.end()
    m = _SENTENCE_END.search(text, end, line_end)
    b = m.end() if m else line_end
    return a, len(text[a:b].rstrip()) + a


def learn(
    decisions: DecisionSet,
    reviewed: list[Reviewed],
    gazetteer: dict[Config, tuple[Entity, ...]],
    kinds: dict[str, str],
    baseline: bool,
) -> Learnt:
    """The lessons of every decision. ``kinds`` maps a rule code to its record's kind
    (``substitution``, ``entity``, ``code``, ...); ``baseline``: rejected findings go to the
    baseline rather than become exceptions."""
    out = Learnt()
    for r in reviewed:
        art = r.article
        for d in art.decisions:
            where = f"{art.path}: {d.rule} {d.text!r}"
            if d.kind == "edit" and d.accepted:
                continue  # the rules already do this
            if not d.accepted:
                out.lessons.extend(_rejection(r, d, baseline))
                continue
            lesson = _acceptance(r, d, gazetteer[r.config], kinds.get(d.rule, "code"))
            if isinstance(lesson, str):
                out.skipped.append(f"{where} -> {d.suggestion!r}: {lesson}")
            else:
                out.lessons.append(lesson)
    return out


def _example(r: Reviewed, d: Decision, new: str) -> tuple[str, str]:
    """The sentence the decision was taken in, before and after the accepted suggestion."""
    text = r.original
    a, b = sentence_at(text, d.start, d.end)
    return text[a:b], text[a : d.start] + new + text[d.end : b]


def _why(d: Decision, what: str) -> str:
    note = f" (note: {d.note})" if d.note else ""
    return f"{what}{note}"


def _acceptance(r: Reviewed, d: Decision, entities: tuple[Entity, ...], kind: str) -> Lesson | str:
    garble, fix = d.text, d.suggestion or ""
    why = _why(d, f"accepted {garble!r} -> {fix!r} ({d.rule})")
    if r.original[d.start : d.end] != garble:
        return "the text was already changed by an earlier rule there; not learnt"
    owners = [e for e in entities if fix in (*e.names, *([e.surname] if e.surname else []))]
    if owners:
        if len({e.id for e in owners}) > 1:
            ids = ", ".join(sorted({e.id for e in owners}))
            return f"'{fix}' is a name of several entities ({ids}); not learnt"
        entity = owners[0]
        if garble.rstrip("'’s") == fix.rstrip("'’s") or garble in entity.names:
            return "a form of the same name (possessive, plural): it depends on the sentence"
        target = None if fix == entity.canonical else fix
        variants: list[tuple[str, str | None]] = [(garble, target)]
        # "Steve Witkov" as written before it: the full garble too, which a lone surname's
        # guard (an article that names the person) needs to be met.
        first = entity.canonical.removesuffix(" " + fix) if target else ""
        if first and first != entity.canonical and r.original[: d.start].endswith(first + " "):
            variants.insert(0, (f"{first} {garble}", None))
        return Lesson(
            entity.id, "variant", r.article.path, why, variants=tuple(variants),
            example=_example(r, d, fix),
        )  # fmt: skip
    words = _WORD.findall(garble)
    if len(words) >= 2 or kind in ("substitution", "existence"):
        return Lesson(
            "", "substitution", r.article.path, why, match=garble, replace=fix,
            example=_example(r, d, fix),
        )  # fmt: skip
    return "one word that is no name: applied by `review apply` only, not made a rule"


def _rejection(r: Reviewed, d: Decision, baseline: bool) -> list[Lesson]:
    text = r.original
    what = "rejected the change" if d.kind == "edit" else "rejected the finding"
    why = _why(d, f"{what} {d.rule} on {d.text!r}")
    a, b = sentence_at(text, d.start, d.end)
    if baseline and d.kind == "finding" and d.scope == "item":
        return [Lesson(d.rule, "baseline", r.article.path, why, baseline=(d.start, d.end, d.text))]
    # Batch-wide: the text itself; one place: that wording (a word either side).
    batch = d.scope == "batch"
    pattern = _literal(d.text) if batch else _in_context(text, d.start, d.end, d.text)
    rules = d.rules if d.kind == "edit" else (d.rule,)
    # Every rule of a rejected change learns to stay quiet there.
    return [
        Lesson(rule, "exception", r.article.path, why, pattern=pattern, allow=text[a:b])
        for rule in rules
    ]


def _literal(text: str) -> str:
    """A regex for ``text`` as written, tolerant of what normalisation changes (runs of
    space, quote style), bounded by word edges where it starts or ends with a letter."""
    parts: list[str] = []
    for ch in text:
        if ch.isspace():
            if not parts or parts[-1] != r"\s+":
                parts.append(r"\s+")
        elif ch in '"“”„«»':
            parts.append('["“”„«»]')
        elif ch in "'‘’`":
            parts.append("['‘’`]")
        else:
            parts.append(regex.escape(ch))
    body = "".join(parts)
    head = r"\b" if text[:1].isalnum() else ""
    tail = r"\b" if text[-1:].isalnum() else ""
    return f"{head}{body}{tail}"


def _in_context(text: str, start: int, end: int, seen: str) -> str:
    """The text with the word before and after it on its line: that wording stays quiet."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = list(_WORD.finditer(text, line_start, start))
    after = _WORD.search(text, end, line_end)
    pattern = _literal(seen)
    if before:
        pattern = _literal(before[-1].group()) + r"\W*" + pattern.removeprefix(r"\b")
    if after:
        pattern = pattern.removesuffix(r"\b") + r"\W*" + _literal(after.group())
    return pattern


# ---- writing the rule file ---------------------------------------------------------------


def _q(value: str) -> str:
    """A YAML scalar a person can read: single-quoted, or JSON-quoted when it must escape."""
    if all(c.isprintable() for c in value):
        return "'" + value.replace("'", "''") + "'"
    return json.dumps(value, ensure_ascii=False)


def render(
    learnt: Learnt,
    decisions: DecisionSet,
    names: dict[str, str],
    taken: set[str],
) -> tuple[str, dict[str, list[Lesson]]]:
    """The rule file's text and the codes it touches (amended and new, each with its
    lessons). ``names`` labels an
    amended code in a comment (an entity's canonical name, a rule's subject); ``taken`` are
    codes in use elsewhere, so new ``RV`` ids do not collide."""
    amend: dict[str, list[Lesson]] = {}
    new: list[Lesson] = []
    for lesson in learnt.lessons:
        if lesson.kind == "substitution":
            if not any(x.match == lesson.match and x.replace == lesson.replace for x in new):
                new.append(lesson)
        elif lesson.kind in ("variant", "exception"):
            amend.setdefault(lesson.rule, []).append(lesson)
    lines = [
        "# Learnt by `cleaner review learn` from the decisions taken in a review report",
        f"# (report {decisions.report_id}, batch {decisions.root}).",
        "# Ordinary rule-file data: edit it as you like; `cleaner rules check` validates it and",
        "# `cleaner rules test` runs its examples. Learning from this report's decisions again",
        "# rewrites this file.",
        "",
    ]
    touched: dict[str, list[Lesson]] = {}
    if amend:
        lines.append("amend:")
    for code, lessons in amend.items():
        touched[code] = lessons
        for lesson in lessons:
            lines.append(f"  # {lesson.source}: {lesson.why}")
        label = f"   # {names[code]}" if names.get(code) else ""
        lines.append(f"  - id: {code}{label}")
        variants = _unique(v for x in lessons for v in x.variants)
        if variants:
            lines.append("    variants:")
            for garble, target in variants:
                lines.append(
                    f"      - {{{_q(garble)}: {_q(target)}}}" if target else f"      - {_q(garble)}"
                )
        patterns = _unique(x.pattern for x in lessons if x.pattern)
        if patterns:
            lines.append("    exceptions:")
            lines += [f"      - {_q(p)}" for p in patterns]
        _examples(lines, [x.example for x in lessons if x.example], "    ")
        allows = _unique(x.allow for x in lessons if x.allow)
        if allows:
            lines.append("    allows:")
            lines += [f"      - {_q(a)}" for a in allows]
        lines.append("")
    if new:
        lines.append("rules:")
    number = 0
    for lesson in new:
        number += 1
        while f"{LEARNED_PREFIX}{number:03d}" in taken:
            number += 1
        code = f"{LEARNED_PREFIX}{number:03d}"
        touched[code] = [lesson]
        lines += [
            f"  # {lesson.source}: {lesson.why}",
            f"  - id: {code}",
            "    type: substitution",
            f"    match: [{_q(lesson.match)}]",
            f"    replace: {_q(lesson.replace)}",
            "    fix: safe",
            "    level: warning",
            "    message: \"Learnt in review: '{match}' should be '{fix}'\"",
            f"    reason: {_q('Accepted in review: ' + lesson.why)}",
        ]
        _examples(lines, [lesson.example] if lesson.example else [], "    ")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n", touched


def _examples(lines: list[str], examples: list[tuple[str, str]], indent: str) -> None:
    examples = _unique(examples)
    if not examples:
        return
    lines.append(f"{indent}tests:")
    for text_in, text_out in examples:
        lines.append(f"{indent}  - in: {_q(text_in)}")
        lines.append(f"{indent}    out: {_q(text_out)}")


def _unique(items: Iterable[object]) -> list:  # type: ignore[type-arg]
    return list(dict.fromkeys(items))


# ---- learning: lessons, the file, its check -------------------------------------------------


@dataclass(slots=True)
class LearnReport:
    """What ``learn_and_write`` did, for the command to print."""

    summary: str
    notes: list[str] = field(default_factory=list)
    path: Path | None = None


def learn_and_write(
    decisions: DecisionSet, reviewed: list[Reviewed], rules_dir: Path, baseline: Path | None
) -> LearnReport:
    """Learn from the decisions, write ``rules_dir/review-<report>.yaml`` (and baseline
    entries), and keep the file only if the rules load and every touched rule's examples
    pass with it; otherwise put the previous file back and raise, one line per problem."""
    from cleaner.atomic import atomic_write_text
    from cleaner.errors import CleanerError
    from cleaner.pipeline import forget_rules, registry
    from cleaner.rules.gazetteer import load_gazetteer
    from cleaner.rules.rulebook import rule_folders

    if rules_dir.exists() and not rules_dir.is_dir():
        raise CleanerError(f"{rules_dir}: not a folder")
    configs = list(dict.fromkeys(r.config for r in reviewed))
    gazetteer = {c: load_gazetteer(c) for c in configs}
    records = {rec.code: rec for c in configs for rec in registry(c)}
    kinds = {code: rec.kind for code, rec in records.items()}
    learnt = learn(decisions, reviewed, gazetteer, kinds, baseline is not None)
    target = rules_dir / f"review-{decisions.report_id}.yaml"
    notes = list(learnt.skipped)
    # The config the learnt file is checked under: the batch's, with the folder added.
    folder = rules_dir.resolve()
    base = configs[0] if configs else Config()
    listed = folder in rule_folders(base)
    check = base if listed else base.replace(extend_rules=(*base.extend_rules, str(folder)))
    names = {code: rec.detail or rec.name for code, rec in records.items()}
    taken = set(records) - _codes_in(target)
    rule_file = [x for x in learnt.lessons if x.kind != "baseline"]
    previous = target.read_text(encoding="utf-8") if target.is_file() else None
    written = None
    dropped = 0
    # A lesson whose example does not pass (a guard the sentence does not meet) is dropped
    # and said; the rest is written again and checked again.
    while rule_file:
        text, touched = render(Learnt(rule_file), decisions, names, taken)
        atomic_write_text(target, text)
        written = target
        forget_rules()
        broken, failing = _check(check, list(touched), target)
        if broken:
            _put_back(target, previous)
            raise DecisionsError(
                [*broken, f"{target}: not kept (the rule files fail to load with it)"]
            )
        if not failing:
            break
        for code, problems in failing.items():
            for lesson, problem in _culprits(touched[code], problems):
                rule_file.remove(lesson)
                dropped += 1
                notes.append(f"{lesson.source}: {lesson.why}: not learnt, {problem}")
        learnt.lessons = [x for x in learnt.lessons if x in rule_file or x.kind == "baseline"]
    else:
        if written is not None:
            _put_back(target, previous)
            written = None
    pinned = [x for x in learnt.lessons if x.kind == "baseline"]
    if pinned and baseline is not None:
        _add_to_baseline(baseline, pinned, reviewed)
    if written is not None and not listed:
        notes.append(
            f"{folder} is not among this batch's rule folders: add it to extend-rules in "
            f"[tool.cleaner] ({base.source or 'pyproject.toml or cleaner.toml'}) so clean, "
            "check and the report use what was learnt"
        )
    counts: dict[str, int] = {}
    for x in learnt.lessons:
        counts[x.kind] = counts.get(x.kind, 0) + 1
    what = ", ".join(f"{n} {k}(s)" for k, n in counts.items()) or "nothing"
    where = f" to {written}" if written else ""
    if pinned and baseline is not None:
        where += f" and {baseline}"
    return LearnReport(
        f"learnt {what} from {decisions.file.name}{where}; "
        f"{len(learnt.skipped) + dropped} not learnt",
        notes,
        written,
    )


def _codes_in(path: Path) -> set[str]:
    """Rule codes a previous version of the learnt file defines (its ids may be reused)."""
    if not path.is_file():
        return set()
    text = path.read_text(encoding="utf-8")
    return set(regex.findall(rf"^  - id: ({LEARNED_PREFIX}\d{{3}})\b", text, flags=regex.M))


def _culprits(lessons: list[Lesson], problems: list[str]) -> list[tuple[Lesson, str]]:
    """The lessons whose own example a problem names (all of them when none is named)."""
    found = []
    for lesson in lessons:
        texts = [t for t in (*(lesson.example or ()), lesson.allow) if t]
        named = [p for p in problems if any(repr(t) in p for t in texts)]
        if named:
            found.append((lesson, named[0]))
    return found or [(lesson, problems[0]) for lesson in lessons]


def _put_back(target: Path, previous: str | None) -> None:
    from cleaner.atomic import atomic_write_text
    from cleaner.pipeline import forget_rules

    if previous is None:
        target.unlink(missing_ok=True)
    else:
        atomic_write_text(target, previous)
    forget_rules()


def _check(
    config: Config, touched: list[str], target: Path
) -> tuple[list[str], dict[str, list[str]]]:
    """What ``cleaner rules check`` says (problems loading the rule files) and what
    ``cleaner rules test CODES`` says (failing examples, by code). A failing example that
    is not in ``target`` is the rule's own: the lesson contradicts what its author wrote
    (often the very sentence, when the rule was written from this feed), and says so."""
    from cleaner.errors import CleanerError
    from cleaner.examples import check_rule
    from cleaner.pipeline import registry
    from cleaner.rules.rulebook import load_rules_checked

    _, errors = load_rules_checked(config)
    if errors:
        return [str(e) for e in errors], {}
    try:
        known = registry(config)
    except CleanerError as exc:
        return [str(exc)], {}
    failing: dict[str, list[str]] = {}
    for code in touched:
        record = known.records.get(code)
        if record is None:
            return [f"{code}: not in the registry after learning"], {}
        problems = [
            f.problem
            if _same_file(f.origin, target)
            else f"it would break the rule's own example at {f.origin}:{f.line} ({f.problem})"
            if f.line
            else f"it would break the rule's own example in {f.origin} ({f.problem})"
            for f in check_rule(record, config)
        ]
        if problems:
            failing[code] = problems
    return [], failing


def _same_file(origin: str, target: Path) -> bool:
    try:
        return Path(origin).resolve() == target.resolve()
    except (OSError, ValueError):
        return False


def _add_to_baseline(path: Path, pinned: list[Lesson], reviewed: list[Reviewed]) -> None:
    """Rejected findings as ``cleaner check`` baseline entries (merged into the file)."""
    from collections import Counter

    from cleaner import __version__
    from cleaner.lint.suppress import Baseline, BaselineKey, baseline_path_key, write_baseline
    from cleaner.lint.violations import context_of

    known = Baseline.load(path) if path.exists() else None
    root = known.root if known else path.resolve().parent
    counts: Counter[BaselineKey] = Counter(known.counts) if known else Counter()
    by_path = {r.article.path: r for r in reviewed}
    for lesson in pinned:
        r = by_path[lesson.source]
        assert lesson.baseline is not None
        start, end, seen = lesson.baseline
        key = BaselineKey(
            baseline_path_key(r.article.source, root),
            lesson.rule,
            seen,
            context_of(r.original, start, end),
        )
        if key not in counts:
            counts[key] += 1
    write_baseline(path, counts.elements(), __version__)
