"""Configuration: defaults, ``[tool.cleaner]`` / ``cleaner.toml`` discovery, rule selection.

Like black and ruff, the nearest config file walking up from each input file wins (``Resolver``,
used by every command), so a newsroom's style lives in its repository and works the same
under pre-commit, CI and a shell. Keys are
kebab-case in TOML and snake_case here; an unknown key is an error naming the file, because a
misspelt ``unsafe-fix`` that silently does nothing is worse than a refusal.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import os
import re
import tomllib
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, get_args

from cleaner.errors import ConfigError

QuoteStyle = Literal["straight", "curly", "keep"]
DashStyle = Literal["keep", "ascii", "en", "em"]
GrammarChoice = Literal["harper", "languagetool", "none"]
GrammarDialect = Literal["american", "british", "australian", "canadian", "indian"]

CONFIG_FILES = ("cleaner.toml", "pyproject.toml")
# TOML keys whose field has another name, and old names refused with the new one. One name
# for the size limit everywhere (README, option, key, message): ``max-file-size``, in bytes.
_KEY_NAMES = {"max_file_size": "max_file_bytes"}
_RENAMED = {"max_file_bytes": "max-file-size"}
# A ``[tool.cleaner]`` table (or ``tool.cleaner.x = ...`` keys) in a file that does not parse.
_MENTIONS_TOOL_CLEANER = re.compile(
    rb'^[ \t]*(?:\[[ \t]*"?tool"?[ \t]*\.[ \t]*"?cleaner"?[ \t]*[\].]'
    rb'|"?tool"?[ \t]*\.[ \t]*"?cleaner"?[ \t]*[.=])',
    re.MULTILINE,
)
DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Config:
    """Every knob of the pipeline. Frozen and hashable so a built pipeline can be cached."""

    # Typography policy (see README "Canonical form" for why these defaults).
    quotes: QuoteStyle = "straight"
    dashes: DashStyle = "keep"
    # Rule selection, ruff-style: ids or prefixes ("MT", "MT1", "MT101").
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    unsafe_fixes: bool = False
    extend_rules: tuple[str, ...] = ()
    # ``[tool.cleaner.per-path-ignores]``: glob (relative to the config file's folder) -> rule
    # ids or prefixes to skip in matching files, so an archive folder can keep its quirks.
    per_path_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # House style for names: ``[tool.cleaner.house-style]`` maps any spelling of an entity
    # (or its rule id) to the spelling this newsroom prints, e.g. ``Zelenskyy = "Zelensky"``.
    house_style: tuple[tuple[str, str], ...] = ()
    # A news article is kilobytes; a 10 MB "article" is a mistake upstream, refused early.
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    # A file whose legacy encoding could only be guessed is not rewritten in place (``fix``,
    # ``clean --in-place``) unless the newsroom says its guesses may be written back.
    accept_guessed_encoding: bool = False
    # Grammar checking (README "Grammar checking"): which backend, the LanguageTool server
    # (env CLEANER_LANGUAGETOOL_URL too), the grammar rules a newsroom trusts to auto-apply,
    # extra dictionary words beyond the gazetteer's names, the English variety, and whether
    # readability lints ("this sentence is 42 words long") are reported.
    grammar: GrammarChoice = "harper"
    languagetool_url: str | None = None
    grammar_safe_rules: tuple[str, ...] = ()
    grammar_words: tuple[str, ...] = ()
    grammar_dialect: GrammarDialect = "american"
    grammar_readability: bool = False
    # Where this config came from (for messages and cache keys); not a TOML key.
    source: str | None = field(default=None, compare=False)

    def enabled(self, rule_id: str) -> bool:
        """Whether a rule runs: the longest matching select/ignore prefix decides (as ruff)."""
        best_len = -1
        verdict = not self.select  # no select list means everything is selected
        for prefix in self.select:
            if rule_id.startswith(prefix) and len(prefix) > best_len:
                best_len, verdict = len(prefix), True
        for prefix in self.ignore:
            if rule_id.startswith(prefix) and len(prefix) >= best_len:
                best_len, verdict = len(prefix), False
        return verdict

    def replace(self, **changes: Any) -> Config:
        """A copy with some fields changed (CLI options override the file)."""
        return dataclasses.replace(self, **changes)

    @classmethod
    def from_mapping(cls, data: dict[str, Any], source: str = "<config>") -> Config:
        """Build from a ``[tool.cleaner]`` table, validating names and types."""
        known = {f.name: f for f in fields(cls) if f.name != "source"}
        values: dict[str, Any] = {}
        for key, value in data.items():
            name = key.replace("-", "_")
            if name in _RENAMED:
                raise ConfigError(
                    f"{source}: '{key}' is called '{_RENAMED[name]}' (as the --max-file-size "
                    "option); rename the key"
                )
            name = _KEY_NAMES.get(name, name)
            if name not in known:
                raise ConfigError(f"{source}: unknown key '{key}' in [tool.cleaner]")
            values[name] = _coerce(source, key, known[name].type, value)
        return cls(**values, source=source)


def _coerce(source: str, key: str, annotation: Any, value: Any) -> Any:
    """Check a TOML value against the field's annotation; lists become tuples."""
    ann = str(annotation)
    if ann.startswith("tuple[tuple[str, tuple"):
        return _coerce_table_of_lists(source, key, value)
    literal = {
        "QuoteStyle": QuoteStyle,
        "DashStyle": DashStyle,
        "GrammarChoice": GrammarChoice,
        "GrammarDialect": GrammarDialect,
    }.get(ann)
    if literal is not None:
        choices = get_args(literal)
        if value not in choices:
            raise ConfigError(
                f"{source}: '{key}' must be one of {', '.join(choices)}, not {value!r}"
            )
        return value
    if ann.startswith("tuple[tuple"):
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in value.items()
        ):
            raise ConfigError(f"{source}: '{key}' must be a table of name = \"spelling\"")
        return tuple(sorted(value.items()))
    if ann.startswith("tuple"):
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{source}: '{key}' must be a list of strings")
        return tuple(value)
    if ann == "bool":
        if not isinstance(value, bool):
            raise ConfigError(f"{source}: '{key}' must be true or false")
        return value
    if ann == "int":
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise ConfigError(f"{source}: '{key}' must be a positive integer")
        return value
    if ann.startswith("str"):
        if not isinstance(value, str):
            raise ConfigError(f"{source}: '{key}' must be a string")
        return value
    return value


