"""The boilerplate stage on the seeds, on focused fixtures and on the cases that go wrong
first: a short last paragraph, real bullet points, a quoted headline, ``[Engadget]``."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import Config, clean_text, restore
from cleaner.boilerplate.frontmatter import with_front_matter
from cleaner.metadata.dates import normalise_date
from cleaner.model import Stage

from .conftest import FIXTURES, SEEDS

# The boilerplate stage with the core it relies on; other stages (rule fixes, grammar) would
# make these tests about them too.
BP = Config(select=("BP", "NM", "EN"))
CASES = sorted((FIXTURES / "boilerplate").glob("*.in.txt"))


def _seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _bp_edits(result):  # type: ignore[no-untyped-def]
    return [e for e in result.edits if e.stage == Stage.BOILERPLATE]


@pytest.mark.parametrize("path", CASES, ids=[p.name.removesuffix(".in.txt") for p in CASES])
def test_fixture(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    expected = path.with_name(path.name.replace(".in.txt", ".expected.txt"))
    result = clean_text(raw, BP)
    assert result.text == expected.read_text(encoding="utf-8")
    assert restore(result) == raw
    again = clean_text(result.text, BP)
    assert again.edits == [] and again.text == result.text


def test_seed_002_loses_its_tail_and_nothing_else() -> None:
    raw = _seed("002")
    result = clean_text(raw, BP)
    removed = {e.old.strip() for e in _bp_edits(result)}
    tail = _lines(raw)[-3:]
    assert tail[0].startswith("News from CORRESPONDENT.NET")
    assert tail[1] == "Source: korrespondent"
    assert tail[2].startswith("I am David Wyatt")
    assert removed == set(tail)
    straight = str.maketrans({"\u2019": "'", "\u201c": '"', "\u201d": '"'})
    assert _lines(result.text) == [line.translate(straight) for line in _lines(raw)[:-3]]
    assert result.metadata["source"] == "korrespondent"
    assert result.metadata["author"] == "David Wyatt"
    assert "War in Ukraine" in _lines(result.text)


def test_seed_003_loses_link_list_keeps_article_and_subheading() -> None:
    raw = _seed("003")
    result = clean_text(raw, BP)
    out = _lines(result.text)
    assert result.metadata["date"] == "2025-05-04"
    assert out[0].startswith("The visit coincides")
    assert "Oppose 'bullying acts'" in out
    assert out[-1].startswith("The Kremlin has drawn parallels")
    for gone in ("Related Links", "|", "Denmark to add 5,000 military positions"):
        assert gone not in out
    assert not any("Subscribe" in line or "SpaceWar.com" in line for line in out)
    article = _lines(raw)[1:18]
    assert len(out) == len(article) + 1  # + the first line, its date prefix lifted


def test_seed_004_loses_shortcode_keeps_summary_bullets() -> None:
    raw = _seed("004")
    result = clean_text(raw, BP)
    out = _lines(result.text)
    assert out[:3] == [
        "- Xi Jinping, the Chinese leader will go to Moscow next week.",
        "- The visit will be regarded as a dramatic demonstration of Beijing's support for Moscow.",
        "- The visit will take place from Monday through Wednesday at Putin's request",
    ]
    assert not any("embedpost" in line for line in out)
    assert len(out) == len(_lines(raw)) - 1
    assert [e.rule for e in _bp_edits(result)] == ["BP224"]


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_clean_seeds_lose_nothing(prefix: str) -> None:
    result = clean_text(_seed(prefix), BP)
    assert _bp_edits(result) == []


def test_seed_000_dateline_stays_and_is_lifted() -> None:
    result = clean_text(_seed("000"), BP)
    assert result.text.startswith("Moscow (AP) Chinese leader")
    assert result.metadata["dateline"] == "Moscow"
    assert result.metadata["source"] == "AP"


def test_every_removal_names_its_rule_or_features() -> None:
    result = clean_text(_seed("003"), BP)
    for edit in _bp_edits(result):
        assert edit.rule.startswith("BP2")
        assert edit.reason.startswith(edit.rule)


def test_link_list_never_eats_the_new_last_paragraph() -> None:
    article = (
        "Officials in Kyiv said the talks had ended without agreement on Friday evening.\n"
        "Talks resume on Monday.\n"
    )
    links = (
        "Patriot defense system headed for Ukraine as ceasefire hopes dim\n"
        "Denmark to add 5,000 military positions\n"
        "US approves $3.5 bn missile sale to Saudis\n"
        "Finland to leave anti-personnel mine treaty\n"
    )
    once = clean_text(article + links, BP)
    assert once.text == clean_text(article, BP).text
    twice = clean_text(once.text, BP)
    assert twice.edits == [] and twice.text == once.text
    assert "Talks resume on Monday." in clean_text(clean_text(once.text, BP).text).text


def test_short_headline_like_ending_is_kept_and_reported() -> None:
    text = (
        "Officials in Kyiv said the talks had ended without agreement on Friday evening.\n"
        "What comes next\nMore talks\nNo deal yet\nNobody knows\n"
    )
    result = clean_text(text, BP)
    assert result.text == clean_text(text, Config(select=("NM", "EN"))).text
    assert [f.rule for f in result.findings] == ["BP290"]


def test_only_short_lines_are_never_emptied() -> None:
    text = "Home\nWorld\nBusiness\nSport\nWeather\n"
    assert _bp_edits(clean_text(text, BP)) == []


def test_ignore_bp_switches_the_stage_off() -> None:
    raw = _seed("003")
    assert _bp_edits(clean_text(raw, Config(ignore=("BP",)))) == []


def test_third_person_bio_is_only_reported() -> None:
    text = (
        "Officials in Kyiv said the talks had ended without agreement on Friday evening.\n"
        "The next round is expected in Geneva later this month, diplomats said.\n"
        "Anna Smith is a senior reporter for The Daily Planet covering Eastern Europe.\n"
    )
    result = clean_text(text, BP)
    assert "Anna Smith is a senior reporter" in result.text
    assert any(f.rule == "BP244" for f in result.findings)
    fixed = clean_text(text, Config(select=("BP", "NM", "EN"), unsafe_fixes=True))
    assert "Anna Smith" not in fixed.text


def test_title_is_lifted_but_kept() -> None:
    text = (
        "Xi arrives in Moscow for talks with Putin\n"
        "Chinese President Xi Jinping arrived in Moscow on Monday for talks, the Kremlin said.\n"
    )
    result = clean_text(text, BP)
    assert result.metadata["title"] == "Xi arrives in Moscow for talks with Putin"
    assert result.text.startswith("Xi arrives in Moscow")


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2025-05-04", "2025-05-04"),
        ("May 4, 2025", "2025-05-04"),
        ("4 May 2025 14:30", "2025-05-04T14:30:00"),
        ("2025-13-40", None),
        ("the situation in Kyiv", None),
    ],
)
def test_dates_are_iso_8601(value: str, iso: str | None) -> None:
    assert normalise_date(value) == iso


def test_front_matter_block() -> None:
    out = with_front_matter("Text.\n", {"source": "AP", "date": "2025-05-04"})
    assert out == "---\ndate: '2025-05-04'\nsource: AP\n---\n\nText.\n"
    assert with_front_matter("Text.\n", {}) == "---\n---\n\nText.\n"


def test_cli_front_matter(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from cleaner.cli import main

    src = tmp_path / "a.txt"
    src.write_text(_seed("002"), encoding="utf-8")
    res = CliRunner().invoke(main, ["clean", str(src), "--front-matter"])
    assert res.exit_code == 0, res.output
    import yaml

    assert res.output.startswith("---\n")
    head, _, body = res.output[4:].partition("\n---\n\n")
    meta = yaml.safe_load(head)
    assert meta["author"] == "David Wyatt"
    assert meta["source"] == "korrespondent"
    assert body.startswith("The Chinese leader came to Moscow")
    assert "I am David Wyatt" not in res.output


# Lines to build articles from: prose, a short real paragraph, subheadings, bullets, and
# every kind of boilerplate, in any order, so idempotence is tested across interactions.
_POOL = [
    "Officials in Kyiv said the talks had ended without agreement on Friday evening.",
    "He declined to comment.",
    "War in Ukraine",
    "- gas supplies through a new pipeline",
    "- Oppose 'bullying acts' -",
    "Related Links",
    "Patriot defense system headed for Ukraine as ceasefire hopes dim",
    "Israel says it downed Yemen-fired missile claimed by Huthis",
    "|Subscribe Free To Our Daily Newsletters",
    "|",
    "Source: korrespondent",
    "Advertisement",
    '[embedpost slug="/x/"]',
    "The report [Engadget] said the phone ships in May.",
    " date 2025-05-04 The visit coincides with heightened tensions.",
    "Home",
    "",
    # The story's lists and what is still removed around them (issue 12): records, a
    # match-info block with its date, headings, headlines, templated page titles, navigation.
    "Hartley Rovers striker Dan Okafor scored twice as Castleford Town lost at Millbrook Park.",
    "Fourth-round draw in full",
    "Farrowby Town v Castleford Town",
    "Hartley Rovers 2-1 Eastwick City",
    "3 Andrej Kovac (Slovakia)",
    "Venue: Millbrook Park",
    "Date: Saturday, 14 March 2026",
    "Referee: Paul Whitcombe",
    "Thornbury sack manager after nine games without a win",
    "Counselling Clinic in Leeds, West Yorkshire",
    "Sport",
    "Privacy policy",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_POOL), max_size=30))
def test_boilerplate_mixes_are_idempotent_and_restorable(lines: list[str]) -> None:
    text = "\n".join(lines)
    once = clean_text(text, BP)
    assert restore(once) == text
    twice = clean_text(once.text, BP)
    assert twice.edits == []


def test_sidecar_carries_metadata_and_restores(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from cleaner.cli import main
    from cleaner.model import CleanResult

    src = tmp_path / "in" / "a.txt"
    src.parent.mkdir()
    raw = _seed("003")
    src.write_text(raw, encoding="utf-8")
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["clean", str(src.parent), "-o", str(out), "--sidecar"])
    assert res.exit_code == 0, res.output
    sidecar = json.loads((out / "a.json").read_text(encoding="utf-8"))
    assert sidecar["metadata"]["date"] == "2025-05-04"
    text = (out / "a.txt").read_text(encoding="utf-8")
    assert restore(CleanResult.from_dict({**sidecar, "text": text})) == raw


def test_stage_skips_text_marked_not_english() -> None:
    from cleaner.document import Document
    from cleaner.stages.boilerplate import Boilerplate

    doc = Document("Die Gespräche endeten am Freitag.\nAdvertisement\n")
    doc.notes["english"] = False
    Boilerplate(BP).run(doc)
    assert doc.batches == 0
    doc.notes["english"] = True
    Boilerplate(BP).run(doc)
    assert doc.text == "Die Gespräche endeten am Freitag.\n"
