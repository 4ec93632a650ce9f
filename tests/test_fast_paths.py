"""The shortcuts that make the pipeline fast must not change what it does.

Two shortcuts (issue 9): the convergence check skips a stage that declares itself idempotent
when no other stage changed the text after it, and the encoding pre-check runs ftfy's
mojibake detector only on the characters around non-ASCII runs. Each is tested against the
slow path it replaces, on text built to hit the cases it could get wrong.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import regex
from ftfy import badness
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cleaner import Config, clean_text
from cleaner.boilerplate.blocks import matching_text, word_key
from cleaner.document import Document, Review
from cleaner.pipeline import STAGES, Pipeline
from cleaner.rules.cues import Triggers
from cleaner.stages.base import PipelineStage
from cleaner.stages.boilerplate import Boilerplate
from cleaner.stages.encoding import EncodingRepair, needs_repair
from cleaner.stages.normalise import Normalise
from cleaner.textview import TextView

from .test_core_properties import texts

# Characters of ftfy's mojibake categories next to ASCII letters, spaces and punctuation.
_MOJIBAKE = st.sampled_from(
    list("ÃÂÎÐØÙàâ€œŠš¢£Ÿž®©°·»«–—´‚Äìî√±∂≈вЂГўВΒΓΞΟāé’“”…¦¤¨¬¯¸ƒˆˇ˘˛˜†‡‰◊\ufffd")
    + ["\xa0", "\xad", "\x85", "\x9d", "Ã©", "â€™", "Ã\xa0", "ГўВЂВ"]
)
_ASCII = st.sampled_from(list("aZ .,?!'\"(-1") + ["word", "  "])
lines = st.lists(st.one_of(_MOJIBAKE, _ASCII, st.text(max_size=3)), max_size=30).map(
    lambda parts: "".join(parts).replace("\n", " ")
)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines)
@example("xx ГўВЂВxa yy")  # the longest pattern: five Cyrillic letters, any, a letter
@example("word a Ã tail")  # a letter, a space, Ã, a space
def test_precheck_flags_every_line_ftfys_detector_flags(line: str) -> None:
    if badness.is_bad(line):
        assert needs_repair(line)
        assert needs_repair(line, suspects=False)


def test_precheck_sees_mojibake_far_from_the_line_start() -> None:
    line = "x" * 500 + " Donâ€™t " + "y" * 500
    assert needs_repair(line, suspects=False)
    assert not needs_repair(line.replace("â€™", "’"), suspects=False)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from(["straight", "curly", "keep"]), st.sampled_from(["keep", "en"]))
def test_stages_declared_idempotent_are(text: str, quotes: str, dashes: str) -> None:
    """What ``idempotent = True`` promises, checked on the stage alone."""
    config = Config(quotes=quotes, dashes=dashes)  # type: ignore[arg-type]
    for stage_type in STAGES:
        if not stage_type.idempotent:
            continue
        stage = stage_type(config)
        once = Document(text)
        stage.run(once)
        twice = Document(once.text)
        stage.run(twice)
        assert twice.text == once.text, stage_type.__name__
        assert twice.batches == 0, stage_type.__name__


def test_a_later_stage_exposing_mojibake_is_still_repaired() -> None:
    """The normaliser removes a zero-width space inside ``Ã©``; the check round must still
    hand the result back to the encoding stage (the skipped stage is only the normaliser)."""
    result = clean_text("The caf\u00c3\u200b\u00a9 opened.\n")
    assert result.text == "The café opened.\n"
    assert [(e.rule, e.seq) for e in result.edits] == [("NM103", 0), ("EN101", 1)]


_SUSPECT_SOURCE = st.sampled_from(
    ["&amp;", "&#233;", "&#x41;", "&nbsp", "& x;", "\x00", "\x0b", "\x7f", "\x9d", "\ufb01"]
    + ["\uff21", "\ufffd", "\ud800", "\udfff", "\u00e9", "a", " ", ";", "#", "\u0133"]
    + ["\u01c6", "\u3000", "\uff61", "\uffe8", "\u206a", "\ufff9", "\ufeff", "\uff0c"]
)


@settings(max_examples=800, deadline=None)
@given(st.lists(st.one_of(_SUSPECT_SOURCE, st.text(max_size=3)), max_size=20).map("".join))
def test_suspect_scan_is_ftfys_tables(text: str) -> None:
    """The character test is exactly ftfy's tables (ligatures, width map, control
    characters) plus C1 controls, U+FFFD and surrogates, minus the byte-order mark (the
    normaliser's); ASCII text uses the ASCII part alone."""
    from ftfy.chardata import CONTROL_CHARS, LIGATURES, WIDTH_MAP

    from cleaner.stages.encoding import ASCII_SUSPECT, suspect

    table = {*LIGATURES, *WIDTH_MAP, *CONTROL_CHARS, *range(0x80, 0xA0), 0xFFFD}
    table = (table | set(range(0xD800, 0xE000))) - {0xFEFF}
    entity = regex.search(
        r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});", text
    )
    expected = entity is not None or any(ord(c) in table for c in text)
    assert (suspect().search(text) is not None) == expected
    if text.isascii():
        assert (ASCII_SUSPECT.search(text) is not None) == expected


