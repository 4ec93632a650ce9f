"""A family name alone after the role, as a source in Chinese characters reads it (NE913).

``Japanese Prime Minister Antian`` is Kishida through a Chinese source (岸田 read as pinyin);
the readings are the first words of the gazetteer's generated spellings
(``family_readings.generated_family_words``), or for a Korean name in Hangul the family
syllable's readings (NE914's tables). The role before the word must be that of people who
all bear one family name.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from cleaner import Config, clean_text
from cleaner.detectors import family_readings
from cleaner.detectors.names import NameIndex
from cleaner.model import FixSafety
from cleaner.rules.entity import Entity
from cleaner.rules.rulebook import load_lexicon
from cleaner.rules.translit import pinyin_syllables
from cleaner.stages.detect import Detectors


def _person(
    id_: str, name: str, family: str, office: str, country: str, *fixes: str, native: str = ""
) -> Entity:
    return Entity(
        id_,
        name,
        "person",
        surname=family,
        native=native or None,
        titles=(f"{office} of {country}",),
        context=(country,),
        fixes=tuple((f, name) for f in fixes),
    )


KISHIDA = _person(
    "kishida", "Fumio Kishida", "Kishida", "Prime Minister", "Japan", "Antian Wenxiong",
    native="岸田文雄",
)  # fmt: skip
SUGA = _person(
    "suga", "Yoshihide Suga", "Suga", "Prime Minister", "Japan", "Jian Yiwei", "Kan Yoshihide",
    native="菅義偉",
)  # fmt: skip
KAN = _person(
    "kan", "Naoto Kan", "Kan", "Minister of Finance", "Japan", "Jian Zhiren", native="菅直人"
)
LEE_HL = _person(
    "lhl", "Lee Hsien Loong", "Lee", "Prime Minister", "Singapore", "Li Xianlong",
    native="李顯龍",
)  # fmt: skip
LEE_JM = _person("ljm", "Lee Jae-myung", "Lee", "President", "South Korea", native="이재명")
LEE_MB = _person("lmb", "Lee Myung-bak", "Lee", "President", "South Korea", native="이명박")
YOON = _person("yoon", "Yoon Suk Yeol", "Yoon", "President", "South Korea", native="윤석열")
KIM = _person("kim", "Kim Sung-han", "Kim", "Foreign Minister", "South Korea", native="김성한")
PLACES = tuple(
    Entity(p.lower().replace(" ", "-"), p, "place")
    for p in ("Japan", "Singapore", "South Korea", "China")
)
LEXICON = load_lexicon(Config())


def _stage(*people: Entity) -> Detectors:
    return Detectors(Config(grammar="none"), entities=(*people, *PLACES))


def _repairs(stage: Detectors, text: str) -> list[tuple[str, str, str]]:
    return [
        (h.rule, text[h.start : h.end], h.suggestions[0] if h.suggestions else "")
        for h in stage.hits(text)
        if h.rule.startswith("NE")
    ]


def test_a_reading_after_the_role_is_the_family_name_everywhere() -> None:
    stage = _stage(KISHIDA, LEE_HL)
    text = "Japanese Prime Minister Antian spoke. Later Antian left."
    assert _repairs(stage, text) == [("NE913", "Antian", "Kishida")] * 2
    hit = stage.hits(text)[0]
    assert hit.fix is FixSafety.SAFE and hit.about == "kishida"


def test_a_short_reading_is_repaired_only_right_after_the_role() -> None:
    # "Li" is everyone's: the word after the role is Lee, the same word elsewhere is left.
    stage = _stage(KISHIDA, LEE_HL)
    text = "Singapore Prime Minister Li spoke. China's delegation was led by Li, a vice minister."
    assert _repairs(stage, text) == [("NE913", "Li", "Lee")]


@pytest.mark.parametrize(
    "text",
    [
        "Officials met Antian in Tokyo.",  # no role
        "Chinese Premier Antian spoke.",  # another country's role
        "Japanese Prime Minister Antian Wenxiong spoke.",  # a run: the whole name's rules
        "Japanese Prime Minister Antian I-wen spoke.",  # a run whose next word is one capital
    ],
)
def test_no_role_of_the_person_no_repair(text: str) -> None:
    stage = _stage(KISHIDA, LEE_HL)
    assert [r for r in _repairs(stage, text) if r[0] == "NE913"] == []


@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        ("Antian, the Japanese Prime Minister, spoke.", "Antian", "Kishida"),
        ("Officials met Antian, the Prime Minister of Japan.", "Antian", "Kishida"),
        # A short reading needs the country in the role, as before the name.
        ("Li, the Prime Minister of Singapore, spoke.", "Li", "Lee"),
    ],
)
def test_a_reading_with_the_role_in_apposition_after_it(text: str, old: str, new: str) -> None:
    stage = _stage(KISHIDA, LEE_HL)
    assert _repairs(stage, text) == [("NE913", old, new)]
    assert "own role after it" in stage.hits(text)[0].message


@pytest.mark.parametrize(
    "text",
    [
        "After meeting Antian, the Japanese Prime Minister said so.",  # the role is a subject
        "Antian, the Japanese Prime Minister, Fumio Kishida, spoke.",  # the next name's role
        "Antian, an adviser to the Japanese Prime Minister, spoke.",  # someone else's
        "Officials met Antian, the Chinese Premier.",  # another country's role
        "Li, the Prime Minister, spoke in Singapore.",  # a short reading: no country in it
        "Tom Antian, the Japanese Prime Minister, spoke.",  # a longer name
        # ... even when its first word is English: "Say" is Tsai through Greek.
        "Say Antian, the Japanese Prime Minister, spoke.",
        "Tom K Antian, the Japanese Prime Minister, spoke.",  # an initial before it
    ],
)
def test_no_role_of_the_person_in_apposition_no_repair(text: str) -> None:
    stage = _stage(KISHIDA, LEE_HL)
    assert [r for r in _repairs(stage, text) if r[0] == "NE913"] == []


def test_holders_of_the_role_with_one_family_name_give_it() -> None:
    # Two South Korean presidents named Lee: "Li" after the role is Lee, whichever is
    # meant, and the repair names no antecedent for a pronoun.
    stage = _stage(LEE_JM, LEE_MB, YOON)
    text = "South Korean President Li spoke on Monday."
    assert _repairs(stage, text) == [("NE913", "Li", "Lee")]
    assert stage.hits(text)[0].about == ""
    # One of 윤's readings (NE914's korean-family-readings: 尹 yin) names Yoon alone.
    text = "South Korean President Yin spoke on Monday."
    assert _repairs(stage, text) == [("NE913", "Yin", "Yoon")]


def test_holders_with_two_family_names_name_neither() -> None:
    # 菅 reads Jian for Suga and for Naoto Kan; both held Japan's offices.
    kan = _person(
        "kan", "Naoto Kan", "Kan", "Prime Minister", "Japan", "Jian Zhiren", native="菅直人"
    )
    stage = _stage(SUGA, kan)
    assert _repairs(stage, "Japanese Prime Minister Jian spoke.") == []
    assert _repairs(_stage(SUGA), "Japanese Prime Minister Jian spoke.") == [
        ("NE913", "Jian", "Suga")
    ]


def test_a_hand_written_person_without_context_has_the_country_their_title_ends_in() -> None:
    # A hand-written rule often has no ``context``: Naoto Kan's country is then the place
    # his title ends in, and Kan is still a family name Japan writes.
    kan = replace(KAN, context=())
    table = NameIndex.build((SUGA, kan, *PLACES), LEXICON).derived(
        "family_readings_after_role", family_readings.after_role_table
    )
    assert "kan" not in table
    assert "jian" in table
    assert _repairs(_stage(SUGA, kan), "Japanese Prime Minister Kan spoke.") == []


def test_a_family_name_the_country_writes_is_no_reading() -> None:
    # Suga's 菅 read the Japanese way is Kan, and Kan is a Japanese family name (Naoto Kan):
    # "Japanese Prime Minister Kan" may be Kan himself.
    stage = _stage(SUGA, KAN)
    assert "kan" not in NameIndex.build((SUGA, KAN), LEXICON).derived(
        "family_readings_after_role", family_readings.after_role_table
    )
    assert _repairs(stage, "Japanese Prime Minister Kan spoke.") == []


def test_a_korean_syllable_is_no_reading_of_a_korean() -> None:
    # 김 reads jin (金), but Jin is a Korean family name too (진): no repair into Kim.
    stage = _stage(KIM)
    assert _repairs(stage, "South Korean Foreign Minister Jin spoke.") == []
    table = NameIndex.build((KIM, YOON), LEXICON).derived(
        "family_readings_after_role", family_readings.after_role_table
    )
    assert "jin" not in table and [e.id for e, *_ in table["yin"]] == ["yoon"]


def test_a_korean_written_without_hangul_is_read_by_the_family_name_the_rule_gives() -> None:
    # No Hangul: NE914's tables read the family name off the English name. "Jong Ho Lee" is
    # written given name first (the rule's surname says Lee), and Jong may be a family name
    # too: its readings (鄭, Zheng) are no Lee's. Park Jin's is Park: Piao (朴) after his role.
    jong_ho_lee = _person("jhl", "Jong Ho Lee", "Lee", "Minister of Science", "South Korea")
    park_jin = _person("pj", "Park Jin", "Park", "Foreign Minister", "South Korea")
    stage = _stage(jong_ho_lee, park_jin)
    assert _repairs(stage, "South Korean Minister of Science Zheng spoke.") == []
    assert _repairs(stage, "South Korean Foreign Minister Piao spoke.") == [
        ("NE913", "Piao", "Park")
    ]


def test_a_korean_with_romanised_spellings_is_read_by_the_family_syllable_too() -> None:
    # Choi Sang-mok's generated spelling romanises his Hangul (Choe Sang-mok): a spelling,
    # no reading of a character. 최 reads cui (崔) in Chinese, after his role naming Korea.
    choi = _person(
        "choi", "Choi Sang-mok", "Choi", "Minister of Economy and Finance", "South Korea",
        "Choe Sang-mok", native="최상목",
    )  # fmt: skip
    stage = _stage(choi)
    text = "Minister of Economy and Finance of South Korea Cui spoke on Tuesday."
    assert _repairs(stage, text) == [("NE913", "Cui", "Choi")]
    # The office alone names no country: left.
    assert _repairs(stage, "Minister of Economy and Finance Cui spoke in Seoul.") == []


def test_the_shipped_gazetteer_gives_park_jin_his_family_name() -> None:
    # The importer read Park Jin (both words may be Korean family names) given name first,
    # and NE913 repaired Piao after his office into "Jin".
    text = "South Korean Foreign Minister Piao said the talks were useful.\n"
    assert clean_text(text, Config(grammar="none")).text == text.replace("Piao", "Park")


def test_a_family_name_as_a_russian_source_wrote_it_is_a_reading() -> None:
    # The routes through Russian write Nobuo Kishi "Nobuo Kisi" (Киси, given name first) and
    # Choi Sang-mok "Tsoj San Mok" (Цой, family name first): after the person's role the
    # family word alone is theirs. A word that romanises a Hangul syllable is a Korean's
    # reading only when the syllable is their own family name's: "Mun" (Moon Jae-in's 문, as
    # Russian and McCune-Reischauer write it) is Moon's, "Mun" is no Choi's.
    kishi = replace(
        _person("kishi", "Nobuo Kishi", "Kishi", "Minister of Defence", "Japan", "Nobuo Kisi"),
        through_cyrillic=("Nobuo Kisi",),
    )
    choi = replace(
        _person("choi", "Choi Sang-mok", "Choi", "Minister of Finance", "South Korea",
                "Tsoj San Mok", native="최상목"),
        through_cyrillic=("Tsoj San Mok",),
    )  # fmt: skip
    moon = replace(
        _person("moon", "Moon Jae-in", "Moon", "President", "South Korea", "Mun Chzhe In",
                native="문재인"),
        through_cyrillic=("Mun Chzhe In",),
    )  # fmt: skip
    stage = _stage(kishi, choi, moon)
    assert _repairs(stage, "Minister of Defence of Japan Kisi spoke.") == [
        ("NE913", "Kisi", "Kishi")
    ]
    assert _repairs(stage, "Minister of Finance of South Korea Tsoj spoke.") == [
        ("NE913", "Tsoj", "Choi")
    ]
    assert (
        "Russian or Ukrainian" in stage.hits("Minister of Defence of Japan Kisi spoke.")[0].message
    )
    assert _repairs(stage, "Officials met Kisi in Tokyo.") == []  # no role
    table = NameIndex.build((kishi, choi, moon), LEXICON).derived(
        "family_readings_after_role", family_readings.after_role_table
    )
    assert {"kisi", "tsoj", "mun"} <= set(table)
    assert [e.id for e, *_ in table["mun"]] == ["moon"]
    assert _repairs(stage, "President of South Korea Mun spoke.") == [("NE913", "Mun", "Moon")]


def test_where_a_route_spelling_writes_the_family_name_is_the_names_order() -> None:
    # A Japanese ambassador to Seoul has Korea in his title, but his name is written as a
    # Japanese one (given name first): the family word is the last, never "Koro".
    bessho = replace(
        _person("bessho", "Koro Bessho", "Bessho", "ambassador to South Korea", "Japan",
                "Koro Besso"),
        through_cyrillic=("Koro Besso",),
    )  # fmt: skip
    assert list(family_readings.cyrillic_family_words(bessho)) == ["Besso"]


def test_the_shipped_gazetteer_reads_a_family_name_through_russian() -> None:
    text = "Minister of Defence of Japan Kisi said the talks were useful.\n"
    assert clean_text(text, Config(grammar="none")).text == text.replace("Kisi", "Kishi")


def test_a_reordered_given_name_is_no_family_reading() -> None:
    # "Kan Yoshihide" is Suga's name in Japan's order, read the Japanese way: its first
    # word is a family reading; "Yoshihide Kan" would put the given name first.
    suga = _person(
        "suga", "Yoshihide Suga", "Suga", "Prime Minister", "Japan", "Yoshihide Kan",
        native="菅義偉",
    )  # fmt: skip
    assert list(family_readings.generated_family_words(suga)) == []
    assert list(family_readings.generated_family_words(SUGA)) == ["Jian", "Kan"]


def test_the_shipped_gazetteer_reads_kishida_and_tsai() -> None:
    config = Config(grammar="none")
    for role, written, want in [
        ("Japanese Prime Minister", "Antian", "Kishida"),
        ("Taiwanese President", "Cai", "Tsai"),
    ]:
        text = f"{role} {written} said the talks were useful.\n"
        assert clean_text(text, config).text == text.replace(written, want)
    text = "Chinese Premier Li said the talks were useful.\n"  # Li Qiang: the name itself
    assert clean_text(text, config).text == text


def test_a_role_written_in_lower_case_is_no_role_for_one_word() -> None:
    # 蔡 read the Sino-Vietnamese way is Thái: after "First Secretary" it is Cai Qi, but
    # "the first Thai royal" writes no role (Wikinews 0030), and "Thai" is an adjective there.
    cai = _person(
        "cai", "Cai Qi", "Cai", "First Secretary of the Secretariat of the Communist Party",
        "China", "Thai Ky", native="蔡奇",
    )  # fmt: skip
    stage = _stage(cai)
    assert _repairs(stage, "China's First Secretary Thai spoke.") == [("NE913", "Thai", "Cai")]
    text = "She ran for the party, making her the first Thai royal to seek office."
    assert _repairs(stage, text) == []


def test_a_reading_needs_the_role_to_name_the_country() -> None:
    # 江 of Akinori Eto (江渡) reads Giang in Vietnamese; "Minister of Defence Giang" in an
    # article about Vietnam is Vietnam's minister, and the office alone names no country.
    eto = _person(
        "eto", "Akinori Eto", "Eto", "Minister of Defence", "Japan", "Giang Do Thong Duc",
        native="江渡聡徳",
    )  # fmt: skip
    stage = _stage(eto)
    assert _repairs(stage, "Minister of Defence Giang spoke in Vietnam on Tuesday.") == []
    assert _repairs(stage, "Japanese Minister of Defence Giang spoke.") == [
        ("NE913", "Giang", "Eto")
    ]


def test_a_word_that_is_a_holder_s_own_name_is_theirs() -> None:
    # A Vietnamese defence minister whose name the gazetteer writes Giang holds a role the
    # words "Minister of Defence" also read: the word is his name, not Eto's reading.
    eto = _person(
        "eto", "Akinori Eto", "Eto", "Minister of Defence", "Japan", "Giang Do Thong Duc",
        native="江渡聡徳",
    )  # fmt: skip
    giang = replace(
        _person("giang", "Phan Van Giang", "Giang", "Minister of Defence", "Japan"),
        context=("Vietnam",),  # not Japan's family names: only the role makes it his
    )
    text = "Japanese Minister of Defence Giang spoke."
    assert _repairs(_stage(eto, giang), text) == []


def test_two_pinyin_syllables_need_the_office_and_the_country_anywhere() -> None:
    # 鈴木 (Suzuki) read as pinyin is "Lingmu": two syllables run together are a family name
    # of two characters, no common syllable, so the office alone (many countries have a
    # Minister of Finance) and Japan written anywhere in the article confirm it.
    suzuki = _person(
        "suzuki", "Shunichi Suzuki", "Suzuki", "Minister of Finance", "Japan", "Lingmu Junyi",
        native="鈴木俊一",
    )  # fmt: skip
    stage = _stage(suzuki, KAN)
    text = "Minister of Finance Lingmu spoke in Japan on Tuesday."
    assert _repairs(stage, text) == [("NE913", "Lingmu", "Suzuki")]
    assert _repairs(stage, "Minister of Finance Lingmu spoke on Tuesday.") == []
    # One syllable (菅 of Naoto Kan read as "Jian") is everyone's: the role must name Japan.
    assert _repairs(stage, "Minister of Finance Jian spoke in Japan on Tuesday.") == []
    assert _repairs(stage, "Japanese Minister of Finance Jian spoke.") == [("NE913", "Jian", "Kan")]


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("Antian", 2),  # 岸田: an-tian
        ("Jiangtian", 2),  # 江田
        ("Xian", 1),  # the fewest: one syllable, not xi-an
        ("Jian", 1),
        ("Duong", 0),  # Vietnamese: no pinyin run
        ("Ehe", 0),  # 額賀 e-he: a one-letter syllable is not counted
    ],
)
def test_pinyin_syllables_are_the_fewest_of_two_letters_or_more(word: str, syllables: int) -> None:
    assert pinyin_syllables(word) == syllables
