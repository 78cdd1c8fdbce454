"""Backups: consistent, still-encrypted copies of the vault, rotated 7 daily + 4 weekly.

A backup file is a zip (stored, not compressed: its members are ciphertext) holding the
vault header and an online-backup copy of the SQLCipher database. Without the passphrase or
the recovery key it is useless, exactly like the vault itself. It belongs to the vault, not
to storage: a backup is the header (the vault's) and the database (storage's) together.
"""

from __future__ import annotations

import builtins
import contextlib
import json
import os
import re
import shutil
import stat
import tempfile
import time
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from carecompanion.atomic import fsync_dir
from carecompanion.clock import Clock
from carecompanion.errors import Notice, Sentence
from carecompanion.paths import AppPaths
from carecompanion.storage.errors import DiskFull, NoPermission, ReadOnlyDisk, StorageError
from carecompanion.storage.faults import disk_fault, free_space
from carecompanion.vault.errors import BackupError, BackupNoSpace, HeaderDamaged
from carecompanion.vault.header import VaultHeader

if TYPE_CHECKING:  # only named here; importing it (SQLAlchemy) is vault.vault's business
    from carecompanion.storage.database import Database

SUFFIX = ".ccbackup"
FORMAT = "carecompanion-backup"
MANIFEST = "carecompanion-backup.json"
HEADER_MEMBER = "vault.header"
DATABASE_MEMBER = "vault.db"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
_AUTO_PREFIX = "auto-"
_SQLITE_PLAINTEXT_MAGIC = b"SQLite format 3\x00"
NOT_WRITTEN = Sentence("backup.not_written", "The backup could not be written to {path}: {reason}.")
NOT_A_BACKUP = Sentence("backup.not_a_backup", "{path} is not a CareCompanion backup file.")
UNENCRYPTED = Sentence("backup.unencrypted", "{path} holds an unencrypted database: refused.")
DAMAGED = Sentence("backup.damaged", "{path} is damaged and cannot be restored.")
NOT_ALLOWED = Sentence(
    "backup.not_allowed",
    "The backup could not be written to {path}: that place is read-only, or CareCompanion "
    "may not write there. Choose another place, then try again. Your journal was not changed.",
)
SKIPPED_NO_SPACE = Sentence(
    "backup.skipped_no_space",
    "Today's automatic backup was skipped: the disk is nearly full. Your journal is safe; "
    "free some space, and it will be backed up the next time you open it.",
)
#: Room the daily backup must leave on the disk, so it never takes the last space the
#: journal itself needs to save today's entry.
BACKUP_HEADROOM = 16 * 1024 * 1024
#: A backup's temporary files, as write_backup names them: the zip being written
#: (".NAME.ccbackup.RANDOM.tmp", RANDOM from mkstemp), the database copy beside it
#: ("….tmp.db") and SQLite's journal of that copy. Only these are ever removed as leftovers.
_TEMP_NAME = re.compile(r"\..+\.ccbackup\.[a-z0-9_]{8}\.tmp(\.db(-journal|-wal|-shm)?)?")
#: Younger temporary files may be another process's backup, still being written.
STALE_AFTER_SECONDS = 3600
#: What reading a damaged member raises: a bad CRC, a member cut short, broken compression.
_UNREADABLE_MEMBER = (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    day: date


@dataclass(frozen=True)
class DailyBackup:
    """What the daily backup did: wrote ``path``, was ``skipped`` (the notice says why, for
    the person), or neither (one was already taken today)."""

    path: Path | None = None
    skipped: Notice | None = None


def write_backup(database: Database, header: VaultHeader, out: Path, clock: Clock) -> Path:
    """Write a backup file atomically: a crash leaves no half-written backup behind.

    Its temporary files (the zip being written and the database copy) are private (0600)
    from their first byte and removed whenever writing fails; a killed process's are removed
    by :meth:`BackupRotation.remove_leftovers`. A disk that is full raises BackupNoSpace; one
    that refuses, BackupError with its own sentence.
    """
    out = Path(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_zip = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    except OSError as exc:
        raise _not_written(out, exc) from exc
    os.close(fd)  # mkstemp made it 0600, and ZipFile keeps the mode when it truncates it
    tmp_db = Path(tmp_zip + ".db")
    try:
        database.copy_to(tmp_db)  # makes tmp_db 0600 before SQLite writes a page
        manifest = {
            "format": FORMAT,
            "version": 1,
            "vault_id": header.vault_id,
            "created": clock.now().isoformat(),
        }
        with zipfile.ZipFile(tmp_zip, "w", compression=zipfile.ZIP_STORED) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, sort_keys=True))
            archive.writestr(HEADER_MEMBER, header.to_bytes())
            archive.write(tmp_db, DATABASE_MEMBER)
        with open(tmp_zip, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(tmp_zip, 0o600)
        os.replace(tmp_zip, out)
        fsync_dir(out.parent)
    except OSError as exc:
        raise _not_written(out, exc) from exc
    except (DiskFull, NoPermission, ReadOnlyDisk) as exc:  # the copy's, named by storage
        raise _not_written(out, exc) from exc
    finally:
        for leftover in (Path(tmp_zip), tmp_db, Path(f"{tmp_db}-journal")):
            with contextlib.suppress(OSError):  # never hide why writing failed
                leftover.unlink(missing_ok=True)
    return out


def _not_written(out: Path, exc: OSError | StorageError) -> BackupError:
    """The backup's own words for a disk that refused it: it names the backup file (often
    on a USB stick), not the journal, which was not changed."""
    fault = exc if isinstance(exc, StorageError) else disk_fault(exc, out.parent)
    if isinstance(fault, DiskFull):
        return BackupNoSpace(path=str(out))
    if isinstance(fault, NoPermission | ReadOnlyDisk):
        return BackupError(NOT_ALLOWED, path=str(out))
    reason = exc.strerror if isinstance(exc, OSError) else None
    return BackupError(NOT_WRITTEN, path=str(out), reason=str(reason or exc))


def read_backup(path: Path) -> tuple[VaultHeader, zipfile.ZipFile]:
    """Open and check a backup file; the caller closes the returned archive."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise BackupError(NOT_A_BACKUP, path=str(path)) from exc
    try:
        names = set(archive.namelist())
        if names != {MANIFEST, HEADER_MEMBER, DATABASE_MEMBER}:
            raise BackupError(NOT_A_BACKUP, path=str(path))
        manifest = json.loads(archive.read(MANIFEST))
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise BackupError(NOT_A_BACKUP, path=str(path))
        header = VaultHeader.from_bytes(archive.read(HEADER_MEMBER))
        with archive.open(DATABASE_MEMBER) as member:
            if member.read(16) == _SQLITE_PLAINTEXT_MAGIC:
                raise BackupError(UNENCRYPTED, path=str(path))
    except (*_UNREADABLE_MEMBER, ValueError, RecursionError, KeyError, HeaderDamaged) as exc:
        # ValueError: JSON. A damaged header here is the backup's, never the journal's.
        archive.close()
        raise BackupError(DAMAGED, path=str(path)) from exc
    except BaseException:
        archive.close()
        raise
    return header, archive


def extract_backup(archive: zipfile.ZipFile, target: AppPaths) -> None:
    """Write a checked backup's header and database, as they are (ciphertext), into
    ``target`` (an empty folder), private from the first byte. A member that fails its CRC
    or ends early is a damaged backup (BackupError); a disk that refuses is an OSError."""
    target.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    for member, destination in (
        (HEADER_MEMBER, target.header_file),
        (DATABASE_MEMBER, target.database_file),
    ):
        try:
            with archive.open(member) as source:
                descriptor = os.open(destination, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                with os.fdopen(descriptor, "wb") as sink:
                    shutil.copyfileobj(source, sink)
                    sink.flush()
                    os.fsync(sink.fileno())
        except _UNREADABLE_MEMBER as exc:
            raise BackupError(DAMAGED, path=str(archive.filename)) from exc
        os.chmod(destination, 0o600)


class BackupRotation:
    """The automatic backups in the data folder."""

    def __init__(self, paths: AppPaths, clock: Clock) -> None:
        self.paths = paths
        self.clock = clock

    def _today(self) -> date:
        return self.clock.now().astimezone().date()

    def list(self) -> builtins.list[BackupInfo]:
        """Automatic backups, newest first."""
        found: list[BackupInfo] = []
        if not self.paths.backups_dir.is_dir():
            return found
        for path in self.paths.backups_dir.glob(f"{_AUTO_PREFIX}*{SUFFIX}"):
            stamp = path.name[len(_AUTO_PREFIX) : -len(SUFFIX)]
            try:
                found.append(BackupInfo(path, datetime.strptime(stamp, "%Y-%m-%d").date()))
            except ValueError:
                continue
        return sorted(found, key=lambda info: info.day, reverse=True)

    def is_due(self) -> bool:
        backups = self.list()
        return not backups or backups[0].day < self._today()

    def take_if_due(self, database: Database, header: VaultHeader) -> DailyBackup:
        """Today's backup, unless one was taken today; first, a killed backup's leftovers go.

        Skipped, with a notice for the person, when the disk is short of space (measured
        first) or fills up part way: a backup must never stand between a person and their
        journal, nor take the last space it needs. A journal found damaged while it is
        copied still raises (DatabaseDamaged), so no good backup is rotated away."""
        self.remove_leftovers()
        if not self.is_due():
            return DailyBackup()
        if not self.has_room_for(database):
            return DailyBackup(skipped=SKIPPED_NO_SPACE())
        out = self.today_path()
        try:
            write_backup(database, header, out, self.clock)
        except BackupNoSpace:  # the measure was right a moment ago; the disk filled since
            return DailyBackup(skipped=SKIPPED_NO_SPACE())
        self.rotate()
        return DailyBackup(path=out)

    def today_path(self) -> Path:
        """Where today's automatic backup is (or goes)."""
        return self.paths.backups_dir / f"{_AUTO_PREFIX}{self._today().isoformat()}{SUFFIX}"

    def has_room_for(self, database: Database) -> bool:
        """Room for a backup of ``database`` and the headroom after it. For a moment the
        copy and the zip holding it are both on disk: twice the journal (with its WAL, an
        upper bound of the copy)."""
        size = 0
        for path in (database.path, Path(f"{database.path}-wal")):
            with contextlib.suppress(OSError):
                size += path.stat().st_size
        free = free_space(self.paths.backups_dir)
        return free is None or free >= 2 * size + BACKUP_HEADROOM

    def remove_leftovers(self) -> builtins.list[Path]:
        """Remove what backups killed part way (a crash, a power cut) left in the backups
        folder: only files named as write_backup names its temporary files, and only when
        older than STALE_AFTER_SECONDS (a younger one may be another process's backup under
        way). Returns what was removed."""
        removed: list[Path] = []
        try:
            candidates = [
                p for p in self.paths.backups_dir.iterdir() if _TEMP_NAME.fullmatch(p.name)
            ]
        except OSError:
            return removed  # no backups folder (yet), or it cannot be read: nothing to do
        now = time.time()
        for path in candidates:
            try:
                info = path.lstat()
                if not stat.S_ISREG(info.st_mode) or now - info.st_mtime < STALE_AFTER_SECONDS:
                    continue
                path.unlink()
            except OSError:
                continue  # gone already, or not ours to remove after all: left alone
            removed.append(path)
        return removed

    def rotate(self) -> builtins.list[Path]:
        """Keep the 7 newest daily backups and the newest of each of the 4 weeks before."""
        backups = self.list()
        daily = backups[:KEEP_DAILY]
        keep = {info.path for info in daily}
        # A week the daily backups already reach into is not one of the weeks "before".
        weeks_seen: set[tuple[int, int]] = {info.day.isocalendar()[:2] for info in daily}
        weeks_kept = 0
        for info in backups[KEEP_DAILY:]:
            week = info.day.isocalendar()[:2]
            if week in weeks_seen or weeks_kept >= KEEP_WEEKLY:
                continue
            weeks_seen.add(week)
            weeks_kept += 1
            keep.add(info.path)
        removed = [info.path for info in backups if info.path not in keep]
        for path in removed:
            path.unlink(missing_ok=True)
        return removed
