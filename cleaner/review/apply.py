"""``cleaner review apply``: clean each reviewed article again with its reviewer's verdicts.

Nothing is patched into an output file: the article is read again, must still be the text that
was reviewed (its content hash), and is cleaned by the one pipeline with the decisions handed
to the decide step, where a rejected proposal is dropped and an accepted suggestion becomes an
edit. So every change is still an ``Edit`` (the log restores the original) and the output is
exactly what ``cleaner clean`` would write had the reviewer's choices been rules.

Everything is checked before anything is written: a stale hash, a missing file, a rule the
registry does not know or a span that does not fit the article is one line each, and then
nothing changes (exit 2).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from cleaner.config import Config, Resolver
from cleaner.document import Verdict
from cleaner.errors import CleanerError
from cleaner.model import CleanResult
from cleaner.outputs import WritePlan, is_ours, sidecar_path
from cleaner.reader import FILE_RULES, Decoded, guess_refusal, read_file
from cleaner.review.decisions import (
    ArticleDecisions,
    Decision,
    DecisionsError,
    DecisionSet,
    content_hash,
)


@dataclass(slots=True)
class Reviewed:
    """One article of the decisions file, read and checked: ready to clean again."""

    article: ArticleDecisions
    original: str
    config: Config
    encoding: str
    notice: str | None = None
    decoded: Decoded | None = None


def read_reviewed(
    decisions: DecisionSet,
    resolver: Resolver,
    encoding: str | None,
    knows: Callable[[Config, str], bool],
) -> list[Reviewed]:
    """Every article of ``decisions`` read and checked against what was reviewed.

    Raises ``DecisionsError`` with one line per problem: a file that cannot be read, a text
    that changed since the review (content hash), a rule code ``knows`` denies, a decision
    whose span does not fit the article or whose edit text is not there."""
    problems: list[str] = []
    found: list[Reviewed] = []
    for art in decisions.articles:
        try:
            config = resolver.for_path(art.source)
            decoded = read_file(art.source, config.max_file_bytes, encoding)
        except CleanerError as exc:
            problems.append(str(exc))
            continue
        text = decoded.text
        if content_hash(text) != art.sha256:
            problems.append(
                f"{art.source}: changed since it was reviewed (its text no longer has the "
                f"content hash in {decisions.file.name}); report on it again and review that"
            )
            continue
        where = f"{decisions.file}: {art.path}"
        for k, d in enumerate(art.decisions, 1):
            for rule in dict.fromkeys((d.rule, *d.rules)):
                if rule in FILE_RULES:
                    problems.append(
                        f"{where}: decision {k}: {rule} is about how the file was read, not "
                        "its text: no decision answers it (pass --encoding to confirm the "
                        "encoding, or set accept-guessed-encoding = true)"
                    )
                elif not knows(config, rule):
                    problems.append(
                        f"{where}: decision {k}: unknown rule '{rule}' "
                        "(`cleaner rules list` shows every code)"
                    )
            if d.end > len(text):
                problems.append(
                    f"{where}: decision {k}: span {d.start}-{d.end} is outside the article "
                    f"({len(text)} characters)"
                )
            elif d.kind == "edit" and text[d.start : d.end] != d.text:
                problems.append(
                    f"{where}: decision {k}: the article has {text[d.start : d.end]!r} at "
                    f"{d.start}-{d.end}, not {d.text!r}"
                )
        found.append(Reviewed(art, text, config, decoded.encoding, decoded.notice, decoded))
    if problems:
        raise DecisionsError(problems)
    return found


@dataclass(slots=True)
class ArticleReview:
    """One article's decisions, answering the decide step's question for each proposal.

    A rejected change drops every proposal of its rules inside its span (the change is a
    maximal rewritten stretch, so those are its edits, in every round of the pipeline); an
    accepted change is left to the rules. A finding is matched by rule, text and span; an
    accepted one becomes an edit of the chosen suggestion, a rejected one is dropped.
    ``used`` records which decisions met their proposal.
    """

    decisions: tuple[Decision, ...]
    used: set[int] = field(default_factory=set)

    def __call__(self, rule: str, start: int, end: int, text: str) -> Verdict | None:
        for k, d in enumerate(self.decisions):
            if d.kind == "edit":
                if rule in d.rules and d.start <= start and end <= d.end:
                    self.used.add(k)
                    return None if d.accepted else Verdict(None)
            elif rule == d.rule and text == d.text and _meets(start, end, d.start, d.end):
                self.used.add(k)
                if not d.accepted:
                    return Verdict(None)
                note = f": {d.note}" if d.note else ""
                return Verdict(d.suggestion, f"accepted in review{note}")
        return None

    def unused(self) -> list[Decision]:
        return [d for k, d in enumerate(self.decisions) if k not in self.used]


def _meets(a: int, b: int, c: int, d: int) -> bool:
    """The same place: overlapping spans, or equal empty ones."""
    return (a < d and c < b) or (a == b == c == d)


@dataclass(slots=True)
class Applied:
    """One article cleaned with its decisions."""

    reviewed: Reviewed
    result: CleanResult
    unused: list[Decision]


def apply_one(reviewed: Reviewed) -> Applied:
    from cleaner.pipeline import clean_decoded

    review = ArticleReview(reviewed.article.decisions)
    decoded = reviewed.decoded or Decoded(reviewed.original, reviewed.encoding, reviewed.notice)
    result = clean_decoded(decoded, reviewed.config, review)
    return Applied(reviewed, result, review.unused())


@dataclass(frozen=True, slots=True)
class Target:
    """Where one reviewed article goes, and its sidecar (``None``: none written)."""

    output: Path
    sidecar: Path | None


def refuse_guesses(reviewed: list[Reviewed], in_place: bool) -> None:
    """``--in-place`` does not rewrite a file whose encoding was guessed, as ``fix`` and
    ``clean --in-place`` do not (written back as UTF-8, a wrong guess would become
    permanent): one line each, before anything is written."""
    problems = [
        f"{r.article.source}: {guess_refusal(r.encoding, r.decoded.alternatives)}"
        for r in reviewed
        if in_place
        and r.decoded is not None
        and r.decoded.guessed
        and not r.config.accept_guessed_encoding
    ]
    if problems:
        raise DecisionsError(problems)


def output_paths(
    decisions: DecisionSet, outdir: Path | None, in_place: bool, sidecar: bool
) -> dict[str, Target]:
    """Where each article's reviewed text goes: ``-o DIR`` mirrors the batch, ``--in-place``
    rewrites the input, and by default the file ``cleaner clean -o`` wrote for the report.
    A sidecar is written with ``--sidecar``, and rewritten where one of ours is already (it
    must follow its text). Every path is claimed first (``cleaner.outputs``): an input, two
    articles on one path, or a file there that is not a cleaner sidecar is refused, in one
    line each, before anything is written."""
    if in_place and outdir is not None:
        raise CleanerError("--in-place and -o/--output cannot be used together")
    writes = WritePlan([] if in_place else [a.source for a in decisions.articles])
    plan: dict[str, Target] = {}
    problems: list[str] = []
    for art in decisions.articles:
        if in_place:
            output = art.source
        elif outdir is not None:
            output = outdir / art.path
        elif art.output is not None:
            output = art.output
        else:
            problems.append(
                f"{decisions.file}: {art.path}: the report wrote no cleaned file for it "
                "(made by `cleaner report`): give -o DIR, or --in-place to rewrite the input"
            )
            continue
        what = f"the reviewed {art.path}"
        problem = None if in_place else writes.claim(output, "output", what)
        side = sidecar_path(output)
        if problem is None and (sidecar or is_ours(side, "sidecar")):
            problem = writes.claim(side, "sidecar", f"the sidecar of {art.path}")
        else:
            side = None
        if problem is not None:
            problems.append(problem)
        plan[art.path] = Target(output, side)
    if problems:
        raise DecisionsError(problems)
    return plan
