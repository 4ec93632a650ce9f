"""Issue 17's shortcuts must not change what the pipeline does.

Each shortcut is checked against the slow path it replaces, on text built to reach the cases
it could get wrong:

* the boilerplate stage keeps a paragraph's features and the rules that can fire on it in
  the article's memo, which the convergence check's document shares: a stage run with a
  memo filled by another version of the article decides exactly as one run from nothing;
* the language check counts letters by runs, and remembers its verdict by its sample;
* unit features are read in one pass over the words, and a re-spaced unit's word features
  are the first version's;
* the stray-capitals detector runs its whole-text tests only for tokens that need them;
* ``fold`` skips Unicode decomposition for ASCII words;
* the text view counts words by their positions alone, without making the tokens;
* the text view's URL scan tries only the kinds of address whose mark the text holds.
"""

from __future__ import annotations

import operator

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cleaner import Config
from cleaner.detectors import language
from cleaner.detectors.names import fold
from cleaner.document import Document
from cleaner.pipeline import get_pipeline
from cleaner.stages.boilerplate import Boilerplate
from cleaner.textview import TextView

from .test_boilerplate import _POOL

CONFIG = Config(grammar="none")

# What the stages between two boilerplate runs do to a line: the normaliser's quotes and
# spaces, a rule's word fix, a line gone.
_VARIANTS = (
    lambda s: s,
    lambda s: s.replace("'", "\u2019"),
    lambda s: s.replace(" ", "  ", 1),
    lambda s: s.replace("Kyiv", "Kiev"),
    lambda s: s.upper(),
    lambda s: "",
)


def _run(stage: Boilerplate, text: str, memo: dict | None = None) -> Document:
    doc = Document(text, policy=get_pipeline(CONFIG).policy)
    if memo is not None:
        doc.memo = memo
    stage.run(doc)
    return doc


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(_POOL), max_size=20),
    st.lists(st.integers(0, len(_VARIANTS) - 1), min_size=20, max_size=20),
    st.booleans(),
)
def test_boilerplate_with_another_versions_memo_decides_as_from_nothing(
    lines: list[str], variants: list[int], shuffle: bool
) -> None:
    stage = Boilerplate(CONFIG)
    first = "\n".join(lines)
    changed = [_VARIANTS[v](line) for line, v in zip(lines, variants, strict=False)]
    if shuffle:
        changed.reverse()
    second = "\n".join(changed)
    memo = _run(stage, first).memo
    warm = _run(stage, second, memo)
    cold = _run(stage, second)
    assert warm.text == cold.text
    assert warm.metadata == cold.metadata
    assert warm.result().to_dict() == cold.result().to_dict()


def test_the_memo_is_used_and_shared_with_the_check_round() -> None:
    """The shortcut is real: the check round's boilerplate run finds the paragraphs of the
    first round in the article's memo. (A soft hyphen the normaliser removes makes other
    words, so the round runs the stage again: a collapsed space run alone would not.)"""
    pipeline = get_pipeline(CONFIG)
    stage = next(s for s in pipeline.stages if isinstance(s, Boilerplate))
    seen: list[int] = []
    original = stage.run

    def spy(doc: Document) -> None:
        seen.append(len(doc.memo.get("boilerplate", ({},))[0]))
        original(doc)

    stage.run = spy  # type: ignore[method-assign]
    try:
        pipeline.run("Officials said the talks en\u00added.\n\nSubscribe now\n\nHe said 'no'.\n")
    finally:
        del stage.run
    assert seen[0] == 0
    assert len(seen) == 2 and seen[1] >= 2


_WORDISH = st.sampled_from(["word", "Xi's", "don’t", "été", "the", "of", " ", "\n", ".", "ab"])


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=12))
def test_fold_of_ascii_is_the_decomposing_fold(word: str) -> None:
    import unicodedata

    slow = "".join(
        c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c)
    )
    assert fold(word) == slow


