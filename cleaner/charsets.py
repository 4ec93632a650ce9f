"""Which legacy encoding a non-UTF-8 file is in, and whether that is known or a guess.

Why not take a detector's answer: charset-normalizer, on English news saved as Latin-1,
answers cp1250, cp932 or cp850 for a large share of files ("£15.8m" read as "Ł15.8m" or
"｣15.8m", "piñata" as "pińata"), and ``fix`` used to write that back as UTF-8. The bytes of
a single-byte file decode under every single-byte code page, so the question is not "which
decodes" but "which reads as text someone wrote". Each candidate's reading is scored, lower
is more plausible:

* 3 points per implausible character: a control character; a symbol glued between letters
  (``Bia³y``) or next to a digit (``28∞``); a mathematical sign news text does not use; a
  capital after an accented small letter (``caf\u00da``, ``\u00f3Zinichev``); a letter of
  another script inside a Latin word (``caf\u0439``) or a foreign combining mark on one
  (``Co\u0650s``); an accented letter glued to a digit (``\u014115.8m``); a Latin word of
  accented letters only (cp1252's reading of Cyrillic); box drawing (a DOS code page's
  reading of letters); in text whose letters are mostly ASCII, a lone accented letter that
  is no common word (mac-roman's " \u00f3 " for an em dash), a lone letter of another script
  and any CJK, kana or half-width character (a CJK code page for Latin text is never
  plausible); in CJK text, half-width kana, ideographs no national standard's common set
  holds, and ASCII letters interleaved one by one with ideographs;
* where the readings disagree, each word with a non-ASCII letter scores -1 if a language of
  the candidates' regions knows it (``wordfreq``); an unknown word scores nothing (names).
  Besides, a best reading with more than ``_DAMAGED`` implausible characters is a guess
  whatever the others score: the file may hold mojibake of its own.

The best reading is *certain* when every reading that differs from it scores at least
``MARGIN`` more; otherwise it is a guess, and the caller says so (a finding, and ``fix`` /
``--in-place`` refuse to rewrite the file). Readings that agree are not alternatives:
``cp1252`` and ``latin-1`` read every byte outside 0x80-0x9F the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

_WESTERN = ("en", "fr", "de", "es", "it", "pt", "nl")
_CENTRAL = ("pl", "cs", "hu", "ro", "sk", "sl", "sh")
_CYRILLIC = ("ru", "uk", "bg")
_LATIN_SCRIPT = (*_WESTERN, *_CENTRAL)

# (Python codec, languages whose words vouch for a reading). The order is the prior on ties:
# the Western code pages are the commonest legacy encodings of news text. An empty language
# tuple: no word list here (CJK needs a segmenter), judged on characters alone.
CANDIDATES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("cp1252", _WESTERN),
    ("iso8859-1", _WESTERN),
    ("iso8859-15", _WESTERN),
    ("cp1250", _CENTRAL),
    ("iso8859-2", _CENTRAL),
    ("cp1257", ("lt", "lv")),
    ("cp1254", ("tr",)),
    ("mac-roman", _WESTERN),
    ("cp850", _WESTERN),
    ("cp437", _WESTERN),
    ("cp1251", _CYRILLIC),
    ("koi8-r", _CYRILLIC),
    ("koi8-u", _CYRILLIC),
    ("cp866", _CYRILLIC),
    ("iso8859-5", _CYRILLIC),
    ("cp1253", ("el",)),
    ("iso8859-7", ("el",)),
    ("cp1255", ("he",)),
    ("cp1256", ("ar", "fa")),
    ("gb18030", ()),
    ("big5", ()),
    ("cp932", ()),
    ("euc_jp", ()),
    ("euc_kr", ()),
)
_LANGUAGES = dict(CANDIDATES)

IMPLAUSIBLE_POINTS = 3
# How far ahead of every differing reading the best must be to count as known, not guessed:
# one more known word, or one implausible character fewer. On the decoding benchmark two
# words (instead of one) left the silent misdecodings at 0 on both halves but flagged
# twice as many files that one word had decided right ("It’s" / "Itís", "Muñoz" / "Muńoz").
MARGIN = 1
# Readings with at most this many implausible characters more than the best are weighed
# word by word; at most this many differing places are looked up (enough evidence).
_CONTEND = 2
# A best reading with more implausible characters than this is a guess whatever the margin.
_DAMAGED = 1
_MAX_PLACES = 60

_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\p{Cn}\p{Co}\ufffd]")
# A symbol, non-ASCII punctuation or other-number (``³``) between letters; apostrophes,
# dashes ("season—it's"), the ellipsis and the Catalan middle dot go between letters.
_GLUED_SYMBOL = regex.compile(
    r"(?<=\p{L})[[\p{S}\p{P}\p{No}]--[\x00-\x7f\p{Pd}\u2018\u2019\u02bc\u2026\u00b7\u00d7"
    r"\u3000-\u303f\uff01-\uff65]](?=\p{L})"
    # ... or between a letter and a digit, or a digit and a letter or digit, where only a
    # few belong ("20°C", "2×3").
    r"|(?<=\p{L})[[\p{S}\p{P}\p{No}]--[\x00-\x7f\p{Pd}\u00b0\u00d7\u00b2\u00b3\u00b9\u2026]](?=\p{N})"
    r"|(?<=\p{N})[[\p{S}\p{P}\p{No}]--[\x00-\x7f\p{Pd}\u00b0\u00d7\u00b2\u00b3\u00b9\u2026]](?=[\p{L}\p{N}])"
    # A non-ASCII symbol or other-number touching an accented letter or another such
    # symbol ("¤ã¦¥": cp1252's reading of cp866 Cyrillic).
    r"|[[\p{S}\p{No}]--\p{ASCII}](?=[[\p{L}\p{S}\p{No}]--\p{ASCII}])"
    r"|(?<=[\p{L}--\p{ASCII}])[[\p{S}\p{No}]--\p{ASCII}]"
    # Mathematical signs other than these are not in news text written in a code page
    # (mac-roman and koi8 read dashes as "≈", "√").
    r"|[\p{Sm}--[\x00-\x7f\u00b1\u00d7\u00f7\u00ac\u2212]]",
    regex.V1,
)
_CAPITAL_AFTER_SMALL = regex.compile(
    r"(?<=\p{Ll})[\p{Lu}--\p{ASCII}]|(?<=[\p{Ll}--\p{ASCII}])\p{Lu}", regex.V1
)
_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}"
_MIXED_SCRIPT = regex.compile(
    rf"\p{{Latin}}(?=[\p{{L}}--\p{{Latin}}--[{_CJK}]])"
    rf"|[\p{{L}}--\p{{Latin}}--[{_CJK}]](?=\p{{Latin}})"
    # A combining mark no Latin text carries, on a Latin letter or after no letter at all
    # (cp1255/cp1256 read Latin-1 accents as Hebrew points and Arabic vowel signs).
    r"|(?<=\p{Latin})[\p{M}--[\u0300-\u036f]]|(?<!\p{L}|\p{M})\p{M}",
    regex.V1,
)
# A non-ASCII letter standing alone as a word (mac-roman reads an em dash as " ó "): fine
# only when it is a very common word ("à", "è").
_LONE_LETTER = regex.compile(r"(?<![\p{L}\p{M}])[\p{Latin}--\p{ASCII}](?![\p{L}\p{M}])", regex.V1)
# One or two letters of another script standing alone (cp866 reads an en dash as "Ц"):
# counted only in text whose letters are mostly ASCII, where a real foreign word is longer.
_LONE_FOREIGN = regex.compile(
    rf"(?<!\p{{L}})[\p{{L}}--\p{{Latin}}--[{_CJK}]]{{1,2}}(?!\p{{L}})", regex.V1
)
_LETTER_DIGIT = regex.compile(
    r"[\p{L}--\p{ASCII}](?=\d)|(?<=\d)[\p{L}--[\p{ASCII}\u00aa\u00ba]]", regex.V1
)
_LATIN_WORD = regex.compile(r"\p{Latin}{3,}")
# One ASCII letter between two CJK characters, or one CJK character between two ASCII
# letters: what reading two-byte units of ASCII text as one character makes ("扡c敤f").
_INTERLEAVED = regex.compile(
    rf"(?<=[{_CJK}])[A-Za-z](?=[{_CJK}])|(?<=[A-Za-z])[{_CJK}](?=[A-Za-z])"
)
_BOX = regex.compile(r"[\u2500-\u259f]")
_EAST_ASIAN = regex.compile(rf"[{_CJK}\u3000-\u303f\uff61-\uffdc\uffe8-\uffee]")
# Half-width katakana: legacy even in Japanese text; what cp932 makes of Latin-1's accents.
_HALF_WIDTH_KANA = regex.compile(r"[\uff61-\uff9f]")
_HAN = regex.compile(r"\p{Han}")
_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}--[\uff61-\uff9f\u30fc]]", regex.V1)
_LETTERS = regex.compile(r"\p{L}")
_NON_ASCII = regex.compile(r"[^\x00-\x7f]+")
# A word to look up: letters (and digits, so "1980sá" is one token, not the word "sá"),
# with apostrophes inside; a token with a digit in it is no dictionary word.
_WORD = regex.compile(r"[\p{L}\p{Nd}][\p{L}\p{M}\p{Nd}]*(?:['\u2019][\p{L}\p{Nd}]+)*")
# Characters around a non-ASCII run that the character tests look at.
_WINDOW = 4


@dataclass(frozen=True, slots=True)
class Reading:
    """One candidate's decoding and how plausible it is (lower scores are better)."""

    encoding: str
    text: str
    implausible: int
    words: int = 0  # minus the known words where the readings differ

    @property
    def score(self) -> int:
        return IMPLAUSIBLE_POINTS * self.implausible + self.words


