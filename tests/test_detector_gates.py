"""Issue 17 (grammar-off throughput): a detector's gate skips only work that finds nothing.

A gate is a cheap necessary condition checked before costly work: where it says no, the
work's answer was "nothing" anyway. Each test here compares the gated detector with the same
computation run everywhere, on text built to reach the gate's edges (garbled names, case
slips, known names, English words), and on the rules' own examples, which the gate must let
through.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleaner import Config
from cleaner.detectors import confirm
from cleaner.stages.detect import Detectors
from cleaner.textview import TextView

from .strategies import joined

_INDEX = Detectors(Config(grammar="none")).index


def _every_window(text: str, toks: list, named: frozenset[str]) -> list[confirm.FullMatch]:
    """``confirm.full_name_matches`` without its gate: every window of every run tried,
    and (as there) a window dropped when the word before it is another person's name's."""
    names, by_part = _INDEX.derived("confirm_names", confirm._names)
    found = []
    for run in confirm._runs(text, toks):
        for size in range(min(4, len(run)), 1, -1):
            for i in range(len(run) - size + 1):
                match = confirm._best(run[i : i + size], names, by_part, _INDEX, named)
                if match and not (
                    i and confirm._names_another(run[i - 1], match, names, by_part, _INDEX)
                ):
                    found.append(match)
    found.sort(key=lambda m: (-(m.end - m.start), m.start))
    kept: list[confirm.FullMatch] = []
    for m in found:
        if not any(m.start < k.end and k.start < m.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def _garbles(word: str) -> list[str]:
    """A name part as damage leaves it: a letter dropped or doubled, a vowel changed, a
    capital slipped in, a possessive."""
    out = [word, word + "'s", word.upper()]
    if len(word) > 2:
        out += [
            word[:2] + word[3:],
            word[:2] + word[2] + word[2:],
            word[0] + word[1].upper() + word[2:],
        ]
        out += [word[:-1] + ("a" if word[-1] != "a" else "e")]
    return out


_PARTS = sorted(
    {p for n in _INDEX.derived("confirm_names", confirm._names)[0][::25] for p in n.parts}
)
_WORD = st.one_of(
    st.sampled_from(_PARTS).flatmap(lambda p: st.sampled_from(_garbles(p))),
    st.sampled_from(("Prime", "Minister", "Grant", "President", "The", "Jong-Li", "Ko", "Wenzhe")),
    st.sampled_from(("said", "of", "and", "de", "al", "-", "Moscow", "Turkish", "German")),
)
_TEXT = joined(
    st.lists(_WORD, min_size=1, max_size=10), (" ", " ", " ", "\u00a0", "-", ". ", ", ", "\n")
)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.booleans())
@example("Turkish President Recep Rayyip Erdogan arrived in Ankara.", False)
@example("The German foreign minister Annalen Burbock arrived.", False)
@example("Amir Abdallahian spoke. Later Hossein Amir Abdollahian left.", True)
@example("Prime Minister Robert FIco said so. ROBERT FICO left.", False)
@example("Kim Jong-Li and Ko Wenzhe met Josep Borell.", False)
@example("Shigeru Ishiba spoke. Shigeru Ishibari left.", True)
@example("Chen Bao-gi spoke.", False)
@example("Adolfo Ko Wenzhe ", False)
def test_full_name_matches_skip_only_windows_that_cannot_change(text: str, named: bool) -> None:
    """Windows none of whose parts ``may_change`` are not tried: the matches are those of
    trying every window, with and without the people the text names in full."""
    toks = TextView(text).tokens
    in_full = frozenset(confirm.named_in_full(TextView(text), _INDEX)) if named else frozenset()
    expected = _every_window(text, toks, in_full)
    assert confirm.full_name_matches(text, _INDEX, toks, in_full) == expected


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(_PARTS), st.sampled_from(_PARTS), st.integers(0, 6))
def test_a_part_lines_up_as_a_change_only_where_it_may_change(
    part: str, form_of: str, which: int
) -> None:
    """``_line_up`` on one part against a name's part: any part it calls a slip, a
    sound-alike or a letter off is one ``may_change`` lets through."""
    names, _ = _INDEX.derived("confirm_names", confirm._names)
    name = next(n for n in names if form_of in n.parts)
    word = _garbles(part)[which % len(_garbles(part))]
    window = [confirm._Part(0, len(word), word)]
    for form in name.parts:
        for named in (frozenset(), frozenset({name.entity.id})):
            match = confirm._line_up(
                window, [confirm.key(word)], (form,), name.entity, _INDEX, named
            )
            if match is not None and match.changed():
                assert confirm.may_change(word, _INDEX), (word, form)


def test_a_hyphenated_sound_alike_may_change_though_wordfreq_reads_english_words() -> None:
    """``Bao-gi``: wordfreq reads "bao" and "gi" (an English word by ``zipf``), yet it is a
    sound-alike of Chen Bao-ji's given name."""
    names, _ = _INDEX.derived("confirm_names", confirm._names)
    name = next(n for n in names if "Bao-ji" in n.parts)
    window = [confirm._Part(0, 6, "Bao-gi")]
    match = confirm._line_up(
        window, [confirm.key("Bao-gi")], ("Bao-ji",), name.entity, _INDEX, frozenset()
    )
    assert match is not None and match.changed()
    assert confirm.may_change("Bao-gi", _INDEX)