_SCRIPTS = st.sampled_from(["a", "É", "Ж", "中", "Ⅳ", "ﬁ", "\u0301", "1", " ", "'", "Ａ", "ß"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_SCRIPTS, max_size=60).map("".join))
def test_letter_counts_by_runs_are_counts_by_character(text: str) -> None:
    import regex

    assert language._count(language._LETTERS, text) == len(regex.findall(r"\p{L}", text))
    assert language._count(language._LATIN, text) == len(regex.findall(r"\p{Latin}", text))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(_WORDISH, min_size=800, max_size=1000).map("".join),
    st.lists(st.sampled_from(["Привіт", "the", "x" * 150, " ", "le"]), max_size=40).map("".join),
    st.lists(st.sampled_from(["світ", "of", "y" * 150, " ", "de"]), max_size=40).map("".join),
)
def test_texts_with_one_verdict_key_get_one_verdict(head: str, tail_a: str, tail_b: str) -> None:
    """The language stage memoises verdicts by ``verdict_key``: nothing after it counts."""
    a, b = head + tail_a, head + tail_b
    if language.verdict_key(a) == language.verdict_key(b):
        assert language.detect_language(a) == language.detect_language(b)


_UNIT_PARTS = st.sampled_from(
    [
        "Xi's",
        "Putin",
        "the",
        "of",
        "van",
        "May",
        "Related",
        "www.x.com",
        "a@b.io",
        "http://e.f",
        "İstanbul",
        "ÉTÉ",
        "3-1",
        "v",
        "Venue:",
        "19:45",
        ".",
        ",",
        "'",
        '"',
        "-",
        "é",
        "Ǆ",
        " ",
        "  ",
    ]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_UNIT_PARTS, max_size=40).map("".join))
def test_block_features_in_one_pass_are_the_features(text: str) -> None:
    """``_features`` reads each word once; the answer is the one of reading them per feature."""
    import regex

    from cleaner.boilerplate import blocks
    from cleaner.boilerplate.blocks import _features, stopwords

    words_set = stopwords()
    block = _features(0, 0, len(text), text, words_set)
    words = blocks._WORD.findall(text)
    names, inner = set(), set()
    for m in blocks._WORD.finditer(text):
        w = m.group()
        if not w[0].isupper() or len(w) < 3 or w.lower() in words_set or blocks._CALENDAR.match(w):
            continue
        names.add(blocks._POSSESSIVE.sub("", w.lower()))
        if not blocks._opens_sentence(text, m.start()):
            inner.add(blocks._POSSESSIVE.sub("", w.lower()))
    assert block.words == len(words)
    assert block.tokens == tuple(t.lower() for t in regex.findall(r"\w+", text))
    stops = sum(1 for w in words if w.lower() in words_set)
    assert block.stop_density == (stops / len(words) if words else 0.0)
    assert block.lower_words == sum(
        1 for w in words if w[0].islower() and w not in blocks.NAME_JOINERS
    )
    assert (block.names, block.inner_names) == (names, inner)
    url = sum(len(m.group()) for m in blocks._URL.finditer(text))
    assert block.url_chars == (url / len(text) if text else 0.0)


_SPACING = st.sampled_from([" ", "  ", "   ", "\u2003", " \u00a0", "\t"])


@settings(max_examples=600, deadline=None)
@given(st.lists(_UNIT_PARTS, max_size=40).map("".join), st.data())
def test_word_features_by_word_key_are_the_features_of_the_respaced_text(
    text: str, data: st.DataObject
) -> None:
    """Session 5: the convergence check meets paragraphs the normaliser only re-spaced, and
    takes their word features from the first round's paragraph with the same ``word_key``.
    Those must be the features of the re-spaced text read from nothing."""
    import regex

    from cleaner.boilerplate.blocks import _features, stopwords, word_features, word_key

    words_set = stopwords()
    # The same words with every run of spaces replaced by another run (or none at an end).
    runs = regex.split(r"(\s+)", text)
    respaced = "".join(
        data.draw(_SPACING) if part.isspace() else part for part in runs if part
    ).strip(data.draw(st.sampled_from(["", " "])))
    assert word_key(respaced) == word_key(text)
    known = word_features(text, words_set)
    assert word_features(respaced, words_set) == known
    fresh = _features(0, 0, len(respaced), respaced, words_set)
    assert _features(0, 0, len(respaced), respaced, words_set, known) == fresh


