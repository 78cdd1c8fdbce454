"""The disk under the database fails: each fault is named for what it is (full, read-only,
not allowed, busy, failing), and "damaged" is said only with space to spare."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from carecompanion.errors import CareCompanionError
from carecompanion.journal.models import EntryRow
from carecompanion.storage import database as database_module
from carecompanion.storage import migrate
from carecompanion.storage.database import Database
from carecompanion.vault.errors import DatabaseDamaged
from tests.faults import (
    SQLITE_BUSY,
    SQLITE_FULL,
    SQLITE_IOERR,
    SQLITE_NOTADB,
    SQLITE_READONLY,
    full_database,
    low_space,
    os_error,
    sqlite_fault,
)

KEY = bytes(range(32))
PLENTY = 10 * 1024**3


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = Database(tmp_path / "test.db", KEY)
    migrate.upgrade(db.engine)
    yield db
    db.close()


def _add(db: Database, title: str, body: str = "") -> None:
    now = datetime(2026, 3, 3, tzinfo=UTC)
    with db.session() as session:
        session.add(
            EntryRow(
                uid=os.urandom(16).hex(),
                title=title,
                body=body,
                entry_at=now,
                created_at=now,
                updated_at=now,
            )
        )


def _titles(db: Database) -> list[str]:
    with db.session() as session:
        return sorted(session.scalars(sa.select(EntryRow.title)).all())


def test_a_full_disk_is_said_to_be_full_and_nothing_is_half_written(database: Database) -> None:
    _add(database, "kept")
    with full_database(database.engine), pytest.raises(CareCompanionError) as caught:
        _add(database, "too big for the disk", "words " * 40_000)
    assert caught.value.code == "storage.disk_full"
    assert "free some space" in str(caught.value).lower()
    # Space freed: nothing was lost, nothing half-written, and writing works again.
    assert _titles(database) == ["kept"]
    _add(database, "after freeing space", "words " * 40_000)
    assert _titles(database) == ["after freeing space", "kept"]
    database.check_integrity()


@pytest.mark.parametrize("fault", [SQLITE_IOERR, SQLITE_NOTADB], ids=["io-error", "not-a-db"])
def test_an_unreadable_database_on_a_full_disk_is_not_called_damaged(
    database: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fault: tuple[int, str],
) -> None:
    """With a few KB free SQLite cannot grow its shared-memory file, and reading fails with
    an error that looks like damage: the disk is full, not the journal damaged."""
    low_space(monkeypatch, tmp_path, free=8 * 1024)
    with sqlite_fault(fault), pytest.raises(CareCompanionError) as caught:
        database.check_integrity()
    assert not isinstance(caught.value, DatabaseDamaged)
    assert caught.value.code == "storage.disk_full"


def test_damage_is_said_when_the_check_fails_with_space_to_spare(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    low_space(monkeypatch, tmp_path, free=PLENTY)
    with sqlite_fault(SQLITE_NOTADB), pytest.raises(DatabaseDamaged):
        database.check_integrity()


def test_an_io_error_with_space_to_spare_is_a_failing_disk(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    low_space(monkeypatch, tmp_path, free=PLENTY)
    with (
        sqlite_fault(SQLITE_IOERR, lambda sql: "INSERT" in sql),
        pytest.raises(CareCompanionError) as caught,
    ):
        _add(database, "x")
    assert caught.value.code == "storage.disk_error"
    assert not isinstance(caught.value, DatabaseDamaged)
    assert _titles(database) == []


def test_a_full_disk_during_a_write_is_full_whatever_the_measure(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite says SQLITE_FULL only when a write found no space: believed as it is."""
    low_space(monkeypatch, tmp_path, free=PLENTY)
    with (
        sqlite_fault(SQLITE_FULL, lambda sql: "INSERT" in sql),
        pytest.raises(CareCompanionError) as caught,
    ):
        _add(database, "x")
    assert caught.value.code == "storage.disk_full"


