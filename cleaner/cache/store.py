"""The cache folder, private to the user who runs cleaner, and bounded in size.

Every kind of cached data (``results-v*`` cleaned articles, ``grammar-v*`` grammar hits,
``compiled-v*`` parsed rules and gazetteer) lives in a subfolder of one root,
``$CLEANER_CACHE_DIR``, else ``$XDG_CACHE_HOME/cleaner``, else ``~/.cache/cleaner``. What is
read back decides what cleaner prints and writes, and the entries hold article text, so:

* **Private.** Folders are created 0700 and files 0600 (cleaned articles are not for other
  users of the machine). Folders of ours found more open (an older cleaner made them 0755)
  are closed to 0700.
* **Nothing planted is used.** The root and every folder above it must not be writable by
  another user (a sticky folder such as ``/tmp`` is fine for what sits in it), and the
  root and our subfolders must be ours; otherwise that cache is ignored with a one-line
  warning and the run goes on without it. An entry is opened without following symlinks
  and used only if it is a regular file we own that no one else can write.
* **Temp files cannot be redirected.** An entry is written to a new random name opened
  with ``O_CREAT|O_EXCL|O_NOFOLLOW`` and renamed into place, so a symlink planted at a
  guessable name cannot make cleaner write through it.
* **Bounded.** After a process has written entries, a cheap estimate (a few random shard
  folders, scaled up) compares the cache with the size limit (``--cache-max-mb`` / env
  ``CLEANER_CACHE_MAX_MB``, default 1024 MB); over it, the least recently used entries
  (reads refresh an entry's time) are deleted down to 80% of the limit.

Group-writable counts as writable by others unless the group is the user's own private
group (the "user private group" convention, umask 002). On systems without POSIX owners
(Windows) only the symlink-safe writes apply.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import random
import stat
import sys
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CACHE_ENV = "CLEANER_CACHE_DIR"
MAX_MB_ENV = "CLEANER_CACHE_MAX_MB"
DEFAULT_MAX_MB = 1024
# Children (worker processes) inherit this, so a warning is printed once per run.
_WARNED_ENV = "_CLEANER_CACHE_WARNED"
# Our subfolders: ``<kind>-v<N>``.
KINDS = ("results", "grammar", "compiled")
_POSIX = hasattr(os, "geteuid")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
# An entry read longer ago than this gets its time refreshed (least recently used goes first).
_TOUCH_AFTER = 3600.0


def default_cache_dir() -> Path:
    """``$CLEANER_CACHE_DIR``, else ``$XDG_CACHE_HOME/cleaner``, else ``~/.cache/cleaner``."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "cleaner"


def max_bytes() -> int:
    """The size limit: env ``CLEANER_CACHE_MAX_MB`` (``--cache-max-mb`` sets it), else 1 GB."""
    raw = os.environ.get(MAX_MB_ENV, "")
    try:
        mb = float(raw) if raw else DEFAULT_MAX_MB
    except ValueError:
        mb = DEFAULT_MAX_MB
    return max(0, int(mb * 1024 * 1024))


def warn(message: str) -> None:
    """One line on stderr, once per run (worker processes inherit what was said)."""
    said = os.environ.get(_WARNED_ENV, "")
    tag = f"{zlib.crc32(message.encode()):x}"  # not hash(): salted per process
    if tag in said.split(","):
        return
    os.environ[_WARNED_ENV] = f"{said},{tag}" if said else tag
    print(f"warning: cleaner cache: {message}", file=sys.stderr)


# -- who may write where ---------------------------------------------------------------


def _own_private_group(gid: int) -> bool:
    """Whether group ``gid`` is the user's private group (no other members)."""
    if gid != os.getegid():
        return False
    try:
        import grp
        import pwd

        members = set(grp.getgrgid(gid).gr_mem)
        me = pwd.getpwuid(os.geteuid()).pw_name
    except (ImportError, KeyError, OSError):
        return False
    return members <= {me}


def _others_can_write(st: os.stat_result) -> bool:
    if st.st_mode & stat.S_IWOTH:
        return True
    return bool(st.st_mode & stat.S_IWGRP) and not _own_private_group(st.st_gid)


def _unsafe_folder(path: Path, st: os.stat_result) -> str | None:
    """Why a folder of ours cannot be trusted, or None."""
    if not stat.S_ISDIR(st.st_mode):
        return f"{path} is not a folder"
    if st.st_uid != os.geteuid():
        return f"{path} is owned by uid {st.st_uid}, not you"
    if _others_can_write(st):
        return f"{path} is writable by other users"
    return None


def _unsafe_ancestors(path: Path) -> str | None:
    """Why a folder above the cache lets someone else swap the cache out, or None.

    Each must belong to root or to us, and a folder others can write is acceptable only
    with the sticky bit (``/tmp``): then nobody but its owner can rename what is in it."""
    for parent in path.parents:
        try:
            st = os.stat(parent)
        except OSError:
            return f"cannot check {parent}"
        if st.st_uid not in (0, os.geteuid()):
            return f"{parent} belongs to uid {st.st_uid}"
        if _others_can_write(st) and not st.st_mode & stat.S_ISVTX:
            return f"{parent} is writable by other users"
    return None