def test_stray_caps_checks_in_any_order_find_what_the_full_pass_found() -> None:
    """The stray-capitals detector tests the cheap things first and the whole-text ones only
    for a token that survives them; headings are decided per line. Against the verdicts of
    the full pass, on a text that reaches every test: a heading in Title Case,
    a short unpunctuated line, a word used capitalised twice, a name run, "In May"."""
    from cleaner.detectors import stray_caps
    from cleaner.stages.detect import Detectors

    index = Detectors(CONFIG).index
    text = (
        "Officials said they will Attend the celebrations in Moscow.\n"
        "Russia Will Provide Security Guarantees For Foreign Leaders\n"
        "Register Now\n"
        "He said the Government would Provide help, and the Government agreed.\n"
        "Will Smith said in May that Xi Will visit. It Is Do you want more?\n"
        "The talks Continue on Monday, officials Think.\n"
    )
    # What the detector found when it ran every test on every token (main before issue 17).
    # ("Think", not "Said": the gazetteer knows Oman's Haitham bin Tarik Al Said, and a
    # known name's word is no stray capital.)
    assert [(h.start, h.end) for h in stray_caps.detect(text, index)] == [(25, 31), (310, 315)]
    view = TextView(text)
    headings = stray_caps._Headings(view)
    assert [headings.holds(n) for n in range(len(view.lines))] == [
        False,
        True,
        True,
        False,
        False,
        False,
        False,
    ]


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDISH, max_size=80).map("".join))
def test_language_words_by_findall_are_the_tokens(text: str) -> None:
    from cleaner.textview import WORD, tokenize

    assert [w.lower() for w in WORD.findall(text)] == [t.lower for t in tokenize(text)]


def _menu_by_every_word(line) -> bool:  # type: ignore[no-untyped-def]
    """``Line.menu`` as it was before session 5: every word tries every n-gram."""
    from cleaner.metadata import lines

    if len(lines._GLUE.findall(line.text)) >= 2 or len(lines._LIST_SEP.findall(line.text)) >= 2:
        return True
    tokens = line.key.split()
    covered = i = 0
    nav = line.lex.navigation
    while i < len(tokens):
        for k in (4, 3, 2, 1):
            if i + k <= len(tokens) and " ".join(tokens[i : i + k]) in nav:
                covered += k
                i += k
                break
        else:
            i += 1
    return covered >= 2 and covered * 2 >= len(tokens)


def _lexicon():  # type: ignore[no-untyped-def]
    from cleaner.metadata.lexicon import load_lexicon
    from cleaner.rules.rulebook import rule_folders

    return load_lexicon(rule_folders(CONFIG))


@settings(max_examples=500, deadline=None)
@given(st.data())
def test_menu_by_entry_first_words_is_menu_by_every_word(data: st.DataObject) -> None:
    """Session 5: ``Line.menu`` tries the navigation n-grams only at words that start an
    entry, and stops once half the line can no longer be covered; the answer must be the
    scan of every word's (lines built from navigation entries, their words and prose)."""
    from cleaner.metadata.lines import Line

    lex = _lexicon()
    entries = sorted(lex.navigation)
    pieces = st.one_of(
        st.sampled_from(entries),
        st.sampled_from(entries).map(lambda e: e.split()[-1]),
        st.sampled_from(["the", "talks", "said", "Home", "news", "New", "York", ",", "•"]),
    )
    text = " ".join(data.draw(st.lists(pieces, max_size=14)))
    line = Line(0, 0, len(text), text, lex)
    assert line.menu == _menu_by_every_word(line)


