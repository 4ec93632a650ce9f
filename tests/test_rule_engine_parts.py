"""The engine's small parts: folding maps back exactly, case carry-over, transliteration,
overlap resolution."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.folding import fold, fold_key
from cleaner.model import FixSafety
from cleaner.rules.casing import preserve_case
from cleaner.rules.translit import chinese_name, russian, ukrainian
from cleaner.stages.rules import Candidate, resolve


def test_fold_tolerates_case_hyphens_and_one_line_break() -> None:
    text = "For Long -term\nwarfare.\n\nNext"
    folded = fold(text)
    key = fold_key("long-term warfare")
    i = folded.text.index(key)
    start, end = folded.to_original(i), folded.to_original(i + len(key), is_end=True)
    assert text[start:end] == "Long -term\nwarfare"
    assert fold_key("warfare next") not in folded.text  # a blank line ends a phrase


def test_a_key_folds_as_the_text_it_must_match() -> None:
    # "İ" lowercases to two characters; the text keeps it as is for exact offsets, so the
    # key must too, or a Turkish name (and its lost possessive) is never found.
    text = "Ekrem İmamoğlu spoke. İmamoğlus visit"
    assert fold_key("İmamoğlus") in fold(text).text
    assert fold_key("İmamoğlus") == "İmamoğlus"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab -\n\t\u2011’'", max_size=40))
def test_fold_positions_map_back_to_the_same_characters(text: str) -> None:
    folded = fold(text)
    for i, ch in enumerate(folded.text):
        if ch != " ":
            j = folded.to_original(i)
            assert text[j].lower().replace("’", "'") == ch


def test_case_carries_over() -> None:
    assert preserve_case("SECURITY INSURANCE", "security guarantees") == "SECURITY GUARANTEES"
    assert preserve_case("Security insurance", "security guarantees", sentence_start=True) == (
        "Security guarantees"
    )
    assert preserve_case("International Arena", "international stage") == "international stage"
    assert preserve_case("day of success", "Victory Day") == "Victory Day"


def test_transliteration_libraries_give_the_mt_spellings() -> None:
    assert {"Zelenskiy", "Zelenskij", "Zelensky"} <= set(russian("Зеленский"))
    assert {"Zelenskyi", "Zelenskyy"} <= set(ukrainian("Зеленський"))
    names = chinese_name("习", "近平")
    assert {"Xi Jinping", "Hsi Chin-p'ing", "Si Tszinpin"} <= set(names)
    assert "Xi Tszinpin" not in names  # never a mix of two schemes


def test_overlaps_resolve_longest_then_correct_name_then_level() -> None:
    long = Candidate(0, 10, "A", new="x", safety=FixSafety.SAFE)
    short = Candidate(2, 5, "B", new="y", safety=FixSafety.SAFE)
    protect = Candidate(10, 14, "C", protect=True)
    garble = Candidate(10, 14, "D", new="z", safety=FixSafety.SAFE)
    assert [c.owner for c in resolve([short, garble, long, protect])] == ["A", "C"]
