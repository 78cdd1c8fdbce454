"""Migrations run all or nothing, and the compaction one asks for survives a crash (issue 17
review, data safety).

The driver (sqlcipher3, pysqlite's twin) opens a transaction of its own only before
INSERT/UPDATE/DELETE: DDL before that ran in autocommit, so a crash or a full disk halfway
through a migration left its first tables made and its revision not recorded. Each upgrade
now runs in one SQLite transaction; these tests stop one halfway (an exception, and the
process killed outright) and find the database exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine

from carecompanion.clock import FixedClock
from carecompanion.journal.service import JournalService
from carecompanion.paths import AppPaths
from carecompanion.storage import compaction, migrate, schema_version
from carecompanion.storage.database import Check, Database
from carecompanion.vault.vault import UnlockedVault, Vault
from tests.faults import SQLITE_FULL, low_space, sqlite_fault
from tests.helpers import GOOD_PASSPHRASE
from tests.journal.index_check import assert_index_matches_entries

REPO = Path(__file__).resolve().parents[2]

# A test-only revision after the real head. It makes a table, adds a column and an index,
# then stops where ``{stop}`` says while ``{marker}`` exists: raises, or ends the process.
HALFWAY_REVISION = '''"""Only in this test: a migration that stops halfway."""

import os
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "9000"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("test_only_notes", sa.Column("id", sa.Integer, primary_key=True))
    if Path({marker!r}).exists():
        {stop}
    op.add_column("journal_entries", sa.Column("test_only_flag", sa.Integer, nullable=True))
    op.create_index("ix_test_only_flag", "journal_entries", ["test_only_flag"])


def downgrade() -> None:
    op.drop_index("ix_test_only_flag", table_name="journal_entries")
    op.drop_column("journal_entries", "test_only_flag")
    op.drop_table("test_only_notes")
'''

# A test-only revision that leaves a row pointing at nothing (an entry's tag, no entry).
ORPHAN_REVISION = '''"""Only in this test: a migration that breaks a foreign key."""

import sqlalchemy as sa
from alembic import op

revision = "9000"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("test_only_notes", sa.Column("id", sa.Integer, primary_key=True))
    op.execute("INSERT INTO tags (id, name) VALUES (900, 'orphaned')")
    op.execute("INSERT INTO entry_tags (entry_id, tag_id) VALUES (987654, 900)")


def downgrade() -> None:
    op.execute("DELETE FROM entry_tags WHERE tag_id = 900")
    op.execute("DELETE FROM tags WHERE id = 900")
    op.drop_table("test_only_notes")
'''


def _with_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> Path:
    """The real migrations plus one more (``text``), where Alembic reads them from now on."""
    scripts = tmp_path / "migrations"
    shutil.copytree(
        schema_version.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__")
    )
    (scripts / "versions" / "9000_test_only.py").write_text(text, encoding="utf-8")
    monkeypatch.setattr(schema_version, "MIGRATIONS_DIR", scripts)
    assert migrate.head_revision() == "9000"
    return scripts


def _schema(engine: Engine) -> list[tuple[Any, ...]]:
    """Everything the schema holds, as SQLite records it."""
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).all()
    return [tuple(row) for row in rows]


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[tuple[Database, bytes]]:
    """A journal at the real head with two entries in it, and its key."""
    key = os.urandom(32)
    database = Database(tmp_path / "j.db", key)
    migrate.upgrade(database.engine)
    with database.engine.begin() as conn:
        for entry_id in (1, 2):
            when = f"2025-03-0{entry_id}T12:00:00.000000Z"
            conn.exec_driver_sql(
                "INSERT INTO journal_entries (id, uid, title, body, entry_at, created_at, "
                "updated_at, is_favourite, entry_day, fingerprint, tag_text) "
                "VALUES (?, ?, 'Night', 'Mum slept at last.', ?, ?, ?, 0, ?, '', '')",
                (entry_id, f"{entry_id:032x}", when, when, when, when[:10]),
            )
    yield database, key
    database.close()


def _entries(database: Database) -> list[tuple[Any, ...]]:
    with database.engine.connect() as conn:
        return [
            tuple(row)
            for row in conn.exec_driver_sql("SELECT id, title FROM journal_entries ORDER BY id")
        ]


def test_a_migration_failing_halfway_leaves_the_previous_revision(
    journal: tuple[Database, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database, _key = journal
    old_head = migrate.head_revision()
    before, entries = _schema(database.engine), _entries(database)
    marker = tmp_path / "stop"
    marker.touch()
    stop = 'raise RuntimeError("the disk filled up")'
    _with_revision(
        tmp_path,
        monkeypatch,
        HALFWAY_REVISION.format(head=old_head, marker=str(marker), stop=stop),
    )

    with pytest.raises(RuntimeError, match="disk filled up"):
        migrate.upgrade(database.engine)

    # Exactly as it was: no table made, no column added, the old revision.
    assert _schema(database.engine) == before
    assert migrate.current_revision(database.engine) == old_head
    assert _entries(database) == entries
    database.check_integrity(Check.FULL)

    marker.unlink()  # the next open: the migration runs whole
    migrate.upgrade(database.engine)
    assert migrate.current_revision(database.engine) == "9000"
    inspector = sa.inspect(database.engine)
    assert "test_only_notes" in inspector.get_table_names()
    assert "test_only_flag" in {c["name"] for c in inspector.get_columns("journal_entries")}
    assert _entries(database) == entries


def test_a_migration_killed_halfway_leaves_the_previous_revision(
    journal: tuple[Database, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No cleanup at all: the process ends right after the migration's first table."""
    database, key = journal
    old_head = migrate.head_revision()
    before, entries = _schema(database.engine), _entries(database)
    database.close()
    marker = tmp_path / "stop"
    marker.touch()
    scripts = _with_revision(
        tmp_path,
        monkeypatch,
        HALFWAY_REVISION.format(head=old_head, marker=str(marker), stop="os._exit(9)"),
    )
    script = textwrap.dedent(
        f"""
        from pathlib import Path
        from carecompanion.storage import migrate, schema_version
        from carecompanion.storage.database import Database
        schema_version.MIGRATIONS_DIR = Path({str(scripts)!r})
        database = Database(Path({str(database.path)!r}), bytes.fromhex({key.hex()!r}))
        migrate.upgrade(database.engine)
        """
    )
    killed = subprocess.run([sys.executable, "-c", script], cwd=REPO, check=False)
    assert killed.returncode == 9

    reopened = Database(database.path, key)
    try:
        reopened.check_integrity(Check.FULL)
        assert _schema(reopened.engine) == before
        assert migrate.current_revision(reopened.engine) == old_head
        assert _entries(reopened) == entries
        marker.unlink()
        migrate.upgrade(reopened.engine)
        assert migrate.current_revision(reopened.engine) == "9000"
        assert "test_only_notes" in sa.inspect(reopened.engine).get_table_names()
    finally:
        reopened.close()


