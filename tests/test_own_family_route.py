"""The own-family route: the family name as the person spells it, the given name read from
its characters as pinyin (``Lee Xianlong`` for Lee Hsien Loong, ``Gou Taiming`` for Terry
Gou), which a Chinese source or engine that knows the famous family's spelling writes.

The spellings are derived when the gazetteer is built (``translit.own_family_names``), are
repaired only in an article about the person, and are never a near-miss's target.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import Config, clean_text
from cleaner.model import FixSafety
from cleaner.rules.entity import Entity
from cleaner.rules.route_collisions import drop_route_collisions
from cleaner.rules.rulebook import load_folders
from cleaner.rules.translit import own_family_names
from cleaner.rules.types.entity import EntityRule

CONFIG = Config(grammar="none")


def test_the_family_as_spelt_and_the_given_name_as_pinyin() -> None:
    names = own_family_names("李顯龍", "Lee", frozenset({"Li Xianlong"}))
    assert names == ("Lee Xianlong", "Lee Xian-Long", "Lee Xian Long")


def test_the_generated_pinyin_says_where_a_kanji_family_name_ends() -> None:
    # 岸田 | 文雄: two characters of family name, found without a kanji dictionary.
    names = own_family_names("岸田文雄", "Kishida", frozenset({"Antian Wenxiong"}))
    assert names[0] == "Kishida Wenxiong"
    # Without the pinyin spelling the split is unknown: nothing.
    assert own_family_names("岸田文雄", "Kishida", frozenset()) == ()


def test_nothing_for_a_pinyin_family_or_a_one_character_given_name() -> None:
    # A mainland name's family is spelt as pinyin: these are the generated spellings.
    assert own_family_names("習近平", "Xi", frozenset({"Xi Jinping"})) == ()
    # Park Jin (朴振): "Park Zhen" is too short to be anyone's for sure.
    assert own_family_names("朴振", "Park", frozenset({"Piao Zhen"})) == ()
    # Marks go: English text writes Asō as Aso.
    names = own_family_names("麻生太郎", "Asō", frozenset({"Masheng Tailang"}))
    assert names[0] == "Aso Tailang"


def _rule(tmp_path: Path, body: str) -> EntityRule:
    (tmp_path / "people.yaml").write_text(body, encoding="utf-8")
    rules, errors, _ = load_folders((tmp_path,))
    assert list(errors) == []
    (rule,) = rules
    assert isinstance(rule, EntityRule)
    return rule


_LEE = """\
defaults:
  type: entity
  message: "'{match}' is {fix}"
rules:
- id: NE901
  canonical: Lee Hsien Loong
  kind: person
  native: {zh: 李顯龍}
  surname: Lee
  titles: [Prime Minister of Singapore]
  context: [Singapore]
  generated: [Li Xianlong]
  tests:
  - in: Li Xianlong was mentioned on Monday.
    out: Lee Hsien Loong was mentioned on Monday.
"""


def test_the_spellings_are_fixes_gated_on_the_article_not_variants(tmp_path: Path) -> None:
    e = _rule(tmp_path, _LEE).to_entity()
    assert dict(e.fixes)["Lee Xianlong"] == "Lee Hsien Loong"
    assert "Lee Xianlong" in e.evidence
    # Not a near-miss's target: Kim Zhengri (Kim Jong Il) is no garble of Kim Zhengen.
    assert "Lee Xianlong" not in e.variants
    assert "Li Xianlong" in e.variants


_AKAZAWA = """\
defaults:
  type: entity
  message: "'{match}' is {fix}"
rules:
- id: NE901
  canonical: Ryosei Akazawa
  kind: person
  native: {ja: 赤沢亮正}
  context: [Japan]
  tests:
  - in: Chize Liangzheng was mentioned on Monday.
    out: Ryosei Akazawa was mentioned on Monday.
"""


def test_a_japanese_name_without_surname_has_its_family_name_last(tmp_path: Path) -> None:
    # English writes a Japanese name given name first, as Wikidata does: with no `surname`,
    # the family name is the last word, and the own-family spelling keeps it (not the
    # given name, "Ryosei Liangzheng", as a Chinese name's first word would be).
    e = _rule(tmp_path, _AKAZAWA).to_entity()
    assert e.surname == "Akazawa"
    assert "Akazawa Liangzheng" in e.evidence
    assert not [s for s, _ in e.fixes if s.startswith("Ryosei ")]
    # One written family name first says so with `surname`.
    (tmp_path / "first").mkdir()
    written = _AKAZAWA.replace("context:", "surname: Ryosei\n  context:")
    e = _rule(tmp_path / "first", written).to_entity()
    assert e.surname == "Ryosei"


def test_two_people_on_one_spelling_are_both_left_alone() -> None:
    def person(id_: str, name: str) -> Entity:
        return Entity(
            id_, name, "person", fixes=(("Lee Xianlong", name),), evidence=("Lee Xianlong",)
        )

    out, counts = drop_route_collisions([person("A", "A Lee"), person("B", "B Lee")], {})
    assert [dict(e.fixes) for e in out] == [{}, {}]
    assert counts["name"] == 2


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Singapore's Prime Minister Lee Xianlong spoke on Monday.", "Lee Hsien Loong"),
        ("South Korean President Yoon Xiyue spoke in Seoul.", "Yoon Suk Yeol"),
        ("Japanese Prime Minister Kishida Wenxiong spoke in Tokyo.", "Fumio Kishida"),
        ("Taiwan's former leader Lee Denghui died in Taipei.", "Lee Teng-hui"),
        # Kim Jong Un's hanja (金正恩), not Kim Jong Il's (金正日, Kim Zhengri).
        ("North Korean leader Kim Zhengen fired a missile.", "Kim Jong Un"),
    ],
)
def test_repaired_in_an_article_about_the_person(text: str, fixed: str) -> None:
    result = clean_text(text + "\n", CONFIG)
    assert fixed in result.text
    assert [e.fix for e in result.edits if e.new == fixed] == [FixSafety.SAFE]


def test_left_alone_where_nothing_says_it_is_about_them() -> None:
    # In China "Lee Xianlong" may be someone's own name: the spelling is not repaired.
    text = "Chinese official Lee Xianlong spoke in Beijing on Monday.\n"
    assert clean_text(text, CONFIG).text == text
