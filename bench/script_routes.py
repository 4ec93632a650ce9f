"""Transcription models that write a name through Greek, Persian or Arabic and read it back.

A probe generator for ``route_probes.py --route greek|persian``, not the pipeline's
knowledge: it writes an English-spelt name in the script (English spelling to letters, as a
Greek or Persian newsroom transcribes a foreign name) and reads the script back the way an
engine does, letter by letter. It follows the same description of the scripts' inventories
as ``rules/words/route_fold.yaml`` (so a probe the fold misses is the fold's bug or the
model's spelling), and RESULTS.md says so.

Greek: English letter groups to Greek (no h, b and mb -> μπ, d and nd -> ντ, g -> γκ,
ng -> νγκ, j -> τζ, ch -> τσ, sh -> σ, u/oo/w -> ου, initial y -> γι), read back by ISO 843 /
ELOT 743 letter by letter (μπ -> mp, ντ -> nt, γκ -> gk, ου -> ou, χ -> ch). Persian:
consonants to their letters; a, and every vowel at a word's edge, written (ا, ای, او);
i/ee/y as ی, o/u/oo/w as و, other short vowels not written; read back with ی -> i (y before
a vowel), و -> u (o at the end, v before a vowel), an unwritten short vowel guessed as e, a
final silent e dropped. Arabic: Persian's model after p, v, g and ch are written as Arabic
writes them (b, f, j, tsh), and و before a vowel read w (session 26).
"""

from __future__ import annotations

import re

_VOWELS = "aeiou"

# English letter group -> Greek, longest first at each position (ordered by length below).
_TO_GREEK = {
    "tch": "τσ", "sh": "σ", "ch": "τσ", "ts": "τσ", "tz": "τζ", "zh": "ζ", "th": "θ",
    "ph": "φ", "kh": "χ", "gh": "γκ", "ng": "νγκ", "nd": "ντ", "mb": "μπ", "ck": "κ",
    "qu": "κου", "oo": "ου",
    "ou": "ου", "ee": "ι", "ea": "ι", "ae": "ε", "eo": "ο", "ai": "άι", "ei": "έι",
    "j": "τζ", "x": "ξ", "q": "κ", "b": "μπ", "d": "ντ", "g": "γκ", "h": "", "u": "ου",
    "a": "α", "e": "ε", "i": "ι", "o": "ο", "k": "κ", "l": "λ", "m": "μ", "n": "ν",
    "p": "π", "r": "ρ", "s": "σ", "t": "τ", "v": "β", "f": "φ", "z": "ζ",
}  # fmt: skip
# ISO 843 / ELOT 743 read letter by letter (digraphs as their letters).
_FROM_GREEK = {
    "ου": "ou", "ά": "a", "έ": "e", "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e",
    "ζ": "z", "η": "i", "θ": "th", "ι": "i", "κ": "k", "λ": "l", "μ": "m", "ν": "n",
    "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "τ": "t", "υ": "y", "φ": "f",
    "χ": "ch", "ψ": "ps", "ω": "o",
}  # fmt: skip


def _single(word: str) -> str:
    """Doubled consonants once (neither script doubles a foreign name's consonants); a
    doubled vowel is a letter group of its own (``oo``, ``ee``)."""
    return re.sub(r"([^aeiou])\1+", r"\1", word)


def to_greek(part: str, word_start: bool = True, east_asian: bool = False) -> str:
    """One lower-case name part in Greek letters (``word_start``: the part opens a word, not
    a syllable after a hyphen). An East Asian name's initial h is written χ (Han -> Χαν),
    a Western one's dropped (Harry -> Χάρι is rarer than Άρι)."""
    w, out, i = _single(part), [], 0
    if east_asian and word_start and w.startswith("h") and w[1:2] in tuple(_VOWELS + "w"):
        out.append("χ")
        i = 1
    while i < len(w):
        for size in (3, 2):
            group = w[i : i + size]
            if group in _TO_GREEK:
                out.append(_TO_GREEK[group])
                i += size
                break
        else:
            ch, vowel_next = w[i], w[i + 1 : i + 2] in tuple(_VOWELS)
            if ch == "c":
                out.append("σ" if w[i + 1 : i + 2] in ("e", "i", "y") else "κ")
            elif ch == "w" and w[i + 1 : i + 2] == "u":
                out.append("γου" if i == 0 and word_start else "ου")  # Wu -> Γου
                i += 1
            elif ch == "w":
                out.append("γου" if i == 0 and word_start and vowel_next else "ου")
            elif ch == "y":
                out.append("γι" if i == 0 and word_start and vowel_next else "ι")
            else:
                out.append(_TO_GREEK.get(ch, ch))
            i += 1
    return "".join(out)


def from_greek(greek: str) -> str:
    """Greek letters read back one by one (ISO 843 / ELOT 743's single-letter readings)."""
    out, i = [], 0
    while i < len(greek):
        if greek[i : i + 2] in _FROM_GREEK:
            out.append(_FROM_GREEK[greek[i : i + 2]])
            i += 2
        else:
            out.append(_FROM_GREEK.get(greek[i], greek[i]))
            i += 1
    return "".join(out)


# Consonant groups Persian writes with one letter, held as one symbol while vowels are read.
_HOLD = {"sh": "S", "ch": "C", "kh": "K", "zh": "Z", "gh": "G", "th": "T", "hs": "s", "ph": "f"}
_BACK = {"S": "sh", "C": "ch", "K": "kh", "Z": "zh", "G": "gh", "T": "t"}
# A vowel group -> how Persian writes it and an engine reads it back: a as ا (a), i/ee/ea/y
# as ی (i), o as و read o, u/oo/ou/eo as و read u, aw/au/ow before a consonant as و (o);
# e is not written (guessed e) but at a word's end (ه, e) or start (ای, i).
_PERSIAN_VOWELS = {
    "ee": "i", "ea": "i", "ie": "i", "oo": "u", "ou": "u", "eo": "u", "ae": "e", "aw": "o",
    "au": "o", "ow": "o", "a": "a", "i": "i", "y": "i", "o": "o", "u": "u",
}  # fmt: skip


def _persian_part(part: str, english: bool = True) -> str:
    """One lower-case name part through Persian and back, as Latin letters (the script
    itself is not needed: each letter's reading back is the model). ``english``: the name is
    spelt as English spells it, so a final e after a consonant is silent (``Lawrence``); a
    romanised East Asian name sounds its final e (``Yoshihide``)."""
    w = _single(part)
    for group, one in _HOLD.items():
        w = w.replace(group, one)
    w = re.sub(r"c(?=[eiy])", "s", w).replace("ck", "k").replace("c", "k").replace("q", "k")
    w = w.replace("x", "ks")
    if english and len(w) >= 4 and w.endswith("e") and w[-2] not in _VOWELS + "y":
        w = w[:-1]  # an English silent e: transcribed by sound (Lawrence -> Lorens)
    out: list[str] = []
    i = 0
    while i < len(w):
        ch, nxt = w[i], w[i + 1 : i + 2]
        if ch in "wy" and nxt and nxt in _VOWELS:
            out.append("v" if ch == "w" else "y")  # و / ی before a vowel
            i += 1
            continue
        group = w[i : i + 2] if w[i : i + 2] in _PERSIAN_VOWELS else ch
        if group[1:] in ("w", "y") and w[i + 2 : i + 3] in tuple(_VOWELS):
            group = ch  # "awa": the w opens the next syllable (Kamikawa)
        if group in _PERSIAN_VOWELS:
            out.append(_PERSIAN_VOWELS[group])
        elif ch == "e":
            out.append("i" if i == 0 else "e")  # ای at the start; ه or a guess elsewhere
        elif ch == "w":
            out.append("u")
        else:
            out.append(_BACK.get(ch, ch))
        i += len(group)
    return "".join(out)


def _arabic_part(part: str, english: bool = True) -> str:
    """One lower-case name part through Arabic and back: Persian's model (no short vowels,
    one letter for o/u/w and one for i/e/y), after the letters Arabic lacks are written as
    its own (p as ب, read b; v as ف, f; g as ج, read j, but a syllable's final ng as نغ, ng;
    ch as تش, read tsh); و before a vowel is read w, not Persian's v."""
    w = part.replace("ch", "tsh").replace("p", "b").replace("v", "f")
    w = re.sub(r"g(?![^aeiouy]|$)", "j", w)
    return _persian_part(w, english).replace("v", "w")


def _spell(name: str, part_route) -> str:  # type: ignore[no-untyped-def]
    """``name`` with each part (split at spaces and hyphens, kept) sent through the route
    and capitalised as it was."""
    pieces = re.split(r"([ \-])", name)
    out: list[str] = []
    for piece in pieces:
        if piece in (" ", "-") or not piece:
            out.append(piece)
            continue
        plain = _ascii(piece)
        new = part_route(plain.lower(), not out or out[-1] == " ")
        out.append(new[:1].upper() + new[1:] if piece[:1].isupper() else new)
    return "".join(out)


def _ascii(word: str) -> str:
    """The word's letters as ASCII: folded as the pipeline folds them, so a letter NFKD keeps
    whole (``ł`` in Radosław, ``ø`` in Løkke) is the l or o a source's writer hears, not
    dropped (``Radoso``, ``Lke``)."""
    from cleaner.detectors.names import fold

    return "".join(c for c in fold(word) if c.isascii() and c.isalpha())


def greek(name: str, east_asian: bool = False) -> str:
    """``Moon Jae-in`` -> ``Moun Tze-in``."""
    return _spell(name, lambda p, start: from_greek(to_greek(p, start, east_asian)))


def persian(name: str, east_asian: bool = False) -> str:
    """``Yoon Suk Yeol`` -> ``Yun Suk Yul``."""
    return _spell(name, lambda p, _start: _persian_part(p, not east_asian))


def arabic(name: str, east_asian: bool = False) -> str:
    """``Vladimir Putin`` -> ``Fladimir Butin``."""
    return _spell(name, lambda p, _start: _arabic_part(p, not east_asian))


ROUTES = {"greek": greek, "persian": persian, "arabic": arabic}
