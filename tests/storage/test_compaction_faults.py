"""Compaction (VACUUM) and migration 0011 when things go wrong: a full disk while compacting,
the process killed halfway through the migration (issue 17 review)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from carecompanion.storage import compaction, migrate
from carecompanion.storage.database import Check, Database
from tests.faults import SQLITE_FULL, sqlite_fault
from tests.journal.index_check import assert_index_matches_entries
from tests.storage.test_migration_0011 import OLD_ENTRIES, _stored, _when

REPO = Path(__file__).resolve().parents[2]


def _journal_at_0010(path: Path, key: bytes) -> None:
    database = Database(path, key)
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
    database.close()


def test_a_full_disk_while_compacting_leaves_the_migrated_journal_open(tmp_path: Path) -> None:
    """VACUUM needs room for a second copy: without it the migration still stands, the
    journal opens, and the connection is back to keeping temporary data in memory."""
    key = os.urandom(32)
    _journal_at_0010(tmp_path / "j.db", key)
    database = Database(tmp_path / "j.db", key)
    try:
        with sqlite_fault(SQLITE_FULL, lambda sql: sql.strip() == "VACUUM") as failed:
            migrate.upgrade(database.engine)
        assert failed == ["VACUUM"]
        assert migrate.schema_state(database.engine) is migrate.SchemaState.CURRENT
        database.check_integrity(Check.FULL)
        assert_index_matches_entries(database)
        with database.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA temp_store").scalar_one() == 2  # MEMORY
        with sqlite_fault(SQLITE_FULL, lambda sql: sql.strip() == "VACUUM"):
            assert compaction.compact(database.engine, when_free=0.0) is False
    finally:
        database.close()


def test_killed_halfway_through_0011_the_journal_is_whole_and_migrates_again(
    tmp_path: Path,
) -> None:
    """Killed (no cleanup at all) after some bodies were packed: the whole migration is undone
    with its transaction (the bodies' rewrite, and the dropping of the old search index before
    it), the journal passes the full check, stays at 0010 with its old index whole, and the
    next start migrates it."""
    key = os.urandom(32)
    path = tmp_path / "j.db"
    _journal_at_0010(path, key)
    script = textwrap.dedent(
        f"""
        import os, zlib
        from pathlib import Path
        from carecompanion.storage import migrate
        from carecompanion.storage.database import Database
        real, packed = zlib.compressobj, []
        def dying(*args):
            packed.append(1)
            if len(packed) > 2:  # two bodies packed, the third never
                os._exit(9)
            return real(*args)
        zlib.compressobj = dying
        migrate.upgrade(Database(Path({str(path)!r}), bytes.fromhex({key.hex()!r})).engine)
        """
    )
    killed = subprocess.run([sys.executable, "-c", script], cwd=REPO, check=False)
    assert killed.returncode == 9

    database = Database(path, key)
    try:
        database.check_integrity(Check.FULL)
        assert migrate.current_revision(database.engine) == "0010"
        assert {kind for kind, _text in _stored(database).values()} == {"text"}
        with database.engine.connect() as conn:
            index_sql = conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE name = 'journal_fts'"
            ).scalar_one()
        assert "prefix='2 3'" in index_sql  # as 0002 made it: the drop was undone too
        assert_index_matches_entries(database)
        migrate.upgrade(database.engine)
        assert migrate.current_revision(database.engine) == migrate.head_revision()
        stored = _stored(database)
        assert {i: text for i, (_kind, text) in stored.items()} == {
            i: body for i, _title, body in OLD_ENTRIES
        }
        assert_index_matches_entries(database)
    finally:
        database.close()
