"""The one decision point (``Document.decide``): rule enabled, span protected, overlap with
earlier decisions, safe or opted in; edits carry their rule's level and fix safety.

The ``[sic]`` cases are the bug that made this step necessary: ``cleaner check`` said "no
problems" and ``cleaner fix`` then deleted the word before a multi-word edit's ``[sic]``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import Config, clean_text, restore
from cleaner.document import Document, Policy, Proposal
from cleaner.model import FixSafety, Level, Stage
from cleaner.textview import sic_spans

from .test_cli_check import write
from .test_cli_clean import run

NO_GRAMMAR = Config(grammar="none")
BUG = "Ukraine says it cannot give security insurance [sic] to anyone, he said.\n"


# -- [sic] and multi-word edits ----------------------------------------------------------------


def test_sic_inside_a_multi_word_edit_blocks_the_whole_edit() -> None:
    # MT205 (security insurance -> security guarantees) would rewrite the marked word.
    result = clean_text(BUG, NO_GRAMMAR)
    assert result.text == BUG
    assert result.edits == [] and result.findings == []


def test_sic_bug_through_check_fix_and_clean(tmp_path: Path) -> None:
    src = write(tmp_path / "a.txt", BUG)
    code, out, _ = run("check", "--grammar", "none", str(src))
    assert code == 0 and "no problems" in out
    assert run("fix", "--grammar", "none", str(src))[0] == 0
    assert src.read_text("utf-8") == BUG  # "security" is still there
    code, out, _ = run("clean", "--grammar", "none", str(src))
    assert (code, out) == (0, BUG)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The mark right after the phrase: the phrase's last word is marked.
        (
            "Ukraine wants security insurance [sic] now.\n",
            "Ukraine wants security insurance [sic] now.\n",
        ),
        # The mark on the first word: the phrase is broken by it, nothing matches.
        (
            "Ukraine wants security [sic] insurance now.\n",
            "Ukraine wants security [sic] insurance now.\n",
        ),
        # The marked word right before the phrase: the edit after it applies, the mark stays.
        (
            "Ukraine wants teh [sic] security insurance now.\n",
            "Ukraine wants teh [sic] security guarantees now.\n",
        ),
        # The same phrase twice: only the marked occurrence is kept.
        (
            "Ukraine wants security insurance [sic] and security insurance now.\n",
            "Ukraine wants security insurance [sic] and security guarantees now.\n",
        ),
        # A multi-word name garble with the mark on its surname (NE entity rule, safe fix).
        (
            "Slovak Prime Minister Robert Fitzo [sic] spoke. Robert Fitzo left.\n",
            "Slovak Prime Minister Robert Fitzo [sic] spoke. Robert Fico left.\n",
        ),
    ],
)
def test_sic_next_to_multi_word_edits(text: str, expected: str) -> None:
    result = clean_text(text, NO_GRAMMAR)
    assert result.text == expected
    assert restore(result) == text
    ((s, e),) = sic_spans(text)
    for item in [*result.edits, *result.findings]:
        assert item.end <= s or item.start >= e, item


def test_sic_protects_against_detectors_and_normalisation_too() -> None:
    # An echo (MT905 would fix "the the") and a no-break space inside the marked span.
    text = "He went to the the\u00a0[sic] station and the the shop.\n"
    result = clean_text(text, NO_GRAMMAR)
    assert result.text == "He went to the the\u00a0[sic] station and the shop.\n"


# -- the decision steps on a bare Document -----------------------------------------------------


def _doc(text: str, **policy: object) -> Document:
    return Document(text, policy=Policy(**policy))  # type: ignore[arg-type]


def test_disabled_rules_are_dropped() -> None:
    doc = _doc("a b", enabled=lambda rule: rule != "X1")
    doc.decide(Stage.ARTIFACT, [Proposal(0, 1, "X1", "A"), Proposal(2, 3, "X2", "B")])
    assert doc.text == "a B"


def test_literal_spans_are_off_limits_to_wording_stages_only() -> None:
    text = "see www.example.com/page now"
    at = text.index("example")
    wording = _doc(text)
    wording.decide(Stage.ARTIFACT, [Proposal(at, at + 7, "MT1", "EXAMPLE")])
    assert wording.text == text
    encoding = _doc(text)
    encoding.decide(Stage.ENCODING, [Proposal(at, at + 7, "EN1", "EXAMPLE")])
    assert "EXAMPLE" in encoding.text


def test_a_bare_domain_of_any_common_country_is_not_prose() -> None:
    # A Wikinews article: "Speaking to Portfolio.hu, ..." had 'Portfolio' reported as a stray
    # capital once .hu was not among the domain endings.
    text = "Speaking to Portfolio.hu, Matt Simister said the chain would stay.\n"
    assert not [f for f in clean_text(text, NO_GRAMMAR).findings if f.rule == "MT901"]
    assert _doc("in remarks to UOL.com.br, said").view.literal_spans
    # A lost space before a word that is also a domain ending leaves the prose alone.
    assert not _doc("He said.it was late.").view.literal_spans


def test_backticks_quoting_words_do_not_make_a_line_of_code() -> None:
    # A Korean paper quotes a name with backticks; the rest of the line is still prose that
    # the rules may read (the calque after the quote was left alone as "code").
    line = "Han will attend the meeting of the `ASEAN + Korea, China, Japan` and the forum.\n"
    assert not _doc(line).view.literal_spans
    # Backticks with another code mark are still code.
    assert _doc("run `make test` then x = 1\n").view.literal_spans
    assert _doc("`x`=`y`\n").view.literal_spans


def test_semicolons_in_prose_do_not_make_a_line_of_code() -> None:
    prose = "He came; he saw; he left the the house.\n"
    assert clean_text(prose, NO_GRAMMAR).text == "He came; he saw; he left the house.\n"
    code = "const x = useState(); let y = 2;\n"
    assert _doc(code).view.literal_spans
    # A tag is not code: an MT system's <unk> leaves the line prose.
    assert not _doc("I just don't know how it will be. <unk> <unk> <unk>\n").view.literal_spans
    # A long paragraph of prose with a stray wiki template is still prose.
    wiki = "He said the the {w|plasticity|plasticity}} of the brain can change. " + (
        "The researchers said the results were clear and would be published next year. " * 3
    )
    assert not _doc(wiki).view.literal_spans


def test_a_later_stage_does_not_report_a_span_again_but_notes_it() -> None:
    doc = _doc("Fitso said")
    doc.decide(Stage.ARTIFACT, [Proposal(0, 5, "MT201", message="listed garble")])
    # NE901 is an unsafe fix (as registered): a safe one would answer a question (below).
    near = Proposal(0, 5, "NE901", "Fico", message="near miss", fix=FixSafety.UNSAFE)
    doc.decide(Stage.ARTIFACT, [near])
    (finding,) = doc.result().findings
    assert finding.rule == "MT201" and "also reported by NE901" in finding.reason
    assert doc.text == "Fitso said"


def test_a_safe_fix_answers_an_earlier_question_on_its_span() -> None:
    # MT102 (rule file) only asks "a split compound or a broken word?"; MT902's safe join
    # of a compound the dictionary hyphenates answers it: the edit is made, the question goes.
    doc = _doc("On -site video")
    doc.decide(Stage.ARTIFACT, [Proposal(2, 4, "MT102", message="split compound?")])
    doc.decide(Stage.ARTIFACT, [Proposal(0, 8, "MT902", "On-site", fix=FixSafety.SAFE)])
    assert doc.text == "On-site video"
    assert not doc.result().findings
    (edit,) = doc.result().edits
    assert edit.rule == "MT902" and "answers MT102" in edit.reason


@pytest.mark.parametrize(
    "second",
    [
        Proposal(0, 8, "MT902", "On-site", fix=FixSafety.UNSAFE),  # not safe: a suggestion
        Proposal(3, 8, "MT902", "x", fix=FixSafety.SAFE),  # the question reaches outside it
    ],
)
def test_only_a_safe_fix_covering_the_question_answers_it(second: Proposal) -> None:
    doc = _doc("On -site video")
    doc.decide(Stage.ARTIFACT, [Proposal(2, 4, "MT102", message="split compound?")])
    doc.decide(Stage.ARTIFACT, [second])
    assert doc.text == "On -site video"
    assert [f.rule for f in doc.result().findings] == ["MT102"]


def test_clashing_edits_in_one_batch_the_first_wins_the_other_is_reported() -> None:
    doc = _doc("abcdef")
    doc.decide(Stage.GRAMMAR, [Proposal(0, 3, "G1", "x"), Proposal(2, 4, "G2", "y")])
    assert doc.text == "xdef"
    (finding,) = doc.result().findings
    assert (finding.rule, finding.suggestions) == ("G2", ("y",))


@pytest.mark.parametrize(
    ("fix", "unsafe_fixes", "applied"),
    [
        (FixSafety.SAFE, False, True),
        (FixSafety.UNSAFE, False, False),
        (FixSafety.UNSAFE, True, True),
        (FixSafety.NONE, True, False),
    ],
)
def test_safe_or_opted_in(fix: FixSafety, unsafe_fixes: bool, applied: bool) -> None:
    doc = _doc("abc", unsafe_fixes=unsafe_fixes)
    doc.decide(Stage.ARTIFACT, [Proposal(0, 1, "R1", "A", fix=fix)])
    result = doc.result()
    assert (doc.text == "Abc") is applied
    item = result.edits[0] if applied else result.findings[0]
    assert item.fix is fix


def test_registered_defaults_fill_in_level_and_safety() -> None:
    registered = {"R1": (Level.ERROR, FixSafety.UNSAFE)}
    doc = _doc("abc", unsafe_fixes=True, defaults=registered.get)
    doc.decide(Stage.ARTIFACT, [Proposal(0, 1, "R1", "A")])
    (edit,) = doc.result().edits
    assert (edit.level, edit.fix) == (Level.ERROR, FixSafety.UNSAFE)


# -- edits carry their rule's level and safety into lint output --------------------------------


def test_a_safe_detector_fix_is_labelled_safe_under_unsafe_fixes(tmp_path: Path) -> None:
    # MT905 fixes a doubled article safely; lint used to guess "unsafe" for any
    # detector edit made under --unsafe-fixes.
    src = write(tmp_path / "a.txt", "He went to the the station.\n")
    _, out, _ = run("check", "--grammar", "none", "--unsafe-fixes", "--format", "json", str(src))
    (v,) = [v for v in json.loads(out)["violations"] if v["rule"] == "MT905"]
    assert (v["kind"], v["fix"], v["level"]) == ("edit", "safe", "warning")


def test_boilerplate_removal_is_an_error_and_normalisation_info(tmp_path: Path) -> None:
    src = write(tmp_path / "a.txt", "The talks ended on Friday.\n\nSubscribe to our newsletter!\n")
    _, out, _ = run("check", "--grammar", "none", "--format", "json", str(src))
    levels = {v["rule"]: v["level"] for v in json.loads(out)["violations"]}
    assert levels["BP201"] == "error"
    assert all(level == "info" for rule, level in levels.items() if rule.startswith("NM"))


# -- one config resolution for every command -------------------------------------------------


def test_every_command_finds_each_files_own_config(tmp_path: Path) -> None:
    # Two article folders, each with its own config: clean (like check and fix) uses each
    # file's nearest one, not the first input's.
    text = "\u201cQuoted\u201d words.\n"
    for name in ("straight", "keep"):
        write(tmp_path / name / f"{name}.txt", text)
        (tmp_path / name / "cleaner.toml").write_text(f'quotes = "{name}"\n', encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run(
        "clean",
        "--grammar",
        "none",
        str(tmp_path / "straight"),
        str(tmp_path / "keep"),
        "-o",
        str(out),
    )
    assert code == 0, err
    assert (out / "straight.txt").read_text("utf-8") == '"Quoted" words.\n'
    assert (out / "keep.txt").read_text("utf-8") == text


def test_per_path_ignores_apply_to_clean_as_to_check(tmp_path: Path) -> None:
    (tmp_path / "cleaner.toml").write_text(
        '[per-path-ignores]\n"archive/*" = ["EN"]\n', encoding="utf-8"
    )
    src = write(tmp_path / "archive" / "a.txt", "The caf\u00c3\u00a9 reopened.\n")
    code, out, _ = run("clean", "--grammar", "none", str(src))
    assert (code, out) == (0, "The caf\u00c3\u00a9 reopened.\n")
    code, out, _ = run("check", "--grammar", "none", str(src))
    assert code == 0 and "EN101" not in out
