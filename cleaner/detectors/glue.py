"""Sentences glued together and punctuation set off by a space (MT907, MT908).

Machine translation and scrapers join sentences without the space (``year.Former``,
``operation.Peskov``, ``".However``) and detach punctuation from its word (``UNN reports .``,
``saying :``). Both are fixed only where the tokens on both sides admit one reading:

* MT907: a word of three or more letters, a full stop, question or exclamation mark (a closing
  quote or bracket may stand on either side of it), then a capitalised word, with no space.
  The word before must be an English word or a known name and not an abbreviation that takes
  a full stop before a name (``Mr.Smith``, ``Gen.Petraeus``); the word after must be an
  English word or a known name and not a web domain (``Amazon.Com``). Anything inside a URL,
  an e-mail address or a line of code never reaches here (the stage drops those hits), and
  digits on either side (``3.5``, ``v2.Final``) do not match.
* MT907 also: a person's family name glued to that person's own title, which follows in
  apposition (``Vladimir PutinPresident of Russia``): a comma and a space are put back.
* MT907 also: a capitalised word that is a person's known name or no English word, glued with no
  full stop and no space to a word that opens sentences and ends no compound or brand (the
  lexicon's ``sentence-openers``: ``The``, ``After``, ``However``), and a word after it
  (``Governor NewsonAfter China``, ``Secretary BroskyThe Shanghai itinerary``): the full
  stop and the space are put back. A left part that is an English word or a place
  (``HereAfter``, a menu's ``Hong KongThe Aberdeen``) is left alone, and so are ``In``,
  ``On`` and ``Up`` (``LinkedIn``). A lower-case English word glued so is a lost full stop
  too (``last yearThe opposition``): a word in lower case never starts a name or a brand
  with an opener inside it (a mixed-case word, ``McDonald``, and an identifier that is no
  English word, ``xhrThe``, are left alone; MT904 leaves such a word to this rule).
* MT907 also: a comma or semicolon glued to the next, lower-case word (``Kyiv,where``), as a
  Chinese or Japanese source's full-width comma ``，`` leaves it once the encoding repair
  narrows it, and the ideographic comma ``、`` (``Japan、Korea``): both words English words
  or known names, the first of three letters or more (``tl;dr``); not in a run of such
  joins (``red,green,blue``), after a dot (``example.org,act``) or in a mixed-case word.
  And the ideographic full stop ``。`` after a Latin letter, a digit or a closing quote
  becomes ``.`` (``. `` before a capital glued to it: ``on。The``); after CJK text it stays.
* MT908: spaces before ``, . ; : ! ?`` that follow a word, a number or a closing quote and
  come before a space, a line end or a closing quote. Left alone: after a bracket (an
  interview's speaker label ``((WSS)) :``), before one (a smiley ``everything is :)``), an
  ellipsis (`` ...``),
  a number on both sides of a colon or full stop (a score ``3 : 1``), a lone punctuation mark
  on its own line, and text whose lines use French spacing throughout (``Bonjour !``) never
  gets here because it is not English.
* MT908 also: the mark set off from its word and glued to the next (``went well ,and``,
  ``constructive .The two``): the space goes after it, when both words are English words or
  known names (``Amazon .Com``, ``.NET``, ``3 ,5`` are left alone); a possessive set off from
  its word (``Japan ’s``; not before a capital: ``in ’s Gravenhage``); and a space inside a
  curly quote (``“ We``) whose partner stands on the same line on the side its shape says.
  A straight quote has no side, so a space after or before one is left alone, and so is a
  space inside round brackets (``( Score: 2 )``: a style some sites keep).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from cleaner.detectors import Hit
from cleaner.detectors.names import NameIndex, fold
from cleaner.detectors.text import zipf
from cleaner.model import FixSafety, Level, Stage
from cleaner.registry import RuleRecord, allowed, examples
from cleaner.textview import TextView, as_view

GLUE_RULE = "MT907"
SPACE_RULE = "MT908"
RULES = (
    RuleRecord(
        GLUE_RULE,
        "sentence-glue",
        Stage.ARTIFACT,
        Level.WARNING,
        FixSafety.SAFE,
        "no space between two sentences",
        __doc__ or "",
        examples(
            (
                "It began last year.Former officials said so.",
                "It began last year. Former officials said so.\n",
            ),
            (
                "He met Governor BroskyThe talks went well.",
                "He met Governor Brosky. The talks went well.\n",
            ),
            (
                "The deal was signed last yearThe opposition rejected it.",
                "The deal was signed last year. The opposition rejected it.\n",
            ),
        ),
        allowed(
            "Mr.Smith visited www.example.Com and wrote 3.5 percent.",
            "Find us on LinkedIn and HereAfter Films.",
        ),
        origin=__name__,
    ),
    RuleRecord(
        SPACE_RULE,
        "space-before-punctuation",
        Stage.ARTIFACT,
        Level.WARNING,
        FixSafety.SAFE,
        "space between a word and its punctuation",
        __doc__ or "",
        examples(
            (
                "The minister resigned, UNN reports .",
                "The minister resigned, UNN reports.\n",
            ),
            (
                "He said the talks went well ,and called them constructive .The two sides met.",
                "He said the talks went well, and called them constructive. The two sides met.\n",
            ),
            (
                "Japan ’s minister told reporters so.",
                "Japan's minister told reporters so.\n",
            ),
        ),
        allowed(
            "Wait for it ... the score was 3 : 1.",
            "Napíšte nám !",
            "They grew into a strong friendship ) and ( see all ).",
            "Install the tool .NET from Amazon .Com in ’s Gravenhage.",
        ),
        origin=__name__,
    ),
)

_GLUE = regex.compile(
    r"(?<![\p{L}\p{N}\p{M}._@/\\:-])"
    r"(?P<left>\p{L}[\p{L}\p{M}'’]{2,})"
    r"(?P<mark>[\"”’)\]]?[.!?][\"”’)\]]?)"
    r"(?P<right>\p{Lu}\p{Ll}[\p{L}\p{M}]*|\p{Lu}(?=[\s,;:]))"
    r"(?![\p{N}._@/\\-]\w)"
)
MIN_ZIPF = 3.0

# A word glued to a capitalised one with a word after it: "NewsonAfter China", "yearThe
# opposition" (a capitalised name or a lower-case word: never a mixed-case one, "McDonald").
_CAMEL = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}'’._@#/\\-])"
    r"(?P<left>\p{Lu}\p{Ll}{2,}|\p{Ll}{3,})"
    r"(?P<right>\p{Lu}\p{Ll}+)"
    r"(?=[ \u00a0]\p{L})"
)
_CAMEL_CUE = regex.compile(r"\p{Ll}\p{Lu}\p{Ll}+[ \u00a0]")

_SPACED = regex.compile(
    r"(?<=(?P<left>[\p{L}\p{N}\"”’]))(?P<space>[ \u00a0]+)(?P<mark>[,.;:!?])"
    r"(?=(?P<after>[ \u00a0\n\"”’]|$))"
)


# A spaced mark moved onto the next word: "went well ,and", "constructive .The two sides";
# the word after it lower case after a comma or semicolon, capitalised after a sentence end.
_SPACED_ON = regex.compile(
    r"(?<=(?P<left>\p{L}[\"”’]?))[ \u00a0]+"
    r"(?:(?P<comma>[,;])(?P<lower>\p{Ll}[\p{Ll}\p{M}]+)"
    r"|(?P<stop>[.!?])(?P<upper>\p{Lu}\p{Ll}[\p{Ll}\p{M}]*))"
    r"(?![\p{L}\p{M}\p{N}'’_@/\\=-]|[.:,;][\p{L}\p{N}])"
)
_SPACED_ON_CUE = regex.compile(r"[ \u00a0][,;.!?]\p{L}")
# A possessive set off from its word ("Japan ’s exports"), and the space inside a curly quote
# ("“ We will", "up ”"): which side a curly quote is on is in its shape, so the space is a
# slip wherever it stands. Not a round bracket: "( Score: 2 )", "( see all )" is a style some
# sites keep.
_SPACED_POSSESSIVE = regex.compile(
    r"(?<=\p{L})[ \u00a0]+(?P<mark>['’‘]s)(?![\p{L}\p{M}\p{N}'’_-]|[ \u00a0]\p{Lu})"
)
_INNER_SPACE = regex.compile(
    r"(?:(?<=^|\s)(?P<open>“)[ \u00a0]+(?=[\p{L}\p{N}])"
    r"|(?<=[\p{L}\p{N}.,!?])[ \u00a0]+(?P<close>”)(?=[\s.,;:!?]|$))",
    regex.MULTILINE,
)
_POSSESSIVE_CUE = regex.compile(r"[ \u00a0]['’‘]s\b")
_QUOTE_CUES = ("“ ", "“\u00a0", " ”", "\u00a0”")


# What every match of _GLUE and of _SPACED holds: one search for it says whether the costlier
# scan (a look-behind at every position) can find anything; most articles have neither.
_GLUE_CUE = regex.compile(r"[.!?][\"”’)\]]?\p{Lu}")
# (and of _SPACED_ON, _SPACED_POSSESSIVE and _INNER_SPACE: one scan for all of MT908)
_SPACED_CUE = regex.compile(r"[ \u00a0][,.;:!?'’‘”]|“[ \u00a0]")


# A comma or semicolon with no space before the next word: "said,the talks", as a source's
# full-width "，" that the encoding repair narrows leaves it, or an ideographic comma "、".
# Not inside a run of such joins ("red,green,blue": data) nor after a dot ("x.org,act").
_COMMA_GLUE = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}'’._@/\\:,;、-])"
    r"(?P<left>\p{L}[\p{L}\p{M}]{2,})"
    r"(?P<mark>[,;、])"
    r"(?P<right>\p{Ll}[\p{Ll}\p{M}]+|(?<=、)\p{Lu}[\p{Ll}\p{M}]+)"
    r"(?![\p{L}\p{M}\p{N}'’_@/\\=-]|[.:,;、][\p{L}\p{N}])"
)
_COMMA_CUE = regex.compile(r"[,;、]\p{L}")
# An ideographic full stop ending an English sentence ("talks went on。The minister"): after
# a Latin letter, a digit or a closing quote or bracket, never after CJK text.
_IDEO_STOP = regex.compile(r"(?<=[\p{Latin}\p{N}\"”’)\]])。(?P<next>\p{Lu})?")


def detect(text: str | TextView, index: NameIndex) -> list[Hit]:
    view = as_view(text)
    return [
        *_glued(view.text, index),
        *_lost_stop(view.text, index),
        *(_spaced(view.text, index) if _SPACED_CUE.search(view.text) else ()),
        *_comma_glued(view.text, index),
        *_ideographic_stops(view.text),
    ]


def _ideographic_stops(text: str) -> list[Hit]:
    """MT907 also: a Chinese or Japanese source's full stop ``。`` left after an English word
    becomes ``.``, with the space English puts before the next sentence when a capital
    follows it at once (``on。The`` -> ``on. The``)."""
    if "。" not in text:
        return []
    return [
        Hit(
            m.start(),
            m.start() + 1,
            GLUE_RULE,
            Level.WARNING,
            "an ideographic full stop '。' ends an English sentence",
            (". " if m.group("next") else ".",),
            FixSafety.SAFE,
            "a Chinese or Japanese full stop after an English word: an English full stop",
        )
        for m in _IDEO_STOP.finditer(text)
    ]


def _comma_glued(text: str, index: NameIndex) -> list[Hit]:
    """MT907 also: a comma or semicolon glued to the next word (module docstring), both
    words English words or known names (``Kyiv,where`` -> ``Kyiv, where``); the ideographic
    comma becomes an English one (``Japan、Korea`` -> ``Japan, Korea``)."""
    hits: list[Hit] = []
    if not _COMMA_CUE.search(text):
        return hits
    suffixes = index.lexicon.words("dot-suffixes")
    for m in _COMMA_GLUE.finditer(text):
        left, mark, right = m.group("left"), m.group("mark"), m.group("right")
        if left.lower() in suffixes:
            continue  # "org,act": a list of web addresses
        if not left[1:].islower() and not left.isupper() and not index.is_known(left):
            continue  # "iPhone": a mixed-case word is a name we do not know
        if not (_word_ok(left, index) and _word_ok(right, index)):
            continue
        comma = "," if mark == "、" else mark
        hits.append(
            Hit(
                m.start("mark"),
                m.end("mark"),
                GLUE_RULE,
                Level.WARNING,
                f"no space after '{comma}': '{left}{mark}{right}'",
                (f"{comma} ",),
                FixSafety.SAFE,
                "a word, a comma or semicolon and a word run together; both words are "
                "English words or known names",
            )
        )
    return hits


def _word_ok(word: str, index: NameIndex) -> bool:
    return zipf(word) >= MIN_ZIPF or index.is_known(word)


def _glue_matches(text: str) -> Iterator[regex.Match[str]]:
    """The matches of ``_GLUE`` in ``text``, found by scanning only the stretches between
    spaces and line breaks that hold its cue (``_GLUE_CUE``), not the whole text with a
    look-behind at every position: a cue turns up in "U.S.A" or "No.1" in a fifth of
    articles, and the scan then ran over all of them.

    A match holds no space or line break (its words, marks and quotes are none), so it lies
    in one such stretch, and a scan entering a stretch is where a scan from its start is;
    the stretch is scanned with the one character after it, which the match's look-ahead
    may read, and the look-behind reads the one before it, which ``regex`` sees past
    ``pos``. Every match holds a cue (its mark, then a capital)."""
    end = -1
    for cue in _GLUE_CUE.finditer(text):
        at = cue.start()
        if at < end:
            continue  # in the stretch just scanned
        start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1
        end = min(_find(text, " ", at), _find(text, "\n", at))
        yield from _GLUE.finditer(text, start, end + 1)


def _find(text: str, char: str, at: int) -> int:
    """Where ``char`` is next at or after ``at``, or the text's end."""
    found = text.find(char, at)
    return len(text) if found < 0 else found


