"""The rule stage: entity garbles, calques and patterns from ``rules/``, as edits and findings.

Built once per config: every literal of every enabled rule goes into one Aho-Corasick
automaton (``cleaner.rules.matcher``); ``pattern`` rules are the only regexes. Per document:
one scan, then each hit is judged (case, word boundary, the rule's exceptions, context guards,
possessive heuristics), overlapping candidates are resolved (longest first, then a correct
name over a garble, then the higher level, then leftmost), and each survivor becomes an edit
(safe fix, or unsafe with ``unsafe-fixes``) or a finding with suggestions.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import regex

from cleaner.config import Config
from cleaner.detectors import Kept
from cleaner.detectors.office import office_before
from cleaner.detectors.text import is_english_word
from cleaner.document import Document, Proposal
from cleaner.folding import fold_key
from cleaner.model import FixSafety, Level, Stage
from cleaner.rules import regexes as rule_regex
from cleaner.rules.casing import preserve_case
from cleaner.rules.confirms import confirmation
from cleaner.rules.cues import Triggers
from cleaner.rules.entity import Entity
from cleaner.rules.loader import RuleSpec
from cleaner.rules.matcher import Entry, Hit, Kind, Matcher, Table
from cleaner.stages.base import PipelineStage

_NEXT_WORD = regex.compile(r"[ \t]*([\p{L}\p{N}'’-]+)")
_PREV_WORD = regex.compile(r"([\p{L}\p{N}'’-]+)[ \t]*$")


@dataclass(slots=True)
class Candidate:
    """A proposed fix or finding, before overlaps are resolved."""

    start: int
    end: int
    owner: str
    protect: bool = False
    new: str | None = None  # replacement; None for a flag-only finding
    safety: FixSafety = FixSafety.NONE
    suggestions: tuple[str, ...] = ()
    message: str = ""
    level: Level = Level.WARNING
    # Which rule folder the rule came from (0: the shipped rules, then ``extend-rules`` in
    # order): at an equal span and level, a newsroom's own rule wins over a shipped one.
    rank: int = 0

    def sort_key(self) -> tuple[int, int, int, int, int]:
        return (
            -(self.end - self.start),
            0 if self.protect else 1,
            -self.level.rank,
            -self.rank,
            self.start,
        )


class RuleFixes(PipelineStage):
    """Applies the rule files (entity, substitution, existence, pattern rules)."""

    name: ClassVar[str] = "rules"

    def __init__(self, config: Config) -> None:
        super().__init__(config)
        from cleaner.rules.gazetteer import load_gazetteer
        from cleaner.rules.rulebook import rule_book, rule_folders
        from cleaner.rules.types.pattern import PatternRule
        from cleaner.rules.types.substitution import ExistenceRule, SubstitutionRule

        book = rule_book(config)
        # Entity rules come from the set-up cache when a hit needs one (their names are in
        # the gazetteer); the others are all here (``RuleBook``).
        rules = book.others
        self.rules: Mapping[str, RuleSpec] = book.rules
        # Words that make "Chinas" a plural, and words after "Xis" that make it no possessive
        # before a noun (data: rules/words/english.yaml).
        lexicon = book.lexicon
        self.cues = _PossessiveCues(
            lexicon.words("plural-cues"), lexicon.words("not-before-possessive")
        )
        # Words after a name and a hyphen that make a compound ("Si-led"), not a given
        # name's second syllable ("Lin Si-yao"): data, rules/words/english.yaml.
        self.compound_heads = lexicon.words("name-compound-heads")
        # Words before a place that make its case form the place itself (data, as above).
        self.case_form_prepositions = lexicon.words("case-form-prepositions")
        # The words that make a person's one-word office (``office.office_before``).
        self.lexicon = lexicon
        # Where a reading may be someone's own name, so the office confirms none there.
        self.reading_homes = lexicon.words("reading-home-countries")
        folders = rule_folders(config)
        # Per rule file, not per rule: thousands of rules share a few dozen files, and a
        # ``Path`` comparison per rule was a tenth of this set-up.
        ranks: dict[str, int] = {}
        self.rank = {}
        for rule_id, path in book.paths.items():
            rank = ranks.get(path)
            if rank is None:
                rank = ranks[path] = _folder_rank(path, folders)
            self.rank[rule_id] = rank
        self.entities: dict[str, Entity] = {
            e.id: e for e in load_gazetteer(config) if config.enabled(e.id)
        }
        self._place_names: frozenset[str] | None = None
        self.literal_rules = {
            r.id: r
            for r in rules
            if isinstance(r, SubstitutionRule | ExistenceRule) and config.enabled(r.id)
        }
        self.patterns = [r for r in rules if isinstance(r, PatternRule) and config.enabled(r.id)]
        # Which pattern rules can match an article at all, from one pass over it
        # (``cleaner.rules.cues``): most articles hold none of a typo pattern's words.
        self.triggers = Triggers((r.id, r.compiled.pattern) for r in self.patterns)
        self.exceptions: dict[str, list[regex.Pattern[str]]] = {
            r.id: [regex.compile(p) for p in r.exceptions] for r in rules if r.exceptions
        }
        for e in self.entities.values():
            if e.exceptions:
                self.exceptions[e.id] = [regex.compile(p) for p in e.exceptions]
        # Two automata: the one that can produce a fix or finding runs on every document; the
        # one with correct names and context words (most hits in news about these people)
        # runs only when the first found something to judge.
        # Context words: one entry per word, whoever uses it (``Russia`` guards dozens of
        # rules); each owner's words are looked up here when a guard asks. A person or place
        # named in full says where the article is: its own context words count as present
        # there (``Yin Xiyue`` -> Yoon Suk-yeol makes an article about South Korea, though it
        # never writes the country's name). Both folded once and stored with the automata.
        # Entities with older accepted spellings: their current names tell which convention
        # an article follows (``Kyiv`` -> ``Kiev`` elsewhere in it is made ``Kyiv``).
        self.with_older = frozenset(e.id for e in self.entities.values() if e.older)
        main, support, self.context_words, self.named_context = _matcher_tables(
            config, folders, self.entities, self.literal_rules, self.patterns
        )
        self.matcher = Matcher.load(main)
        # Built when an article first needs it (only one the first automaton found
        # something in): a clean article never does.
        self._support_table = support
        self._support: Matcher | None = None

    @property
    def support(self) -> Matcher:
        found = self._support
        if found is None:  # two threads may both build it: the same matcher, either kept
            found = self._support = Matcher.load(self._support_table)
        return found

    # -- per document ----------------------------------------------------------------------

    def run(self, doc: Document) -> None:
        if not doc.notes.get("english", True):
            return  # English rewrite rules on a non-English text would do harm
        text = doc.text
        folded = doc.view.folded
        hits = [h for h in self.matcher.scan(text, folded) if not self._in_given_name(h, text)]
        fired = self.triggers.fired(text) if self.patterns else frozenset()
        found = [
            (rule, m)
            for rule in self.patterns
            if rule.id in fired
            for m in rule_regex.finditer(rule.compiled, text, rule)
        ]
        if not hits and not found:
            return
        hits += self.support.scan(text, folded)
        hits.sort(key=lambda h: h.start)
        seen = _Evidence(hits, self.context_words, self.with_older, self.named_context)
        candidates: list[Candidate] = []
        for hit in hits:
            cand = self._judge(hit, text, seen)
            if cand is not None and not self._excepted(cand, text):
                candidates.append(cand)
        for rule, m in found:
            if rule.context and not seen.has_context(rule.id, None, 0):
                continue
            new = m.expand(rule.replace) if rule.replace is not None else None
            safety, message = _confirmed(
                text,
                m.start(),
                m.end(),
                rule,
                rule.fix,
                _message(rule.message, m.group(), new or ""),
            )
            cand = Candidate(
                m.start(),
                m.end(),
                rule.id,
                new=new,
                safety=safety,
                level=rule.level,
                suggestions=(new,) if new is not None else (),
                message=message,
            )
            if not self._excepted(cand, text):
                candidates.append(cand)
        for c in candidates:
            c.rank = self.rank.get(c.owner, 0)
        self._emit(doc, resolve(candidates))

    def _judge(self, hit: Hit, text: str, seen: _Evidence) -> Candidate | None:
        entry = hit.entry
        kind = entry.kind
        if kind is Kind.CONTEXT:
            return None
        if kind is Kind.PROTECT:
            return Candidate(hit.start, hit.end, entry.owner, protect=True)
        if kind is Kind.PHRASE:
            return self._phrase(hit, text, seen)
        entity = self.entities[entry.owner]
        rule = self.rules[entity.id]
        matched = text[hit.start : hit.end]
        if _caps_line(text, hit.start, hit.end):
            return None  # an all-caps headline: casing says nothing there
        if (
            kind in (Kind.FIX, Kind.EVIDENCE)
            and entity.kind != "person"
            and _after_given_name(text, hit.start)
        ):
            return None  # "Alexander Cherkassy" is a person, not the city
        if kind is Kind.OLDER:
            return self._older(hit, text, seen, matched, rule.level)
        if kind is Kind.GUARDED and (not seen.near(entity, hit) or _inside_name(text, hit, entity)):
            return None
        if entry.literal in entity.evidence:
            if not seen.about_elsewhere(entity.id, hit) and not _country_named(
                _countries(entity, self._places()), text
            ):
                if entry.literal not in entity.variants:
                    # An own-family spelling (``Lee Xianlong``; never a variant): left to
                    # the detectors, which repair it where the article confirms it
                    # otherwise (NE911: the full name lines up word for word).
                    return None
                # A reading through another script (Sino-Vietnamese ``Tran Duc Hoa``;
                # Japanese through Russian ``Sindzo Abe``) in an article that never says it
                # is about the person may be someone else's own name: a suggestion only,
                # unless the person's own one-word office stands right before the name
                # (``President Tap Can Binh``; every reading is a whole name): the reading
                # is theirs, and so is the office; but not in an article naming a country
                # whose people's own names such readings are (``reading-home-countries``:
                # Vietnam).
                message = _message(rule.message, matched, entry.target)
                office = office_before(text, hit.start, entity, self.lexicon)
                if office and not _country_named(self.reading_homes, text.lower()):
                    message += f"; the person's own office '{office}' stands right before it"
                    return _fix(hit, entry.owner, entry.target, rule.fix, message, rule.level)
                message += (
                    " (a reading through another script; nothing in the article says it is"
                    " about them)"
                )
                return _fix(hit, entry.owner, entry.target, FixSafety.UNSAFE, message, rule.level)
        elif kind is Kind.EVIDENCE and not seen.about(entity.id):
            if not _after_own_given_name(text, hit, entity):
                return None
            # "Olaf Sholts": the person's own given name right before a family name the
            # gazetteer lists as theirs garbled is the full name, lined up word for word.
            message = _message(rule.message, matched, entry.target)
            message += f"; the person's own given name '{_own_given_name(entity)}' stands before it"
            return _fix(hit, entry.owner, entry.target, rule.fix, message, rule.level)
        if kind is Kind.FIRST_NAME:
            safety = FixSafety(entity.first_name_fix)
            message = (
                f"Wrong first name: {entity.canonical}'s first name is {entity.first_name} "
                f"('{matched}' is a machine-translation rendering)"
            )
            why = seen.first_name_confirmed(entity.id)
            if why and safety is FixSafety.UNSAFE:
                # The other language's form of the given name is a convention some
                # newsrooms keep, so it is a suggestion; an article that itself writes
                # the current forms (its own "Kyiv", or the person's right name) is
                # made consistent, like an older place spelling.
                safety = FixSafety.SAFE
                message += f"; the article {why}"
            return _fix(hit, entry.owner, entry.target, safety, message, rule.level)
        if kind is Kind.POSSESSIVE:
            if not seen.about(entity.id):
                return None  # "Costas Simitis" in an article that never names António Costa
            return _possessive(hit, text, entry, rule.level, self.cues, entity.kind == "place")
        message = _message(rule.message, matched, entry.target)
        safety = rule.fix
        if entry.unsafe:
            message += " (a Russian/Ukrainian case form copied into English)"
            if rule.fix is FixSafety.SAFE:
                safety = FixSafety.UNSAFE
                right = seen.written_right(entity.id, hit)
                if right and self._case_form_of_place(text, hit):
                    safety = FixSafety.SAFE
                    message += f"; the article writes '{right}'"
        return _fix(hit, entry.owner, entry.target, safety, message, rule.level)

    def _case_form_of_place(self, text: str, hit: Hit) -> bool:
        """Whether a case form stands where a place does: right after one of the lexicon's
        ``case-form-prepositions`` (``the mayor of Buchi``, ``near Kharkova``) and not the
        first half of a hyphenated name (``Lvova-Belova``). A case form such as
        ``Nikolaeva`` or ``Kharkova`` is also a woman's family name; after a preposition,
        in an article that writes the place's own name, it is the place."""
        before = _WORD_BEFORE.search(text, max(0, hit.start - 30), hit.start)
        if before is None or before[1].lower() not in self.case_form_prepositions:
            return False
        return not text.startswith("-", hit.end)

    def _in_given_name(self, hit: Hit, text: str) -> bool:
        """Whether a repair of a person's name reads a piece of someone else's hyphenated
        given name (``hyphenated_given_name``): then it is no hit at all, neither a repair
        nor a mention of that person. Only people: a place before a hyphen is a compound
        (``Pekin-based``), and a place's name is no given name."""
        entry = hit.entry
        if entry.kind not in _REPAIRS or not hyphenated_given_name(
            text, hit.start, hit.end, entry.literal, self.compound_heads
        ):
            return False
        entity = self.entities.get(entry.owner)
        return entity is not None and entity.kind == "person"

    def _places(self) -> frozenset[str]:
        """Every place's name in the gazetteer (built on first use: few articles need it)."""
        if self._place_names is None:
            self._place_names = frozenset(
                n for e in self.entities.values() if e.kind == "place" for n in e.names
            )
        return self._place_names

    def _older(self, hit: Hit, text: str, seen: _Evidence, matched: str, level: Level) -> Candidate:
        """An older accepted spelling (``Chernigov``) is correct in an article written in that
        convention and is left alone; in an article that writes the current names of such
        places (``Kyiv``, ``Lviv``) it becomes the current one, so the article is consistent
        rather than half old, half new."""
        entry = hit.entry
        if seen.modern is None or _after_given_name(text, hit.start):
            return Candidate(hit.start, hit.end, entry.owner, protect=True)
        message = (
            f"Older spelling '{matched}' in an article that writes '{seen.modern}': "
            f"'{entry.target}' keeps the article's own convention"
        )
        return _fix(hit, entry.owner, entry.target, FixSafety.SAFE, message, level)

    def _phrase(self, hit: Hit, text: str, seen: _Evidence) -> Candidate | None:
        rule = self.literal_rules[hit.entry.owner]
        if rule.context and not seen.has_context(rule.id, hit, rule.context_window):
            return None
        matched = text[hit.start : hit.end]
        replace = getattr(rule, "replace", None)
        if replace is None:
            suggestions = tuple(getattr(rule, "suggest", ()))
            return Candidate(
                hit.start,
                hit.end,
                rule.id,
                safety=FixSafety.NONE,
                suggestions=suggestions,
                message=_message(rule.message, matched, suggestions[0] if suggestions else ""),
                level=rule.level,
            )
        new = preserve_case(matched, replace, sentence_start=_sentence_start(text, hit.start))
        message = _message(rule.message, matched, new)
        safety, message = _confirmed(text, hit.start, hit.end, rule, rule.fix, message)
        return _fix(hit, rule.id, new, safety, message, rule.level)

    def _excepted(self, cand: Candidate, text: str) -> bool:
        patterns = self.exceptions.get(cand.owner)
        if not patterns or cand.protect:
            return False
        # Before overlaps are resolved (an excepted hit must not shadow another); the decide
        # step applies the same test to every rule's proposals.
        rule = self.rules.get(cand.owner, cand.owner)
        return rule_regex.excepted(tuple(patterns), text, cand.start, cand.end, rule)

    def _emit(self, doc: Document, chosen: list[Candidate]) -> None:
        proposals: list[Proposal] = []
        for c in chosen:
            if c.protect:
                continue
            rule = self.rules.get(c.owner)
            reason = rule.reason.strip() if rule and rule.reason else c.message
            proposals.append(
                Proposal(
                    c.start,
                    c.end,
                    c.owner,
                    c.new,
                    c.message,
                    reason,
                    c.suggestions,
                    c.level,
                    c.safety,
                )
            )
        doc.decide(Stage.ARTIFACT, proposals)


