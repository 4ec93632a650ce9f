"""Names read through a Greek, Persian or Arabic source (cleaner/detectors/route_fold.py).

The fold's letter classes are data (rules/words/route_fold.yaml) with examples: each entry
must be needed by one of them, and the repairs happen only under the confirmations the
other near-miss rules take (the person's role right before the name, or their country in
the article), for a key one person alone folds to.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from cleaner.config import Config
from cleaner.detectors import route_fold
from cleaner.detectors.names import Transliteration
from cleaner.detectors.route_fold import RouteFold
from cleaner.model import FixSafety
from cleaner.rules.entity import Entity
from cleaner.rules.rulebook import load_lexicon
from cleaner.stages.detect import Detectors

LEXICON = load_lexicon(Config())
FOLDS = {f.route: f for f in route_fold.route_folds(LEXICON)}
EXAMPLES = [(a, f"{r}-fold", b) for a, (r, b) in LEXICON.table("route-fold-examples")]
APART = [(a, f"{r}-fold", b) for a, (r, b) in LEXICON.table("route-fold-apart")]


def _person(name: str, native: str | None, office: str, country: str) -> Entity:
    """A titled person of ``country``; the family name is the canonical's word that the
    native order puts first for an East Asian name, else the last."""
    words = name.split()
    family = words[-1] if native is None or name == "Fumio Kishida" else words[0]
    return Entity(
        family.lower(),
        name,
        "person",
        surname=family,
        native=native,
        titles=(f"{office} of {country}",),
        context=(country,),
    )


PLACES = ("South Korea", "Japan", "Taiwan", "Singapore", "Thailand")
PEOPLE = (
    _person("Yoon Suk Yeol", "윤석열", "President", "South Korea"),
    _person("Fumio Kishida", "岸田文雄", "Prime Minister", "Japan"),
    _person("Tsai Ing-wen", "蔡英文", "President", "Taiwan"),
    _person("Lawrence Wong", "黄循财", "Prime Minister", "Singapore"),
    _person("Lai Ching-te", "賴清德", "President", "Taiwan"),
    _person("Prayut Chan-o-cha", None, "Prime Minister", "Thailand"),
    *(Entity(p.lower().replace(" ", "-"), p, "place") for p in PLACES),
)
STAGE = Detectors(Config(grammar="none"), entities=PEOPLE)


def _repairs(text: str) -> list[tuple[str, str, str, FixSafety]]:
    return [
        (h.rule, text[h.start : h.end], h.suggestions[0] if h.suggestions else "", h.fix)
        for h in STAGE.hits(text)
    ]


def _role_repairs(text: str, *people: Entity) -> list[tuple[str, str]]:
    """NE913's repairs in ``text`` by a stage of ``people`` and the places: (old, new)."""
    stage = Detectors(Config(grammar="none"), entities=(*people, *PEOPLE[-5:]))
    return [
        (text[h.start : h.end], h.suggestions[0]) for h in stage.hits(text) if h.rule == "NE913"
    ]


def test_each_example_folds_alike_through_its_route_and_apart_ones_do_not() -> None:
    assert EXAMPLES and APART
    assert [(a, b) for a, r, b in EXAMPLES if FOLDS[r].key(b) not in FOLDS[r].keys(a)] == []
    assert [(a, b) for a, r, b in APART if FOLDS[r].key(b) in FOLDS[r].keys(a)] == []


def test_every_entry_of_the_fold_tables_is_needed_by_an_example() -> None:
    # Dropping one entry must part an example or join an apart pair: an entry no example
    # needs is knowledge nobody checked.
    unneeded = []
    for route, fold in FOLDS.items():
        for i, (pattern, *_values) in enumerate(fold.steps):
            without = RouteFold(route, fold.steps[:i] + fold.steps[i + 1 :])
            parted = [
                a for a, r, b in EXAMPLES if r == route and without.key(b) not in without.keys(a)
            ]
            joined = [a for a, r, b in APART if r == route and without.key(b) in without.keys(a)]
            if not parted and not joined:
                unneeded.append((route, pattern.pattern))
    assert unneeded == []


SOUNDS = route_fold.pinyin_sounds(LEXICON)
HEARD = [(a, f"{r}-fold", b, c) for a, (r, b, c) in LEXICON.table("pinyin-sound-examples")]


def _heard_key(fold: RouteFold, name: str, chars: str, sounds: route_fold.Sounds) -> str:
    """The key of a Chinese person's pinyin name as it sounds (``Shi Jinping``), or of the
    name itself when nothing is heard otherwise."""
    person = Entity(name.lower(), name, "person", native=chars)
    return fold.key((*route_fold.heard(person, sounds), name)[0])


