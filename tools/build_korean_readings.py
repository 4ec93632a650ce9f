"""Write rules/words/korean-hanja-readings.tsv: Hangul syllable -> pinyin of its common hanja.

Why: a Chinese source writes a Korean person in the hanja of their registered name and MT
reads them as pinyin (尹錫悅 -> ``Yin Xiyue``). The gazetteer rarely knows a Korean person's
hanja, but a syllable of a Korean name is written by one of a few common hanja, so the
pinyin a syllable can come out as is a small set; ``cleaner.detectors.korean_pinyin`` matches
a pinyin run against those sets (README, "Korean names through Chinese").

Sources, read once here; the project does not depend on them at run time:

* the ``hanja`` package (PyPI, MIT): hanja -> Hangul reading, one reading a character, in
  the dictionary form (李 ``리``); a name's syllable at the start of a word follows the
  initial-sound law (``이``), so a character is listed under both forms;
* ``wordfreq``'s Chinese word list: a character's frequency is the summed frequency of the
  words that contain it (traditional characters through wordfreq's own simplification
  table), so name characters that are rarely a word alone (熙, 錫) still count as common;
* jieba's dictionary as wordfreq ships it (``jieba_zh_orig.txt``, MIT): a character kept
  must stand in a given name's place of at least one three-character person name (words
  tagged ``nr``), so a common character no name uses (蠢 "stupid", 做 "do") is no reading
  (3.45 readings a syllable without this filter, 2.75 with it; recall on the people with
  known hanja the same, bench/korean_pinyin_eval.py);
* ``pypinyin`` (a dependency already): the character's first, commonest reading, as MT
  writes a name.

    python -m venv /tmp/kv && /tmp/kv/bin/pip install hanja==0.15.1 wordfreq pypinyin msgpack
    /tmp/kv/bin/python tools/build_korean_readings.py > rules/words/korean-hanja-readings.tsv

``--min-zipf`` is the frequency floor, ``--min-names`` the name floor (the table's header
records both and the counts).
"""

from __future__ import annotations

import argparse
import gzip
import math
import os
import sys
from collections import defaultdict

# Initial-sound law (두음법칙): a syllable starting ㄹ before i/y becomes ㅇ, before other
# vowels ㄴ; ㄴ before i/y becomes ㅇ. Jamo indices (initial consonant of a syllable).
_RIEUL, _NIEUN, _IEUNG = 5, 2, 11
# Medial vowels that are i or y-glides: ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ.
_Y_VOWELS = {2, 3, 6, 7, 12, 17, 20}
MIN_ZIPF = 3.0
MIN_NAMES = 1


def initial_law(syllable: str) -> str:
    """The syllable as it is written at the start of a word (``리`` -> ``이``, ``락`` ->
    ``낙``, ``녀`` -> ``여``); other syllables unchanged."""
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        return syllable
    initial, rest = divmod(code, 21 * 28)
    medial = rest // 28
    if initial == _RIEUL:
        initial = _IEUNG if medial in _Y_VOWELS else _NIEUN
    elif initial == _NIEUN and medial in _Y_VOWELS:
        initial = _IEUNG
    return chr(0xAC00 + initial * 21 * 28 + rest)


def _simplifier() -> dict[str, str]:
    """Traditional character -> simplified, wordfreq's own table."""
    import msgpack  # type: ignore[import-untyped]
    import wordfreq

    path = os.path.join(os.path.dirname(wordfreq.__file__), "data", "_chinese_mapping.msgpack.gz")
    with gzip.open(path) as fh:
        table = msgpack.load(fh, raw=False, strict_map_key=False)
    out = {}
    for k, v in table.items():
        if isinstance(k, int):
            out[chr(k)] = chr(v) if isinstance(v, int) else v
    return out


def char_zipf() -> dict[str, float]:
    """Zipf frequency of each character in wordfreq's Chinese list (words containing it)."""
    import wordfreq

    freq: dict[str, float] = defaultdict(float)
    for word, f in wordfreq.get_frequency_dict("zh").items():
        for ch in word:
            freq[ch] += f
    simplify = _simplifier()
    out: dict[str, float] = {}
    for ch in {*freq, *simplify}:
        f = max(freq.get(ch, 0.0), freq.get(simplify.get(ch, ch), 0.0))
        if f:
            out[ch] = math.log10(f * 1e9)
    return out


def name_counts() -> dict[str, int]:
    """How many three-character person names (jieba's dictionary as wordfreq ships it, words
    tagged ``nr``) have each character in a given name's place: a character common in Chinese
    text but never in a name (蠢 "stupid", 做 "do") reads as no name's syllable."""
    import wordfreq

    path = os.path.join(os.path.dirname(wordfreq.__file__), "data", "jieba_zh_orig.txt")
    counts: dict[str, int] = defaultdict(int)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3 and parts[2] == "nr" and len(parts[0]) == 3:
                for ch in parts[0][1:]:
                    counts[ch] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--min-zipf", type=float, default=MIN_ZIPF)
    parser.add_argument(
        "--min-names",
        type=int,
        default=MIN_NAMES,
        help="a character in at least this many given names (jieba's nr words)",
    )
    args = parser.parse_args()
    from hanja.table import hanja_table  # type: ignore[import-untyped]
    from pypinyin import Style, pinyin

    zipf = char_zipf()
    names = name_counts() if args.min_names else {}
    simplify = _simplifier() if args.min_names else {}
    table: dict[str, set[str]] = defaultdict(set)
    kept = 0
    for ch, reading in hanja_table.items():
        if len(ch) != 1 or len(reading) != 1 or zipf.get(ch, 0.0) < args.min_zipf:
            continue
        if args.min_names and names.get(simplify.get(ch, ch), 0) < args.min_names:
            continue
        py = pinyin(ch, style=Style.NORMAL, errors="ignore")
        if not py or not py[0] or not py[0][0].isascii() or not py[0][0].isalpha():
            continue
        kept += 1
        for syllable in {reading, initial_law(reading)}:
            table[syllable].add(py[0][0].replace("ü", "v"))
    sizes = [len(v) for v in table.values()]
    out = sys.stdout
    out.write(
        "# Hangul syllable<TAB>pinyin readings of its common hanja (space-separated).\n"
        "# Written by tools/build_korean_readings.py: the hanja package (hanja -> Hangul, MIT),\n"
        "# wordfreq's Chinese list (frequency), jieba's person names (nr: name characters),\n"
        "# pypinyin's first reading. Do not edit by hand.\n"
        f"# min zipf {args.min_zipf}, min names {args.min_names}: {kept} hanja, "
        f"{len(table)} syllables, {sum(sizes) / len(sizes):.2f} readings a syllable "
        f"(max {max(sizes)}).\n"
    )
    for syllable in sorted(table):
        out.write(f"{syllable}\t{' '.join(sorted(table[syllable]))}\n")


if __name__ == "__main__":
    main()
