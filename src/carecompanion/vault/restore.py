"""Restoring a backup, or putting an earlier journal back, as one step.

1. The passphrase (or the recovery key) is checked against the incoming header before
   anything is written: a wrong one leaves the data folder exactly as it was.
2. A copy of the incoming vault, still encrypted (its header and its SQLCipher database; no
   clear copy is ever made), is staged in ``.restore-*`` inside the data folder and checked:
   the header's MAC, every database page (SQLCipher's HMACs and SQLite's structure), a schema
   this app can open.
3. :func:`carecompanion.vault.restore_log.swap` makes it the vault: an intent log first, then
   renames, so a crash at any moment is finished or undone at the next start. The vault it
   replaces is kept whole in ``replaced-<time>/``, listed by :mod:`carecompanion.vault.earlier`.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from carecompanion.clock import Clock, SystemClock
from carecompanion.errors import Sentence
from carecompanion.paths import AppPaths
from carecompanion.vault import binding, recovery, restore_log
from carecompanion.vault.backup import DAMAGED, extract_backup, read_backup
from carecompanion.vault.earlier import find_earlier
from carecompanion.vault.errors import (
    BackupError,
    DatabaseDamaged,
    HeaderDamaged,
    NewerVaultVersion,
    VaultMismatch,
    WrongPassphrase,
    WrongRecoveryKey,
)
from carecompanion.vault.header import SLOT_PASSPHRASE, SLOT_RECOVERY, VaultHeader, b64d
from carecompanion.vault.kdf import derive_key
from carecompanion.vault.restore_log import DATABASE, HEADER, IN_ORDER, SHM, WAL
from carecompanion.vault.vault import NO_RECOVERY_KEY, subkey
from carecompanion.vault.writer_lock import WriterLock

NO_SPACE = Sentence(
    "vault.restore.no_space",
    "There is not enough free space in {where} to restore this journal (it needs about "
    "{size} MB). Nothing was changed.",
)
NOT_RESTORED = Sentence(
    "vault.restore.not_written",
    "The journal could not be restored into {where} ({reason}). Nothing was changed.",
)
#: Room for the staged database's write-ahead log while it is checked.
SPACE_MARGIN = 4 * 1024 * 1024


def restore_backup(
    backup_file: Path,
    paths: AppPaths,
    passphrase: str | None = None,
    recovery_key: str | None = None,
    clock: Clock | None = None,
) -> Path | None:
    """Replace the vault in ``paths`` with a backup, once the backup is known to open whole.

    The vault being replaced is moved aside into ``replaced-<time>/`` inside the data
    folder, never deleted. Returns that folder (None when there was no vault to replace)."""
    source = Path(backup_file)
    header, archive = read_backup(source)
    with archive:
        data_key = _open_header(header, passphrase, recovery_key, str(source))
        needed = sum(archive.getinfo(name).file_size for name in archive.namelist())
        return _stage_and_swap(
            paths,
            data_key,
            needed,
            lambda staged: extract_backup(archive, staged),
            str(source),
            clock or SystemClock(),
        )


def put_back(
    name: str,
    paths: AppPaths,
    passphrase: str | None = None,
    recovery_key: str | None = None,
    clock: Clock | None = None,
) -> Path | None:
    """Make the earlier journal ``name`` (a ``replaced-*`` folder) the vault again, checked
    like a backup. The vault in place goes aside in turn; returns where (None: no vault)."""
    earlier = find_earlier(paths, name)
    try:
        header = VaultHeader.from_bytes((earlier.path / HEADER).read_bytes())
    except HeaderDamaged as exc:
        raise BackupError(DAMAGED, path=str(earlier.path)) from exc
    data_key = _open_header(header, passphrase, recovery_key, str(earlier.path))
    files = [file for file in (HEADER, DATABASE, WAL) if (earlier.path / file).is_file()]
    needed = sum((earlier.path / file).stat().st_size for file in files)
    return _stage_and_swap(
        paths,
        data_key,
        needed,
        lambda staged: _copy_files(earlier.path, staged.data_dir, files),
        str(earlier.path),
        clock or SystemClock(),
        source=earlier.name,
    )


def _open_header(
    header: VaultHeader, passphrase: str | None, recovery_key: str | None, where: str
) -> bytearray:
    """The data key, when the secret opens ``header`` and its MAC holds; nothing is written."""
    try:
        if passphrase is not None:
            kdf, salt = header.passphrase_kdf()
            data_key = header.unwrap(SLOT_PASSPHRASE, derive_key(passphrase, salt, kdf))
            if data_key is None:
                raise WrongPassphrase()
        elif recovery_key is not None:
            secret = recovery.parse_recovery_key(recovery_key)
            if SLOT_RECOVERY not in header.slots:
                raise WrongRecoveryKey(NO_RECOVERY_KEY)
            salt = b64d(header.slots[SLOT_RECOVERY].get("salt"), "the recovery salt")
            data_key = header.unwrap(SLOT_RECOVERY, recovery.recovery_wrap_key(secret, salt))
            if data_key is None:
                raise WrongRecoveryKey()
        else:
            raise WrongPassphrase()
        header.verify_mac(subkey(data_key, "header mac"))
    except HeaderDamaged as exc:
        # The backup's header, not the journal's: said as a damaged backup.
        raise BackupError(DAMAGED, path=where) from exc
    return bytearray(data_key)


def _stage_and_swap(
    paths: AppPaths,
    data_key: bytearray,
    needed: int,
    write: Callable[[AppPaths], None],
    where: str,
    clock: Clock,
    source: str | None = None,
) -> Path | None:
    """Stage, check and swap, holding the vault's writer lock throughout: never while the app
    or another command has the journal (counted: the app's own claim around it is shared)."""
    try:
        _check_space(paths, needed)
        try:
            paths.ensure()
        except OSError as exc:
            raise _not_restored(paths, exc, needed) from exc
        claim = WriterLock(paths.data_dir).acquire()
    except BaseException:
        _wipe(data_key)
        raise
    try:
        restore_log.refuse_while_half_done(paths)
        try:
            staging, files = _stage(paths, data_key, needed, write, where)
        finally:
            _wipe(data_key)
        restore_log.reached("staged")
        plan = restore_log.Plan(
            staging=staging.name,
            replaced=restore_log.new_replaced_name(paths, clock.now()),
            files=files,
            source=source,
        )
        try:
            return restore_log.swap(paths, plan)
        except OSError as exc:  # undone: the vault is as it was
            raise _not_restored(paths, exc, needed) from exc
    finally:
        claim.release()  # as the OS does when a process is killed


def _wipe(data_key: bytearray) -> None:
    for index in range(len(data_key)):  # best effort, as UnlockedVault.lock does
        data_key[index] = 0


def _stage(
    paths: AppPaths,
    data_key: bytearray,
    needed: int,
    write: Callable[[AppPaths], None],
    where: str,
) -> tuple[Path, dict[str, str]]:
    """The incoming vault, written and checked in a new staging folder; with its files'
    digests. A failure removes the folder (a crash leaves it to the next start)."""
    try:
        staging = Path(tempfile.mkdtemp(prefix=restore_log.STAGING_PREFIX, dir=paths.data_dir))
    except OSError as exc:
        raise _not_restored(paths, exc, needed) from exc
    try:
        staged = AppPaths(staging)
        write(staged)
        _check(staged, bytes(data_key), where)
        return staging, _settle(staging)
    except OSError as exc:
        _remove(staging)
        raise _not_restored(paths, exc, needed) from exc
    except Exception:
        _remove(staging)
        raise


def _check(staged: AppPaths, data_key: bytes, where: str) -> None:
    """The staged copy opens whole under ``data_key``: its header as written, every page."""
    # Loaded here: SQLAlchemy is slow to import (see UnlockedVault.open_database).
    from carecompanion.storage.database import Database
    from carecompanion.storage.schema_version import SchemaState, schema_state

    try:
        header = VaultHeader.from_bytes(staged.header_file.read_bytes())
        header.verify_mac(subkey(data_key, "header mac"))
    except HeaderDamaged as exc:
        raise BackupError(DAMAGED, path=where) from exc
    if staged.database_file.stat().st_size == 0:
        raise BackupError(DAMAGED, path=where)
    database = Database(staged.database_file, subkey(data_key, "sqlcipher"))
    try:
        database.check_integrity()  # every page: Check.FULL
        state = schema_state(database.engine)
        # A header and a database that do not belong together would not unlock.
        binding.check(binding.read(database.engine), header.generation)
    except (DatabaseDamaged, VaultMismatch) as exc:
        # The backup's fault, not the journal's: never said as a damaged journal.
        raise BackupError(DAMAGED, path=where) from exc
    finally:
        database.close()
    if state is SchemaState.NEWER:
        raise NewerVaultVersion()
    if state is SchemaState.EMPTY:
        raise BackupError(DAMAGED, path=where)


def _settle(staging: Path) -> dict[str, str]:
    """The staged files as they will move in, with their digests. SQLite rebuilds the shared
    memory file; an empty write-ahead log is nothing to carry."""
    (staging / SHM).unlink(missing_ok=True)
    wal = staging / WAL
    if wal.exists() and wal.stat().st_size == 0:
        wal.unlink()
    return {
        name: restore_log.digest(staging / name) for name in IN_ORDER if (staging / name).is_file()
    }


def _copy_files(source: Path, target: Path, names: list[str]) -> None:
    """Copy a vault's files (ciphertext, like the source) into ``target``, durably."""
    for name in names:
        destination = target / name
        with open(source / name, "rb") as reader, open(destination, "wb") as sink:
            shutil.copyfileobj(reader, sink)
            sink.flush()
            os.fsync(sink.fileno())
        os.chmod(destination, 0o600)


def _check_space(paths: AppPaths, needed: int) -> None:
    """Say so before writing anything when the staged copy cannot fit."""
    folder = paths.data_dir
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return  # unknown: the copy itself will say
    if free < needed + SPACE_MARGIN:
        raise _no_space(paths, needed)


def _no_space(paths: AppPaths, needed: int) -> BackupError:
    megabytes = -(-(needed + SPACE_MARGIN) // 1_000_000)  # rounded up
    return BackupError(NO_SPACE, where=str(paths.data_dir), size=megabytes)


def _not_restored(paths: AppPaths, exc: OSError, needed: int) -> BackupError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return _no_space(paths, needed)
    return BackupError(
        NOT_RESTORED, where=str(paths.data_dir), reason=exc.strerror or type(exc).__name__
    )


def _remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