def _glued(text: str, index: NameIndex) -> list[Hit]:
    hits: list[Hit] = []
    for m in _glue_matches(text):
        left, mark, right = m.group("left"), m.group("mark"), m.group("right")
        lexicon = index.lexicon
        if left.lower() in lexicon.words("dotted-abbreviations") or right.lower() in (
            lexicon.words("dot-suffixes")
        ):
            continue
        if not left[1:].islower() and not left.isupper() and not index.is_known(left):
            continue  # "iPhone", "McDonald": a mixed-case word is a name we do not know
        if not (_word_ok(left, index) and _word_ok(right, index)):
            continue
        at = m.start("right")
        hits.append(
            Hit(
                m.start("mark"),
                at,
                GLUE_RULE,
                Level.WARNING,
                f"no space between two sentences: '{left}{mark}{right}'",
                (f"{mark} ",),
                FixSafety.SAFE,
                "a word, a sentence end and a capitalised word run together; "
                "both words are English words or known names",
            )
        )
    return hits


_WORD_END = regex.compile(r"[\p{L}\p{M}]*$")


def _camel_matches(text: str) -> Iterator[regex.Match[str]]:
    """The matches of ``_CAMEL``, each tried only at the word that holds a cue
    (``_CAMEL_CUE``: a small letter, then a capitalised word and a space) rather than at
    every word start: a lower-case word may open a match, and most articles have no cue."""
    for cue in _CAMEL_CUE.finditer(text):
        at = cue.start() + 1  # the capital
        word = _WORD_END.search(text, max(0, at - 80), at)
        start = word.start() if word else at
        m = _CAMEL.match(text, start)
        if m is not None and m.end("left") == at:
            yield m


