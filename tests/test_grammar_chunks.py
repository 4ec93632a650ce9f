"""Harper lints a text a run of paragraphs at a time (issue 17): the same hits as the whole
text, where the cut is only ever after a sentence's end."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.config import Config
from cleaner.grammar import collect
from cleaner.grammar.harper import HarperBackend, chunks

ROOT = Path(__file__).resolve().parent.parent


def whole(backend: HarperBackend, text: str) -> list:
    """What ``check`` gave before: the text linted in one call."""
    organized = backend.linter().organized_lints(text, language="plaintext")
    return collect(backend._hit(rule, lint) for rule, lints in organized.items() for lint in lints)


@given(st.text(alphabet=st.sampled_from(list("ab .!?\"')\n\t")), max_size=60))
@settings(max_examples=400, deadline=None)
def test_the_pieces_cover_the_text_in_order(text: str) -> None:
    pieces = chunks(text)
    assert "".join(p for _, p in pieces) == text
    for offset, piece in pieces:
        assert text[offset : offset + len(piece)] == piece
    for (_, piece), _next in zip(pieces, pieces[1:], strict=False):
        assert piece.rstrip(" \t\n")[-1:] in ".!?\"')”’]"  # cut only after a sentence's end


def test_a_paragraph_without_a_full_stop_stays_with_the_next() -> None:
    text = "The minister said\n\nthat the talks would go on.\n\nThey did."
    assert [p for _, p in chunks(text)] == [
        "The minister said\n\nthat the talks would go on.\n\n",
        "They did.",
    ]
    # Cut at every blank line, Harper calls "that" the start of a sentence; whole, it is not.
    backend = HarperBackend.create(Config())
    assert backend.check(text) == whole(backend, text)
    alone = backend.linter().organized_lints("that the talks would go on.", language="plaintext")
    assert "SentenceCapitalization" in alone


def test_seeds_and_fixtures_get_the_hits_of_the_whole_text() -> None:
    backend = HarperBackend.create(Config())
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "fixtures").rglob("*.txt"))
    cut = 0
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        cut += len(chunks(text)) > 1
        assert backend.check(text) == whole(backend, text), path.name
    assert cut >= 5  # the comparison is not vacuous: most texts were cut
