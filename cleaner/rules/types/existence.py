"""``existence`` rules live with ``substitution`` (same matcher, same fields but no rewrite);
this module only exists so every type has the module name the conventions expect."""

from cleaner.rules.types.substitution import ExistenceRule

__all__ = ["ExistenceRule"]
