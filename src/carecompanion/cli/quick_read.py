"""The quick way in for the read commands and ``journal add``: the unlocked session's key, a
bare SQLCipher connection, and the domains' plain-SQL reads (and the journal's writes of new
entries), without SQLAlchemy or the vault's full unlock.

Issue 17 asked every read command with a session to finish in 0.15 s, and ``journal add`` in
0.2 s; importing SQLAlchemy and the models alone took about 0.25 s. So these commands first
try this path, which reads (or, for ``journal add``, writes in one transaction) exactly what
the full unlock would let them, and only when the full unlock would have had nothing else
to do. Whenever it would have had something to do,
or anything at all is unusual, this path steps aside (``None``) and the command takes the
full unlock, which does it and says what needs saying:

- no session, its time is up, it holds another vault, or its key fails the header's MAC;
- a key rotation stopped part way (the header's rotating slot);
- the database missing or empty, or the key does not open it (damage, a new key meanwhile);
- a schema older or newer than this code's (a migration is due: only the writer runs it);
- a header and database not settled at the same generation (a write interrupted, or an
  older copy put back: the full unlock settles or refuses it);
- this command would be the vault's writer, and the daily backup is due or a migration
  asked for a compaction that has not been done yet (storage/compaction.py);
- a write (``journal add``) whose claim on the vault is not free at once (the app or another
  command has it): the full unlock waits for a command, or says the app has the journal.

What it keeps of the full unlock: the same claim on the vault (the lock when it is free,
else, for reading, SQLite's locking beside the app or another command), the same keys
(subkeys of the session's data key, wiped after), the same connection set-up and fault
names (storage/connection.py), and the same queries (journal/reads.py).
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from carecompanion.cli.io import clock, paths_from

if TYPE_CHECKING:
    from carecompanion.journal.reads import JournalReads
    from carecompanion.session import VaultSession
    from carecompanion.storage.connection import Many, Rows
    from carecompanion.vault.writer_lock import Claim, WriterLock

Reads = TypeVar("Reads")


@contextlib.contextmanager
def quick_reads(args: argparse.Namespace) -> Iterator[JournalReads | None]:
    """The journal's reads for one command through the quick path, or None: then the
    command unlocks the full way (see the module's docstring)."""
    from carecompanion.journal.reads import JournalReads

    with quick_rows(args) as rows:
        yield None if rows is None else JournalReads(rows)


@contextlib.contextmanager
def quick_rows(args: argparse.Namespace) -> Iterator[Rows | None]:
    """A way to run read statements on the vault's database for one command through the
    quick path (any domain's plain-SQL reads take it), or None: then the command unlocks
    the full way (see the module's docstring)."""
    with contextlib.ExitStack() as stack:
        opened = _open(args, stack, write=False)
        yield None if opened is None else _rows_of(*opened)


class Statements(NamedTuple):
    """One transaction's statements: ``rows`` runs one and returns its rows, ``many`` runs
    one for each set of parameters."""

    rows: Rows
    many: Many


@contextlib.contextmanager
def quick_transaction(args: argparse.Namespace) -> Iterator[Statements | None]:
    """One write transaction on the vault's database for one command through the quick path
    (``journal add``), or None: then the command unlocks the full way (see the module's
    docstring). Committed when the block ends, rolled back if it raises."""
    with contextlib.ExitStack() as stack:
        opened = _open(args, stack, write=True)
        if opened is None:
            yield None
            return
        conn, database_file = opened
        conn.isolation_level = None  # no implicit transactions: this one is explicit
        run = _run_of(conn, database_file)
        # IMMEDIATE: the write lock at the start, waited for (busy timeout) if a reader beside
        # us is finishing, rather than a deferred upgrade failing part way.
        run("BEGIN IMMEDIATE")
        try:
            yield Statements(_rows_of(conn, database_file), _many_of(conn, database_file))
        except BaseException:
            with contextlib.suppress(Exception):  # closing rolls back anyway
                conn.execute("ROLLBACK")
            raise
        run("COMMIT")


@contextlib.contextmanager
def session_reads(
    args: argparse.Namespace,
    quick: Callable[[Rows], Reads],
    full: Callable[[VaultSession], AbstractContextManager[Reads]],
) -> Iterator[Reads]:
    """A domain's reads for one command: ``quick`` on the quick path's rows when it can,
    else ``full`` of the vault's session after the full unlock (``session.mood.reading``)."""
    from carecompanion.cli.vault_commands import vault_session

    with quick_rows(args) as rows:
        if rows is not None:
            yield quick(rows)
            return
    with vault_session(args) as session, full(session) as reads:
        yield reads


def _open(
    args: argparse.Namespace, stack: contextlib.ExitStack, *, write: bool
) -> tuple[Any, Path] | None:
    """A keyed connection to the vault's database and its path, with everything the full
    unlock would have done already done (so nothing), or None."""
    from carecompanion.errors import CareCompanionError
    from carecompanion.vault.agent import fetch_key
    from carecompanion.vault.errors import HeaderDamaged
    from carecompanion.vault.header import SLOT_ROTATING, VaultHeader
    from carecompanion.vault.subkeys import subkey, wiped
    from carecompanion.vault.writer_lock import WriterLock
    from carecompanion.vault.zeroing import zero

    paths = paths_from(args)
    try:
        header = VaultHeader.from_bytes(paths.header_file.read_bytes())
    except (OSError, ValueError, CareCompanionError):
        return None  # no vault, a damaged or newer header: the full unlock says which
    if SLOT_ROTATING in header.slots:
        return None
    data_key = fetch_key(header.vault_id)
    if data_key is None:
        return None
    stack.callback(zero, data_key)
    try:
        with wiped(subkey(data_key, "header mac")) as mac_key:
            header.verify_mac(mac_key)
    except HeaderDamaged:
        return None  # a key from before a rotation: the full unlock asks the passphrase
    claim = _claim(WriterLock(paths.data_dir), write=write)
    if claim is None:
        return None
    stack.callback(claim.release)
    database_file = paths.database_file
    try:
        if database_file.stat().st_size == 0:
            return None
    except OSError:
        return None
    if claim.exclusive and _backup_due(args):
        return None
    conn = _connect(database_file, subkey(data_key, "sqlcipher"))
    if conn is None:
        return None
    stack.callback(conn.close)
    if not _settled(conn, header.generation):
        return None
    if claim.exclusive and _compaction_due(conn):
        return None
    return conn, database_file


def _claim(lock: WriterLock, *, write: bool) -> Claim | None:
    """A reader's claim (the lock when it is free, else reading beside its holder); for a
    write, the lock itself if it is free now, else None (the full unlock waits, or says
    who has it)."""
    from carecompanion.errors import CareCompanionError

    if not write:
        return lock.acquire_for_reading()
    try:
        return lock.acquire(wait=0)
    except (CareCompanionError, OSError):
        return None


def _backup_due(args: argparse.Namespace) -> bool:
    from carecompanion.vault.backup import BackupRotation

    return BackupRotation(paths_from(args), clock()).is_due()


def _connect(database_file: Any, key: bytearray) -> Any:
    """A keyed connection whose key opens the database (its first page and schema read),
    or None."""
    import sqlcipher3.dbapi2 as sqlcipher

    from carecompanion.storage.connection import connect, silence_sqlcipher_log
    from carecompanion.storage.errors import StorageError
    from carecompanion.storage.raw_key import RawKey
    from carecompanion.vault.zeroing import zero

    raw_key = RawKey(key)
    zero(key)
    try:
        silence_sqlcipher_log()
        conn = connect(database_file, raw_key)
    except (sqlcipher.Error, StorageError, OSError):
        return None
    finally:
        raw_key.wipe()
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    except sqlcipher.Error:
        conn.close()
        return None
    return conn


def _settled(conn: Any, generation: int) -> bool:
    """The schema is this code's and the database belongs with the header, settled: the
    full unlock would neither migrate nor settle nor refuse anything."""
    import sqlcipher3.dbapi2 as sqlcipher

    from carecompanion.storage.schema_version import head_revision, revision_in
    from carecompanion.vault import binding

    def rows(sql: str) -> Sequence[Sequence[Any]]:
        return conn.execute(sql).fetchall()  # type: ignore[no-any-return]

    try:
        current = revision_in(rows)
        bound = binding.read_with(rows)
    except sqlcipher.Error:
        return False
    return current is not None and current == head_revision() and bound.settled_at(generation)


def _compaction_due(conn: Any) -> bool:
    import sqlcipher3.dbapi2 as sqlcipher

    from carecompanion.storage.compaction import COMPACTION_DUE

    try:
        flags = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlcipher.Error:
        return True  # unread: the full unlock finds out
    return bool(flags & COMPACTION_DUE)


@contextlib.contextmanager
def _naming_faults(database_file: Path) -> Iterator[None]:
    """A driver error in the block leaves as the person's error (a full or failing disk,
    damage), as the engine names it (storage/connection.py)."""
    import sqlcipher3.dbapi2 as sqlcipher

    from carecompanion.storage.connection import storage_error

    try:
        yield
    except sqlcipher.Error as exc:
        named = storage_error(exc, database_file)
        if named is None:
            raise
        raise named from exc


def _rows_of(conn: Any, database_file: Path) -> Rows:
    """Runs a statement on ``conn`` and returns its rows, its faults named."""

    def rows(sql: str, params: Mapping[str, Any]) -> Sequence[Sequence[Any]]:
        with _naming_faults(database_file):
            return conn.execute(sql, dict(params)).fetchall()  # type: ignore[no-any-return]

    return rows


def _many_of(conn: Any, database_file: Path) -> Many:
    """Runs a statement on ``conn`` for each set of parameters, its faults named."""

    def many(sql: str, params: Sequence[Mapping[str, Any]]) -> None:
        with _naming_faults(database_file):
            conn.executemany(sql, [dict(p) for p in params])

    return many


def _run_of(conn: Any, database_file: Path) -> Callable[[str], None]:
    """Runs a statement without parameters or rows on ``conn`` (BEGIN, COMMIT), its faults
    named."""

    def run(sql: str) -> None:
        with _naming_faults(database_file):
            conn.execute(sql)

    return run
