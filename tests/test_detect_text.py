"""Text-shape detectors (MT901-MT906) on real-looking MT damage, with hard negatives."""

from __future__ import annotations

import pytest

from cleaner import clean_text
from cleaner.config import Config
from cleaner.detectors import echo, foreign_script, lost_verb, spacing, stray_caps, stray_i
from cleaner.detectors.names import NameIndex
from cleaner.model import FixSafety
from cleaner.rules.entity import Entity
from tests.detector_entities import INDEX, found

# -- stray capitals (MT901) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Chinese leader Xi Jinping Will take an official visit to Russia.", "Will"),
        ("China continues to Provide key components to Moscow.", "Provide"),
        ("The two leaders have also met in Beijing In May 2024.", "In"),
        ("He threatened the security of dignitaries Attend the celebrations.", "Attend"),
        # A preposition or "The" between a lower-case word and a lone known name or month.
        ("He took office Between China's rise and a war.", "Between"),
        ("Fico won The March election by a narrow margin.", "The"),
    ],
)
def test_stray_capital(text: str, word: str) -> None:
    hits = stray_caps.detect(text, INDEX)
    assert found(hits, text) == [word]
    assert hits[0].suggestions == (word.lower(),)


@pytest.mark.parametrize(
    "text",
    [
        "Will Smith said the film would open in May.",  # Will is a name
        "The actor, Will Smith, arrived; later Will said he was tired.",  # case stats: a name
        "The Kremlin confirmed on Sunday that talks begin in February.",  # always capitalised
        "Western governments say the President of Ukraine was right.",  # house style
        "He said: Provide the documents by noon.",  # after a colon
        'She wrote "Attend the meeting" on the board.',  # after an opening quote
        "A Song Of Ice And Fire Will Return Next Year",  # a Title Case headline
        "The branch in hall No. 29 is open.",  # No. before a number
        "Ratings come from Standard & Poor's today.",
        "We will definitely write to You!",  # the polite You of letters
        "They visited The Hague in June.",  # an article opening a name
        "Si wafers and SI units are measured differently.",
        "(AP) Chinese leader Xi Jinping arrived.",
        "A Better Future Awaits Us",
        "if they let me go home for the night!) You Will See Me",
        "someone will take us in) We can even pay for a room",
        # A title opening with a preposition or "The": a run of capitals, an unknown name,
        # a month before a function word.
        "She read the book Between China And Me.",
        "He starred in the film Between Worlds last year.",
        "Archivists restored The March of the Penguins footage.",
        "Fico won the March election by a narrow margin.",
        "Viewers join from their For You page at once.",  # after a determiner
    ],
)
def test_stray_capital_negatives(text: str) -> None:
    assert stray_caps.detect(text, INDEX) == []


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        # The article writes "between" in lower case elsewhere: the capital is a slip.
        ("Talks between them stalled. He took office Between China's rise and a war.", True),
        ("Fico won The March election. He thanked the voters.", True),
        # Nothing else in the article says how it writes the word: only a suggestion.
        ("He took office Between China's rise and a war.", False),
        # The article capitalises the word mid-sentence twice: house style, or two slips.
        (
            "Talks between them stalled between rounds. He took office Between China's rise "
            "and a war, "
            "not Between Russia's war and a truce.",
            False,
        ),
    ],
)
def test_stray_capital_before_a_name_is_safe_when_the_article_confirms_it(
    text: str, safe: bool
) -> None:
    hits = stray_caps.detect(text, INDEX)
    assert hits and all(h.rule == "MT901" for h in hits)
    assert all((h.fix is FixSafety.SAFE) is safe for h in hits)
    cleaned = clean_text(text).text
    word = text[hits[0].start : hits[0].end]
    assert (f" {word.lower()} " in cleaned and f" {word} " not in cleaned) is safe


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        # A modal capitalised right after a full name the gazetteer knows, before a
        # lower-case word, in an article that writes it in lower case elsewhere.
        ("Xi Jinping Will take part. Putin will attend the parade.", True),
        # Nothing else says how the article writes it: a suggestion.
        ("Xi Jinping Will take part in the summit.", False),
        # After a name the gazetteer does not know (a columnist's "George Will"?): a
        # suggestion.
        ("Columnist George Stone Will take part. Putin will attend the parade.", False),
        # The article capitalises it mid-sentence twice: house style, or two slips.
        ("Xi Jinping Will take part and Putin Will attend. Others will follow.", False),
    ],
)
def test_a_modal_capitalised_after_a_full_name_is_safe_when_the_article_confirms_it(
    text: str, safe: bool
) -> None:
    hits = [h for h in stray_caps.detect(text, INDEX) if text[h.start : h.end] == "Will"]
    assert [h.fix is FixSafety.SAFE for h in hits] == ([True] if safe else [False] * len(hits))


