"""Foreign script left in English text (MT906): ``Президент said``, ``习近平 visited``.

Untranslated fragments, and single look-alike letters inside Latin words (a Cyrillic ``і`` in
``Kyіv``, which breaks search and spell checks), survive machine translation and scraping. Any
run of Cyrillic, Greek, CJK, Arabic, Hebrew, Georgian or Armenian letters is reported, except a
lone Greek letter between non-letters (``α``, ``μm``, ``Ω``: science notation). Findings only;
the language stage decides whether the article as a whole is English at all.

One kind is certain enough to translate, as a safe fix: a fragment made only of countries'
Russian or Ukrainian names (rules/words/place_names.yaml) written as the name
(``Украина``) or in a form that can only be its genitive, read as one place (``the
territory [Украины]`` -> ``[of Ukraine]``; Ukrainian ``[України]`` too), and, last, the
given name of the gazetteer person named right after the fragment, in any romanisation of
it that person's entry knows (``the president [Украины Владимир] Zelensky`` -> ``[of
Ukraine Volodymyr]``). A form that may be another case (``Германии``: of, to or in
Germany) or any other word leaves the fragment a finding.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from cleaner.detectors import Hit
from cleaner.detectors.names import NameIndex, first_name, fold
from cleaner.model import FixSafety, Level, Stage
from cleaner.registry import RuleRecord, allowed, examples
from cleaner.rules.translit import cyrillic_key, readings, russian, ukrainian
from cleaner.textview import TextView, as_view

RULE = "MT906"
RULES = (
    RuleRecord(
        RULE,
        "foreign-script",
        Stage.ARTIFACT,
        Level.WARNING,
        FixSafety.SAFE,
        "untranslated text in a foreign script (a country's name translated)",
        __doc__ or "",
        examples(
            (
                "We owe you a great debt \u0434\u044f\u043a\u0443\u0454\u043c\u043e thank you.",
                "We owe you a great debt \u0434\u044f\u043a\u0443\u0454\u043c\u043e thank you.\n",
            ),
            ("Kyi\u0456v was shelled.", "Kyi\u0456v was shelled.\n"),
            (
                "They will not give up the territory [\u0423\u043a\u0440\u0430\u0438\u043d\u044b].",
                "They will not give up the territory [of Ukraine].\n",
            ),
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


def detect(text: str | TextView, index: NameIndex | None = None) -> list[Hit]:
    """Every foreign-script fragment; with ``index``, those of country names (and the next
    person's given name) translated."""
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
        english = _translation(text, m.start(), m.end(), index) if index is not None else None
        message = f"untranslated text in a foreign script: '{frag}'"
        hit = Hit(
            m.start(), m.end(), RULE, Level.WARNING, message, (), FixSafety.NONE,
            "foreign-script fragment in English text",
        )  # fmt: skip
        if english is not None:
            hit = replace(
                hit,
                message=f"{message} is '{english}'",
                suggestions=(english,),
                fix=FixSafety.SAFE,
                reason="a country's Russian or Ukrainian name left untranslated",
            )
        hits.append(hit)
    return hits


_CYRILLIC_WORD = regex.compile(r"\p{Cyrillic}+")
# After a fragment: its closing bracket or quote, then the next word.
_NEXT_NAME = regex.compile(r"[\])»”\"']?[ \u00a0]+(\p{Lu}[\p{L}\p{M}'’-]+)")


# Before a fragment in running text: a space, then perhaps one of these.
_OPENERS = "[(«“\"'"


def _translation(text: str, start: int, end: int, index: NameIndex) -> str | None:
    """The fragment ``text[start:end]`` in English when it stands in running text and every
    word is a country's name (as written, or a form that can only be its genitive: "of
    ...") or, last, the given name of the person named right after it; else None. Not when
    no space comes before it or the English follows it in brackets: a menu of languages or
    regions (``Belarus)Україна (Ukraine)``) lists names, it does not leave them."""
    words = text[start:end].split()
    if not words or not all(_CYRILLIC_WORD.fullmatch(w) for w in words):
        return None
    before = start - 1 if start and text[start - 1] in _OPENERS else start
    if not before or text[before - 1] not in " \u00a0":
        return None
    exact, genitive = index.derived("native_place_names", _place_names)
    out: list[str] = []
    for n, word in enumerate(words):
        key = cyrillic_key(word)
        cases = {case for lemma, case in readings(word) if lemma in genitive}
        lemmas = {lemma for lemma, _ in readings(word) if lemma in genitive}
        if key in exact:
            out.append(exact[key])
        elif cases == {"gent"} and len(lemmas) == 1:
            out.append(f"of {genitive[lemmas.pop()]}")
        elif n == len(words) - 1 and (given := _given_name(word, text, end, index)):
            out.append(given)
        else:
            return None
    english = " ".join(out)
    if regex.match(rf"[\])»”\"']?\s*\(\s*{regex.escape(english)}\b", text[end:], regex.I):
        return None  # glossed already: "Україна (Ukraine)"
    return english


def _place_names(index: NameIndex) -> tuple[dict[str, str], dict[str, str]]:
    """The lexicon's ``native-place-names`` by their written form, and the one-word ones
    by the dictionary form a case form is read back to."""
    exact: dict[str, str] = {}
    for name, targets in index.lexicon.table("native-place-names"):
        if targets:
            exact.setdefault(cyrillic_key(name), targets[0])
    genitive = {k: v for k, v in exact.items() if " " not in k}
    return exact, genitive


def _given_name(word: str, text: str, end: int, index: NameIndex) -> str | None:
    """The English given name ``word`` (Cyrillic) stands for when the word right after the
    fragment is the family name of a gazetteer person whose given name, or one of the
    other languages' given names their entry lists, romanises ``word``."""
    after = _NEXT_NAME.match(text, end)
    if after is None:
        return None
    spellings = {fold(s) for s in (*russian(word), *ukrainian(word))}
    for person in index.people.get(fold(after.group(1)), ()):
        given = first_name(person)
        names = (given, *person.wrong_first_names)
        if given and any(n and fold(n) in spellings for n in names):
            return given
    return None


def _word_start(text: str, pos: int) -> int:
    while pos > 0 and regex.match(r"[\p{L}\p{M}]", text[pos - 1]):
        pos -= 1
    return pos
