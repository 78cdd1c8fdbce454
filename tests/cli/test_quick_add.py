"""``journal add`` through the unlocked session's quick path (cli/quick_read.py): the same
entry as the full unlock writes, in one transaction that leaves nothing behind when it
fails, and the full unlock whenever it has something to do first."""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from carecompanion.cli import quick_read
from carecompanion.clock import SystemClock
from carecompanion.journal.writes import JournalWrites
from carecompanion.paths import AppPaths
from carecompanion.vault.vault import Vault
from carecompanion.vault.writer_lock import LOCK_NAME
from tests.cli.conftest import Result
from tests.cli.test_cli_commands import assert_one_line_error
from tests.faults import full_database
from tests.helpers import GOOD_PASSPHRASE

Run = Callable[..., Result]
PASS = {"CARECOMPANION_PASSPHRASE": GOOD_PASSPHRASE}


@pytest.fixture
def home(cli: Run, cli_home: AppPaths) -> AppPaths:
    added = cli("journal", "add", "--title", "First", "--text", "kept", "--tag", "Sleep", **PASS)
    assert added.code == 0, added.err
    return cli_home


def _unlock(cli: Run) -> None:
    result = cli("unlock", **PASS)
    assert result.code == 0, result.err


def _rows(home: AppPaths, sql: str) -> list[tuple[Any, ...]]:
    unlocked = Vault(home, SystemClock()).unlock(GOOD_PASSPHRASE)
    try:
        with unlocked.database.engine.connect() as conn:
            return [tuple(row) for row in conn.exec_driver_sql(sql)]
    finally:
        unlocked.lock()


def _titles(home: AppPaths) -> list[str]:
    return [row[0] for row in _rows(home, "SELECT title FROM journal_entries ORDER BY id")]


ADD = (
    "journal",
    "add",
    "--title",
    "  Tea with José  ",
    "--text",
    "Mum slept through; the marigolds are out in the allotment.",
    "--tag",
    "SLEEP",
    "--tag",
    "garden",
    "--at",
    "2026-03-01T21:30:00+01:00",
    "--favourite",
)
#: Every column an entry is written with, but its id and uid (new for each) and the
#: moments it was written at.
COLUMNS = (
    "title, body, entry_at, is_favourite, entry_day, time_zone, is_all_day, fingerprint, tag_text"
)


def test_journal_add_writes_quick_what_the_full_unlock_writes(
    cli: Run, home: AppPaths, runtime: Path, paths_taken: list[str]
) -> None:
    full = cli(*ADD, "--json", **PASS)
    assert full.code == 0, full.err
    assert paths_taken == ["full"], "no session yet: the passphrase's full unlock"
    _unlock(cli)
    quick = cli(*ADD, "--json")
    assert quick.code == 0, quick.err
    assert paths_taken == ["full", "quick"]
    assert quick.out.replace('"id": 3', '"id": 2') == full.out and quick.err == full.err == ""

    written = _rows(home, f"SELECT {COLUMNS} FROM journal_entries WHERE id IN (2, 3) ORDER BY id")
    assert written[0] == written[1]
    assert written[0][0] == "Tea with José" and written[0][3] == 1
    assert _rows(home, "SELECT name FROM tags ORDER BY name") == [("garden",), ("Sleep",)]
    links = _rows(home, "SELECT entry_id, tag_id FROM entry_tags WHERE entry_id IN (2, 3)")
    assert sorted(tag for entry, tag in links if entry == 2) == sorted(
        tag for entry, tag in links if entry == 3
    )
    # Its words learnt for prefix search, as the service learns them: "marig" finds it.
    assert _rows(home, "SELECT count(*) FROM journal_fts_pending") == [(0,)]
    found = cli("journal", "search", "marig")
    assert [line.split("\t")[0] for line in found.out.splitlines()] == ["3", "2"]


def test_a_write_that_fails_part_way_leaves_nothing(
    cli: Run, home: AppPaths, runtime: Path, paths_taken: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _unlock(cli)

    def failing(self: JournalWrites, links: Any) -> None:
        raise RuntimeError("the tag links could not be written")

    with monkeypatch.context() as patch:
        patch.setattr(JournalWrites, "link_tags", failing)
        failed = cli("journal", "add", "--title", "Lost?", "--text", "words", "--tag", "new-tag")
    assert paths_taken == ["quick"]
    assert failed.code == 1 and "went wrong" in failed.err
    assert _titles(home) == ["First"]
    assert _rows(home, "SELECT name FROM tags") == [("Sleep",)], "the new tag rolled back too"


def test_journal_add_on_a_full_disk_with_a_session(
    cli: Run, home: AppPaths, runtime: Path, paths_taken: list[str]
) -> None:
    _unlock(cli)
    with full_database():
        result = cli("journal", "add", "--title", "lost?", "--text", "words " * 40_000)
    assert paths_taken == ["quick"]
    assert_one_line_error(result, "free space", "Nothing you saved before was lost")
    assert "damaged" not in result.err
    assert _titles(home) == ["First"]


def test_a_due_daily_backup_is_taken_by_the_full_unlock(
    cli: Run, home: AppPaths, runtime: Path, paths_taken: list[str]
) -> None:
    _unlock(cli)
    for backup in home.backups_dir.glob("*.ccbackup"):
        backup.unlink()
    assert cli("journal", "add", "--title", "Second", "--text", "x").code == 0
    assert paths_taken == ["full"]
    assert list(home.backups_dir.glob("*.ccbackup")), "today's backup was taken"
    assert cli("journal", "add", "--title", "Third", "--text", "x").code == 0
    assert paths_taken == ["full", "quick"]
    assert _titles(home) == ["First", "Second", "Third"]


#: Another process holding the vault's lock as a writer does (flock, exclusive), until its
#: standard input closes.
HOLDER = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR)
fcntl.flock(fd, fcntl.LOCK_EX)
print("held", flush=True)
sys.stdin.read()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="the holder takes a POSIX flock")
def test_a_writer_elsewhere_sends_it_the_full_way_and_keeps_its_claim(
    cli: Run, home: AppPaths, runtime: Path
) -> None:
    """Held by another process (the app, or a command writing): the quick path never waits
    or writes beside it (the full unlock waits for a command, or says the app has it)."""
    _unlock(cli)
    args = argparse.Namespace(data_dir=str(home.data_dir), command="journal add")
    with quick_read.quick_transaction(args) as statements:
        assert statements is not None, "control: quick when the journal is free"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(home.data_dir / LOCK_NAME)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with quick_read.quick_transaction(args) as statements:
            assert statements is None
    finally:
        holder.communicate("")  # lets go
    with quick_read.quick_transaction(args) as statements:
        assert statements is not None, "and quick again once it let go"


def test_without_a_session_journal_add_unlocks_the_full_way(
    cli: Run, home: AppPaths, runtime: Path, paths_taken: list[str]
) -> None:
    added = cli("journal", "add", "--title", "Second", "--text", "x", **PASS)
    assert (added.code, paths_taken) == (0, ["full"])
    assert _titles(home) == ["First", "Second"]
