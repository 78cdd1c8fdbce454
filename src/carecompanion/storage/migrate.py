"""Schema migrations through Alembic, run on the app's own (unlocked) connection.

Imported only when a migration is due (or a test asks): whether one is due is answered
without Alembic, by ``storage/schema_version.py``, whose names are also re-exported here.

Every upgrade (and downgrade) runs in one SQLite transaction: all of it or none. The driver
(sqlcipher3, a twin of the standard library's sqlite3) opens a transaction of its own only
before INSERT, UPDATE or DELETE, so DDL before that ran in autocommit, each statement
committed as it went, and a crash or a full disk halfway through a migration left tables made
and columns added under the old revision. The migration connection is taken out of the
driver's hands and sent BEGIN itself (SQLAlchemy's recipe for pysqlite, "Serializable
isolation / Savepoints / Transactional DDL"), on that one connection only.

Foreign keys are not enforced meanwhile, checked before the commit instead (SQLite's own
procedure for schema changes, "Making Other Kinds Of Table Schema Changes"): Alembic's batch
mode rebuilds a table by copying it and dropping the old one, and with foreign keys enforced
that drop deletes, by cascade, every row that points at it (0006 took every circle's read
marks and shares with it). ``PRAGMA foreign_keys`` does nothing inside a transaction, so it
is set before BEGIN; VACUUM cannot run in one at all, so the compaction a migration asks for
runs after the commit (storage/compaction.py). No migration sets any other PRAGMA.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Iterator

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from carecompanion.storage import compaction, schema_version
from carecompanion.storage.errors import NewerVaultVersion
from carecompanion.storage.schema_version import SchemaState as SchemaState
from carecompanion.storage.schema_version import schema_state as schema_state

#: The script folder, for reading (a test that adds a revision patches schema_version's).
MIGRATIONS_DIR = schema_version.MIGRATIONS_DIR


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(schema_version.MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def alembic_schema_state(engine: Engine) -> SchemaState:
    """Alembic's own answer, from its reading of every migration (``schema_state`` asks
    it whenever the database is not at the head it reads from the files)."""
    current = current_revision(engine)
    if current is None:
        return SchemaState.EMPTY
    script = ScriptDirectory.from_config(_config())
    if current == script.get_current_head():
        return SchemaState.CURRENT
    known = {rev.revision for rev in script.walk_revisions()}
    return SchemaState.OLDER if current in known else SchemaState.NEWER


class BrokenForeignKeys(RuntimeError):
    """A migration left rows pointing at rows that do not exist: a bug in the migration.
    Nothing of it was kept."""


def upgrade(engine: Engine, revision: str = "head") -> None:
    if schema_state(engine) is SchemaState.NEWER:
        raise NewerVaultVersion()
    config = _config()
    with _one_transaction(engine) as conn:
        before = MigrationContext.configure(conn).get_current_revision()
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
        if before is not None and _rewrote_the_journal(config, before, revision):
            # Rows rewritten in place leave their pages part empty, not free: only VACUUM
            # packs them again. Asked for in the migration's own transaction, so a process
            # that dies before compacting leaves the request for the next open.
            compaction.mark_due(conn)
    compaction.compact_if_due(engine)


def _rewrote_the_journal(config: Config, before: str, after: str) -> bool:
    """Whether a migration run from ``before`` up to ``after`` says it rewrites much of the
    database (its module sets ``REWRITES_THE_JOURNAL = True``)."""
    script = ScriptDirectory.from_config(config)
    return any(
        getattr(step.module, "REWRITES_THE_JOURNAL", False)
        for step in script.iterate_revisions(after, before)
    )


def downgrade(engine: Engine, revision: str) -> None:
    config = _config()
    with _one_transaction(engine) as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)


@contextlib.contextmanager
def _one_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection whose every statement, DDL included, runs in one SQLite transaction,
    committed when the block ends and rolled back if it raises; foreign keys checked before
    the commit rather than enforced statement by statement."""
    with engine.connect() as conn:
        driver = conn.connection
        try:
            # The driver begins and ends no transaction of its own: "begin" sends BEGIN.
            driver.driver_connection.isolation_level = None  # type: ignore[union-attr]
            cursor = driver.cursor()
            try:
                cursor.execute("PRAGMA foreign_keys = OFF")  # before BEGIN: ignored after
            finally:
                cursor.close()
            event.listen(conn, "begin", _send_begin)
            with conn.begin():
                dangling = _dangling_rows(conn)  # already there: not this migration's doing
                yield conn
                after = _dangling_rows(conn)
                if any(after[link] > dangling[link] for link in after):
                    raise BrokenForeignKeys()
        finally:
            # This connection no longer behaves as the app's others do (its own transactions,
            # foreign keys off): closed, never handed back to the pool; the next is made anew.
            conn.invalidate()


def _send_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN")


def _dangling_rows(conn: Connection) -> Counter[tuple[str, str]]:
    """How many rows of each table point at nothing in each parent table. Counted, not
    listed by rowid: a migration that rebuilds a table may number its rows anew."""
    return Counter(
        (str(table), str(parent))
        for table, _rowid, parent, _key in conn.exec_driver_sql("PRAGMA foreign_key_check")
    )
