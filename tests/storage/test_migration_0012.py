"""Migration 0012: the full-text index without its two-letter prefix index (issue 17: the
database at most twice its text). Every entry stays findable, the file shrinks, and the way
back (0011) gives the prefix index back."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path

import pytest

from carecompanion.clock import FixedClock
from carecompanion.journal.service import JournalService
from carecompanion.storage import migrate
from carecompanion.storage.database import Database
from tests.helpers import START
from tests.journal.index_check import assert_index_matches_entries

WORDS = (
    "Mum woke at three asking for the lighthouse; the nurse came at nine and we had tea "
    "in the garden while the physiotherapist showed her the stairs again. "
)


@pytest.fixture
def database_0011(tmp_path: Path) -> Iterator[Database]:
    """A journal as the 0011 app left it: 200 entries, written through the service."""
    database = Database(tmp_path / "old.db", os.urandom(32))
    migrate.upgrade(database.engine, "0011")
    journal = JournalService(database, FixedClock(START), UTC)
    for number in range(200):
        journal.add(f"Day {number}", f"{WORDS * 6} Note {number}: café with Zoë.", ["night"])
    yield database
    database.close()


def _index_sql(database: Database) -> str:
    with database.engine.connect() as conn:
        return str(
            conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE name = 'journal_fts'"
            ).scalar_one()
        )


def _pages(database: Database) -> int:
    with database.engine.connect() as conn:
        return int(conn.exec_driver_sql("PRAGMA page_count").scalar_one())


def _ids(journal: JournalService, query: str) -> set[int]:
    return {hit.id for hit in journal.search(query, limit=1000)}


def test_upgrade_drops_the_prefix_index_and_keeps_every_entry_findable(
    database_0011: Database,
) -> None:
    journal = JournalService(database_0011, FixedClock(START), UTC)
    queries = ("lighthouse", "physiotherap", "cafe", "zoe", '"the nurse came"', "note 17")
    before = {query: _ids(journal, query) for query in queries}
    assert "prefix='2'" in _index_sql(database_0011)
    pages_before = _pages(database_0011)

    migrate.upgrade(database_0011.engine)

    assert migrate.current_revision(database_0011.engine) == migrate.head_revision()
    assert "prefix" not in _index_sql(database_0011)
    assert _pages(database_0011) < pages_before * 0.9  # the prefix index's pages given back
    assert_index_matches_entries(database_0011)
    assert {query: _ids(journal, query) for query in queries} == before
    assert len(before["lighthouse"]) == 200 and len(before["note 17"]) == 1
    with database_0011.engine.connect() as conn:  # its words still known, vocabulary remade
        vocabulary = conn.exec_driver_sql("SELECT count(*) FROM journal_fts_vocab").scalar_one()
        learnt = conn.exec_driver_sql("SELECT count(*) FROM journal_fts_terms").scalar_one()
    assert vocabulary > 0 and learnt >= vocabulary

    # Writes reach the new index through the triggers made again.
    added = journal.add("Later", "A xylophone in the hall.")
    assert _ids(journal, "xylophone") == {added.id}
    assert _ids(journal, "xylo") == {added.id}  # a prefix of three letters or more
    journal.delete(added.id)
    assert _ids(journal, "xylophone") == set()
    assert_index_matches_entries(database_0011)


def test_downgrade_gives_the_prefix_index_back(database_0011: Database) -> None:
    migrate.upgrade(database_0011.engine)
    journal = JournalService(database_0011, FixedClock(START), UTC)
    added = journal.add("At 0012", "Rain on the windows all afternoon.")
    migrate.downgrade(database_0011.engine, "0011")
    assert migrate.current_revision(database_0011.engine) == "0011"
    assert "prefix='2'" in _index_sql(database_0011)
    assert_index_matches_entries(database_0011)
    assert _ids(journal, "windows") == {added.id}
