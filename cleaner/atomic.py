"""Atomic file writes: a temp file in the same folder, then rename over the target.

A crash or a full disk mid-write leaves the old file intact, never half an article; that is
what makes ``--in-place`` and the pre-commit fixer safe to run on a newsroom's only copy.

The temp file is anonymous where the kernel allows it (Linux ``O_TMPFILE``): it has no name
until it is complete, so a run killed with SIGKILL (which no handler sees) cannot leave a
stray ``.tmp`` in the user's folder; it is linked under a temp name only for the rename.
Elsewhere a named temp file is removed on any exception, including the ``SystemExit`` the
CLI raises on SIGTERM.

A rewrite in place respects the file (``rewrite_in_place``): through a symlink it writes the
real file and leaves the link a link; it keeps the owner, group and mode where permitted;
and it refuses a file with several hard links, because replacing one name would leave the
others holding the old text. New files get ``0666`` minus the umask, like any file the
user creates (``mkstemp``'s ``0600`` made outputs unreadable to the rest of the newsroom).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import tempfile
from pathlib import Path

from cleaner.errors import InputError

_O_TMPFILE = getattr(os, "O_TMPFILE", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def atomic_write_text(path: Path, text: str, durable: bool = True) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically, keeping an existing file's mode (and
    owner and group where permitted); a new file gets the umask's permissions.

    ``durable=False`` skips the fsync: still never half a file after a crash of ours, but a
    power cut may lose the new file. For outputs that can be re-made from inputs left
    untouched (``-o OUTDIR``) that trade is right: the fsync was 15% of a batch run.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        like: os.stat_result | None = path.stat()
    except OSError:
        like = None
    _replace(path, text.encode("utf-8"), like, durable)


def rewrite_in_place(path: Path, text: str) -> str | None:
    """Replace an input's contents atomically and durably, respecting the file.

    Returns a notice when something could not be kept (the owner, when we may not give the
    file away); raises ``InputError`` for a multiply-linked file, which is left unchanged."""
    real = Path(os.path.realpath(path))  # through symlinks: the link stays a link
    try:
        like = real.stat()
    except OSError as exc:
        raise InputError(path, f"cannot write: {exc.strerror or exc}") from None
    if like.st_nlink > 1:
        raise InputError(
            path,
            f"has {like.st_nlink} hard links; rewriting it would leave the other names with "
            "the old text, so it was not changed (copy it to break the link, then fix it)",
        )
    return _replace(real, text.encode("utf-8"), like, durable=True)


def _replace(target: Path, data: bytes, like: os.stat_result | None, durable: bool) -> str | None:
    folder = target.parent
    fd, temp = _open_temp(folder, target.name)
    notice = None
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        if like is not None:
            notice = _keep_owner(fd, like)
            os.fchmod(fd, stat.S_IMODE(like.st_mode))
        elif temp is not None:  # a named temp file is 0600; O_TMPFILE got 0666 - umask
            os.fchmod(fd, 0o666 & ~_umask())
        if durable:
            os.fsync(fd)
        if temp is None:
            temp = _link_anonymous(fd, folder, target.name)
        os.replace(temp, target)
        temp = None
        if durable:
            _fsync_folder(folder)
    finally:
        os.close(fd)
        if temp is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)
    return notice


def _open_temp(folder: Path, name: str) -> tuple[int, str | None]:
    """An anonymous file in ``folder`` (``None`` name), or a named temp file where the
    kernel or file system has no ``O_TMPFILE``."""
    if _O_TMPFILE and os.path.isdir("/proc/self/fd"):  # linking it needs /proc
        try:
            return os.open(folder, _O_TMPFILE | os.O_WRONLY | _CLOEXEC, 0o666), None
        except OSError as exc:
            if exc.errno not in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
                raise
    fd, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    return fd, temp


def _link_anonymous(fd: int, folder: Path, name: str) -> str:
    """Give the finished anonymous file a temp name (only for the rename that follows).

    ``linkat(..., AT_SYMLINK_FOLLOW)`` on ``/proc/self/fd/N`` names it without privileges;
    passing a folder descriptor is what makes Python call ``linkat`` rather than ``link``
    (which would try to link the /proc entry itself)."""
    folder_fd = os.open(folder, os.O_RDONLY | _CLOEXEC)
    try:
        for _ in range(100):
            temp = f".{name}.{secrets.token_hex(4)}.tmp"
            try:
                os.link(f"/proc/self/fd/{fd}", temp, dst_dir_fd=folder_fd, follow_symlinks=True)
                return str(folder / temp)
            except FileExistsError:
                continue
    finally:
        os.close(folder_fd)
    raise FileExistsError(errno.EEXIST, "no free temp name", str(folder))


def _keep_owner(fd: int, like: os.stat_result) -> str | None:
    """Give the new file the old one's owner and group; where we may not (only root gives
    files away), keep at least the group, and say so if the owner changes."""
    if (like.st_uid, like.st_gid) == (os.geteuid(), os.getegid()):
        return None
    try:
        os.fchown(fd, like.st_uid, like.st_gid)
        return None
    except PermissionError:
        pass
    lost = ["owner"] if like.st_uid != os.geteuid() else []
    try:
        os.fchown(fd, -1, like.st_gid)  # allowed when we are in that group
    except PermissionError:
        lost.append("group")
    if not lost:
        return None
    what = " and ".join(lost)
    return (
        f"{what} changed to yours: only root can keep them "
        f"(was uid {like.st_uid}, gid {like.st_gid})"
    )


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (a power cut after fsync of the file alone can still
    lose the new name)."""
    try:
        fd = os.open(folder, os.O_RDONLY | _CLOEXEC)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    """The process umask, read without changing it where Linux shows it."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
