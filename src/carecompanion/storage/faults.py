"""What a failure of the disk under the journal is, said as the person needs to hear it.

The operating system reports a full disk, a folder that may not be written, a read-only
file system and a failing drive as ``OSError`` numbers; SQLite reports them, and a lock held
by another program, as result codes. :func:`disk_fault` turns each into its own
:class:`~carecompanion.storage.errors.StorageError`, with a plain sentence and what to do,
at the storage boundary (the engine's ``handle_error`` hook, the backup copy, the backup
file's writes), so nothing above has to read SQLite's English.

"Damaged" is said only with space to spare. With a few KB free, SQLite cannot grow its
shared-memory file, and reading then fails with an I/O error or "file is not a database":
words that look like damage or tampering. When the disk is short of space that is the likely
cause, and its cure (freeing space) harms nothing, so an ambiguous failure is called a full
disk then; with space to spare it is what it says. A plain ``SQLITE_FULL`` or ``ENOSPC`` is
believed as it is, whatever the measure says.

Deliberately free of SQLite and SQLAlchemy imports (errors are read by their attributes),
so the backup module can use it without loading either.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from carecompanion.storage.errors import (
    DiskFailing,
    DiskFull,
    NoPermission,
    ReadOnlyDisk,
    StorageBusy,
    StorageError,
)

#: Below this much free space an ambiguous failure (an I/O error, an unreadable page) is
#: blamed on the full disk, not on the journal: SQLite's shared memory, its WAL and a
#: checkpoint need a few MB to work with even when nothing new is saved.
SPACE_TO_SPARE = 4 * 1024 * 1024

# SQLite's primary result codes (https://sqlite.org/rescode.html).
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26
#: What SQLite says for each (sqlite3_errstr; never translated), for the one driver call
#: that raises without a code: the online backup's.
_SQLITE_WORDS = (
    ("database or disk is full", SQLITE_FULL),
    ("database is locked", SQLITE_BUSY),
    ("database table is locked", SQLITE_LOCKED),
    ("attempt to write a readonly database", SQLITE_READONLY),
    ("disk I/O error", SQLITE_IOERR),
    ("unable to open database file", SQLITE_CANTOPEN),
    ("database disk image is malformed", SQLITE_CORRUPT),
    ("is not a database", SQLITE_NOTADB),
    ("access permission denied", SQLITE_PERM),
)
#: SQLite codes that may only mean a full disk: said to be damage with space to spare.
AMBIGUOUS = frozenset({SQLITE_CORRUPT, SQLITE_NOTADB})

#: No space, or no more of this user's quota: both are freed the same way.
_FULL_ERRNOS = frozenset(code for code in (errno.ENOSPC, getattr(errno, "EDQUOT", None)) if code)
_NOT_ALLOWED_ERRNOS = frozenset({errno.EACCES, errno.EPERM})


def free_space(folder: Path) -> int | None:
    """Bytes this user may still write on the disk holding ``folder`` (or its nearest
    existing parent); None when it cannot be measured."""
    path = Path(folder)
    while not path.exists() and path != path.parent:
        path = path.parent
    try:
        return shutil.disk_usage(path).free
    except OSError:
        return None


def is_short_of_space(folder: Path, needed: int = SPACE_TO_SPARE) -> bool:
    """True when the disk holding ``folder`` has less than ``needed`` bytes free (False
    when it cannot be measured: then errors are taken at their word)."""
    free = free_space(folder)
    return free is not None and free < needed


def _is_read_only(folder: Path) -> bool:
    statvfs = getattr(os, "statvfs", None)  # POSIX only
    if statvfs is None:
        return False
    try:
        return bool(statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _may_write(folder: Path) -> bool:
    try:
        return os.access(folder, os.W_OK)
    except OSError:
        return True


def sqlite_code(exc: BaseException) -> int | None:
    """SQLite's primary result code for a driver error (or the SQLAlchemy error wrapping
    one); None for anything else."""
    original = getattr(exc, "orig", None)
    if isinstance(original, BaseException):
        exc = original
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF  # the extended code's low byte is the primary one
    if type(exc).__module__.startswith(("sqlite3", "sqlcipher3")) and exc.args:
        message = str(exc.args[0])
        for words, found in _SQLITE_WORDS:
            if words in message:
                return found
    return None


def disk_fault(exc: BaseException, folder: Path | None = None) -> StorageError | None:
    """The person's error for ``exc`` when the disk is at fault, else None.

    ``folder``: where the file being read or written lives, to measure its free space and
    see whether it is read-only (an OSError's own file name is used when it has one).
    Damage (an unreadable page with space to spare) is None here: the caller knows whether
    it was reading the journal or a backup, and names it.
    """
    if isinstance(exc, OSError):
        return _os_fault(exc, folder)
    code = sqlite_code(exc)
    if code is None:
        return None
    where = folder or Path.cwd()
    if code == SQLITE_FULL:
        return DiskFull()
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return StorageBusy()
    if code == SQLITE_PERM:
        return NoPermission()
    if code == SQLITE_READONLY:
        return ReadOnlyDisk() if _is_read_only(where) else NoPermission()
    if code in (SQLITE_IOERR, SQLITE_CANTOPEN):
        if is_short_of_space(where):
            return DiskFull()
        if _is_read_only(where):
            return ReadOnlyDisk()
        if code == SQLITE_CANTOPEN and not _may_write(where):
            return NoPermission()
        return DiskFailing()
    if code in AMBIGUOUS and is_short_of_space(where):
        return DiskFull()
    return None


def _os_fault(exc: OSError, folder: Path | None) -> StorageError | None:
    if exc.errno in _FULL_ERRNOS:
        return DiskFull()
    if exc.errno in _NOT_ALLOWED_ERRNOS:
        return NoPermission()
    if exc.errno == errno.EROFS:
        return ReadOnlyDisk()
    if exc.errno == errno.EIO:
        where = folder or (Path(exc.filename).parent if exc.filename else None)
        return DiskFull() if where is not None and is_short_of_space(where) else DiskFailing()
    return None