@settings(deadline=None)  # (the first example loads the lexicon: seconds on a busy machine)
@given(st.lists(st.sampled_from(["The", "talks", "of", "Kyiv's", "é", "ab", " ", "Ünal"])))
def test_line_content_is_content_words(parts: list[str]) -> None:
    from cleaner.metadata.lines import Line, content_words

    text = " ".join(parts)
    assert Line(0, 0, len(text), text, _lexicon()).content == content_words(text)


def test_character_step_sets_are_their_patterns_over_all_of_unicode() -> None:
    """Session 5: a normaliser step, and the foreign-script detector, skip a text whose
    ``TextView.chars`` holds none of the characters they act on. Each set must be exactly
    the characters its pattern can match, checked for every code point (one string of all
    of them, so the scan is the patterns' own)."""
    from cleaner.detectors import foreign_script
    from cleaner.stages import normalise as nm

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)

    def matched(pattern) -> set[str]:  # type: ignore[no-untyped-def]
        return {m.group()[0] for m in pattern.finditer(every)}

    assert matched(nm._LINE_BREAKS) | {"\r"} == set(nm._BREAK_CHARS)
    assert matched(nm._INVISIBLE) == set(nm._INVISIBLE_CHARS)
    assert matched(nm._ODD_SPACES) == set(nm._ODD_SPACE_CHARS)
    assert matched(nm._SINGLE_CURLY) | matched(nm._DOUBLE_CURLY) == set(nm._CURLY_CHARS)
    # Every foreign-script fragment starts with a letter ``_LETTER`` finds.
    assert matched(foreign_script._RUN) <= matched(foreign_script._LETTER)


@given(
    st.lists(
        st.sampled_from(
            ["Kyiv", "\u041a\u0438\u0457\u0432", "\u03bcm", "\u4e2d", " ", "\u2019", "é", "a"]
        ),
        max_size=12,
    ).map("".join)
)
def test_foreign_script_gate_keeps_every_hit(text: str) -> None:
    """The gate on ``TextView.chars`` drops no hit of the full scan."""
    from cleaner.detectors import foreign_script

    full = [
        (m.start(), m.group())
        for m in foreign_script._RUN.finditer(text)
        if not (len(m.group()) == 1 and foreign_script._LONE_GREEK.match(text, m.start()))
    ]
    hits = foreign_script.detect(TextView(text))
    assert len(hits) == len(full)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_UNIT_PARTS, max_size=40).map("".join),
    st.lists(st.tuples(st.integers(0, 200), st.integers(0, 200)), max_size=5),
    st.booleans(),
)
def test_word_counts_by_position_are_the_tokens_counted(
    text: str, spans: list[tuple[int, int]], tokens_first: bool
) -> None:
    """Session 6: the damage score counts words without making the tokens (after the last
    edit no one else needs them); the count is the tokens', whichever is asked first."""
    view, fresh = TextView(text), TextView(text)
    if tokens_first:
        assert view.tokens is not None
    assert view.count_words() == len(fresh.tokens)
    for a, b in spans:
        start, end = min(a, b), max(a, b)
        assert view.count_words(start, end) == len(fresh.tokens_in(start, end))
        got = [t.start for t in view.tokens_in(start, end)]
        assert got == [t.start for t in fresh.tokens_in(start, end)]


def test_matching_text_searches_for_exactly_the_characters_it_changes() -> None:
    """Session 6: a unit holding none of the characters the table changes is its own
    matching text; the search finds each of them and nothing else."""
    from cleaner.boilerplate import blocks

    changed = {c for c in map(chr, range(0x110000)) if c.translate(blocks._ONE_TO_ONE) != c}
    found = {c for c in map(chr, range(0x110000)) if blocks._ONE_TO_ONE_SOURCE.search(c)}
    assert found == changed and len(changed) == len(blocks._ONE_TO_ONE)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab ’“\n\t\u00a0\\]^-")))
