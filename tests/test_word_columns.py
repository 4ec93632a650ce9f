"""Issue 17 (grammar-off throughput, session 13): the shared per-word columns and the scans
that read them give what the per-token scans gave.

The text view makes its words from one split of the text (``word_columns``: the words, their
starts and their ends in C) and hands the detectors that look every word up the plain
columns (``texts``, ``lowers``, ``capitalised``) instead of a Python step per token; the
metadata stage scans a date form only where its cue is, and tests a line for a caption's cue
by substring. Each is compared here with the slow path it replaces.
"""

from __future__ import annotations

from dataclasses import replace

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleaner.config import Config
from cleaner.detectors import confirm, language, pronoun, stray_i
from cleaner.detectors.names import NameIndex, fold
from cleaner.metadata import dates, names
from cleaner.metadata.lexicon import _escaped, load_lexicon
from cleaner.resources import rule_folders
from cleaner.rules.entity import Entity
from cleaner.stages.detect import Detectors
from cleaner.textview import WORD, TextView, indices

from .strategies import joined

# Letters of several scripts, combining marks, both apostrophes, digits, spaces and
# punctuation: every edge of ``WORD`` (a mark cannot start a word, an apostrophe part needs a
# letter after it, the Kelvin sign and the dotted capital I change length or case oddly).
_CHARS = st.sampled_from(
    list("aZéÉßİKſ\u0301\u0308'’ -.\n1I") + ["Жу", "中", "ǅ", "ﬁ", "Ⅻ", "McD", "I'm", "i", "\u212a"]
)
_TEXT = st.lists(_CHARS, max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(_TEXT)
@example("Xi's don’t I I'm McDonald ǅemal é\u0301a KELVIN Kelvin İstanbul")
def test_tokens_from_one_split_are_the_matches_of_word(text: str) -> None:
    """The tokens, ``texts``, ``lowers`` and word counts made from ``word_columns`` are
    ``WORD``'s matches (fails with the starts taken one part late, ``bounds[1::2]``)."""
    matches = list(WORD.finditer(text))
    view = TextView(text)
    assert [(t.start, t.end, t.text) for t in view.tokens] == [
        (m.start(), m.end(), m.group()) for m in matches
    ]
    assert view.texts == [m.group() for m in matches]
    assert view.lowers == [m.group().lower() for m in matches]
    fresh = TextView(text)  # counted before any token is made
    for a in range(0, len(text) + 1, 3):
        for b in (a, a + 2, len(text)):
            expected = sum(1 for m in matches if a <= m.start() < b)
            assert fresh.count_words(a, b) == expected
            assert len(view.tokens_in(a, b)) == expected


@settings(max_examples=500, deadline=None)
@given(_TEXT)
@example("ǅemal Ab AB A I McDonald É\u0301t")
def test_capitalised_and_titled_words_are_the_tokens_tests(text: str) -> None:
    """``capitalised`` is the words whose first letter is a capital (``not tok.is_lower``
    and a capital, as ``confirm._runs`` picked them) and ``titled`` the words in title case
    (``Token.is_title``), both read off the columns; fails with ``titled`` keeping one-letter
    words or ``capitalised`` testing ``istitle``."""
    view = TextView(text)
    toks = TextView(text).tokens
    assert view.capitalised == [
        k for k, t in enumerate(toks) if not t.is_lower and t.text[:1].isupper()
    ]
    assert view.titled == [i for i, t in enumerate(toks) if t.is_title]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(("I", "i", "a", "II", "")), max_size=12), st.sampled_from("Ii"))
def test_indices_are_every_position_of_the_value(items: list[str], value: str) -> None:
    """Fails when the search resumes two places on (``i + 2``) and so skips a neighbour."""
    assert indices(items, value) == [i for i, x in enumerate(items) if x == value]


_INDEX = Detectors(Config(grammar="none")).index
_PROSE = joined(
    st.lists(
        st.sampled_from(
            (
                "Olaf",
                "Scholz",
                "I",
                "devoted",
                "he",
                "said",
                "Kim",
                "Jong",
                "il",
                "UN",
                "Moscow",
                "the",
            )
        ),
        max_size=14,
    ),
    (" ", " ", "-", ", ", ". ", "\n"),
)


@settings(max_examples=300, deadline=None)
@given(_PROSE)
@example("Olaf Scholz I devoted it. I said I")
def test_the_words_i_read_off_the_column_are_those_of_the_token_scan(text: str) -> None:
    """MT909's candidates: the words "I" with two words before and one after (fails with
    the last word let in)."""
    toks = TextView(text).tokens
    n = len(toks)
    assert stray_i._candidates(TextView(text)) == [
        k for k in range(2, n - 1) if toks[k].text == "I"
    ]


@settings(max_examples=300, deadline=None)
@given(_PROSE)
@example("Kim Jong-il met the UN Kim Scholz in Moscow.")
def test_runs_of_capitals_from_the_column_are_those_picked_by_the_tokens(text: str) -> None:
    view = TextView(text)
    toks = view.tokens
    assert confirm._runs(text, toks, None, view.capitalised) == confirm._runs(text, toks)


# -- metadata ---------------------------------------------------------------------------------


def _find_dates_everywhere(text: str) -> list[dates.DateHit]:
    """``find_dates`` before its cues: every form scanned on every text with a year."""
    if not dates._YEAR_ANYWHERE.search(text):
        return []
    hits: list[dates.DateHit] = []
    taken: list[tuple[int, int]] = []
    for order, pattern in dates._FORMS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            hit = dates._hit(m, order)
            if hit is not None:
                hits.append(hit)
                taken.append((m.start(), m.end()))
    return sorted(hits, key=lambda h: h.start)


