"""The Sino-Vietnamese route: a name in Chinese characters read one Vietnamese syllable per
character (``習近平`` -> ``Tập Cận Bình``, and ``Tap Can Binh`` without the marks), the
spellings that would name someone else or read as English dropped, and the tool that writes
the route's spellings into an imported file."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from cleaner.rules.entity import Entity
from cleaner.rules.route_collisions import (
    drop_family_reading_collisions,
    drop_route_collisions,
    route_spellings,
)
from cleaner.rules.translit import _other_tone_place, sino_vietnamese, strip_marks, whole_names

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from add_route_spellings import add_spellings  # noqa: E402


def test_a_name_in_characters_reads_through_vietnamese() -> None:
    assert sino_vietnamese("習近平") == ("Tập Cận Bình", "Tap Can Binh")
    # Simplified and traditional characters read alike; a Korean's hanja too.
    assert sino_vietnamese("习近平") == sino_vietnamese("習近平")
    assert sino_vietnamese("文在寅") == ("Văn Tại Dần", "Van Tai Dan")
    # 錫 is Tích in a name (Unihan's kVietnamese lists the Nôm reading thiếc).
    assert sino_vietnamese("尹錫悅") == ("Doãn Tích Duyệt", "Doan Tich Duyet")
    # Both places of a tone mark on a final oa/oe/uy are printed (Wikidata: Trần Thủy Biển).
    assert sino_vietnamese("陳水扁") == ("Trần Thuỷ Biển", "Trần Thủy Biển", "Tran Thuy Bien")
    assert sino_vietnamese("和平")[:2] == ("Hoà Bình", "Hòa Bình")
    # After q the u belongs to the consonant: Quý has one place.
    assert _other_tone_place("Quý") == "Quý"
    # đ has no decomposition: read as d.
    assert strip_marks("Lại Thanh Đức") == "Lai Thanh Duc"


def test_nothing_for_kana_hangul_or_one_character() -> None:
    assert sino_vietnamese("すが") == ()
    assert sino_vietnamese("문재인") == ()
    assert sino_vietnamese("習") == ()
    assert sino_vietnamese("菅 よしひで") == ()


def test_the_route_is_part_of_the_whole_name_spellings() -> None:
    assert {"Tập Cận Bình", "Tap Can Binh"} <= set(whole_names("zh", "习近平"))
    assert {"Gian Nghĩa Vĩ", "Gian Nghia Vi"} <= set(whole_names("ja", "菅義偉"))
    assert not set(whole_names("ko", "문재인")) & {"Van Tai Dan"}


def _person(id_: str, canonical: str, variants: tuple[str, ...]) -> Entity:
    return Entity(
        id=id_,
        canonical=canonical,
        kind="person",
        variants=variants,
        fixes=tuple((v, canonical) for v in variants),
    )


def test_a_route_spelling_that_names_someone_else_is_dropped() -> None:
    lee = _person("A", "Lee Hsien Loong", ("Li Xianlong", "Lý Hiển Long", "Ly Hien Long"))
    # A (made-up) Vietnamese minister whose own name the reading is.
    other = _person("B", "Ly Hien Long", ())
    routes = {"A": route_spellings([("zh", "李顯龍")])}
    (kept, _), counts = drop_route_collisions([lee, other], routes)
    assert "Ly Hien Long" not in kept.variants
    assert "Ly Hien Long" not in dict(kept.fixes)
    # Marks are compared away: the marked reading names the same man.
    assert "Lý Hiển Long" not in kept.variants
    # The other routes' spellings stay.
    assert "Li Xianlong" in kept.variants
    assert counts == {"name": 2, "english": 0}


def test_two_people_on_one_reading_are_both_left_alone() -> None:
    a = _person("A", "Person A", ("Tap Can Binh",))
    b = _person("B", "Person B", ("Tap Can Binh",))
    routes = {"A": {"Tap Can Binh"}, "B": {"Tap Can Binh"}}
    out, counts = drop_route_collisions([a, b], routes)
    assert [e.variants for e in out] == [(), ()]
    assert counts["name"] == 2


def test_a_reading_english_writes_for_itself_is_dropped() -> None:
    cai = _person("A", "Cai Qi", ("Cai Qi", "Thái Kỳ", "Thai Ky"))
    routes = {"A": route_spellings([("zh", "蔡奇")])}
    (kept,), counts = drop_route_collisions([cai], routes)
    assert "Thai Ky" not in kept.variants
    # With its marks it is no English phrase; three syllables are a name, not a phrase.
    assert "Thái Kỳ" in kept.variants
    assert counts == {"name": 0, "english": 1}


_FILE = """\
rules:
- id: NE-Q21001
  canonical: Moon Jae-in
  kind: person
  native:
    zh: 文在寅
  generated:
  - Wen Zaiyin
  tests:
  - in: Wen Zaiyin was mentioned on Monday.
    out: Moon Jae-in was mentioned on Monday.