# The normaliser's blank-line layout: blank-line runs between paragraphs (NM109), leading
# blank lines (NM110), the final newline (NM111). A pass that makes only these edits joined
# no wrap and touched no line's characters: the commonest edit the convergence check sees.
BLANK_LINE_LAYOUT = frozenset({"NM109", "NM110", "NM111"})
# The stages that read less than the whole text (``PipelineStage.same_input`` overridden).
READERS = (EncodingRepair, Boilerplate)

# Lines already in canonical form inside (no space runs, edge spaces, curly quotes), so that
# a normaliser pass over them can make only blank-line layout edits: prose, boilerplate the
# stage removes, bullets, mojibake and entities the encoding stage repairs, and lines a
# control character makes blank to ``str.strip``.
_LAYOUT_LINES = st.sampled_from(
    [
        "The council approved the budget on Monday after a long debate.",
        "Officials said the plan would be reviewed again next spring.",
        "Related Links",
        "Subscribe to our newsletter",
        "Source: Reuters",
        "Home",
        "News",
        "Read more",
        "- first item",
        "- second item",
        "1. numbered item",
        "The caf\u00c3\u00a9 opened &amp; closed.",
        "Don\u00e2\u20ac\u2122t go.",
        "\x1f",
        "\u3000",
        "Short.",
        "\u201cWe will stay,\u201d the mayor said, \u2018for now\u2019.",
        "\u201cRelated Links\u201d",
        'Source: "Reuters"',
        '"Related Links"',
    ]
)
_BREAKS = st.sampled_from(["\n", "\n\n", "\n\n\n", "\n \n", "\n\t\n\n"])
_EDGES = st.sampled_from(["", "\n", "\n\n", " \n"])


def _laid_out(draw: st.DrawFn, lines: list[str]) -> str:
    text = draw(_EDGES)
    for line in lines:
        text += line + draw(_BREAKS)
    return text + draw(_EDGES)


@st.composite
def _blank_line_texts(draw: st.DrawFn) -> str:
    return _laid_out(draw, draw(st.lists(_LAYOUT_LINES, min_size=1, max_size=12)))


_QUOTE_SWAPS = (
    str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""),  # straightened, as NM120
    str.maketrans("'\"", "\u2019\u201d"),  # curled: the other way round
)


# Lines whose reading a space can change: an AFP subheading (BP227) whose middle is one
# character over the pattern's 150 with its space run and within it collapsed; a ``[sic]``
# whose word is the one before a single space; an address, whose share of the line is a
# feature; a byline; list items and records, whose shapes read the space after a mark.
_LONG_SUBHEADING = "- " + "Extraordinary " * 10 + "x" * 7 + "  end -"
# A byline (BP245, kept for the head of the text) whose tail is one character over the
# pattern's 80 with its space run, and within it collapsed.
_LONG_BYLINE = "By Anna Kowalski, " + "Correspondent " * 5 + "abcde  end"
_SPACING_LINES = st.sampled_from(
    [
        _LONG_SUBHEADING,
        _LONG_BYLINE,
        "- Officials  met again -",
        "The minister said it  [sic] was over.",
        "The minister said it [sic] was over.",
        "See www.example.org/a/long/path/to/the/page  for  more.",
        "By  Anna Kowalski",
        "-  first item",
        "3.  Dover Athletic v Deal Town",
        "Venue:  Wembley",
        "Officials  said the plan would be reviewed again next spring.",
        "Read  more",
    ]
)
# Ways the spacing inside a line changes: one space doubled, made a no-break space or a tab,
# space runs collapsed (the normaliser's NM107), the line indented.
_RESPACINGS = (
    lambda line: line.replace(" ", "  ", 1),
    lambda line: line.replace(" ", "\u00a0", 1),
    lambda line: line.replace(" ", "\t", 1),
    lambda line: regex.sub(" {2,}", " ", line),
    lambda line: "  " + line,
)