_FAMILIES = sorted(
    {e.surname or e.canonical.split()[-1] for e in _INDEX.entities if e.kind == "person"}
)[::20]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_FAMILIES).flatmap(lambda f: st.sampled_from(_garbles(f)))))
@example(["Brinken", "Blinken", "Bidens", "Minister"])
def test_remembered_near_titled_answers_are_the_fresh_symmetric_delete_test(
    words: list[str],
) -> None:
    """NE912 by the office asks of every long capitalised word whether it is one letter off
    a titled person's family name; the remembered answer is the fresh one, asked again."""
    titled = _INDEX.derived("titled_deletions", confirm._titled_deletions)
    for word in [*words, *reversed(words)]:
        fresh = bool(confirm._deletions(confirm.key(word)) & titled)
        assert confirm._near_titled(word, _INDEX) == fresh, word


@settings(max_examples=1500, deadline=None)
@given(
    st.sampled_from(("Kyiv", "aa", "aba", "Ab", "é", "a\u0301", "x_y", "Bao-ji")),
    st.lists(
        st.sampled_from(
            ("Kyiv", "aa", "a", "b", "Ab", "é", "\u0301", "_", "1", "-", " ", "\u00a0", "’s")
            + ("'", ".", "\n", "\u200d", "x_y", "Bao-ji", "ba", "\u2011")
        ),
        max_size=12,
    ).map("".join),
)
@example("aa", "aaa aa aaaa -aa aa-")
@example(". .", ". . . .")  # overlaps itself where no word character stops it
def test_whole_word_starts_are_those_of_the_look_around_pattern(word: str, text: str) -> None:
    """The same starts as the pattern (compiled per word) the pronoun check searched with,
    at the edges too: a mark, an underscore, a digit, a hyphen or a joiner next to the
    word, and a word that overlaps itself."""
    import regex

    from cleaner.detectors.text import whole_word_starts

    pattern = rf"(?<![\w-]){regex.escape(word)}(?![\w-])"
    expected = [m.start() for m in regex.finditer(pattern, text)]
    assert list(whole_word_starts(word, text)) == expected


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from(_PARTS).flatmap(lambda p: st.sampled_from(_garbles(p))),
            min_size=2,
            max_size=4,
        ),
        min_size=1,
        max_size=4,
    )
)
@example([["Annalen", "Burbock"], ["Annalen", "Burbok"], ["Annalen", "Burbock"]])
def test_remembered_sound_alike_names_are_those_a_fresh_comparison_finds(
    windows: list[list[str]],
) -> None:
    """Each window's words asked twice, in both orders: the remembered names are the fresh
    comparison's."""
    names, _ = _INDEX.derived("confirm_names", confirm._names)
    for words in [*windows, *reversed(windows)]:
        window, at = [], 0
        for word in words:
            window.append(confirm._Part(at, at + len(word), word))
            at += len(word) + 1
        fresh = tuple(confirm._fuzzy(window, names, _INDEX))
        assert confirm._fuzzy_remembered(window, names, _INDEX) == fresh, words