def test_each_pinyin_name_folds_as_it_sounds_and_every_sound_entry_is_needed() -> None:
    # Persian and Arabic write Xi as "Shi", Greek as "Si": the pinyin's letters are not
    # what a script that writes by sound writes.
    assert HEARD
    assert [
        (a, b) for a, r, b, c in HEARD if _heard_key(FOLDS[r], b, c, SOUNDS) not in FOLDS[r].keys(a)
    ] == []
    unneeded = []
    for i, (pattern, _value) in enumerate(SOUNDS):
        without = SOUNDS[:i] + SOUNDS[i + 1 :]
        if all(_heard_key(FOLDS[r], b, c, without) in FOLDS[r].keys(a) for a, r, b, c in HEARD):
            unneeded.append(pattern.pattern)
    assert unneeded == []


@pytest.mark.parametrize(
    ("name", "chars"),
    [
        ("Lai Ching-te", "賴清德"),  # Wade-Giles: spelt as it sounds already
        ("Fumio Kishida", "岸田文雄"),  # a Japanese reading, not the pinyin
        ("Wang Yi", "王毅"),  # nothing in it a script writes otherwise
    ],
)
def test_only_a_pinyin_name_that_sounds_otherwise_is_heard(name: str, chars: str) -> None:
    assert route_fold.heard(Entity("x", name, "person", native=chars), SOUNDS) == ()


def test_a_pinyin_name_is_heard_joined_and_a_syllable_a_word() -> None:
    xi = Entity("x", "Xi Jinping", "person", native="习近平")
    assert route_fold.heard(xi, SOUNDS) == ("Shi Jinping", "Shi Jin Ping")
    # Nothing sounds otherwise, but Arabic writes each syllable as a word.
    wang = Entity("w", "Wang Huning", "person", native="王沪宁")
    assert route_fold.heard(wang, SOUNDS) == ("Wang Hu Ning",)


def test_a_pinyin_name_written_as_it_sounds_is_repaired_after_the_persons_role() -> None:
    from cleaner import clean_text

    text = "Chinese President Shi Jinping met Putin. Later Shi Jinping left.\n"
    result = clean_text(text, Config(grammar="none"))
    assert result.text == text.replace("Shi Jinping", "Xi Jinping")
    assert {e.rule for e in result.edits if e.old == "Shi Jinping"} == {"NE913"}
    # Through Arabic: a syllable a word, and ب for the p.
    text = "Chinese President Shi Jin Bing met Putin.\n"
    assert clean_text(text, Config(grammar="none")).text == text.replace(
        "Shi Jin Bing", "Xi Jinping"
    )
    # In an article that names him in full, with no role before it.
    text = "Xi Jinping arrived in Moscow. Later, Shi Jinping said China was ready.\n"
    assert clean_text(text, Config(grammar="none")).text == text.replace(
        "Shi Jinping", "Xi Jinping", 1
    ).replace("Later, Shi Jinping", "Later, Xi Jinping")
    # Without the role, a country alone does not confirm it: "Shi" is a word English
    # writes (a Chinese family name), so it stays a suggestion.
    kept = "Shi Jinping arrived in China on Monday.\n"
    result = clean_text(kept, Config(grammar="none"))
    assert result.text == kept
    assert [(f.rule, f.fix) for f in result.findings if f.text == "Shi Jinping"] == [
        ("NE901", "unsafe")
    ]


@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        ("South Korean President Giun Sok Giol spoke on Monday.", "Giun Sok Giol", "Yoon Suk Yeol"),
        (
            "Japanese Prime Minister Foumio Kisinta spoke on Monday.",
            "Foumio Kisinta",
            "Fumio Kishida",
        ),
        ("South Korean President Yun Suk Yul spoke on Monday.", "Yun Suk Yul", "Yoon Suk Yeol"),
        ("President of Taiwan Tsai Ingk-ouen spoke on Monday.", "Tsai Ingk-ouen", "Tsai Ing-wen"),
        # Arabic: تش for ch, read back tsh
        ("President of Taiwan Lai Tshing-ti spoke on Monday.", "Lai Tshing-ti", "Lai Ching-te"),
    ],
)
def test_a_route_spelling_right_after_the_persons_role_is_repaired(
    text: str, old: str, new: str
) -> None:
    assert _repairs(text) == [("NE913", old, new, FixSafety.SAFE)]


def test_a_greek_chi_is_read_as_an_h_too() -> None:
    # Greek writes an East Asian h as χ, read back "ch": "Chan" may be Han (or Chan).
    han = _person("Han Duck-soo", "한덕수", "Prime Minister", "South Korea")
    stage = Detectors(Config(grammar="none"), entities=(han, PEOPLE[-5]))
    text = "South Korean Prime Minister Chan Ntok-sou spoke on Monday."
    assert [(h.rule, text[h.start : h.end], h.suggestions[0]) for h in stage.hits(text)] == [
        ("NE913", "Chan Ntok-sou", "Han Duck-soo")
    ]


def test_a_full_name_in_an_article_naming_the_persons_country_is_repaired() -> None:
    text = "Foumio Kisinta arrived in Japan on Monday."
    assert _repairs(text) == [("NE911", "Foumio Kisinta", "Fumio Kishida", FixSafety.SAFE)]