@dataclass(frozen=True, slots=True)
class Choice:
    """The chosen reading; ``alternatives`` read the bytes differently and scored close."""

    encoding: str
    text: str
    certain: bool
    alternatives: tuple[str, ...] = ()


def choose(data: bytes, detector: Callable[[bytes], Iterable[str]] | None = None) -> Choice | None:
    """The most plausible reading of ``data`` among the candidates, or None when none
    decodes it exactly. ``detector`` (charset-normalizer's guesses) is asked for more
    codecs only when no listed candidate reads the bytes cleanly: its answers are often
    wrong for Western text, but it knows code pages this list does not (Thai, ...)."""
    ascii_letters = sum(data.count(b) for b in range(65, 91)) + sum(
        data.count(b) for b in range(97, 123)
    )
    readings = _readings(data, (c for c, _ in CANDIDATES), ascii_letters)
    if detector is not None and min((r.implausible for r in readings), default=1) > 0:
        known = {r.encoding for r in readings}
        more = _readings(data, detector(data), ascii_letters)
        readings += [r for r in more if r.encoding not in known]
    if not readings:
        return None
    best = min(r.implausible for r in readings)
    weighed: list[Reading] = []
    limit = IMPLAUSIBLE_POINTS * (best + _CONTEND)
    while True:
        names = {r.encoding for r in weighed}
        more = [r for r in readings if r.encoding not in names and r.score <= limit]
        if not more:
            break
        weighed = [*weighed, *more]
        if len({r.text for r in weighed}) > 1:
            weighed = _weigh_words(weighed)
        # A reading left out on its characters alone could still come within the margin
        # of the best once its words count: weigh it too.
        limit = max(limit, min(r.score for r in weighed) + MARGIN - 1)
    order = {r.encoding: i for i, r in enumerate(readings)}
    ranked = sorted(weighed, key=lambda r: (r.score, order[r.encoding]))
    winner = ranked[0]
    close = [r for r in ranked[1:] if r.text != winner.text and r.score < winner.score + MARGIN]
    alternatives = tuple(r.encoding for r in close)[:3]
    # Even the best reading looking damaged is no basis for certainty either: the file may
    # hold mojibake of its own, which every code page reads as something odd.
    certain = not close and winner.implausible <= _DAMAGED
    if not certain and not alternatives:
        alternatives = tuple(r.encoding for r in ranked[1:] if r.text != winner.text)[:3]
    return Choice(winner.encoding, winner.text, certain, alternatives)