_DATE_PARTS = st.sampled_from(
    (
        "January", "feb", "MAR", "Apr.", "May", "june", "JUL", "August", "Sept", "ſep",
        "ſeptember", "oct", "Nov", "dec", "Monday,", "of", "4", "04", "23", "31st", "12",
        "2025", "1999", "2025-05-04", "2025/5/4", "2025.05.04", "23.07.2025", "03/04/2025",
        "4-5-2025", "at 14:30", "9:05 pm", "T10:00", "x", "Published", "-", ".", "/",
    )
)  # fmt: skip
_DATE_TEXT = joined(st.lists(_DATE_PARTS, max_size=8), (" ", " ", "", ", ", "-", "."))


@settings(max_examples=800, deadline=None)
@given(_DATE_TEXT)
@example("Published ſep 4, 2025 and 23.07.2025")
def test_date_forms_scanned_where_their_cue_is_find_every_date(text: str) -> None:
    """Fails with "sep" dropped from the month cue (``ſep 4, 2025``: the long s is an "s"
    to case-insensitive matching) or "." from the number cue (``23.07.2025``)."""
    assert dates.find_dates(text) == _find_dates_everywhere(text)


_LEXICON = load_lexicon(rule_folders(Config()))
_CAPTION_TEXT = st.lists(
    st.sampled_from(tuple(_LEXICON.captions) + ("Photo", "CREDIT:", "Getty", "a", " ", "/")),
    max_size=5,
).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(_CAPTION_TEXT)
@example("Photo Credit: AP")
def test_caption_cues_found_by_substring_are_the_alternations_matches(text: str) -> None:
    """Fails when the line is not lowered first (``Photo Credit``) or the last cue is left
    out of the ones tested."""
    pattern = regex.compile(_escaped(_LEXICON.captions))
    assert _LEXICON.is_caption(text) == bool(pattern.search(text.lower()))


def test_no_caption_cue_no_caption() -> None:
    """An empty cue list reads no line as a caption (the empty pattern would read all)."""
    empty = replace(_LEXICON, captions=("",))
    assert not empty.is_caption("Photo credit: AP") and not empty.is_caption("")


def test_a_month_written_with_a_long_s_is_a_month_not_a_crash() -> None:
    """The month forms match case-insensitively, where a long s is an "s": ``ſep`` names
    September (it was looked up lowered, kept its long s, and the look-up raised)."""
    (hit,) = dates.find_dates("Published ſep 4, 2025")
    assert (hit.year, hit.month, hit.day) == (2025, 9, 4)


# -- the confirmation detector's government search, the pronoun check's person words -------

_GOVERNED = joined(
    st.lists(
        st.sampled_from(
            ("Yoon", "Yoon's", "government", "governments", "administration", "cabinet", "the",
             "Government", "said", "Kim", "’s", "'s")
        ),
        max_size=12,
    ),
    (" ", " ", "", "-", ", ", "\n"),
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(_GOVERNED)
@example("Yoon government")
@example("Yoon's administration")
def test_a_window_without_a_spaced_government_noun_holds_no_match(text: str) -> None:
    """``_NounsNear`` lets the search run wherever it can match: from every position, a
    window it rules out is one the search finds nothing in (fails when a noun right at the
    window's start is not counted, ``start + 1``)."""
    nouns = _INDEX.lexicon.words("government-nouns")
    pattern = confirm._government_nouns(nouns)
    assert pattern is not None
    near = confirm._NounsNear(text, nouns)
    for at in range(len(text) + 1):
        if not near.within(at, at + 60):
            assert pattern.search(text, at, at + 60) is None, at


def test_person_words_are_remembered_per_name_index() -> None:
    """``_person_starts`` remembers whether a word names a gazetteer person per name index:
    two indexes that disagree about a word each keep their answer (fails with one memo
    shared by every index)."""
    text = "Then Merkel and Olaf Scholz met Biden."
    other = NameIndex.build(
        (Entity(id="m", kind="person", canonical="Angela Merkel"),), _INDEX.lexicon
    )
    for index in (_INDEX, other, _INDEX, other):
        view = TextView(text)
        toks = view.tokens
        assert pronoun._person_starts(view, index, {}) == [
            toks[i].start for i in view.titled if index.people.get(fold(toks[i].text))
        ]


_ASCII = st.text(st.sampled_from("aZq'’ -.\n1'"), max_size=60).map(lambda t: t.replace("’", "'"))


@settings(max_examples=500, deadline=None)
@given(_ASCII)
@example("don't 'quoted' rock'n'roll o''clock it's")
def test_letters_of_an_ascii_sample_counted_from_its_words_are_its_letters(text: str) -> None:
    """The language check counts an ASCII sample's letters from its words: what the letter
    scan counts (fails when the apostrophes are left in the count)."""
    words = WORD.findall(text.lower())
    assert language.ascii_letters(words) == sum(map(len, regex.findall(r"\p{L}+", text)))


_BYLINE_WORDS = st.lists(
    st.sampled_from(("PhD", "DVM,", "MD", "Ph.D.", "Jr.", "Ma", "Anna", "Smith,", "and", "BA")),
    max_size=20,
)


@given(_BYLINE_WORDS)
@settings(max_examples=400, deadline=None)
@example(["Anna"] * 15)
def test_a_line_of_few_words_is_never_too_long_for_a_byline(words: list[str]) -> None:
    """``_sentence_long`` skips the credential test for a line of no more than the limit's
    words: the count without credentials is the count it had (fails with the limit's
    words let through, ``len(words) > BYLINE_MAX_WORDS + 1``)."""
    expected = sum(not names._credential(w, _LEXICON) for w in words) > names.BYLINE_MAX_WORDS
    assert names._sentence_long(words, _LEXICON) == expected