# -- entries --------------------------------------------------------------------------------


def _matcher_tables(  # type: ignore[no-untyped-def]
    config: Config, folders: tuple[Path, ...], entities, literal_rules, patterns
) -> tuple[Table, Table, dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """The two automata's tables and the folded context words (every owner's, and those of
    people and places), built once per rule files, house style and enabled rules and then
    stored (``memo_on_disk``): folding 20,000 literals was 0.1-0.2 s of every process's
    set-up, the 4,000 context words 10 ms more; the stored tables load in a few ms."""
    from cleaner.cache import folders_digest, memo_on_disk

    def build() -> tuple[Table, Table, dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
        entries = [*entity_entries(entities.values()), *phrase_entries(literal_rules)]
        for rule in patterns:
            entries += context_entries(rule.context)
        support = {Kind.PROTECT, Kind.CONTEXT}
        context_words = {
            owner: tuple(fold_key(w) for w in words)
            for owner, words in [
                *((e.id, e.context) for e in entities.values()),
                *((r.id, r.context) for r in literal_rules.values()),
                *((r.id, r.context) for r in patterns),
            ]
            if words
        }
        named_context = {
            e.id: tuple(fold_key(w) for w in e.context)
            for e in entities.values()
            if e.context and e.kind in ("person", "place")
        }
        return (
            Matcher.table([e for e in entries if e.kind not in support]),
            Matcher.table([e for e in entries if e.kind in support]),
            context_words,
            named_context,
        )

    enabled = "\n".join([*entities, *literal_rules, *(r.id for r in patterns)])
    key = [
        repr(folders),
        folders_digest(folders),
        repr(config.house_style),
        str(config.source),
        hashlib.sha256(enabled.encode()).hexdigest(),
    ]
    return memo_on_disk("rule-matchers", key, build)


def entity_entries(entities) -> list[Entry]:  # type: ignore[no-untyped-def]
    """The automaton entries of the gazetteer's entities."""
    entries: list[Entry] = []
    for e in entities:
        names = set(e.names) | ({e.surname} if e.surname else set())
        older = set(e.older)
        for name in names:
            if name in older:
                entries.append(Entry(Kind.OLDER, e.id, name, e.canonical))
                continue
            entries.append(Entry(Kind.PROTECT, e.id, name, full_name=len(name.split()) > 1))
        guarded = set(e.guarded)
        inflected = set(e.inflected)
        evidence = set(e.evidence)
        fixes = dict(e.fixes)
        for spelling, target in fixes.items():
            if spelling in guarded:
                kind = Kind.GUARDED
            elif spelling in evidence or (
                len(spelling.split()) == 1 and (e.kind == "person" or e.context)
            ):
                kind = Kind.EVIDENCE  # a one-word garble needs the article to be about it
            else:
                kind = Kind.FIX
            multi = len(spelling.split()) > 1
            unsafe = spelling in inflected
            entries.append(Entry(kind, e.id, spelling, target, full_name=multi, unsafe=unsafe))
        if e.first_name and e.surname:
            surnames = {n for n in names if len(n.split()) == 1}
            surnames |= {s for s, t in fixes.items() if t == e.surname and s not in guarded}
            for wrong in e.wrong_first_names:
                for form in surnames:
                    target = f"{e.first_name} {fixes.get(form, form)}"
                    entries.append(Entry(Kind.FIRST_NAME, e.id, f"{wrong} {form}", target))
        if e.possessive:
            # Multi-word names too: "South Koreas economy", "Joe Bidens visit".
            for form in names:
                last = form.split()[-1]
                if form[-1:] in "sxzSXZ" or f"{form}s" in names or not last[:1].isupper():
                    continue
                entries.append(Entry(Kind.POSSESSIVE, e.id, f"{form}s", form))
        entries += context_entries(e.context)
    return entries


def phrase_entries(rules) -> list[Entry]:  # type: ignore[no-untyped-def]
    entries: list[Entry] = []
    for rule in rules.values():
        for phrase in rule.match:
            entries.append(Entry(Kind.PHRASE, rule.id, phrase, case_sensitive=rule.case_sensitive))
        entries += context_entries(rule.context)
    return entries


# -- judging --------------------------------------------------------------------------------


def context_entries(words) -> list[Entry]:  # type: ignore[no-untyped-def]
    """A context word's entry is owned by the word itself (shared by every rule using it)."""
    return [Entry(Kind.CONTEXT, fold_key(w), w, case_sensitive=False) for w in words]


class _Evidence:
    """Where each entity or rule is mentioned in this document (for the guards)."""

    def __init__(
        self,
        hits: list[Hit],
        context_words: dict[str, tuple[str, ...]],
        with_older: frozenset[str] = frozenset(),
        named_context: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.words: dict[str, list[int]] = defaultdict(list)
        self.full: dict[str, list[int]] = defaultdict(list)
        self.named: set[str] = set()
        self.named_at: dict[str, list[int]] = defaultdict(list)
        # Where each entity's own right spelling (a protected name) stands, and which.
        self.right_at: dict[str, list[tuple[int, str]]] = defaultdict(list)
        # People the article names in full with their right spelling (a protected name).
        self.exact_full: set[str] = set()
        # The first current name of a place that has older spellings (``Kyiv``), if any.
        self.modern: str | None = None
        self._context_words = context_words
        self._positions: dict[str, list[int]] = {}
        for h in hits:
            kind = h.entry.kind
            if kind is Kind.CONTEXT:
                self.words[h.entry.owner].append(h.start)
            elif kind in (Kind.PROTECT, Kind.FIX, Kind.FIRST_NAME, Kind.OLDER):
                self.named.add(h.entry.owner)
                self.named_at[h.entry.owner].append(h.start)
                if kind is Kind.PROTECT:
                    self.right_at[h.entry.owner].append((h.start, h.entry.literal))
                if kind is Kind.PROTECT and self.modern is None and h.entry.owner in with_older:
                    self.modern = h.entry.literal
                if h.entry.full_name or kind is Kind.FIRST_NAME:
                    self.full[h.entry.owner].append(h.start)
                    for word in (named_context or {}).get(h.entry.owner, ()):
                        self.words[word].append(h.start)
                if kind is Kind.PROTECT and len(h.entry.literal.split()) > 1:
                    self.exact_full.add(h.entry.owner)

    def first_name_confirmed(self, owner: str) -> str | None:
        """Why a wrong first name of ``owner`` is certainly a slip in this article: it
        writes the person's full name right elsewhere, or current names of places that have
        older spellings (``Kyiv``: the convention whose first names are ``Dmytro``)."""
        if owner in self.exact_full:
            return "names the person in full elsewhere"
        if self.modern is not None:
            return f"writes current names ('{self.modern}')"
        return None

    def context(self, owner: str) -> list[int]:
        """Sorted positions of ``owner``'s context words in this document."""
        found = self._positions.get(owner)
        if found is None:
            found = sorted(
                p for w in self._context_words.get(owner, ()) for p in self.words.get(w, ())
            )
            self._positions[owner] = found
        return found

    def near(self, entity: Entity, hit: Hit) -> bool:
        """Full name earlier in the article, or a context word within the window."""
        full = self.full.get(entity.id)
        if full and full[0] < hit.start:
            return True
        return self._within(entity.id, hit, entity.context_window)

    def about(self, owner: str) -> bool:
        return owner in self.named or bool(self.context(owner))

    def about_elsewhere(self, owner: str, hit: Hit) -> bool:
        """``about``, not counting a name inside ``hit`` (``Kim`` in ``Kim Dai Trung``)."""
        named = any(not hit.start <= p < hit.end for p in self.named_at.get(owner, ()))
        return named or bool(self.context(owner))

    def written_right(self, owner: str, hit: Hit) -> str | None:
        """The entity's own spelling as the article writes it outside ``hit``, if it does:
        the article's confirmation that a case form of the place is that place."""
        for start, literal in self.right_at.get(owner, ()):
            if not hit.start <= start < hit.end:
                return literal
        return None

    def has_context(self, owner: str, hit: Hit | None, window: int) -> bool:
        if window <= 0 or hit is None:
            return bool(self.context(owner))
        return self._within(owner, hit, window)

    def _within(self, owner: str, hit: Hit, window: int) -> bool:
        positions = self.context(owner)
        if not positions:
            return False
        i = bisect_left(positions, hit.start - window)
        return any(
            p <= hit.end + window and not hit.start <= p < hit.end for p in positions[i : i + 50]
        )


def _confirmed(
    text: str, start: int, end: int, rule: RuleSpec, safety: FixSafety, message: str
) -> tuple[FixSafety, str]:
    """An unsafe fix the article confirms (it writes one of the rule's ``confirm`` phrases
    elsewhere: ``cleaner.rules.confirms``) is safe, and its message says why."""
    phrases = rule.confirm
    if safety is not FixSafety.UNSAFE or not phrases:
        return safety, message
    found = confirmation(text, start, end, phrases)
    if found is None:
        return safety, message
    return FixSafety.SAFE, f"{message}; the article writes '{found}'"


def _countries(entity: Entity, places: frozenset[str]) -> set[str]:
    """The entity's countries: its ``context`` and the place its titles end in ("Foreign
    Minister of the People's Republic of China"), each also by the last word of an official
    long form (``China`` for ``People's Republic of China``)."""
    tails = {t.rsplit(" of ", 1)[-1].removeprefix("the ") for t in entity.titles if " of " in t}
    countries = set(entity.context) | {t for t in tails if t in places}
    return countries | {c.split()[-1] for c in countries if " of " in c}


def _country_named(countries: set[str], text: str) -> bool:
    """The article names one of ``countries``, alone or opening a longer word (``South
    Korean``, ``Taiwanese``): what the context words, matched as whole words, miss."""
    return any(regex.search(rf"(?<!\w){regex.escape(c)}", text) for c in countries if len(c) > 3)


def _fix(
    hit: Hit, owner: str, new: str, safety: FixSafety, message: str, level: Level
) -> Candidate:
    return Candidate(
        hit.start,
        hit.end,
        owner,
        new=new,
        safety=safety,
        suggestions=(new,),
        message=message,
        level=level,
    )


@dataclass(frozen=True, slots=True)
class _PossessiveCues:
    plural: frozenset[str]
    not_noun: frozenset[str]


def _possessive(
    hit: Hit, text: str, entry: Entry, level: Level, cues: _PossessiveCues, place: bool
) -> Candidate | None:
    """``Xis visit`` -> ``Xi's visit`` when a noun-ish word follows; otherwise a finding."""
    prev = _PREV_WORD.search(text, max(0, hit.start - 40), hit.start)
    before = prev.group(1).lower() if prev else ""
    if before in cues.plural or (place and before == "the"):
        return None  # "the two Chinas"; "the Khersons" (people from Kherson)
    nxt = _NEXT_WORD.match(text, hit.end)
    form = entry.target
    matched = text[hit.start : hit.end]
    word = nxt.group(1) if nxt else ""
    after_article = bool(prev and prev.group(1).lower() in ("the", "of", "these", "those"))
    if (
        word[:1].islower()  # "Chinas Foreign Ministry" may be a name: report, don't fix
        and word.lower() not in cues.not_noun
        and not word.lower().endswith(("ed", "ly"))
        and not after_article  # "the Khersons managed": a plural of people, not a possessive
    ):
        new = f"{form}'s"
        message = f"Lost possessive apostrophe: '{matched}' should be '{new}'"
        return Candidate(
            hit.start,
            hit.end,
            entry.owner,
            new=new,
            safety=FixSafety.SAFE,
            suggestions=(new,),
            message=message,
            level=level,
        )
    message = (
        f"'{matched}' is not a word: '{form}' or '{form}'s' (machine translation dropped "
        "an apostrophe or added a plural)"
    )
    return Candidate(
        hit.start,
        hit.end,
        entry.owner,
        new=form,
        safety=FixSafety.UNSAFE,
        suggestions=(form, f"{form}'s"),
        message=message,
        level=level,
    )


_SENTENCE_END = regex.compile(r"(?:^|[.!?:;]['\"”’)]*\s+|\n\s*|^\s*['\"“‘(]+)$")


def _sentence_start(text: str, pos: int) -> bool:
    """Whether ``pos`` opens a sentence (start, after ``. ``, a line break or a quote)."""
    before = text[max(0, pos - 4) : pos]
    if pos <= 4 and not text[:pos].strip(" \t\"'(“‘"):
        return True
    return bool(_SENTENCE_END.search(before))


# The kinds of hit that repair a name (not a correct name, an older spelling or a word).
_REPAIRS = frozenset({Kind.FIX, Kind.GUARDED, Kind.EVIDENCE, Kind.FIRST_NAME, Kind.POSSESSIVE})
# A hyphen (as folding reads one) and a lower-case syllable after it.
_HYPHEN_SYLLABLE = regex.compile(r"[-\u2010\u2011](\p{Ll}+)")


def hyphenated_given_name(
    text: str, start: int, end: int, literal: str, compound_heads: frozenset[str]
) -> bool:
    """Whether ``text[start:end]``, a match of ``literal``, is a piece of a hyphenated given
    name as Taiwanese, Hong Kong and Korean names are written (``Lin Hsi-yao``, ``Moon
    Jae-in``): the match stops where a hyphen and a lower-case syllable go on (``Si`` in
    ``Lin Si-yao``, ``Duong Hung`` in ``Duong Hung-duen``), unless that word makes a compound
    (``Si-led``, ``Si-backed``: ``compound_heads`` or an -ed participle); or the literal's
    words, family and given name, are all one hyphenated word there (``Chin Chu`` as
    ``Wong Chin-chu``'s given name). A hyphen inside a name that has a space keeps matching
    (``Mun Jae In`` as ``Mun Jae-in``), as does a capital after it (``Si-Biden summit``).
    The matcher reads a hyphen as a space, so only the text's shape tells these apart."""
    after = _HYPHEN_SYLLABLE.match(text, end)
    if after is not None:
        word = after.group(1)
        if word not in compound_heads and not (len(word) >= 4 and word.endswith("ed")):
            return True
    span = text[start:end]
    return (
        " " in literal.strip()
        and _HYPHEN_SYLLABLE.search(span) is not None
        and not any(c.isspace() for c in span)
    )


_WORD_BEFORE = regex.compile(r"(\p{L}+) $")
_GIVEN_NAME = regex.compile(r"(?<![.!?]\s)(?<!^)\b\p{Lu}\p{Ll}+ $")


def _own_given_name(entity: Entity) -> str | None:
    """The words of a person's canonical name before their family name (``Olaf`` of Olaf
    Scholz, ``Frank-Walter`` of Frank-Walter Steinmeier), if the name has both."""
    family = entity.surname or entity.canonical.split()[-1]
    given, _, rest = entity.canonical.rpartition(" ")
    return given if given and rest == family else None


def _after_own_given_name(text: str, hit: Hit, entity: Entity) -> bool:
    """Whether a one-word garble of a person's family name (one the gazetteer lists as
    theirs: ``Sholts``, Scholz through Russian) stands right after the person's own given
    name, one space between: the full name lined up word for word, the issue's first
    confirmation. The garble is listed, so no near-miss measure decides it; what could go
    wrong is someone else of that given name whose own family name is spelt so, and the
    listed spellings are transliterations, not names English writes."""
    given = _own_given_name(entity) if entity.kind == "person" else None
    if given is None or hit.entry.target != (entity.surname or entity.canonical.split()[-1]):
        return False
    start = hit.start - len(given) - 1
    return (
        start >= 0
        and text[start : hit.start] == f"{given} "
        and (start == 0 or not text[start - 1].isalnum())
    )


def _after_given_name(text: str, pos: int) -> bool:
    """A capitalised word right before (not opening a sentence): likely a person's name."""
    return bool(_GIVEN_NAME.search(text[max(0, pos - 30) : pos]))


_NAME_BEFORE = regex.compile(r"(\p{Lu}\p{Ll}+) $")
_NAME_AFTER = regex.compile(r" (\p{Lu}[\p{Ll}-]+)")
# Zipf of a word English text writes often (``Meets`` in a headline's title case; ``Ming``,
# 3.5, is a name's syllable).
_ENGLISH_ZIPF = 4.0


def _inside_name(text: str, hit: Hit, entity: Entity) -> bool:
    """A short garble (``Si``, Xi's) between two capitalised words, the first no word of
    the person's titles and the second no common English word: a syllable of another
    person's name (``Chen Si Leng``, ``Wang Si Ming``), not Xi. After the role
    (``President Si Hails``) or before a headline's verb (``Si Meets Biden``) it is Xi."""
    before = _NAME_BEFORE.search(text[max(0, hit.start - 30) : hit.start])
    after = _NAME_AFTER.match(text, hit.end)
    if before is None or after is None:
        return False
    if before[1].lower() in {w.lower() for t in entity.titles for w in t.split()}:
        return False
    return not is_english_word(after[1], _ENGLISH_ZIPF)


def _caps_line(text: str, start: int, end: int) -> bool:
    """Whether the hit's line is in capitals (once per line: a one-line file has one)."""
    line_start, line_end = rule_regex.line_bounds(text, start, end)
    memo = rule_regex.line_memo(text)
    key = ("caps", line_start, line_end)
    caps = memo.get(key)
    if caps is None:
        line = text[line_start:line_end]
        caps = memo[key] = len(line) > 12 and not any(c.islower() for c in line)
    return caps  # type: ignore[no-any-return]


def _message(template: str, match: str, fix: str) -> str:
    return template.replace("{match}", match).replace("{fix}", fix)


def _folder_rank(path: str, folders: tuple[Path, ...]) -> int:
    """The index of the (last) rule folder ``path`` is in."""
    where = Path(path)
    for i in range(len(folders) - 1, -1, -1):
        if where.is_relative_to(folders[i]):
            return i
    return 0


def resolve(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: longest, then correct names, then level, then leftmost."""
    chosen: list[Candidate] = []
    taken = Kept()  # the spans chosen so far
    for c in sorted(candidates, key=Candidate.sort_key):
        if taken.overlaps(c.start, c.end):
            continue
        taken.add(c.start, c.end)
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)
