"""Which files a command works on, and where each one's output goes.

Shared by ``clean``, ``check``, ``fix``, ``report`` and ``damage`` so they agree on what a
folder means. A path that cannot be used (a symlink loop, a folder that cannot be searched
or listed, something that is not a regular file) becomes that path's one-line error in the
batch rather than a traceback or a silent skip: a newsroom must learn that a subfolder of
the night's feed was never read. Refusing to write over the input (unless ``--in-place``) is
decided here, before any work.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePath

from cleaner.errors import CleanerError
from cleaner.outputs import WritePlan, sidecar_path

DEFAULT_GLOB = "*.txt"


@dataclass(frozen=True, slots=True)
class Job:
    """One input file and the output path it maps to (``None``: stdout or in place).

    ``error`` is a problem found while planning; the batch reports it as this path's error
    without reading anything."""

    source: Path
    output: Path | None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Found:
    """A file to work on (or a path that could not be used, with ``error``).

    ``root`` is the folder argument it was found under (a file argument's own folder), and
    ``in_folder`` says whether it came from searching a folder argument."""

    root: Path
    path: Path
    error: str | None = None
    in_folder: bool = False


def check_glob(pattern: str) -> None:
    """Refuse a ``--glob`` that cannot select files inside a folder (one line, before work)."""
    if not pattern or not pattern.strip("/"):
        raise CleanerError("--glob: give a file pattern such as '*.txt'")
    pure = PurePath(pattern)
    if pure.is_absolute() or pattern.startswith(("/", "\\")) or pure.drive:
        raise CleanerError(
            f"--glob '{pattern}': the pattern is matched inside each input folder, so it must be "
            "relative (such as '*.txt' or 'wire/*.txt'); give the folder as an argument instead"
        )
    if ".." in pure.parts:
        raise CleanerError(f"--glob '{pattern}': '..' cannot match files inside a folder")


def find_inputs(paths: list[Path], pattern: str = DEFAULT_GLOB) -> list[Found]:
    """Files as given, folders searched recursively (hidden names and symlinked folders
    skipped, as ``Path.rglob`` did), each with the problem that stops it, if any.

    A missing path is kept too, so the batch reports it as that file's error instead of
    dropping it."""
    check_glob(pattern)
    match = _glob_regex(pattern).match
    found: list[Found] = []
    for path in paths:
        try:
            info = path.stat()
        except OSError as exc:
            found.append(Found(path.parent, path, f"{path}: {_path_problem(path, exc)}"))
            continue
        if stat.S_ISDIR(info.st_mode):
            inside = _search(path, match)
            if not inside:
                inside = [Found(path, path, f"{path}: no files matching '{pattern}'", True)]
            found.extend(inside)
        elif stat.S_ISREG(info.st_mode):
            found.append(Found(path.parent, path))
        else:
            found.append(Found(path.parent, path, f"{path}: not a regular file"))
    return found


def read_jobs(paths: list[Path], pattern: str = DEFAULT_GLOB, once: bool = False) -> list[Job]:
    """Jobs for commands that only read (or rewrite in place): no output paths.

    ``once``: a file reached by two names (a symlink and its target, the same file given
    twice) is worked on once, under the first name."""
    found = find_inputs(paths, pattern)
    if once:
        return _once(found)
    return [Job(f.path, None, f.error) for f in found]


def _identity(path: Path) -> tuple[int, int] | None:
    """The real file behind a name (device and inode), or None if it cannot be stat'ed."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _search(root: Path, match: Callable[[str], object]) -> list[Found]:
    """Files under ``root`` whose path relative to it matches, sorted; an unreadable
    subfolder (or the folder itself) becomes an error entry instead of a silent skip."""
    found: list[Found] = []
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError as exc:
            found.append(Found(root, folder, f"{folder}: cannot list folder: {_reason(exc)}", True))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue  # .git, .venv, editors' swap files
            path = Path(entry.path)
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(path)
                    continue
                rel = path.relative_to(root).as_posix()
                if not match(rel):
                    continue
                if entry.is_file():
                    found.append(Found(root, path, None, True))
                elif entry.is_symlink() or not entry.is_dir():
                    # A broken or looping symlink, a FIFO or a device with an article's name.
                    found.append(Found(root, path, f"{path}: {_entry_problem(path)}", True))
            except OSError as exc:
                found.append(Found(root, path, f"{path}: {_path_problem(path, exc)}", True))
    found.sort(key=lambda f: f.path)
    return found


def _entry_problem(path: Path) -> str:
    try:
        path.stat()
    except OSError as exc:
        return _path_problem(path, exc)
    return "not a regular file"


def _path_problem(path: Path, exc: OSError) -> str:
    """What is wrong with a path that cannot be stat'ed, in a user's words."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        return "broken symbolic link" if path.is_symlink() else "no such file"
    if exc.errno == errno.EACCES:
        return "cannot read: permission denied (a folder on its path cannot be searched)"
    return f"cannot read: {_reason(exc)}"


def _reason(exc: OSError) -> str:
    text = exc.strerror or str(exc)
    return text[:1].lower() + text[1:]


def _glob_regex(pattern: str) -> re.Pattern[str]:
    """A regex for ``Path.rglob(pattern)``'s meaning on a path relative to the folder:
    the pattern matches the last components at any depth; ``*`` and ``?`` stay inside one
    component and ``**`` spans any number of them."""
    body = ""
    parts = [p for p in pattern.replace("\\", "/").split("/") if p not in ("", ".")]
    for i, part in enumerate(parts):
        if part == "**":
            body += "(?:[^/]*/)*" if i < len(parts) - 1 else "(?:[^/]*/)*[^/]+"
        else:
            body += _component(part) + ("/" if i < len(parts) - 1 else "")
    return re.compile(r"(?:.*/)?" + body + r"\Z", re.S)


def _component(part: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(part):
        c = part[i]
        i += 1
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            end = part.find("]", i + 1 if i < len(part) and part[i] in "!]" else i)
            if end < 0:
                out.append(re.escape(c))
                continue
            body = part[i:end].replace("\\", "\\\\")
            if body.startswith("!"):
                body = "^" + body[1:]
            out.append(f"[{body}]")
            i = end + 1
        else:
            out.append(re.escape(c))
    return "".join(out)


def plan_jobs(
    paths: list[Path],
    outdir: Path | None,
    in_place: bool,
    pattern: str = DEFAULT_GLOB,
    sidecar: bool = False,
    writes: WritePlan | None = None,
) -> list[Job]:
    """Map inputs to outputs (and sidecars), each claimed in ``writes`` before anything
    runs. A whole plan that cannot work (an output folder inside an input folder) is a
    ``CleanerError``; one file whose output or sidecar may not be written (an input, a
    collision, somebody else's ``NAME.json``) becomes that file's error and the rest run."""
    if in_place and outdir is not None:
        raise CleanerError("--in-place and -o/--output cannot be used together")
    found = find_inputs(paths, pattern)
    if writes is None:
        writes = WritePlan()
    writes.add_inputs(f.path for f in found if f.error is None)
    if in_place:
        jobs = [Job(j.source, j.source if j.error is None else None, j.error) for j in _once(found)]
        return [_with_sidecar(j, writes) for j in jobs] if sidecar else jobs
    if outdir is None:
        if len(found) == 1 and not found[0].in_folder:
            return [Job(found[0].path, None, found[0].error)]
        raise CleanerError("several inputs: give -o OUTDIR, or --in-place to rewrite them")
    _check_outdir(outdir, found)
    jobs: list[Job] = []
    for f in found:
        p, root = f.path, f.root
        if f.error is not None:
            jobs.append(Job(p, None, f.error))
            continue
        target = outdir / (p.relative_to(root) if p.is_relative_to(root) else Path(p.name))
        problem = writes.claim(target, "output", f"the output of {p}")
        job = Job(p, None, f"{p}: {problem}") if problem else Job(p, target)
        jobs.append(_with_sidecar(job, writes) if sidecar else job)
    return jobs


def _check_outdir(outdir: Path, found: list[Found]) -> None:
    """An output folder inside an input folder would be read back as input by the next run;
    the folder of an input file would mix outputs with the inputs beside it."""
    out = Path(os.path.realpath(outdir))
    for root in sorted({f.root for f in found if f.in_folder}):
        folder = Path(os.path.realpath(root))
        if out == folder or folder in out.parents:
            raise CleanerError(
                f"output folder {outdir} is inside input folder {folder}; "
                "choose another -o, or use --in-place to rewrite the inputs"
            )
    for f in found:
        if not f.in_folder and Path(os.path.realpath(f.path.parent)) == out:
            raise CleanerError(
                f"output folder {outdir} is the folder of the input {f.path}; "
                "choose another -o, or use --in-place to rewrite the inputs"
            )


def _with_sidecar(job: Job, writes: WritePlan) -> Job:
    """The job, or its error if its sidecar may not be written (nothing is then written
    for it: an output without its sidecar would be a half-done file)."""
    if job.error is not None or job.output is None:
        return job
    problem = writes.claim(sidecar_path(job.output), "sidecar", f"the sidecar of {job.source}")
    return Job(job.source, None, f"{job.source}: {problem}") if problem else job


def _once(found: list[Found]) -> list[Job]:
    """Jobs for found paths, each real file once (under its first name)."""
    jobs: list[Job] = []
    seen: set[tuple[int, int]] = set()
    for f in found:
        if f.error is None:
            key = _identity(f.path)
            if key is not None and key in seen:
                continue
            if key is not None:
                seen.add(key)
        jobs.append(Job(f.path, None, f.error))
    return jobs
