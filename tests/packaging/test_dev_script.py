"""scripts/dev.py installs what PyInstaller needs on a fresh Debian 12 with its own Python."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).parents[2]


def load_dev() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dev", ROOT / "scripts" / "dev.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


dev = load_dev()


def test_debians_own_python_needs_its_shared_library(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "base_prefix", "/usr")
    minor = sys.version_info.minor
    assert dev.bundle_packages() == ("binutils", f"libpython3.{minor}")


def test_a_python_of_its_own_needs_only_binutils(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "base_prefix", str(tmp_path / ".pyenv" / "versions" / "3.11.7"))
    assert dev.bundle_packages() == ("binutils",)


@pytest.mark.parametrize(
    ("given", "passed"),
    [
        ([], ["-n", "auto"]),
        (["-q", "-x"], ["-n", "auto", "-q", "-x"]),
        (["-n", "1", "-q"], ["-n", "1", "-q"]),
        (["-n0"], ["-n0"]),
        (["--numprocesses=3"], ["--numprocesses=3"]),
        (["-p", "no:xdist", "tests/ui"], ["-p", "no:xdist", "tests/ui"]),
    ],
)
def test_the_suite_runs_on_every_core_unless_the_caller_chose(
    given: list[str], passed: list[str]
) -> None:
    assert dev.parallel(given) == passed