# -- spacing (MT902 hyphen, MT903 split, MT904 glued) ------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "fixed"),
    [
        ("Russia imports high -tech components.", "high -tech", "high-tech"),
        ("They spoke of a long -term settlement.", "long -term", "long-term"),
        ("The pro -Russian forces withdrew.", "pro -Russian", "pro-Russian"),
        ("He announced a 3 -day truce.", "3 -day", "3-day"),
        ("They met face -to -face in Geneva.", "face -to -face", "face-to-face"),
    ],
)
def test_spaced_hyphen_safe(text: str, span: str, fixed: str) -> None:
    hits = spacing.detect(text, INDEX)
    assert found(hits, text) == [span]
    assert hits[0].suggestions == (fixed,)
    assert hits[0].fix is FixSafety.SAFE


@pytest.mark.parametrize(
    "text",
    [
        "Add 3-4 tablespoons of tomato paste -this is brought to a boil.",  # a dash
        "Call 548 -072 or write to us.",  # numbers
        "Temperatures fell to -5 overnight.",
        "A well-known - and well-liked - figure.",  # spaced dash both sides
        "Then run npm install -g @openai/codex to get it.",  # a command-line option
        "They are kid-tested and -approved.",  # a suspended compound
        "Run rsync -t -l -r -c to copy.",
        "Plant COSMOS -Cosmos flowers.",
    ],
)
def test_spaced_hyphen_negatives(text: str) -> None:
    assert [h for h in spacing.detect(text, INDEX) if h.rule == "MT902"] == []


def test_spaced_hyphen_capitalised_noun_is_only_reported() -> None:
    text = "We do not have Internet -banking at home."
    (hit,) = spacing.detect(text, INDEX)
    assert hit.fix is not FixSafety.SAFE


def test_split_word() -> None:
    text = "Prime Minister of Slovakia Robert F itzo could not fly."
    hits = [h for h in spacing.detect(text, INDEX) if h.rule == "MT903"]
    assert found(hits, text) == ["F itzo"]
    assert hits[0].suggestions == ("Fitzo",)


@pytest.mark.parametrize(
    "text",
    [
        "I think A is right.",
        "Plan B is ready.",
        "USB-C dongles and 4D armrests.",
        "Vitamin C helps.",
    ],
)
def test_split_word_negatives(text: str) -> None:
    assert [h for h in spacing.detect(text, INDEX) if h.rule == "MT903"] == []


@pytest.mark.parametrize(
    ("text", "span", "fixed", "safe"),
    [
        ("Chinese leader Xi Jinpingwhich arrived.", "Jinpingwhich", "Jinping which", True),
        ("Troops gathered in Moscowin May.", "Moscowin", "Moscow in", True),
        ("Troops gathered in Moscowan hour ago.", "Moscowan", "Moscow an", True),
        ("for the rest of the informationand call us", "informationand", "information and", False),
    ],
)
def test_glued_words(text: str, span: str, fixed: str, safe: bool) -> None:
    hits = [h for h in spacing.detect(text, INDEX) if h.rule == "MT904"]
    assert found(hits, text) == [span]
    assert hits[0].suggestions == (fixed,)
    assert (hits[0].fix is FixSafety.SAFE) == safe