def test_matching_text_is_the_translation(text: str) -> None:
    from cleaner.boilerplate import blocks

    assert blocks.matching_text(text) == text.translate(blocks._ONE_TO_ONE)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("a \n\t\r\u00a0")))
def test_space_runs_gate_is_the_pattern(text: str) -> None:
    """Session 6: the normaliser's space step scans only a text its substring tests admit;
    they admit exactly the texts the pattern matches in."""
    from cleaner.stages import normalise

    assert normalise._may_have_spaces(text) == bool(normalise._SPACES.search(text))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_word_patterns_are_the_unicode_ones_on_ascii(text: str) -> None:
    """Session 6: unit features read an ASCII paragraph with the standard library's engine
    and ASCII classes; on ASCII text they find what the Unicode patterns find."""
    from cleaner.boilerplate import blocks

    assert [(m.span(), m.group()) for m in blocks._WORD_ASCII.finditer(text)] == [
        (m.span(), m.group()) for m in blocks._WORD.finditer(text)
    ]
    assert blocks._TOKEN_ASCII.findall(text) == blocks._TOKEN.findall(text)


def test_ascii_word_classes_over_every_ascii_character() -> None:
    from cleaner.boilerplate import blocks

    for c in map(chr, range(128)):
        assert bool(blocks._WORD_ASCII.fullmatch(c)) == bool(blocks._WORD.fullmatch(c)), c
        assert bool(blocks._WORD_ASCII.fullmatch("a" + c)) == bool(blocks._WORD.fullmatch("a" + c))
        assert bool(blocks._TOKEN_ASCII.fullmatch(c)) == bool(blocks._TOKEN.fullmatch(c)), c


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_language_check_ascii_shortcuts(text: str) -> None:
    """Session 6: on an ASCII sample the language check takes the Latin letters to be the
    letters and lower-cases the sample before finding its words; both are what the general
    path computes."""
    from cleaner.textview import WORD

    assert language._count(language._LATIN, text) == language._count(language._LETTERS, text)
    assert WORD.findall(text.lower()) == [w.lower() for w in WORD.findall(text)]


_URL_PIECES = st.sampled_from(
    ("http", "https", "HTTP", "www", "WWW", ":", "/", ".", "com", "uk", "Com", "@", "-", "_")
    + ("news", "x", "it", "3", "a.b", "?q=1", "\u00e9", " ", " ", "\n", "\t")
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_URL_PIECES, max_size=30).map("".join))
@example("mail ed@example.org or see https: / / www.bbc.co.uk / news, Portfolio.hu")
@example("at x@y.z")  # an address with no domain of the list
@example("see WWW.Example.COM and foo.com.")
def test_literal_urls_by_the_kinds_marked_are_those_of_the_whole_pattern(text: str) -> None:
    from cleaner import textview

    spans = [(m.start(), m.end()) for m in textview._URL.finditer(text)]
    if not textview._URL_HINT.search(text):
        assert spans == []  # the hint the view asks first
    if not textview._CODE_HINT.search(text):  # no line of code: the spans are the URLs'
        assert TextView(text).literal_spans.spans == spans
    scan = textview._url_scan(text)
    assert (scan is None and spans == []) or [
        (m.start(), m.end()) for m in scan.finditer(text)
    ] == spans


# Lines and separators the layout step sees: prose, list items (``-``, ``•``, ``1.``), blank
# and space-only lines, runs of line breaks, a line ending in a hyphen, no final newline.
_LAYOUT_PARTS = st.sampled_from(
    ["Prose line.", "- item", "\u2022 item", "1. item", "word-", "\n", "\n\n", "\n\n\n", " ", "\t"]
)


