"""Foreign script left in English text (MT906): ``Президент said``, ``习近平 visited``.

Untranslated fragments, and single look-alike letters inside Latin words (a Cyrillic ``і`` in
``Kyіv``, which breaks search and spell checks), survive machine translation and scraping. Any
run of Cyrillic, Greek, CJK, Arabic, Hebrew, Georgian or Armenian letters is reported, except a
lone Greek letter between non-letters (``α``, ``μm``, ``Ω``: science notation). Findings only;
the language stage decides whether the article as a whole is English at all.
"""

from __future__ import annotations

import regex

from cleaner.detectors import Hit
from cleaner.model import FixSafety, Level, Stage
from cleaner.registry import RuleRecord, allowed, examples
from cleaner.textview import TextView, as_view

RULE = "MT906"
RULES = (
    RuleRecord(
        RULE,
        "foreign-script",
        Stage.ARTIFACT,
        Level.WARNING,
        FixSafety.NONE,
        "untranslated text in a foreign script",
        __doc__ or "",
        examples(
            (
                "We owe you a great debt \u0434\u044f\u043a\u0443\u0454\u043c\u043e thank you.",
                "We owe you a great debt \u0434\u044f\u043a\u0443\u0454\u043c\u043e thank you.\n",
            ),
            ("Kyi\u0456v was shelled.", "Kyi\u0456v was shelled.\n"),
        ),
        allowed("The beam had a width of 5 \u03bcm."),
        origin=__name__,
    ),
)
_SCRIPTS = (
    r"\p{Cyrillic}\p{Greek}\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}"
    r"\p{Arabic}\p{Hebrew}\p{Georgian}\p{Armenian}\p{Thai}\p{Devanagari}"
)
_LETTER = regex.compile(rf"[{_SCRIPTS}]")
_RUN = regex.compile(rf"[{_SCRIPTS}][{_SCRIPTS}\p{{M}}\s'’-]*(?<=[{_SCRIPTS}\p{{M}}])")
_WORD = regex.compile(r"[\p{L}\p{M}]+")
_LONE_GREEK = regex.compile(r"(?<!\p{L})\p{Greek}(?!\p{Greek})")


def detect(text: str | TextView) -> list[Hit]:
    view = as_view(text)
    text = view.text
    # Every fragment starts with a letter of one of the scripts: with none among the
    # characters the text uses (most English text), the scan would find nothing.
    if text.isascii() or not _LETTER.search("".join(view.chars)):
        return []
    hits: list[Hit] = []
    for m in _RUN.finditer(text):
        frag = m.group()
        if len(frag) == 1 and _LONE_GREEK.match(text, m.start()):
            continue
        word = _WORD.match(text, _word_start(text, m.start()))
        mixed = word is not None and regex.search(r"\p{Latin}", word.group())
        if mixed and word is not None:
            hits.append(
                Hit(
                    word.start(),
                    word.end(),
                    RULE,
                    Level.WARNING,
                    f"'{word.group()}' mixes Latin with look-alike foreign letters ('{frag}')",
                    (),
                    FixSafety.NONE,
                    "mixed-script word: look-alike letters from another alphabet",
                )
            )
            continue
        hits.append(
            Hit(
                m.start(),
                m.end(),
                RULE,
                Level.WARNING,
                f"untranslated text in a foreign script: '{frag}'",
                (),
                FixSafety.NONE,
                "foreign-script fragment in English text",
            )
        )
    return hits


def _word_start(text: str, pos: int) -> int:
    while pos > 0 and regex.match(r"[\p{L}\p{M}]", text[pos - 1]):
        pos -= 1
    return pos