@st.composite
def _relaid_pairs(draw: st.DrawFn) -> tuple[str, str]:
    """Two texts of mostly the same lines, laid out apart: each line may have its quotes
    straightened or curled, its spacing changed, or be another line altogether."""
    pool = st.one_of(_LAYOUT_LINES, _SPACING_LINES)
    lines = draw(st.lists(pool, min_size=1, max_size=10))
    changed = []
    for line in lines:
        how = draw(st.sampled_from(["same"] * 5 + ["straight", "curled", "other", "spaced"]))
        if how == "other":
            line = draw(pool)
        elif how == "spaced":
            line = draw(st.sampled_from(_RESPACINGS))(line)
        elif how != "same":
            line = line.translate(_QUOTE_SWAPS[how == "curled"])
        changed.append(line)
    return _laid_out(draw, lines), _laid_out(draw, changed)


def _edits(
    stage: PipelineStage, text: str, memo: dict | None = None
) -> Counter[tuple[str, str, str]]:
    doc = Document(text)
    doc.notes["english"] = True
    if memo is not None:
        doc.memo = memo  # as the convergence check's document shares the article's
    stage.run(doc)
    # Compared with quotes straightened and spaces collapsed: the same removal of a
    # paragraph the normaliser straightened or re-spaced has that text as its ``old``.
    return Counter(
        (e.rule, word_key(matching_text(e.old)), word_key(matching_text(e.new)))
        for e in doc.result().edits
    )


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_relaid_pairs(), st.booleans(), st.sampled_from(["straight", "curly"]))
@example(("Home\n\nNews\n", "Home\n\nNews\n\nRelated Links\n"), False, "straight")
@example(("caf\u00c3\u00a9\n", "caf\u00c3\u00a9\n\ncaf\u00c3\u00a9\n"), False, "straight")
@example(
    (f"Prose.\n\n{_LONG_SUBHEADING}\n", f"Prose.\n\n{_LONG_SUBHEADING.replace('  ', ' ')}\n"),
    False,
    "straight",
)
def test_a_stage_reading_the_same_input_makes_no_change_it_did_not(
    pair: tuple[str, str], unsafe: bool, quotes: str
) -> None:
    """What ``same_input`` promises, which lets the convergence check skip a stage: on a
    text it reads as it read another, it makes no change it did not make there (so one that
    left the first text alone leaves the second alone). Fewer is allowed: a blank line
    holding a control character the encoding stage removes may be gone. The second run
    shares the first's memo, as in the pipeline."""
    before, after = pair
    config = Config(unsafe_fixes=unsafe, quotes=quotes)  # type: ignore[arg-type]
    for stage_type in READERS:
        stage = stage_type(config)
        # Asked as the convergence check asks (``reads_same``, with the memo the first run
        # filled, which the answer may fill for the second run).
        memo: dict = {}
        first = _edits(stage, before, memo)
        if stage.reads_same(TextView(before), TextView(after), memo):
            assert stage.same_input(TextView(before), TextView(after)), stage_type.__name__
            assert _edits(stage, after, memo) <= first, stage_type.__name__


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_blank_line_texts(), st.booleans(), st.sampled_from(["straight", "curly"]))
def test_the_blank_line_layout_leaves_what_the_readers_read(
    text: str, unsafe: bool, quotes: str
) -> None:
    """The saving: after a normaliser pass that changed only the blank-line layout, both
    readers say they read the same input; boilerplate stripping also after the default
    policy straightened quotes. (Not encoding repair where a removed "blank" line held a
    character it repairs: then it is asked again, and finds the line gone.)"""
    config = Config(unsafe_fixes=unsafe, quotes=quotes)  # type: ignore[arg-type]
    normalised = Document(text)
    Normalise(config).run(normalised)
    codes = normalised.rules_since(0)
    before, after = TextView(text), TextView(normalised.text)
    for stage_type in READERS:
        if stage_type is EncodingRepair and ("\x1f" in text or "\u3000" in text):
            continue
        if codes <= BLANK_LINE_LAYOUT or (
            stage_type is Boilerplate
            and quotes == "straight"
            and codes <= {*BLANK_LINE_LAYOUT, "NM120"}
        ):
            assert stage_type(config).same_input(before, after), stage_type.__name__


