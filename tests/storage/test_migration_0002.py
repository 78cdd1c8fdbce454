"""Migration 0002 (search, attachments, templates) on a journal written by the 0001 app."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from types import ModuleType

import pytest
import sqlalchemy as sa
from hypothesis import given
from hypothesis import strategies as st

from carecompanion.clock import FixedClock
from carecompanion.journal.fingerprint import entry_fingerprint
from carecompanion.journal.service import EntryFilter, JournalService
from carecompanion.storage import migrate
from carecompanion.storage.database import Database
from tests.helpers import START
from tests.journal.index_check import assert_index_matches_entries

# As the 0001 app stored them: UTC text timestamps, tags in their own table.
OLD_ENTRIES = [
    (1, "The first fall", "He slipped in the bathroom.", "2025-03-04T03:30:00.000000Z"),
    (2, "Pharmacy", "Collected the new **tablets**.", "2025-03-05T15:00:00.000000Z"),
    (3, "", "Untitled, just a few words about respite.", "2025-03-06T23:59:59.999999Z"),
]
OLD_TAGS = [(1, "Worried"), (2, "falls"), (3, "medication")]
OLD_LINKS = [(1, 2), (1, 1), (2, 3)]
NEW_TABLES = {"attachments", "journal_templates", "journal_fts"}


@pytest.fixture
def old_database(tmp_path: Path) -> Iterator[Database]:
    database = Database(tmp_path / "old.db", os.urandom(32))
    migrate.upgrade(database.engine, "0001")
    with database.engine.begin() as conn:
        for entry_id, title, body, when in OLD_ENTRIES:
            conn.exec_driver_sql(
                "INSERT INTO journal_entries (id, uid, title, body, entry_at, created_at, "
                "updated_at, is_favourite) VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
                (entry_id, f"{entry_id:032x}", title, body, when, when, when),
            )
        conn.exec_driver_sql("INSERT INTO tags (id, name) VALUES (?, ?)", OLD_TAGS[0])
        for tag in OLD_TAGS[1:]:
            conn.exec_driver_sql("INSERT INTO tags (id, name) VALUES (?, ?)", tag)
        for link in OLD_LINKS:
            conn.exec_driver_sql("INSERT INTO entry_tags (entry_id, tag_id) VALUES (?, ?)", link)
    yield database
    database.close()


def table_names(database: Database) -> set[str]:
    with database.engine.connect() as conn:
        return {
            row[0]
            for row in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view', 'trigger')"
            )
        }


def test_upgrade_keeps_old_entries_and_makes_them_findable(old_database: Database) -> None:
    migrate.upgrade(old_database.engine)
    assert migrate.schema_state(old_database.engine) is migrate.SchemaState.CURRENT
    assert table_names(old_database) >= NEW_TABLES
    journal = JournalService(old_database, FixedClock(START), UTC)

    first = journal.get(1)
    assert (first.title, first.tags) == ("The first fall", ("falls", "Worried"))
    assert first.entry_at == datetime(2025, 3, 4, 3, 30, tzinfo=UTC)
    assert [hit.id for hit in journal.search("bathroom")] == [1]
    assert [hit.id for hit in journal.search("worried")] == [1]  # tags are indexed
    assert [hit.id for hit in journal.search("tablets medication")] == [2]
    assert [hit.id for hit in journal.search("respite")] == [3]
    assert_index_matches_entries(old_database)

    # Days were backfilled in UTC (the old app never recorded the writer's zone).
    assert journal.days_with_entries(2025, 3) == {4, 5, 6}
    assert [s.id for s in journal.list_summaries(EntryFilter(since=date(2025, 3, 6)))] == [3]
    # Fingerprints were backfilled, so importing the same entries again is detected.
    expected = entry_fingerprint(first.entry_at, first.title, first.body)
    assert journal.existing_fingerprints([expected]) == {expected}
    # The summaries' tag copies were backfilled too, in display order.
    assert journal.list_summaries()[-1].tags == ("falls", "Worried")

    # And the migrated journal keeps working as a new one would.
    added = journal.add("After the upgrade", "new words", ["falls"])
    assert [hit.id for hit in journal.search("upgrade")] == [added.id]
    journal.update(1, body="rewritten")
    assert journal.search("bathroom") == []
    assert_index_matches_entries(old_database)


def test_downgrade_to_0001_keeps_entries_and_removes_the_rest(old_database: Database) -> None:
    migrate.upgrade(old_database.engine)
    journal = JournalService(old_database, FixedClock(START), UTC)
    journal.add_attachment(1, "scan.pdf", "application/pdf", b"%PDF")
    journal.add("written at 0002", "body", ["new tag"])

    migrate.downgrade(old_database.engine, "0001")
    assert migrate.current_revision(old_database.engine) == "0001"
    names = table_names(old_database)
    assert not {n for n in names if n.startswith("journal_fts")}
    assert not NEW_TABLES & names and "journal_search_source" not in names
    columns = {c["name"] for c in sa.inspect(old_database.engine).get_columns("journal_entries")}
    assert columns == {
        "id",
        "uid",
        "title",
        "body",
        "entry_at",
        "created_at",
        "updated_at",
        "is_favourite",
    }
    indexes = {i["name"] for i in sa.inspect(old_database.engine).get_indexes("journal_entries")}
    assert indexes == {"ix_journal_entries_entry_at"}
    with old_database.engine.connect() as conn:
        titles = conn.exec_driver_sql("SELECT title FROM journal_entries ORDER BY id").all()
    assert [t for (t,) in titles] == ["The first fall", "Pharmacy", "", "written at 0002"]

    # And up again: everything is rebuilt from the entries.
    migrate.upgrade(old_database.engine)
    assert [hit.id for hit in journal.search("written")] == [4]
    assert journal.get(4).tags == ("new tag",)
    assert_index_matches_entries(old_database)


def _migration_0002() -> ModuleType:
    path = migrate.MIGRATIONS_DIR / "versions" / "0002_journal_search.py"
    spec = importlib.util.spec_from_file_location("migration_0002", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MIGRATION_0002 = _migration_0002()


@given(
    when=st.datetimes(
        min_value=datetime(1970, 1, 2),
        max_value=datetime(2200, 1, 1),
        timezones=st.sampled_from([UTC, timezone(timedelta(hours=5, minutes=30))]),
    ),
    title=st.text(),
    body=st.text(),
)
def test_the_migrations_frozen_fingerprint_is_the_journals(
    when: datetime, title: str, body: str
) -> None:
    """The migration keeps its own copy (it imports no journal code): the same function."""
    assert MIGRATION_0002.entry_fingerprint(when, title, body) == entry_fingerprint(
        when, title, body
    )
