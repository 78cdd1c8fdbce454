"""Migration 0011 (packed bodies, a search index that fills its pages) on a journal at 0010."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, date
from pathlib import Path

import pytest

from carecompanion.clock import FixedClock
from carecompanion.journal.entries import SearchHit
from carecompanion.journal.service import EntryFilter, JournalService
from carecompanion.storage import migrate
from carecompanion.storage.database import Database
from tests.helpers import START
from tests.journal.index_check import assert_index_matches_entries

FILLER = "We sat in the garden for a while and talked about nothing much at all. " * 12
# As the 0010 app stored them: bodies as plain text, long and short.
OLD_ENTRIES = [
    (1, "Night", "Mum woke at three, confused, asking for the lighthouse. " + FILLER),
    (2, "Clinic", FILLER + "The nurse changed the evening tablets to half a dose."),
    (3, "Short", "Café with Maria."),
    (4, "Naïve", "Über-tired. " + FILLER + " The physiotherapist showed us the stairs."),
]


def _when(entry_id: int) -> str:
    return f"2025-03-0{entry_id}T12:00:00.000000Z"


@pytest.fixture
def database_0010(tmp_path: Path) -> Iterator[Database]:
    database = Database(tmp_path / "old.db", os.urandom(32))
    migrate.upgrade(database.engine, "0010")
    with database.engine.begin() as conn:
        for entry_id, title, body in OLD_ENTRIES:
            when = _when(entry_id)
            conn.exec_driver_sql(
                "INSERT INTO journal_entries (id, uid, title, body, entry_at, created_at, "
                "updated_at, is_favourite, entry_day, fingerprint, tag_text) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, '', ?)",
                (entry_id, f"{entry_id:032x}", title, body, when, when, when, when[:10], "night"),
            )
    yield database
    database.close()


def _stored(database: Database) -> dict[int, tuple[str, str]]:
    """Each entry's (SQL type of its stored body, its text read in SQL)."""
    with database.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT id, typeof(body), cc_unpack_text(body) FROM journal_entries"
        ).all()
    return {entry_id: (kind, text) for entry_id, kind, text in rows}


def _leaf_size(database: Database) -> int | None:
    with database.engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT v FROM journal_fts_config WHERE k = 'pgsz'").first()
    return None if row is None else int(row[0])


def _ids(hits: list[SearchHit]) -> list[int]:
    return [hit.id for hit in hits]


def test_upgrade_packs_bodies_and_keeps_every_entry_findable(database_0010: Database) -> None:
    migrate.upgrade(database_0010.engine, "0011")
    stored = _stored(database_0010)
    assert {entry_id: kind for entry_id, (kind, _) in stored.items()} == {
        1: "blob",
        2: "blob",
        3: "text",  # too short to be worth packing
        4: "blob",
    }
    assert {entry_id: text for entry_id, (_, text) in stored.items()} == {
        entry_id: body for entry_id, _, body in OLD_ENTRIES
    }
    assert _leaf_size(database_0010) == 4096 - 136  # one FTS5 leaf per SQLCipher page
    assert_index_matches_entries(database_0010)
    with database_0010.engine.connect() as conn:  # the index's words, learnt from it
        words = {w for (w,) in conn.exec_driver_sql("SELECT term FROM journal_fts_terms")}
        pending = conn.exec_driver_sql("SELECT count(*) FROM journal_fts_pending").scalar_one()
    assert {"lighthous", "physiotherapist", "uber", "cafe"} <= words and pending == 0

    journal = JournalService(database_0010, FixedClock(START), UTC)
    assert journal.get(1).body == OLD_ENTRIES[0][2]
    assert _ids(journal.search("lighthouse")) == [1]
    assert _ids(journal.search("tablets")) == [2]
    assert _ids(journal.search("cafe")) == [3]
    assert _ids(journal.search("uber physiotherap")) == [4]  # diacritics, a prefix
    assert _ids(journal.search('"half a dose"')) == [2]  # phrases still answered
    (hit,) = journal.search("lighthouse")
    assert [hit.snippet[start:end] for start, end in hit.highlights] == ["lighthouse"]
    assert _ids(journal.search("garden", EntryFilter(since=date(2025, 3, 2)))) == [4, 2]

    # Edits and deletes reach the index at once: no stale hits.
    journal.update(2, body=FILLER + "The dose is back to a whole tablet.")
    assert journal.search("half") == []
    assert _ids(journal.search("whole tablet")) == [2]
    journal.delete(1)
    assert journal.search("lighthouse") == []
    assert_index_matches_entries(database_0010)


def test_upgrade_compacts_the_database(database_0010: Database) -> None:
    with database_0010.engine.begin() as conn:  # a journal big enough for pages to matter
        conn.exec_driver_sql(
            "INSERT INTO journal_entries (uid, title, body, entry_at, created_at, updated_at, "
            "is_favourite, entry_day, fingerprint, tag_text) "
            "SELECT lower(hex(randomblob(16))), title, body || ' ' || value, entry_at, "
            "created_at, updated_at, 0, entry_day, '', tag_text "
            "FROM journal_entries, (WITH RECURSIVE n(value) AS "
            "(SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < 150) SELECT value FROM n)"
        )

    def pages() -> int:
        with database_0010.engine.connect() as conn:
            return int(conn.exec_driver_sql("PRAGMA page_count").scalar_one())

    before = pages()
    migrate.upgrade(database_0010.engine)
    assert pages() < before * 0.7
    with database_0010.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA freelist_count").scalar_one() == 0
    assert_index_matches_entries(database_0010)


def test_downgrade_unpacks_bodies_and_keeps_search(database_0010: Database) -> None:
    migrate.upgrade(database_0010.engine, "0011")
    journal = JournalService(database_0010, FixedClock(START), UTC)
    added = journal.add("Written at 0011", "Rain on the windows all afternoon. " * 10)

    migrate.downgrade(database_0010.engine, "0010")
    assert migrate.current_revision(database_0010.engine) == "0010"
    stored = _stored(database_0010)
    assert {kind for kind, _ in stored.values()} == {"text"}
    assert stored[added.id][1] == added.body
    assert stored[1][1] == OLD_ENTRIES[0][2]
    assert _leaf_size(database_0010) is None  # FTS5's own default again, as 0002 made it
    with database_0010.engine.connect() as conn:
        left = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE name LIKE 'journal_fts_%' ORDER BY name"
        ).all()
    assert [name for (name,) in left] == [  # 0002's triggers and FTS5's own tables alone
        "journal_fts_after_delete",
        "journal_fts_after_insert",
        "journal_fts_after_update",
        "journal_fts_config",
        "journal_fts_data",
        "journal_fts_docsize",
        "journal_fts_idx",
    ]
    assert_index_matches_entries(database_0010)
    with database_0010.engine.connect() as conn:
        found = conn.exec_driver_sql(
            "SELECT rowid FROM journal_fts WHERE journal_fts MATCH 'windows'"
        ).all()
        view = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE name = 'journal_search_source'"
        ).scalar_one()
    assert found == [(added.id,)]
    assert "cc_unpack_text" not in view  # an 0010 app reads its index without our function

    # And up again: packed and findable as before.
    migrate.upgrade(database_0010.engine)
    assert _stored(database_0010)[added.id][0] == "blob"
    assert _ids(journal.search("windows")) == [added.id]
    assert _ids(journal.search("lighthouse")) == [1]
    assert_index_matches_entries(database_0010)
