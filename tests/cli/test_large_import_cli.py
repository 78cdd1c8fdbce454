"""journal import of a large export (issue 17), read once, an entry at a time, and written as
it is read in one transaction: the same lines as the usual import, and a bad file refused
with its file and line and nothing of it written. Every file counts as large here
(STREAM_OVER_BYTES is 0)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from carecompanion.clock import SystemClock
from carecompanion.journal import service as service_module
from carecompanion.journal.exchange import ImportSource
from carecompanion.journal.exchange import large_import as large
from carecompanion.journal.exchange.parsed import ParsedEntry
from carecompanion.journal.service import JournalService
from carecompanion.paths import AppPaths
from carecompanion.vault.vault import Vault
from tests.cli.conftest import Result
from tests.cli.test_cli_commands import PASS, assert_one_line_error
from tests.helpers import GOOD_PASSPHRASE
from tests.journal.exchange.test_large_import import jrnl_document, write

Run = Callable[..., Result]


def _titles(home: AppPaths) -> list[str]:
    unlocked = Vault(home, SystemClock()).unlock(GOOD_PASSPHRASE)
    try:
        return sorted(
            s.title for s in JournalService(unlocked.database, SystemClock()).list_summaries()
        )
    finally:
        unlocked.lock()


@pytest.mark.parametrize("streamed", [False, True])
def test_the_same_lines_either_way(
    cli: Run, cli_home: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, streamed: bool
) -> None:
    if streamed:
        monkeypatch.setattr(large, "STREAM_OVER_BYTES", 0)
    source = write(tmp_path / "journal.json", jrnl_document(30))
    dry = cli("journal", "import", "--from", "jrnl", str(source), "--dry-run", **PASS)
    assert dry.code == 0, dry.err
    assert (
        dry.out
        == "Would import 30 entries (1 duplicate skipped, 1 empty entry skipped, 0 attachments).\n"
    )
    done = cli("journal", "import", "--from", "jrnl", str(source), **PASS)
    assert (
        done.out
        == "Imported 30 entries (1 duplicate skipped, 1 empty entry skipped, 0 attachments).\n"
    )
    again = cli("journal", "import", "--from", "jrnl", str(source), **PASS)
    assert again.out.startswith("Imported 0 entries (31 duplicates skipped")
    assert len(_titles(cli_home)) == 30


def test_a_bad_large_file_is_refused_with_its_line_and_nothing_written(
    cli: Run, cli_home: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bad entry is the 26th: with batches of 10, two are already written in the
    import's transaction when it is read. Nothing of it is kept, and its line is the one
    the usual import says."""
    monkeypatch.setattr(service_module, "_BATCH", 10)
    assert cli("journal", "add", "--title", "kept", "--text", "words", **PASS).code == 0
    document = jrnl_document(30)
    document["entries"][25]["time"] = "25:99"
    source = write(tmp_path / "journal.json", document)
    usual = cli("journal", "import", "--from", "jrnl", str(source), **PASS)
    monkeypatch.setattr(large, "STREAM_OVER_BYTES", 0)
    streamed = cli("journal", "import", "--from", "jrnl", str(source), **PASS)
    assert_one_line_error(streamed, "journal.json, line ", "25:99")
    assert streamed.err == usual.err
    assert _titles(cli_home) == ["kept"]


def test_a_file_read_once_is_not_read_again(
    cli: Run, cli_home: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command line reads a large export once (the app reads it twice, to show what it
    holds first: tests/journal/exchange/test_large_import.py)."""
    monkeypatch.setattr(large, "STREAM_OVER_BYTES", 0)
    source = write(tmp_path / "journal.json", jrnl_document(30))
    reads: list[Path] = []
    real = large._entries

    def counted(kind: ImportSource, path: Path) -> Iterator[ParsedEntry]:
        reads.append(path)
        return real(kind, path)

    monkeypatch.setattr(large, "_entries", counted)
    result = cli("journal", "import", "--from", "jrnl", str(source), **PASS)
    assert result.code == 0, result.err
    assert result.out.startswith("Imported 30 entries")
    assert reads == [source]
    assert len(_titles(cli_home)) == 30
