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

A migration that rewrites the journal asks for a compaction in its own transaction
(:func:`mark_due`): VACUUM cannot run inside one, so it runs after the commit, and a process
that dies in between (or a disk too full to compact) leaves the request in the database for
the next open (:func:`compact_if_due`), which clears it once the file is compacted. The
request is one bit of SQLite's ``user_version`` (a header field the application owns, which
nothing else here uses): written in the transaction like any page, read without touching a
table, and needing no schema of its own.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from carecompanion.storage.errors import StorageError
from carecompanion.storage.faults import SPACE_TO_SPARE, is_short_of_space

if TYPE_CHECKING:  # importable without SQLAlchemy: the CLI's quick path reads COMPACTION_DUE
    from sqlalchemy.engine import Connection, Engine

log = logging.getLogger(__name__)

#: Compact when at least this share of the file's pages are free.
MOSTLY_FREE = 0.25

#: The bit of ``PRAGMA user_version`` that says a compaction is owed (see the module's text).
COMPACTION_DUE = 0x1


def free_share(engine: Engine) -> float:
    """The share of the database file's pages that hold nothing."""
    with engine.connect() as conn:
        pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar_one())
        free = int(conn.exec_driver_sql("PRAGMA freelist_count").scalar_one())
    return free / pages if pages else 0.0


def compact(engine: Engine, *, when_free: float = MOSTLY_FREE) -> bool:
    """VACUUM the database if at least ``when_free`` of its pages are free; True if it did.

    An optimisation only: a disk too full (VACUUM needs room for a second copy), failing or
    busy, here or while measuring, leaves the file as it was, whole and unchanged, and is
    logged."""
    try:
        if free_share(engine) < when_free:
            return False
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


def mark_due(conn: Connection) -> None:
    """Ask for a compaction, in ``conn``'s transaction (a migration's): kept if it commits."""
    flags = int(conn.exec_driver_sql("PRAGMA user_version").scalar_one())
    conn.exec_driver_sql(f"PRAGMA user_version = {flags | COMPACTION_DUE:d}")


def is_due(engine: Engine) -> bool:
    """Whether a compaction was asked for and has not been done yet."""
    with engine.connect() as conn:
        flags = int(conn.exec_driver_sql("PRAGMA user_version").scalar_one())
    return bool(flags & COMPACTION_DUE)


def compact_if_due(engine: Engine) -> bool:
    """Compact if a migration asked for it (:func:`mark_due`), then forget the request; True
    if it compacted. Cheap when nothing is owed (one PRAGMA read), so it runs on every open.

    Never fails an open: a disk fault or a busy database leaves the request for the next
    open, and so does a disk without room for the copy VACUUM writes (tried on every open, a
    doomed VACUUM would fill what space is left each time before failing)."""
    try:
        if not is_due(engine):
            return False
    except StorageError as exc:
        log.warning("could not tell whether to compact: %s", type(exc).__name__)
        return False
    if not _has_room_to_compact(engine):
        log.warning("database not compacted: not enough free space for the copy")
        return False
    if not compact(engine, when_free=0.0):
        return False
    try:
        with engine.begin() as conn:
            flags = int(conn.exec_driver_sql("PRAGMA user_version").scalar_one())
            conn.exec_driver_sql(f"PRAGMA user_version = {flags & ~COMPACTION_DUE:d}")
    except StorageError as exc:
        # Compacted, but still marked: the next open compacts again, harmlessly.
        log.warning("compaction not recorded: %s", type(exc).__name__)
    return True


def _has_room_to_compact(engine: Engine) -> bool:
    """VACUUM writes the whole database again, through the WAL next to it."""
    name = engine.url.database
    if not name:
        return True
    path = Path(name)
    try:
        size = path.stat().st_size
    except OSError:
        return True  # unmeasured: VACUUM itself will say
    return not is_short_of_space(path.parent, size + SPACE_TO_SPARE)