def test_the_blank_line_layout_is_what_the_normaliser_says() -> None:
    """The codes are the normaliser's blank-line steps, and its other steps are not among
    them (a space collapsed or a wrap joined changes a line, which a stage may read)."""
    codes = {r.code for r in Normalise.rules}
    assert codes >= BLANK_LINE_LAYOUT
    assert {"NM106", "NM107", "NM108", "NM120"}.isdisjoint(BLANK_LINE_LAYOUT)


def test_encoding_repair_reads_lines_not_blank_ones() -> None:
    stage = EncodingRepair(Config())
    assert stage.same_input(TextView("One.\nTwo."), TextView("\nOne.\n \n\t\nTwo.\n"))
    # Lines it repairs although ``str.strip`` calls them blank.
    assert not stage.same_input(TextView("One.\n\nTwo."), TextView("One.\n\x1f\nTwo."))
    assert not stage.same_input(TextView("One.\n\nTwo."), TextView("One.\n\u3000\nTwo."))
    # A new line it could repair is news; one the cheap test passes is not, wherever it is.
    assert not stage.same_input(TextView("One.\nTwo."), TextView("One.\nTwo &amp;"))
    assert not stage.same_input(TextView("One.\nTwo."), TextView("One.\ncaf\u00c3\u00a9"))
    assert stage.same_input(TextView("One.\nTwo  x."), TextView("Two x.\nOne."))
    # A line it left as it was is still left, though the text now holds a suspect elsewhere.
    mojibake = "caf\u00c3\u00a9 &amp; \u201ccurly\u201d"
    assert stage.same_input(TextView(f"{mojibake}\nTwo."), TextView(f"{mojibake}\nTwo!"))


def test_encoding_repair_goes_line_by_line() -> None:
    """What its ``same_input`` rests on: a line's repair is the same alone as in any text
    (the text-wide test for suspect characters only narrows the line test)."""
    stage = EncodingRepair(Config())
    lines = ["caf\u00c3\u00a9", "Fish &amp; chips", "plain", "\u201cquoted\u201d", "bell\x07"]
    alone = {line: _edits(stage, line) for line in lines}
    together = _edits(stage, "\n".join(lines))
    assert together == sum(alone.values(), Counter())


def _runs(text: str, config: Config | None = None, review: Review | None = None) -> dict[str, int]:
    """How often each stage ran while cleaning ``text`` (a pipeline of its own)."""
    pipeline = Pipeline(config or Config())
    counts: dict[str, int] = {}

    def counted(stage: PipelineStage) -> Callable[[Document], None]:
        name, run = type(stage).__name__, stage.run

        def run_counted(doc: Document) -> None:
            counts[name] = counts.get(name, 0) + 1
            run(doc)

        return run_counted

    for stage in pipeline.stages:
        stage.run = counted(stage)  # type: ignore[method-assign]
    pipeline.run(text, review)
    return counts


def test_the_check_round_skips_what_a_blank_line_cannot_change() -> None:
    # Only the final newline and a blank line between paragraphs change.
    assert clean_text("First paragraph here.\nSecond one here.").text == (
        "First paragraph here.\n\nSecond one here.\n"
    )
    runs = _runs("First paragraph here.\nSecond one here.")
    assert runs["Boilerplate"] == 1
    assert runs["EncodingRepair"] == 1
    # Nothing after the language check runs again, so neither does it (it only sets notes).
    assert runs["LanguageCheck"] == 1


def test_a_reviewed_article_is_checked_on_the_very_text() -> None:
    """A reviewer's verdicts are pinned to offsets, which a blank line moves: with a review
    in play, only a stage that read the very text is skipped."""
    text = "First paragraph here.\nSecond one here."
    runs = _runs(text, review=lambda rule, text, start, end: None)
    assert runs["Boilerplate"] == 2
    assert runs["EncodingRepair"] == 2
    assert runs["Normalise"] == 2  # the last one read the very text: the first is not asked


