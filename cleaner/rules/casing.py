"""Carry the case of the text a rule matched over to its replacement."""

from __future__ import annotations


def preserve_case(original: str, replacement: str, *, sentence_start: bool = False) -> str:
    """``SECURITY INSURANCE`` -> the replacement in capitals; a match that opens a sentence
    -> its first letter up. Otherwise the replacement as the rule writes it: MT capitalises
    common nouns mid-sentence (``International Arena``), so copying a title case would copy
    the error. A replacement that starts with a capital (``Victory Day``) keeps it."""
    letters = [c for c in original if c.isalpha()]
    if not letters or not replacement:
        return replacement
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if sentence_start and original[0].isupper() and replacement[0].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement
