"""A person's variant read inside another person's hyphenated given name is no hit (issue 13,
session 15).

The matcher reads a hyphen as a space, so ``Si`` (Xi Jinping's guarded variant) matched the
first syllable of ``Lin Si-yao``, ``Duong Hung`` (Yang Xiong's) the start of ``Duong
Hung-duen``, and ``Chin Chu`` (Sean Chen's) the whole given name of ``Wong Chin-chu``: each
was repaired into the wrong person. Taiwanese, Hong Kong and Korean given names are written
hyphenated with a lower-case second syllable; only the text's shape tells them from a
compound (``Si-led``) or a hyphenated name with a space in it (``Mun Jae-in``).

The people are written in the test (a newsroom's rule folder, only their rules selected),
not read from the shipped gazetteer; the compound heads are the shipped list.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import Config, clean_text
from cleaner.rules.rulebook import load_lexicon

PEOPLE = """\
defaults:
  type: entity
  kind: person
  level: warning
  fix: safe
  message: "Name garbled by machine translation: '{match}' is {fix}"
rules:
  - id: NE9901
    canonical: Xi Jinping
    short: [Xi]
    surname: Xi
    variants: [Si Jinping]
    guarded: {Si: Xi}
    context: [China]
  - id: NE9902
    canonical: Yang Xiong
    variants: [Duong Hung]
  - id: NE9903
    canonical: Sean Chen
    surname: Chen
    variants: [Chin Chu, Chenn]
  - id: NE9904
    canonical: Moon Jae-in
    variants: [Mun Jae In]
  - id: NE9905
    canonical: Cai Qi
    variants: [Tsay Tsi]
  - id: NE9906
    canonical: Kyiv
    kind: place
    variants: [Kiyv]
"""
IDS = tuple(f"NE990{i}" for i in range(1, 7))


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> Config:
    folder: Path = tmp_path_factory.mktemp("newsroom")
    (folder / "people.yaml").write_text(PEOPLE, encoding="utf-8")
    return Config(grammar="none", extend_rules=(str(folder),), select=IDS)


def _clean(text: str, config: Config) -> str:
    return clean_text(text, config).text.rstrip("\n")


@pytest.mark.parametrize(
    "text",
    [
        "In China, Lin Si-yao met officials.",  # a syllable of Lin Hsi-yao's given name
        "Duong Hung-duen spoke in Taipei.",  # Yang Hung-duen: not Yang Xiong
        "Tsay Tsi-chang spoke in Taipei.",  # Tsai Chi-chang: not Cai Qi
        "Wong Chin-chu spoke in Taipei.",  # Chin-chu is a given name, not Sean Chen
        "Lam Chin-chu spoke in Hong Kong.",
    ],
)
def test_a_variant_inside_a_hyphenated_given_name_is_left(text: str, config: Config) -> None:
    assert _clean(text, config) == text


@pytest.mark.parametrize(
    ("text", "out"),
    [
        # the same variants where they are the whole name are still repaired
        ("In China, Si met officials.", "In China, Xi met officials."),
        ("Duong Hung spoke in Beijing.", "Yang Xiong spoke in Beijing."),
        ("Tsay Tsi spoke in Beijing.", "Cai Qi spoke in Beijing."),
        # a bare collision of one person's spelling with another's name stays (no shape)
        ("Chin Chu spoke in Taipei.", "Sean Chen spoke in Taipei."),
        # a hyphen inside a name with a space in it: the variant keeps matching
        ("In China, Mun Jae-in spoke.", "In China, Moon Jae-in spoke."),
        # a capital after the hyphen is another name, not a syllable
        ("In China, the Si-Biden summit.", "In China, the Xi-Biden summit."),
        # an -ed participle makes a compound
        ("In China, the Si-backed plan.", "In China, the Xi-backed plan."),
        ("In China, a Si-aligned group.", "In China, a Xi-aligned group."),
        # a place before a hyphen is a compound whatever follows
        ("The Kiyv-bound train left.", "The Kyiv-bound train left."),
    ],
)
def test_the_same_variant_elsewhere_is_repaired(text: str, out: str, config: Config) -> None:
    assert _clean(text, config) == out


def test_a_variant_inside_a_given_name_names_nobody(config: Config) -> None:
    # ``Chenn`` (one word) is repaired only in an article about Sean Chen: ``Chin Chu`` named
    # him, ``Chin-chu`` as Wong Chin-chu's given name does not.
    about = "Chin Chu arrived. Chenn said so."
    assert _clean(about, config) == "Sean Chen arrived. Chen said so."
    other = "Wong Chin-chu arrived. Chenn said so."
    assert _clean(other, config) == other


COMPOUND_HEADS = sorted(load_lexicon(Config()).words("name-compound-heads"))


@pytest.mark.parametrize("word", COMPOUND_HEADS)
def test_every_compound_head_keeps_the_repair(word: str, config: Config) -> None:
    text = f"In China, the Si-{word} plan was read."
    assert _clean(text, config) == text.replace("Si-", "Xi-")
