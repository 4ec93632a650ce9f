"""The working document: current text plus the log that makes every change reversible.

Stages never assign ``doc.text`` and never decide on their own whether a change is made:
they hand ``Document.decide`` a batch of *proposals* against the current text, and ``decide``
turns each into an edit, a finding, or nothing (see its docstring), then applies the edits
as one batch. Each batch is recorded with its positions before and after, so that

* any position in the current text can be mapped back to the original (for edit and finding
  spans a reviewer can trust), and forwards to the final text (for findings raised mid-way);
* ``restore`` can undo batches in reverse order and get the original back exactly.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from cleaner.model import CleanResult, Edit, Finding, FixSafety, Level, Stage
from cleaner.textview import SpanSet, TextView

# Stages that change or judge the article's wording. URLs, e-mail addresses and code are off
# limits to them, and a span one of them already reported is not reported again by another.
WORDING_STAGES = frozenset({Stage.ARTIFACT, Stage.GRAMMAR})


@dataclass(frozen=True, slots=True)
class Proposal:
    """What a stage proposes for ``text[start:end]`` of the current text.

    ``new`` is the fix (``None``: nothing to apply, only a finding). ``level`` and ``fix``
    default to the rule's registered ones; a stage passes them only when this hit differs
    (an echo is a safe fix only when the doubled word is an article). ``suggestions``
    default to ``(new,)``.
    """

    start: int
    end: int
    rule: str
    new: str | None = None
    message: str = ""
    reason: str = ""
    suggestions: tuple[str, ...] | None = None
    level: Level | None = None
    fix: FixSafety | None = None


def _always(_rule: str) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class Verdict:
    """A reviewer's decision on one proposal (``cleaner review apply``): ``new`` is the text
    to write (an accepted suggestion), or ``None`` for a rejection (no edit, no finding)."""

    new: str | None
    reason: str = ""


# (rule, start, end in the original text, the proposal's text) -> the reviewer's verdict.
Review = Callable[[str, int, int, str], Verdict | None]


def _no_defaults(_rule: str) -> tuple[Level, FixSafety] | None:
    return None


@dataclass(slots=True)
class Policy:
    """What ``decide`` needs from the config and the rule registry, built once per pipeline:
    which rules run, whether unsafe fixes apply, and each rule's registered level and fix
    safety (for proposals that do not carry their own)."""

    enabled: Callable[[str], bool] = _always
    unsafe_fixes: bool = False
    defaults: Callable[[str], tuple[Level, FixSafety] | None] = _no_defaults
    # Whether a hit of a rule at ``text[start:end]`` falls in one of the rule's
    # ``exceptions`` (from its record in the registry): (rule, text, start, end) -> bool.
    excepted: Callable[[str, str, int, int], bool] | None = None
    # One article's review decisions, when ``cleaner review apply`` cleans it again.
    review: Review | None = None

    def applies(self, fix: FixSafety) -> bool:
        """ruff's rule: safe fixes apply, unsafe ones only when opted in, others never."""
        return fix is FixSafety.SAFE or (fix is FixSafety.UNSAFE and self.unsafe_fixes)