def test_a_read_only_file_system(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.statvfs

    class ReadOnly:
        def __init__(self, result: os.statvfs_result) -> None:
            self._result = result
            self.f_flag = result.f_flag | os.ST_RDONLY

        def __getattr__(self, name: str) -> object:
            return getattr(self._result, name)

    monkeypatch.setattr(os, "statvfs", lambda path: ReadOnly(real(path)))
    with (
        sqlite_fault(SQLITE_READONLY, lambda sql: "INSERT" in sql),
        pytest.raises(CareCompanionError) as caught,
    ):
        _add(database, "x")
    assert caught.value.code == "storage.read_only"


def test_a_read_only_database_on_a_writable_disk_is_not_allowed(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    low_space(monkeypatch, tmp_path, free=PLENTY)
    with (
        sqlite_fault(SQLITE_READONLY, lambda sql: "INSERT" in sql),
        pytest.raises(CareCompanionError) as caught,
    ):
        _add(database, "x")
    assert caught.value.code == "storage.no_permission"


def test_a_write_lock_held_elsewhere_is_busy_not_locked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long import in another process holds the write lock: after waiting, a plain "busy"
    sentence, not SQLite's "database is locked"."""
    import sqlcipher3.dbapi2 as sqlcipher

    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_SECONDS", 0.2, raising=False)
    db = Database(tmp_path / "busy.db", KEY)
    try:
        migrate.upgrade(db.engine)
        holder = sqlcipher.connect(str(tmp_path / "busy.db"), isolation_level=None)
        holder.execute(f"PRAGMA key = \"x'{KEY.hex()}'\"")
        holder.execute("BEGIN IMMEDIATE")  # the other writer's transaction, still open
        try:
            with pytest.raises(CareCompanionError) as caught:
                _add(db, "waits its turn")
            assert caught.value.code == "storage.busy"
            assert "locked" not in str(caught.value)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        _add(db, "its turn came")
        assert _titles(db) == ["its turn came"]
    finally:
        db.close()


def test_busy_from_the_driver_is_busy(database: Database) -> None:
    with (
        sqlite_fault(SQLITE_BUSY, lambda sql: "INSERT" in sql),
        pytest.raises(CareCompanionError) as caught,
    ):
        _add(database, "x")
    assert caught.value.code == "storage.busy"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (errno.ENOSPC, "storage.disk_full"),
        (errno.EDQUOT, "storage.disk_full"),
        (errno.EACCES, "storage.no_permission"),
        (errno.EPERM, "storage.no_permission"),
        (errno.EROFS, "storage.read_only"),
        (errno.EIO, "storage.disk_error"),
    ],
)
def test_operating_system_errors_are_classified(code: int, expected: str) -> None:
    from carecompanion.storage.faults import disk_fault

    fault = disk_fault(os_error(code, "/somewhere/vault.db"))
    assert fault is not None
    assert fault.code == expected


def test_other_errors_are_not_disk_faults() -> None:
    from carecompanion.storage.faults import disk_fault

    assert disk_fault(os_error(errno.ENOENT)) is None
    assert disk_fault(ValueError("no")) is None


def test_a_copy_onto_a_full_disk_is_full(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The online backup's target fills up: SQLite's backup call raises without a code."""
    import sqlcipher3.dbapi2 as sqlcipher

    real = sqlcipher.connect

    def connect(path: str, *args: object, **kwargs: object) -> object:
        conn = real(path, *args, **kwargs)
        if str(path).endswith("copy.db"):
            conn.execute("PRAGMA max_page_count = 1")
        return conn

    monkeypatch.setattr(sqlcipher, "connect", connect)
    _add(database, "copied", "words " * 10_000)
    with pytest.raises(CareCompanionError) as caught:
        database.copy_to(tmp_path / "copy.db")
    assert caught.value.code == "storage.disk_full"
