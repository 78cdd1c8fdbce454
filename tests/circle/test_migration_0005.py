"""Migration 0005 up and down, with data on both sides; an older vault gets its member
identity on first use."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from tests.helpers import stored_body, write_old_entry

from carecompanion.circle.service import CircleService
from carecompanion.clock import FixedClock
from carecompanion.journal.service import JournalService
from carecompanion.storage import migrate
from carecompanion.storage.database import Database

CIRCLE_TABLES = {"circle_identity", "circles", "circle_read_marks", "circle_shares"}


@pytest.fixture
def bare(tmp_path: Path) -> Iterator[Database]:
    db = Database(tmp_path / "migrations.db", os.urandom(32))
    yield db
    db.close()


def tables(db: Database) -> set[str]:
    return set(sa.inspect(db.engine).get_table_names())


def test_upgrade_from_0004_keeps_everything_and_makes_an_identity_on_first_use(
    bare: Database, clock: FixedClock, tmp_path: Path
) -> None:
    migrate.upgrade(bare.engine, "0004")
    assert not CIRCLE_TABLES & tables(bare)
    entry_id = write_old_entry(bare.engine, "Before circles", "kept")
    # Today's people service reads columns later migrations add (0008), so the contact is
    # written and read at these revisions in SQL, with the columns 0004 made.
    with bare.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO people_contacts (uid, name, relation, role, address, notes, best_times,"
            " is_emergency, check_in_days, photo, photo_type, created_at, updated_at) VALUES"
            " ('u1', 'Ann', '', '', '', '', '', 0, NULL, NULL, '',"
            " '2026-11-25 10:00:00.000000', '2026-11-25 10:00:00.000000')"
        )
    migrate.upgrade(bare.engine, "0005")
    assert tables(bare) >= CIRCLE_TABLES
    assert stored_body(bare.engine, entry_id) == "kept"
    with bare.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT name FROM people_contacts").scalars().all() == ["Ann"]
    circles = CircleService(bare, clock)
    first = circles.identity()
    assert CircleService(bare, clock).identity() == first  # made once, then kept
    assert circles.circles() == []


def test_downgrade_removes_circle_data_and_keeps_the_rest(
    bare: Database, clock: FixedClock, tmp_path: Path
) -> None:
    migrate.upgrade(bare.engine)
    journal = JournalService(bare, clock)
    entry = journal.add("Shared", "goes to the circle")
    circles = CircleService(bare, clock, entry_source=journal)
    circle_id = circles.create("C", tmp_path / "c.carecircle").id
    circles.share_entry(circle_id, entry.id)
    migrate.downgrade(bare.engine, "0004")
    assert not CIRCLE_TABLES & tables(bare)
    assert stored_body(bare.engine, entry.id) == "goes to the circle"
    migrate.upgrade(bare.engine)
    assert CircleService(bare, clock).circles() == []
