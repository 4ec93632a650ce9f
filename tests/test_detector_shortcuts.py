"""Issue 17 (grammar-off throughput): each detector shortcut gives the slow path's answer.

The shortcuts replace a scan of every gazetteer title or entity per token or per article by a
lookup in a table built once per name index; these tests compare the two on text built to
reach the edges (short titles, titles that end inside a word, text shorter than a title). The
single-word names closest to a word are remembered per word (a feed repeats its unknown
names): the remembered answer must be the fresh one.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Config
from cleaner.detectors import first_name, near_miss
from cleaner.detectors.names import NameIndex, fold
from cleaner.rules.entity import Entity
from cleaner.stages.detect import Detectors

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
