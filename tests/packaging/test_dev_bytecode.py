"""scripts/dev.py compiles .venv's packages and src/ to bytecode, once, and quietly: where
PYTHONDONTWRITEBYTECODE is set, Python would otherwise compile them again in every process."""

from __future__ import annotations

import os
import py_compile
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.packaging.test_dev_script import dev


def test_fresh_bytecode_is_the_one_python_would_use(tmp_path: Path) -> None:
    source = tmp_path / "module.py"
    source.write_text("VALUE = 1\n")
    assert not dev.has_fresh_bytecode(source)  # none yet
    py_compile.compile(str(source))
    assert dev.has_fresh_bytecode(source)
    source.write_text("VALUE = 22\n")  # edited: another size
    os.utime(source, (1_000_000_000, 1_000_000_000))  # and another time
    assert not dev.has_fresh_bytecode(source)


def test_compileall_writes_bytecode_even_where_python_would_not(tmp_path: Path) -> None:
    package = tmp_path / "package"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "module.py").write_text("VALUE = 1\n")
    (package / "template.py").write_text("{% for x in y %}\n")  # not Python: skipped quietly
    result = subprocess.run(
        [sys.executable, "-c", dev._COMPILEALL, str(tmp_path)],
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""
    assert dev.has_fresh_bytecode(package / "module.py")
    assert dev.has_fresh_bytecode(package / "__init__.py")


@pytest.fixture
def checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """A checkout in tmp_path; returns the commands compile_bytecode ran (none really run)."""
    (tmp_path / "uv.lock").write_text("version = 1\n")
    sources = tmp_path / "src"
    sources.mkdir()
    (sources / "module.py").write_text("VALUE = 1\n")
    venv = tmp_path / ".venv"
    venv.mkdir()
    monkeypatch.setattr(dev, "ROOT", tmp_path)
    monkeypatch.setattr(dev, "VENV", venv)
    monkeypatch.setattr(dev, "SOURCES", sources)
    monkeypatch.setattr(dev, "BYTECODE_STAMP", venv / ".carecompanion-bytecode")
    ran: list[list[str]] = []

    def run_step(command: Sequence[str], what: str, **_: object) -> None:
        ran.append(list(command))
        if command[-1] == str(sources):
            py_compile.compile(str(sources / "module.py"))

    monkeypatch.setattr(dev, "run_step", run_step)
    return ran


def test_site_packages_once_per_lock_and_sources_when_they_change(
    checkout: list[list[str]], tmp_path: Path
) -> None:
    dev.compile_bytecode()
    assert len(checkout) == 2  # site-packages (first time), then src/ (no .pyc yet)
    assert checkout[0][-1] == dev._COMPILEALL and checkout[1][-1] == str(tmp_path / "src")

    checkout.clear()
    dev.compile_bytecode()
    assert checkout == []  # nothing changed: nothing run

    (tmp_path / "src" / "module.py").write_text("VALUE = 2 + 2\n")
    dev.compile_bytecode()
    assert [command[-1] for command in checkout] == [str(tmp_path / "src")]

    checkout.clear()
    (tmp_path / "uv.lock").write_text("version = 2\n")  # packages changed
    dev.compile_bytecode()
    assert [command[-1] for command in checkout] == [dev._COMPILEALL]
