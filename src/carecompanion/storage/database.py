"""The SQLCipher database behind SQLAlchemy.

The whole file (schema, indexes, timestamps, WAL and temp data) is encrypted by SQLCipher 4
under a raw 256-bit key, so no key derivation happens here: the vault has already done it.
"""

from __future__ import annotations

import contextlib
import enum
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine, ExceptionContext
from sqlalchemy.orm import Session, sessionmaker

from carecompanion.errors import Sentence
from carecompanion.storage import connection
from carecompanion.storage.connection import (
    BUSY_TIMEOUT_SECONDS as BUSY_TIMEOUT_SECONDS,
)
from carecompanion.storage.connection import (
    UNREADABLE,
    require_sqlcipher,
    silence_sqlcipher_log,
    storage_error,
)
from carecompanion.storage.errors import DatabaseDamaged, DiskFull, StorageBusy, StorageError
from carecompanion.storage.faults import disk_fault, is_short_of_space
from carecompanion.storage.raw_key import RawKey

FAILED_CHECK = Sentence(
    "storage.failed_check",
    "The journal database failed its integrity check "
    "({pages} damaged pages): it has been damaged or tampered with.",
)


def create_engine(path: Path, key: RawKey) -> Engine:
    """An engine whose connections are keyed from ``key`` (never from its URL: see
    storage/raw_key.py); once ``key`` is wiped it cannot connect again."""
    require_sqlcipher()
    silence_sqlcipher_log()
    import sqlcipher3.dbapi2 as sqlcipher

    def connect() -> Any:
        return connection.connect(path, key)

    # The plain sqlite dialect on SQLCipher's driver: the pysqlcipher dialect would send its
    # own "PRAGMA key" (empty, with no password in the URL) after ours.
    engine = sa.create_engine(
        f"sqlite:///{path}",
        module=sqlcipher,
        creator=connect,
        hide_parameters=True,  # SQL errors must never echo a user's words into a log
        poolclass=sa.pool.QueuePool,
        pool_size=1,
        max_overflow=2,
    )

    @event.listens_for(engine, "handle_error")
    def _name_the_fault(context: ExceptionContext) -> BaseException | None:
        # The storage boundary: every driver error, from any statement, commit or connect,
        # leaves here as the person's error when the disk (or the journal) is at fault.
        return storage_error(context.original_exception, path)

    return engine


class Check(enum.Enum):
    """How much of the database an integrity check reads.

    - LIGHT: the first page and the schema (the key is right, the file is a journal): a few
      milliseconds, done whenever the database is opened;
    - QUICK: ``PRAGMA quick_check``, every page of every table and index read (so its HMAC
      verified) and SQLite's structure checked, without cross-checking indexes;
    - FULL: ``PRAGMA cipher_integrity_check`` (every page's HMAC, free pages too) and the
      quick check: about 12 ms per MiB.
    """

    LIGHT = "light"
    QUICK = "quick"
    FULL = "full"