@pytest.mark.parametrize(
    "text",
    [
        "Muscovites and Kyivans marched.",
        "They will demine the fields.",
        "Moscow's",
        "It doubled as a placecard, with much sortability.",
        "import React, { useState } from 'react';",
        # A name and an article, then a capitalised word: a given name of its own (a
        # Malaysian minister; Moscow is a known place, Scholz a known name).
        "On Monday, Moscowan Kassim told reporters.",
        "On Monday, Scholzan Kassim told reporters.",
        # After a name's word the gazetteer lacks, one person's name (a South African
        # official, "Gilbert Ramano"), not a known surname glued to a common word.
        "On Monday, Gilbert Scholzno told reporters.",
    ],
)
def test_glued_negatives(text: str) -> None:
    assert [h for h in spacing.detect(text, INDEX) if h.rule == "MT904"] == []


# Two people whose family names are one space-and-word apart: "Mori" + "at" is one edit
# from "Moriat", and so is "Morita" (its last two letters swapped).
_NEIGHBOURS = NameIndex.build(
    (
        Entity("mori", "Yoshiro Mori", "person", short_forms=("Mori",), first_name="Yoshiro"),
        Entity("morita", "Kenji Morita", "person", short_forms=("Morita",), first_name="Kenji"),
    )
)


def test_glued_word_one_slip_from_another_name_is_only_suggested() -> None:
    text = "Moriat said the talks went well."
    [hit] = [h for h in spacing.detect(text, _NEIGHBOURS) if h.rule == "MT904"]
    assert hit.fix is FixSafety.UNSAFE
    assert hit.suggestions == ("Mori at", "Morita")
    # The same index still splits a glued word no name is one slip from.
    [glued] = [h for h in spacing.detect("He met Moriin May.", _NEIGHBOURS) if h.rule == "MT904"]
    assert glued.fix is FixSafety.SAFE and glued.suggestions == ("Mori in",)


def test_urls_are_off_limits_in_the_pipeline() -> None:
    text = "Led by the coordinator https: / / www.facebook.com / examplehere101 / Vasyl Shchur.\n"
    result = clean_text(text, Config(select=("MT9", "NE9")))
    assert result.findings == [] and result.edits == []


# -- echoes (MT905) -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Relations are more calm, confident, stable and stable.", "stable and stable"),
        ("He called them defenders of a fair world of the world.", "world of the world"),
        ("You have contact with the contact with the owner.", "contact with the contact with the"),
        ("The the visit was postponed.", None),  # capitalised first copy: sentence start
    ],
)
def test_echo(text: str, span: str | None) -> None:
    hits = echo.detect(text, INDEX)
    if span is None:
        assert hits == [] or hits[0].fix is not FixSafety.SAFE
    else:
        assert found(hits, text) == [span]


def test_doubled_article_is_a_safe_fix() -> None:
    text = "She met the the minister."
    (hit,) = echo.detect(text, INDEX)
    assert text[hit.start : hit.end] == "the the"
    assert hit.suggestions == ("the",)
    assert hit.fix is FixSafety.SAFE


def test_doubled_pronoun_has_no_suggestion() -> None:
    text = "It means that when you have it it will be bigger."
    (hit,) = echo.detect(text, INDEX)
    assert hit.suggestions == () and hit.fix is FixSafety.NONE


def test_question_opening_mid_sentence_is_a_lost_break() -> None:
    text = "I ask you directly now Do you want to continue?"
    (hit,) = stray_caps.detect(text, INDEX)
    assert text[hit.start : hit.end] == "Do"
    assert hit.suggestions == ()


def test_doubled_preposition_is_only_reported() -> None:
    text = "The car has not been looked at at the station."
    (hit,) = echo.detect(text, INDEX)
    assert hit.fix is FixSafety.UNSAFE


