"""MT911: a Slavic reflexive read as ``my`` in an article written in the third person."""

from __future__ import annotations

from cleaner.detectors import lone_first_person

# Four sentences in the third person, so that a fifth makes an article.
LEAD = (
    "Head of the Ministry Dmytro Kuleba spoke in Kyiv on Monday.\n\n"
    "He said the talks would go on. The ministry gave no date.\n\n"
    "Reporters asked about weapons.\n\n"
)
GARBLED = (
    "The Foreign Minister expressed regret that the German Chancellor Olaf Scholz I devoted"
    " little time to communicating with him during my visit to Berlin.\n"
)


def words(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(text[h.start : h.end], h.suggestions) for h in lone_first_person.detect(text)]


def test_the_reflexive_after_a_stray_subject_is_found_with_his() -> None:
    # The stray "I" in the same sentence (MT909's shape) is no narrator.
    assert words(LEAD + GARBLED) == [("my", ("his",))]


def test_a_woman_named_as_her_gives_her() -> None:
    text = LEAD + "Anna Berg said that she kept the letter for me until the end.\n"
    assert words(text) == [("me", ("her",))]


def test_two_genders_leave_no_suggestion() -> None:
    text = LEAD + "The minister told her that he spent little time on my visit.\n"
    assert words(text) == [("my", ())]


def test_a_narrator_elsewhere_leaves_it() -> None:
    assert words("I was in Kyiv that week.\n\n" + LEAD + GARBLED) == []
    assert words(LEAD + GARBLED + "\nThat was my last trip.\n") == []


def test_an_i_of_its_own_in_the_sentence_leaves_it() -> None:
    text = LEAD + "I asked him about my visit to Berlin.\n"
    assert words(text) == []


def test_one_sentence_is_no_article() -> None:
    assert words("He died the day after my birthday.\n") == []


def test_no_third_person_in_the_sentence_leaves_it() -> None:
    assert words(LEAD + "The ministers thanked them for my visit.\n") == []


def test_a_quotation_leaves_it() -> None:
    assert words(LEAD + 'He told reporters: "They thanked him for my visit."\n') == []