@pytest.mark.parametrize(
    "text",
    [
        "Officials met Foumio Kisinta in Paris on Monday.",  # no role, no country
        "Chinese Prime Minister Foumio Kisinta spoke on Monday.",  # another country's role
        "Lai Tsingk-te arrived in Taiwan on Monday.",  # the family name the person's own
        "Officials met Yun Suk Yul in South Korea.",  # the changed words English writes
    ],
)
def test_unconfirmed_it_is_only_a_suggestion(text: str) -> None:
    assert [(r, f) for r, _, _, f in _repairs(text)] == [("NE901", FixSafety.UNSAFE)]


@pytest.mark.parametrize(
    "text",
    [
        "South Korean President Yoon Suk Yeol met Japanese Prime Minister Fumio Kishida.",
        "Prime Minister of Thailand Prayuth Chan-o-cha spoke in Thailand.",  # another spelling
        "Prayuth Chan-o-cha spoke in Thailand.",
        "Mr Kisinta and Mr Foumio spoke in Japan.",  # no full name
    ],
)
def test_a_right_name_or_another_spelling_of_it_is_left_alone(text: str) -> None:
    assert [r for r in _repairs(text) if r[3] is not FixSafety.NONE] == []


def test_another_spelling_right_by_the_persons_role_is_reported_without_a_fix() -> None:
    # The role says whose name it is; the spelling is one professionals write (Prayuth),
    # or one the gazetteer does not know: a reader decides, so nothing is rewritten.
    text = "Prime Minister of Thailand Prayuth Chan-o-cha spoke in Thailand."
    assert _repairs(text) == [("NE901", "Prayuth Chan-o-cha", "", FixSafety.NONE)]
    assert _repairs("Prayuth Chan-o-cha spoke in Thailand.") == []  # no role: nothing said
    assert _repairs("Prime Minister of Japan Prayuth Chan-o-cha spoke.") == []  # not his role


def test_another_spelling_of_a_name_that_is_not_east_asian_is_not_the_routes_to_repair() -> None:
    # Wong without a native name is romanised as English writes names: "Vong" differs by
    # transliteration alone (w/v), so the full-name rules' reading of another spelling
    # holds: right by his role the route reports it, and rewrites nothing.
    wong = _person("Lawrence Wong", None, "Prime Minister", "Singapore")
    stage = Detectors(Config(grammar="none"), entities=(wong, PEOPLE[-2]))
    text = "Singapore Prime Minister Lorens Vong spoke on Monday."
    routes = [h for h in stage.hits(text) if "Greek" in h.reason or "Persian" in h.reason]
    assert [(h.rule, text[h.start : h.end], h.fix) for h in routes] == [
        ("NE901", "Lorens Vong", FixSafety.NONE)
    ]
    assert [h for h in stage.hits(text) if h.suggestions] == []
    # with a native name in Chinese characters it is romanised whole: a garble
    assert _repairs(text) == [("NE913", "Lorens Vong", "Lawrence Wong", FixSafety.SAFE)]


def test_a_name_written_in_latin_at_home_is_repaired_given_name_and_all() -> None:
    # Argentina writes names in the Latin alphabet (latin-name-countries): "Tzavier" is
    # Javier through Greek, a spelling English never writes and no name spells, not one of
    # his. A given name English does write ("Martin" for Quebec's Martine Biron) may be
    # the writer's own: left to the full-name rules, which leave a given name's variants.
    milei = _person("Javier Milei", None, "President", "Argentina")
    biron = _person("Martine Biron", None, "Minister of International Relations", "Quebec")
    places = (Entity("argentina", "Argentina", "place"), Entity("quebec", "Quebec", "place"))
    stage = Detectors(Config(grammar="none"), entities=(milei, biron, *places))
    text = "President of Argentina Tzavier Milei spoke on Monday."
    assert [(h.rule, text[h.start : h.end], h.suggestions, h.fix) for h in stage.hits(text)] == [
        ("NE913", "Tzavier Milei", ("Javier Milei",), FixSafety.SAFE)
    ]
    other = "Minister of International Relations of Quebec Martin Biron spoke on Monday."
    assert [h for h in stage.hits(other) if h.fix is FixSafety.SAFE] == []


def _safe(stage: Detectors, text: str) -> list[tuple[str, str, str]]:
    return [
        (h.rule, text[h.start : h.end], h.suggestions[0])
        for h in stage.hits(text)
        if h.fix is FixSafety.SAFE
    ]


def _given_name_stage(config: Config) -> Detectors:
    people = (
        _person("Elazar Stern", None, "Minister of Intelligence", "Israel"),
        _person("Meysam Latifi", None, "Vice President", "Iran"),
        _person("Paetongtarn Shinawatra", None, "Prime Minister", "Thailand"),
    )
    places = tuple(Entity(p.lower(), p, "place") for p in ("Israel", "Iran", "Thailand"))
    return Detectors(config, entities=(*people, *places))


