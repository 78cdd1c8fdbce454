"""The command line's one catch: an error for the person is its sentence; a bug is one calm
line on stderr, with its type (never its text) in the log."""

from __future__ import annotations

import argparse
import logging
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from carecompanion.cli import vault_commands
from carecompanion.paths import AppPaths
from tests.cli.conftest import Result

SECRET = "Margaret's pills are in the blue box"


def _bug(_args: argparse.Namespace) -> int:
    raise KeyError(SECRET)


@pytest.fixture(autouse=True)
def log_handlers() -> Iterator[None]:
    """The runner opens the log file as the app would; close it after each test."""
    logger = logging.getLogger("carecompanion")
    before = list(logger.handlers)
    yield
    for handler in [h for h in logger.handlers if h not in before]:
        logger.removeHandler(handler)
        handler.close()


def test_a_bug_is_one_calm_line_and_a_log_without_content(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, paths: AppPaths
) -> None:
    paths.ensure()
    monkeypatch.setattr(vault_commands, "cmd_unlock_check", _bug)
    result = cli("--data-dir", str(paths.data_dir), "unlock-check")
    assert result.code == 1
    assert result.err_lines == [
        "carecompanion: something went wrong (KeyError). Your journal is safe; please try "
        "again, and if it happens again, report it."
    ]
    log = paths.log_file.read_text(encoding="utf-8")
    assert "unexpected KeyError in the command 'unlock-check'" in log
    assert "test_unexpected.py" in log and "_bug" in log
    assert SECRET not in log and "blue box" not in log


def test_without_a_data_folder_the_line_is_still_the_only_output(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(vault_commands, "cmd_unlock_check", _bug)
    nowhere = tmp_path / "not here"
    result = cli("--data-dir", str(nowhere), "unlock-check")
    assert result.code == 1
    assert len(result.err_lines) == 1 and "KeyError" in result.err
    assert SECRET not in result.err
    assert not nowhere.exists()  # a bug does not create the data folder


def test_an_error_for_the_person_is_its_sentence(
    cli: Callable[..., Result], paths: AppPaths
) -> None:
    result = cli("--data-dir", str(paths.data_dir), "unlock-check")
    assert result.code == 1
    assert result.err_lines == [
        f"carecompanion: No CareCompanion vault in {paths.data_dir}. Create one with "
        "'carecompanion init'."
    ]


#: A command that prints far more than a pipe holds, run as its own process.
PRINTS_A_LOT = """
import argparse, sys
from carecompanion.cli.runner import run_command

def handler(args):
    for number in range(200_000):
        print("entry", number)
    return 0

args = argparse.Namespace(handler=handler, data_dir=sys.argv[1], command="journal list")
sys.exit(run_command(args))
"""


def test_a_reader_that_stops_reading_ends_the_command_quietly(tmp_path: Path) -> None:
    """``carecompanion journal list | head -1``: when ``head`` has its line and goes, the
    command ends as a tool ended by SIGPIPE does (status 141, nothing said), not with
    "something went wrong (BrokenPipeError)" or Python's own complaint at exit."""
    process = subprocess.Popen(
        [sys.executable, "-c", PRINTS_A_LOT, str(tmp_path)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline() == b"entry 0\n"
    process.stdout.close()
    said = process.stderr.read()
    assert (process.wait(timeout=120), said) == (141, b"")
