"""Strip non-article units (BP2xx), as recorded edits.

Rules first (``rules/boilerplate/*.yaml``, type ``boilerplate``), then block-level features
where rules run out: a run of headline-like units at the end (a link list), duplicated units.
Every decision is made on the sequence of *surviving* units, and the stage iterates to a
fixpoint before applying anything, so a second run over its output sees the same units and
removes nothing more: a link-list detector can never eat the article's new last paragraph.
Unit features depend only on the unit's own text (see ``cleaner.boilerplate.blocks``).
Metadata (title, author, date ...) is the metadata stage's job (``cleaner.metadata``); a rule's
``lift`` groups here only gate it: a date-line rule removes a line only if its date parses.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

import regex

from cleaner.boilerplate.blocks import (
    STRAIGHTENED,
    Block,
    WordFeatures,
    facts,
    make_block,
    matching_text,
    rebuild,
    stopwords,
    unit_block,
    word_features,
    word_key,
)
from cleaner.boilerplate.lists import (
    MIN_RECORDS,
    content_runs,
    is_content_list,
    link_suffix,
    ordinary,
    prose_names,
)
from cleaner.config import Config
from cleaner.document import Document, Proposal
from cleaner.metadata.values import clean_value
from cleaner.model import FixSafety, Level, Stage
from cleaner.registry import RuleExample, RuleRecord, allowed, examples
from cleaner.rules import regexes as rule_regex
from cleaner.rules.cues import Triggers
from cleaner.rules.rulebook import rule_book
from cleaner.rules.types.boilerplate import BoilerplateRule
from cleaner.segment import Unit
from cleaner.stages.base import PipelineStage
from cleaner.textview import TextView, may_hold_sic

# Rounds of decide-on-survivors; three were always enough on the benchmark.
MAX_ROUNDS = 6
# Enabled rules with their compiled patterns, in order (``Boilerplate.searched``).
_Searched = tuple[tuple[BoilerplateRule, regex.Pattern[str]], ...]
# How many sets of fired rules the stage keeps its rule lists for (each a few references;
# 120 WCXB pages meet 850 sets, one of them in 58% of the units: no cue at all).
_FIRED_SETS = 8192
# What the stage keeps per article (``Document.memo``), by unit text: blocks, regex
# matches, candidate rules, word features (by ``word_key``), fired rules.
_Memos = tuple[
    dict[str, Block],
    dict[tuple[str, str], "regex.Match[str] | None"],
    dict[str, tuple[BoilerplateRule, ...]],
    dict[str, WordFeatures],
    dict[str, frozenset[str]],
]


def _memos(memo: dict[str, Any]) -> _Memos:
    found: _Memos = memo.setdefault("boilerplate", ({}, {}, {}, {}, {}))
    return found


LINK_LIST = "BP250"
DUPLICATE = "BP251"
OUTSIDE_CONTENT = "BP260"
POSSIBLE_LINK_LIST = "BP290"

# A link list: at least this many headline-like units, this long on average.
LINK_LIST_MIN_UNITS = 3
LINK_LIST_MIN_MEAN_WORDS = 4.0
# A duplicated unit is removed only when it is at least this many tokens long, not a list
# item and not a heading: short repeated lines ("Pros", "Location: New York") are structure,
# repeated list items are parallel content, and a heading that repeats an earlier line is the
# article's own subheading after a table of contents (measured on the benchmark: short
# repeats are mostly article text, long ones mostly a second copy; on the tuning part a
# quarter of the repeated headings removed were article text, on extracted text 69 of 161
# tokens, against a fifth of repeated sentences).
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
# Whole-page text carries navigation: at least this many menu-like units in a row (not list
# items the extractor marked, not the story's data). An extracted article with a long list
# has a high share of short units but no such run. (Measured on the tuning part of WCXB-dev:
# 4 / 6 / 8 lose 961 / 778 / 777 gold tokens on extracted text; whole pages score F1
# 0.9050 / 0.9050 / 0.9048.)
NAV_RUN = 6
# How far above the article's prose its title may sit (bylines, dates, share buttons,
# a picture caption between).
TITLE_LOOKBACK = 10
# At most this many record lines (venue, date, kick-off, referee ...) between a headline and
# the prose it heads.
HEADER_MAX_UNITS = 8


_PROSE = (
    "The council met on Monday evening to discuss the budget for the coming year, and "
    "after a long debate it approved the plan by nine votes to four."
)
_PROSE2 = (
    "Members said the new library and the repairs to the old bridge would be paid for "
    "from savings, and that the local tax rate would not rise this year."
)
_MENU = "Home\nNews\nSport\nWeather\nBusiness\nContact us\n\n"
_FOOTER = "\n\nAbout us\nPrivacy\nTerms of use\nCareers\nAdvertise\nHelp\n"
_TEMPLATED = "".join(f"\nCouncil tax advice in {t}, Kent" for t in ("Dover", "Deal", "Ramsgate"))
_RESULTS = (
    "\n\nCouncil by-election results\n"
    "Dover North: Ann Price (Independent) 1,204\n"
    "Deal Castle: Tom Reyes (Labour) 988\n"
    "Ramsgate East: Sue Okafor (Green) 1,431\n"
)
_FIXTURES = (
    "\n\nCup draw\n"
    "Dover Athletic v Deal Town\nRamsgate v Margate\nFolkestone v Hythe Town\n"
    "Whitstable v Faversham\nHerne Bay v Sittingbourne\nChatham v Maidstone\n"
)
_SQUAD = "\n\nSquad\nOkafor\nIbarra\nMensah\nAdeyemi\nLindahl\nAkande\nVarley\nBarros\n"
# A table of contents whose entries are the article's own subheadings.
_HEAD1 = "How the council will pay for the new library and the repairs to the old bridge"
_HEAD2 = "Why the local tax rate will not rise this year despite the new spending plans"
_TOC = f"Contents\n{_HEAD1}\n{_HEAD2}\n\n{_HEAD1}\n{_PROSE}\n\n{_HEAD2}\n{_PROSE2}\n"
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
        f"A run of at least {LINK_LIST_MIN_UNITS} units ending the text after prose, each a "
        "headline (a clause: several lowercase words; or a long capitalised line) or a page "
        "title made from one template ('Council tax advice in Dover', '... in Deal'), is a "
        "list of links to other pages. Lines that are the story's data stop it: records "
        "(X v Y, X 2-1 Y, Name (Party) 1,204, Venue: X) and lines naming what the article's "
        "prose names. On a whole page (a navigation block above the prose) the footer's run of "
        f"short units (at least {LINK_LIST_MIN_MEAN_WORDS:g} words on average) goes up to the "
        "story's data.",
        tests=examples((_PROSE + _LINKS, _PROSE + "\n"), (_PROSE + _TEMPLATED, _PROSE + "\n")),
        allows=allowed(
            _PROSE + "\n\nRead this\nAnd that\nMore here\n",
            _PROSE + _RESULTS,
            _PROSE + _FIXTURES,
        ),
    ),
    _bp(
        DUPLICATE,
        "duplicate-unit",
        Level.ERROR,
        FixSafety.SAFE,
        "Duplicated unit removed",
        f"A unit of at least {DUPLICATE_MIN_TOKENS} tokens (not a list item, not a heading) "
        "that repeats an earlier unit word for word is a second copy; short repeated lines "
        "are structure ('Location: New York') and stay, and so does a heading that repeats "
        "an entry of the table of contents above it.",
        tests=examples((f"{_PROSE}\n\n{_PROSE2}\n\n{_PROSE}\n", f"{_PROSE}\n\n{_PROSE2}\n")),
        allows=allowed("Pros\n\nFast.\n\nPros\n\nCheap.\n", _TOC),
    ),
    _bp(
        OUTSIDE_CONTENT,
        "outside-content-region",
        Level.ERROR,
        FixSafety.SAFE,
        "Page furniture outside the article removed",
        f"On whole-page text (at least {PAGE_SHORT_SHARE:.0%} of units menu-like: a few words, "
        f"no sentence punctuation; and a navigation block of {NAV_RUN} of them in a row, half "
        "of them with an ordinary English word: a run of surnames is a squad, not a menu) only "
        "the contiguous run of units with the most prose is the article; a side of it goes "
        "only when that side is mostly menu-like and holds a navigation block itself. The "
        "title above the prose stays (also across bylines, dates or a block of match facts), "
        "and the story's own record lists are not menu-like: an article with a long fixtures "
        "list is not a whole page.",
        tests=examples(
            (
                f"{_MENU}{_PROSE} {_PROSE2}\n\n{_PROSE2} {_PROSE}{_FOOTER}",
                f"{_PROSE} {_PROSE2}\n\n{_PROSE2} {_PROSE}\n",
            )
        ),
        allows=allowed(
            f"{_PROSE}\n\n{_PROSE2}\n",
            f"{_PROSE}{_FIXTURES}\n{_PROSE2}\n",
            f"{_PROSE} {_PROSE2}\n\n{_PROSE2}{_SQUAD}",
        ),
    ),
    _bp(
        POSSIBLE_LINK_LIST,
        "possible-link-list",
        Level.INFO,
        FixSafety.NONE,
        "Possible link list at the end; kept",
        "A run of short units ending the text that is neither clearly links (headlines, "
        "templated page titles) nor the story's data (records, names from its prose) is "
        "reported and kept: when unsure, keep.",
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
    return tuple(r for r in rule_book(config).others if isinstance(r, BoilerplateRule))


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
    reports: dict[tuple[int, str], tuple[Block, BoilerplateRule | None, str]] = field(
        default_factory=dict
    )
    # Regex results per (rule, unit text): rounds re-ask the same questions.
    matches: dict[tuple[str, str], regex.Match[str] | None] = field(default_factory=dict)
    # The rules that can fire on a unit text at all (``Boilerplate._candidates``).
    candidates: dict[str, tuple[BoilerplateRule, ...]] = field(default_factory=dict)
    # The rules whose cues a unit text holds (``Boilerplate._fired``).
    fired: dict[str, frozenset[str]] = field(default_factory=dict)

    def alive(self) -> list[Block]:
        return [b for b in self.blocks if b.index not in self.removed]

    def remove(self, block: Block, rule: str, reason: str, message: str) -> None:
        self.removed[block.index] = _Decision(rule, reason, message)
        self.rewrites.pop(block.index, None)


class Boilerplate(PipelineStage):
    """Removes boilerplate units (the metadata stage has read them first)."""

    name: ClassVar[str] = "boilerplate"
    rules = RULES

    def __init__(self, config: Config) -> None:
        super().__init__(config)
        self.rules = load_boilerplate_rules(config)
        self.enabled = tuple(r for r in self.rules if config.enabled(r.id))
        # Each enabled rule with its compiled pattern, looked up once here rather than
        # through ``rule.compiled`` for each of ~250 searches an article asks.
        self.searched = tuple((r, r.compiled) for r in self.enabled)
        # One pass over a unit decides which rules' patterns could match it at all
        # (``cleaner.rules.cues``): a paragraph of prose holds none of their words.
        self.triggers = Triggers((r.id, r.pattern) for r in self.enabled)
        # ``searched`` less the rules a set of fired cues rules out, by that set: most units
        # fire the same few sets (none but the rules without cues, on a paragraph of prose),
        # and a unit's candidates are then looked for among those rules alone.
        self._searched_by_fired: dict[frozenset[str], _Searched] = {}
        self.stopwords = stopwords()
        # Whether straightened quotes are all the difference a straightening makes here.
        # Not when a rule has ``exceptions``: the decide step matches those on the line as
        # written. Not under the curly policy: a ``replace`` rule writes its groups from the
        # straightened text, which equals a span of straight quotes but not its curled form.
        excepting = any(r.exceptions for r in self.enabled) or any(
            a.id.startswith("BP") for a in rule_book(config).amendments
        )
        self.quote_blind = config.quotes == "straight" and not excepting
        # Whether a unit no rule can fire on is read through its features alone (see
        # ``_reads_alike``): not when a rule has ``exceptions``, matched on the line as
        # written, which a collapsed space can change.
        self.feature_read = not excepting

    def same_input(self, before: TextView, after: TextView) -> bool:
        """``reads_same`` with a memo of its own (see there)."""
        return self.reads_same(before, after, {})

    def reads_same(self, before: TextView, after: TextView, memo: dict[str, Any]) -> bool:
        """The same paragraphs in the same order (the stage reads nothing else: blank lines
        between them do not matter, a wrap width that joins other lines does), or, when
        ``quote_blind``, ``before``'s with curly quotes straightened, as the default quotes
        policy does: the stage reads paragraphs through ``matching_text``, which straightens
        them. Only that way round: a curly quote where ``before`` had a straight one could
        make a rewrite that left ``before`` as it was change ``after``. A paragraph that
        differs otherwise is the same input if the stage reads it alike (``_reads_alike``)."""
        a, b = before.paragraphs, after.paragraphs
        if len(a) != len(b):
            return False
        memos: _Memos | None = None
        for x, y in zip(a, b, strict=True):
            old, new = before.text[x.start : x.end], after.text[y.start : y.end]
            if old == new or (self.quote_blind and old.translate(STRAIGHTENED) == new):
                continue
            if not self.feature_read:
                return False
            if memos is None:
                memos = _memos(memo)
            if not self._reads_alike(old, new, memos):
                return False
        return True

    def _reads_alike(self, old: str, new: str, memos: _Memos) -> bool:
        """Whether the stage decides the same about paragraph ``new`` as about ``old``
        wherever it stands: the same words (``word_key``: the names are read off them),
        the same other features (``blocks.facts``) and, in either, no rule whose pattern
        matches it (``_could_fire``).

        Every decision the stage takes reads a unit through those two alone: the rules
        through their matches, the link lists, duplicates and the content region through
        the features (``boilerplate.lists`` too), and removals take whole units, so the
        same decisions are made on the same units and, where ``before`` was left as it
        was, ``after`` is too. Not a unit with a ``[sic]`` in either: the mark keeps its
        unit from removal, and what counts as its word depends on the space before it.

        This is what the normaliser's collapsed space runs (NM106/NM107) and plain spaces
        (NM104) leave on clean text: a paragraph of prose with the same words. The
        convergence check then need not run the stage again, nor the language check."""
        seen, matches, candidates, words, fired = memos
        old_text, new_text = matching_text(old.strip()), matching_text(new.strip())
        spaced = word_key(old_text)
        if spaced != word_key(new_text):
            return False  # other words (``word_features`` reads the words alone)
        if may_hold_sic(old) or may_hold_sic(new):
            return False
        # Read through the article's memo, as a run reads: ``old`` was read by the run
        # that left it, and what is made of ``new`` here a run on it takes from the memo.
        known = words.get(spaced)
        if known is None:
            known = words[spaced] = word_features(new_text, self.stopwords)
        was = seen.get(old_text) or unit_block(old_text, self.stopwords, known)
        now = seen.get(new_text)
        if now is None:
            now = seen[new_text] = unit_block(new_text, self.stopwords, known)
        if facts(was) != facts(now):
            return False
        state = _State([], matches=matches, candidates=candidates, fired=fired)
        if self.triggers.spaceless and new_text not in fired:
            fired[new_text] = self._fired(old_text, state)  # the same words, the same cues
        return not (self._could_fire(was, state) or self._could_fire(now, state))

    def _could_fire(self, block: Block, state: _State) -> bool:
        """Whether a rule's pattern matches the unit: one of its ``_candidates``, searched
        also when the rule is kept for the head or tail (where the unit stands is the
        other test ``_match`` asks; a rule whose pattern finds nothing fires nowhere)."""
        return any(
            rule.position == "any" or self._search(rule, block.text, state) is not None
            for rule in self._candidates(block, state)
        )

    def run(self, doc: Document) -> None:
        if not doc.notes.get("english", True):
            return  # English patterns and stop words; the language check said otherwise
        text = doc.text
        paragraphs = doc.view.paragraphs
        seen, matches, candidates, words, fired = _memos(doc.memo)
        blocks = [self._block(text, u, i, seen, words) for i, u in enumerate(paragraphs)]
        state = _State(
            [b for b in blocks if b.text], matches=matches, candidates=candidates, fired=fired
        )
        for _ in range(MAX_ROUNDS):
            if not self._round(state, doc.policy.applies):
                break
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

    def _block(
        self,
        text: str,
        unit: Unit,
        index: int,
        seen: dict[str, Block],
        words: dict[str, WordFeatures],
    ) -> Block:
        """``make_block``, computed once per paragraph text in an article: the convergence
        check sees the same paragraphs again, and features depend only on the text. A
        paragraph the first normaliser pass only re-spaced (collapsed space runs, the common
        edit on clean text) is a new text but not new words: its word features are looked up
        by ``word_key`` and only the features that see spacing are computed again."""
        raw = text[unit.start : unit.end]
        body = raw.strip()
        key = matching_text(body)
        known = seen.get(key)
        if known is None:
            spaced = word_key(key)
            found = words.get(spaced)
            if found is None:
                found = words[spaced] = word_features(key, self.stopwords)
            block = make_block(text, unit, index, self.stopwords, found)
            seen[key] = block
            return block
        start = unit.start + len(raw) - len(raw.lstrip())
        span_end = unit.end + 1 if text[unit.end : unit.end + 1] == "\n" else unit.end
        return dataclasses.replace(
            known,
            index=index,
            start=start,
            end=start + len(body),
            span_start=unit.start,
            span_end=span_end,
        )

    # -- one round of decisions on the survivors ---------------------------------------------

    def _round(self, state: _State, applies: Callable[[FixSafety], bool]) -> bool:
        before = (len(state.removed), len(state.rewrites))
        alive = state.alive()
        boxes = self._fact_boxes(alive, state)
        link_heads: list[tuple[int, BoilerplateRule]] = []
        for pos, block in enumerate(alive):
            for rule in self._candidates(block, state):
                if rule.lift and block.index in boxes:
                    continue
                m = self._match(rule, block, pos, len(alive), state)
                if m is None:
                    continue
                # Whether ``decide`` will apply this rule's removal (the shared policy): the
                # survivors of this round depend on it.
                if rule.action == "lift" or not applies(rule.fix):
                    if rule.action != "lift":
                        state.reports[(block.index, rule.id)] = (block, rule, rule.message)
                    continue
                if rule.block == "links":
                    link_heads.append((pos, rule))
                    break
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

    def _fact_boxes(self, alive: list[Block], state: _State) -> set[int]:
        """Units of a block of record lines that is the story's own (match info: venue, date,
        kick-off, referee): at least ``MIN_RECORDS`` consecutive records, two of which no rule
        knows as page metadata. A metadata rule does not take a line out of such a block: its
        "Date:" is the day of the match, not of the article."""
        boxes: set[int] = set()
        run: list[tuple[int, Block]] = []
        for pos, block in enumerate([*alive, None]):
            if block is not None and block.record and not block.bullet:
                run.append((pos, block))
                continue
            if len(run) >= MIN_RECORDS:
                unknown = sum(
                    1
                    for p, b in run
                    if not any(
                        self._match(rule, b, p, len(alive), state) is not None
                        for rule in self._candidates(b, state)
                    )
                )
                if unknown >= 2:
                    boxes |= {b.index for _, b in run}
            run = []
        return boxes

    def _candidates(self, block: Block, state: _State) -> tuple[BoilerplateRule, ...]:
        """The enabled rules, in order, that can fire on the unit's text: its word limit
        met, and the pattern finding something in it (a rule limited to the head or tail
        is searched only when ``_match`` finds the unit there). Each unit text is decided
        once per article and a round asks ``_match`` only about these: a paragraph of prose
        usually has none. The rest of ``_match`` (position, exceptions, lifted values) is
        still asked each time."""
        text = block.text
        found = state.candidates.get(text)
        if found is None:
            # What ``_search`` does for each rule, inlined: one time limit for the text and
            # no call per rule (the searches are cheap; the calls around them were not).
            words, matches = block.words, state.matches
            seconds = rule_regex.budget(text)
            kept: list[BoilerplateRule] = []
            for rule, pattern in self._searched_for(self._fired(text, state)):
                if rule.max_words and words > rule.max_words:
                    continue
                if rule.position == "any":
                    key = (rule.id, text)
                    if key in matches:
                        m = matches[key]
                    else:
                        try:
                            m = matches[key] = pattern.search(text, timeout=seconds)
                        except TimeoutError:
                            raise rule_regex.RuleTimeout(rule, seconds) from None
                    if m is None:
                        continue
                kept.append(rule)
            found = state.candidates[text] = tuple(kept)
        return found

    def _searched_for(self, fired: frozenset[str]) -> _Searched:
        """``searched``, in order, less the rules not in ``fired`` (the unit holds none of
        the words their patterns need), worked out once per set of fired rules."""
        found = self._searched_by_fired.get(fired)
        if found is None:
            if len(self._searched_by_fired) > _FIRED_SETS:
                self._searched_by_fired.clear()
            found = self._searched_by_fired[fired] = tuple(
                (rule, pattern) for rule, pattern in self.searched if rule.id in fired
            )
        return found

    def _fired(self, text: str, state: _State) -> frozenset[str]:
        """The rules whose cues ``text`` holds (the others cannot match it)."""
        found = state.fired.get(text)
        if found is None:
            found = state.fired[text] = self.triggers.fired(text)
        return found

    def _search(self, rule: BoilerplateRule, text: str, state: _State) -> regex.Match[str] | None:
        key = (rule.id, text)
        if key not in state.matches:
            if rule.id in self._fired(text, state):
                state.matches[key] = rule_regex.search(rule.compiled, text, rule)
            else:
                state.matches[key] = None
        return state.matches[key]

    def _match(
        self, rule: BoilerplateRule, block: Block, pos: int, count: int, state: _State
    ) -> regex.Match[str] | None:
        if rule.max_words and block.words > rule.max_words:
            return None
        if rule.position == "head" and pos >= 3:
            return None
        if rule.position == "tail" and pos < count - max(2, count // 3):
            return None
        m = self._search(rule, block.text, state)
        if m is None:
            return None
        if _excepted(rule, block.text, m):
            return None
        for key, group in rule.lift:
            if clean_value(key, m.group(group) or "") is None:
                return None
        return m

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
            if len(block.tokens) < DUPLICATE_MIN_TOKENS or block.bullet or block.title_like:
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
        """A run of headlines ending the text, after some prose: other articles' headlines.

        Only the end of the run that is headline-shaped goes (see ``boilerplate.lists``); a
        fixtures list, a results table or a list of nominees there is the story and stays, and
        a run that is neither clearly is kept and reported.
        """
        alive = state.alive()
        run: list[Block] = []
        for block in reversed(alive):
            if not block.title_like:
                break
            run.append(block)
        run.reverse()
        before = alive[: len(alive) - len(run)]
        if len(run) < LINK_LIST_MIN_UNITS or not any(b.prose for b in before):
            return
        names = prose_names(before)
        links = link_suffix(run, names)
        evidence = "headline-shaped units (clauses, not the article's data)"
        data = content_runs(alive)
        if _whole_page(alive, data, header=True):
            # Text with the page's navigation in it ends with the page's footer: there a run
            # of short units goes unless it is the story's data. The navigation must be the
            # page's header, above the article's first prose: an article with a gallery of
            # short captions in its body (human-written news does that) has no header, and its
            # last captions are not a footer.
            tail = list(itertools.takewhile(lambda b: b.index not in data, reversed(run)))
            mean = sum(b.words for b in tail) / len(tail) if tail else 0.0
            if len(tail) > len(links) and mean >= LINK_LIST_MIN_MEAN_WORDS:
                links = tail[::-1]
                evidence = f"short units ({mean:.1f} words on average) ending a whole page"
        if len(links) < LINK_LIST_MIN_UNITS or not self.config.enabled(LINK_LIST):
            links = []
        for block in links:
            state.remove(
                block,
                LINK_LIST,
                f"{LINK_LIST}: link list at the end: {len(links)} {evidence} after the "
                f"article; this one: {block.describe()}",
                "Link list of other headlines removed",
            )
        kept = run[: len(run) - len(links)]
        if (
            len(kept) >= LINK_LIST_MIN_UNITS
            and not is_content_list(kept, names)
            and self.config.enabled(POSSIBLE_LINK_LIST)
        ):
            block = kept[-1]
            mean = sum(b.words for b in kept) / len(kept)
            state.reports[(block.index, POSSIBLE_LINK_LIST)] = (
                block,
                None,
                f"Possible link list at the end ({len(kept)} short units without sentence "
                f"punctuation, {mean:.1f} words on average, neither headlines nor the "
                "article's data); kept",
            )

    def _content_region(self, state: _State) -> None:
        """Whole-page text: keep the contiguous run of units with the most prose.

        Each unit scores by its own features (prose sentences plus their words, headline-like
        or URL-heavy units minus theirs); the maximum-sum contiguous region is the article,
        everything before and after it is page furniture (menus, footers). Ties prefer the
        longer region, so the region of a region is itself: a second run removes nothing.
        The story's own lists (``boilerplate.lists.content_runs``) are not menu-like: they
        score nothing, so the region reaches across and to the end of them, and they do not
        make an article with a long list look like a whole page.
        """
        if not self.config.enabled(OUTSIDE_CONTENT):
            return
        alive = state.alive()
        data = content_runs(alive)
        if not _whole_page(alive, data):
            return
        best, best_range = 0.0, (0, -1)
        cur, cur_start = 0.0, 0
        for i, block in enumerate(alive):
            cur += 0.0 if block.index in data else unit_score(block)
            if cur >= best:
                best, best_range = cur, (cur_start, i)
            if cur < 0:
                cur, cur_start = 0.0, i + 1
        first, last = best_range
        while last + 1 < len(alive) and alive[last + 1].index in data:
            last += 1
        first = _region_head(alive, first, data)
        if best < REGION_MIN_SCORE or (first == 0 and last == len(alive) - 1):
            return
        before, after = alive[:first], alive[last + 1 :]
        cut = [side for side in (before, after) if side and _furniture(side, side is after, data)]
        cut_ids = {b.index for side in cut for b in side}
        cut_ids -= self._title_above(alive, first, last)
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

    def _title_above(self, alive: list[Block], first: int, last: int) -> set[int]:
        """The article's title when it sits a little above the region (bylines, dates, share
        buttons between): the nearest headline-sized unit whose words are the prose's words.
        The title line is content; a menu item or a breadcrumb further up is not taken, and
        the units in between still go."""
        words = {t for b in alive[first : last + 1] if b.prose for t in b.tokens}
        for block in reversed(alive[max(0, first - TITLE_LOOKBACK) : first]):
            if not (block.title_like and 3 <= block.words <= 25):
                continue
            content = {t for t in block.tokens if t not in self.stopwords and not t.isdigit()}
            if len(content) >= 2 and len(content & words) * 2 >= len(content):
                return {block.index}
        return set()


def _excepted(rule: BoilerplateRule, text: str, m: regex.Match[str]) -> bool:
    """Whether the match overlaps a match of one of the rule's ``exceptions`` in the unit
    (the meaning ``exceptions`` has for every rule type)."""
    return any(
        e.start() < m.end() and m.start() < e.end()
        for p in rule.exceptions
        for e in rule_regex.finditer(regex.compile(p), text, rule)
    )


def _whole_page(alive: list[Block], data: set[int], header: bool = False) -> bool:
    """Whether the text is a whole page (navigation and all) rather than an article: a large
    share of menu-like units, the story's own lists not counted, and a navigation block (a
    run of ``NAV_RUN`` of them); with ``header``, above the first unit of prose."""
    menu = sum(1 for b in alive if _menu_like(b) and b.index not in data)
    if not alive or menu < PAGE_SHORT_SHARE * len(alive):
        return False
    top = next((i for i, b in enumerate(alive) if b.prose), len(alive)) if header else len(alive)
    return _nav_block(alive[:top], data)


def _nav_block(blocks: list[Block], data: set[int]) -> bool:
    """Whether ``blocks`` hold a navigation block: ``NAV_RUN`` menu-like units in a row that
    are neither list items the extractor marked nor the story's data, half of them or more
    with an ordinary word in them (menu items are words; a squad list is names)."""
    run: list[Block] = []
    for block in [*blocks, None]:
        menu = block is not None and _menu_like(block) and not block.bullet
        if block is not None and menu and block.index not in data:
            run.append(block)
            continue
        if len(run) >= NAV_RUN and 2 * sum(map(ordinary, run)) >= len(run):
            return True
        run = []
    return False


def _region_head(alive: list[Block], first: int, data: set[int]) -> int:
    """Where the article starts, given where its prose starts: the story's lists right above
    it, then the headline, also across a short block of record lines between the headline
    and the prose (match info: venue, date, kick-off, referee)."""
    while first > 0 and alive[first - 1].index in data:
        first -= 1
    top = first
    while top > 0 and first - top < HEADER_MAX_UNITS and alive[top - 1].record:
        top -= 1
    if top > 0 and alive[top - 1].title_like and alive[top - 1].words >= 3:
        return top - 1
    return first


def _furniture(side: list[Block], after: bool, data: set[int]) -> bool:
    """Whether the units on one side of the content region are page furniture: mostly
    menu-like, with a navigation block among them (the evidence that it is the site's, not
    the article's: a heading, a standfirst or a list above or below the prose has none), and
    (after the article) no list the extractor marked up: a bulleted list that follows the
    prose is usually the article going on (a directory, a list of steps)."""
    menu = sum(map(_menu_like, side))
    bullets = sum(1 for b in side if b.bullet)
    return (
        menu >= SIDE_SHORT_SHARE * len(side)
        and not (after and bullets >= 3)
        and _nav_block(side, data)
    )


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
