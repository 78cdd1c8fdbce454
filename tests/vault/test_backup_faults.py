"""Backups on a disk that fills up, and backup files that are damaged.

The daily backup never stands between a person and their journal: skipped, with a notice,
when the disk is nearly full, or when it runs out of space part way. A backup's temporary
files are private and never outlive it. A damaged backup file is called that, never the
live journal.
"""

from __future__ import annotations

import errno
import os
import stat
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from carecompanion.clock import FixedClock
from carecompanion.errors import CareCompanionError
from carecompanion.journal.service import JournalService
from carecompanion.paths import AppPaths
from carecompanion.storage.database import Database
from carecompanion.vault.backup import DATABASE_MEMBER
from carecompanion.vault.errors import BackupError, DatabaseDamaged, HeaderDamaged
from carecompanion.vault.vault import UnlockedVault, Vault, restore_backup
from tests.faults import fail_on_call, low_space
from tests.helpers import GOOD_PASSPHRASE, hash_tree

Lock = Callable[[UnlockedVault], UnlockedVault]
HOUR = 3600


def auto_backups(paths: AppPaths) -> list[str]:
    return sorted(p.name for p in paths.backups_dir.glob("auto-*.ccbackup"))


def _journal_with_words(unlocked: UnlockedVault, clock: FixedClock) -> None:
    journal = JournalService(unlocked.database, clock)
    for number in range(3):
        journal.add(f"Entry {number}", "Some words. " * 2_000)


def _titles(unlocked: UnlockedVault, clock: FixedClock) -> list[str]:
    return sorted(s.title for s in JournalService(unlocked.database, clock).list_summaries())


def _backup_target_fills_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """The backup's copy of the database finds no room: SQLite's backup call fails as on a
    full disk (the target may not grow past one page)."""
    import sqlcipher3.dbapi2 as sqlcipher

    real = sqlcipher.connect

    def connect(path: str, *args: object, **kwargs: object) -> object:
        conn = real(path, *args, **kwargs)
        if str(path).endswith(".tmp.db"):
            conn.execute("PRAGMA max_page_count = 1")
        return conn

    monkeypatch.setattr(sqlcipher, "connect", connect)


def _only_backups_and_nothing_else(paths: AppPaths) -> list[str]:
    return sorted(p.name for p in paths.backups_dir.iterdir())