def test_after_the_role_a_given_name_no_one_bears_is_a_garble() -> None:
    # Israel does not write names in the Latin alphabet, so a respelt given name may be
    # another romanisation; but "Ilazar" (Persian writes no short vowel, and MT guessed an
    # i) is in no list of the names people bear, while his own "Elazar" is: right after
    # his role, a garble.
    stage = _given_name_stage(Config(grammar="none"))
    text = "Minister of Intelligence of Israel Ilazar Stern spoke on Monday."
    assert _safe(stage, text) == [("NE913", "Ilazar Stern", "Elazar Stern")]
    # Without the role the given name is what tells two bearers of a family name apart.
    assert _safe(stage, "Officials met Ilazar Stern in Israel on Monday.") == []
    # A given name people bear ("Meisam") is a spelling, not a garble.
    assert _safe(stage, "Vice President of Iran Meisam Latifi spoke on Monday.") == []
    # Where the list lacks the person's own given name, a spelling the romanisations of
    # names vary in (professional-variants: ae or e, as Thai names are written) is the
    # person's.
    thai = "Prime Minister of Thailand Petongtarn Shinawatra spoke on Monday."
    assert _safe(stage, thai) == []


VARIANTS = LEXICON.table("professional-variant-examples")


def test_each_professional_variant_example_is_one_spelling_and_every_entry_is_needed() -> None:
    # The examples are spellings professionals write for one name, which the
    # transliteration-level equivalents alone keep apart; dropping an entry must part one.
    translit = Transliteration(LEXICON)
    assert VARIANTS
    assert [a for a, (b,) in VARIANTS if translit.spelling_key(a) == translit.spelling_key(b)] == []
    assert [
        a for a, (b,) in VARIANTS if translit.professional_key(a) != translit.professional_key(b)
    ] == []
    unneeded = []
    for i, (pattern, _value) in enumerate(translit.variants):
        without = Transliteration(LEXICON)
        without.variants = translit.variants[:i] + translit.variants[i + 1 :]
        if all(without.professional_key(a) == without.professional_key(b) for a, (b,) in VARIANTS):
            unneeded.append(pattern.pattern)
    assert unneeded == []


def test_a_given_name_only_the_route_equates_is_a_garble_right_by_the_role() -> None:
    # "Ntemeke" (Greek ντ for d) and "Demek" (Persian writes no final short vowel) are
    # Demeke through the route's letters alone: no romanisation of his name writes them, so
    # right after his role they are garbles. "Mamadu" is Mamadou as English writes it: a
    # spelling, reported and left.
    people = (
        _person("Demeke Mekonnen", None, "Minister of Foreign Affairs", "Ethiopia"),
        _person("Mamadou Tangara", None, "Minister of Foreign Affairs", "The Gambia"),
    )
    places = tuple(Entity(p.lower(), p, "place") for p in ("Ethiopia", "The Gambia"))
    stage = Detectors(Config(grammar="none"), entities=(*people, *places))
    for written in ("Ntemeke Mekonen", "Demek Mekonen"):
        text = f"Minister of Foreign Affairs of Ethiopia {written} spoke on Monday."
        assert _safe(stage, text) == [("NE913", written, "Demeke Mekonnen")]
        # without the role, the given name is what tells two Mekonnens apart
        assert stage.hits(f"Officials met {written} in Ethiopia on Monday.") == []
    text = "Minister of Foreign Affairs of The Gambia Mamadu Tangara spoke on Monday."
    assert [(h.rule, text[h.start : h.end], h.fix) for h in stage.hits(text)] == [
        ("NE901", "Mamadu Tangara", FixSafety.NONE)
    ]


def test_a_newsrooms_given_names_are_names_someone_bears(tmp_path: Path) -> None:
    # The given-name list is data: a newsroom that adds "Ilazar" to its own
    # metadata/given-names.txt (an extend-rules folder) keeps that spelling.
    (tmp_path / "metadata").mkdir()
    (tmp_path / "metadata" / "given-names.txt").write_text("Ilazar\n", encoding="utf-8")
    stage = _given_name_stage(Config(grammar="none", extend_rules=(str(tmp_path),)))
    text = "Minister of Intelligence of Israel Ilazar Stern spoke on Monday."
    assert _safe(stage, text) == []


def test_the_same_words_elsewhere_take_the_same_repair() -> None:
    text = "South Korean President Giun Sok Giol spoke. Later Giun Sok Giol left."
    assert [(o, n) for _, o, n, _ in _repairs(text)] == [
        ("Giun Sok Giol", "Yoon Suk Yeol"),
        ("Giun Sok Giol", "Yoon Suk Yeol"),
    ]


