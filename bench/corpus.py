"""A deterministic benchmark corpus: N articles made from ``seeds/`` with variations.

Why generated rather than copied: a nightly folder holds thousands of different articles, and
the pipeline must not look fast because it sees the same five texts (caches, branch
prediction on identical input). Each article gets its own seeded RNG (seed and index), so
article ``i`` is the same bytes on every machine and for every N, which lets a small corpus be
the prefix of a large one when memory is compared across sizes.

Variations: paragraphs shuffled (the lead paragraph stays first), some names swapped, digits
changed, and a fraction of articles damaged the way feeds damage text (mojibake, HTML
entities, CRLF, hard wraps, runs of spaces, NBSP and zero-width characters).
"""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PER_FOLDER = 1000

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"])")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{3,}\b")
_NUMBER = re.compile(r"\b\d+\b")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
NAMES = (
    "Petrov",
    "Kovalenko",
    "Lindqvist",
    "Okafor",
    "Moreau",
    "Tanaka",
    "Nowak",
    "Haddad",
    "Rossi",
    "Brennan",
    "Szabo",
    "Ivanova",
)


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def _paragraphs(text: str) -> list[str]:
    paras = [line.strip() for line in text.splitlines() if line.strip()]
    if len(paras) < 3:  # one-paragraph seeds: shuffle sentences instead
        paras = [s for p in paras for s in _SENTENCE.split(p) if s]
    return paras


def _vary(paras: list[str], rng: random.Random) -> list[str]:
    head, rest = paras[:1], paras[1:]
    rng.shuffle(rest)
    text = "\n".join(head + rest)
    words = sorted(set(_CAPITALISED.findall(text)))
    swaps = {w: rng.choice(NAMES) for w in words if rng.random() < 0.1}
    if swaps:
        text = re.sub(
            r"\b(" + "|".join(map(re.escape, swaps)) + r")\b", lambda m: swaps[m[1]], text
        )
    text = _NUMBER.sub(
        lambda m: (
            str(rng.randrange(10 ** (len(m[0]) - 1), 10 ** len(m[0])))
            if rng.random() < 0.5 and len(m[0]) < 5
            else m[0]
        ),
        text,
    )
    return text.split("\n")


def _mojibake(s: str) -> str:
    """UTF-8 bytes read as Windows-1252, the commonest feed damage."""
    out = []
    for ch in s:
        if ch.isascii():
            out.append(ch)
            continue
        for b in ch.encode("utf-8"):
            try:
                out.append(bytes([b]).decode("cp1252"))
            except UnicodeDecodeError:
                out.append(bytes([b]).decode("latin-1"))
    return "".join(out)


def _damage(paras: list[str], rng: random.Random) -> str:
    kinds = rng.sample(["mojibake", "entities", "crlf", "wrap", "spaces", "invisible"], k=2)
    paras = list(paras)
    i = rng.randrange(len(paras))
    if "mojibake" in kinds:
        p = (
            paras[i].replace("'", "\u2019").replace(" - ", " \u2014 ")
            + " Caf\u00e9 r\u00e9sum\u00e9."
        )
        paras[i] = _mojibake(p)
    if "entities" in kinds:
        paras[i] = paras[i].replace("'", "&#8217;").replace(" and ", " &amp; ", 1)
    if "spaces" in kinds:
        paras = [p.replace(" ", "  ", 3) + "  " for p in paras]
    if "invisible" in kinds:
        paras[i] = paras[i].replace(" ", "\u00a0", 2).replace("e", "e\u200b", 1)
    if "wrap" in kinds:
        words, lines, line = paras[i].split(" "), [], ""
        for w in words:
            if line and len(line) + len(w) > 70:
                lines.append(line)
                line = w
            else:
                line = f"{line} {w}" if line else w
        paras[i] = "\n".join([*lines, line])
    sep = "\r\n" if "crlf" in kinds else "\n"
    return ("\n\n".join(paras) + "\n").replace("\n", sep)


def article(index: int, seeds: list[str], seed: int = 0, damaged: float = 0.2) -> str:
    """Article ``index`` of the corpus; depends only on (seed, index), not on N."""
    rng = random.Random(f"{seed}:{index}")
    paras = _vary(_paragraphs(seeds[index % len(seeds)]), rng)
    if rng.random() < damaged:
        return _damage(paras, rng)
    return "\n\n".join(paras) + "\n"


def generate(folder: Path, n: int, seed: int = 0) -> int:
    """Write articles ``0..n-1`` under ``folder`` (1,000 per subfolder); returns total bytes."""
    seeds = seed_texts()
    total = 0
    for i in range(n):
        sub = folder / f"d{i // PER_FOLDER:03d}"
        if i % PER_FOLDER == 0:
            sub.mkdir(parents=True, exist_ok=True)
        data = article(i, seeds, seed).encode("utf-8")
        (sub / f"{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def phrases(k: int = 1000) -> list[str]:
    """``k`` phrases for the baseline automaton: the seeds' commonest word bigrams and trigrams.

    Real phrase rules (calques, names) are this shape: two or three words, many of which
    occur in the text, so the automaton's match path is exercised, not only its scan.
    """
    counts: Counter[str] = Counter()
    for text in seed_texts():
        words = _WORD.findall(text)
        for n in (2, 3):
            counts.update(" ".join(words[j : j + n]) for j in range(len(words) - n + 1))
    ranked = [p for p, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))][:k]
    ranked += [f"phrase number {j}" for j in range(k - len(ranked))]
    return ranked
