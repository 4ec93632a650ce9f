"""The language check (LN101) and the damage score, through the real pipeline."""

from __future__ import annotations

import pytest

from cleaner import clean_text
from cleaner.config import Config
from cleaner.detectors.language import detect_language
from cleaner.stages.damage import score

UKRAINIAN = (
    "Київ, 5 травня. Президент України заявив, що країна не може гарантувати безпеку "
    "іноземних делегацій, які планують відвідати Москву 9 травня."
)
FRENCH = (
    "Le président a déclaré dimanche que les négociations avec la Russie reprendraient "
    "la semaine prochaine à Genève, malgré les tensions entre les deux pays."
)
DAMAGED = (
    "Chinese leader Xi Jinping Will take an official visit to Russia. It continues to "
    "Provide key components and high -tech parts, stable and stable, the the Kremlin said.\n"
)


@pytest.mark.parametrize(
    ("text", "lang"), [(UKRAINIAN, "uk"), (FRENCH, "fr"), ("Это короткий текст на русском.", "ru")]
)
def test_non_english_detected(text: str, lang: str) -> None:
    verdict = detect_language(text)
    assert not verdict.english
    assert verdict.language == lang


@pytest.mark.parametrize(
    "text",
    [
        "Thank you!",
        "Good afternoon, sorry, there was no Internet connection.",
        "Kyiv, Bucha, Irpin.",
        "Putin and Xi will sign a number of bilateral documents, he said.",
        "Bonjour tout le monde, said the French ambassador as he opened the meeting in Paris "
        "with the usual greeting.",
    ],
)
def test_short_or_english_lines_stay_english(text: str) -> None:
    assert detect_language(text).english


def test_non_english_text_gets_a_notice_and_no_english_rules() -> None:
    result = clean_text(FRENCH + " Xi Jinping Will take it.\n")
    assert result.metadata["language"] == "fr"
    rules = {f.rule for f in result.findings} | {e.rule for e in result.edits}
    assert "LN101" in rules
    assert not any(r.startswith(("MT", "NE")) for r in rules)


def test_english_text_metadata() -> None:
    result = clean_text(DAMAGED)
    assert result.metadata["language"] == "en"
    assert not any(f.rule == "LN101" for f in result.findings)


def test_detector_findings_and_safe_fixes_in_pipeline() -> None:
    result = clean_text(DAMAGED)
    assert "high-tech" in result.text
    assert "the the" not in result.text
    rules = {f.rule for f in result.findings}
    assert {"MT901", "MT905"} <= rules
    # Idempotent: cleaning the output changes nothing more.
    assert clean_text(result.text).edits == []


def test_ignore_switches_a_detector_off() -> None:
    result = clean_text(DAMAGED, Config(ignore=("MT901",)))
    assert not any(f.rule == "MT901" for f in result.findings)


def test_damage_score_orders_texts() -> None:
    clean = clean_text("The Kremlin confirmed on Sunday that the visit would go ahead.\n")
    damaged = clean_text(DAMAGED)
    assert clean.metadata["damage"]["score"] == 0.0
    assert damaged.metadata["damage"]["score"] > 30
    paragraphs = damaged.metadata["damage"]["paragraphs"]
    assert len(paragraphs) == 1 and paragraphs[0]["score"] > 0


def test_damage_score_per_paragraph() -> None:
    text = "The visit went ahead as planned.\n\n" + DAMAGED
    paragraphs = clean_text(text).metadata["damage"]["paragraphs"]
    assert [p["line"] for p in paragraphs] == [1, 3]
    assert paragraphs[0]["score"] == 0.0 and paragraphs[1]["score"] > 30


def test_score_formula() -> None:
    assert score(0, 100) == 0.0
    assert score(10, 100) == pytest.approx(63.2, abs=0.1)
    assert score(5, 0) == 0.0
    assert score(1000, 10) <= 100.0


def test_non_english_text_scores_no_grammar_damage() -> None:
    text = (
        "Das ist ein Beispieltext auf Deutsch, der von der Maschine nicht übersetzt wurde.\n"
        "Und hier steht noch ein zweiter Satz auf Deutsch, den niemand übersetzt hat, leider.\n"
    )
    result = clean_text(text)
    assert result.metadata["language"] == "de"
    notice = [f for f in result.findings if f.rule == "LN101"]
    assert len(notice) == 1 and notice[0].start == notice[0].end == 0
    assert result.metadata["damage"]["score"] == 0.0