- id: NE-Q1
  canonical: Kana Only
  kind: person
  native:
    ja: すが
  generated: []
"""


def test_the_tool_appends_the_route_to_generated_and_nothing_else() -> None:
    text, count = add_spellings(_FILE)
    assert count == 1
    rules = yaml.safe_load(text)["rules"]
    assert rules[0]["generated"] == ["Wen Zaiyin", "Van Tai Dan", "Văn Tại Dần"]
    assert rules[0]["tests"] == yaml.safe_load(_FILE)["rules"][0]["tests"]
    assert rules[1]["generated"] == []
    # Run again: nothing to add.
    assert add_spellings(text) == (text, 0)


def _clean(text: str, unsafe: bool = False) -> tuple[str, list[str]]:
    from cleaner import Config, clean_text

    result = clean_text(text, Config(grammar="none", unsafe_fixes=unsafe))
    return result.text, [s for f in result.findings for s in f.suggestions]


def test_a_reading_is_repaired_only_in_an_article_about_the_person() -> None:
    # Ly Hien Long may be a Vietnamese person: in an article about Vietnam it is a
    # suggestion, not a fix.
    about_vietnam = "Vietnamese official Ly Hien Long spoke in Hanoi on Tuesday.\n"
    text, suggestions = _clean(about_vietnam)
    assert text == about_vietnam
    assert "Lee Hsien Loong" in suggestions
    assert _clean(about_vietnam, unsafe=True)[0] == about_vietnam.replace(
        "Ly Hien Long", "Lee Hsien Loong"
    )
    # The family name inside the reading does not say the article is about the person.
    kim = "Vietnamese official Kim Dai Trung spoke in Hanoi on Tuesday.\n"
    assert _clean(kim)[0] == kim
    # The person's country, also as the word it opens, makes it a fix.
    text, _ = _clean("Singaporean Prime Minister Ly Hien Long spoke on Tuesday.\n")
    assert text == "Singaporean Prime Minister Lee Hsien Loong spoke on Tuesday.\n"


def test_the_country_a_title_names_counts_too() -> None:
    # Wang Yi's rule has no context; his title ends in "of the People's Republic of China",
    # and "China" is its last word.
    text, _ = _clean("China will respond, Foreign Minister Vương Nghị told reporters.\n")
    assert text == "China will respond, Foreign Minister Wang Yi told reporters.\n"


def _chinese(id_: str, canonical: str, native: str, variants: tuple[str, ...]) -> Entity:
    return Entity(
        id_,
        canonical,
        "person",
        native=native,
        variants=variants,
        fixes=tuple((v, canonical) for v in variants),
        context=("Taiwan",),
    )


def test_a_spelling_that_is_another_persons_name_read_another_way_is_dropped() -> None:
    # 陳 reads Chin in Japanese in two people's spellings; before Chen Chu's given name as
    # English writes it, it names her (陳菊), though it is Sean Chen's (陳冲) Japanese reading.
    sean = _chinese("sean", "Sean Chen", "陳冲", ("Chen Chong", "Chin Chu", "Chin Chuu"))
    chu = _chinese("chu", "Chen Chu", "陳菊", ("Chen Ju", "Chin Kiku"))
    shui = _chinese("shui", "Chen Shui-bian", "陳水扁", ("Chen Shuibian", "Chin Suihen"))
    (kept, *rest), dropped = drop_family_reading_collisions([sean, chu, shui])
    assert dropped == 1
    assert "Chin Chu" not in kept.variants and "Chin Chu" not in dict(kept.fixes)
    assert "Chin Chuu" in kept.variants  # no one else's name
    assert [e.variants for e in rest] == [chu.variants, shui.variants]
    # A reading one person's spellings give is theirs: nothing to read into others.
    chu_pinyin = _chinese("chu", "Chen Chu", "陳菊", ("Chen Ju",))
    (alone, _), none = drop_family_reading_collisions([sean, chu_pinyin])
    assert none == 0 and "Chin Chu" in alone.variants
    # A newsroom that lists the spelling by hand for him keeps it.
    (listed, *_), kept_count = drop_family_reading_collisions(
        [sean, chu, shui], {"sean": {"Chin Chu"}}
    )
    assert kept_count == 0 and "Chin Chu" in listed.variants
