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

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Config
from cleaner.detectors import confirm, first_name, glue, near_miss, spacing
from cleaner.detectors.names import NameIndex, fold
from cleaner.rules.entity import Entity
from cleaner.stages.detect import Detectors
from cleaner.textview import TextView

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
        assert list(near_miss._closest_forms(fold(word), _INDEX)) == fresh


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