def implausible(text: str, ascii_letters: int | None = None) -> int:
    """Characters no writer of this text would have typed (see the module docstring).

    Only the characters around non-ASCII runs can be implausible, so only those are
    scanned; ``ascii_letters`` (the whole text's, when the caller counted them cheaply on
    the bytes) decides whether the text is mostly Latin."""
    view = around_non_ascii(text)
    if not view:
        return 0
    count = len(_CONTROL.findall(view))
    count += len(_GLUED_SYMBOL.findall(view))
    count += len(_CAPITAL_AFTER_SMALL.findall(view))
    count += len(_MIXED_SCRIPT.findall(view))
    count += len(_LETTER_DIGIT.findall(view))
    count += len(_BOX.findall(view))
    for m in _LATIN_WORD.finditer(view):
        if not any(c.isascii() for c in m.group()):
            count += len(m.group())
    if ascii_letters is None:
        ascii_letters = sum(1 for c in text if c.isascii() and c.isalpha())
    non_ascii_letters = len(_LETTERS.findall(view)) - sum(
        1 for c in view if c.isascii() and c.isalpha()
    )
    latin = ascii_letters > non_ascii_letters
    if latin:
        count += len(_LONE_FOREIGN.findall(view))
        count += sum(1 for m in _LONE_LETTER.finditer(view) if not _known(m.group(), _LATIN_SCRIPT))
    east = len(_EAST_ASIAN.findall(view))
    if east:
        count += len(_HALF_WIDTH_KANA.findall(view))
        count += len(_INTERLEAVED.findall(view))
        count += east if latin else _odd_ideographs(view)
    return count


