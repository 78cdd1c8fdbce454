"""Migration 0009 (each entry's own time zone, all-day entries) on a journal written at 0008."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from carecompanion.clock import FixedClock
from carecompanion.journal.service import EntryDraft, JournalService
from carecompanion.storage import migrate
from carecompanion.storage.database import Database
from tests.helpers import START
from tests.journal.index_check import assert_index_matches_entries

TOKYO = ZoneInfo("Asia/Tokyo")
# Written by the 0008 app in New York on New Year's Eve, 23:30 local (04:30 UTC next day):
# its day was fixed then, in the computer's zone.
OLD_ENTRY = (1, "New Year's Eve", "Fireworks over the river.", "2025-01-01T04:30:00.000000Z")


@pytest.fixture
def database_0008(tmp_path: Path) -> Iterator[Database]:
    database = Database(tmp_path / "old.db", os.urandom(32))
    migrate.upgrade(database.engine, "0008")
    entry_id, title, body, when = OLD_ENTRY
    with database.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO journal_entries (id, uid, title, body, entry_at, created_at, "
            "updated_at, is_favourite, entry_day, fingerprint, tag_text) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 0, '2024-12-31', '', '')",
            (entry_id, f"{entry_id:032x}", title, body, when, when, when),
        )
    yield database
    database.close()


def _columns(database: Database) -> set[str]:
    return {c["name"] for c in sa.inspect(database.engine).get_columns("journal_entries")}


def test_upgrade_keeps_old_entries_in_the_computers_zone(database_0008: Database) -> None:
    assert "time_zone" not in _columns(database_0008)
    migrate.upgrade(database_0008.engine, "0009")
    assert {"time_zone", "is_all_day"} <= _columns(database_0008)
    migrate.upgrade(database_0008.engine)  # the service is the head's (0011: the index)
    # The journal is now read in Tokyo: the old entry keeps its day and has no zone of its
    # own (NULL: this computer's, as before), so nothing about it changes.
    journal = JournalService(database_0008, FixedClock(START), TOKYO)
    old = journal.get(1)
    assert (old.time_zone, old.is_all_day) == (None, False)
    assert journal.days_with_entries(2024, 12) == {31}
    assert [s.id for s in journal.entries_on(datetime(2024, 12, 31).date())] == [1]
    assert [hit.id for hit in journal.search("fireworks")] == [1]

    # A new entry written there records Tokyo, and the search index still follows edits.
    new = journal.add_draft(EntryDraft("After", "cherry blossom", START))
    assert new.time_zone == "Asia/Tokyo"
    journal.update(1, body="Sparklers on the roof.")
    assert [hit.id for hit in journal.search("sparklers")] == [1]
    assert_index_matches_entries(database_0008)


def test_downgrade_to_0008_drops_the_columns_and_keeps_search(database_0008: Database) -> None:
    migrate.upgrade(database_0008.engine)  # the service is the head's (0011: the index)
    journal = JournalService(database_0008, FixedClock(START), TOKYO)
    journal.add_draft(
        EntryDraft("All day", "respite", datetime(2025, 2, 1, 3, tzinfo=UTC), is_all_day=True)
    )
    migrate.downgrade(database_0008.engine, "0008")
    assert migrate.current_revision(database_0008.engine) == "0008"
    assert not {"time_zone", "is_all_day"} & _columns(database_0008)
    with database_0008.engine.begin() as conn:
        titles = conn.exec_driver_sql("SELECT title FROM journal_entries ORDER BY id").all()
        assert [t for (t,) in titles] == ["New Year's Eve", "All day"]
        # SQLite's own DROP COLUMN left the search index's triggers in place.
        conn.exec_driver_sql("UPDATE journal_entries SET body = 'lanterns' WHERE id = 1")
        found = conn.exec_driver_sql(
            "SELECT rowid FROM journal_fts WHERE journal_fts MATCH 'lanterns'"
        ).all()
    assert found == [(1,)]
    migrate.upgrade(database_0008.engine)
    assert journal.get(2).time_zone is None  # what a downgrade drops does not come back
    assert_index_matches_entries(database_0008)