def test_a_migration_that_breaks_a_foreign_key_is_undone(
    journal: tuple[Database, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Foreign keys are not enforced while migrations rebuild tables (SQLite's own procedure
    for schema changes), so they are checked before the commit instead."""
    database, _key = journal
    old_head = migrate.head_revision()
    before = _schema(database.engine)
    _with_revision(tmp_path, monkeypatch, ORPHAN_REVISION.format(head=old_head))
    with pytest.raises(migrate.BrokenForeignKeys):
        migrate.upgrade(database.engine)
    assert _schema(database.engine) == before
    assert migrate.current_revision(database.engine) == old_head
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM entry_tags").scalar_one() == 0


def test_rows_already_pointing_at_nothing_do_not_stop_a_migration(
    journal: tuple[Database, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only what the migration broke counts: a journal that somehow already holds a dangling
    row must still open (refusing would lock the person out of it for good)."""
    database, _key = journal
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
        conn.exec_driver_sql("INSERT INTO entry_tags (entry_id, tag_id) VALUES (1, 4242)")
        conn.commit()
        conn.exec_driver_sql("PRAGMA foreign_keys = ON")
    marker = tmp_path / "never"
    _with_revision(
        tmp_path,
        monkeypatch,
        HALFWAY_REVISION.format(head=migrate.head_revision(), marker=str(marker), stop="pass"),
    )
    migrate.upgrade(database.engine)
    assert migrate.current_revision(database.engine) == "9000"


def test_migrations_leave_foreign_keys_enforced(journal: tuple[Database, bytes]) -> None:
    database, _key = journal
    migrate.downgrade(database.engine, "0010")
    migrate.upgrade(database.engine)
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
        with pytest.raises(sa.exc.IntegrityError):
            conn.exec_driver_sql("INSERT INTO entry_tags (entry_id, tag_id) VALUES (77, 77)")


def test_0006_keeps_every_circles_read_marks_and_shares(tmp_path: Path) -> None:
    """0006 rebuilds the circles table (batch mode: copy, drop, rename). With foreign keys
    enforced, dropping the old table deleted, by cascade, every read mark and every share of
    every circle."""
    database = Database(tmp_path / "c.db", os.urandom(32))
    try:
        migrate.upgrade(database.engine, "0005")
        with database.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO circles (id, name, mode, file_path, passphrase, redactions, "
                "document, last_file_digest, dirty, joined_at, last_synced_at) VALUES "
                "(?, 'Family', 'keys', '/x', NULL, '[]', x'00', '', 0, "
                "'2026-01-01T00:00:00.000000Z', NULL)",
                ("c" * 32,),
            )
            conn.exec_driver_sql(
                "INSERT INTO circle_read_marks VALUES (?, 'record-1', 3)", ("c" * 32,)
            )
            conn.exec_driver_sql(
                "INSERT INTO circle_shares VALUES (?, 'record-2', 7, "
                "'2026-01-02T00:00:00.000000Z')",
                ("c" * 32,),
            )
        migrate.upgrade(database.engine)
        with database.engine.connect() as conn:
            marks = conn.exec_driver_sql("SELECT record_id, version FROM circle_read_marks")
            assert marks.all() == [("record-1", 3)]
            shares = conn.exec_driver_sql("SELECT record_id, entry_id FROM circle_shares")
            assert shares.all() == [("record-2", 7)]
    finally:
        database.close()


# -- the compaction after migration 0011 --------------------------------------------------------


@pytest.fixture
def vacuums() -> Iterator[list[str]]:
    """Every VACUUM any engine sends while the test runs."""
    sent: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.strip().upper() == "VACUUM":
            sent.append(statement)

    event.listen(Engine, "before_cursor_execute", record)
    yield sent
    event.remove(Engine, "before_cursor_execute", record)


def _vault_at_0010(unlocked: UnlockedVault, clock: FixedClock) -> bytearray:
    """The vault's journal taken back to 0010 (before the migration that compacts), locked;
    returns its database key."""
    service = JournalService(unlocked.database, clock)
    for day in range(3):
        service.add(f"Day {day}", "We sat in the garden and talked about nothing much. " * 8)
    migrate.downgrade(unlocked.database.engine, "0010")
    key = unlocked.subkey("sqlcipher")
    unlocked.lock()
    return key


def test_killed_between_the_migration_and_its_compaction_the_next_open_compacts(
    unlocked_vault: UnlockedVault,
    paths: AppPaths,
    clock: FixedClock,
    autolock: Any,
    vacuums: list[str],
) -> None:
    key = _vault_at_0010(unlocked_vault, clock)
    script = textwrap.dedent(
        f"""
        import os
        from pathlib import Path
        from carecompanion.storage import compaction, migrate
        from carecompanion.storage.database import Database

        def killed(*_args, **_kwargs):
            os._exit(9)  # the migration committed; the compaction never happens

        compaction.compact = killed
        engine = Database(Path({str(paths.database_file)!r}), bytes.fromhex({key.hex()!r})).engine
        migrate.upgrade(engine)
        """
    )
    killed = subprocess.run([sys.executable, "-c", script], cwd=REPO, check=False)
    assert killed.returncode == 9

    opened = autolock(Vault(paths, clock).unlock(GOOD_PASSPHRASE))
    assert migrate.current_revision(opened.database.engine) == migrate.head_revision()
    assert vacuums == ["VACUUM"]
    assert not compaction.is_due(opened.database.engine)
    assert_index_matches_entries(opened.database)
    assert JournalService(opened.database, clock).count() == 3

    opened.lock()  # done once: the next open does not compact again
    autolock(Vault(paths, clock).unlock(GOOD_PASSPHRASE))
    assert vacuums == ["VACUUM"]


def test_a_fault_measuring_free_pages_does_not_stop_the_journal_opening(
    unlocked_vault: UnlockedVault,
    paths: AppPaths,
    clock: FixedClock,
    autolock: Any,
    vacuums: list[str],
) -> None:
    _vault_at_0010(unlocked_vault, clock)
    with sqlite_fault(SQLITE_FULL, lambda sql: "freelist_count" in sql) as failed:
        opened = autolock(Vault(paths, clock).unlock(GOOD_PASSPHRASE))
    assert failed  # free_share was asked, and failed
    assert vacuums == []
    assert migrate.current_revision(opened.database.engine) == migrate.head_revision()
    assert JournalService(opened.database, clock).count() == 3
    assert compaction.is_due(opened.database.engine)  # still owed: the next open does it

    opened.lock()
    opened = autolock(Vault(paths, clock).unlock(GOOD_PASSPHRASE))
    assert vacuums == ["VACUUM"]
    assert not compaction.is_due(opened.database.engine)


def test_a_compaction_owed_waits_for_room_for_the_copy(
    journal: tuple[Database, bytes], monkeypatch: pytest.MonkeyPatch, vacuums: list[str]
) -> None:
    """Tried on every open, a VACUUM bound to fail would fill what space is left each time:
    without room for the copy it waits, still owed."""
    database, _key = journal
    with database.engine.begin() as conn:
        compaction.mark_due(conn)
    low_space(monkeypatch, database.path.parent, free=1024 * 1024)
    assert compaction.compact_if_due(database.engine) is False
    assert vacuums == []
    assert compaction.is_due(database.engine)

    monkeypatch.undo()  # space freed
    assert compaction.compact_if_due(database.engine) is True
    assert vacuums == ["VACUUM"]
    assert not compaction.is_due(database.engine)
    assert compaction.compact_if_due(database.engine) is False  # done once
