"""The real entry point starts: the app on a new folder, the demo, and the self-test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def _run(*args: str, data_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CARECOMPANION_EXIT_WHEN_SHOWN": "1"}
    if data_dir is not None:
        env["CARECOMPANION_HOME"] = str(data_dir)
    return subprocess.run(
        [sys.executable, "-m", "carecompanion", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("args", [(), ("--demo",)], ids=["first-run", "demo"])
def test_app_starts_and_shows_a_window(args: tuple[str, ...], tmp_path: Path) -> None:
    result = _run(*args, data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert "carecompanion-shown" in result.stderr
    assert "Traceback" not in result.stderr


def test_demo_leaves_the_real_data_folder_alone(tmp_path: Path) -> None:
    home = tmp_path / "data"
    assert _run("--demo", data_dir=home).returncode == 0
    assert not (home / "vault.header").exists()


def test_self_test_passes(tmp_path: Path) -> None:
    result = _run("--self-test", data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert "self-test passed" in result.stdout
    assert not (tmp_path / "data").exists(), "the self-test never touches the data folder"
