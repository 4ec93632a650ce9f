"""Hypothesis strategies the property tests share."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st


def joined(words: st.SearchStrategy[list[str]], seps: Sequence[str]) -> st.SearchStrategy[str]:
    """Text made of ``words``, each followed by one of ``seps`` (a separator listed twice is
    drawn twice as often): the shape of prose the detectors' shortcuts must agree on, with
    the spaces, line breaks, hyphens and full stops that move word and sentence edges."""
    return words.flatmap(
        lambda ws: st.lists(st.sampled_from(tuple(seps)), min_size=len(ws), max_size=len(ws)).map(
            lambda ss: "".join(w + s for w, s in zip(ws, ss, strict=True))
        )
    )
