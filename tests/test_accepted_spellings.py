"""Accepted spellings are data (issue 12): the spellings English used for Ukrainian places
and companies before Ukraine's own romanisation became usual (Kiev, Kharkov, Chernigov,
Nikolaev, Naftohaz) are correct, not machine-translation damage. An article is made
consistent or left alone, never half-changed: one written in the older convention keeps all
of them; one that writes the current names (Kyiv) gets the current name everywhere; house
style makes them fixes for every place it names."""

from __future__ import annotations

from cleaner import Config, clean_text

# A business story of 2005, in our own words, written the way English wrote these names then.
ARTICLE = (
    "Kiev, March 3, 2005. Naftohaz said on Thursday that gas deliveries to Kharkov, "
    "Chernigov and Nikolaev would resume next week, after repairs to the Zaporozhye "
    "pipeline section. Traders in Kiev expect prices to hold.\n"
)
NAMES = ["Kiev", "Naftohaz", "Kharkov", "Chernigov", "Nikolaev", "Zaporozhye"]


def _touched(result, word: str) -> list[str]:  # type: ignore[no-untyped-def]
    start = ARTICLE.index(word)
    end = start + len(word)
    hits = [e.rule for e in result.edits if e.start < end and e.end > start]
    return hits + [f.rule for f in result.findings if f.start < end and f.end > start]


def test_an_article_in_the_older_convention_is_left_alone() -> None:
    result = clean_text(ARTICLE, Config(grammar="none"))
    assert result.text == ARTICLE
    for name in NAMES:
        assert _touched(result, name) == [], name


def test_house_style_makes_an_accepted_spelling_a_fix() -> None:
    config = Config(grammar="none", house_style=(("Chernihiv", "Chernihiv"),))
    result = clean_text(ARTICLE, config)
    assert "Chernihiv" in result.text and "Chernigov" not in result.text
    assert "Kharkov" in result.text  # only the places the newsroom named


def test_garbles_of_the_same_places_are_still_fixed() -> None:
    text = "In Ukraine, officials in Chernihov and Mykolayiv said the strikes continued.\n"
    result = clean_text(text, Config(grammar="none"))
    assert result.text == text.replace("Chernihov", "Chernihiv").replace("Mykolayiv", "Mykolaiv")


def test_an_article_that_writes_the_current_names_is_made_consistent() -> None:
    text = (
        "The situation in Kyiv is bad, Zelensky said. Vinnitsa, as well as Lviv and its "
        "region, lost power; Kiev residents queued for water.\n"
    )
    result = clean_text(text, Config(grammar="none"))
    assert result.text == text.replace("Vinnitsa", "Vinnytsia").replace("Kiev ", "Kyiv ")
    rules = {e.rule for e in result.edits if e.old in ("Vinnitsa", "Kiev")}
    assert rules == {"NE326", "NE301"}


def test_older_spellings_of_the_same_names_in_the_older_convention_stay() -> None:
    text = "Kiev and Kharkov traded with Odessa; Chicken Kiev was served.\n"
    assert clean_text(text, Config(grammar="none")).text == text
    mixed = "Kyiv officials ordered Chicken Kiev for the Dynamo Kiev players.\n"
    assert clean_text(mixed, Config(grammar="none")).text == mixed  # names, not the city
