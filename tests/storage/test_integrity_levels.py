"""The database's three integrity checks (issue 17), and the connection settings weighed
there: what each check sends, and what it finds in a damaged file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from carecompanion.journal.models import AttachmentRow, EntryRow
from carecompanion.storage import migrate
from carecompanion.storage.database import Check, Database
from carecompanion.vault.errors import DatabaseDamaged
from tests.integrity_checks import counted_checks

KEY = bytes(range(32))


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = Database(tmp_path / "test.db", KEY)
    migrate.upgrade(db.engine)
    yield db
    db.close()


def _scan_of_a_megabyte(db: Database) -> None:
    """An entry with a large attachment: most of the file, and pages nothing else reads."""
    now = datetime(2026, 3, 3, tzinfo=UTC)
    with db.session() as session:
        entry = EntryRow(uid="e" * 32, title="Scan", body="", entry_at=now, created_at=now)
        entry.updated_at = now
        session.add(entry)
        session.flush()
        session.add(
            AttachmentRow(
                entry_id=entry.id,
                uid="a" * 32,
                filename="scan.png",
                mime_type="image/png",
                size=1024 * 1024,
                data=os.urandom(1024 * 1024),
                created_at=now,
            )
        )


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        (Check.LIGHT, {}),
        (Check.QUICK, {"quick_check": 1}),
        (Check.FULL, {"cipher_integrity_check": 1, "quick_check": 1}),
    ],
)
def test_each_check_reads_what_it_says(
    database: Database, level: Check, expected: dict[str, int]
) -> None:
    with counted_checks() as seen:
        database.check_integrity(level)
    assert dict(seen) == expected


def test_a_damaged_page_is_found_by_the_quick_and_full_checks(
    database: Database, tmp_path: Path
) -> None:
    _scan_of_a_megabyte(database)
    database.close()
    path = tmp_path / "test.db"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    reopened = Database(path, KEY)
    try:
        reopened.check_integrity(Check.LIGHT)  # the key opens it: the page is not read
        for level in (Check.QUICK, Check.FULL):
            with pytest.raises(DatabaseDamaged):
                reopened.check_integrity(level)
    finally:
        reopened.close()


def test_connections_leave_sqlcipher_memory_security_off(database: Database) -> None:
    """Weighed in docs/security.md: twice the CPU of an import, for little protection."""
    with database.engine.connect() as conn:
        (value,) = conn.exec_driver_sql("PRAGMA cipher_memory_security").one()
    assert str(value) in {"0", "OFF", "off"}
