"""Atomic file writes: a temp file in the same folder, fsync, then rename over the target.

A crash or a full disk mid-write leaves the old file intact, never half an article; that is
what makes ``--in-place`` and the pre-commit fixer safe to run on a newsroom's only copy.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def atomic_write_text(path: Path, text: str, durable: bool = True) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically, keeping the old file's permissions.

    ``durable=False`` skips the fsync: still never half a file after a crash of ours, but a
    power cut may lose the new file. For outputs that can be re-made from inputs left
    untouched (``-o OUTDIR``) that trade is right: the fsync was 15% of a batch run.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode: int | None = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = None
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