def around_non_ascii(text: str, window: int = _WINDOW, joint: str = "\n") -> str:
    """The non-ASCII runs of ``text`` with ``window`` characters either side, overlapping
    windows merged, joined by ``joint`` (a character no test reads across). Implausible
    characters and ftfy's mojibake patterns both sit next to non-ASCII ones, and news text
    is mostly ASCII, so scanning these windows finds all of them at a fraction of the cost."""
    spans: list[list[int]] = []
    for m in _NON_ASCII.finditer(text):
        start, end = max(0, m.start() - window), m.end() + window
        if spans and start <= spans[-1][1]:
            spans[-1][1] = end
        else:
            spans.append([start, end])
    return joint.join(text[s:e] for s, e in spans)


def _odd_ideographs(text: str) -> int:
    """Ideographs a CJK writer would not have typed: ones no national standard's common
    set holds (what GBK makes of Shift-JIS kana), and, in text with kana, ones Japanese
    does not use (simplified Chinese forms: what GB2312 makes of EUC-JP kanji)."""
    japanese = _KANA.search(text) is not None
    return sum(1 for c in _HAN.findall(text) if _odd_ideograph(c, japanese))


@lru_cache(maxsize=32768)
def _odd_ideograph(char: str, japanese: bool) -> bool:
    sets = ("shift_jis",) if japanese else ("gb2312", "big5", "shift_jis", "euc_kr")
    for encoding in sets:
        try:
            char.encode(encoding)
            return False
        except UnicodeEncodeError:
            continue
    return True


