"""The metadata stage's knowledge, read from word lists in ``rules/metadata/``.

Byline cue words, job titles, agency names, calls to action and navigation words are open
classes: every site invents new ones, and a newsroom should be able to add its own without
touching Python. So they are text files (one entry a line, ``#`` comments), read from the
shipped ``rules/metadata/`` folder and from a ``metadata/`` folder inside each
``extend-rules`` folder, and merged.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from cleaner.rules.rulebook import folders_lexicon

_FOLD_WORD = regex.compile(r"[\p{L}\p{N}']+")
# ``_FOLD_WORD`` on ASCII text, where its classes are these (tests/test_pay_for_what_is_there.py
# holds them equal): every line of a page is folded, and the standard library's engine scans
# an ASCII class about twice as fast as ``regex`` scans the Unicode one.
_FOLD_WORD_ASCII = re.compile(r"[A-Za-z0-9']+")

FOLDER = "metadata"


def _entries(folders: tuple[Path, ...], name: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for folder in folders:
        path = folder / FOLDER / name
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError:
            continue
        for line in lines:
            entry = line.split("#", 1)[0].strip()
            if entry:
                seen.setdefault(entry, None)
    return tuple(seen)


class LazyWords(Container[str]):
    """A long word list of the rule folders, read (lower case) the first time it is asked.

    ``given-names.txt`` holds 66,000 names, and reading it cost every process that builds the
    metadata stage about 50 ms (``cleaner check one.txt`` included), while only a page with a
    capitalised word in a byline position ever asks it."""

    def __init__(self, folders: tuple[Path, ...], name: str) -> None:
        self._folders = folders
        self._name = name
        self._words: frozenset[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self._words is None:
            self._words = _stored_words(self._folders, self._name)
        return word in self._words


@lru_cache(maxsize=8)
def given_names(folders: tuple[Path, ...]) -> LazyWords:
    """The given-name list of ``folders`` (``given-names.txt``), one reader per folder set:
    the byline reader, the importer and the name detectors ask the same list."""
    return LazyWords(folders, "given-names.txt")


def shipped_given_names() -> LazyWords:
    """The shipped list alone: for the importer (a build step, not a newsroom's run) and a
    name index built without a config."""
    from cleaner.resources import builtin_rules

    return given_names((builtin_rules(),))


def _stored_words(folders: tuple[Path, ...], name: str) -> frozenset[str]:
    """The list ``name`` of ``folders``, lower case, kept in the set-up store (keyed by every
    file of the folders and the code): reading and folding the 66,000 given names again was
    about 25 ms of a ``cleaner check`` whose byline asks them, from the store 3-5 ms."""
    from cleaner.cache import folders_digest, memo_on_disk

    def build() -> frozenset[str]:
        return frozenset(e.lower() for e in _entries(folders, name))

    key = [repr(folders), folders_digest(folders), name]
    return memo_on_disk("metadata-words", key, build)  # type: ignore[no-any-return]


def fold(text: str) -> str:
    """Lower case, quotes straightened, punctuation dropped, spaces collapsed: how lines
    are compared with the navigation list (``Table of Contents:`` is ``table of contents``)."""
    text = text.lower()
    if text.isascii():  # (no curly apostrophe to straighten)
        return " ".join(_FOLD_WORD_ASCII.findall(text))
    return " ".join(_FOLD_WORD.findall(text.replace("\u2019", "'")))


NEVER = r"(?!)"


def one_of(fragments: Iterable[str]) -> str:
    """The regex alternation of ``fragments``, or a pattern that never matches when there
    are none.

    Every reading here is switched on by a word list a newsroom may leave empty. An empty
    alternation is the empty pattern, which matches everywhere: an empty list of captions
    would make every line a caption, an empty list of copyright cues every line a copyright
    notice. Never matching is what an empty list means: the reading is off."""
    return "|".join(f for f in fragments if f) or NEVER


def _alternation(phrases: tuple[str, ...]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any run of spaces.

    Ties in alphabetical order, not the set's: its order is another in every process, so
    the pattern was a new text each time and was compiled afresh instead of being taken
    from the compiled-pattern store (``cleaner.cache.regexes``), which was written again
    on every run (issue 17). Which of two phrases of one length comes first never changes
    a match: both can match at one place only if they are the same words."""
    ordered = sorted({p.lower() for p in phrases}, key=_longest_first)
    return one_of(r"\s+".join(regex.escape(w) for w in p.split()) for p in ordered)


def _escaped(phrases: Iterable[str]) -> str:
    """The alternation of ``phrases`` as written, longest first (a longer phrase wins;
    ties alphabetical, as in ``_alternation``)."""
    return one_of(regex.escape(p) for p in sorted(phrases, key=_longest_first))


def _longest_first(phrase: str) -> tuple[int, str]:
    """Sort key: longer phrases first, then alphabetical (one order in every process)."""
    return -len(phrase), phrase


@dataclass(frozen=True)
class Lexicon:
    """Word lists, lower case unless noted, plus the patterns built from them."""

    byline_cues: tuple[str, ...]
    not_byline_cues: tuple[str, ...]
    job_words: frozenset[str]  # the nouns of job titles (editor, writer)
    job_modifiers: frozenset[str]  # words that go with them (senior, contributing)
    credentials: frozenset[str]
    agencies: tuple[str, ...]  # case kept
    not_names: frozenset[str]
    team_words: frozenset[str]  # "team", "staff": the last word of a group's byline
    team_generic_words: frozenset[str]  # "editorial", "news": what kind of team, not whose
    given_names: Container[str]  # "faith", "hope": given names, also when ordinary words
    organisation_words: frozenset[str]
    navigation: frozenset[str]  # folded whole lines
    navigation_prefixes: tuple[str, ...]
    calls_to_action: tuple[str, ...]
    captions: tuple[str, ...]
    sponsor_cues: tuple[str, ...]  # folded line beginnings ("presented by")
    definition_questions: tuple[str, ...]  # folded question beginnings ("what is")
    published_cues: tuple[str, ...]
    other_date_cues: tuple[str, ...]
    original_date_cues: tuple[str, ...]  # "this article was originally published"
    copyright_cues: tuple[str, ...]  # "©", "copyright": open a footer's copyright notice
    source_cues: tuple[str, ...]
    author_box_cues: frozenset[str]  # folded whole lines
    author_link_cues: tuple[str, ...]  # "view all posts by"
    author_about_cues: tuple[str, ...]  # "about": "About Priya" heads Priya's author box
    bio_roles: tuple[str, ...]
    teaser_headings: tuple[str, ...]  # folded line beginnings
    faq_headings: frozenset[str]  # folded whole lines
    contents_headings: frozenset[str]  # folded whole lines
    title_weights: dict[str, float]  # feature -> weight (title-weights.txt)
    # From the word lists of the rule files (``rules/words/english.yaml``): English words
    # the extractor reads around names.
    handle_followers: tuple[str, ...]  # "on", "in": may follow a user name in its byline
    bio_verbs: frozenset[str]  # "is", "was": open a writer's bio after the name
    section_words: frozenset[str]  # "in": "Mahua Das in Project Management" (a theme's section)

    # -- patterns -----------------------------------------------------------------------------

    @property
    def byline_cue(self) -> regex.Pattern[str]:
        """A byline cue at a position (``By``, ``Written by:``), case-insensitive."""
        return _compiled("cue", self.byline_cues)

    @property
    def not_byline_cue(self) -> regex.Pattern[str]:
        return _compiled("notcue", self.not_byline_cues)

    @property
    def author_link(self) -> regex.Pattern[str]:
        """An author box's link to the writer's other posts, at the start of a line."""
        return _compiled("link", tuple(c for c in self.author_link_cues if "{name}" not in c))

    @property
    def author_link_around(self) -> regex.Pattern[str]:
        """An author box's link with the name inside it ("Get {name}'s stories in your
        inbox"): a whole line, the name in group ``name``."""
        return _templates(tuple(c for c in self.author_link_cues if "{name}" in c))

    @property
    def author_about(self) -> regex.Pattern[str]:
        """A line that heads an author box with the writer's name ("About Priya"): the cue
        (any case) and one to three capitalised words, group ``name``."""
        return _about_pattern(self.author_about_cues)

    @property
    def agency(self) -> regex.Pattern[str]:
        """An agency name as a whole word, case kept."""
        return _agency_pattern(self.agencies)

    @property
    def published_cue(self) -> regex.Pattern[str]:
        return _compiled("pub", self.published_cues, tail=True)

    @property
    def other_date_cue(self) -> regex.Pattern[str]:
        return _compiled("other", self.other_date_cues, tail=True)

    @property
    def original_date_cue(self) -> regex.Pattern[str]:
        """An article's note of its first publication ending right before a date ("This
        article was originally published on the ..."), case-insensitive."""
        return _original(self.original_date_cues)

    @property
    def copyright_notice(self) -> regex.Pattern[str]:
        """A copyright notice's cue and years at the start of a line ("© 2025", "Copyright
        © 2010 - 2025"), case-insensitive; the holder follows."""
        return _copyright(self.copyright_cues)

    def date_cue_only(self, text: str) -> str:
        """ "published" or "other" when ``text`` is only a date cue ("Published",
        "Last updated:"): the date is on the next line. "" otherwise."""
        key = fold(text)
        if not key or len(key) > 30:
            return ""
        if self.other_date_cue.fullmatch(" " + text.strip()):
            return "other"
        if self.published_cue.fullmatch(" " + text.strip()):
            return "published"
        return ""

    def is_navigation(self, text: str, key: str | None = None) -> bool:
        """A menu item or page control; ``key`` is ``fold(text)`` when the caller has it
        (a line folds its text once; folding a paragraph again costs as much as the test)."""
        if (fold(text) if key is None else key) in self.navigation:
            return True
        low = text.lower().lstrip(" -*•|>»")
        return bool(_starts(self.navigation_prefixes).match(low))

    def is_call_to_action(self, text: str, key: str | None = None) -> bool:
        """ "Subscribe now", "Read more"; ``key`` is ``fold(text)`` when the caller has it."""
        return bool(_words_start(self.calls_to_action).match(fold(text) if key is None else key))

    def is_caption(self, text: str) -> bool:
        """A caption's or a credit's cue anywhere in the line (``captions.txt``): whether
        one of the cues is in its lower case, tested cue by cue in C: what a search of the
        cues' alternation (``_escaped``) finds, at a third of its cost (it is asked of every
        short line of a page). No cue, no caption, as ``one_of`` makes the empty list's
        pattern match nothing."""
        low = text.lower()
        return any(map(low.__contains__, _cues(self.captions)))

    def is_sponsor_credit(self, text: str, key: str | None = None) -> bool:
        """A sponsor's credit under a promoted card ("Presented By Carahsoft"); ``key`` is
        ``fold(text)`` when the caller has it."""
        return bool(_words_start(self.sponsor_cues).match(fold(text) if key is None else key))

    def is_definition_question(self, text: str) -> bool:
        """A question asking what a thing is ("What is a Mobile App?"): an explainer's section
        heading more often than a page's headline."""
        return text.rstrip().endswith("?") and bool(
            _words_start(self.definition_questions).match(fold(text))
        )

    def is_teaser_heading(self, text: str) -> bool:
        """A heading over a list of other articles ("Related articles", "Read next")."""
        return bool(_words_start(self.teaser_headings).match(fold(text)))

    def is_job_word(self, word: str) -> bool:
        """A word of a job title, noun or modifier ("Editor", "Senior")."""
        low = word.lower().strip(".,;:()")
        return low in self.job_words or low in self.job_modifiers

    def is_job_noun(self, word: str) -> bool:
        return word.lower().strip(".,;:()") in self.job_words

    def is_agency(self, text: str) -> bool:
        return text.strip(" ,.;:()") in self.agencies


@lru_cache(maxsize=32)
def _compiled(kind: str, phrases: tuple[str, ...], tail: bool = False) -> regex.Pattern[str]:
    body = _alternation(phrases)
    if tail:
        # The cue ends right before the date: "Last updated on:" then the date.
        return regex.compile(rf"(?:^|[^\p{{L}}])(?:{body})\W*$", regex.IGNORECASE)
    return regex.compile(rf"(?<![\p{{L}}])(?:{body})(?![\p{{L}}])", regex.IGNORECASE)


@lru_cache(maxsize=8)
def _original(cues: tuple[str, ...]) -> regex.Pattern[str]:
    body = _alternation(cues)
    return regex.compile(rf"(?:^|[^\p{{L}}])(?:{body})(?:\s+on)?(?:\s+the)?\W*$", regex.IGNORECASE)


@lru_cache(maxsize=8)
def _copyright(cues: tuple[str, ...]) -> regex.Pattern[str]:
    body = _alternation(cues)
    years = r"(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
    return regex.compile(rf"^(?:{body})\s*{years}", regex.IGNORECASE)


@lru_cache(maxsize=32)
def _starts(prefixes: tuple[str, ...]) -> regex.Pattern[str]:
    return regex.compile(_escaped(prefixes))


@lru_cache(maxsize=32)
def _words_start(phrases: tuple[str, ...]) -> regex.Pattern[str]:
    """A phrase at the start, ending at a word boundary (``try`` but not ``tryst``)."""
    return regex.compile(rf"(?:{_escaped(phrases)})(?:\s|$)")


@lru_cache(maxsize=8)
def _cues(needles: tuple[str, ...]) -> tuple[str, ...]:
    """``needles`` less the empty ones: the literals ``one_of`` would join."""
    return tuple(n for n in needles if n)


@lru_cache(maxsize=8)
def _templates(templates: tuple[str, ...]) -> regex.Pattern[str]:
    """Whole-line patterns of ``templates`` ("get {name}'s stories in your inbox"), any
    case, a straight or curly apostrophe, any run of spaces; never matches when empty."""

    def one(template: str) -> str:
        before, _, after = template.partition("{name}")
        words = [
            r"\s+".join(regex.escape(w).replace("'", "['’]") for w in part.split())
            for part in (before, after)
        ]
        head = rf"(?i:{words[0]})\s+" if words[0] else ""
        tail = rf"(?i:{words[1]})" if words[1] else ""
        glue = "" if after.startswith("'") or not after.strip() else r"\s+"
        return rf"{head}(?P<name>.+?){glue}{tail}"

    body = one_of(f"(?:{one(t)})" for t in templates)
    return regex.compile(rf"^(?:{body})\W*$")


@lru_cache(maxsize=8)
def _about_pattern(cues: tuple[str, ...]) -> regex.Pattern[str]:
    body = _alternation(cues)
    name = r"\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}"
    return regex.compile(rf"^(?i:{body})\s+(?P<name>{name})\s*:?$")


@lru_cache(maxsize=8)
def _agency_pattern(agencies: tuple[str, ...]) -> regex.Pattern[str]:
    body = _escaped(set(agencies))
    return regex.compile(rf"(?<![\p{{L}}])(?:{body})(?![\p{{L}}])")


@lru_cache(maxsize=8)
def load_lexicon(folders: tuple[Path, ...]) -> Lexicon:
    """The merged word lists of ``folders`` (the shipped rules first, then extensions)."""

    def low(name: str) -> tuple[str, ...]:
        return tuple(e.lower() for e in _entries(folders, name))

    words = folders_lexicon(folders)

    return Lexicon(
        byline_cues=low("byline-cues.txt"),
        not_byline_cues=low("not-byline-cues.txt"),
        job_words=frozenset(w for e in low("job-titles.txt") for w in e.split()),
        job_modifiers=frozenset(w for e in low("job-title-words.txt") for w in e.split()),
        credentials=frozenset(e.rstrip(".") for e in low("credentials.txt")),
        agencies=_entries(folders, "agencies.txt"),
        not_names=frozenset(low("not-names.txt")),
        team_words=frozenset(low("team-words.txt")),
        team_generic_words=frozenset(low("team-generic-words.txt")),
        given_names=given_names(folders),
        organisation_words=frozenset(low("organisation-words.txt")),
        navigation=frozenset(fold(e) for e in low("navigation.txt")),
        navigation_prefixes=low("navigation-prefixes.txt"),
        calls_to_action=tuple(fold(e) for e in low("calls-to-action.txt")),
        captions=low("captions.txt"),
        sponsor_cues=tuple(fold(e) for e in low("sponsor-cues.txt")),
        definition_questions=tuple(fold(e) for e in low("definition-questions.txt")),
        published_cues=low("date-published-cues.txt"),
        other_date_cues=low("date-other-cues.txt"),
        original_date_cues=low("date-original-cues.txt"),
        copyright_cues=low("copyright-cues.txt"),
        source_cues=low("source-cues.txt"),
        author_box_cues=frozenset(fold(e) for e in low("author-box-cues.txt")),
        author_link_cues=low("author-link-cues.txt"),
        author_about_cues=low("author-about-cues.txt"),
        bio_roles=low("author-bio-roles.txt"),
        teaser_headings=tuple(fold(e) for e in low("teaser-headings.txt")),
        faq_headings=frozenset(fold(e) for e in low("faq-headings.txt")),
        contents_headings=frozenset(fold(e) for e in low("contents-headings.txt")),
        title_weights=_weights(_entries(folders, "title-weights.txt")),
        handle_followers=tuple(sorted(words.words("handle-followers"))),
        bio_verbs=words.words("bio-verbs"),
        section_words=words.words("section-words"),
    )


def _weights(entries: tuple[str, ...]) -> dict[str, float]:
    """``name weight`` lines; a later folder's value for a name replaces an earlier one."""
    weights: dict[str, float] = {}
    for entry in entries:
        name, _, value = entry.partition(" ")
        try:
            weights[name] = float(value)
        except ValueError:
            continue
    return weights