def _every_layout_proposal(view: TextView) -> list[tuple[int, int, str, str | None]]:
    """The layout step as it was before session 10 (its code, reasons left out): a
    separator for every gap between units and a final newline, whether or not the text
    already has them."""
    text, parts = view.text, view.paragraphs
    if not parts:
        return [(0, len(text), "NM110", "")] if text else []
    found = [(0, parts[0].start, "NM110", "")] if parts[0].start > 0 else []
    for unit in parts:
        for a, b in zip(unit.lines, unit.lines[1:], strict=False):
            hyphen = a.text.endswith("-") and len(a.text) > 1 and a.text[-2].isalpha()
            found.append((a.end, b.start, "NM108", "" if hyphen else " "))
    for a, b in zip(parts, parts[1:], strict=False):
        found.append((a.end, b.start, "NM109", "\n" if a.bullet and b.bullet else "\n\n"))
    found.append((parts[-1].end, len(text), "NM111", "\n"))
    return sorted(found)


@settings(max_examples=800, deadline=None)
@given(st.lists(_LAYOUT_PARTS, max_size=30).map("".join))
@example("First.\n\nSecond.\n")  # every gap and the ending already canonical
@example("- one\n- two\n\nProse.")  # list items on consecutive lines, then a paragraph
def test_layout_proposes_only_changes(text: str) -> None:
    """Session 10: the layout step proposes a separator or final newline only where the
    text differs from it (a proposal that changes nothing was accepted by ``decide`` and
    dropped by ``apply``, at the cost of the step's real work); what it proposes is what it
    proposed before, less exactly those."""
    from cleaner.stages import normalise

    view = TextView(text)
    found = sorted((p.start, p.end, p.rule, p.new) for p in normalise._layout(view))
    assert all(text[start:end] != new for start, end, _, new in found)
    before = _every_layout_proposal(view)
    assert found == [p for p in before if text[p[0] : p[1]] != p[3]]


@settings(max_examples=300, deadline=None)
@given(st.lists(_LAYOUT_PARTS, max_size=30).map("".join))
@example("First.\n\nSecond.\n")
def test_normaliser_edits_as_with_every_layout_proposal(text: str) -> None:
    """The normaliser with the layout step's no-op proposals left out (and ``decide`` not
    asked about a step that proposes nothing) makes the edits it made with them: the same
    text, the same edits in the same order."""
    from cleaner.document import Proposal
    from cleaner.model import Stage
    from cleaner.stages import normalise

    stage = normalise.Normalise(CONFIG)
    policy = get_pipeline(CONFIG).policy
    ours = Document(text, policy=policy)
    stage.run(ours)
    reference = Document(text, policy=policy)
    for step in [*stage.steps, *stage.typography]:
        if step is normalise._layout:
            proposals = [
                Proposal(s, e, rule, new)
                for s, e, rule, new in _every_layout_proposal(reference.view)
            ]
        else:
            proposals = list(step(reference.view))
        reference.decide(Stage.NORMALISE, proposals)
    assert ours.text == reference.text
    assert [(e.rule, e.start, e.end, e.new, e.pos, e.seq) for e in ours.result().edits] == [
        (e.rule, e.start, e.end, e.new, e.pos, e.seq) for e in reference.result().edits
    ]


# The forward patterns the unit features used before session 10.
_FORWARD_SENTENCE_END = r"[.!?\u2026:;,][\"')\]\u201d\u2019»]*$"
_FORWARD_TRAILING_CLOSERS = r"[\"')\]\u201d\u2019»\s]+$"
# Ends a unit can have: words, every punctuation mark either pattern names, closers, spaces
# of several kinds (``\s`` is Unicode's: no-break, line separator, NEL, information
# separators), line breaks before and after them.
_UNIT_ENDS = st.sampled_from(
    ["Word", ".", "!", "?", "\u2026", ":", ";", ",", '"', "'", ")", "]", "\u201d", "\u2019"]
    + ["»", "(", " ", "\n", "\t", "\u00a0", "\u2028", "\x85", "\x1c", "\u3000", "-", "x"]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_UNIT_ENDS, max_size=12).map("".join))
@example("He said so.\u201d )")
@example("Really?\n")  # ``$`` matches before a final line break too
@example("")
def test_sentence_end_searched_from_the_end_is_the_forward_search(text: str) -> None:
    """Session 10: a unit's ``sentence_end`` feature reads its end with two searches from
    the end; it is what the forward search and the strip of trailing closers gave."""
    import regex

    from cleaner.boilerplate import blocks

    stripped = regex.sub(_FORWARD_TRAILING_CLOSERS, "", text)
    expected = bool(regex.search(_FORWARD_SENTENCE_END, text)) or stripped.endswith(("?", "!", "."))
    block = blocks._features(0, 0, len(text), text, frozenset())
    assert block.sentence_end == expected
    assert bool(blocks._SENTENCE_END.search(text)) == bool(
        regex.search(_FORWARD_SENTENCE_END, text)
    )


def test_non_word_spaces_are_every_non_word_character_as_a_space() -> None:
    """Session 10: the matcher's word-boundary copy of a text replaces the non-word
    characters other than the space (a space stays what it is); over every character of
    Unicode, that is every ``\\W`` character as a space, as before."""
    import re

    from cleaner.rules import matcher

    every = "".join(map(chr, range(0x110000)))  # lone surrogates too: a str holds them
    assert matcher._spaces_for_non_word(every) == re.sub(r"\W", " ", every)


def test_the_join_words_of_names_all_open_in_lower_case() -> None:
    """Session 12: ``word_features`` counts a unit's clause words as its words opening in
    lower case less its join words (``NAME_JOINERS``), which holds only while every join
    word that can be a word opens in lower case."""
    from cleaner.boilerplate import blocks

    for joiner in blocks.NAME_JOINERS:
        assert joiner[0].islower() or blocks._WORD.fullmatch(joiner) is None, joiner


