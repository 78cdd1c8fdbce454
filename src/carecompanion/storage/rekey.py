"""Re-encrypting the database file under a new key (SQLCipher's ``PRAGMA rekey``).

``PRAGMA rekey`` rewrites every page in one transaction: in WAL mode the new pages go to the
WAL and land with its commit frame, so a crash part way leaves the file as it was, under the
old key, and a crash after leaves it wholly under the new one. Which key opens it is then
found by trying (:func:`opens_with`); the vault decides what to do about it
(vault/rotation.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from carecompanion.storage.raw_key import RawKey


def _connect(path: Path, key: RawKey) -> Any:
    import sqlcipher3.dbapi2 as sqlcipher

    conn = sqlcipher.connect(str(path), check_same_thread=False)
    try:
        conn.execute(key.pragma())
    except BaseException:
        conn.close()
        raise
    return conn


def opens_with(path: Path, key: bytes | bytearray) -> bool:
    """True when ``key`` decrypts the database's first page (its schema)."""
    import sqlcipher3.dbapi2 as sqlcipher

    raw = RawKey(key)
    try:
        conn = _connect(path, raw)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
        finally:
            conn.close()
    except sqlcipher.DatabaseError:
        return False
    finally:
        raw.wipe()
    return True


def rekey_file(path: Path, old: bytes | bytearray, new: bytes | bytearray) -> None:
    """Re-encrypt the closed database at ``path`` from ``old`` to ``new``, in one commit.

    Nothing else may have the file open meanwhile: the caller holds the vault's writer lock
    and has closed (disposed) its own connections."""
    old_key, new_key = RawKey(old), RawKey(new)
    try:
        conn = _connect(path, old_key)
        try:
            conn.execute("PRAGMA synchronous = FULL")  # the commit is durable when it returns
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the rekey alone in the WAL
            conn.execute(old_key.rekey_pragma(new_key))
        finally:
            conn.close()
    finally:
        old_key.wipe()
        new_key.wipe()
