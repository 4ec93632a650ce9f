"""The pipeline's contract, checked on arbitrary text with hypothesis:
never raises, restores exactly, and is idempotent with no edits the second time."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import Config, clean_text, restore

# Text biased towards what breaks normalisers: whitespace of every kind, line breaks,
# quotes, dashes, combining marks, invisible characters, mojibake fragments and entities.
_TRICKY = st.sampled_from(
    list(" \t\n\r\u00a0\u200b\u200d\u00ad\ufeff\u2028\u3000\u0301\u0308-—–\"'“”‘’&;#é")
    + ["\n\n", "\r\n", "Ã©", "â€™", "&amp;", "&#233;", "- ", "1. ", "Xi", "word", "e\u0301"]
)
texts = st.lists(st.one_of(st.text(max_size=8), _TRICKY), max_size=40).map("".join)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_restore_gives_back_the_original(text: str) -> None:
    result = clean_text(text)
    assert restore(result) == text


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_cleaning_is_idempotent(text: str) -> None:
    once = clean_text(text)
    twice = clean_text(once.text)
    assert twice.text == once.text
    assert twice.edits == []


@settings(max_examples=200, deadline=None)
@given(
    texts,
    st.sampled_from(["straight", "curly", "keep"]),
    st.sampled_from(["keep", "ascii", "en", "em"]),
)
def test_every_typography_policy_keeps_the_contract(text: str, quotes: str, dashes: str) -> None:
    config = Config(quotes=quotes, dashes=dashes)  # type: ignore[arg-type]
    result = clean_text(text, config)
    assert restore(result) == text
    assert clean_text(result.text, config).edits == []


@settings(max_examples=300, deadline=None)
@given(texts)
def test_edit_spans_point_at_the_original(text: str) -> None:
    """Each edit's ``old`` is what the original holds at its span, unless an earlier edit
    already rewrote that region (then the span covers the rewritten region's origin)."""
    result = clean_text(text)
    for edit in result.edits:
        assert 0 <= edit.start <= edit.end <= len(text)
    first_batch = [e for e in result.edits if e.seq == 0]
    for edit in first_batch:
        assert text[edit.start : edit.end] == edit.old


def test_output_is_canonical_on_messy_text() -> None:
    raw = (
        "\ufeff  Title\r\n\r\n\r\nFirst\u00a0para  with   spaces. \n\n\n\nSecond\u200b para.\t\n\n"
    )
    assert clean_text(raw).text == "Title\n\nFirst para with spaces.\n\nSecond para.\n"


def test_non_string_input_is_a_type_error() -> None:
    import pytest

    with pytest.raises(TypeError, match="decode bytes first"):
        clean_text(b"bytes")  # type: ignore[arg-type]


def test_select_and_ignore_switch_core_steps() -> None:
    raw = "a  b\u2019s\n"
    assert clean_text(raw, Config(ignore=("NM107",))).text == "a  b's\n"
    assert clean_text(raw, Config(select=("NM107",))).text == "a b\u2019s\n"
    assert Config(select=("MT",), ignore=("MT1",)).enabled("MT201")
    assert not Config(select=("MT",), ignore=("MT1",)).enabled("MT101")
