"""Every rule type module, imported so each registers itself with ``loader.register``."""

from cleaner.rules.types import entity, existence, pattern, substitution

__all__ = ["entity", "existence", "pattern", "substitution"]
