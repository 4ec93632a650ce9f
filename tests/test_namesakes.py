"""A name written exactly as the gazetteer has it is never rewritten into a namesake's.

A newsroom gazetteer holds many people a syllable or a letter apart (Korea's and Taiwan's
office holders share family names and given-name syllables). Before this guard a control of
every gazetteer person with a title, written right after that title with their country,
changed 34 of 3,354 names into another person's (``President of South Korea Lee Jae-myung``
-> ``Lee Ju-young``, a fisheries minister, by NE913; Taiwan's ministers by NE911).
"""

from __future__ import annotations

from cleaner.config import Config
from cleaner.detectors import confirm
from cleaner.rules.entity import Entity
from cleaner.stages.detect import Detectors
from cleaner.textview import as_view

PEOPLE = (
    Entity(
        "leejm",
        "Lee Jae-myung",
        "person",
        surname="Lee",
        native="이재명",
        titles=("President of South Korea",),
        context=("South Korea",),
        gender="male",
    ),
    Entity(
        "leejy",
        "Lee Ju-young",
        "person",
        surname="Lee",
        native="이주영",
        titles=("Minister of Oceans and Fisheries of South Korea",),
        context=("South Korea",),
        gender="male",
    ),
    Entity("south-korea", "South Korea", "place"),
)
STAGE = Detectors(Config(grammar="none"), entities=PEOPLE)
RIGHT = "President of South Korea Lee Jae-myung spoke in Seoul on Tuesday."


def test_the_role_reading_alone_no_longer_takes_the_namesake() -> None:
    # What the guard was for: the role rule by itself read the right name as a garble of
    # the namesake whose title shares the country's words (NE913, "Lee Ju-young"). Since
    # session 14 a reading steps back when another person's given name is nearer
    # (``confirm._closer_elsewhere``): here the name's own. The guard stays for the rest.
    assert confirm.detect(RIGHT, STAGE.index) == []


def test_a_name_written_right_is_left_alone() -> None:
    assert STAGE.hits(RIGHT) == []


def test_every_occurrence_is_protected_and_others_still_read() -> None:
    text = (
        "Lee Jae-myung met Lee Ju-young. Minister of Oceans and Fisheries of South Korea "
        "Lee Ju-young said Lee Jae-myung agreed."
    )
    assert STAGE.hits(text) == []
    spans = confirm.known_name_spans(as_view(text), STAGE.index)
    assert sorted(text[s:e] for s, e in spans) == sorted(
        ["Lee Jae-myung", "Lee Ju-young", "Lee Ju-young", "Lee Jae-myung"]
    )


def test_a_garble_next_to_a_known_name_is_still_repaired() -> None:
    # The shipped gazetteer: a right name protects its own words, not the sentence.
    shipped = Detectors(Config(grammar="none"))
    text = "President of South Korea Lee Jae-myung met Chinese President Xi Jinpin in Beijing."
    hits = shipped.hits(text)
    assert [(text[h.start : h.end], h.suggestions[0]) for h in hits] == [
        ("Xi Jinpin", "Xi Jinping")
    ]


def test_no_shipped_person_written_right_after_their_title_is_rewritten() -> None:
    # bench/namesake_control.py's titled set, at the detector stage: the shipped gazetteer's
    # namesakes (35 rewritten before the guard).
    from cleaner.rules.gazetteer import load_gazetteer

    shipped = Detectors(Config(grammar="none"))
    rewritten = []
    for e in load_gazetteer(Config()):
        if e.kind == "person" and e.titles and e.context:
            text = f"{e.titles[0]} {e.canonical} spoke in {e.context[0]} on Tuesday."
            name = (text.index(e.canonical), text.index(e.canonical) + len(e.canonical))
            rewritten += [
                (e.id, h.rule)
                for h in shipped.hits(text)
                if h.rule.startswith("NE") and h.start < name[1] and name[0] < h.end
            ]
    assert rewritten == []