@settings(max_examples=300, deadline=None)
@given(
    joined(
        st.lists(
            st.sampled_from(
                ("in", "In", "from", "at", "near", "to", "on", "the", "The", "Kyiv", "Warren")
                + ("Kyiv-based", "Warren's", "met", "-", "_", "a", "Beijing", "said")
            ),
            max_size=16,
        ),
        (" ", " ", ". ", ", ", "-", "\n", ""),
    )
)
@example("140 kilometers from Beijing. Warren commended a call from Warren in Kyiv-based Kyiv")
def test_place_words_are_those_of_the_pattern_compiled_per_word(text: str) -> None:
    """The pronoun check's places (words written only after a place preposition or "the")
    are the ones the pattern compiled for each word found, as it was searched before."""
    import regex

    from cleaner.detectors import pronoun

    lexicon = _INDEX.lexicon
    place, lead, width = pronoun._place_patterns(
        lexicon.words("place-prepositions"), lexicon.words("place-or-day-prepositions")
    )
    expected = set()
    for word in set(place.findall(text)):
        spots = regex.finditer(rf"(?<![\w-]){regex.escape(word)}(?![\w-])", text)
        if all(lead.search(text, max(0, m.start() - width), m.start()) for m in spots):
            expected.add(word)
    assert pronoun._places(text, _INDEX) == frozenset(expected)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            (
                "Xi's",
                "xi's",
                "NATO",
                "Nato",
                "McCain",
                "iPhone",
                "I",
                "A",
                "a",
                "Élysée",
                "ΑΘΗΝΑ",
                "Ελλάδα",
                "O'Brien",
                "O'BRIEN",
                "Jong-Li",
                "2024",
                "Dr.",
                "the",
                "The",
                "Ǆemal",
                "ǅemal",
                "ß",
                "SS",
                "Ab",
                "AB",
                "aB",
                "(Kyiv)",
            )
        ),
        max_size=14,
    ).map(" ".join)
)
@example("McCain met Xi's aide in the Élysée")
@example("NATO and I met Nato")
def test_titled_holds_the_words_in_title_case_and_no_others(text: str) -> None:
    """``TextView.titled`` is what the name and stray-capital detectors walk instead of
    every word, each having skipped a word not in title case first: a word there must be
    capitalised with a lower-case letter after the first (``Nato``, ``McCain``, ``Xi's``,
    ``Ελλάδα``), never all capitals (``NATO``, ``I``) or lower case; and no such word may be
    missing (a detector would not see it). ``str.istitle`` is not the test: it refuses
    ``McCain`` and ``Xi's``."""
    view = TextView(text)
    expected = [
        i
        for i, t in enumerate(view.tokens)
        if len(t.text) >= 2 and t.text[0].isupper() and not t.text[1:].isupper()
    ]
    assert view.titled == expected


