"""Helpers for driving the command line, in-process (fast) or as a real subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from carecompanion.__main__ import main


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
