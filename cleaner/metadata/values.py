"""Whether a boilerplate rule's ``lift`` group holds a value of its kind.

The boilerplate stage removes a date line only if the line's date parses, a byline only if
it names someone (``rules/boilerplate/metadata.yaml``). That check is about *removal*, so it
stays as lenient as it always was ("Updated 2 hours ago" is still a date line to remove);
what becomes *metadata* is decided by the metadata stage, strictly (``cleaner.metadata``).
"""

from __future__ import annotations

from functools import lru_cache

import regex

_ISO_DATE = regex.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


@lru_cache(maxsize=256)
def looks_like_date(value: str) -> bool:
    """An ISO date, or anything dateparser reads as a date in English (relative ones too)."""
    value = value.strip()
    m = _ISO_DATE.match(value)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        return 1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100
    import dateparser

    settings = {"STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False}
    return dateparser.parse(value, languages=["en"], settings=settings) is not None


def clean_value(field: str, value: str) -> str | None:
    """The trimmed value of a rule's ``lift`` group; ``None`` rejects the rule's match."""
    value = " ".join(value.split()).strip(" ,;|-")
    if not value:
        return None
    if field == "date" and not looks_like_date(value):
        return None
    return value