def test_a_stage_that_saw_a_foreign_text_is_asked_again() -> None:
    """The language note only ever switches work off: a stage kept across blank-line edits
    must have seen the text called English. On a text called foreign it re-runs (with the
    language check before it), since the round could call the new text English."""
    president_said = "\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 "
    president_said += "\u0437\u0430\u044f\u0432\u0438\u0432 "
    russian = president_said * 8
    result = clean_text(russian.strip())
    assert [e.rule for e in result.edits] == ["NM111"]
    assert any(f.rule == "LN101" for f in result.findings)
    runs = _runs(russian.strip())
    assert runs["Boilerplate"] == 2
    assert runs["LanguageCheck"] == 2
    assert runs["EncodingRepair"] == 1


def test_a_collapsed_space_run_is_no_news_to_the_readers() -> None:
    """The commonest edit on clean news text (two spaces after a full stop, NM107): the
    paragraph keeps its words and features and no rule fires on it, and the line needs no
    repair, so neither stage (nor the language check before them) runs again."""
    text = "First  paragraph here.\nSecond one here."
    assert {e.rule for e in clean_text(text).edits} >= {"NM107"}
    runs = _runs(text)
    assert runs["Boilerplate"] == 1
    assert runs["EncodingRepair"] == 1
    assert runs["LanguageCheck"] == 1


def test_the_check_round_still_rechecks_other_edits() -> None:
    # A collapsed space run where a rule's pattern matches: the boilerplate stage sees it
    # again (the language check with it), the encoding stage need not.
    runs = _runs(f"Prose here.\n\n{_LONG_SUBHEADING}\n")
    # The first pass, the round that unwraps it (BP227, the collapsed run let the pattern
    # match), a round that confirms it.
    assert runs["Boilerplate"] == 3
    assert runs["LanguageCheck"] == 3
    assert runs["EncodingRepair"] == 1
    assert "BP227" in {e.rule for e in clean_text(f"Prose here.\n\n{_LONG_SUBHEADING}\n").edits}
    # Other words (a soft hyphen removed inside one): boilerplate again; the line needs no
    # repair.
    runs = _runs("First para\u00adgraph here.\nSecond one here.")
    assert runs["Boilerplate"] == 2
    assert runs["EncodingRepair"] == 1


def test_boilerplate_reads_a_respaced_paragraph_by_its_features() -> None:
    """A paragraph re-spaced is read alike only when its features, its rules and its
    ``[sic]`` are as they were (each clause of ``_reads_alike``)."""
    stage = Boilerplate(Config())

    def alike(old: str, new: str) -> bool:
        return stage.same_input(TextView(f"Prose.\n\n{old}\n"), TextView(f"Prose.\n\n{new}\n"))

    assert alike("Officials  said so on Monday.", "Officials said so on Monday.")
    # The address's share of the line is a feature: the spaces around it move it.
    url = "See www.example.org/a/long/path  for  more."
    assert not alike(url, url.replace("  ", " "))
    # A rule's pattern matches (a byline rule; a subheading one character within its limit).
    assert not alike("By  Anna Kowalski", "By Anna Kowalski")
    assert not alike(_LONG_SUBHEADING, _LONG_SUBHEADING.replace("  ", " "))
    # A rule kept for the head of the text is searched too.
    assert not alike(_LONG_BYLINE, _LONG_BYLINE.replace("  ", " "))
    # A [sic] keeps the word before a single space.
    assert not alike("It  [sic] was over.", "It [sic] was over.")
    assert not alike("It was  over [sic].", "It was over [sic].")
    # Other words: not a re-spacing at all.
    assert not alike("Officials said so.", "Officials said no.")
    # A rule with ``exceptions`` is matched on the line as written: then only the very text.
    excepting = Boilerplate(Config())
    excepting.feature_read = False
    assert not excepting.same_input(
        TextView("Officials  said so on Monday.\n"), TextView("Officials said so on Monday.\n")
    )


