"""Every rule type module, imported so each registers itself with ``loader.register``."""

from cleaner.rules.types import boilerplate, entity, existence, pattern, substitution

__all__ = ["boilerplate", "entity", "existence", "pattern", "substitution"]
