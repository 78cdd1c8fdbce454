"""Helpers for driving the command line, in-process (fast) or as a real subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from carecompanion.__main__ import main
from tests.agent_support import private_runtime


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


@pytest.fixture
def cli(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., Result]:
    """Run ``carecompanion ARGS`` in this process, with extra environment variables."""

    def run(*args: str, **env: str) -> Result:
        capsys.readouterr()
        with monkeypatch.context() as patch:
            for name, value in env.items():
                patch.setenv(name, value)
            code = main(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def cli_process(tmp_path: Path) -> Callable[..., Result]:
    """Run ``python -m carecompanion ARGS`` as a subprocess with no terminal attached."""

    def run(*args: str, **env: str) -> Result:
        environment = {**os.environ, **env}
        completed = subprocess.run(
            [sys.executable, "-m", "carecompanion", *args],
            capture_output=True,
            text=True,
            env=environment,
            cwd=tmp_path,
            stdin=subprocess.DEVNULL,
            timeout=120,
            check=False,
        )
        return Result(completed.returncode, completed.stdout, completed.stderr)

    return run


@pytest.fixture
def runtime(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private runtime folder for the unlocked session's agent (no other test's, nor the
    developer's)."""
    with private_runtime(monkeypatch) as folder:
        yield folder


@pytest.fixture
def paths_taken(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Which way each command went through cli/quick_read.py: "quick" or "full"."""
    from carecompanion.cli import quick_read

    taken: list[str] = []
    real_open = quick_read._open

    def spying_open(*args: Any, **kwargs: Any) -> Any:
        opened = real_open(*args, **kwargs)
        taken.append("full" if opened is None else "quick")
        return opened

    monkeypatch.setattr(quick_read, "_open", spying_open)
    return taken
