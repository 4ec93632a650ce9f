"""What the pinned libraries do on fixed inputs (issue 15).

cleaner's output depends on its dependencies' behaviour, not only on its own code: Harper's
lints are what ``cleaner check`` reports, ftfy's tables which mojibake is repaired,
charset-normalizer which legacy encoding a file is read as, py3langid which text is English.
pyproject.toml bounds them and constraints.txt pins the set ``make test`` installs; these
tests fail when a version with different behaviour slips in (a new constraints.txt, a
looser bound), so the change is looked at before users see it. Update an expectation only
after checking the new behaviour is wanted.
"""

from __future__ import annotations

import pytest

from cleaner import Config, clean_text

PARAGRAPH = (
    "The minister have said that their going to announce an new plan on Tuesday. "
    "Its a important step, and the the officials was pleased with it's progress. "
    "Parliment will vote on the the proposal next week.\n"
)
# harper-py 0.2.0: what it finds, and what it misses ("minister have", "officials was").
HARPER_FINDS = [
    ("GR-harper/TheirToTheyre", "their", ("they're", "they're ")),
    ("GR-harper/AnA", "an", ("a",)),
    ("GR-harper/ItsContraction", "Its", ("It's", "It has")),
    ("GR-harper/AnA", "a", ("an",)),
    ("GR-harper/RepeatedWords", "the the", ("the",)),
    ("GR-harper/ItsPossessive", "it's", ("its",)),
    ("GR-harper/SpellCheck", "Parliment", ()),
    ("GR-harper/RepeatedWords", "the the", ("the",)),
]


# Soft hyphens left in (only the grammar rules selected): 0.1.1 called "commu" SplitWords.
HYPHENATED = "The inter\u00adnational commu\u00adnity met in Bogotá on Monday.\n"
HYPHENATED_FINDS = [
    ("GR-harper/SpellCheck", "commu", ("comm", "comma", "com")),
    ("GR-harper/SpellCheck", "nity", ("nit", "nifty", "nits")),
]


@pytest.mark.parametrize(
    ("text", "expected"), [(PARAGRAPH, HARPER_FINDS), (HYPHENATED, HYPHENATED_FINDS)]
)
def test_harper_finds_what_it_found(
    text: str, expected: list[tuple[str, str, tuple[str, ...]]]
) -> None:
    result = clean_text(text, Config(select=("GR",)))
    found = [(f.rule, result.text[f.out_start : f.out_end], f.suggestions) for f in result.findings]
    assert found == expected
    assert result.text == text  # findings only: nothing is applied


@pytest.mark.parametrize(
    ("damaged", "repaired", "rule"),
    [
        ("The cafÃ© reopened.", "The café reopened.", "EN101"),
        ("He said â€œnoâ€\x9d to the plan.", "He said “no” to the plan.", "EN101"),
        ("The ï¬\x81nance minister.", "The finance minister.", "EN101"),
        ("Ð\x9fÑ€Ð¸Ð²ÐµÑ‚ means hello.", "Привет means hello.", "EN101"),
        ("SÃ£o Paulo is big.", "São Paulo is big.", "EN101"),
        ("Tom &amp;amp; Jerry", "Tom & Jerry", "EN102"),
    ],
)
def test_ftfy_repairs_what_it_repaired(damaged: str, repaired: str, rule: str) -> None:
    result = clean_text(damaged + "\n", Config(select=("EN",), grammar="none"))
    assert result.text == repaired + "\n"
    assert {e.rule for e in result.edits} == {rule}


@pytest.mark.parametrize(
    ("encoding", "text", "detected"),
    [
        ("cp1251", "Президент заявив, що переговори триватимуть у понеділок у Києві.", "cp1251"),
        ("latin-1", "Le président a déclaré que les négociations reprendront à Genève.", "cp1252"),
        ("cp1252", "The café’s “reopening” drew crowds — and critics.", "cp1250"),
    ],
)
def test_charset_normalizer_reads_legacy_bytes_as_it_did(
    encoding: str, text: str, detected: str
) -> None:
    import charset_normalizer

    best = charset_normalizer.from_bytes(text.encode(encoding)).best()
    assert best is not None
    assert (best.encoding, str(best)) == (detected, text)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Die Regierung hat am Dienstag angekündigt, dass die neuen Regeln gelten sollen.", "de"),
        ("Le gouvernement a annoncé mardi que les nouvelles règles s'appliqueront.", "fr"),
        ("The government announced on Tuesday that the new rules will apply.", "en"),
        ("Уряд у вівторок оголосив, що нові правила застосовуватимуться.", "uk"),
    ],
)
def test_py3langid_names_languages_as_it_did(text: str, language: str) -> None:
    import py3langid

    assert py3langid.classify(text)[0] == language
