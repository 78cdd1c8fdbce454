"""Backups: consistent, still-encrypted copies of the vault, rotated 7 daily + 4 weekly.

A backup file is a zip (stored, not compressed: its members are ciphertext) holding the
vault header and an online-backup copy of the SQLCipher database. Without the passphrase or
the recovery key it is useless, exactly like the vault itself. It belongs to the vault, not
to storage: a backup is the header (the vault's) and the database (storage's) together.
"""

from __future__ import annotations

import builtins
import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from carecompanion.atomic import fsync_dir
from carecompanion.clock import Clock
from carecompanion.errors import Sentence
from carecompanion.paths import AppPaths
from carecompanion.vault.errors import BackupError
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


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    day: date


def write_backup(database: Database, header: VaultHeader, out: Path, clock: Clock) -> Path:
    """Write a backup file atomically: a crash leaves no half-written backup behind."""
    out = Path(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_zip = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    except OSError as exc:
        raise BackupError(NOT_WRITTEN, path=str(out), reason=str(exc.strerror)) from exc
    os.close(fd)
    tmp_db = Path(tmp_zip + ".db")
    try:
        database.copy_to(tmp_db)
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
        raise BackupError(NOT_WRITTEN, path=str(out), reason=str(exc.strerror)) from exc
    finally:
        for leftover in (Path(tmp_zip), tmp_db):
            leftover.unlink(missing_ok=True)
    return out


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
    except (zipfile.BadZipFile, ValueError, RecursionError, KeyError) as exc:  # ValueError: JSON
        archive.close()
        raise BackupError(DAMAGED, path=str(path)) from exc
    except BaseException:
        archive.close()
        raise
    return header, archive


def extract_backup(archive: zipfile.ZipFile, target: AppPaths) -> None:
    """Write a checked backup's header and database into ``target`` (an empty folder)."""
    target.ensure()
    for member, destination in (
        (HEADER_MEMBER, target.header_file),
        (DATABASE_MEMBER, target.database_file),
    ):
        with archive.open(member) as source, open(destination, "wb") as sink:
            shutil.copyfileobj(source, sink)
            sink.flush()
            os.fsync(sink.fileno())
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

    def take_if_due(self, database: Database, header: VaultHeader) -> Path | None:
        if not self.is_due():
            return None
        out = self.paths.backups_dir / f"{_AUTO_PREFIX}{self._today().isoformat()}{SUFFIX}"
        write_backup(database, header, out, self.clock)
        self.rotate()
        return out

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