def test_a_key_two_people_fold_to_names_neither_through_any_route() -> None:
    # Two people whose names meet through Persian and Arabic (no short vowels): "Mun Jae-in" is
    # either; through Greek it is only Moon Jae-in's, but the source may have been Persian.
    twins = (
        _person("Moon Jae-in", "문재인", "President", "South Korea"),
        _person("Min Jae-an", "민재안", "President", "South Korea"),
    )
    table, shared = route_fold._table(twins, route_fold.route_folds(LEXICON))
    assert shared == {"greek-fold": 0, "persian-fold": 1, "arabic-fold": 1}
    assert table["persian-fold"][FOLDS["persian-fold"].key("Mun Jae-in")] is None
    assert table["greek-fold"][FOLDS["greek-fold"].key("Mun Jae-in")] == (twins[0], "Moon Jae-in")
    stage = Detectors(Config(grammar="none"), entities=(*twins, PEOPLE[-5]))
    text = "South Korean President Mun Jae-in spoke on Monday."
    assert [h for h in stage.hits(text) if h.fix is FixSafety.SAFE] == []


def test_a_route_spelling_in_an_article_that_names_the_person_in_full_is_repaired() -> None:
    # The "correct form elsewhere": the article writes the name right, and later
    # as a Greek source gave it.
    text = "Yoon Suk Yeol arrived in Paris on Monday. Later, Giun Sok Giol said so."
    assert _repairs(text) == [("NE911", "Giun Sok Giol", "Yoon Suk Yeol", FixSafety.SAFE)]
    # Not in an article that names someone else in full.
    other = "Fumio Kishida arrived in Paris on Monday. Later, Giun Sok Giol said so."
    assert [r for r in _repairs(other) if r[3] is FixSafety.SAFE] == []


def test_a_shared_key_after_the_role_of_one_of_its_people_alone_is_theirs() -> None:
    # The same two names, one a minister: "President" names Moon Jae-in alone of the two.
    twins = (
        _person("Moon Jae-in", "문재인", "President", "South Korea"),
        _person("Min Jae-an", "민재안", "Minister of Finance", "South Korea"),
    )
    stage = Detectors(Config(grammar="none"), entities=(*twins, PEOPLE[-5]))
    text = "South Korean President Mun Jae-in spoke on Monday."
    assert [(h.rule, text[h.start : h.end], h.suggestions[0]) for h in stage.hits(text)] == [
        ("NE913", "Mun Jae-in", "Moon Jae-in")
    ]
    # So does the role in apposition after the name.
    text = "Mun Jae-in, the South Korean President, spoke on Monday."
    assert [(h.rule, text[h.start : h.end], h.suggestions[0]) for h in stage.hits(text)] == [
        ("NE913", "Mun Jae-in", "Moon Jae-in")
    ]
    # Without a role the fold still names neither.
    text = "Mun Jae-in spoke in South Korea on Monday."
    assert [h for h in stage.hits(text) if h.fix is FixSafety.SAFE] == []


@pytest.mark.parametrize(
    "text",
    [
        "President Giun Sok Giol said the talks would go on.",
        "The talks will go on, said President Giun Sok Giol.",
        "On Monday. Former President Giun Sok Giol said so.",  # a role modifier before it
    ],
)
def test_a_route_spelling_after_the_persons_one_word_office_alone_is_repaired(text: str) -> None:
    # News writes a leader after the bare office ("President Xi"): the office is the
    # person's own, and the run's key is theirs alone.
    assert _repairs(text) == [("NE913", "Giun Sok Giol", "Yoon Suk Yeol", FixSafety.SAFE)]
    hit = next(h for h in STAGE.hits(text))
    assert "own office (President)" in hit.message


@pytest.mark.parametrize(
    "text",
    [
        "Governor Giun Sok Giol said the talks would go on.",  # an office not his
        "Prime Minister Giun Sok Giol said so.",  # "Minister" after another word
        "Vice President Giun Sok Giol said so.",  # someone else's office
        "US President Giun Sok Giol said so.",  # another country's
        "Iran's President Giun Sok Giol said so.",
        "Vice-President Giun Sok Giol said so.",
        "Officials said President Giun said so.",  # the family name alone: too little
    ],
)
def test_an_office_that_is_not_the_persons_own_alone_does_not_confirm(text: str) -> None:
    assert [r for r in _repairs(text) if r[3] is FixSafety.SAFE] == []


@pytest.mark.parametrize(
    "text",
    [
        "Giun Sok Giol, the South Korean President, said the talks would go on.",
        "Giun Sok Giol, President of South Korea, said the talks would go on.",
        "Officials met Giun Sok Giol, the former President of South Korea.",
    ],
)
def test_a_route_spelling_with_the_persons_role_right_after_it_is_repaired(text: str) -> None:
    # News names a person and then the office as often as the other way round.
    assert _repairs(text) == [("NE913", "Giun Sok Giol", "Yoon Suk Yeol", FixSafety.SAFE)]
    assert "own role right after it" in STAGE.hits(text)[0].message


@pytest.mark.parametrize(
    "text",
    [
        "Giun Sok Giol, an adviser to the South Korean President, said so.",  # someone else
        "Giun Sok Giol, who met the President of South Korea, said so.",
        "Giun Sok Giol, the Japanese Prime Minister, said so.",  # not his office
        "Giun Sok Giol, the President, said so.",  # one word: the office alone after it
    ],
)
def test_a_phrase_after_the_name_that_is_not_only_the_persons_role_does_not_confirm(
    text: str,
) -> None:
    assert [r for r in _repairs(text) if r[3] is FixSafety.SAFE] == []


