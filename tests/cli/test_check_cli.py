"""The integrity check on the command line (issue 17): never on the way to a command, and
``carecompanion check`` on demand. Checks are counted by the statements sent, never timed."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from carecompanion.clock import SystemClock
from carecompanion.paths import AppPaths
from tests.cli.conftest import Result
from tests.cli.test_cli_commands import PASS, assert_one_line_error
from tests.helpers import START
from tests.integrity_checks import any_checks, counted_checks, full_checks

Run = Callable[..., Result]


@pytest.fixture
def fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command runs at the same moment: no midnight (and daily backup) in between."""
    monkeypatch.setattr(SystemClock, "now", lambda _self: START)
    monkeypatch.setattr(SystemClock, "timestamp", lambda _self: START.timestamp())


def _add(cli: Run, number: int) -> None:
    result = cli("journal", "add", "--title", f"Entry {number}", "--text", "words " * 200, **PASS)
    assert result.code == 0, result.err


def test_commands_run_no_integrity_check(cli: Run, cli_home: AppPaths, fixed_day: None) -> None:
    with counted_checks() as seen:
        _add(cli, 0)  # the first command of the day takes the daily backup, checked first
    assert full_checks(seen) == 1
    commands = [
        ("journal", "add", "--title", "Later", "--text", "More words."),
        ("journal", "list"),
        ("journal", "list", "--json"),
        ("journal", "search", "words"),
        ("journal", "show", "1"),
        ("journal", "export", "--format", "json", "--out", str(cli_home.data_dir / "out.json")),
        ("mood", "list"),
        ("unlock-check",),
    ]
    for command in commands:
        with counted_checks() as seen:
            result = cli(*command, **PASS)
        assert result.code == 0, (command, result.err)
        assert any_checks(seen) == 0, command


def test_check_verifies_every_page_on_demand(cli: Run, cli_home: AppPaths, fixed_day: None) -> None:
    _add(cli, 0)
    with counted_checks() as seen:
        result = cli("check", **PASS)
    assert result.code == 0, result.err
    assert "whole" in result.out
    assert full_checks(seen) == 1


def test_check_reports_a_damaged_journal(cli: Run, cli_home: AppPaths, fixed_day: None) -> None:
    for number in range(40):  # several pages, so the middle of the file is entries' text
        _add(cli, number)
    path = cli_home.database_file
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    result = cli("check", **PASS)
    assert_one_line_error(result, "damaged", "restore")
    assert str(cli_home.backups_dir) in result.err