# -- the daily backup on a nearly full disk (issue 15, finding 1) ------------------------------
def test_a_nearly_full_disk_skips_the_daily_backup_and_still_opens(
    unlocked_vault: UnlockedVault,
    paths: AppPaths,
    clock: FixedClock,
    autolock: Lock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _journal_with_words(unlocked_vault, clock)
    unlocked_vault.lock()
    low_space(monkeypatch, paths.data_dir, free=150 * 1024)  # the finding: 64-200 KB free
    opened = autolock(Vault(paths, clock).unlock(GOOD_PASSPHRASE))
    assert _titles(opened, clock) == ["Entry 0", "Entry 1", "Entry 2"]
    assert auto_backups(paths) == []
    assert _only_backups_and_nothing_else(paths) == []
    notice = opened.maintenance_notice
    assert notice is not None and notice.code == "backup.skipped_no_space"


@pytest.mark.parametrize("where", ["the copy", "the zip"])
def test_a_daily_backup_that_runs_out_of_space_is_skipped(
    unlocked_vault: UnlockedVault,
    paths: AppPaths,
    clock: FixedClock,
    autolock: Lock,
    monkeypatch: pytest.MonkeyPatch,
    where: str,
) -> None:
    """The measure said there was room, then the disk filled part way through."""
    _journal_with_words(unlocked_vault, clock)
    unlocked_vault.lock()
    clock.advance(-86400)
    autolock(Vault(paths, clock).unlock(GOOD_PASSPHRASE)).lock()  # yesterday's backup
    clock.advance(86400)
    before = hash_tree(paths.backups_dir)
    if where == "the copy":
        _backup_target_fills_up(monkeypatch)
    else:
        fail_on_call(monkeypatch, zipfile.ZipFile, "write")
    opened = autolock(Vault(paths, clock).unlock(GOOD_PASSPHRASE))
    assert _titles(opened, clock) == ["Entry 0", "Entry 1", "Entry 2"]
    assert hash_tree(paths.backups_dir) == before, "no temp file left, yesterday's kept"
    notice = opened.maintenance_notice
    assert notice is not None and notice.code == "backup.skipped_no_space"


def test_a_damaged_journal_still_stops_the_daily_backup(
    unlocked_vault: UnlockedVault,
    paths: AppPaths,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Skipping is for space only: a journal that fails its check never replaces a backup."""
    _journal_with_words(unlocked_vault, clock)
    unlocked_vault.lock()
    low_space(monkeypatch, paths.data_dir, free=10 * 1024**3)
    data = bytearray(paths.database_file.read_bytes())
    data[len(data) // 2] ^= 0xFF
    paths.database_file.write_bytes(bytes(data))
    with pytest.raises(DatabaseDamaged):
        Vault(paths, clock).unlock(GOOD_PASSPHRASE)
    assert auto_backups(paths) == []


# -- writing a backup ------------------------------------------------------------------------------
def test_a_backup_s_temporary_files_are_private(
    unlocked_vault: UnlockedVault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, int] = {}
    real_copy = Database.copy_to

    def copy_and_look(database: Database, target: Path) -> None:
        real_copy(database, target)
        for path in target.parent.iterdir():
            seen[path.name] = stat.S_IMODE(path.stat().st_mode)

    monkeypatch.setattr(Database, "copy_to", copy_and_look)
    unlocked_vault.backup_to(tmp_path / "out" / "b.ccbackup")
    assert {name.rsplit(".", 2)[-1] for name in seen} >= {"tmp", "db"}
    assert all(mode == 0o600 for mode in seen.values()), seen


@pytest.mark.parametrize("where", ["the copy", "the zip"])
def test_a_backup_on_a_full_disk_says_so_and_leaves_nothing(
    unlocked_vault: UnlockedVault,
    clock: FixedClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    where: str,
) -> None:
    _journal_with_words(unlocked_vault, clock)
    out = tmp_path / "usb" / "b.ccbackup"
    out.parent.mkdir()
    if where == "the copy":
        _backup_target_fills_up(monkeypatch)
    else:
        fail_on_call(monkeypatch, zipfile.ZipFile, "write")
    with pytest.raises(BackupError) as caught:
        unlocked_vault.backup_to(out)
    assert caught.value.code == "backup.no_space"
    assert str(out) in str(caught.value)
    assert list(out.parent.iterdir()) == []


@pytest.mark.parametrize("code", [errno.EACCES, errno.EROFS])
def test_a_backup_to_a_place_that_cannot_be_written(
    unlocked_vault: UnlockedVault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    out = tmp_path / "cd" / "b.ccbackup"
    out.parent.mkdir()
    fail_on_call(monkeypatch, zipfile.ZipFile, "write", code=code)
    with pytest.raises(BackupError) as caught:
        unlocked_vault.backup_to(out)
    assert caught.value.code == "backup.not_allowed"
    assert list(out.parent.iterdir()) == []


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes whatever the mode"
)
def test_a_backup_into_a_folder_without_write_permission(
    unlocked_vault: UnlockedVault, tmp_path: Path
) -> None:
    """The same refusal for real, where permissions hold (the injected EACCES above runs
    everywhere, CI's root included)."""
    folder = tmp_path / "not-mine"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(BackupError) as caught:
            unlocked_vault.backup_to(folder / "b.ccbackup")
    finally:
        folder.chmod(0o700)
    assert caught.value.code == "backup.not_allowed"
    assert list(folder.iterdir()) == []


def _leftovers(backups: Path, age: float) -> list[Path]:
    """What a backup killed part way leaves behind (named as write_backup names them)."""
    names = [
        ".auto-2026-03-02.ccbackup.k1j2h3g4.tmp",
        ".auto-2026-03-02.ccbackup.k1j2h3g4.tmp.db",
        ".auto-2026-03-02.ccbackup.k1j2h3g4.tmp.db-journal",
        ".before-upgrade-20260301-101010.ccbackup.a_b3c4d5.tmp",
    ]
    made = []
    for name in names:
        path = backups / name
        path.write_bytes(b"half a backup")
        os.chmod(path, 0o644)
        os.utime(path, (time.time() - age, time.time() - age))
        made.append(path)
    return made


def test_leftovers_of_a_killed_backup_are_removed_on_the_next_open(
    unlocked_vault: UnlockedVault, paths: AppPaths, clock: FixedClock, autolock: Lock
) -> None:
    unlocked_vault.lock()
    stale = _leftovers(paths.backups_dir, age=2 * HOUR)
    others = ["notes.tmp", ".notes.tmp", ".mine.ccbackup.tmp", "my-own.ccbackup", ".x.tmp.db"]
    for name in others:
        (paths.backups_dir / name).write_bytes(b"someone else's")
        os.utime(paths.backups_dir / name, (time.time() - 2 * HOUR,) * 2)
    autolock(Vault(paths, clock).unlock(GOOD_PASSPHRASE))
    assert not [path for path in stale if path.exists()]
    assert set(others) <= set(_only_backups_and_nothing_else(paths))
    assert auto_backups(paths) == ["auto-2026-03-03.ccbackup"]


def test_a_backup_under_way_elsewhere_is_left_alone(
    unlocked_vault: UnlockedVault, paths: AppPaths, clock: FixedClock, autolock: Lock
) -> None:
    """Fresh temp files may be another process's backup, still being written."""
    unlocked_vault.lock()
    fresh = _leftovers(paths.backups_dir, age=60)
    autolock(Vault(paths, clock).unlock(GOOD_PASSPHRASE))
    assert all(path.exists() for path in fresh)


# -- damaged backup files (finding 6) -------------------------------------------------------------
def _backup_with_flipped_database_byte(unlocked: UnlockedVault, out: Path) -> Path:
    """A backup whose database member changed after it was written (one bit on a USB stick),
    its zip entry rewritten with a matching CRC: only the database's own page HMACs see it."""
    good = unlocked.backup_to(out.with_name("good.ccbackup"))
    with zipfile.ZipFile(good) as old, zipfile.ZipFile(out, "w") as new:
        for name in old.namelist():
            data = bytearray(old.read(name))
            if name == DATABASE_MEMBER:
                data[len(data) // 2] ^= 0xFF
            new.writestr(name, bytes(data))
    return out


def _backup_with_bad_crc(unlocked: UnlockedVault, out: Path) -> Path:
    """A backup whose database member's bytes changed under the zip's CRC."""
    good = unlocked.backup_to(out.with_name("good-for-crc.ccbackup"))
    raw = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as archive:
        info = archive.getinfo(DATABASE_MEMBER)
    # The member's data start after its local header (30 bytes, the name, the extra field).
    name_length = int.from_bytes(raw[info.header_offset + 26 : info.header_offset + 28], "little")
    extra_length = int.from_bytes(raw[info.header_offset + 28 : info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_length + extra_length
    raw[start + info.compress_size // 2] ^= 0xFF
    out.write_bytes(bytes(raw))
    return out


@pytest.mark.parametrize(
    "damage", [_backup_with_flipped_database_byte, _backup_with_bad_crc], ids=["hmac", "crc"]
)
def test_a_damaged_backup_file_is_called_damaged_not_the_journal(
    unlocked_vault: UnlockedVault,
    paths: AppPaths,
    clock: FixedClock,
    tmp_path: Path,
    damage: Callable[[UnlockedVault, Path], Path],
) -> None:
    JournalService(unlocked_vault.database, clock).add("x", "y" * 20_000)
    bad = damage(unlocked_vault, tmp_path / "bad.ccbackup")
    unlocked_vault.lock()
    before = hash_tree(paths.data_dir)
    with pytest.raises(CareCompanionError) as caught:
        restore_backup(bad, paths, passphrase=GOOD_PASSPHRASE, clock=clock)
    assert isinstance(caught.value, BackupError)
    assert not isinstance(caught.value, DatabaseDamaged | HeaderDamaged)
    assert caught.value.code == "backup.damaged"
    assert str(bad) in str(caught.value)
    assert hash_tree(paths.data_dir) == before
    assert not list(paths.data_dir.glob(".restore-*"))