def test_a_one_word_office_does_not_settle_a_key_two_people_share() -> None:
    # A whole role ("South Korean President") names one of two people a key folds to; the
    # office alone is weaker and settles nothing, even when only one of them holds it.
    twins = (
        _person("Moon Jae-in", "문재인", "President", "South Korea"),
        _person("Min Jae-an", "민재안", "Minister of Finance", "South Korea"),
    )
    stage = Detectors(Config(grammar="none"), entities=(*twins, PEOPLE[-5]))
    text = "President Mun Jae-in spoke on Monday."
    assert [h for h in stage.hits(text) if h.fix is FixSafety.SAFE] == []


def test_known_words_after_the_bare_office_are_not_made_another_persons_name() -> None:
    # Every word of "Yun Suk Yul" is some name's own here (Yun Chung-hyun's, Yul Brynner's):
    # it may be someone's name. The office alone does not say it is Yoon Suk Yeol's; his
    # whole role does (a name romanised whole, read as a whole).
    people = (
        PEOPLE[0],
        _person("Yun Chung-hyun", "윤충현", "Minister of Education", "South Korea"),
        Entity("yul", "Yul Brynner", "person"),
    )
    stage = Detectors(Config(grammar="none"), entities=(*people, PEOPLE[-5]))
    text = "President Yun Suk Yul said the talks would go on."
    assert [h for h in stage.hits(text) if h.fix is FixSafety.SAFE] == []
    text = "South Korean President Yun Suk Yul said the talks would go on."
    assert [(h.rule, h.suggestions[0]) for h in stage.hits(text)] == [("NE913", "Yoon Suk Yeol")]
    # So does his whole role right after the name.
    text = "Yun Suk Yul, the South Korean President, said the talks would go on."
    assert [(h.rule, h.suggestions[0]) for h in stage.hits(text)] == [("NE913", "Yoon Suk Yeol")]


def test_a_pinyin_name_heard_after_the_bare_office_is_repaired() -> None:
    from cleaner import clean_text

    text = "President Shi Jinping said the talks would go on.\n"
    assert clean_text(text, Config(grammar="none")).text == text.replace("Shi", "Xi")
    kept = "Governor Shi Jinping said the talks would go on.\n"
    assert clean_text(kept, Config(grammar="none")).text == kept


def test_known_syllables_after_the_persons_own_role_are_read_as_their_name() -> None:
    # Lee Jae-myung through Persian is "Li Je-myung": every syllable is some Korean's or
    # Chinese person's (Li, Je, myung), which alone says nothing of a name romanised whole.
    # After his own role it is his name; without the role such a run stays a name, as Kim
    # Jong-sik (a rocket scientist) is no Kim Jung-sook, though Persian folds them alike.
    korea = (
        _person("Lee Jae-myung", "이재명", "President", "South Korea"),
        _person("Li Qiang", "李强", "Premier", "China"),
        _person("Kim Je-hyun", "김제현", "Minister of Justice", "South Korea"),
        _person("Han Myung-sook", "한명숙", "Prime Minister", "South Korea"),
        PEOPLE[-5],
    )
    stage = Detectors(Config(grammar="none"), entities=korea)
    text = "South Korean President Li Je-myung spoke on Monday."
    assert [(h.rule, text[h.start : h.end], h.suggestions[0], h.fix) for h in stage.hits(text)] == [
        ("NE913", "Li Je-myung", "Lee Jae-myung", FixSafety.SAFE)
    ]
    text = "Officials met Li Je-myung in South Korea on Monday."
    assert stage.hits(text) == []


# -- a family name alone after the role --------------------------------------------------

KISHIDA = PEOPLE[1]
# Another holder of Japan's office whose family name folds apart from Kishida's.
SUGA = Entity(
    "suga",
    "Yoshihide Suga",
    "person",
    surname="Suga",
    native="菅義偉",
    titles=("Prime Minister of Japan",),
    context=("Japan",),
)
# Two holders of one office whose family names fold alike through Greek (Kishida, Kisida).
KISIDA = Entity(
    "kisida",
    "Taro Kisida",
    "person",
    surname="Kisida",
    native="木下太郎",
    titles=("Prime Minister of Japan",),
    context=("Japan",),
)


def test_a_family_name_alone_after_the_role_is_repaired_through_the_fold() -> None:
    assert _repairs("Japanese Prime Minister Kisinta said the talks were useful.") == [
        ("NE913", "Kisinta", "Kishida", FixSafety.SAFE)
    ]
    # The same word elsewhere in the article takes the same repair.
    text = "Japanese Prime Minister Kisinta spoke. Later Kisinta left."
    assert [r[1:3] for r in _repairs(text)] == [("Kisinta", "Kishida")] * 2


