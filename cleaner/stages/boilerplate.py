"""Strip non-article units (BP2xx) and lift metadata out of them, as recorded edits.

Rules first (``rules/boilerplate/*.yaml``, type ``boilerplate``), then block-level features
where rules run out: a run of headline-like units at the end (a link list), duplicated units.
Every decision is made on the sequence of *surviving* units, and the stage iterates to a
fixpoint before applying anything, so a second run over its output sees the same units and
removes nothing more: a link-list detector can never eat the article's new last paragraph.
Unit features depend only on the unit's own text (see ``cleaner.boilerplate.blocks``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar

import regex

from cleaner.boilerplate.blocks import Block, make_block, rebuild, stopwords
from cleaner.boilerplate.metadata import clean_value
from cleaner.config import Config
from cleaner.document import Document, Proposal
from cleaner.model import FixSafety, Level, Stage
from cleaner.registry import RuleExample, RuleRecord, allowed, examples
from cleaner.rules import regexes as rule_regex
from cleaner.rules.rulebook import load_rules
from cleaner.rules.types.boilerplate import BoilerplateRule
from cleaner.stages.base import PipelineStage

# Rounds of decide-on-survivors; three were always enough on the benchmark.
MAX_ROUNDS = 6

LINK_LIST = "BP250"
DUPLICATE = "BP251"
OUTSIDE_CONTENT = "BP260"
POSSIBLE_LINK_LIST = "BP290"

# A link list: at least this many headline-like units, this long on average.
LINK_LIST_MIN_UNITS = 3
LINK_LIST_MIN_MEAN_WORDS = 4.0
# A duplicated unit is removed only when it is at least this many tokens long and not a list
# item: short repeated lines ("Pros", "Location: New York", a subheading) are structure, and
# repeated list items are parallel content (measured on the benchmark: short repeats are
# mostly article text, long ones mostly a second copy).
DUPLICATE_MIN_TOKENS = 12
# The main-content region must carry at least this much prose score before anything outside
# it is removed (a page of short lines alone is left as it is).
REGION_MIN_SCORE = 40.0
# Whole-page text is mostly menu-like units (median 56% on WCXB full pages, 13% on extracted
# article text); below this share the region feature stays off, and a side of the region is
# cut only when that side is mostly such units itself.
PAGE_SHORT_SHARE = 0.35
# What a menu-like unit costs the region, plus one per word: enough that a long navigation
# block between two stretches of prose splits the region instead of being bridged.
MENU_PENALTY = 2.0
SIDE_SHORT_SHARE = 0.6


_PROSE = (
    "The council met on Monday evening to discuss the budget for the coming year, and "
    "after a long debate it approved the plan by nine votes to four."
)
_PROSE2 = (
    "Members said the new library and the repairs to the old bridge would be paid for "
    "from savings, and that the local tax rate would not rise this year."
)
_MENU = "Home\nNews\nSport\nWeather\nContact us\n\n"
_FOOTER = "\n\nAbout us\nPrivacy\nTerms of use\nCareers\n"
_LINKS = (
    "\n\nNew bridge opens to traffic in the city centre\n"
    "Local team wins the regional football cup final\n"
    "Mayor announces plans for a new public library\n"
)


def _bp(
    code: str,
    name: str,
    level: Level,
    fix: FixSafety,
    message: str,
    why: str,
    tests: tuple[RuleExample, ...],
    allows: tuple[RuleExample, ...] = (),
) -> RuleRecord:
    return RuleRecord(
        code, name, Stage.BOILERPLATE, level, fix, message, why, tests, allows, origin=__name__
    )


# The features where rules run out (README, "Boilerplate stripping"); the rule-file rules
# (BP2xx under rules/boilerplate/) register themselves.
RULES = (
    _bp(
        LINK_LIST,
        "tail-link-list",
        Level.ERROR,
        FixSafety.SAFE,
        "Link list of other headlines removed",
        f"A run of at least {LINK_LIST_MIN_UNITS} headline-like units (no sentence "
        f"punctuation, at least {LINK_LIST_MIN_MEAN_WORDS:g} words on average) that ends the "
        "text after prose is a list of links to other articles.",
        tests=examples((_PROSE + _LINKS, _PROSE + "\n")),
        allows=allowed(_PROSE + "\n\nRead this\nAnd that\nMore here\n"),
    ),
    _bp(
        DUPLICATE,
        "duplicate-unit",
        Level.ERROR,
        FixSafety.SAFE,
        "Duplicated unit removed",
        f"A unit of at least {DUPLICATE_MIN_TOKENS} tokens (not a list item) that repeats an "
        "earlier unit word for word is a second copy; short repeated lines are structure "
        "('Location: New York') and stay.",
        tests=examples((f"{_PROSE}\n\n{_PROSE2}\n\n{_PROSE}\n", f"{_PROSE}\n\n{_PROSE2}\n")),
        allows=allowed("Pros\n\nFast.\n\nPros\n\nCheap.\n"),
    ),
    _bp(
        OUTSIDE_CONTENT,
        "outside-content-region",
        Level.ERROR,
        FixSafety.SAFE,
        "Page furniture outside the article removed",
        f"On whole-page text (at least {PAGE_SHORT_SHARE:.0%} of units menu-like: a few words, "
        "no sentence punctuation) only the contiguous run of units with the most prose, and "
        "the headline right above it, is the article; a side of it goes only when that side "
        "is mostly menu-like itself.",
        tests=examples(
            (
                f"{_MENU}{_PROSE} {_PROSE2}\n\n{_PROSE2} {_PROSE}{_FOOTER}",
                f"{_PROSE} {_PROSE2}\n\n{_PROSE2} {_PROSE}\n",
            )
        ),
        allows=allowed(f"{_PROSE}\n\n{_PROSE2}\n"),
    ),
    _bp(
        POSSIBLE_LINK_LIST,
        "possible-link-list",
        Level.INFO,
        FixSafety.NONE,
        "Possible link list at the end; kept",
        "A short run of headline-like units ending the text that is not clearly a link list "
        "(too few words on average) is reported and kept.",
        tests=examples(
            (
                _PROSE + "\n\nRead this\nAnd that\nMore here\n",
                _PROSE + "\n\nRead this\nAnd that\nMore here\n",
            )
        ),
    ),
)


def load_boilerplate_rules(config: Config) -> tuple[BoilerplateRule, ...]:
    """The config's ``boilerplate`` rules (shipped folder plus ``extend-rules``)."""
    return tuple(r for r in load_rules(config) if isinstance(r, BoilerplateRule))