def _names_read(monkeypatch, text: str) -> int:  # type: ignore[no-untyped-def]
    """How many units' names a boilerplate run on ``text`` reads."""
    from cleaner.boilerplate import blocks

    reads = []
    read = blocks._names

    def counted(unit: str, words_set: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
        reads.append(unit)
        return read(unit, words_set)

    monkeypatch.setattr(blocks, "_names", counted)
    _run(Boilerplate(CONFIG), text, {})
    return len(reads)


def test_names_are_read_only_where_a_decision_asks(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Session 12: a unit's names (``blocks.Names``) are read by the story's-own-list
    decisions alone; an article of prose, which none of them looks at, pays for none (read
    at once, every paragraph did). Short lines ending the text after prose are such a
    decision: then the prose's names are read to compare."""
    prose = (
        "Officials in Kyiv said on Monday that the talks with Warsaw would go on.\n\n"
        "The minister, Anna Kowalski, told reporters the deal was close to done.\n\n"
        "Further meetings are planned for May in Brussels, the ministry said.\n"
    )
    assert _names_read(monkeypatch, prose) == 0
    tail = "Kowalski meets Brussels envoys\nWarsaw plans new rail link\nKyiv hosts summit\n"
    assert _names_read(monkeypatch, f"{prose}\n{tail}") > 0


@settings(max_examples=400, deadline=None)
@given(st.lists(_UNIT_PARTS, max_size=40).map("".join))
@example("Talks ended. Putin said so.")
def test_names_left_out_of_the_facts_change_no_reading(text: str) -> None:
    """Session 12: ``blocks.facts`` leaves the names out (comparing them would read them
    where no decision asks), because ``_reads_alike`` compares the words (``word_key``)
    first and units with the same words have the same names. Each unit read from nothing
    (no features shared), re-spaced every way: equal facts with the names left out are
    equal facts with them."""
    import regex

    from cleaner.boilerplate import blocks

    every = [f.name for f in blocks.fields(blocks.Block) if f.name not in blocks._PLACE_AND_TEXT]
    assert "spelled" in every  # (the names' field: what the facts leave out)
    with_names = operator.attrgetter(*every)
    words_set = blocks.stopwords()
    old = blocks.unit_block(blocks.matching_text(text.strip()), words_set)
    runs = regex.split(r"(\s+)", text)
    for spacing in [" ", "  ", "   ", "\u2003", " \u00a0", "\t"]:
        respaced = "".join(spacing if part.isspace() else part for part in runs if part)
        new = blocks.unit_block(blocks.matching_text(respaced.strip()), words_set)
        assert blocks.word_key(old.text) == blocks.word_key(new.text)
        if blocks.facts(old) == blocks.facts(new):
            assert with_names(old) == with_names(new), spacing


# The forward forms of the metadata line view's end patterns (before session 12).
_FORWARD_STOP = r"[.:;,][\"')\]\u201d\u2019»]*$"
_FORWARD_ASKS = r"[?!][\"')\]\u201d\u2019»]*$"


@settings(max_examples=1500, deadline=None)
@given(st.lists(_UNIT_ENDS, max_size=12).map("".join))
@example("He said so.\u201d )")
@example("Really?\n")
@example("")
def test_line_ends_searched_from_the_end_are_the_forward_search(text: str) -> None:
    """Session 12: the metadata line view asks every line whether it ends like a sentence
    (``_STOP``, ``_ASKS``), searching from the end; a match there exactly when forward."""
    import regex

    from cleaner.metadata import lines

    assert bool(lines._STOP.search(text)) == bool(regex.search(_FORWARD_STOP, text))
    assert bool(lines._ASKS.search(text)) == bool(regex.search(_FORWARD_ASKS, text))


@settings(max_examples=1500, deadline=None)
@given(st.lists(_URL_PIECES, max_size=30).map("".join))
@example("see www.bbc.co.uk or http://x")
@example("example.com.")
def test_line_url_marks_are_in_every_url_match(text: str) -> None:
    """Session 12: a line is searched for an address only when it holds one of the marks
    every match of ``_URL`` holds."""
    from cleaner.metadata import lines

    marked = any(mark in text for mark in lines._URL_MARKS)
    assert (marked and bool(lines._URL.search(text))) == bool(lines._URL.search(text))


_LINE_PARTS = st.sampled_from(
    ["Kyiv's", "AT&T", "U.S.", "co-op", "3pm", "O’Brien", "\u212a", "ß", "İ", "é", "Ǆ"]
    + ["the", "of", " ", "  ", ",", ".", "'", "’", "-", "&", "x", "Table", "2025", "_", "\t"]
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_LINE_PARTS, max_size=30).map("".join))
def test_line_words_and_fold_on_ascii_are_the_unicode_ones(text: str) -> None:
    """Session 12: every line of a page counts its words, folds its text and (when asked)
    reads its content words with ASCII patterns in the standard library's engine where the
    text is ASCII; the answers are those of the Unicode patterns (the fold's from the
    lower case: the Kelvin sign lower-cases to ``k``)."""
    import regex

    from cleaner.metadata import lexicon, lines

    line = lines.Line(0, 0, len(text), text, None)  # type: ignore[arg-type]
    assert line.words == len(lines._WORD.findall(text))
    lowered = text.lower().replace("\u2019", "'")
    assert lexicon.fold(text) == " ".join(regex.findall(r"[\p{L}\p{N}']+", lowered))
    assert lines.content_words(text) == set(
        map(str.lower, regex.findall(r"\p{L}{3,}", text))
    ).difference(lines.stopwords())


def test_line_ascii_word_classes_over_every_ascii_character() -> None:
    from cleaner.metadata import lexicon, lines

    pairs = [
        (lines._WORD_ASCII, lines._WORD),
        (lines._CONTENT_WORD_ASCII, lines._CONTENT_WORD),
        (lexicon._FOLD_WORD_ASCII, lexicon._FOLD_WORD),
    ]
    for ascii_pattern, pattern in pairs:
        for c in map(chr, range(128)):
            for s in (c, "a" + c, "aa" + c, c * 3):
                assert bool(ascii_pattern.fullmatch(s)) == bool(pattern.fullmatch(s)), (s, pattern)
