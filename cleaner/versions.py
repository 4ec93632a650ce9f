"""What produced a result: cleaner, its rules, and the libraries whose versions change output.

A newsroom comparing two runs (or a sidecar with a re-run) needs to know whether the rules
or a dependency changed in between: Harper's lints decide what ``check`` reports, ftfy's
tables which mojibake is repaired. ``cleaner --version`` prints these and every sidecar
records them.
"""

from __future__ import annotations

from functools import lru_cache

from cleaner.cache.keys import installed_version
from cleaner.config import Config

# Libraries whose version changes what cleaner writes or reports (shown when installed).
DEPENDENCIES = ("ftfy", "harper-py", "language-tool-python")


@lru_cache(maxsize=8)
def versions(config: Config) -> dict[str, str]:
    """``{"cleaner": ..., "rules": ..., "ftfy": ..., ...}`` for a run with ``config``."""
    from cleaner import __version__
    from cleaner.lint.formats import rules_version

    found = {"cleaner": __version__, "rules": rules_version(config)}
    for name in DEPENDENCIES:
        version = installed_version(name)
        if version is not None:
            found[name] = version
    return found


def version_text(config: Config) -> str:
    """``cleaner --version``: one ``name version`` line each, the rule folders after the
    rules' digest, then Python."""
    import platform

    from cleaner.resources import rule_folders

    lines = []
    for name, version in versions(config).items():
        if name == "rules":
            version += " (" + ", ".join(str(f) for f in rule_folders(config)) + ")"
        lines.append(f"{name} {version}")
    lines.append(f"Python {platform.python_version()}")
    return "\n".join(lines)
