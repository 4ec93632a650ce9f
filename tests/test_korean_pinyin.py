"""NE914: a Korean name read through Chinese when the gazetteer has no hanja for it.

The matcher is built from the English name (or Hangul) alone; these tests hide the hanja of
people whose hanja the shipped gazetteer does know and check that the pinyin of the real
hanja is accepted, that a Chinese name in a Korean article is not taken, and that the
tables cost nothing to an article with no candidate run.
"""

from __future__ import annotations

import dataclasses

import pytest
from pypinyin import lazy_pinyin

from cleaner.config import Config
from cleaner.detectors import korean_pinyin
from cleaner.detectors.names import NameIndex
from cleaner.model import FixSafety
from cleaner.rules.entity import Entity
from cleaner.rules.rulebook import load_lexicon
from cleaner.stages.detect import Detectors
from cleaner.textview import as_view

KIM = Entity(
    "kkh",
    "Kim Keon-hee",
    "person",
    surname="Kim",
    titles=("First Lady of South Korea",),
    context=("South Korea",),
    gender="female",
)
KIM_JG = Entity(
    "kgh",
    "Kim Geon-hui",  # invented: a second Korean person whose name reads as Kim's
    "person",
    surname="Kim",
    context=("South Korea",),
)
XI = Entity("xi", "Xi Jinping", "person", surname="Xi", native="习近平", context=("China",))
KOREA = Entity("south-korea", "South Korea", "place")
# Real hanja of people the shipped gazetteer knows (people_world.yaml, officeholders.yaml):
# the matcher must accept their pinyin from the English name alone.
KNOWN_HANJA = {
    "Yoon Suk Yeol": "尹錫悅",
    "Han Duck-soo": "韓悳洙",
    "Lee Jae-myung": "李在明",
    "Cho Kuk": "曺國",
    "Kang Kyung-wha": "康京和",
    "Lee Nak-yon": "李洛淵",
    "Hong Joon-pyo": "洪準杓",
    "Ban Ki-moon": "潘基文",
    "Lee Myung-bak": "李明博",
    "Moon Jae-in": "文在寅",
    "Kim Dae-jung": "金大中",
    "Park Geun-hye": "朴槿惠",
    "Han Seung-soo": "韓昇洙",
}


def _stage(*people: Entity) -> Detectors:
    return Detectors(Config(), entities=(*people, KOREA))


def _clean(stage: Detectors, text: str) -> str:
    out = text
    for hit in sorted(stage.hits(text), key=lambda h: -h.start):
        if hit.rule == korean_pinyin.RULE and hit.suggestions:
            out = out[: hit.start] + hit.suggestions[0] + out[hit.end :]
    return out


def _pinyin(hanja: str) -> str:
    family, *given = lazy_pinyin(hanja)
    family = "piao" if hanja[0] == "朴" else family
    return f"{family.capitalize()} {''.join(given).capitalize()}"


def test_the_first_lady_after_her_role_and_in_an_article_naming_korea() -> None:
    stage = _stage(KIM, XI)
    assert _clean(stage, "South Korean First Lady Jin Jianxi spoke.") == (
        "South Korean First Lady Kim Keon-hee spoke."
    )
    assert _clean(stage, "In South Korea, Jin Jian-xi met voters.") == (
        "In South Korea, Kim Keon-hee met voters."
    )


def test_korea_in_any_form_confirms() -> None:
    stage = _stage(KIM, XI)
    text = "The Korea Economy said Jin Jianxi watched a show."
    assert _clean(stage, text) == "The Korea Economy said Kim Keon-hee watched a show."


def test_nothing_without_the_role_or_the_country() -> None:
    stage = _stage(KIM, XI)
    assert _clean(stage, "Jin Jianxi visited Beijing on Monday.") == (
        "Jin Jianxi visited Beijing on Monday."
    )


def test_every_syllable_must_be_one_of_the_persons_readings() -> None:
    stage = _stage(KIM, XI)
    for text in ("In South Korea, Jin Jianguo met voters.", "In South Korea, Jin Jian-guo met."):
        assert _clean(stage, text) == text


def test_two_people_who_both_match_are_neither() -> None:
    stage = _stage(KIM, KIM_JG, XI)
    text = "In South Korea, Jin Jianxi met voters."
    assert _clean(stage, text) == text  # Kim Geon-hui reads the same: nobody is sure
    assert _clean(_stage(KIM, XI), text) == "In South Korea, Kim Keon-hee met voters."