def clash(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Whether two spans claim the same text: they overlap, or an empty one (an insertion)
    lies strictly inside the other, or both are empty at the same place."""
    if a_start == a_end and b_start == b_end:
        return a_start == b_start
    if a_start == a_end:
        return b_start < a_start < b_end
    if b_start == b_end:
        return a_start < b_start < a_end
    return a_start < b_end and b_start < a_end


@dataclass(frozen=True, slots=True)
class Replacement:
    """A decided change to the current text: ``text[start:end]`` becomes ``new``."""

    start: int
    end: int
    new: str
    rule: str
    reason: str
    message: str = ""
    # The rule's level and fix safety (as ``decide`` resolved them): lint output shows an
    # edit's own level and safety instead of guessing from the stage.
    level: Level | None = None
    fix: FixSafety | None = None


@dataclass(slots=True)
class _Batch:
    """One ``apply`` call: parallel sorted arrays of input and output spans."""

    stage: Stage
    in_starts: list[int]
    in_ends: list[int]
    out_starts: list[int]
    out_ends: list[int]
    replacements: list[Replacement]
    olds: list[str]


def _map(
    pos: int,
    starts: list[int],
    ends: list[int],
    other_starts: list[int],
    other_ends: list[int],
    is_end: bool,
) -> int:
    """Map ``pos`` across one batch (either direction: pass the arrays swapped to go back).

    A position strictly inside a replaced span snaps outwards, to the start of the replacement
    for a span start and to its end for a span end, so a mapped span always covers the change.
    """
    if not starts:
        return pos
    # Last replacement whose start is at or before pos.
    i = bisect_right(starts, pos) - 1
    if i < 0:
        return pos
    s, e = starts[i], ends[i]
    if pos == s:
        # A start here begins the replacement; an end here stops just before it, unless an
        # empty span (an insertion) sits at the same place, where both coincide.
        return other_starts[i]
    if pos < e:
        return other_ends[i] if is_end else other_starts[i]
    return pos - e + other_ends[i]


class _Taken:
    """Spans that do not clash with one another, sorted, so that whether a new span clashes
    with any of them is a look at its neighbours, not at all of them: a detector's
    proposals come after the rule stage's, from the top of the text again, and testing each
    against every accepted edit made a large file quadratic.

    Sorted by (start, end), such spans also have ascending ends (an empty span can only sit
    at another's edge), so the ones that can clash with ``[start, end]`` are a run that
    begins at the first end >= ``start``."""

    __slots__ = ("ends", "spans")

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []
        self.ends: list[int] = []

    def clashes(self, start: int, end: int) -> bool:
        spans = self.spans
        i = bisect_left(self.ends, start)
        while i < len(spans) and spans[i][0] <= end:
            if clash(start, end, *spans[i]):
                return True
            i += 1
        return False

    def add(self, start: int, end: int) -> None:
        i = bisect_right(self.spans, (start, end))
        self.spans.insert(i, (start, end))
        self.ends.insert(i, end)


class _Earlier:
    """The earlier wording findings, indexed by start: a proposal can only clash with one
    that starts within the longest finding's length before it, so each proposal looks at
    those, where scanning every finding made a large file quadratic."""

    __slots__ = ("findings", "longest", "order", "starts")

    def __init__(self, findings: list[_PendingFinding]) -> None:
        self.findings = findings
        self.order = sorted(range(len(findings)), key=lambda i: findings[i].start)
        self.starts = [findings[i].start for i in self.order]
        self.longest = max((f.end - f.start for f in findings), default=0)

    def first_clash(self, start: int, end: int) -> _PendingFinding | None:
        """The first finding (in the order given) that clashes with ``[start, end]``."""
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_right(self.starts, end)
        first = None
        for i in self.order[lo:hi]:
            f = self.findings[i]
            if (first is None or i < first) and clash(start, end, f.start, f.end):
                first = i
        return None if first is None else self.findings[first]


def _noted(earlier: _Earlier, p: Proposal) -> bool:
    """Whether an earlier wording finding covers ``p``'s span; if so, say so on it."""
    f = earlier.first_clash(p.start, p.end)
    if f is None:
        return False
    if f.rule != p.rule:
        note = f"also reported by {p.rule}"
        if note not in f.reason:
            f.reason = f"{f.reason}; {note}" if f.reason else note
    return True


def _answered(
    earlier: _Earlier, p: Proposal, fix: FixSafety, reviewed: bool
) -> _PendingFinding | None:
    """The earlier finding ``p`` answers, if any: one with no fix and no suggestion (a
    question such as MT102's "a split compound or a broken word?") lying inside ``p``'s span,
    where ``p`` is a safe fix of another rule. Anything else (an earlier fix, a suggestion, a
    finding reaching outside ``p``) keeps the earlier decision."""
    if p.new is None or (fix is not FixSafety.SAFE and not reviewed):
        return None
    f = earlier.first_clash(p.start, p.end)
    if (
        f is None
        or f.rule == p.rule
        or f.suggestions
        or f.fix is not FixSafety.NONE
        or not (p.start <= f.start and f.end <= p.end)
    ):
        return None
    return f


def _accepted(p: Proposal, verdict: Verdict) -> Proposal:
    """The proposal as the reviewer accepted it: the chosen text as its fix (applied whatever
    the rule's fix safety: a person decided), with the review in its reason."""
    reason = "; ".join(x for x in (p.reason or p.message, verdict.reason) if x)
    return Proposal(
        p.start, p.end, p.rule, verdict.new, p.message, reason, p.suggestions, p.level, p.fix
    )


@dataclass(slots=True)
class _PendingFinding:
    start: int
    end: int
    seq: int
    rule: str
    stage: Stage
    level: Level
    message: str
    suggestions: tuple[str, ...]
    fix: FixSafety
    reason: str
    text: str


class Document:
    """Mutable state threaded through the pipeline stages."""

    def __init__(
        self,
        text: str,
        metadata: dict[str, Any] | None = None,
        policy: Policy | None = None,
        origin: Callable[[int, bool], int] | None = None,
    ) -> None:
        self.original = text
        # Maps a position of ``original`` to the article as read, for a document that starts
        # from an earlier document's output (the pipeline's convergence check): a reviewer's
        # verdicts are pinned to the article's own offsets.
        self.origin = origin
        self.text = text
        self.metadata: dict[str, Any] = dict(metadata or {})
        self.policy = policy or Policy()
        # Free-form scratch space stages use to talk to later stages (e.g. language, score).
        self.notes: dict[str, Any] = {}
        # Results of pure functions of the text (a paragraph's features, a regex's match on
        # it) that a stage keeps for this article, keyed by their input. The convergence
        # check's document shares its article's memo, so re-checking unchanged paragraphs
        # costs a lookup; a changed paragraph is a different key.
        self.memo: dict[str, Any] = {}
        self._batches: list[_Batch] = []
        self._findings: list[_PendingFinding] = []
        self._view: TextView | None = None

    @property
    def view(self) -> TextView:
        """Facts about the current text, computed on first use; ``apply`` drops them."""
        if self._view is None:
            self._view = TextView(self.text)
        return self._view

    # -- the one decision point -------------------------------------------------------------

    def decide(self, stage: Stage, proposals: Iterable[Proposal]) -> int:
        """Turn each proposal into an edit, a finding or nothing; apply the edits as one batch.

        In order, for each proposal (in the order given, which is the stage's priority):

        1. the rule is enabled (``select``/``ignore``, per-path ignores) or it is dropped;
        2. the span is not protected: a ``[sic]`` word and its mark are left alone by every
           rule; URLs, e-mail addresses and lines of code by the wording stages; a hit
           overlapping a match of one of the rule's ``exceptions`` in its line by that rule
           (rule files and their ``amend`` entries give them, for code rules too); a
           reviewer's verdict (``cleaner review apply``): a rejected proposal is dropped, an
           accepted suggestion becomes the edit;
        3. it does not claim text an earlier decision claimed: a wording proposal on a span
           another wording stage already reported is dropped and noted on that finding
           ("also reported by ..."); an edit clashing with one accepted earlier in this batch
           becomes a finding (reported, not lost);
        4. it has a fix that is safe, or unsafe and opted in: then it is an edit, else a
           finding with the fix as a suggestion.

        Every edit and finding carries the rule's level and fix safety (its own, or the
        registered ones), so ``check``, ``fix``, ``clean`` and the report see one decision.
        Returns how many edits changed the text.
        """
        policy = self.policy
        wording = stage in WORDING_STAGES
        earlier = _Earlier(
            [f for f in self._findings if f.stage in WORDING_STAGES] if wording else []
        )
        accepted: list[Replacement] = []
        found: list[_PendingFinding] = []
        text = self.text
        seq = len(self._batches)
        sic: SpanSet | None = None  # looked up at the first proposal: most batches have none
        literal: SpanSet | None = None
        reach = -1  # the furthest end of an accepted edit
        taken = _Taken()  # the accepted edits' spans, for the proposals out of text order
        superseded: set[int] = set()  # earlier findings a safe fix here answers
        for p in proposals:
            rule = p.rule
            if not policy.enabled(rule):
                continue
            start, end = p.start, p.end
            if sic is None:
                view = self.view
                sic = view.sic_spans
                literal = view.literal_spans if wording else SpanSet([])
            if sic and sic.touches(start, end):
                continue
            if literal and literal.touches(start, end):
                continue
            if policy.excepted is not None and policy.excepted(rule, text, start, end):
                continue
            reviewed = False
            if policy.review is not None:
                verdict = self._verdict(policy.review, p)
                if verdict is not None:
                    if verdict.new is None:
                        continue
                    p, reviewed = _accepted(p, verdict), True
            level, fix = p.level, p.fix
            if level is None or fix is None:
                registered = policy.defaults(rule)
                if registered is not None:
                    level = level or registered[0]
                    fix = fix or registered[1]
            level = level or Level.WARNING
            fix = fix or (FixSafety.SAFE if p.new is not None else FixSafety.NONE)
            new = p.new
            if earlier.findings:
                answered = _answered(earlier, p, fix, reviewed)
                if answered is not None:
                    # An earlier finding that only asked ("a split compound or a broken
                    # word?") and a later stage's safe fix that answers it: the edit wins and
                    # the question goes, or one span would stay a finding for ever.
                    superseded.add(id(answered))
                    note = f"answers {answered.rule}: {answered.message}"
                    p = replace(p, reason=f"{p.reason or p.message}; {note}")
                elif _noted(earlier, p):
                    continue
            if new is not None and (reviewed or policy.applies(fix)):
                # Proposals mostly come in text order: then only the furthest end matters.
                free = start > reach or (start == reach and start != end)
                if free or not taken.clashes(start, end):
                    reason = p.reason or p.message
                    accepted.append(
                        Replacement(start, end, new, rule, reason, p.message, level, fix)
                    )
                    taken.add(start, end)
                    reach = max(reach, end)
                    continue
            suggestions = (
                p.suggestions if p.suggestions is not None else ((new,) if new is not None else ())
            )
            found.append(
                _PendingFinding(
                    start,
                    end,
                    seq,
                    rule,
                    stage,
                    level,
                    p.message,
                    tuple(suggestions),
                    fix,
                    p.reason,
                    text[start:end],
                )
            )
        if superseded:
            self._findings = [f for f in self._findings if id(f) not in superseded]
        self._findings.extend(found)
        return self.apply(stage, accepted)

    def _verdict(self, review: Review, p: Proposal) -> Verdict | None:
        start = self.to_original(p.start)
        end = max(start, self.to_original(p.end, is_end=True))
        if self.origin is not None:
            start, end = self.origin(start, False), self.origin(end, True)
        return review(p.rule, start, end, self.text[p.start : p.end])

    # -- changing the text ------------------------------------------------------------------

    def apply(self, stage: Stage, replacements: Iterable[Replacement]) -> int:
        """Apply a batch of replacements; returns how many changed anything.

        Replacements must not overlap (a stage resolves its own conflicts first: which fix
        wins is policy, not bookkeeping). No-op replacements are dropped so that a second run
        over clean text records nothing.
        """
        reps = sorted(
            (r for r in replacements if self.text[r.start : r.end] != r.new),
            key=lambda r: (r.start, r.end),
        )
        if not reps:
            return 0
        text = self.text
        parts: list[str] = []
        in_starts: list[int] = []
        in_ends: list[int] = []
        out_starts: list[int] = []
        out_ends: list[int] = []
        olds: list[str] = []
        cursor = 0
        out_len = 0
        for r in reps:
            if r.start < cursor or r.end < r.start or r.end > len(text):
                raise ValueError(
                    f"overlapping or out-of-range replacement {r.rule} at {r.start}-{r.end}"
                )
            kept = text[cursor : r.start]
            parts.append(kept)
            out_len += len(kept)
            in_starts.append(r.start)
            in_ends.append(r.end)
            out_starts.append(out_len)
            parts.append(r.new)
            out_len += len(r.new)
            out_ends.append(out_len)
            olds.append(text[r.start : r.end])
            cursor = r.end
        parts.append(text[cursor:])
        batch = _Batch(stage, in_starts, in_ends, out_starts, out_ends, reps, olds)
        self._view = None
        for f in self._findings:
            f.start = _map(f.start, in_starts, in_ends, out_starts, out_ends, is_end=False)
            f.end = _map(f.end, in_starts, in_ends, out_starts, out_ends, is_end=True)
        self._batches.append(batch)
        self.text = "".join(parts)
        return len(reps)

    def absorb(self, other: Document) -> int:
        """Replay the edit batches of ``other``, a document started from this one's text."""
        if other.original != self.text:
            raise ValueError("can only absorb a document that started from this text")
        count = 0
        for batch in other._batches:
            count += self.apply(batch.stage, batch.replacements)
        return count

    def replaced(self) -> Iterator[tuple[Replacement, str]]:
        """Every replacement applied so far with the text it replaced, batch by batch: a
        later stage reads what an earlier one repaired (the detectors, a name the rule
        engine repaired whole, so its family word alone elsewhere is the same garble)."""
        for batch in self._batches:
            yield from zip(batch.replacements, batch.olds, strict=True)

    @property
    def batches(self) -> int:
        """How many batches of edits have been applied so far."""
        return len(self._batches)

    def rules_since(self, batch: int) -> frozenset[str]:
        """The rule codes of the edits applied after the first ``batch`` batches (which
        steps of a stage edited: tests/test_fast_paths.py asks it of the normaliser)."""
        return frozenset(r.rule for b in self._batches[batch:] for r in b.replacements)

    # -- reporting problems -----------------------------------------------------------------

    def report(
        self,
        *,
        start: int,
        end: int,
        rule: str,
        stage: Stage,
        level: Level,
        message: str,
        suggestions: Iterable[str] = (),
        fix: FixSafety = FixSafety.NONE,
        reason: str = "",
    ) -> None:
        """Record a finding on ``text[start:end]`` of the *current* text, undecided: stages
        go through ``decide``; this is for tests and tools that build a log by hand."""
        self._findings.append(
            _PendingFinding(
                start=start,
                end=end,
                seq=len(self._batches),
                rule=rule,
                stage=stage,
                level=level,
                message=message,
                suggestions=tuple(suggestions),
                fix=fix,
                reason=reason,
                text=self.text[start:end],
            )
        )

    @property
    def findings(self) -> list[_PendingFinding]:
        """Findings so far, spans in the current text (later stages may merge or drop them)."""
        return self._findings

    # -- mapping ----------------------------------------------------------------------------

    def to_original(self, pos: int, *, is_end: bool = False, upto: int | None = None) -> int:
        """Map a position in the text after batch ``upto`` (default: now) to the original."""
        n = len(self._batches) if upto is None else upto
        for b in reversed(self._batches[:n]):
            pos = _map(pos, b.out_starts, b.out_ends, b.in_starts, b.in_ends, is_end)
        return pos

    def applied(self) -> list[tuple[int, str]]:
        """Every applied change as (position in the current text, rule id), oldest first.

        For stages that place edits in today's paragraphs (the damage score): each change's
        output position carried forward through every later batch.
        """
        out: list[tuple[int, str]] = []
        for seq, b in enumerate(self._batches):
            for i, r in enumerate(b.replacements):
                pos = b.out_starts[i]
                for later in self._batches[seq + 1 :]:
                    pos = _map(
                        pos,
                        later.in_starts,
                        later.in_ends,
                        later.out_starts,
                        later.out_ends,
                        is_end=False,
                    )
                out.append((pos, r.rule))
        return out

    # -- result -----------------------------------------------------------------------------

    def result(self) -> CleanResult:
        """Freeze the document into the public ``CleanResult``."""
        edits: list[Edit] = []
        for seq, b in enumerate(self._batches):
            for i, r in enumerate(b.replacements):
                start = self.to_original(b.in_starts[i], upto=seq)
                end = self.to_original(b.in_ends[i], is_end=True, upto=seq)
                edits.append(
                    Edit(
                        rule=r.rule,
                        stage=b.stage,
                        reason=r.reason,
                        old=b.olds[i],
                        new=r.new,
                        start=start,
                        end=max(start, end),
                        pos=b.in_starts[i],
                        seq=seq,
                        message=r.message,
                        level=r.level,
                        fix=r.fix,
                    )
                )
        findings: list[Finding] = []
        for f in self._findings:
            start = self.to_original(f.start)
            end = max(start, self.to_original(f.end, is_end=True))
            findings.append(
                Finding(
                    rule=f.rule,
                    stage=f.stage,
                    level=f.level,
                    message=f.message,
                    text=f.text,
                    start=start,
                    end=end,
                    out_start=f.start,
                    out_end=f.end,
                    suggestions=f.suggestions,
                    fix=f.fix,
                    reason=f.reason,
                )
            )
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
        return CleanResult(
            text=self.text, edits=edits, findings=findings, metadata=dict(self.metadata)
        )
