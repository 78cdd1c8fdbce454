"""The command line on a disk that fills up, refuses writes or is busy: one plain line, what
to do next, and an unchanged vault (issue 15, findings 1, 5 and 6)."""

from __future__ import annotations

import errno
import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from carecompanion.clock import SystemClock
from carecompanion.journal.service import JournalService
from carecompanion.paths import AppPaths
from carecompanion.storage import database as database_module
from carecompanion.vault.backup import DATABASE_MEMBER
from carecompanion.vault.vault import Vault
from tests.cli.conftest import Result
from tests.cli.test_cli_commands import PASS, assert_one_line_error
from tests.faults import (
    SQLITE_IOERR,
    fail_on_call,
    full_database,
    low_space,
    os_error,
    sqlite_fault,
)
from tests.helpers import GOOD_PASSPHRASE, hash_tree

Run = Callable[..., Result]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _titles(home: AppPaths) -> list[str]:
    unlocked = Vault(home).unlock(GOOD_PASSPHRASE)
    try:
        return sorted(
            s.title for s in JournalService(unlocked.database, SystemClock()).list_summaries()
        )
    finally:
        unlocked.lock()


@pytest.fixture
def home(cli_home: AppPaths, cli: Run) -> AppPaths:
    assert cli("journal", "add", "--title", "kept", "--text", "words", **PASS).code == 0
    return cli_home


def _big_import(tmp_path: Path) -> Path:
    entries = [
        {
            "title": f"Imported {number}",
            "body": "A long day at the hospital. " * 400,
            "date": "2025-01-01",
            "time": "10:00",
            "tags": [],
            "starred": False,
        }
        for number in range(40)
    ]
    path = tmp_path / "jrnl.json"
    path.write_text(json.dumps({"tags": {}, "entries": entries}))
    return path


def test_journal_add_on_a_full_disk(cli: Run, home: AppPaths) -> None:
    with full_database():
        result = cli("journal", "add", "--title", "lost?", "--text", "words " * 40_000, **PASS)
    assert_one_line_error(result, "free space", "Nothing you saved before was lost")
    assert "damaged" not in result.err
    assert _titles(home) == ["kept"]


def test_journal_import_on_a_full_disk(cli: Run, home: AppPaths, tmp_path: Path) -> None:
    with full_database():
        result = cli("journal", "import", "--from", "jrnl", str(_big_import(tmp_path)), **PASS)
    assert_one_line_error(result, "free space")
    assert _titles(home) == ["kept"], "all of the import or none of it"