@pytest.mark.parametrize(
    "text",
    [
        "It was very, very cold.",
        "Again and again, more and more people came.",
        "Prices rose higher and higher, year after year, step by step.",
        "What he had had was taken; he said that that was all.",
        "They met face to face on Bora Bora.",
        "They waited for years and years.",
        "I have to tell you and you will open?",
        "Choose low-fat or fat-free milk; it may or may not help.",
        "You want the best of the best, as in in-person classes.",
        "One of the benefits for For Hire insurance.",
        "Utilizing agency data and data from several sources.",
        "They discussed their health with their health care provider.",
        "There is war after war after war; more and more and more people.",
        "It was a win win, etc etc.",
        # A name that ends in a word, then that word: Oman's ruling family, Al Said.
        "Sultan Haitham bin Tariq Al Said said the talks were useful.",
        "Shihab bin Tariq al-Said said the talks were useful.",
    ],
)
def test_echo_negatives(text: str) -> None:
    assert echo.detect(text, INDEX) == []


@pytest.mark.parametrize(
    "text", ["The the station was closed.", 'He said: "The the station was closed."']
)
def test_a_capitalised_echo_at_a_sentence_start_is_still_one(text: str) -> None:
    (hit,) = echo.detect(text, INDEX)
    assert text[hit.start : hit.end] == "The the"


# -- foreign script (MT906) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("We owe you a great debt дякуємо thank you!", "дякуємо"),
        ("General Secretary 习近平 gave instructions.", "习近平"),
        ("The city of Kyіv was shelled.", "Kyіv"),  # Cyrillic і inside a Latin word
        ("The ship Αθήνα docked.", "Αθήνα"),
    ],
)
def test_foreign_script(text: str, span: str) -> None:
    assert found(foreign_script.detect(text), text) == [span]


@pytest.mark.parametrize(
    "text", ["The α-particle and a 5 μm film.", "Temperatures of 20 °C — fine.", "Café au lait."]
)
def test_foreign_script_negatives(text: str) -> None:
    assert foreign_script.detect(text) == []


def _cleaned(text: str, config: Config | None = None) -> tuple[str, list[str]]:
    result = clean_text(text + "\n", config or Config(grammar="none", select=("MT906",)))
    return result.text.rstrip("\n"), [text[f.start : f.end] for f in result.findings]


@pytest.mark.parametrize(
    ("text", "out"),
    [
        # A country's name in a form that can only be its genitive: "of ...".
        ("They will not give up part of the territory [Украины].", "[of Ukraine]"),
        # Ukrainian: a plural would be a nominative too, but a country is one country.
        ("They will not give up part of the territory [України].", "[of Ukraine]"),
        # ... and, last, the given name of the person named right after the fragment.
        ("The president [Украины Владимир] Zelensky met her.", "[of Ukraine Volodymyr] Zelensky"),
        ("The president [Россия Владимир] Putin spoke.", "[Russia Vladimir] Putin"),  # as written
    ],
)
def test_a_fragment_of_country_names_is_translated(text: str, out: str) -> None:
    cleaned, findings = _cleaned(text)
    assert out in cleaned and findings == []


@pytest.mark.parametrize(
    "text",
    [
        "The talks [в Германии] went well.",  # a preposition: a phrase, not a name
        "The talks [Германии] went well.",  # genitive, dative or locative: of, to or in?
        "The talks [Франции] went well.",  # genitive, dative or locative again
        "The president [Украины Владимир] Smith met her.",  # nobody the gazetteer knows
        "Putin's attitude [к этому вопросу] shows his openness.",
        # A menu of regions lists names (no space before, or the English right after).
        "Choose your region below: Kazakhstan (Kazakh), Russia (Russian)Україна (Ukraine) or Asia.",
        "Regions: Украина (Ukraine), Poland",
    ],
)
def test_a_fragment_that_may_be_anything_else_stays_a_finding(text: str) -> None:
    cleaned, findings = _cleaned(text)
    assert cleaned == text and findings  # reported, not repaired