@lru_cache(maxsize=16)
def _checked_root(root: str) -> str | None:
    """Create the root (0700) if missing and say why it cannot be used, or None."""
    path = Path(root)
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = os.stat(path)
    except OSError as exc:
        return f"cannot use {path}: {exc.strerror or exc}"
    if not _POSIX:
        return None
    return _unsafe_folder(path, st) or _unsafe_ancestors(path.resolve())


@lru_cache(maxsize=64)
def _checked_folder(folder: str) -> str | None:
    """Create a subfolder of ours (0700), close it if an older cleaner left it open."""
    path = Path(folder)
    try:
        with contextlib.suppress(FileExistsError):
            os.mkdir(path, 0o700)
        st = os.lstat(path)
    except OSError as exc:
        return f"cannot use {path}: {exc.strerror or exc}"
    if not _POSIX:
        return None
    if stat.S_ISLNK(st.st_mode):
        return f"{path} is a symlink"
    problem = _unsafe_folder(path, st)
    if problem is None and st.st_mode & 0o077:
        with contextlib.suppress(OSError):
            os.chmod(path, 0o700)
    return problem


def preflight() -> None:
    """Check the cache folder before a command starts its workers: an unusable one is then
    reported once, here, rather than once by every worker process."""
    problem = _checked_root(str(default_cache_dir()))
    if problem is not None:
        warn(f"{problem}; running without it")


def kind_dir(kind: str, root: Path | None = None) -> Path | None:
    """The folder of one kind of cached data (``results-v1``), created private, or None
    (with a warning) when the cache there must not be trusted."""
    root = root or default_cache_dir()
    problem = _checked_root(str(root))
    folder = root / kind
    if problem is None:
        problem = _checked_folder(str(folder))
    if problem is not None:
        warn(f"{problem}; running without it")
        return None
    return folder


def existing_kind_dir(kind: str) -> Path | None:
    """``kind_dir`` for what a command reads before it has checked the cache (``preflight``
    says what is wrong, once): the folder if it exists and may be trusted, else None; it
    creates nothing and warns of nothing."""
    root = default_cache_dir()
    folder = root / kind
    if not folder.is_dir() or _checked_root(str(root)) or _checked_folder(str(folder)):
        return None
    return folder


def shard_dir(folder: Path, key: str) -> Path | None:
    """``folder/<first two characters of key>``, checked like ``kind_dir``."""
    shard = folder / key[:2]
    problem = _checked_folder(str(shard))
    if problem is not None:
        warn(f"{problem}; running without it")
        return None
    return shard


# -- entries -------------------------------------------------------------------------------


def read_entry(path: str | Path) -> bytes | None:
    """The bytes of an entry we wrote, or None: missing, a symlink, not a regular file, not
    ours or writable by others (the last two with a warning). Refreshes its time (LRU)."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _CLOEXEC)
    except OSError:
        return None  # missing, or a symlink (ELOOP): a miss
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return None
        if _POSIX and (st.st_uid != os.geteuid() or st.st_mode & 0o022):
            who = "not yours" if st.st_uid != os.geteuid() else "writable by others"
            warn(f"ignoring {path} ({who}); delete it or run `cleaner cache clear`")
            return None
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read()
        if time.time() - st.st_mtime > _TOUCH_AFTER:
            with contextlib.suppress(OSError):
                os.utime(fd)
        return data
    except OSError:
        return None
    finally:
        os.close(fd)


def map_entry(path: str | Path) -> mmap.mmap | None:
    """``read_entry``, mapped instead of read: the same checks, and the pages come in only as
    they are touched (a word table of several MB, of which one article reads a few hundred
    entries), shared between the processes that map it."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _CLOEXEC)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size == 0:
            return None
        if _POSIX and (st.st_uid != os.geteuid() or st.st_mode & 0o022):
            who = "not yours" if st.st_uid != os.geteuid() else "writable by others"
            warn(f"ignoring {path} ({who}); delete it or run `cleaner cache clear`")
            return None
        mapped = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
        if time.time() - st.st_mtime > _TOUCH_AFTER:
            with contextlib.suppress(OSError):
                os.utime(fd)
        return mapped
    except (OSError, ValueError):
        return None
    finally:
        os.close(fd)


# Bytes this process wrote since it last checked the cache's size (None: never checked).
_unchecked: int | None = None


