"""Assert that the full-text index agrees exactly with the entries it indexes."""

from __future__ import annotations

from carecompanion.storage.database import Database


def assert_index_matches_entries(database: Database) -> None:
    """FTS5's own integrity check, comparing the index against its content (the entries)."""
    with database.engine.begin() as conn:
        # Raises "database disk image is malformed" on any difference.
        conn.exec_driver_sql(
            "INSERT INTO journal_fts (journal_fts, rank) VALUES ('integrity-check', 1)"
        )
        indexed = conn.exec_driver_sql("SELECT count(*) FROM journal_fts").scalar_one()
        entries = conn.exec_driver_sql("SELECT count(*) FROM journal_entries").scalar_one()
    assert indexed == entries


def indexed_ids(database: Database, fts_query: str) -> set[int]:
    """Entry ids the raw index returns for an FTS5 query (bypassing the service)."""
    with database.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT rowid FROM journal_fts WHERE journal_fts MATCH ?", (fts_query,)
        ).all()
    return {row[0] for row in rows}