def _lost_stop(text: str, index: NameIndex) -> list[Hit]:
    """A name glued to the next sentence's first word with no full stop (module docstring):
    ``NewsonAfter`` -> ``Newson. After``."""
    hits: list[Hit] = []
    openers = index.lexicon.words("sentence-openers")
    for m in _camel_matches(text):
        left, right = m.group("left"), m.group("right")
        if right.lower() not in openers:
            person = _own_title(text, m.start("right"), left, index) if left[0].isupper() else None
            if person is not None:
                message = f"no comma or space between '{left}' and {person}'s own title"
                why = "a person's name glued to the person's own title, in apposition"
                hits.append(_mark_hit(m, f", {right}", message, why))
            continue
        if index.is_known(left + right) or zipf(left + right) > 0.0:
            continue  # a known name or a word written so
        if left[0].islower():
            if zipf(left) < MIN_ZIPF:
                continue  # "iosThe", "getThe": no running English word, an identifier
        elif fold(left) not in index.people and zipf(left) >= MIN_ZIPF:
            continue  # "HereAfter", "Hong KongThe" (a menu): a word, not a person's name
        message = f"no full stop or space between two sentences: '{left}{right}'"
        why = (
            "a name glued to a word that opens sentences and ends no compound or brand"
            if left[0].isupper()
            else "a lower-case English word glued to a capitalised word that opens sentences"
        )
        hits.append(_mark_hit(m, f". {right}", message, why))
    return hits


