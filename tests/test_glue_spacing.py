"""Sentence glue (MT907), spaces before punctuation (MT908) and spaced hyphens the article's
names confirm (MT902): fixed where both sides admit one reading, left alone where they do not
(abbreviations, web addresses, decimals, scores, ellipses, file names)."""

from __future__ import annotations

import pytest

from cleaner import Config, clean_text
from cleaner.detectors import glue, spacing
from cleaner.detectors.names import NameIndex
from cleaner.model import FixSafety
from cleaner.rules.entity import Entity
from tests.detector_entities import ENTITIES, found

INDEX = NameIndex.build(
    (
        *ENTITIES,
        Entity("afp", "Agence France-Presse", "organisation", short_forms=("AFP",)),
        Entity("park", "Park Geun-hye", "person", surname="Park"),
        Entity("us", "United States", "place", accepted=("US",)),
        Entity("sg", "Singapore", "place"),
    )
)


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("It began last year.Former officials said so.", ".", ". "),
        ("The military operation.Peskov did not say more.", ".", ". "),
        ('He called it "a girlfriend\'s government".However, the scandal grew.', '".', '". '),
        ("Prices fell amid the turbulence.He said so.", ".", ". "),
        ("Talks were held in China.On Friday they ended.", ".", ". "),
        ("Is it over?Yes, the minister said.", "?", "? "),
    ],
)
def test_glued_sentences_are_split(text: str, span: str, fix: str) -> None:
    hits = glue.detect(text, INDEX)
    assert found(hits, text) == [span]
    assert hits[0].suggestions == (fix,) and hits[0].fix is FixSafety.SAFE


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("California Governor NewsonAfter China he left.", "After", ". After"),
        ("The US Secretary of State BroskyThe Shanghai itinerary ended.", "The", ". The"),
        ("He met Vladimir PutinThese talks were long.", "These", ". These"),  # a known name
    ],
)
def test_a_name_glued_to_the_next_sentence_gets_its_full_stop(
    text: str, span: str, fix: str
) -> None:
    hits = glue.detect(text, INDEX)
    assert found(hits, text) == [span]
    assert hits[0].suggestions == (fix,) and hits[0].fix is FixSafety.SAFE


@pytest.mark.parametrize(
    "text",
    [
        "Find us on LinkedIn today.",  # "In" opens sentences but ends compounds too
        "The studio HereAfter Films opened.",  # an English word before the opener
        "The hashtag #BidenThe trended.",  # a hashtag
        "He used NewsonThe.",  # nothing after it: a name we do not know
        "He joined McDonaldThe firm.",  # mixed case before it
    ],
)
def test_a_glued_capital_that_may_be_a_name_is_left_alone(text: str) -> None:
    assert [h for h in glue.detect(text, INDEX) if h.rule == glue.GLUE_RULE] == []


@pytest.mark.parametrize(
    ("text", "hit"),
    [
        ("I agree with Vladimir PutinPresident of Russia on this.", ("President", ", President")),
        ("He met Vladimir PutinRussian President of the day.", ("Russian", ", Russian")),
        # Not the person's title, or no "of" after a one-word title: another sentence?
        ("He met Vladimir PutinChancellor of Germany there.", None),
        ("Vladimir PutinPresident Biden met.", None),
        # Nobody the gazetteer knows before the title.
        ("He met SmithPresident of Russia there.", None),
    ],
)
def test_a_name_glued_to_its_own_title_gets_a_comma(text: str, hit: tuple[str, str] | None) -> None:
    hits = [h for h in glue.detect(text, INDEX) if h.rule == glue.GLUE_RULE]
    if hit is None:
        assert hits == []
    else:
        assert found(hits, text) == [hit[0]]
        assert hits[0].suggestions == (hit[1],) and hits[0].fix is FixSafety.SAFE


def test_a_lost_full_stop_lets_the_name_after_a_role_be_repaired() -> None:
    text = "He met California Governor NewsonAfter China the talks ended."
    assert "Governor Newsom. After China" in clean_text(text).text


@pytest.mark.parametrize(
    "text",
    [
        "See www.example.Com for details.",  # a web address
        "Visit Amazon.Com today.",  # a domain, even capitalised
        "Mr.Smith and Gen.Petraeus spoke.",  # abbreviations before names
        "The rate was 3.5 percent.",  # a decimal
        "Open Report.Pdf and Setup.Exe now.",  # file names
        "The iPhone.Apple shipped it.",  # a mixed-case name we do not know
        "He wrote U.S.Army on the form.",  # initials
        "e.g.The list goes on.",  # a two-letter abbreviation
    ],
)
def test_glue_that_may_be_something_else_is_left_alone(text: str) -> None:
    assert [h for h in glue.detect(text, INDEX) if h.rule == glue.GLUE_RULE] == []


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("He arrived in Kyiv,where he met the minister.", ",", ", "),
        ("It was good,but not great.", ",", ", "),
        ("The talks ended;however, the war went on.", ";", "; "),
        ("They met in Japan、Korea and China.", "、", ", "),  # an ideographic comma
    ],
)
def test_a_comma_glued_to_the_next_word_gets_its_space(text: str, span: str, fix: str) -> None:
    hits = glue.detect(text, INDEX)
    assert found(hits, text) == [span]
    assert hits[0].suggestions == (fix,) and hits[0].fix is FixSafety.SAFE


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("The talks went on。The minister agreed.\n", "The talks went on. The minister agreed.\n"),
        ("The talks went on。 He agreed。\n", "The talks went on. He agreed.\n"),
        ('He said "no"。Then he left.\n', 'He said "no". Then he left.\n'),
    ],
)
def test_an_ideographic_full_stop_ending_an_english_sentence_is_an_english_one(
    text: str, fixed: str
) -> None:
    assert clean_text(text).text == fixed