def test_a_gazetteer_name_is_its_own_persons() -> None:
    # ``Han Jin`` is a Chinese person's generated spelling (left for the rule stage, which
    # runs before the detectors): it reads as Han Geon too, and stays the Chinese person's.
    han = Entity(
        "han", "Han Jian", "person", surname="Han", variants=("Han Jin",), context=("China",)
    )
    kang = Entity("kang", "Han Geon", "person", surname="Han", context=("South Korea",))
    stage = _stage(han, kang, XI)
    for text in ("Han Geon spoke. Han Jian met voters.", "Han Geon spoke. Han Jin met voters."):
        assert _clean(stage, text) == text
    assert _clean(stage, "Han Geon spoke. Han Qian met voters.") == (
        "Han Geon spoke. Han Geon met voters."
    )
    # A one-syllable given name is not split in two: ``Jieyun`` is no ``Ge`` + ``on``.
    text = "Han Geon spoke. In South Korea, Han Jieyun met voters."
    assert _clean(stage, text) == text


@pytest.mark.parametrize("name", sorted(KNOWN_HANJA))
def test_the_real_hanjas_pinyin_is_accepted_from_the_english_name(name: str) -> None:
    person = Entity("p", name, "person", surname=name.split()[0], context=("South Korea",))
    index = NameIndex.build((person,), load_lexicon(Config()))
    ((_, shape),) = korean_pinyin.korean_people(index)
    run = tuple(_pinyin(KNOWN_HANJA[name]).split())
    assert korean_pinyin.matches(run, shape), (name, run, shape)


def test_every_informal_spelling_reads_as_some_syllable() -> None:
    index = NameIndex.build((KOREA,), load_lexicon(Config()))
    tables = korean_pinyin._Tables.of(index)
    dead = [k for k in tables.informal if not tables.hangul(k)]
    assert not dead
    assert tables.hangul("Keon") == {"건"}
    # McCune-Reischauer without its marks only where neither RR nor the table reads it:
    # ``Bo`` is 보 alone, ``Tuk`` (no RR syllable) 특 (MR t for RR t, u for eu).
    assert tables.hangul("Bo") == {"보"} and tables.hangul("Tuk") == {"특"}
    assert "이" in tables.hangul("Lee") and "박" in tables.hangul("Park")


def test_every_family_entry_has_pinyin_readings() -> None:
    index = NameIndex.build((KOREA,), load_lexicon(Config()))
    tables = korean_pinyin._Tables.of(index)
    assert len(tables.family) >= 80
    assert all(v and all(r.isascii() and r.isalpha() for r in v) for v in tables.family.values())
    assert tables.family["김"] == {"jin"} and tables.family["박"] == {"piao"}


def test_an_article_with_no_candidate_run_builds_nothing() -> None:
    stage = _stage(KIM, XI)
    # (A capitalised word right after a role's word, "South Korea", is read as a family name
    # through Chinese characters, which builds the Korean people's readings: none here.)
    stage.hits(as_view("The minister spoke in Seoul on Monday about the peninsula."))
    assert "korean_people" not in stage.index.cache
    stage.hits(as_view("In South Korea, Jin Jianxi met voters."))
    assert "korean_people" in stage.index.cache


def test_another_role_or_china_before_the_run_is_someone_elses() -> None:
    stage = _stage(KIM, XI)
    for text in (
        "South Korean President Jin Jianxi met officials in Seoul.",  # she is no president
        "In South Korea, China's ambassador Jin Jianxi met officials.",
    ):
        assert _clean(stage, text) == text
    # The sentence's first word is no role: ``Meanwhile`` opens it.
    assert _clean(stage, "South Korea votes. Meanwhile Jin Jianxi met officials.") == (
        "South Korea votes. Meanwhile Kim Keon-hee met officials."
    )


def test_a_name_written_given_name_first_is_read_family_last() -> None:
    han = Entity("dh", "Dong-hoon Han", "person", surname="Han", context=("South Korea",))
    index = NameIndex.build((han,), load_lexicon(Config()))
    ((_, shape),) = korean_pinyin.korean_people(index)
    assert korean_pinyin.matches(("Han", "Dongxun"), shape)  # 韓東勳
    assert not korean_pinyin.matches(("Dong", "Hanxun"), shape)