def _mark_hit(m: regex.Match[str], new: str, message: str, why: str) -> Hit:
    """The safe fix of a ``_CAMEL`` match: its right word, with the lost mark before it."""
    return Hit(
        m.start("right"), m.end("right"), GLUE_RULE, Level.WARNING, message, (new,),
        FixSafety.SAFE, why,
    )  # fmt: skip


_TITLE_OF = regex.compile(r" of (?:the )?\p{Lu}")


def _own_title(text: str, at: int, left: str, index: NameIndex) -> str | None:
    """The person whose family name ``left`` is, when ``text`` at ``at`` goes on with one of
    that person's own titles of two words or more, or a one-word title then "of" and a
    capitalised word ("PutinPresident of Russia"); else None."""
    for e in index.people.get(fold(left), ()):
        for title in e.titles:
            words = title.split()
            if len(words) >= 2 and text.startswith(title, at):
                return e.canonical
            if len(words) == 1 and _TITLE_OF.match(text, at + len(title)):
                return e.canonical
    return None


_FRENCH_SPACED = "!?;:"
_LAST_WORD = regex.compile(r"[\p{L}\p{M}'’]+$")


def _english_before(before: str) -> bool:
    """Whether the word before a spaced ``! ? ; :`` is English (or not a word at all).

    French and other languages' typography put a space there, and a line too short for the
    language check (``Napíšte nám !``, one of ftfy's test cases) reaches this detector as if
    it were English; only an English word before the mark makes the space a translation slip.
    """
    word = _LAST_WORD.search(before)
    return word is None or zipf(word.group()) >= MIN_ZIPF


