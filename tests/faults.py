"""In-process fault injection at the write calls: a disk that fills up, refuses or fails.

Nothing is mounted (CI has no root mounts), and the faults are the real ones where that can
be had in-process:

- :func:`full_database`: SQLite's own ``PRAGMA max_page_count`` on every connection opened
  inside the block, so the database genuinely cannot grow and SQLite says what it says on a
  full disk (``SQLITE_FULL``, "database or disk is full");
- :func:`sqlite_fault`: chosen statements fail with the DB-API error SQLite raises (its
  message and code), for the faults that cannot be made on purpose (an I/O error, a file
  system that turned read-only);
- :func:`low_space`: ``shutil.disk_usage`` reports little free space under a folder, for
  the code that measures before it writes;
- :func:`fail_on_call`: an ``OSError`` (ENOSPC, EACCES, EROFS, EIO) from the Nth call of a
  Python write function.
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import Pool

#: SQLite's primary result codes and the messages it gives them (sqlite3_errstr).
SQLITE_FULL = (13, "database or disk is full")
SQLITE_IOERR = (10, "disk I/O error")
SQLITE_READONLY = (8, "attempt to write a readonly database")
SQLITE_NOTADB = (26, "file is not a database")
SQLITE_BUSY = (5, "database is locked")


def _limit_pages(dbapi_connection: Any, _record: object, _proxy: object) -> None:
    cursor = dbapi_connection.cursor()
    try:
        # Never below the database's current size: so it stays as it is, and cannot grow.
        cursor.execute("PRAGMA max_page_count = 1")
    finally:
        cursor.close()


@contextmanager
def full_database(*engines: sa.Engine) -> Iterator[None]:
    """Every database connection opened inside the block cannot grow by one page: the
    engine's and the command line's bare ones (cli/quick_read.py). Pass the engines already
    open (the app's) to have their pooled connections replaced."""
    from carecompanion.storage import connection

    real_connect = connection.connect

    def limited_connect(*args: Any, **kwargs: Any) -> Any:
        conn = real_connect(*args, **kwargs)
        _limit_pages(conn, None, None)
        return conn

    # At checkout, not at connect: a pool's class-level "connect" listeners run before the
    # dialect's own, which gives SQLCipher its key.
    event.listen(Pool, "checkout", _limit_pages)
    connection.connect = limited_connect  # bare connections
    for engine in engines:
        engine.dispose()
    try:
        yield
    finally:
        connection.connect = real_connect
        event.remove(Pool, "checkout", _limit_pages)
        for engine in engines:
            engine.dispose()  # space freed: the next connections may grow again


@contextmanager
def sqlite_fault(
    fault: tuple[int, str], when: Callable[[str], bool] = lambda _statement: True
) -> Iterator[list[str]]:
    """Statements ``when`` picks fail with SQLite's error ``fault`` (code, message), raised
    where the driver raises it; yields the statements that failed."""
    import sqlcipher3.dbapi2 as sqlcipher

    failed: list[str] = []

    def raise_fault(
        _conn: object,
        _cursor: object,
        statement: str,
        parameters: object,
        _context: object,
        _executemany: bool,
    ) -> tuple[str, object]:
        if when(statement):
            failed.append(statement)
            error = sqlcipher.OperationalError(fault[1])
            error.sqlite_errorcode = fault[0]
            raise error
        return statement, parameters

    event.listen(Engine, "before_cursor_execute", raise_fault, retval=True)
    try:
        yield failed
    finally:
        event.remove(Engine, "before_cursor_execute", raise_fault)


class _Usage(NamedTuple):
    total: int
    used: int
    free: int


def low_space(monkeypatch: pytest.MonkeyPatch, under: Path, free: int) -> None:
    """``shutil.disk_usage`` says ``free`` bytes are left on the disk holding ``under``."""
    real = shutil.disk_usage
    under = Path(under).resolve()

    def usage(path: str | os.PathLike[str]) -> Any:
        where = Path(path).resolve()
        if where == under or under in where.parents:
            return _Usage(10**12, 10**12 - free, free)
        return real(path)

    monkeypatch.setattr(shutil, "disk_usage", usage)


def os_error(code: int = errno.ENOSPC, filename: str | None = None) -> OSError:
    return OSError(code, os.strerror(code), filename)


def fail_on_call(
    monkeypatch: pytest.MonkeyPatch,
    owner: object,
    name: str,
    *,
    nth: int = 1,
    code: int = errno.ENOSPC,
) -> list[int]:
    """``owner.name`` raises OSError(``code``) from its ``nth`` call on (the disk filled up
    part way); yields nothing, returns the call count (a list of one int) to look at."""
    real = getattr(owner, name)
    calls = [0]

    def failing(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        if calls[0] >= nth:
            raise os_error(code)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, failing)
    return calls
