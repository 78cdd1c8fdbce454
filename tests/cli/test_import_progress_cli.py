"""journal import in a terminal counts the entries written, batch by batch (issue 17); piped,
it prints only its summary, as before."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from carecompanion.journal import service
from carecompanion.journal.exchange import large_import as large
from carecompanion.paths import AppPaths
from tests.cli.conftest import Result
from tests.cli.test_cli_commands import PASS
from tests.journal.exchange.test_import_batches import COUNT, jrnl_file

Run = Callable[..., Result]


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(service, "_BATCH", 10)


def test_a_terminal_sees_the_entries_counted_as_they_are_written(
    cli: Run, cli_home: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = jrnl_file(tmp_path)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)  # here: pytest swaps it before
    result = cli("journal", "import", "--from", "jrnl", str(source), **PASS)
    assert result.code == 0, result.err
    assert result.out.startswith(f"Imported {COUNT} entries")
    shown = result.err.split("\r")
    assert shown[1:] == [f"Writing {n:,} of {COUNT} entries…" for n in (0, 10, 20, 30)] + [
        f"Writing {COUNT} of {COUNT} entries…\n"
    ]


def test_piped_it_says_only_what_it_did(cli: Run, cli_home: AppPaths, tmp_path: Path) -> None:
    result = cli("journal", "import", "--from", "jrnl", str(jrnl_file(tmp_path)), **PASS)
    assert result.code == 0, result.err
    assert result.err == ""
    assert result.out.startswith(f"Imported {COUNT} entries")


def test_a_large_import_counts_the_entries_as_it_imports_them(
    cli: Run, cli_home: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large input is read once and written as it is read (large_import), which cannot
    know how many entries there are: it counts them, batch by batch; a dry run counts those
    it read."""
    monkeypatch.setattr(large, "STREAM_OVER_BYTES", 0)
    monkeypatch.setattr(large, "READ_REPORT_EVERY", 10)
    monkeypatch.setattr(service, "_BATCH", 10)
    source = jrnl_file(tmp_path)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    result = cli("journal", "import", "--from", "jrnl", str(source), **PASS)
    assert result.code == 0, result.err
    assert result.out.startswith(f"Imported {COUNT} entries")
    shown = result.err.split("\r")
    assert shown[1:] == [
        "Importing 10 entries…",
        "Importing 20 entries…",
        "Importing 30 entries…",
        f"Importing {COUNT} entries…\n",  # the line ends before anything else is said
    ]
    dry = cli("journal", "import", "--from", "jrnl", str(source), "--dry-run", **PASS)
    assert dry.err.endswith("Reading 30 entries…\n") and dry.out.startswith("Would import 0")