def _readings(data: bytes, encodings: Iterable[str], ascii_letters: int) -> list[Reading]:
    """Every codec of ``encodings`` that decodes ``data`` strictly and encodes back to the
    same bytes (so the sidecar's encoding name rebuilds the original file)."""
    import codecs

    seen: set[str] = set()
    out: list[Reading] = []
    for encoding in encodings:
        try:
            name = codecs.lookup(encoding).name
        except LookupError:
            continue
        if name in seen or name.startswith(("utf", "ascii")):
            continue
        seen.add(name)
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _round_trip(text, encoding) != data:
            continue
        out.append(Reading(encoding, text, implausible(text, ascii_letters)))
    return out


def _round_trip(text: str, encoding: str) -> bytes | None:
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:
        return None


def _weigh_words(contenders: Sequence[Reading]) -> list[Reading]:
    """Each contender's known words (as a negative score), over the places where the
    readings differ (the first ``_MAX_PLACES`` of them: the evidence is plenty by then).

    A word is looked up in the languages of every contender, so two readings that agree on
    a word score it alike and only the words they disagree on decide. An unknown word is no
    evidence either way: names are often unknown, and a reading that turns a letter into
    punctuation ("…ireann" for "Éireann") has no word there to be unknown."""
    places = _differing_places(contenders)
    languages = tuple(
        dict.fromkeys(lang for r in contenders for lang in _LANGUAGES.get(r.encoding, ()))
    )
    out = []
    for r in contenders:
        words = 0
        for start, end in places:
            for m in _WORD.finditer(r.text, start, end):
                word = m.group()
                if word.isascii() or len(word) == 1 or any(c.isnumeric() for c in word):
                    continue  # a lone letter is judged as a character (``_LONE_LETTER``)
                if languages and _known(word, languages):
                    words -= 1
        out.append(Reading(r.encoding, r.text, r.implausible, words))
    return out


def _differing_places(contenders: Sequence[Reading]) -> list[tuple[int, int]]:
    """Spans where the readings differ, widened to white space that every reading has
    there (a byte that is a no-break space in one reading and "†" in another is part of
    the place). Readings of different lengths (a multi-byte code page among them) cannot be
    aligned: then the whole text is one place, and each reading's own words count."""
    texts = [r.text for r in contenders]
    if len({len(t) for t in texts}) > 1:
        return [(0, max(len(t) for t in texts))]
    first = texts[0]

    def separator(i: int) -> bool:
        return all(t[i].isspace() for t in texts)

    places: list[tuple[int, int]] = []
    i = 0
    while i < len(first) and len(places) < _MAX_PLACES:
        if all(t[i] == first[i] for t in texts):
            i += 1
            continue
        start = i
        while start > 0 and not separator(start - 1):
            start -= 1
        end = i + 1
        while end < len(first) and not separator(end):
            end += 1
        places.append((start, end))
        i = end
    return places


# Word lists are built from web text, which holds some mojibake of its own ("seńor" has
# Zipf 1.4 in Spanish): a word vouches for a reading only above this frequency. A lone
# letter must be a very common word in its own right ("à" is; "ó" in Hungarian, where
# mac-roman reads an em dash, is not). English uses the large list
# (names such as "Kraków" are in it), other languages the small ones (fast to load).
_KNOWN_ZIPF = 2.0
_KNOWN_LETTER_ZIPF = 5.0


@lru_cache(maxsize=65536)
def _known(word: str, languages: tuple[str, ...]) -> bool:
    from wordfreq import zipf_frequency

    lower = word.lower().replace("\u2019", "'")
    floor = _KNOWN_LETTER_ZIPF if len(word) == 1 else _KNOWN_ZIPF
    return any(
        zipf_frequency(lower, lang, wordlist="best" if lang == "en" else "small") >= floor
        for lang in languages
    )