@pytest.mark.parametrize(
    "text",
    [
        "Greek official Kisinta spoke in Athens.",  # no role of Kishida's before it
        "South Korean President Kisinta spoke.",  # another office: not Kishida's role
        "Japanese Prime Minister Kisinta Taro spoke.",  # a run of two: the run's reading
    ],
)
def test_a_family_name_alone_without_its_role_is_left(text: str) -> None:
    assert [r for r in _repairs(text) if r[2] == "Kishida"] == []


def test_a_family_name_of_three_letters_after_the_role() -> None:
    # Greek writes Abe as "Ampe": a word of four letters, read as a family name of three.
    abe = Entity(
        "abe",
        "Shinzo Abe",
        "person",
        surname="Abe",
        native="安倍晋三",
        titles=("Prime Minister of Japan",),
        context=("Japan",),
    )
    stage = Detectors(Config(grammar="none"), entities=(*PEOPLE, abe))
    text = "Japanese Prime Minister Ampe spoke on Tuesday."
    hits = [(text[h.start : h.end], h.suggestions) for h in stage.hits(text) if h.rule == "NE913"]
    assert hits == [("Ampe", ("Abe",))]
    text = "Japanese Prime Minister Abe spoke on Tuesday."  # the name itself
    assert [h for h in stage.hits(text) if h.rule == "NE913"] == []


def test_two_holders_whose_family_names_fold_alike_are_neither() -> None:
    stage = Detectors(Config(grammar="none"), entities=(*PEOPLE, SUGA, KISIDA))
    text = "Japanese Prime Minister Kisinta said the talks were useful."
    assert [h for h in stage.hits(text) if h.rule == "NE913"] == []
    stage = Detectors(Config(grammar="none"), entities=(*PEOPLE, SUGA))
    assert [text[h.start : h.end] for h in stage.hits(text) if h.rule == "NE913"] == ["Kisinta"]


def test_a_rare_english_word_after_a_role_that_names_the_country() -> None:
    # Persian writes Wong's w as v: "Vong", a name English writes now and then (wordfreq
    # 2.1), is Lawrence Wong's family name after a role that names Singapore; the office
    # alone could be another country's (a Vong of Laos), so it is left there.
    wong = replace(PEOPLE[3], surname="Wong")
    text = "Singapore's Prime Minister Vong spoke on Tuesday."
    assert _role_repairs(text, wong) == [("Vong", "Wong")]
    text = "Prime Minister of Singapore Vong spoke on Tuesday."
    assert _role_repairs(text, wong) == [("Vong", "Wong")]
    assert _role_repairs("Prime Minister Vong spoke in Singapore on Tuesday.", wong) == []


PANNIER = Entity(
    "pannier-runacher",
    "Agnès Pannier-Runacher",
    "person",
    surname="Pannier-Runacher",
    titles=("Minister for Energy Transition of France",),
    context=("France",),
)
SABAH = Entity(
    "al-sabah",
    "Sabah Al-Khalid Al-Sabah",
    "person",
    surname="Al-Sabah",
    titles=("Prime Minister of Kuwait",),
    context=("Kuwait",),
)


@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        # Persian writes no double letter and "ie" as i: a family name of two syllables
        (
            "French Minister for Energy Transition Panir-Runacher spoke on Tuesday.",
            "Panir-Runacher",
            "Pannier-Runacher",
        ),
        # Greek writes b as mp; the particle keeps the case the article gives it
        ("Prime Minister of Kuwait al-Sampa spoke on Tuesday.", "al-Sampa", "al-Sabah"),
        ("Prime Minister of Kuwait Al-Sampa's cabinet met.", "Al-Sampa", "Al-Sabah"),
        # lower-case syllables inside the name (Greek τσ for ch)
        ("Prime Minister of Thailand Tsan-o-tsa spoke on Tuesday.", "Tsan-o-tsa", "Chan-o-cha"),
    ],
)
def test_a_hyphenated_family_name_alone_after_the_role_is_repaired(
    text: str, old: str, new: str
) -> None:
    assert _role_repairs(text, *PEOPLE[:-5], PANNIER, SABAH) == [(old, new)]


@pytest.mark.parametrize(
    "text",
    [
        "Greek official Panir-Runacher spoke in Athens.",  # not her role
        "Minister for Energy Transition Panir-Runacher Lee spoke.",  # a run of names goes on
        "South Korean President Panir-Runacher spoke.",  # another office
        "Prime Minister of Japan al-Sampa spoke.",  # another country's
    ],
)
def test_a_hyphenated_word_that_is_no_holders_family_name_is_left(text: str) -> None:
    assert _role_repairs(text, *PEOPLE[:-5], PANNIER, SABAH) == []


WU = Entity(
    "wu",
    "Joseph Wu",
    "person",
    surname="Wu",
    titles=("Minister of Foreign Affairs of Taiwan",),
    context=("Taiwan",),
)
ETO = Entity(
    "eto",
    "Taku Eto",
    "person",
    surname="Eto",
    titles=("Minister of Agriculture of Japan",),
    context=("Japan",),
)
ITO = Entity(
    "ito", "Shintaro Ito", "person", surname="Ito", titles=("Governor",), context=("Japan",)
)


