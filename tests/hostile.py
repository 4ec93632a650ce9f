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
import signal
import subprocess
import sys
from pathlib import Path

import pytest

GOOD = "Moscow (AP) Chinese leader Xi Jinping arrived.  \n\n\n\nThe visit lasts  three days.\n"
CLEANED = "Moscow (AP) Chinese leader Xi Jinping arrived.\n\nThe visit lasts three days.\n"

CATASTROPHIC = """\
rules:
  - id: XX901
    type: pattern
    pattern: '(a|a)+;'
    fix: none
    message: "a run of a"
    tests:
      - {in: "Then a; came.", out: "Then a; came."}
"""


def catastrophic_feed(root: Path) -> tuple[Path, Path]:
    """A feed whose house rule backtracks catastrophically on its file ``b.txt`` (2 MB: the
    rule's own regex limit is 3 s there, so a ``--timeout`` of 1 s is what stops it)."""
    feed = root / "feed"
    (feed / "rules").mkdir(parents=True)
    (feed / "rules" / "house.yaml").write_text(CATASTROPHIC, encoding="utf-8")
    (feed / "cleaner.toml").write_text('extend-rules = ["rules"]\n', encoding="utf-8")
    paragraph = "The committee met on Monday and agreed on the budget for the coming year.\n\n"
    bad = feed / "b.txt"
    bad.write_text("The cry was " + "a" * 34 + ".\n\n" + paragraph * 27000, encoding="utf-8")
    return feed, bad


_PR_CAPBSET_DROP = 24
# Capabilities by the power they give root: bypassing file permissions, giving files away.
_CAPABILITIES = {"dac": (1, 2), "chown": (0,)}  # CAP_DAC_OVERRIDE/READ_SEARCH, CAP_CHOWN


def command(*args: str) -> list[str]:
    """The argv of ``cleaner ARGS`` run by this interpreter (so the code under test runs)."""
    return [sys.executable, "-c", "from cleaner.cli import main; main()", *args]


def _preexec(drop: tuple[str, ...]):  # type: ignore[no-untyped-def]
    """A function the child runs before ``exec``: drop root's ``drop`` powers."""
    if not drop or os.geteuid() != 0:
        return None
    caps = [cap for name in drop for cap in _CAPABILITIES[name]]

    def run() -> None:
        libc = ctypes.CDLL(None, use_errno=True)
        for cap in caps:
            if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")

    return run


def cli(
    *args: str,
    unprivileged: bool = False,
    drop: tuple[str, ...] = (),
    timeout: float | None = None,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``cleaner ARGS`` to completion: in this process (fast: the pipeline is built once
    per test session) unless it must be a child, to drop privileges (``unprivileged``: file
    permissions apply; ``drop=("chown",)``: it cannot give files away) or to be stopped if
    it hangs (``timeout``)."""
    if unprivileged:
        drop = (*drop, "dac")
    if not drop and timeout is None and cwd is None:
        from click.testing import CliRunner

        from cleaner.cli import main

        result = CliRunner().invoke(main, list(args))
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr)
    # Its own session, so a run that hangs is stopped with every worker it started (the
    # code under test may be one whose workers outlive their parent).
    env = {k: v for k, v in os.environ.items() if k != "CLEANER_TIMEOUT"}
    with subprocess.Popen(
        command(*args),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,
        preexec_fn=_preexec(drop),
        start_new_session=True,
    ) as proc:
        try:
            out, err = proc.communicate(timeout=timeout or 300)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise
    return subprocess.CompletedProcess(args, proc.returncode, out, err)


def require_permissions(probe_dir: Path) -> None:
    """Skip unless a child started by ``cli(unprivileged=True)`` is refused a 000 file."""
    probe = probe_dir / "probe"
    probe.write_text("x", encoding="utf-8")
    probe.chmod(0)
    try:
        done = subprocess.run(
            [sys.executable, "-c", f"open({str(probe)!r}).read()"],
            capture_output=True,
            preexec_fn=_preexec(("dac",)),
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
