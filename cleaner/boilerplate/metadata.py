"""Turn lifted metadata strings into canonical values (ISO 8601 dates, trimmed names).

dateparser is imported lazily: it is slow to import and only needed when a date is lifted.
"""

from __future__ import annotations

from functools import lru_cache

import regex

_ISO_DATE = regex.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_HAS_TIME = regex.compile(r"\d{1,2}:\d{2}")


@lru_cache(maxsize=256)
def normalise_date(value: str) -> str | None:
    """ISO 8601 for a date string, or ``None`` if it is not unambiguously a date.

    A value without a time of day gives a plain date (``2025-05-04``); relative phrases
    ("yesterday") are refused because the reference day is unknown.
    """
    value = value.strip()
    m = _ISO_DATE.match(value)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        return value if 1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100 else None
    import dateparser

    parsed = dateparser.parse(
        value,
        languages=["en"],
        settings={"STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False},
    )
    if parsed is None:
        return None
    if _HAS_TIME.search(value):
        return parsed.replace(microsecond=0).isoformat()
    return parsed.date().isoformat()


def clean_value(field: str, value: str) -> str | None:
    """Canonical form of a lifted value; ``None`` rejects the match."""
    value = " ".join(value.split()).strip(" ,;|-")
    if not value:
        return None
    if field == "date":
        return normalise_date(value)
    return value