def test_a_remembered_candidate_is_remembered_per_name_index() -> None:
    """``near_miss.is_candidate`` remembers its answer per word, but the answer depends on
    the gazetteer: a word one index spells is no candidate there and still one in an
    index without it, whichever is asked first."""
    from cleaner.detectors import near_miss
    from cleaner.detectors.names import NameIndex
    from cleaner.rules.entity import Entity

    zorvath = Entity("zorvath", "Ilka Zorvath", "person", short_forms=("Zorvath",))
    other = Entity("pelmo", "Ada Pelmo", "person", short_forms=("Pelmo",))
    with_it, without = NameIndex.build((zorvath,)), NameIndex.build((other,))
    tok = TextView("Zorvath").tokens[0]
    assert not near_miss.is_candidate(tok, with_it)
    assert near_miss.is_candidate(tok, without)
    assert not near_miss.is_candidate(tok, with_it)
    assert not near_miss.is_candidate(TextView("Pelmo").tokens[0], without)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(
        (
            "Will",
            "May",
            "March",
            "Turkey",
            "Media",
            "Sunday",
            "Beijing",
            "The",
            "Their",
            "You",
            "Your",
            "Provide",
            "Attend",
            "Western",
            "Continues",
            "Xi's",
            "Don't",
            "Run-up",
            "Zorvath",
            "With",
            "Between",
            "Ελλάδα",
            "Aaa",
            "Iii",
        )
    )
)
def test_a_stray_capitals_word_test_is_the_tests_it_stands_for(word: str) -> None:
    """``stray_caps._lower_case_reading`` (remembered per word) gives a score exactly when
    the word passes the tests the detector asked of each capitalised token in turn: letters
    only, no determiner or polite "You", a common word with a lower-case reading, and a
    very common one if the dictionary also lists it capitalised."""
    from cleaner.detectors import stray_caps
    from cleaner.detectors.text import cased_dictionary, zipf

    words = cased_dictionary()
    low = word.lower()
    score = zipf(low)
    passes = (
        word.isalpha()
        and low not in stray_caps._DETERMINERS
        and low not in stray_caps._POLITE
        and score >= stray_caps.COMMON
        and low in words
        and not (word in words and score < stray_caps.FUNCTION_LIKE)
    )
    assert stray_caps._lower_case_reading(word) == (score if passes else None)


_PRONOUN_SENTENCES = (
    "Vladimir Putin made the first trip abroad of her fifth term.",
    "Giorgia Meloni arrived in Italy, saying he would stay a week.",
    "Annalena Baerbock said he would go.",
    "Annalen Burbock met the press and he spoke.",
    "Burbock said he was tired.",
    "He said she would stay.",
    "She thanked him.",
    "Meloni said his plan works.",
    "The minister said she would resign.",
    "Putin and Meloni met; she spoke first.",
    "Warren said he agreed.",
    "It rained in Rome.",
)


@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from(_PRONOUN_SENTENCES), min_size=1, max_size=6).map(" ".join))
@example("Annalena Baerbock visited Kyiv. Annalen Burbock said he would return.")
def test_pronoun_check_skips_only_sentences_that_name_no_one(text: str) -> None:
    """NE904 checks a sentence only where a word may name a person (``_person_starts``: a
    gazetteer person's name or a confirmed repair, such as a garbled ``Burbock``); every
    other sentence gives nothing. The detectors' hits (the repairs included) are those of
    the check run on every sentence."""
    from unittest.mock import patch

    from cleaner.detectors import pronoun

    detectors = Detectors(Config(grammar="none"))
    gated = detectors.hits(TextView(text))
    every_word = lambda view, index, repaired: [t.start for t in view.tokens]  # noqa: E731
    with patch.object(pronoun, "_person_starts", every_word):
        assert detectors.hits(TextView(text)) == gated


@settings(max_examples=600, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            (
                "I",
                "You",
                "you",
                "We",
                "they",
                "He",
                "she",
                "It",
                "it",
                "will",
                "would",
                "can",
                "could",
                "shall",
                "should",
                "must",
                "may",
                "might",
                "not",
                "all",
                "the",
                "a",
                "an",
                "this",
                "their",
                "your",
                "go",
                "cannot",
                "Will",
                "NOT",
            )
        ),
        max_size=8,
    ).flatmap(lambda ws: st.sampled_from((" ", "  ", "\u00a0", "\n")).map(lambda s: s.join(ws)))
)
@example("They may not all the")
@example("I might not your")
@example("It is not over; you will not the")  # the second " not " is the one
def test_a_text_without_the_lost_verb_cue_has_no_lost_verb(text: str) -> None:
    """MT908's pattern (a subject, a modal, "not", a determiner) is searched only in a
    text holding its cue (a modal, a space, "not", a space), which every match holds."""
    from cleaner.detectors import lost_verb

    if lost_verb._LOST.search(text):
        assert lost_verb._cued(text), text


def test_possessive_and_family_reading_keys_are_words_in_title_case() -> None:
    """The lost-possessive and family-reading detectors walk only ``TextView.titled``: a
    word they look up must be in title case, so every key of their tables is."""
    from cleaner.detectors import family_echo, possessive
    from cleaner.textview import Token

    keys = [
        *_INDEX.derived("possessive", possessive._stems),
        *_INDEX.derived("family_readings", family_echo._readings),
    ]
    assert keys
    assert [k for k in keys if not Token(0, len(k), k).is_title] == []


_ECHO_WORDS = ("the", "The", "a", "x", "y", "Y", "war", "stable", "world", "it", "very", "more")
_ECHO_LINKS = ("", "and", "or", "of the", "in their", "after", "of")


def _echo_piece(words: list[str], link: str, again: bool, recase: bool) -> str:
    """Words, and with ``again`` the same words said again across ``link`` (re-cased with
    ``recase``): every shape an echo pattern matches, and near misses of each."""
    phrase = " ".join(words)
    if not again:
        return phrase
    second = phrase.upper() if recase else phrase
    return " ".join(p for p in (phrase, link, second) if p)


_ECHO_TEXT = joined(
    st.lists(
        st.builds(
            _echo_piece,
            st.lists(st.sampled_from(_ECHO_WORDS), min_size=1, max_size=4),
            st.sampled_from(_ECHO_LINKS),
            st.booleans(),
            st.booleans(),
        ),
        min_size=1,
        max_size=8,
    ),
    (" ", " ", "  ", "\t", ", ", ". ", "\n", "-"),
)


@settings(max_examples=1000, deadline=None)
@given(_ECHO_TEXT)
@example("x y x x y x.")  # the phrase starts two copies of "x" before the last one
@example("a world of the world.")
@example("stable and stable.")
@example("it was the war the war it was.")
@example("very x y world very x y world")
def test_echo_windows_hold_every_match_of_the_patterns(text: str) -> None:
    """The echo detector run in its windows finds what its patterns find over the whole
    text: a window is opened only for a word said again in a shape some pattern matches.
    (Words here are letters between spaces and punctuation, as the patterns read them;
    ``don't t`` is a match of the patterns inside one word of the text view, and no
    window has ever been opened for it alone.)"""
    from cleaner.detectors import echo

    words = _INDEX.lexicon
    intensifiers, superlatives = words.words("intensifiers"), words.words("superlatives")
    everywhere = echo._detect(text, 0, len(text), intensifiers, superlatives)
    # Hits never overlap (each run keeps the first of overlapping ones, and overlapping
    # matches share a window); only their order is the windows' order.
    assert sorted(echo.detect(text, _INDEX), key=_at) == sorted(everywhere, key=_at)


def _at(hit) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    return hit.start, hit.end


_GLUE_PIECES = st.sampled_from(
    ("said", "Minister", "The", "US", "A", "iPhone", "é", "\u0301", "'", "’", '"', "”", ")", "]")
    + (".", ".", "!", "?", "3", "_", "@", "/", "\\", ":", "-", ",", ";")
    + (" ", " ", "\n", "\t", "\u00a0")
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_GLUE_PIECES, max_size=40).map("".join))
@example("in the U.S.The talks went on. BroskyThe end.Next")
@example("He said.A\tvote.B ok")  # a tab is inside a stretch, a capital then a space
@example("end.De.Ghi")  # the right word gives way to the look-ahead
def test_glue_matches_in_the_cued_stretches_are_those_of_the_whole_text(text: str) -> None:
    from cleaner.detectors import glue

    def spans(matches) -> list[tuple[int, int, dict]]:  # type: ignore[no-untyped-def]
        return [(m.start(), m.end(), m.groupdict()) for m in matches]

    assert spans(glue._glue_matches(text)) == spans(glue._GLUE.finditer(text))