def _spaced(text: str, index: NameIndex) -> list[Hit]:
    """MT908: every shape (module docstring); the caller has found ``_SPACED_CUE``."""
    hits: list[Hit] = [*_spaced_on(text, index), *_inner_spaces(text)]
    for m in _SPACED.finditer(text):
        mark, left = m.group("mark"), m.group("left")
        if mark == "." and text[m.end() : m.end() + 1] == ".":
            continue  # an ellipsis
        if mark in ".:" and left.isdigit():
            nxt = regex.match(r"[ \u00a0]*(\p{N})", text[m.end() :])
            if nxt:
                continue  # "3 : 1", "5 . 2": a score or a spaced number
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[line_start : m.start("space")]
        if not before.strip():
            continue
        if mark in _FRENCH_SPACED and not _english_before(before):
            continue  # "Napíšte nám !": French-style spacing after a word English does not have
        hits.append(
            Hit(
                m.start("space"),
                m.end("mark"),
                SPACE_RULE,
                Level.WARNING,
                f"space before '{mark}'",
                (mark,),
                FixSafety.SAFE,
                "a space between a word and the punctuation that ends it",
            )
        )
    return hits


def _spaced_on(text: str, index: NameIndex) -> list[Hit]:
    """MT908 also: a mark set off from its word and glued to the next one (``well ,and``,
    ``constructive .The``): the space goes after the mark. Both words are English words or
    known names (the one before may close a quotation; not a number or a bracket: a tag
    list's ``Nutanix (57) .Next``), and the word after a full stop is no web domain or file
    type (``Amazon .Com``)."""
    hits: list[Hit] = []
    if not _SPACED_ON_CUE.search(text):
        return hits
    suffixes = index.lexicon.words("dot-suffixes")
    for m in _SPACED_ON.finditer(text):
        mark = m.group("comma") or m.group("stop")
        right = m.group("lower") or m.group("upper")
        word = _LAST_WORD.search(text[max(0, m.start() - 40) : m.start()].rstrip('"”’'))
        if word is None or not _word_ok(word.group(), index):
            continue  # "sl ,x": no running English before it
        if not _word_ok(right, index) or right.lower() in suffixes:
            continue
        hits.append(
            Hit(
                m.end("left"),
                m.end("comma") if m.group("comma") else m.end("stop"),
                SPACE_RULE,
                Level.WARNING,
                f"'{mark}' set off from its word and glued to the next: '{mark}{right}'",
                (f"{mark} ",),
                FixSafety.SAFE,
                "a space before a punctuation mark and none after it, between two English "
                "words or known names",
            )
        )
    return hits


