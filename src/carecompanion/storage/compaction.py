"""Giving a database's free pages back to the file system (VACUUM), when most of it is free.

SQLite keeps the pages a deletion frees inside the file and reuses them, so a file never
shrinks by itself. After a migration that rewrites much of the journal (0011 packs every
body and rebuilds the search index) or a large import (FTS5 merges its segments, freeing the
old ones), a large part of the file can be free pages: a journal is copied, backed up and
checked page by page, so those cost time as well as disk.

VACUUM rebuilds the file in a temporary database first. It is told to keep that on disk
(``temp_store = FILE``), not in memory as the app's connections otherwise do: a 300 MB journal
would take 300 MB of memory for it. SQLCipher encrypts that temporary file with the database's
own key (checked by tracing its writes: no plaintext reaches the disk).
"""

from __future__ import annotations

import logging

from sqlalchemy.engine import Engine

from carecompanion.storage.errors import StorageError

log = logging.getLogger(__name__)

#: Compact when at least this share of the file's pages are free.
MOSTLY_FREE = 0.25


def free_share(engine: Engine) -> float:
    """The share of the database file's pages that hold nothing."""
    with engine.connect() as conn:
        pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar_one())
        free = int(conn.exec_driver_sql("PRAGMA freelist_count").scalar_one())
    return free / pages if pages else 0.0


def compact(engine: Engine, *, when_free: float = MOSTLY_FREE) -> bool:
    """VACUUM the database if at least ``when_free`` of its pages are free; True if it did.

    An optimisation only: a disk too full (VACUUM needs room for a second copy) or a busy
    database leaves the file as it was, whole and unchanged, and is logged."""
    if free_share(engine) < when_free:
        return False
    try:
        with engine.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")  # VACUUM: no BEGIN
            conn.exec_driver_sql("PRAGMA temp_store = FILE")
            try:
                conn.exec_driver_sql("VACUUM")
                # VACUUM wrote every page through the WAL: hand them to the file, empty it.
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                conn.exec_driver_sql("PRAGMA temp_store = MEMORY")
    except StorageError as exc:
        log.warning("database not compacted: %s", type(exc).__name__)
        return False
    return True