class Database:
    """An open, unlocked database: an engine and a session factory."""

    def __init__(self, path: Path, key: bytes | bytearray) -> None:
        self.path = path
        self._key = RawKey(key)  # the one copy kept: close() zeroes it
        self.engine = create_engine(path, self._key)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back if it raises."""
        with self.sessions() as session, session.begin():
            yield session

    def check_integrity(self, level: Check = Check.FULL) -> None:
        """Raise DatabaseDamaged on any fault found at ``level`` (see :class:`Check`).

        Never on the way to a command (issue 17): opening does the LIGHT check; the app runs
        QUICK in the background at most once a day; FULL runs on demand (``carecompanion
        check``) and before a backup. Every page the journal reads is verified by its HMAC
        anyway, so damage elsewhere is still found the moment it matters.
        """
        import sqlcipher3.dbapi2 as sqlcipher

        cipher_faults: list[Any] = []
        structure: list[Any] = [("ok",)]
        # A disk fault (full, busy, failing) leaves the engine already named (see
        # storage_error); what is left unnamed is damage, said only with space to spare.
        try:
            with self.engine.connect() as conn:
                if level is Check.FULL:
                    cipher_faults = list(conn.exec_driver_sql("PRAGMA cipher_integrity_check"))
                if level is Check.LIGHT:
                    conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").all()
                else:
                    structure = list(conn.exec_driver_sql("PRAGMA quick_check"))
        except (sa.exc.DatabaseError, sqlcipher.DatabaseError) as exc:
            self._refuse_if_full(exc)
            raise DatabaseDamaged(UNREADABLE) from exc
        except DatabaseDamaged as exc:
            self._refuse_if_full(exc)
            raise
        if cipher_faults or [tuple(row) for row in structure] != [("ok",)]:
            self._refuse_if_full(None)
            raise DatabaseDamaged(FAILED_CHECK, pages=len(cipher_faults))

    def _refuse_if_full(self, cause: BaseException | None) -> None:
        """Before saying "damaged": on a disk short of space, the full disk is the likelier
        cause, and freeing space the harmless first step."""
        if is_short_of_space(self.path.parent):
            raise DiskFull() from cause

    def copy_to(self, target: Path) -> None:
        """A consistent copy through SQLite's online backup, encrypted under the same key.

        ``target`` is made private (0600) before SQLite opens it, so its rollback journal is
        too (SQLite gives a journal its database's mode). A disk that fills up or refuses
        part way raises its :mod:`~carecompanion.storage.faults` error; what was written of
        ``target`` is the caller's to remove."""
        import sqlcipher3.dbapi2 as sqlcipher

        os.close(os.open(target, os.O_CREAT | os.O_WRONLY, 0o600))
        os.chmod(target, 0o600)  # an existing empty file (a mkstemp name) keeps its mode
        try:
            destination = sqlcipher.connect(str(target))
            try:
                destination.execute(self._key.pragma())
                raw = self.engine.raw_connection()
                try:
                    raw.driver_connection.backup(destination)  # type: ignore[union-attr]
                finally:
                    raw.close()
                destination.execute("PRAGMA journal_mode = DELETE")
            finally:
                destination.close()
        except sqlcipher.Error as exc:
            # The backup call raises the driver's error itself (not through the engine).
            fault = disk_fault(exc, target.parent)
            if fault is None:
                raise
            raise fault from exc

    def rekey(
        self, new_key: bytes | bytearray, committed: Callable[[], None] | None = None
    ) -> None:
        """Re-encrypt every page under ``new_key`` (SQLCipher's ``PRAGMA rekey``, one commit:
        see storage/rekey.py), and key every later connection with it.

        Pooled connections still keyed with the old key are closed first; the caller makes
        sure no other thread is using the database meanwhile. The WAL is checkpointed before
        (so it holds the rekey alone: all of it or none) and after: SQLCipher's full check
        reads the database file, not the WAL, and would find the file's pages still under the
        old key. ``committed`` (tests' kill point) runs between the commit and that
        checkpoint."""
        new = RawKey(new_key)
        try:
            self.checkpoint()
            self.engine.dispose()
            with self.engine.connect() as conn:
                conn.exec_driver_sql(self._key.rekey_pragma(new))
                # This connection now speaks the new key; the next ones will too.
                self._key.replace(new_key)
                if committed is not None:
                    committed()
                busy = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").first()
            if busy is None or busy[0]:
                raise StorageBusy()  # a reader held the WAL: the caller undoes the rekey
        finally:
            new.wipe()

    def keyed_with(self, key: bytes | bytearray) -> bool:
        """True when the database's connections are keyed with ``key`` (after a rekey)."""
        return self._key.matches(key)

    def checkpoint(self) -> None:
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        if self._key.wiped:
            return  # closed already: nothing left to check in or wipe
        # A full or busy disk may refuse the checkpoint: the WAL then stays, and SQLite
        # applies it the next time the journal opens. Nothing is lost.
        with contextlib.suppress(sa.exc.SQLAlchemyError, StorageError):
            self.checkpoint()
        self.engine.dispose()
        self._key.wipe()