@dataclass(slots=True)
class _Decision:
    rule: str
    reason: str
    message: str


@dataclass(slots=True)
class _State:
    """What the rounds have decided so far, keyed by unit index."""

    blocks: list[Block]
    removed: dict[int, _Decision] = field(default_factory=dict)
    rewrites: dict[int, list[Proposal]] = field(default_factory=dict)
    lifted: dict[str, str] = field(default_factory=dict)
    reports: dict[tuple[int, str], tuple[Block, BoilerplateRule | None, str]] = field(
        default_factory=dict
    )
    # Regex results per (rule, unit text): rounds re-ask the same questions.
    matches: dict[tuple[str, str], regex.Match[str] | None] = field(default_factory=dict)

    def alive(self) -> list[Block]:
        return [b for b in self.blocks if b.index not in self.removed]

    def remove(self, block: Block, rule: str, reason: str, message: str) -> None:
        self.removed[block.index] = _Decision(rule, reason, message)
        self.rewrites.pop(block.index, None)


class Boilerplate(PipelineStage):
    """Removes boilerplate units and lifts date, source, author, dateline and title."""

    name: ClassVar[str] = "boilerplate"
    rules = RULES

    def __init__(self, config: Config) -> None:
        super().__init__(config)
        self.rules = load_boilerplate_rules(config)
        self.stopwords = stopwords()

    def run(self, doc: Document) -> None:
        if not doc.notes.get("english", True):
            return  # English patterns and stop words; the language check said otherwise
        text = doc.text
        paragraphs = doc.view.paragraphs
        blocks = [make_block(text, u, i, self.stopwords) for i, u in enumerate(paragraphs)]
        state = _State([b for b in blocks if b.text])
        for _ in range(MAX_ROUNDS):
            if not self._round(state, doc.policy.applies):
                break
        self._lift_title(state)
        for key, value in state.lifted.items():
            doc.metadata.setdefault(key, value)
        proposals: list[Proposal] = []
        for (_, rule_id), (block, rule, message) in state.reports.items():
            if block.index in state.removed:
                continue
            proposals.append(
                Proposal(
                    block.start,
                    block.end,
                    rule_id,
                    None,
                    message,
                    (rule.reason if rule else "") or message,
                    ("",),
                    rule.level if rule else Level.INFO,
                    rule.fix if rule else FixSafety.NONE,
                )
            )
        for block in state.blocks:
            decision = state.removed.get(block.index)
            if decision is not None:
                proposals.append(
                    Proposal(
                        block.span_start,
                        block.span_end,
                        decision.rule,
                        "",
                        decision.message,
                        decision.reason,
                    )
                )
            else:
                proposals.extend(state.rewrites.get(block.index, ()))
        doc.decide(Stage.BOILERPLATE, proposals)

    # -- one round of decisions on the survivors ---------------------------------------------

    def _round(self, state: _State, applies: Callable[[FixSafety], bool]) -> bool:
        before = (len(state.removed), len(state.rewrites))
        alive = state.alive()
        link_heads: list[tuple[int, BoilerplateRule]] = []
        for pos, block in enumerate(alive):
            for rule in self.rules:
                if not self.config.enabled(rule.id):
                    continue
                m = self._match(rule, block, pos, len(alive), state)
                if m is None:
                    continue
                # Whether ``decide`` will apply this rule's removal (the shared policy): the
                # survivors of this round depend on it.
                if rule.action == "lift" or not applies(rule.fix):
                    self._lift(rule, m, state)
                    if rule.action != "lift":
                        state.reports[(block.index, rule.id)] = (block, rule, rule.message)
                    continue
                if rule.block == "links":
                    link_heads.append((pos, rule))
                    break
                self._lift(rule, m, state)
                if rule.action == "remove":
                    state.remove(block, rule.id, _rule_reason(rule), rule.message)
                elif block.index not in state.rewrites:
                    self._rewrite(rule, block, state)
                break
        self._link_blocks(link_heads, alive, state)
        self._duplicates(state)
        self._tail_link_list(state)
        self._content_region(state)
        return (len(state.removed), len(state.rewrites)) != before

    def _match(
        self, rule: BoilerplateRule, block: Block, pos: int, count: int, state: _State
    ) -> regex.Match[str] | None:
        if rule.max_words and block.words > rule.max_words:
            return None
        if rule.position == "head" and pos >= 3:
            return None
        if rule.position == "tail" and pos < count - max(2, count // 3):
            return None
        key = (rule.id, block.text)
        if key not in state.matches:
            state.matches[key] = rule_regex.search(rule.compiled, block.text, rule)
        m = state.matches[key]
        if m is None:
            return None
        if _excepted(rule, block.text, m):
            return None
        for key, group in rule.lift:
            if clean_value(key, m.group(group) or "") is None:
                return None
        return m

    def _lift(self, rule: BoilerplateRule, m: regex.Match[str], state: _State) -> None:
        for key, group in rule.lift:
            value = clean_value(key, m.group(group) or "")
            if value is not None:
                state.lifted.setdefault(key, value)

    def _rewrite(self, rule: BoilerplateRule, block: Block, state: _State) -> None:
        """Strip or replace the matches inside a unit; a unit left empty goes entirely."""
        reps: list[Proposal] = []
        pieces: list[str] = []
        cursor = 0
        for m in rule_regex.finditer(rule.compiled, block.text, rule):
            if m.end() == m.start():
                continue
            new = m.expand(rule.replace) if rule.action == "replace" else ""
            pieces.append(block.text[cursor : m.start()] + new)
            cursor = m.end()
            reps.append(
                Proposal(
                    block.start + m.start(),
                    block.start + m.end(),
                    rule.id,
                    new,
                    rule.message,
                    _rule_reason(rule),
                )
            )
        pieces.append(block.text[cursor:])
        remaining = "".join(pieces)
        if not reps:
            return
        if not remaining.strip():
            state.remove(block, rule.id, _rule_reason(rule), rule.message)
            return
        state.rewrites[block.index] = reps
        new_block = rebuild(block, remaining, self.stopwords)
        state.blocks[state.blocks.index(block)] = new_block

    # -- features where rules run out --------------------------------------------------------

    def _link_blocks(
        self, heads: list[tuple[int, BoilerplateRule]], alive: list[Block], state: _State
    ) -> None:
        """A 'Related' heading takes the headline-like units after it, if there are any."""
        for pos, rule in heads:
            head = alive[pos]
            if head.index in state.removed:
                continue
            run = []
            for block in alive[pos + 1 :]:
                if block.index in state.removed:
                    continue
                if not block.title_like:
                    break
                run.append(block)
            taken = {b.index for b in run}
            at_end = all(b.index in state.removed or b.index in taken for b in alive[pos + 1 :])
            if not (at_end or len(run) >= 2):
                continue
            reason = _rule_reason(rule)
            state.remove(head, rule.id, reason, rule.message)
            for block in run:
                state.remove(
                    block,
                    rule.id,
                    f"{reason} (headline-like unit under the heading: {block.describe()})",
                    rule.message,
                )

    def _duplicates(self, state: _State) -> None:
        if not self.config.enabled(DUPLICATE):
            return
        seen: set[str] = set()
        for block in state.alive():
            key = block.key
            if len(block.tokens) < DUPLICATE_MIN_TOKENS or block.bullet:
                continue
            if key in seen:
                state.remove(
                    block,
                    DUPLICATE,
                    f"{DUPLICATE}: unit repeats an earlier unit word for word",
                    "Duplicated unit removed",
                )
            seen.add(key)

    def _tail_link_list(self, state: _State) -> None:
        """A run of headline-like units ending the text, after some prose: other headlines."""
        alive = state.alive()
        run: list[Block] = []
        for block in reversed(alive):
            if not block.title_like:
                break
            run.append(block)
        if len(run) == len(alive) or not any(b.prose for b in alive[: len(alive) - len(run)]):
            return
        mean = sum(b.words for b in run) / len(run) if run else 0.0
        if len(run) < LINK_LIST_MIN_UNITS:
            return
        if mean < LINK_LIST_MIN_MEAN_WORDS or not self.config.enabled(LINK_LIST):
            if self.config.enabled(POSSIBLE_LINK_LIST):
                block = run[-1]
                state.reports[(block.index, POSSIBLE_LINK_LIST)] = (
                    block,
                    None,
                    f"Possible link list at the end ({len(run)} short units without sentence "
                    f"punctuation, {mean:.1f} words on average); kept",
                )
            return
        for block in run:
            state.remove(
                block,
                LINK_LIST,
                f"{LINK_LIST}: link list at the end: run of {len(run)} headline-like units "
                f"({mean:.1f} words on average) after the article; this one: {block.describe()}",
                "Link list of other headlines removed",
            )

    def _content_region(self, state: _State) -> None:
        """Whole-page text: keep the contiguous run of units with the most prose.

        Each unit scores by its own features (prose sentences plus their words, headline-like
        or URL-heavy units minus theirs); the maximum-sum contiguous region is the article,
        everything before and after it is page furniture (menus, footers). Ties prefer the
        longer region, so the region of a region is itself: a second run removes nothing.
        """
        if not self.config.enabled(OUTSIDE_CONTENT):
            return
        alive = state.alive()
        if not alive or sum(map(_menu_like, alive)) < PAGE_SHORT_SHARE * len(alive):
            return
        best, best_range = 0.0, (0, -1)
        cur, cur_start = 0.0, 0
        for i, block in enumerate(alive):
            cur += unit_score(block)
            if cur >= best:
                best, best_range = cur, (cur_start, i)
            if cur < 0:
                cur, cur_start = 0.0, i + 1
        first, last = best_range
        # The headline usually sits right above the first paragraph: keep it with the region.
        if first > 0 and alive[first - 1].title_like and alive[first - 1].words >= 3:
            first -= 1
        if best < REGION_MIN_SCORE or (first == 0 and last == len(alive) - 1):
            return
        before, after = alive[:first], alive[last + 1 :]
        cut = [side for side in (before, after) if side and _furniture(side, side is after)]
        cut_ids = {b.index for side in cut for b in side}
        for i, block in enumerate(alive):
            if first <= i <= last or block.index not in cut_ids:
                continue
            where = "before" if i < first else "after"
            state.remove(
                block,
                OUTSIDE_CONTENT,
                f"{OUTSIDE_CONTENT}: {where} the main content region (units {first + 1}-"
                f"{last + 1} of {len(alive)}, prose score {best:.0f}); this unit: "
                f"{block.describe()}, score {unit_score(block):.1f}",
                "Page furniture outside the article removed",
            )

    def _lift_title(self, state: _State) -> None:
        """The first surviving unit is the title when it reads as a headline over prose."""
        alive = state.alive()
        if len(alive) < 2 or "title" in state.lifted:
            return
        first, second = alive[0], alive[1]
        if first.title_like and 3 <= first.words <= 25 and (second.prose or second.words > 25):
            state.lifted["title"] = " ".join(first.text.split())


def _excepted(rule: BoilerplateRule, text: str, m: regex.Match[str]) -> bool:
    """Whether the match overlaps a match of one of the rule's ``exceptions`` in the unit
    (the meaning ``exceptions`` has for every rule type)."""
    return any(
        e.start() < m.end() and m.start() < e.end()
        for p in rule.exceptions
        for e in rule_regex.finditer(regex.compile(p), text, rule)
    )


def _furniture(side: list[Block], after: bool) -> bool:
    """Whether the units on one side of the content region look like page furniture: mostly
    menu-like, and (after the article) no list the extractor marked up: a bulleted list that
    follows the prose is usually the article going on (a directory, a list of steps)."""
    menu = sum(map(_menu_like, side))
    bullets = sum(1 for b in side if b.bullet)
    return menu >= SIDE_SHORT_SHARE * len(side) and not (after and bullets >= 3)


def _menu_like(block: Block) -> bool:
    """A unit of the kind menus are made of: a few words, no sentence punctuation."""
    return block.words <= 4 and not block.sentence_end


def unit_score(block: Block) -> float:
    """A unit's contribution to the content region: positive for prose, negative for the
    short unpunctuated lines and link-heavy units that menus and footers are made of."""
    if block.url_chars >= 0.5:
        return -2.0 * max(block.words, 1)
    if block.sentence_end:
        if block.words >= 8:
            return float(block.words) * (1.0 if block.stop_density >= 0.2 else 0.5)
        return 1.0
    if block.bullet:
        return 0.5 * block.words if block.words >= 5 else -1.0
    if block.words >= 15:
        return 0.5 * block.words
    return -MENU_PENALTY - block.words


def _rule_reason(rule: BoilerplateRule) -> str:
    text = f"{rule.id}: {rule.message}"
    return f"{text} ({rule.reason})" if rule.reason else text
