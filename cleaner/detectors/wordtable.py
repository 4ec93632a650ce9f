"""English word knowledge as one compiled table that maps in, instead of three libraries.

The detectors ask three questions of English words: how frequent is it (``wordfreq``'s Zipf
scale), is it in Webster's 2nd with this capitalisation, is it a GCIDE headword
(``english-words``). Answering them from the libraries cost every process about 0.7 s of CPU
before the first article: importing ``wordfreq`` (``langcodes``' tables come with it),
unpacking its 321,000-word table into a dict, and unpickling the two word lists. A
pre-commit hook checking one file paid all of it.

So the answers are compiled once per installed version of those packages into one binary
file in the cache folder (``compiled-v*``, next to the parsed rules), built from the
libraries themselves, and mapped in (``mmap``): a process reads only the pages of the words
it looks up, and no unpickling happens. Layout, all little-endian::

    magic (8 bytes) | n, slots, blob length, top length (4 x uint32)
    | hash slots (slots x uint32: 0 empty, else key index + 1; CRC-32, linear probing)
    | offsets ((n + 1) x uint32) | zipf x 100 (n x uint16, 0xFFFF: not a wordfreq word)
    | flags (n x uint8) | padding | keys (UTF-8, sorted as bytes, concatenated)
    | English's 50 commonest words

The answers are the libraries' own, exactly: a word's Zipf value is stored only when it is
``wordfreq.zipf_frequency`` of that very string, a word that wordfreq reads as itself alone
and that is not stored is provably 0.0 (one token, the string itself, not in its list; see
``_ALONE``), and any other string not stored (digits, which wordfreq smashes; a hyphenated
pair; another script) is asked of wordfreq itself, imported then. If the cache cannot be
used the table is built in memory: slower, never different.
"""

from __future__ import annotations

import hashlib
import mmap
import re
import struct
import zlib
from array import array
from collections.abc import Container
from functools import lru_cache

MAGIC = b"CLWORDS2"
_HEAD = struct.Struct("<8sIIII")
NOT_LISTED = 0xFFFF
CASED = 1  # in Webster's 2nd, exactly this capitalisation
GCIDE = 2  # a GCIDE headword (lower case)
HYPHENATED = 4  # a GCIDE headword spelled with a hyphen
_SIMPLE = re.compile(r"[a-z]+")
# Words wordfreq's English tokeniser reads as one token, the string itself: lower-case Latin
# letters (ASCII, Latin-1, Latin Extended-A), which Unicode never breaks a word between,
# with an optional possessive ``'s`` (an apostrophe between letters is no word break
# either, and wordfreq splits off a leading ``l'``/``qu'`` only before a vowel or h). Also
# unchanged by its case folding (``ß`` folds to ``ss``) and NFC normalisation, which
# ``_alone`` checks. A quarter of Wikinews articles asked wordfreq about such a word (a
# name with a diacritic, a possessive: ``stamenković``, ``kovalenko's``), and importing
# it and its list cost a ``cleaner check`` of one file about 0.2 s (issue 17).
_ALONE = re.compile(r"[a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f]+(?:'s)?")


class WordTable:
    """Look-ups in the compiled table (bytes or a mapped file)."""

    def __init__(self, data: bytes | mmap.mmap) -> None:
        magic, n, slots, blob_len, top_len = _HEAD.unpack_from(data, 0)
        if magic != MAGIC or slots & (slots - 1) or slots <= n:
            raise ValueError("not a word table")
        view = memoryview(data)
        pos = _HEAD.size
        self._slots = view[pos : pos + 4 * slots].cast("I")
        self._mask = slots - 1
        pos += 4 * slots
        self._offsets = view[pos : pos + 4 * (n + 1)].cast("I")
        pos += 4 * (n + 1)
        self._zipf = view[pos : pos + 2 * n].cast("H")
        pos += 2 * n
        self._flags = view[pos : pos + n]
        pos += n
        pos += -pos % 8
        self._blob_start = pos
        self._data = data
        self._n = n
        top = bytes(view[pos + blob_len : pos + blob_len + top_len]).decode()
        self.top50 = frozenset(top.split("\n")) if top else frozenset()
        if len(data) < pos + blob_len + top_len:
            raise ValueError("truncated word table")

    def index(self, word: str) -> int:
        """Position of ``word`` in the table, or -1."""
        key = word.encode("utf-8", "surrogatepass")
        slots, offsets, data, base, mask = (
            self._slots,
            self._offsets,
            self._data,
            self._blob_start,
            self._mask,
        )
        h = zlib.crc32(key) & mask
        while True:
            i = slots[h] - 1
            if i < 0:
                return -1
            if data[base + offsets[i] : base + offsets[i + 1]] == key:
                return i
            h = (h + 1) & mask

    def zipf(self, lower: str) -> float:
        """``wordfreq.zipf_frequency(lower, "en")``, from the table where it can say."""
        i = self.index(lower)
        if i >= 0 and self._zipf[i] != NOT_LISTED:
            return self._zipf[i] / 100
        if _SIMPLE.fullmatch(lower) or _alone(lower):
            return 0.0
        from wordfreq import zipf_frequency

        return float(zipf_frequency(lower, "en"))

    def has(self, word: str, flag: int) -> bool:
        i = self.index(word)
        return i >= 0 and bool(self._flags[i] & flag)