def test_a_short_family_name_after_a_role_that_names_the_country() -> None:
    # Persian writes w as v: "Vu" is Wu's family name after a role that names Taiwan.
    text = "Minister of Foreign Affairs of Taiwan Vu spoke on Tuesday."
    assert _role_repairs(text, WU) == [("Vu", "Wu")]
    # The office alone may be another country's (a Vietnamese minister Vu): left.
    assert _role_repairs("Minister of Foreign Affairs Vu spoke in Taiwan on Tuesday.", WU) == []


def test_a_short_word_that_the_persons_own_people_write_is_left() -> None:
    # Persian reads Eto's initial e as i: "Ito", but Ito is a Japanese family name too.
    text = "Minister of Agriculture of Japan Ito spoke on Tuesday."
    assert _role_repairs(text, ETO) == [("Ito", "Eto")]
    assert _role_repairs(text, ETO, ITO) == []


def test_a_short_word_a_source_in_characters_reads_as_another_family_name_is_left() -> None:
    # "Liu" is how a source in characters reads 柳 or 劉 (Korea's Yoo, Yu, Rhyu); Persian,
    # writing no vowel apart, folds the same three letters as Lee, who holds the office.
    # With a Korean Yoo in the gazetteer the word may be theirs: left, not made Lee's.
    lee = Entity(
        "lee",
        "Lee Ki-jun",
        "person",
        surname="Lee",
        native="이기준",
        titles=("Minister of Oceans and Fisheries of South Korea",),
        context=("South Korea",),
    )
    yoo = Entity(
        "yoo",
        "Yoo Jeong-bok",
        "person",
        surname="Yoo",
        native="유정복",
        titles=("Mayor of Incheon",),
        context=("South Korea",),
    )
    text = "Minister of Oceans and Fisheries of South Korea Liu spoke on Tuesday."
    assert _role_repairs(text, lee) == [("Liu", "Lee")]  # the fold alone, with no Yoo to read
    assert _role_repairs(text, lee, yoo) == []


def test_a_route_repair_of_more_of_the_name_replaces_ne911s_repair_of_its_tail() -> None:
    # NE911 lines up the last two words ("Ali Al-Havaj", one letter off the person's) and
    # repairs them, leaving "Hasan"; the Persian route reads the whole name (Hassan, Hawaj:
    # Persian writes one letter for w and v) and repairs all of it: the wider repair wins.
    person = _person("Ibrahim Hassan Ali Al-Hawaj", None, "Minister of Works", "Bahrain")
    stage = Detectors(
        Config(grammar="none"), entities=(person, Entity("bahrain", "Bahrain", "place"))
    )
    text = "Minister of Works of Bahrain Ibrahim Hasan Ali Al-Havaj spoke on Tuesday."
    assert _safe(stage, text) == [
        ("NE913", "Ibrahim Hasan Ali Al-Havaj", "Ibrahim Hassan Ali Al-Hawaj")
    ]


QASIMI = _person("Sultan bin Mohamed Al-Qasimi", None, "Ruler", "Sharjah")
BURG = Entity(
    "burg",
    "Eric van der Burg",
    "person",
    surname="van der Burg",
    titles=("State Secretary for Justice and Security",),
    context=("Netherlands",),
)


def test_a_run_reads_across_a_names_particles_as_a_source_spells_them() -> None:
    # Greek writes bin as μπιν, read back "mpin", and de as ντε, "nte": the particles of the
    # gazetteer's names, folded, keep the name one run.
    assert _role_repairs("Ruler of Sharjah Soultan mpin Moament Al-Kasimi spoke.", QASIMI) == [
        ("Soultan mpin Moament Al-Kasimi", "Sultan bin Mohamed Al-Qasimi")
    ]
    text = "State Secretary for Justice and Security Erik van nter Mpourgk spoke."
    assert _role_repairs(text, BURG) == [("Erik van nter Mpourgk", "Eric van der Burg")]


def test_only_a_names_particles_join_capitalised_words_into_one_run() -> None:
    queen = Entity("margrethe", "Margrethe II of Denmark", "person", context=("Denmark",))
    index = Detectors(Config(grammar="none"), entities=(QASIMI, BURG, queen)).index
    kept = route_fold.particles(index)
    assert {"bin", "van", "der"} <= kept["greek-fold"]
    assert "of" not in kept["greek-fold"]  # an English function word, though a name holds it

    def runs(text: str) -> list[str]:
        from cleaner.textview import as_view

        view = as_view(text)
        toks = view.tokens

        def joins(word: str) -> bool:
            return any(r in kept["greek-fold"] for r in FOLDS["greek-fold"].readings(word))

        return [
            text[toks[w[0][0]].start : w[-1][1]]
            for w in route_fold._runs(text, toks, view.titled, joins)
        ]

    assert runs("Erik van nter Mpourgk and Bank of America met.") == ["Erik van nter Mpourgk"]