def test_straightened_quotes_are_not_news_to_boilerplate_stripping() -> None:
    text = "\u201cFirst paragraph here,\u201d she said.\n\nSecond one here.\n"
    assert [e.rule for e in clean_text(text).edits] == ["NM120", "NM120"]
    runs = _runs(text)
    assert runs["Boilerplate"] == 1
    assert runs["LanguageCheck"] == 1
    # A line with its quotes straightened is ASCII with nothing the cheap test flags.
    assert runs["EncodingRepair"] == 1
    # Curled quotes are news where a rule's pattern matches: a replace rule writes its groups
    # from the straightened text.
    curly = Config(quotes="curly")
    heading = "- Oppose 'bullying acts' -\n"
    straight, curled = TextView(heading), TextView(heading.replace("'", "\u2018", 1))
    assert not Boilerplate(curly).same_input(straight, curled)
    # Only the way the default policy goes: a curled quote is news.
    assert Boilerplate(Config()).same_input(curled, straight)
    assert not Boilerplate(Config()).same_input(straight, curled)
    # Where no rule's pattern matches, the features (read with quotes straightened) are all
    # the stage reads, whichever way the quotes go.
    assert Boilerplate(curly).same_input(TextView('"A" b.\n'), TextView("\u201cA\u201d b.\n"))
    assert _runs(text.replace("\u201c", '"').replace("\u201d", '"'), curly)["Boilerplate"] == 1


def test_the_boilerplate_stage_reads_paragraphs() -> None:
    """``same_input`` holds while the paragraphs are the same, whatever the blank lines, and
    fails when a blank line changes which lines the wrap width joins."""
    stage = Boilerplate(Config())
    assert stage.same_input(TextView("One.\nTwo.\n"), TextView("\nOne.\n\n\nTwo.\n"))
    wrapped = "\n".join(["word " * 9 + "end"] * 5) + "\n"
    apart = wrapped.replace("\n", "\n\n")
    assert len(TextView(wrapped).paragraphs) == 1
    assert not stage.same_input(TextView(wrapped), TextView(apart))
    assert not stage.same_input(TextView("One.\nTwo.\n"), TextView("One.\nTwo!\n"))


def test_the_first_normaliser_is_not_asked_what_the_last_one_answered() -> None:
    """The normaliser runs twice per pass, one class on one config: when the rule stage's
    fix makes the first stale, the last, settled on the same text, answers for it."""
    text = "He spoke about the high -tech industry on Monday.\n"
    assert [e.rule for e in clean_text(text).edits] == ["MT101"]
    runs = _runs(text)
    assert runs["RuleFixes"] == 2  # the rule stage's own edit: it is asked again
    assert runs["Normalise"] == 2  # first and last of the first pass, none in the round


_PROSE = (
    "The council met on Monday evening to discuss the budget for the coming year, and after "
    "a long debate it approved the plan."
)
# Lines the boilerplate stage removes whole (a prompt, an advertisement, a source line, a
# second copy of a paragraph), rewrites (a row of dashes, an AFP subheading), or keeps.
_BOILERPLATE_LINES = st.sampled_from(
    [
        _PROSE,
        _PROSE.replace("council", "board"),
        f"{_PROSE} It [sic] was.",
        "Advertisement",
        "Source: Reuters",
        "Share this article",
        "Read more: The council's other plans for the town centre",
        "- - - - -",
        "- Oppose 'bullying acts' -",
        "New bridge opens to traffic in the city centre",
        "Local team wins the regional football cup final",
        "Mayor announces plans for a new public library",
    ]
)


def test_cues_without_a_space_fire_alike_on_the_same_words() -> None:
    """Why ``_reads_alike`` takes a re-spaced paragraph's fired rules from the old one: a
    cue without a space lies inside a word. A cue with one does not (``read more`` is in
    "read more", not in "read  more"), and then nothing is taken."""
    spaced = Triggers([("a", "read more")])
    assert not spaced.spaceless
    assert spaced.fired("read  more") != spaced.fired("read more")
    assert Triggers([("a", r"read\s+more")]).spaceless


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(_LAYOUT_LINES, _SPACING_LINES, _BOILERPLATE_LINES), max_size=4), st.data()
)
def test_the_shipped_cues_fire_alike_on_the_same_words(
    lines: list[str], data: st.DataObject
) -> None:
    stage = Boilerplate(Config())
    assert stage.triggers.spaceless
    text = " ".join(lines)
    respaced = data.draw(st.sampled_from(_RESPACINGS))(text)
    assert word_key(respaced) == word_key(text)
    assert stage.triggers.fired(matching_text(respaced)) == stage.triggers.fired(
        matching_text(text)
    )
