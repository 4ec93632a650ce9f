"""Where cleaner's data lives: the built-in rule folder (and the data files in it, such as the
boilerplate stop words) and the extra folders a config adds. Every caller asks here.

The repository keeps the rule files in a top-level ``rules/`` folder (data, not code, edited
as YAML). Two layouts have to work:

* **an installed wheel** (``pip install``, ``pipx``, a pre-commit hook's own virtualenv):
  the build copies ``rules/`` into the package as ``cleaner/_data/rules`` (``setup.py``),
  found with ``importlib.resources`` whatever the install location;
* **a source checkout or editable install** (``make test``, a developer): no copy exists, so
  the checkout's own ``rules/`` is used and an edit to a rule file takes effect at once.

Nothing else may guess a path from ``cleaner.__file__``: a guess that only holds in a
checkout is how every installed command once failed with ``site-packages/rules: rules
folder does not exist``.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from cleaner.config import Config
from cleaner.errors import CleanerError

# Inside the package, where the wheel build puts the copy of ``rules/``.
PACKAGED = ("_data", "rules")


@lru_cache(maxsize=1)
def builtin_rules() -> Path:
    """The folder of the shipped rule files: the wheel's package data, else the checkout's.

    The checkout's ``rules/`` counts only beside the ``pyproject.toml`` it was built from,
    never a ``rules`` folder that happens to sit next to the package (``site-packages/rules``
    is another distribution's package)."""
    package = files("cleaner")
    packaged = package.joinpath(*PACKAGED)
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    if isinstance(package, Path):
        checkout = package.parent
        if (checkout / "rules").is_dir() and (checkout / "pyproject.toml").is_file():
            return checkout / "rules"
    raise CleanerError(
        f"cleaner's built-in rules are missing: neither {packaged} (an installed wheel) nor "
        "a source checkout's rules/ folder exists; reinstall cleaner"
    )


def builtin_data(*parts: str) -> Path:
    """A data file shipped with the rules (``builtin_data("boilerplate", "stopwords-en.txt")``)."""
    return builtin_rules().joinpath(*parts)


def rule_folders(config: Config) -> tuple[Path, ...]:
    """Every folder rules come from, in load order: the built-in rules, then the config's
    ``extend-rules``. A relative entry is relative to the config file's folder (the folder
    the newsroom's config and rules live in), or to the working folder when no file was
    read; ``~`` is expanded. Loading, cache keys and ``rules_version`` all use this list."""
    base = Path(config.source).parent if config.source else Path.cwd()
    extra = tuple((base / Path(entry).expanduser()).resolve() for entry in config.extend_rules)
    return (builtin_rules(), *extra)


def folder_files(folder: Path) -> list[Path]:
    """The files of a rule folder, sorted: what the loader reads (its ``*.yaml``) and what
    digests hash (everything, data files included). Hidden names *below* the folder (editor
    backups, lock files, a ``.git``) are skipped; the folder's own path may contain any
    name (``~/.config/newsroom/rules``). A folder that is a file is that one file."""
    if folder.is_file():
        return [folder]
    if not folder.is_dir():
        return []
    found = []
    for path in folder.rglob("*"):
        parts = path.relative_to(folder).parts
        if any(p.startswith(".") or p == "__pycache__" for p in parts) or not path.is_file():
            continue
        found.append(path)
    return sorted(found)


# Digests this process computed, by the files' paths, sizes, change times and inodes: a
# cold check keys four set-up stores by the rule files, and each read and hashed them again.
_DIGESTS: dict[tuple[object, ...], str] = {}
# A file changed this recently (nanoseconds) may change again within its time stamp's
# granularity, unseen: its digest is not kept (as git treats a "racily clean" file).
RACY_NS = 2_000_000_000
# The set-up store's entries of digests by stamp (``_stored``), and what one holds.
_STAMP_ENTRY = "digest-{}.sha256"
_HEX = frozenset("0123456789abcdef")


def content_digest(folders: Iterable[Path]) -> str:
    """SHA-256 of every file of ``folders``: each file's path relative to its folder and its
    bytes, folder by folder. Where a folder is does not count (a moved checkout or another
    user's install gives the same digest), what is in it always does. Computed again only
    when a file's size, change time or inode differs from the last time (``_stamped``)."""
    return _stamped([(folder, folder_files(folder)) for folder in folders])


def source_digest(folder: Path, *, recursive: bool = True) -> str:
    """SHA-256 of the ``*.py`` files in ``folder`` (below it too, unless ``recursive`` is
    False): paths relative to the folder and bytes, hashed as ``content_digest`` hashes rule
    files. The code half of a cache key: the result cache hashes all of cleaner, the grammar
    cache only ``cleaner/grammar``. Callers keep the answer (a process's code does not change)."""
    paths = folder.rglob("*.py") if recursive else folder.glob("*.py")
    return _stamped([(folder, sorted(p for p in paths if "__pycache__" not in p.parts))])


def _stamped(listed: list[tuple[Path, list[Path]]]) -> str:
    """``_hash_files(listed)``, or the digest computed before for the same stamps: every
    file's path, size, modification and change time and inode, as git's index trusts a
    file whose stat data it recorded. Kept in this process and in the set-up store: every
    cold ``cleaner check`` hashed cleaner's 1.2 MB of source and the 1.4 MB of rule files
    again (15-35 ms of its 0.25 s of CPU). The change time cannot be set back by a user,
    so an edit that keeps a file's size and modification time still gives new stamps; a
    file changed in the last ``RACY_NS`` is hashed every time and its digest never kept."""
    recent = time.time_ns() - RACY_NS
    keep = True
    stamp: list[object] = []
    for folder, paths in listed:
        stamp.append(str(folder))
        for path in paths:
            try:
                st = path.stat()
            except OSError:
                stamp.append((str(path), None))
                continue
            stamp.append((str(path), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino))
            keep = keep and max(st.st_mtime_ns, st.st_ctime_ns) < recent
    key = tuple(stamp)
    found = _DIGESTS.get(key)
    if found is not None:
        return found
    entry = _stamp_entry(key) if keep else None
    found = _stored(entry) if entry is not None else None
    if found is None:
        found = _hash_files(listed)
        if entry is not None:
            _store(entry, found)
    if keep:
        if len(_DIGESTS) >= 8:
            _DIGESTS.clear()
        _DIGESTS[key] = found
    return found


def _stamp_entry(key: tuple[object, ...]) -> Path | None:
    """Where the set-up store keeps the digest of the files behind ``key``, or None when
    the store cannot be used. The set-up store, not the result cache: like the parsed rules
    keyed by this digest, it holds no result, so ``--no-cache`` leaves it on."""
    from cleaner.cache.memo import FORMAT
    from cleaner.cache.store import kind_dir

    folder = kind_dir(f"compiled-v{FORMAT}")
    if folder is None:
        return None
    name = hashlib.sha256(repr(key).encode("utf-8", "surrogatepass")).hexdigest()[:40]
    return folder / _STAMP_ENTRY.format(name)


def _stored(entry: Path) -> str | None:
    """The digest an earlier process stored at ``entry``, or None (missing, not ours,
    or not a digest)."""
    from cleaner.cache.store import read_entry

    data = read_entry(entry)
    if data is None or len(data) != 64:
        return None
    text = data.decode("ascii", "replace")
    return text if _HEX.issuperset(text) else None


def _store(entry: Path, digest: str) -> None:
    from cleaner.cache.store import write_entry

    write_entry(entry, digest.encode("ascii"))


def _hash_files(listed: list[tuple[Path, list[Path]]]) -> str:
    h = hashlib.sha256()
    for index, (folder, paths) in enumerate(listed):
        h.update(f"\0folder {index}\0".encode())
        for path in paths:
            data = path.read_bytes()
            name = path.name if path == folder else path.relative_to(folder).as_posix()
            h.update(f"\0file {name}\0{len(data)}\0".encode())
            h.update(data)
    return h.hexdigest()
