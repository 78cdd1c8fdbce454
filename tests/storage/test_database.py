"""The SQLCipher database: encrypted on disk, keyed by the vault, checked on open."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.dialects import sqlite

from carecompanion.journal.models import EntryRow
from carecompanion.storage import migrate
from carecompanion.storage.database import Database
from carecompanion.storage.types import UtcDateTime
from carecompanion.vault.errors import DatabaseDamaged

KEY = bytes(range(32))


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = Database(tmp_path / "test.db", KEY)
    migrate.upgrade(db.engine)
    yield db
    db.close()


def _add(db: Database, title: str) -> None:
    now = datetime(2026, 3, 3, tzinfo=UTC)
    with db.session() as session:
        session.add(
            EntryRow(
                uid=os.urandom(16).hex(),
                title=title,
                body=title * 50,
                entry_at=now,
                created_at=now,
                updated_at=now,
            )
        )


def test_the_file_is_encrypted(database: Database) -> None:
    _add(database, "plain words here")
    wal = database.path.with_name(database.path.name + "-wal")
    assert wal.exists()  # WAL mode, and the WAL is encrypted too
    for path in (database.path, wal):
        data = path.read_bytes()
        assert not data.startswith(b"SQLite format 3")
        assert b"plain words here" not in data
        assert b"journal_entries" not in data  # even the schema is hidden


def test_reopens_with_the_same_key(database: Database, tmp_path: Path) -> None:
    _add(database, "kept")
    database.close()
    again = Database(tmp_path / "test.db", KEY)
    try:
        again.check_integrity()
        with again.session() as session:
            assert session.scalars(sa.select(EntryRow.title)).all() == ["kept"]
    finally:
        again.close()


def test_wrong_key_is_reported_as_damage(database: Database, tmp_path: Path) -> None:
    _add(database, "kept")
    database.close()
    wrong = Database(tmp_path / "test.db", bytes(32))
    try:
        with pytest.raises(DatabaseDamaged):
            wrong.check_integrity()
    finally:
        wrong.close()


def test_keys_must_be_32_bytes(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        Database(tmp_path / "x.db", b"short")


def test_copy_is_consistent_and_encrypted(database: Database, tmp_path: Path) -> None:
    _add(database, "copied")
    target = tmp_path / "copy.db"
    database.copy_to(target)
    assert not target.read_bytes().startswith(b"SQLite format 3")
    assert b"copied" not in target.read_bytes()
    assert not target.with_name("copy.db-wal").exists()
    copy = Database(target, KEY)
    try:
        copy.check_integrity()
        with copy.session() as session:
            assert session.scalars(sa.select(EntryRow.title)).all() == ["copied"]
    finally:
        copy.close()


def test_session_rolls_back_on_error(database: Database) -> None:
    with pytest.raises(RuntimeError), database.session() as session:
        now = datetime(2026, 3, 3, tzinfo=UTC)
        session.add(
            EntryRow(
                uid="a" * 32, title="half", body="", entry_at=now, created_at=now, updated_at=now
            )
        )
        session.flush()
        raise RuntimeError("boom")
    with database.session() as session:
        assert session.scalars(sa.select(EntryRow)).all() == []


def test_close_removes_the_wal(database: Database) -> None:
    _add(database, "x")
    database.close()
    assert not database.path.with_name(database.path.name + "-wal").exists()


# -- UtcDateTime ----------------------------------------------------------------------------------
# The dialect the column meets in the app (it does not look at it).
SQLITE = sqlite.dialect()


def test_utc_datetime_stores_sortable_utc_text() -> None:
    column = UtcDateTime()
    plus_two = timezone(timedelta(hours=2))
    stored = column.process_bind_param(datetime(2026, 3, 3, 14, 0, 0, 5, tzinfo=plus_two), SQLITE)
    assert stored == "2026-03-03T12:00:00.000005Z"
    loaded = column.process_result_value(stored, SQLITE)
    assert loaded == datetime(2026, 3, 3, 12, 0, 0, 5, tzinfo=UTC)
    assert loaded is not None and loaded.tzinfo is UTC
    assert column.process_bind_param(None, SQLITE) is None
    assert column.process_result_value(None, SQLITE) is None


@given(
    when=st.datetimes(
        min_value=datetime(1000, 1, 2),  # strftime writes earlier years without zeros
        max_value=datetime(9999, 12, 30),
        timezones=st.sampled_from([UTC, timezone(timedelta(hours=-9, minutes=-30))]),
    )
)
def test_utc_datetime_reads_back_what_it_stored(when: datetime) -> None:
    column = UtcDateTime()
    loaded = column.process_result_value(column.process_bind_param(when, SQLITE), SQLITE)
    assert loaded == when and loaded is not None and loaded.tzinfo is UTC


def test_utc_datetime_refuses_naive_values() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        UtcDateTime().process_bind_param(datetime(2026, 3, 3, 12), SQLITE)
