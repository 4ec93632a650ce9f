"""Rule types: importing this package registers every type with ``cleaner.rules.loader``."""

from cleaner.rules.types import boilerplate as boilerplate

__all__ = ["boilerplate"]
