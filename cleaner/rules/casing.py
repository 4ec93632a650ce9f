"""Carry the case of the text a rule matched over to its replacement."""

from __future__ import annotations


def preserve_case(original: str, replacement: str) -> str:
    """``SECURITY INSURANCE`` -> upper, ``Security insurance`` -> first letter up, and
    ``Security Insurance`` (title case) -> each word up. A replacement that starts with a
    capital (a proper noun: ``Victory Day``) keeps its own capitals."""
    letters = [c for c in original if c.isalpha()]
    if not letters or not replacement:
        return replacement
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    words = [w for w in original.split() if w[:1].isalpha()]
    if len(words) > 1 and all(w[0].isupper() for w in words):
        return " ".join(w[:1].upper() + w[1:] for w in replacement.split(" "))
    if original[0].isupper() and replacement[0].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement
