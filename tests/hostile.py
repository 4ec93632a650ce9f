"""Running the real ``cleaner`` command in a child process, for the hostile-input tests.

Permission tests need the kernel to refuse: root (CI containers, this build machine) reads
and searches anything, so as root the child drops the two capabilities that let it bypass
file permissions (``CAP_DAC_OVERRIDE``, ``CAP_DAC_READ_SEARCH``) from its bounding set before
it starts; it is still uid 0 and still owns root's files, but a ``chmod 000`` folder now
means "permission denied" to it as to anyone. Signal tests need a real process to kill.
"""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from pathlib import Path

import pytest

GOOD = "Moscow (AP) Chinese leader Xi Jinping arrived.  \n\n\n\nThe visit lasts  three days.\n"
CLEANED = "Moscow (AP) Chinese leader Xi Jinping arrived.\n\nThe visit lasts three days.\n"

_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2


def command(*args: str) -> list[str]:
    """The argv of ``cleaner ARGS`` run by this interpreter (so the code under test runs)."""
    return [sys.executable, "-c", "from cleaner.cli import main; main()", *args]


def _drop_file_capabilities() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _preexec(unprivileged: bool):  # type: ignore[no-untyped-def]
    if unprivileged and os.geteuid() == 0:
        return _drop_file_capabilities
    return None


def cli(
    *args: str, unprivileged: bool = False, timeout: float | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``cleaner ARGS`` to completion: in this process (fast: the pipeline is built once
    per test session) unless it must be a child, to drop privileges (``unprivileged``) or
    to be stopped if it hangs (``timeout``)."""
    if not unprivileged and timeout is None and cwd is None:
        from click.testing import CliRunner

        from cleaner.cli import main

        result = CliRunner().invoke(main, list(args))
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr)
    return subprocess.run(
        command(*args),
        capture_output=True,
        text=True,
        timeout=timeout or 300,
        cwd=cwd,
        preexec_fn=_preexec(unprivileged),
    )


def require_permissions(probe_dir: Path) -> None:
    """Skip unless a child started by ``cli(unprivileged=True)`` is refused a 000 file."""
    probe = probe_dir / "probe"
    probe.write_text("x", encoding="utf-8")
    probe.chmod(0)
    try:
        done = subprocess.run(
            [sys.executable, "-c", f"open({str(probe)!r}).read()"],
            capture_output=True,
            preexec_fn=_preexec(True),
        )
    except OSError as exc:
        pytest.skip(f"cannot drop file capabilities here: {exc}")
    finally:
        probe.chmod(0o600)
        probe.unlink()
    if done.returncode == 0:
        pytest.skip("file permissions do not apply to this user (root without capset)")


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]