def test_an_ideographic_full_stop_after_chinese_text_stays() -> None:
    text = "The slogan 为人民服务。 was painted on the wall."
    assert [h for h in glue.detect(text, INDEX) if h.rule == glue.GLUE_RULE] == []


def test_a_narrowed_full_width_comma_gets_its_space() -> None:
    # A Chinese source's "，" left in the English text: the encoding repair narrows it (EN104)
    # and the space English puts after a comma comes back.
    assert clean_text("Yoon Suk Yeol said，the talks would go on.\n").text == (
        "Yoon Suk Yeol said, the talks would go on.\n"
    )


@pytest.mark.parametrize(
    "text",
    [
        "The colours were red,green,blue in the file.",  # a run of joins: data
        "Write to info@example.org,act now.",  # web addresses
        "The iPhone,the phone of the year.",  # a mixed-case word we do not know
        "It cost 1,000 dollars, or 3,5 euros.",  # numbers
        "The Smith,John record was filed.",  # a capitalised word after the comma
        "Call fooo,barz from the shell.",  # no English words
        "The post ends with tl;dr and a summary.",  # a word of two letters: an abbreviation
    ],
)
def test_a_comma_between_what_may_not_be_words_is_left_alone(text: str) -> None:
    assert [h for h in glue.detect(text, INDEX) if h.rule == glue.GLUE_RULE] == []


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("The Ukrainian Foreign Minister resigned, UNN reports .", " .", "."),
        ("Peskov spoke, saying : no talks.", " :", ":"),
        ("Kyiv , the capital, was shelled.", " ,", ","),
        ('He said "no" . Then he left.', " .", "."),
        ("Did the minister resign ? Nobody knows.", " ?", "?"),
    ],
)
def test_space_before_punctuation_is_removed(text: str, span: str, fix: str) -> None:
    hits = glue.detect(text, INDEX)
    assert found(hits, text) == [span]
    assert hits[0].suggestions == (fix,) and hits[0].fix is FixSafety.SAFE


@pytest.mark.parametrize(
    "text",
    [
        "Wait for it ... the result.",  # an ellipsis
        "The score was 3 : 1 at half time.",  # a score
        "The file is named .bashrc here.",  # a dot that starts a word
        "Items:\n .\n end",  # a lone mark on its line
        "Napíšte nám !",  # French-style spacing after a word English does not have (ftfy case)
    ],
)
def test_spaced_punctuation_that_means_something_is_left_alone(text: str) -> None:
    assert [h for h in glue.detect(text, INDEX) if h.rule == glue.SPACE_RULE] == []


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("According to Agence France -Presse, talks resumed.", "France -Presse", "France-Presse"),
        ("After Park Geun -hye was impeached.", "Geun -hye", "Geun-hye"),
        ("The US -China talks resumed.", "US -China", "US-China"),
        ("The China -Singapore agreement was upgraded.", "China -Singapore", "China-Singapore"),
        ("On -site video showed the minister.", "On -site", "On-site"),
        # A past participle ends a compound modifier, whatever comes before it.
        ("The Kremlin -backed forces withdrew.", "Kremlin -backed", "Kremlin-backed"),
        ("The US -led coalition struck.", "US -led", "US-led"),
        ("Enablement of DNS -based ad-blocking.", "DNS -based", "DNS-based"),  # (WCXB)
        ("A Moscow -run company.", "Moscow -run", "Moscow-run"),
    ],
)
def test_spaced_hyphens_the_names_or_dictionary_confirm(text: str, span: str, fix: str) -> None:
    hits = [h for h in spacing.detect(text, INDEX) if h.rule == spacing.HYPHEN_RULE]
    assert found(hits, text) == [span]
    assert hits[0].suggestions == (fix,) and hits[0].fix is FixSafety.SAFE


@pytest.mark.parametrize(
    "text",
    [
        "They are kid-tested and -approved.",  # a suspended compound after a function word
        "Mid Del Taco -hometown favs!",  # a noun after it: a dash lost its space (WCXB)
        "We do not have Internet -banking at home.",  # an -ing noun: an open compound
        "The Kremlin -red walls.",  # too short to be read as a participle
    ],
)
def test_no_participle_no_safe_join(text: str) -> None:
    hits = [h for h in spacing.detect(text, INDEX) if h.rule == spacing.HYPHEN_RULE]
    assert all(h.fix is not FixSafety.SAFE for h in hits)


def test_the_whole_pipeline_repairs_glue_and_keeps_urls() -> None:
    text = "Talks ended last year.Former aides, UNN reports . See https://example.com/A.Html now.\n"
    out = clean_text(text, Config(grammar="none")).text
    assert out == (
        "Talks ended last year. Former aides, UNN reports. See https://example.com/A.Html now.\n"
    )


def test_a_speaker_label_keeps_its_spacing() -> None:
    text = "((WSS)) : Why did you join the ticket?"
    assert glue.detect(text, INDEX) == []


def test_a_smiley_is_not_spaced_punctuation() -> None:
    # The WMT22 reference translation writes chat messages: "Oh, how difficult it is :)".
    for text in ("Oh, how difficult everything is :)", "I wrote to you twice :)) but"):
        assert glue.detect(text, INDEX) == []