def _coerce_table_of_lists(
    source: str, key: str, value: Any
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A TOML table of ``"glob" = ["RULE", ...]`` as sorted, hashable pairs."""
    if not isinstance(value, dict):
        raise ConfigError(f"{source}: '{key}' must be a table of glob = [rule ids or prefixes]")
    pairs: list[tuple[str, tuple[str, ...]]] = []
    for glob, rules in value.items():
        if isinstance(rules, str):
            rules = [rules]
        if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
            raise ConfigError(f"{source}: '{key}' entry '{glob}' must be a list of rule ids")
        pairs.append((glob, tuple(rules)))
    return tuple(sorted(pairs))


def find_config_file(start: Path) -> Path | None:
    """Nearest ``cleaner.toml``, or ``pyproject.toml`` with a ``[tool.cleaner]`` table."""
    # os.path's tests never raise: a symlink loop or a folder we may not search is the
    # input's problem, reported with the file, not a traceback while looking for config.
    here = Path(os.path.realpath(start))
    if not os.path.isdir(here):
        here = here.parent
    for folder in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if not os.path.isfile(candidate):
                continue
            if name == "cleaner.toml" or _has_tool_cleaner(candidate):
                return candidate
    return None


def _has_tool_cleaner(path: Path) -> bool:
    """Whether a ``pyproject.toml`` holds our table. One that cannot be read or parsed but
    mentions ``[tool.cleaner]`` is an error naming it: silently running on defaults would
    apply fixes the newsroom's config switched off."""
    try:
        raw = path.read_bytes()
    except OSError:
        return False
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        if _MENTIONS_TOOL_CLEANER.search(raw):
            load_config_file(path)  # raises the one-line error naming what is wrong
        return False
    return isinstance(data.get("tool"), dict) and "cleaner" in data["tool"]


def load_config_file(path: Path) -> Config:
    """Parse one config file; errors name the file and what is wrong."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not valid UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: 'tool' must be a table ([tool.cleaner]), not {tool!r}")
    # cleaner.toml may hold the keys at the top level; pyproject.toml only in the table.
    table = tool.get("cleaner", {} if path.name == "pyproject.toml" else data)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.cleaner] must be a table")
    config = Config.from_mapping(table, source=str(path))
    if config.extend_rules:
        # Absolute, so that two folders' configs naming their own "rules/local" are two
        # configs: a built pipeline (and its rules) is cached by config.
        base = path.absolute().parent
        folders = tuple(str((base / p).resolve()) for p in config.extend_rules)
        config = config.replace(extend_rules=folders)
    return config


def discover(start: Path | None = None, explicit: Path | None = None) -> Config:
    """The config for inputs under ``start``: an explicit file, else the nearest one found."""
    if explicit is not None:
        return load_config_file(explicit)
    found = find_config_file(start or Path.cwd())
    return load_config_file(found) if found else Config()


@lru_cache(maxsize=64)
def _config_for_dir(folder: Path, explicit: Path | None) -> Config:
    return discover(folder, explicit)


def forget_configs() -> None:
    """Drop the configs read so far: each command run reads the files afresh (tests, long
    processes)."""
    _config_for_dir.cache_clear()


@dataclass(frozen=True)
class Resolver:
    """The one way every command finds a file's config, as ruff does: the nearest config
    file walking up from *that file* (so a pre-commit run over several article folders uses
    each folder's own, and ``clean`` agrees with ``check``), or ``--config``; then the
    command-line options; then the per-path ignores that match the file.

    Small and picklable: batch workers resolve their own files (each folder is read once per
    process).
    """

    explicit: Path | None = None
    overrides: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def from_options(cls, explicit: Path | None, options: dict[str, Any]) -> Resolver:
        """Command-line options as overrides; unset ones (``None``, empty) leave the file's."""
        changes = tuple(
            (key, tuple(value) if isinstance(value, list | tuple) else value)
            for key, value in options.items()
            if value is not None and value != ()
        )
        return cls(explicit, changes)

    def for_folder(self, folder: Path) -> Config:
        """The config for inputs in ``folder`` (before any per-path ignores)."""
        config = _config_for_dir(Path(os.path.realpath(folder)), self.explicit)
        return config.replace(**dict(self.overrides)) if self.overrides else config

    def for_path(self, path: Path) -> Config:
        """The config for the file ``path``."""
        # realpath, not resolve: a symlink loop must not raise here (it is the file's error).
        config = self.for_folder(Path(os.path.realpath(path)).parent)
        extra = per_path_ignores(config, path)
        return config.replace(ignore=(*config.ignore, *extra)) if extra else config


def per_path_ignores(config: Config, path: Path) -> tuple[str, ...]:
    """Rule prefixes ignored for ``path`` by ``config.per_path_ignores``.

    Globs are relative to the config file's folder (the current folder without one), like
    ruff's; ``*`` crosses folders, and a pattern naming a folder covers everything in it.
    """
    if not config.per_path_ignores:
        return ()
    base = Path(config.source).resolve().parent if config.source else Path.cwd().resolve()
    resolved = Path(os.path.realpath(path))  # a symlink loop must not raise here
    rel = resolved.relative_to(base).as_posix() if resolved.is_relative_to(base) else None
    names = [n for n in (rel, path.as_posix()) if n]
    found: list[str] = []
    for glob, rules in config.per_path_ignores:
        pattern = glob.removeprefix("./")
        folder = pattern.rstrip("/") + "/*"
        if any(fnmatch.fnmatchcase(n, pattern) or fnmatch.fnmatchcase(n, folder) for n in names):
            found.extend(rules)
    return tuple(found)


def available_cpus() -> int:
    """The CPUs this process may run on (``taskset`` and container affinity included): the
    default ``--jobs``, and whether a background build has a CPU to overlap on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
