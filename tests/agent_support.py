"""What the tests of the command line's unlocked session share: a private runtime folder of
their own (so no test meets another's agent, nor the developer's), and waiting for an agent
process to end without asserting how fast."""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

from carecompanion.vault import agent

#: Generous: the agent ends in milliseconds; this only bounds a broken one on a busy machine.
EXIT_BOUND_SECONDS = 60.0


def has_exited(pid: int) -> bool:
    """Gone, or a zombie nobody reaped yet (PID 1 in a container may never reap it)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return True
    return fields[0] in ("Z", "X")


def wait_for_exit(pid: int, bound: float = EXIT_BOUND_SECONDS) -> bool:
    """Poll until ``pid`` has exited; False only if it is still there after ``bound``."""
    deadline = time.monotonic() + bound
    while time.monotonic() < deadline:
        if has_exited(pid):
            return True
        time.sleep(0.02)
    return has_exited(pid)


@contextmanager
def private_runtime(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """$XDG_RUNTIME_DIR set to a new private folder (short: a socket path must fit in 108
    bytes), for this process and the agents it starts. Any agent left is ended after."""
    folder = Path(tempfile.mkdtemp(prefix="cc-rt-"))
    folder.chmod(0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    try:
        yield folder
    finally:
        left = agent.status()
        agent.end_agent()
        pid = None if left is None else int(left["pid"])
        # Never this process: a test may serve an agent in one of its own threads.
        if pid is not None and pid != os.getpid() and not wait_for_exit(pid, 10):
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        shutil.rmtree(folder, ignore_errors=True)