def _alone(word: str) -> bool:
    """Whether wordfreq reads ``word`` as one token, ``word`` itself (``_ALONE``)."""
    if not _ALONE.fullmatch(word) or word.casefold() != word:
        return False
    import unicodedata

    return unicodedata.is_normalized("NFC", word)


class WordSet(Container[str]):
    """One of the word lists, as ``word in words`` on the table. Answers are remembered
    (the detectors ask about the same words on every line), up to ``MEMO`` words."""

    __slots__ = ("_flag", "_memo", "_table")
    MEMO = 1 << 18

    def __init__(self, table: WordTable, flag: int) -> None:
        self._table = table
        self._flag = flag
        self._memo: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        memo = self._memo
        found = memo.get(word)
        if found is None:
            if len(memo) >= self.MEMO:
                memo.clear()
            found = memo[word] = self._table.has(word, self._flag)
        return found


def build() -> bytes:
    """The table, from the installed ``wordfreq`` and ``english-words`` (a second or two)."""
    from english_words import get_english_words_set
    from wordfreq import get_frequency_dict, top_n_list, zipf_frequency

    freqs = get_frequency_dict("en")
    zipf: dict[str, int] = {}
    by_freq: dict[float, float] = {}
    for word, freq in freqs.items():
        if _SIMPLE.fullmatch(word):
            # A plain ASCII word is its own only token, so its value depends on its
            # frequency alone: ask wordfreq once per frequency bucket (about 800 of them).
            value = by_freq.get(freq)
            if value is None:
                value = by_freq[freq] = zipf_frequency(word, "en")
        else:
            value = zipf_frequency(word, "en")
        stored = round(value * 100)
        if stored / 100 == value and 0 <= stored < NOT_LISTED:
            zipf[word] = stored
    flags: dict[str, int] = {}
    for word in get_english_words_set(["web2"], lower=False, alpha=True):
        flags[word] = flags.get(word, 0) | CASED
    for word in get_english_words_set(["gcide"], lower=True):
        flags[word] = flags.get(word, 0) | GCIDE | (HYPHENATED if "-" in word else 0)
    keys = sorted({*zipf, *flags})
    encoded = [k.encode("utf-8", "surrogatepass") for k in keys]
    offsets = array("I", [0])
    total = 0
    for key in encoded:
        total += len(key)
        offsets.append(total)
    values = array("H", (zipf.get(k, NOT_LISTED) for k in keys))
    flag_bytes = bytes(flags.get(k, 0) for k in keys)
    top = "\n".join(top_n_list("en", 50)).encode()
    size = 1 << (len(keys) * 3 // 2).bit_length()  # at most half full: short probes
    slots = array("I", bytes(4 * size))
    mask = size - 1
    for i, key in enumerate(encoded):
        h = zlib.crc32(key) & mask
        while slots[h]:
            h = (h + 1) & mask
        slots[h] = i + 1
    head = _HEAD.pack(MAGIC, len(keys), size, total, len(top))
    body = head + slots.tobytes() + offsets.tobytes() + values.tobytes() + flag_bytes
    body += b"\0" * (-len(body) % 8)
    return body + b"".join(encoded) + top


@lru_cache(maxsize=1)
def table() -> WordTable:
    """The table of this process: mapped from the cache, built (and stored) on a miss."""
    from cleaner.cache.keys import installed_version
    from cleaner.cache.memo import FORMAT
    from cleaner.cache.store import kind_dir, map_entry, write_entry

    # Keyed by the versions of the two packages it is built from and this file's layout, not
    # by cleaner's source: editing a detector does not rebuild it.
    parts = [MAGIC.decode(), *(str(installed_version(p)) for p in ("wordfreq", "english-words"))]
    key = hashlib.sha256("\0".join(parts).encode()).hexdigest()
    folder = kind_dir(f"compiled-v{FORMAT}")
    path = folder / f"words-en-{key[:40]}.bin" if folder else None
    if path is not None:
        mapped = map_entry(path)
        if mapped is not None:
            try:
                return WordTable(mapped)
            except (ValueError, TypeError, struct.error):
                pass  # damaged: build again
    data = build()
    if path is not None:
        write_entry(path, data)
    return WordTable(data)
