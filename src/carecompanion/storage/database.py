"""The SQLCipher database behind SQLAlchemy.

The whole file (schema, indexes, timestamps, WAL and temp data) is encrypted by SQLCipher 4
under a raw 256-bit key, so no key derivation happens here: the vault has already done it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from carecompanion.errors import Sentence
from carecompanion.storage.errors import DatabaseDamaged, StorageUnavailable

NO_SQLCIPHER = Sentence(
    "storage.no_sqlcipher",
    "CareCompanion needs SQLCipher (the sqlcipher3 package) to encrypt your journal, "
    "and it is not available on this computer, so nothing was stored.",
)
CANNOT_ENCRYPT = Sentence(
    "storage.cannot_encrypt",
    "The database library on this computer cannot encrypt, so CareCompanion will not "
    "store your journal with it.",
)
UNREADABLE = Sentence(
    "storage.unreadable",
    "The journal database is damaged or has been tampered with and cannot be read.",
)
FAILED_CHECK = Sentence(
    "storage.failed_check",
    "The journal database failed its integrity check "
    "({pages} damaged pages): it has been damaged or tampered with.",
)

# Order matters: cipher settings first, then SQLite's own.
_CONNECT_PRAGMAS = (
    "PRAGMA cipher_memory_security = ON",
    "PRAGMA foreign_keys = ON",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",  # durable commits: a caregiver's entry survives a power cut
    "PRAGMA temp_store = MEMORY",  # sorts and temp tables never touch disk
    "PRAGMA journal_size_limit = 8388608",
    "PRAGMA secure_delete = ON",
)


def _raw_key_literal(key: bytes) -> str:
    if len(key) != 32:
        raise ValueError("the database key must be 32 bytes")
    return f"x'{key.hex()}'"


def silence_sqlcipher_log() -> None:
    """SQLCipher prints decryption failures to stderr; we report them ourselves, once."""
    import sqlcipher3.dbapi2 as sqlcipher

    conn = sqlcipher.connect(":memory:")
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
    finally:
        conn.close()


def require_sqlcipher() -> None:
    """Refuse to run rather than store a journal in a database that is not encrypted."""
    try:
        import sqlcipher3.dbapi2 as sqlcipher
    except ImportError as exc:
        raise StorageUnavailable(NO_SQLCIPHER) from exc
    conn = sqlcipher.connect(":memory:")
    try:
        version = conn.execute("PRAGMA cipher_version").fetchone()
    finally:
        conn.close()
    if not version or not version[0]:
        raise StorageUnavailable(CANNOT_ENCRYPT)


def create_engine(path: Path, key: bytes) -> Engine:
    require_sqlcipher()
    silence_sqlcipher_log()
    password = quote(_raw_key_literal(key), safe="")
    engine = sa.create_engine(
        f"sqlite+pysqlcipher://:{password}@/{path}",
        hide_parameters=True,  # SQL errors must never echo a user's words into a log
        # Unlocking opens the database on a worker thread; the GUI thread uses it after.
        connect_args={"check_same_thread": False},
        poolclass=sa.pool.QueuePool,
        pool_size=1,
        max_overflow=2,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        try:
            for pragma in _CONNECT_PRAGMAS:
                cursor.execute(pragma)
        finally:
            cursor.close()

    return engine


class Database:
    """An open, unlocked database: an engine and a session factory."""

    def __init__(self, path: Path, key: bytes) -> None:
        self.path = path
        self.engine = create_engine(path, key)
        self._key_literal = _raw_key_literal(key)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back if it raises."""
        with self.sessions() as session, session.begin():
            yield session

    def check_integrity(self, *, full: bool = True) -> None:
        """Raise DatabaseDamaged on any fault.

        ``full`` reads every page (its HMAC and SQLite's structure): about 12 ms per MiB, so
        large journals do it in the background after unlocking. The light check reads the
        first page and the schema; every other page is still verified by its HMAC whenever
        it is read, and the daily backup reads them all.
        """
        import sqlcipher3.dbapi2 as sqlcipher

        try:
            with self.engine.connect() as conn:
                if full:
                    cipher_faults = conn.exec_driver_sql("PRAGMA cipher_integrity_check").all()
                    quick = conn.exec_driver_sql("PRAGMA quick_check").all()
                else:
                    conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").all()
                    cipher_faults, quick = [], [("ok",)]  # type: ignore[list-item]
        except (sa.exc.DatabaseError, sqlcipher.DatabaseError) as exc:
            raise DatabaseDamaged(UNREADABLE) from exc
        if cipher_faults or quick != [("ok",)]:
            raise DatabaseDamaged(FAILED_CHECK, pages=len(cipher_faults))

    def copy_to(self, target: Path) -> None:
        """A consistent copy through SQLite's online backup, encrypted under the same key."""
        import sqlcipher3.dbapi2 as sqlcipher

        destination = sqlcipher.connect(str(target))
        try:
            destination.execute(f'PRAGMA key = "{self._key_literal}"')
            raw = self.engine.raw_connection()
            try:
                raw.driver_connection.backup(destination)  # type: ignore[union-attr]
            finally:
                raw.close()
            destination.execute("PRAGMA journal_mode = DELETE")
        finally:
            destination.close()

    def checkpoint(self) -> None:
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        with contextlib.suppress(sa.exc.SQLAlchemyError):
            self.checkpoint()
        self.engine.dispose()
        self._key_literal = ""