def test_a_one_syllable_given_name_needs_more_than_korea() -> None:
    cho = Entity(
        "cho",
        "Cho Kuk",
        "person",
        surname="Cho",
        titles=("Minister of Justice of South Korea",),
        context=("South Korea",),
    )
    stage = _stage(cho, XI)
    text = "In South Korea, Zhao Guo spoke."  # two short words: many Chinese people's
    assert _clean(stage, text) == text
    assert _clean(stage, "Cho Kuk resigned. In South Korea, Zhao Guo spoke.") == (
        "Cho Kuk resigned. In South Korea, Cho Kuk spoke."
    )
    assert _clean(stage, "South Korean Justice Minister Zhao Guo spoke.") == (
        "South Korean Justice Minister Cho Kuk spoke."
    )


def test_a_one_syllable_given_name_in_a_korean_article_is_a_suggestion() -> None:
    cho = Entity("cho", "Cho Kuk", "person", surname="Cho", context=("South Korea",))
    stage = _stage(cho, XI)
    (hit,) = [h for h in stage.hits("In South Korea, Zhao Guo spoke.") if h.about == "cho"]
    assert (hit.rule, hit.suggestions, hit.fix) == ("NE901", ("Cho Kuk",), FixSafety.UNSAFE)
    # Korea not named: a pinyin name is a Chinese one far more often, nothing is said.
    assert not [h for h in stage.hits("In Beijing, Zhao Guo spoke.") if h.about == "cho"]


def _cap(word: str) -> str:
    """A list entry as an article writes it (the lexicon keeps words lower-case)."""
    return word.upper() if len(word) <= 4 and "'" not in word else word[:1].upper() + word[1:]


KOREA_WORDS = sorted(load_lexicon(Config()).words("korea-words"))
NOT_KOREA_WORDS = sorted(load_lexicon(Config()).words("not-korea-words"))


@pytest.mark.parametrize("word", KOREA_WORDS)
def test_every_korea_word_confirms(word: str) -> None:
    stage = _stage(KIM, XI)
    text = f"The {_cap(word)} office said Jin Jianxi watched a show."
    assert _clean(stage, text) == text.replace("Jin Jianxi", "Kim Keon-hee")
    # inside a hyphenated word it names nothing
    text = f"The Pan-{_cap(word)} office said Jin Jianxi watched a show."
    assert _clean(stage, text) == text


@pytest.mark.parametrize("word", NOT_KOREA_WORDS)
def test_every_other_country_word_before_the_run_is_someone_elses(word: str) -> None:
    stage = _stage(KIM, XI)
    text = f"In South Korea, the {_cap(word)} envoy Jin Jianxi met officials."
    assert _clean(stage, text) == text
    assert _clean(stage, text.replace(_cap(word), "new")) == text.replace(
        f"{_cap(word)} envoy Jin Jianxi", "new envoy Kim Keon-hee"
    )


@pytest.mark.parametrize("country", ["South Korea", "North Korea"])
def test_people_of_either_korean_country_are_read(country: str) -> None:
    person = Entity("p", "Kim Keon-hee", "person", surname="Kim", context=(country,))
    index = NameIndex.build((person,), load_lexicon(Config()))
    assert [e.id for e, _ in korean_pinyin.korean_people(index)] == ["p"]
    china = Entity("c", "Kim Keon-hee", "person", surname="Kim", context=("China",))
    assert korean_pinyin.korean_people(NameIndex.build((china,), load_lexicon(Config()))) == []


def test_every_mccune_reischauer_initial_is_read() -> None:
    index = NameIndex.build((KOREA,), load_lexicon(Config()))
    initials = korean_pinyin._Tables.of(index).mr_initials
    assert len(initials) == 4
    for mr, rr in initials:
        assert rr + "ong" in korean_pinyin._mr_forms(mr + "ong", initials), (mr, rr)
    assert "jong" in korean_pinyin._mr_forms("chong", initials)  # ch read before a c/h alone


def test_a_rule_file_adds_readings_to_a_syllable() -> None:
    # 姬 hui is no reading the shipped table gives 희 (its floor keeps the common hanja): a
    # newsroom whose sources write it adds it in a table of its own rule file.
    lexicon = load_lexicon(Config())
    more = dataclasses.replace(
        lexicon, tables={**lexicon.tables, "korean-hanja-readings": (("희", ("Hui",)),)}
    )
    for lex, expected in ((lexicon, False), (more, True)):
        [(_, shape)] = korean_pinyin.korean_people(NameIndex.build((KIM, KOREA), lex))
        assert korean_pinyin.matches(["Jin", "Jianhui"], shape) is expected
        assert korean_pinyin.matches(["Jin", "Jianxi"], shape)  # the shipped ones stay
