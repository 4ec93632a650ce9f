"""Issue 17 (grammar-off throughput): each detector shortcut gives the slow path's answer.

The shortcuts replace a scan of every gazetteer title or entity per token or per article by a
lookup in a table built once per name index; these tests compare the two on text built to
reach the edges (short titles, titles that end inside a word, text shorter than a title). The
single-word names closest to a word are remembered per word (a feed repeats its unknown
names): the remembered answer must be the fresh one. Three detectors' regexes, which try a
look-behind at every position of the text, run only where a cheap search finds what each
of their matches must hold.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleaner import Config
from cleaner.detectors import confirm, first_name, glue, near_miss, spacing
from cleaner.detectors.names import NameIndex, fold
from cleaner.model import FixSafety
from cleaner.rules.entity import Entity
from cleaner.stages.detect import Detectors
from cleaner.textview import TextView

from .strategies import joined

_TITLES = ("Minister", "Prime Minister", "PM", "Dr", "Sec", "Foreign Minister", "Ex", "A", "")
_WORDS = st.sampled_from(("Minister", "Prime", "Foreign", "PM", "Dr", "x", "Sec", "ex", "Ex"))


class _Index:
    """Enough of a NameIndex for the title tables (``derived`` and ``entities``)."""

    def __init__(self, titles: tuple[str, ...]) -> None:
        self.entities = (Entity(id="p", kind="person", canonical="Ann Lee", titles=titles),)
        self.cache: dict = {}

    derived = NameIndex.derived


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_TITLES), max_size=6, unique=True),
    st.lists(_WORDS, max_size=6),
    st.sampled_from((" ", "", "  ", "-")),
)
def test_titles_by_their_last_letters_are_the_titles_a_scan_finds(
    titles: list[str], words: list[str], sep: str
) -> None:
    index = _Index(tuple(titles))
    before = sep.join(words) + " "
    every = first_name._all_titles(index)  # type: ignore[arg-type]
    table = first_name._titles_by_tail(index)  # type: ignore[arg-type]
    for cut in range(len(before) + 1):
        text = before[cut:]
        assert first_name._titles_ending(text, table) == [
            t for t in every if text.endswith(t + " ")
        ]


# -- remembered closest names ---------------------------------------------------------------

_INDEX = Detectors(Config(grammar="none")).index
_FORMS = sorted(_INDEX.single_forms)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.builds(
            lambda form, cut, extra: (form[:cut] + extra + form[cut + 1 :]).capitalize(),
            st.sampled_from(_FORMS),
            st.integers(0, 6),
            st.sampled_from(("", "a", "e", "o", "z", "ss")),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_remembered_closest_names_are_those_a_fresh_comparison_finds(words: list[str]) -> None:
    from rapidfuzz import process
    from rapidfuzz.distance import JaroWinkler

    for word in [*words, *reversed(words)]:  # asked again: from the memo
        fresh = [
            form
            for form, _score, _ in process.extract(
                fold(word),
                list(_INDEX.single_forms),
                scorer=JaroWinkler.similarity,
                score_cutoff=near_miss.MIN_SPELLING,
                limit=8,
            )
        ]
        assert list(near_miss.closest_forms(fold(word), _INDEX)) == fresh


# -- cues: one cheap search before a costly scan ----------------------------------------------

_PUNCTUATED = st.lists(
    st.sampled_from(
        ("abc", "Zed", "Z", "é", "a\u0301b", "1", ".", "!", "?", ",", ";", ":", "-", '"', "”")
        + (")", "]", "’", " ", "\u00a0", "\n", "x@", "/")
    ),
    max_size=12,
).map("".join)


@settings(max_examples=1500, deadline=None)
@given(_PUNCTUATED)
def test_a_text_without_the_cue_has_no_match_of_the_costly_pattern(text: str) -> None:
    """Each cue is what every match of its pattern holds, so skipping the scan where the cue
    is absent loses nothing."""
    for cue, pattern in (
        (glue._GLUE_CUE, glue._GLUE),
        (glue._SPACED_CUE, glue._SPACED),
        (glue._COMMA_CUE, glue._COMMA_GLUE),
        (spacing._SPACED_HYPHEN_CUE, spacing._SPACED_HYPHEN),
    ):
        if pattern.search(text):
            assert cue.search(text), (pattern.pattern, text)


def test_words_split_at_apostrophes_as_before() -> None:
    view = TextView("Xi’s talks and the Kremlin's view: O'Neil said don't.")
    assert view.words == frozenset(
        w for t in view.tokens for w in t.lower.replace("’", "'").split("'")
    )


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from("abcdef"), max_size=12),
    st.sets(st.sampled_from("abcdefgh")),
)
def test_named_people_by_id_come_as_a_scan_of_the_gazetteer_gives_them(
    ids: list[str], named: set[str]
) -> None:
    """Same keys in the same order and the same entity under each (the later of two sharing
    an id): callers read the values in order (one person's name parts over another's)."""
    index = NameIndex(
        tuple(Entity(id=i, kind="person", canonical=f"Ann Lee{n}") for n, i in enumerate(ids))
    )
    expected = {e.id: e for e in index.entities if e.id in named}
    found = confirm.named_by_id(index, named)
    assert list(found.items()) == list(expected.items())


# -- people named in full: one compiled pattern per name ---------------------------------------

_NAMES = sorted({n.text for n in _INDEX.derived("confirm_names", confirm._names)[0]}, key=len)[::40]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_NAMES),
            st.sampled_from(_NAMES).map(lambda n: n[: len(n) // 2]),
            st.sampled_from(("", " ", "a", "é", "_", "1", "-", ".", "\n", "’s", "\u0301")),
        ),
        max_size=8,
    ).map("".join)
)
def test_people_named_in_full_are_those_a_fresh_search_finds(text: str) -> None:
    """The substring test and the remembered pattern decide as the search compiled per call
    did, at the edges too (a letter, digit, underscore or combining mark next to a name)."""
    import regex

    view = TextView(text)
    names, by_part = _INDEX.derived("confirm_names", confirm._names)
    candidates = {
        n for t in view.tokens if t.is_title for n in by_part.get(confirm.key(t.text), ())
    }
    fresh = {
        names[n].entity.id
        for n in candidates
        if regex.search(rf"(?<!\w){regex.escape(names[n].text)}(?!\w)", text)
    }
    assert confirm.named_in_full(view, _INDEX) == fresh
    for name in _NAMES:
        assert confirm.writes_name(name, text) == bool(
            regex.search(rf"(?<!\w){regex.escape(name)}(?!\w)", text)
        )


# -- cheap guards in the detectors' per-word loops ----------------------------------------------

_PROSE_WORDS = st.lists(
    st.sampled_from(
        ("Vladimir Putin", "Giorgia Meloni", "Putin", "Meloni", "Annalena Baerbock", "Burbock")
        + ("he", "she", "her", "his", "him", "wife", "Mrs", "the", "said", "May", "Warren")
        + ("Kim", "Jong-il", "Jong", "-", "il", "Russia", "of", "in", "a", "Xi", "saying")
    ),
    max_size=24,
)
_PROSE = joined(_PROSE_WORDS, (" ", " ", " ", ". ", ", ", "-", "\n", "  "))


def _runs_before(text: str, toks: list) -> list:
    """``confirm._runs`` as it was: ``close_run`` called on every lower-case word."""
    runs: list = []
    current: list = []
    part: list = []

    def close_part() -> None:
        if part:
            current.append(
                confirm._Part(part[0].start, part[-1].end, text[part[0].start : part[-1].end])
            )
            part.clear()

    def close_run() -> None:
        close_part()
        if len(current) >= 2:
            runs.append(list(current))
        current.clear()

    prev = None
    for tok in toks:
        if prev is not None:
            gap = text[prev.end : tok.start]
            if gap == "-":
                part.append(tok)
                prev = tok
                continue
            close_part()
            if not (len(gap) == 1 and confirm._SPACE.match(gap)):
                close_run()
        if not tok.text[:1].isupper():
            close_run()
            prev = None
            continue
        part.append(tok)
        prev = tok
    close_run()
    return runs


@settings(max_examples=400, deadline=None)
@given(_PROSE)
@example("Kim Jong-il met Xi in Moscow and Vladimir Putin there.")
def test_runs_of_capitals_are_those_of_the_loop_that_closed_at_every_word(text: str) -> None:
    toks = TextView(text).tokens
    assert confirm._runs(text, toks) == _runs_before(text, toks)
    assert confirm._runs_in(text, toks) == _runs_before(text, toks)


@settings(max_examples=300, deadline=None)
@given(_PROSE)
@example("He said. She left. Vladimir Putin arrived, saying she would stay a week.")
@example("She said. He left. Giorgia Meloni arrived, saying he would stay a week.")
@example("Vladimir Putin arrived. she left.")  # a finding of the sentence-join pass only
def test_pronoun_findings_are_those_of_counting_every_sentence_antecedents(text: str) -> None:
    """Antecedents stop being counted once both genders are among them: ``earlier`` is only
    asked whether it holds the other gender, so the findings are those of counting all.
    Compared per sentence: the sentence-join pass (``carry=True``) adds its own."""
    from cleaner.detectors import pronoun

    view = TextView(text)
    slow = []
    repaired = pronoun._repaired(view, _INDEX, ())
    introduced: dict[str, bool] = {}
    earlier: set[str] = set()
    places = pronoun._places(text, _INDEX)
    for start, end in view.sentences:
        sent = view.tokens_in(start, end)
        found = pronoun._check_sentence(
            text, sent, _INDEX, introduced, repaired, frozenset(earlier)
        )
        slow.extend(found)
        wrong = {h.start for h in found if h.fix is FixSafety.SAFE}
        earlier |= pronoun._antecedents(text, sent, _INDEX, repaired, wrong, places)
    assert pronoun._sentence_hits(view, _INDEX) == slow
    if text.startswith("He said. She left. Vladimir"):  # the example is the edge it claims
        assert [h.fix for h in slow] == [FixSafety.UNSAFE]


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(
        st.sampled_from(("sic", "SIC", "ſic", "[", "(", "]", ")", "!", " ", "\u00a0", "mu", "x")),
        max_size=10,
    ).map("".join)
)
def test_a_text_without_a_bracketed_sic_has_no_sic_span(text: str) -> None:
    from cleaner import textview

    if textview._SIC.search(text):
        assert textview._SIC_HINT.search(text), text


_FRAGMENT_WORDS = st.lists(
    st.sampled_from(
        ("govern", "ment", "Z", "elensky", "inform", "ation", "thepresident", "Putinsaid")
        + ("Beijingsaid", "the", "I", "A", "tion", "Kyiv", "xq", "said", "ofthe", "é", "Ab")
    ),
    max_size=16,
)
_FRAGMENTS = joined(_FRAGMENT_WORDS, (" ", " ", "  ", "\n", "-", ". "))


@settings(max_examples=400, deadline=None)
@given(_FRAGMENTS)
@example("the govern ment said Z elensky and thepresident left")
def test_split_and_glued_words_are_found_among_the_unknown_words_as_among_all(text: str) -> None:
    """Visiting only the words the frequency list lacks (and their neighbours) finds what
    visiting every word finds."""
    view = TextView(text)
    toks = view.tokens
    every = range(len(toks))
    rare = spacing.unknown_words(view.lowers)
    assert spacing._split_words(text, toks, rare) == spacing._split_words(text, toks, every)
    assert spacing._glued_words(toks, _INDEX, rare) == spacing._glued_words(toks, _INDEX, every)
    if text.startswith("the govern ment said Z elensky"):  # the example reaches both scans
        assert spacing._split_words(text, toks, rare) and spacing._glued_words(toks, _INDEX, rare)


@settings(max_examples=300, deadline=None)
@given(_PROSE)
def test_only_title_case_words_are_near_miss_candidates(text: str) -> None:
    """``near_miss.detect`` skips a word that is not in title case before asking
    ``is_candidate``: that is its first test."""
    for tok in TextView(text + " Fitso Zelenskyy XI McCain").tokens:
        if not tok.is_title:
            assert not near_miss.is_candidate(tok, _INDEX), tok


def _case_stats_of_every_word(text, toks):  # type: ignore[no-untyped-def]
    """Stray capitals' case statistics as they were built before session 5: every word's
    counts, with a sentence-start test for every capitalised token, built first."""
    from collections import Counter

    from cleaner.detectors.stray_caps import COMMON, _adjacent
    from cleaner.detectors.text import sentence_initial, zipf

    initial = [not t.is_lower and sentence_initial(text, t.start) for t in toks]
    named: set[str] = set()
    lower: Counter[str] = Counter()
    caps: Counter[str] = Counter()
    for i, tok in enumerate(toks):
        if initial[i]:
            if tok.is_title and i + 1 < len(toks):
                nxt = toks[i + 1]
                if nxt.is_title and zipf(nxt.lower) < COMMON and _adjacent(text, tok, nxt):
                    named.add(tok.lower)
            continue
        if tok.is_lower:
            lower[tok.lower] += 1
        elif tok.is_title:
            caps[tok.lower] += 1
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if (
                nxt is not None
                and nxt.is_title
                and zipf(nxt.lower) < COMMON
                and _adjacent(text, tok, nxt)
            ):
                named.add(tok.lower)
    return named, lower, caps


_CASED = st.lists(
    st.tuples(
        st.sampled_from(("Will", "will", "WILL", "Smith", "Attend", "attend", "The", "the", "In")),
        st.sampled_from((" ", " ", ". ", "\n", ", ", " (", "  ", ": ")),
    ),
    max_size=30,
).map(lambda pairs: "".join(w + s for w, s in pairs))


@settings(max_examples=400, deadline=None)
@given(_CASED)
@example("Will Smith said. Will will Attend. In the Will Smith film, Will Smith")
def test_case_stats_asked_per_word_are_the_statistics_of_every_word(text: str) -> None:
    """Session 5: stray capitals asks for the case statistics of the words that survive its
    cheap tests only, one scan per word; each answer must be the full statistics'."""
    from cleaner.detectors.stray_caps import _CaseStats

    toks = TextView(text).tokens
    named, lower, caps = _case_stats_of_every_word(text, toks)
    stats = _CaseStats(text, toks)
    for word in {t.lower for t in toks} | {"absent"}:
        assert stats.of(word) == (word in named, lower[word], caps[word]), word