def _inner_spaces(text: str) -> list[Hit]:
    """MT908 also: a space between a word and its possessive ``’s`` (``Japan ’s``; not
    before a capitalised word, ``in ’s Gravenhage``), after an opening curly quote or before a
    closing one (``“ We``, ``up ”``): removed."""
    hits: list[Hit] = []
    possessive = _POSSESSIVE_CUE.search(text)
    for m in _SPACED_POSSESSIVE.finditer(text, possessive.start()) if possessive else ():
        message = "a possessive set off from its word"
        if m.group("mark")[0] == "‘":  # curly quotes made it an opening one: "Japan ‘s"
            hits.append(_space_hit(m.start(), m.end("mark"), message, "’s"))
        else:
            hits.append(_space_hit(m.start(), m.start("mark"), message))
    quoted = any(cue in text for cue in _QUOTE_CUES)
    for m in _INNER_SPACE.finditer(text) if quoted else ():
        mark = m.group("open") or m.group("close")
        if not _paired(text, m.start(), mark):
            continue  # "it was over ” and": a quote that spans paragraphs, or a stray mark
        if m.group("open"):
            hits.append(_space_hit(m.end("open"), m.end(), f"a space after '{mark}'"))
        else:
            hits.append(_space_hit(m.start(), m.start("close"), f"a space before '{mark}'"))
    return hits


_PAIRS = {"“": "”", "”": "“"}


def _paired(text: str, at: int, mark: str) -> bool:
    """Whether ``mark`` at or after ``at`` has its partner on its line, on the side the
    mark's shape says (an opening one after it, a closing one before it), with no mark of
    its own kind between: a quote that runs over paragraphs, or a stray mark, is left."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = _find(text, "\n", at)
    partner = _PAIRS[mark]
    if mark == "“":
        after = text[text.index(mark, at) + 1 : line_end]
        return after.find(partner) >= 0 and after.find(partner) < _find(after, mark, 0)
    before = text[line_start:at]
    return before.rfind(partner) > before.rfind(mark)


def _space_hit(start: int, end: int, message: str, new: str = "") -> Hit:
    """The safe removal of the spaces at ``start:end`` (with the apostrophe, ``new``, when
    the span holds a possessive's quote turned the wrong way)."""
    return Hit(
        start, end, SPACE_RULE, Level.WARNING, message, (new,), FixSafety.SAFE,
        "a space on the inner side of a curly quote, or before a possessive",
    )  # fmt: skip