def test_a_large_import_read_once_on_a_full_disk(
    cli: Run, home: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read once and written as it is read (large_import.import_in_one_read): the full disk
    is said as such, not taken for a file the fast reader cannot read (which would read it
    all again the usual way), and nothing of it is kept."""
    from carecompanion.journal.exchange import large_import

    monkeypatch.setattr(large_import, "STREAM_OVER_BYTES", 0)
    read_whole: list[object] = []
    monkeypatch.setattr(
        "carecompanion.cli.exchange_commands._read", lambda *args: read_whole.append(args)
    )
    with full_database():
        result = cli("journal", "import", "--from", "jrnl", str(_big_import(tmp_path)), **PASS)
    assert_one_line_error(result, "free space")
    assert read_whole == []
    assert _titles(home) == ["kept"], "all of the import or none of it"


def test_journal_list_on_a_disk_too_full_to_read(
    cli: Run, home: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The finding: with a few KB free SQLite cannot grow its shared-memory file, reading
    fails, and the journal was called damaged or tampered with."""
    low_space(monkeypatch, home.data_dir, free=8 * 1024)
    before = hash_tree(home.data_dir)
    with sqlite_fault(SQLITE_IOERR):
        result = cli("journal", "list", **PASS)
    assert_one_line_error(result, "free space")
    assert "damaged" not in result.err and "tampered" not in result.err
    assert "restore" not in result.err
    assert hash_tree(home.data_dir) == before


def test_opening_with_the_daily_backup_due_on_a_nearly_full_disk(
    cli: Run, home: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The finding: with 64-200 KB free and the backup due the vault could not be opened at
    all. Now the command runs, and says the backup was skipped."""
    for backup in home.backups_dir.glob("auto-*"):
        backup.unlink()
    low_space(monkeypatch, home.data_dir, free=100 * 1024)
    result = cli("journal", "list", **PASS)
    assert result.code == 0, result.err
    assert "kept" in result.out
    assert len(result.err_lines) == 1
    assert "backup was skipped" in result.err
    assert list(home.backups_dir.iterdir()) == []


def test_backup_on_a_full_disk(
    cli: Run, home: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "usb" / "mine.ccbackup"
    out.parent.mkdir()
    fail_on_call(monkeypatch, zipfile.ZipFile, "write")
    result = cli("backup", "--out", str(out), **PASS)
    assert_one_line_error(result, "not enough free space", str(out))
    assert list(out.parent.iterdir()) == []


def test_restore_on_a_full_disk(
    cli: Run, home: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "mine.ccbackup"
    assert cli("backup", "--out", str(out), **PASS).code == 0
    before = hash_tree(home.data_dir)
    fail_on_call(monkeypatch, shutil, "copyfileobj")
    result = cli("restore", str(out), **PASS)
    assert_one_line_error(result, "free space")
    assert "damaged" not in result.err
    assert hash_tree(home.data_dir) == before
    assert not list(home.data_dir.glob(".restore-*"))


def test_restore_of_a_backup_with_a_bad_crc(cli: Run, home: AppPaths, tmp_path: Path) -> None:
    out = tmp_path / "mine.ccbackup"
    assert cli("backup", "--out", str(out), **PASS).code == 0
    raw = bytearray(out.read_bytes())
    with zipfile.ZipFile(out) as archive:
        info = archive.getinfo(DATABASE_MEMBER)
    start = info.header_offset + 30 + len(DATABASE_MEMBER)
    raw[start + info.compress_size // 2] ^= 0xFF
    out.write_bytes(bytes(raw))
    before = hash_tree(home.data_dir)
    result = cli("restore", str(out), **PASS)
    assert_one_line_error(result, str(out), "damaged")
    assert "BadZipFile" not in result.err and "went wrong" not in result.err
    assert "automatic backups are in" not in result.err, "the journal is not the damaged one"
    assert hash_tree(home.data_dir) == before


def test_a_long_import_holding_the_write_lock_is_busy(
    cli: Run, home: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program (a long import) holds the journal's write lock: after waiting, a
    plain "busy" line, not SQLite's "database is locked"."""
    import sqlcipher3.dbapi2 as sqlcipher

    from carecompanion.vault.vault import subkey

    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_SECONDS", 0.2, raising=False)
    unlocked = Vault(home).unlock(GOOD_PASSPHRASE)
    key = subkey(unlocked._key(), "sqlcipher")
    unlocked.lock()
    holder = sqlcipher.connect(str(home.database_file), isolation_level=None)
    holder.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = cli("journal", "add", "--title", "waits", "--text", "x", **PASS)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert_one_line_error(result, "Another program is using your journal")
    assert "database is locked" not in result.err
    assert _titles(home) == ["kept"]


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "not enough free space"),
        (errno.EROFS, "read-only"),
        (errno.EACCES, "not allowed to write"),
    ],
)
def test_a_disk_that_refuses_a_file_is_said_as_such_not_as_a_bug(
    cli: Run, home: AppPaths, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    """Any command's file the disk refused: the fault's own line, not "something went wrong"
    (kept for bugs)."""
    from carecompanion.cli import journal_commands

    def refused(_args: object) -> int:
        raise os_error(code, str(home.data_dir / "some-file"))

    monkeypatch.setattr(journal_commands, "cmd_list", refused)
    result = cli("journal", "list", **PASS)
    assert_one_line_error(result, words)
    assert "went wrong" not in result.err