def write_entry(path: Path, data: bytes) -> bool:
    """Write an entry atomically: a fresh random name opened ``O_EXCL|O_NOFOLLOW`` (mode
    0600), then renamed over ``path``. False when it could not be written (only speed is
    lost). Counts the bytes for the size limit."""
    tmp = path.with_name(f".{path.name}.{os.urandom(8).hex()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o600)
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return False
    _account(len(data), path)
    return True


def _account(size: int, path: Path) -> None:
    """After this process's first write and then every 1/32 of the limit written, check the
    cache's size (cheaply) and evict if it is over."""
    global _unchecked
    limit = max_bytes()
    if _unchecked is not None:
        _unchecked += size
        if _unchecked < max(limit // 32, 4096):
            return
    _unchecked = 0
    root = _root_of(path)
    with contextlib.suppress(OSError):
        if root is not None and estimate_size(root) > limit:
            evict(root, limit)


def _root_of(path: Path) -> Path | None:
    """The cache root an entry belongs to (``root/<kind>/[<shard>/]entry``)."""
    for parent in path.parents:
        if parent.name.split("-v")[0] in KINDS:
            return parent.parent
    return None


# -- size ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Usage:
    """What one kind of data takes up."""

    kind: str
    entries: int
    bytes: int


def _kind_dirs(root: Path) -> list[Path]:
    try:
        names = sorted(os.listdir(root))
    except OSError:
        return []
    return [root / n for n in names if n.split("-v")[0] in KINDS and (root / n).is_dir()]


def _files(folder: Path) -> Iterator[os.DirEntry[str]]:
    """Regular files under ``folder`` (one level of shards), symlinks not followed."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            with contextlib.suppress(OSError), os.scandir(entry.path) as inner:
                yield from (e for e in inner if e.is_file(follow_symlinks=False))
        elif entry.is_file(follow_symlinks=False):
            yield entry


def usage(root: Path) -> list[Usage]:
    """Entries and bytes of every kind folder under ``root`` (a full scan)."""
    found = []
    for folder in _kind_dirs(root):
        sizes = [e.stat(follow_symlinks=False).st_size for e in _files(folder)]
        found.append(Usage(folder.name, len(sizes), sum(sizes)))
    return found


# The cache's own generator: a library that draws from the global ``random`` moves a host
# program's seeded sequence (and Hypothesis, whose draws a cache write in another thread
# interleaved, warned of it).
_SAMPLER = random.Random()


def estimate_size(root: Path, samples: int = 16) -> int:
    """The cache's size from a few random shard folders, scaled up: keys are hashes, so
    shards fill evenly, and a run need not stat every entry of a large cache to know it is
    under the limit. A small cache (few entries in the sample) is counted exactly."""
    total = 0
    for folder in _kind_dirs(root):
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        shards = [n for n in names if len(n) == 2]
        for name in names:
            if len(name) != 2:
                with contextlib.suppress(OSError):
                    total += os.lstat(folder / name).st_size
        picked = _SAMPLER.sample(shards, min(samples, len(shards)))
        sizes = [e.stat(follow_symlinks=False).st_size for n in picked for e in _files(folder / n)]
        if len(sizes) < 256 and len(picked) < len(shards):
            picked = shards  # sparse: the sample says little, and a full count is cheap
            sizes = [
                e.stat(follow_symlinks=False).st_size for n in picked for e in _files(folder / n)
            ]
        if picked:
            total += sum(sizes) * len(shards) // len(picked)
    return total


def evict(root: Path, limit: int) -> tuple[int, int]:
    """Delete the least recently used entries until the cache is at most 80% of ``limit``.
    Returns (entries deleted, bytes freed). Another process deleting the same entry at the
    same time is harmless."""
    entries = []
    for folder in _kind_dirs(root):
        for e in _files(folder):
            with contextlib.suppress(OSError):
                st = e.stat(follow_symlinks=False)
                entries.append((st.st_mtime, st.st_size, e.path))
    total = sum(size for _, size, _ in entries)
    target = int(limit * 0.8)
    entries.sort()
    deleted = freed = 0
    for _, size, path in entries:
        if total - freed <= target:
            break
        with contextlib.suppress(OSError):
            os.unlink(path)
            deleted += 1
            freed += size
    return deleted, freed


def clear(root: Path) -> tuple[int, int]:
    """Delete every kind folder under ``root`` (nothing else there). (entries, bytes)."""
    import shutil

    before = usage(root)
    for folder in _kind_dirs(root):
        shutil.rmtree(folder, ignore_errors=True)  # never follows symlinks
    after = {u.kind: u for u in usage(root)}
    entries = sum(u.entries - getattr(after.get(u.kind), "entries", 0) for u in before)
    size = sum(u.bytes - getattr(after.get(u.kind), "bytes", 0) for u in before)
    return entries, size


def forget_checks() -> None:
    """Check folders afresh (they are checked once per process; tests change them)."""
    from cleaner.cache import results

    _checked_root.cache_clear()
    _checked_folder.cache_clear()
    results._folder.cache_clear()
    os.environ.pop(_WARNED_ENV, None)


def root_problem(root: Path) -> str | None:
    """Why the cache at ``root`` is not used, or None (for ``cleaner cache info``)."""
    return _checked_root(str(root))
