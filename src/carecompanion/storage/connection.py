"""Opening the SQLCipher database file: keyed, set up, with its faults named. No SQLAlchemy.

The engine (storage/database.py) opens every pooled connection here, and so does the
command line's read path (cli/quick_read.py), which must not pay for importing SQLAlchemy:
both get the same cipher and SQLite settings and the same SQL function, and a driver error
means the same thing to the person whichever of them met it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from carecompanion.errors import Sentence
from carecompanion.storage.errors import DatabaseDamaged, StorageError, StorageUnavailable
from carecompanion.storage.faults import AMBIGUOUS, disk_fault, sqlite_code
from carecompanion.storage.packed_text import UNPACK_FUNCTION, unpack_text
from carecompanion.storage.raw_key import RawKey

#: Runs one statement with named parameters (":tag") and returns all its rows: how the
#: domains' plain-SQL reads (journal/reads.py, mood/reads.py, people/reads.py) and the
#: journal's writes of new entries (journal/writes.py) run, in a SQLAlchemy unit of work or
#: on a bare connection (cli/quick_read.py).
Rows = Callable[[str, Mapping[str, Any]], Sequence[Sequence[Any]]]
#: Runs one statement once for each set of named parameters, returning nothing (executemany).
Many = Callable[[str, Sequence[Mapping[str, Any]]], None]

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

#: How long a write waits for another connection's write lock (a long import, another
#: process) before it gives up with :class:`~carecompanion.storage.errors.StorageBusy`.
BUSY_TIMEOUT_SECONDS = 5.0

# Order matters: cipher settings first, then SQLite's own.
_CONNECT_PRAGMAS = (
    # Off, said so rather than left to SQLCipher's default: zeroing and mlock-ing every
    # allocation took 2-2.6x the CPU of an import for little protection, since the same words
    # live on in Python's own strings, which nothing can wipe (docs/security.md, "SQLCipher's
    # memory security, weighed"). SQLCipher still wipes its own keys and buffers.
    "PRAGMA cipher_memory_security = OFF",
    "PRAGMA foreign_keys = ON",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",  # durable commits: a caregiver's entry survives a power cut
    "PRAGMA temp_store = MEMORY",  # sorts and temp tables never touch disk
    "PRAGMA journal_size_limit = 8388608",
    "PRAGMA secure_delete = ON",
)


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


def connect(path: Path, key: RawKey) -> Any:
    """A connection to the database at ``path``, keyed from ``key`` and set up (the cipher's
    settings first, then SQLite's, then the SQL function packed text is read with). It may
    be used from another thread than the one that opened it (the app unlocks on a worker).
    """
    import sqlcipher3.dbapi2 as sqlcipher

    conn = sqlcipher.connect(str(path), check_same_thread=False, timeout=BUSY_TIMEOUT_SECONDS)
    try:
        conn.execute(key.pragma())
        for pragma in _CONNECT_PRAGMAS:
            conn.execute(pragma)
    except BaseException:
        conn.close()
        raise
    # Packed text (entry bodies) read in SQL: the search index's view and triggers use it.
    conn.create_function(UNPACK_FUNCTION, 1, unpack_text, deterministic=True)
    return conn


def storage_error(exc: BaseException, path: Path) -> StorageError | None:
    """What a driver error on the database at ``path`` means for the person: a disk fault
    (full, read-only, not allowed, busy, failing), damage (an unreadable page with space to
    spare), or None (a bug: it stays as it is)."""
    fault = disk_fault(exc, path.parent)
    if fault is not None:
        return fault
    if sqlite_code(exc) in AMBIGUOUS:
        return DatabaseDamaged(UNREADABLE)
    return None