def test_a_newsroom_adds_a_place_name(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "places.yaml").write_text(
        "lists:\n  native-place-names:\n    Кубань: [Kuban]\n", encoding="utf-8"
    )
    text = "Farms of the [Кубань] region."
    assert _cleaned(text)[0] == text
    config = Config(grammar="none", select=("MT906",), extend_rules=(str(tmp_path),))
    assert _cleaned(text, config)[0] == "Farms of the [Kuban] region."


@pytest.mark.parametrize(("listed", "written"), [("Орёл", "Орел"), ("Орел", "Орёл")])
def test_a_place_name_is_found_with_or_without_yo(tmp_path, listed: str, written: str) -> None:  # type: ignore[no-untyped-def]
    """Russian print mostly writes е for ё: the list's spelling and the article's may differ."""
    (tmp_path / "places.yaml").write_text(
        f"lists:\n  native-place-names:\n    {listed}: [Oryol]\n", encoding="utf-8"
    )
    config = Config(grammar="none", select=("MT906",), extend_rules=(str(tmp_path),))
    assert _cleaned(f"Farms of the [{written}] region.", config)[0] == (
        "Farms of the [Oryol] region."
    )


# -- a first-person I after a known full name (MT909) ------------------------------------


@pytest.mark.parametrize(
    ("text", "safety"),
    [
        # Nobody narrates the article: the "I" (and a "my" later in its sentence) is the
        # engine's guess at the subject, so the fix is safe.
        ("He regretted that Chancellor Olaf Scholz I devoted little time to him.", FixSafety.SAFE),
        (
            "He regretted that Chancellor Olaf Scholz I devoted little time to him during my "
            'visit. "I must remind you," he said.',
            FixSafety.SAFE,
        ),
        # A writer who says "I" elsewhere, even earlier in the sentence, may mean it.
        ("When I met Olaf Scholz I asked him about it.", FixSafety.UNSAFE),
        (
            "I asked him why. He regretted that Chancellor Olaf Scholz I devoted little time.",
            FixSafety.UNSAFE,
        ),
        (
            "He regretted that Chancellor Olaf Scholz I devoted little time. It hurt me.",
            FixSafety.UNSAFE,
        ),
    ],
)
def test_an_i_after_a_full_name_is_a_stray_subject(text: str, safety: FixSafety) -> None:
    hits = stray_i.detect(text, INDEX)
    assert [(text[h.start : h.end], h.suggestions, h.fix) for h in hits] == [
        ("Scholz I", ("Scholz",), safety)
    ]


@pytest.mark.parametrize(
    "text",
    [
        'He said: "When I met Olaf Scholz I asked him about it."',  # quoted speech
        "Olaf Scholz, I think, was right.",  # punctuation between
        "The chancellor Scholz I devoted little time to.",  # no full name
        "Queen Elizabeth I died in 1603.",  # a regnal number
        "Olaf Scholz I. spoke first.",  # not before a lower-case word
    ],
)
def test_an_i_after_a_name_in_speech_or_a_list_is_left(text: str) -> None:
    assert stray_i.detect(text, INDEX) == []


# -- a modal with its verb lost (MT910) --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("We will not all the unacceptable things public.", "We will not all the"),
        ("He said they cannot, they can not the talks resume.", "they can not the"),
    ],
)
def test_a_modal_before_a_determiner_has_lost_its_verb(text: str, span: str) -> None:
    hits = lost_verb.detect(text)
    assert [(text[h.start : h.end], h.suggestions) for h in hits] == [(span, ())]


@pytest.mark.parametrize(
    "text",
    [
        "Will the people of Melbourne have to pay?",  # a question inverts
        "We will not all agree on this.",
        "They can afford the talks.",
        "What can the campaign do?",
        "Treat the car with the care you would a friend's car.",  # a comparison's ellipsis
    ],
)
def test_a_modal_with_its_verb_is_left(text: str) -> None:
    assert lost_verb.detect(text) == []
