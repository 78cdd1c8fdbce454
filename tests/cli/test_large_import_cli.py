"""journal import of a large export (issue 17), read an entry at a time: the same lines as the
usual import, a bad file still refused before the passphrase is asked, with its file and line.
Every file counts as large here (STREAM_OVER_BYTES is 0)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from carecompanion.clock import SystemClock
from carecompanion.journal.exchange import large_import as large
from carecompanion.journal.service import JournalService
from carecompanion.paths import AppPaths
from carecompanion.vault.vault import Vault
from tests.cli.conftest import Result
from tests.cli.test_cli_commands import PASS, assert_one_line_error
from tests.helpers import GOOD_PASSPHRASE, hash_tree
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


def test_a_bad_large_file_is_refused_before_the_passphrase_with_its_line(
    cli: Run, cli_home: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = jrnl_document(30)
    document["entries"][25]["time"] = "25:99"
    source = write(tmp_path / "journal.json", document)
    usual = cli("journal", "import", "--from", "jrnl", str(source))  # no passphrase given
    monkeypatch.setattr(large, "STREAM_OVER_BYTES", 0)
    before = hash_tree(cli_home.data_dir)
    streamed = cli("journal", "import", "--from", "jrnl", str(source))
    assert_one_line_error(streamed, "journal.json, line ", "25:99")
    assert streamed.err == usual.err
    assert hash_tree(cli_home.data_dir) == before


def test_a_file_changed_while_imported_is_imported_as_it_is_now(
    cli: Run, cli_home: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(large, "STREAM_OVER_BYTES", 0)
    source = write(tmp_path / "journal.json", jrnl_document(30))
    real = large.flag_duplicates

    def and_then_the_file_changes(journal: JournalService, plan: large.LargePlan) -> None:
        real(journal, plan)
        changed = jrnl_document(30)
        changed["entries"][0]["title"] = "Changed meanwhile"
        write(source, changed)

    monkeypatch.setattr(large, "flag_duplicates", and_then_the_file_changes)
    result = cli("journal", "import", "--from", "jrnl", str(source), **PASS)
    assert result.code == 0, result.err
    assert result.out.startswith("Imported 30 entries")
    titles = _titles(cli_home)
    assert "Changed meanwhile" in titles and "Day 0" not in titles and len(titles) == 30
    assert (
        json.loads(source.read_text(encoding="utf-8"))["entries"][0]["title"] == "Changed meanwhile"
    )
