"""Backups: automatic daily copies with rotation, manual backup files, and restoring them."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from carecompanion.clock import FixedClock
from carecompanion.journal.service import JournalService
from carecompanion.paths import AppPaths
from carecompanion.vault.backup import (
    DATABASE_MEMBER,
    HEADER_MEMBER,
    MANIFEST,
    BackupRotation,
    read_backup,
)
from carecompanion.vault.errors import (
    BackupError,
    DatabaseDamaged,
    HeaderDamaged,
    WrongPassphrase,
    WrongRecoveryKey,
)
from carecompanion.vault.vault import UnlockedVault, Vault, restore_backup
from tests.helpers import GOOD_PASSPHRASE, OTHER_PASSPHRASE, START, hash_tree

Lock = Callable[[UnlockedVault], UnlockedVault]
DAY = 86400


def auto_backups(paths: AppPaths) -> list[str]:
    return sorted(p.name for p in paths.backups_dir.glob("auto-*.ccbackup"))


def titles(unlocked: UnlockedVault, clock: FixedClock) -> list[str]:
    return sorted(s.title for s in JournalService(unlocked.database, clock).list_summaries())


# -- automatic daily backups ----------------------------------------------------------------------
def test_unlock_takes_at_most_one_backup_a_day(
    unlocked_vault: UnlockedVault, paths: AppPaths, clock: FixedClock, autolock: Lock
) -> None:
    unlocked_vault.lock()
    assert auto_backups(paths) == []  # creating a vault takes none
    autolock(Vault(paths, clock).unlock(GOOD_PASSPHRASE)).lock()
    assert auto_backups(paths) == ["auto-2026-03-03.ccbackup"]
    first = hash_tree(paths.backups_dir)
    clock.advance(3600)
    autolock(Vault(paths, clock).unlock(GOOD_PASSPHRASE)).lock()
    assert hash_tree(paths.backups_dir) == first  # not even rewritten
    clock.advance(DAY)
    autolock(Vault(paths, clock).unlock(GOOD_PASSPHRASE)).lock()
    assert auto_backups(paths) == ["auto-2026-03-03.ccbackup", "auto-2026-03-04.ccbackup"]


def test_daily_backup_opens_and_holds_the_journal(
    unlocked_vault: UnlockedVault,
    paths: AppPaths,
    clock: FixedClock,
    autolock: Lock,
    tmp_path: Path,
) -> None:
    JournalService(unlocked_vault.database, clock).add("in the daily backup", "")
    unlocked_vault.lock()
    autolock(Vault(paths, clock).unlock(GOOD_PASSPHRASE)).lock()
    backup = paths.backups_dir / "auto-2026-03-03.ccbackup"
    elsewhere = AppPaths(tmp_path / "elsewhere")
    assert restore_backup(backup, elsewhere, passphrase=GOOD_PASSPHRASE, clock=clock) is None
    assert titles(autolock(Vault(elsewhere, clock).unlock(GOOD_PASSPHRASE)), clock) == [
        "in the daily backup"
    ]


def test_unlock_rotates_old_automatic_backups(
    unlocked_vault: UnlockedVault, paths: AppPaths, clock: FixedClock, autolock: Lock
) -> None:
    unlocked_vault.lock()
    for days_ago in range(1, 41):
        day = START.date() - timedelta(days=days_ago)
        (paths.backups_dir / f"auto-{day.isoformat()}.ccbackup").write_bytes(b"")
    autolock(Vault(paths, clock).unlock(GOOD_PASSPHRASE))
    assert len(auto_backups(paths)) == 7 + 4
    assert "auto-2026-03-03.ccbackup" in auto_backups(paths)


# -- rotation ---------------------------------------------------------------------------------
def _make_auto_files(paths: AppPaths, days: list[date]) -> None:
    paths.ensure()
    for day in days:
        (paths.backups_dir / f"auto-{day.isoformat()}.ccbackup").write_bytes(b"")


def _kept(paths: AppPaths) -> set[str]:
    return {p.name for p in paths.backups_dir.iterdir()}


def _names(*days: str) -> set[str]:
    return {f"auto-{d}.ccbackup" for d in days}


def test_rotation_keeps_seven_daily_and_four_weekly(paths: AppPaths, clock: FixedClock) -> None:
    # Sixty consecutive days ending Tuesday 2026-03-03 (ISO week 10).
    last = START.date()
    _make_auto_files(paths, [last - timedelta(days=n) for n in range(60)])
    removed = BackupRotation(paths, clock).rotate()

    # Worked out by hand from a calendar. ISO weeks of 2026 start on Mondays:
    # W05 Jan 26, W06 Feb 2, W07 Feb 9, W08 Feb 16, W09 Feb 23, W10 Mar 2.
    daily = _names(
        "2026-03-03",
        "2026-03-02",
        "2026-03-01",
        "2026-02-28",
        "2026-02-27",
        "2026-02-26",
        "2026-02-25",
    )
    # The dailies cover W10 and W09, so the weekly copies are the newest of the four weeks
    # before: Sunday of W08, W07, W06 and W05.
    weekly = _names("2026-02-22", "2026-02-15", "2026-02-08", "2026-02-01")
    assert _kept(paths) == daily | weekly
    assert len(removed) == 60 - 11
    assert not {p.name for p in removed} & (daily | weekly)
    # Rotating again changes nothing.
    assert BackupRotation(paths, clock).rotate() == []
    assert _kept(paths) == daily | weekly


def test_rotation_with_gaps_between_backups(paths: AppPaths, clock: FixedClock) -> None:
    # Someone who opens the journal every third day, from Monday 2026-01-05 to Tuesday 03-03.
    days = [date(2026, 1, 5) + timedelta(days=3 * n) for n in range(20)]
    assert days[-1] == date(2026, 3, 3)
    _make_auto_files(paths, days)
    BackupRotation(paths, clock).rotate()
    # The seven newest backups, whatever days they fall on...
    daily = _names(
        "2026-03-03",
        "2026-02-28",
        "2026-02-25",
        "2026-02-22",
        "2026-02-19",
        "2026-02-16",
        "2026-02-13",
    )
    # ...reach back into W07 (Feb 9-15), so Feb 10 is not a weekly copy; then the newest of
    # W06 (Feb 2-8), W05 (Jan 26-Feb 1), W04 (Jan 19-25) and W03 (Jan 12-18).
    weekly = _names("2026-02-07", "2026-02-01", "2026-01-23", "2026-01-17")
    assert _kept(paths) == daily | weekly


def test_rotation_keeps_everything_when_there_are_few(paths: AppPaths, clock: FixedClock) -> None:
    _make_auto_files(paths, [START.date() - timedelta(days=n) for n in range(7)])
    assert BackupRotation(paths, clock).rotate() == []
    assert len(_kept(paths)) == 7


def test_rotation_leaves_other_files_alone(paths: AppPaths, clock: FixedClock) -> None:
    _make_auto_files(paths, [START.date() - timedelta(days=n) for n in range(60)])
    others = [
        "before-upgrade-20250101-000000.ccbackup",
        "my-own.ccbackup",
        "auto-not-a-date.ccbackup",
        "auto-2020-01-01.txt",
        "notes.txt",
    ]
    for name in others:
        (paths.backups_dir / name).write_bytes(b"")
    BackupRotation(paths, clock).rotate()
    kept = _kept(paths)
    assert set(others) <= kept
    assert len(kept - set(others)) == 11


def test_rotation_list_is_newest_first(paths: AppPaths, clock: FixedClock) -> None:
    _make_auto_files(paths, [date(2026, 2, 1), date(2026, 3, 1), date(2025, 12, 31)])
    listed = [info.day for info in BackupRotation(paths, clock).list()]
    assert listed == [date(2026, 3, 1), date(2026, 2, 1), date(2025, 12, 31)]


def test_backup_is_due_once_a_day(paths: AppPaths, clock: FixedClock) -> None:
    rotation = BackupRotation(paths, clock)
    assert rotation.is_due()  # no backups folder yet
    _make_auto_files(paths, [START.date() - timedelta(days=1)])
    assert rotation.is_due()
    _make_auto_files(paths, [START.date()])
    assert not rotation.is_due()


# -- manual backups and restore --------------------------------------------------------------------
def test_backup_and_restore_round_trip(
    unlocked_vault: UnlockedVault,
    paths: AppPaths,
    clock: FixedClock,
    autolock: Lock,
    tmp_path: Path,
) -> None:
    journal = JournalService(unlocked_vault.database, clock)
    journal.add("before the backup", "kept")
    out = unlocked_vault.backup_to(tmp_path / "saved" / "mine.ccbackup")
    assert out == tmp_path / "saved" / "mine.ccbackup"
    assert out.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in out.parent.iterdir()] == ["mine.ccbackup"]  # no temp files left
    journal.add("after the backup", "gone after the restore")
    vault_id = unlocked_vault.vault_id
    unlocked_vault.lock()

    clock.advance(DAY)
    replaced = restore_backup(out, paths, passphrase=GOOD_PASSPHRASE, clock=clock)
    assert replaced == paths.data_dir / "replaced-20260304-120000"
    assert sorted(p.name for p in replaced.iterdir()) == ["vault.db", "vault.header"]
    assert not list(paths.data_dir.glob(".restore-*"))

    restored = autolock(Vault(paths, clock).unlock(GOOD_PASSPHRASE))
    assert restored.vault_id == vault_id
    assert titles(restored, clock) == ["before the backup"]
    # The replaced vault is kept whole: it still opens, with both entries.
    kept = autolock(Vault(AppPaths(replaced), clock).unlock(GOOD_PASSPHRASE))
    assert titles(kept, clock) == ["after the backup", "before the backup"]


def test_restore_with_the_recovery_key(
    vault_with_key: tuple[UnlockedVault, str],
    paths: AppPaths,
    clock: FixedClock,
    autolock: Lock,
    tmp_path: Path,
) -> None:
    unlocked, recovery_key = vault_with_key
    JournalService(unlocked.database, clock).add("saved", "")
    out = unlocked.backup_to(tmp_path / "b.ccbackup")
    unlocked.change_passphrase(OTHER_PASSPHRASE)  # the backup still has the old passphrase
    unlocked.lock()
    restore_backup(out, paths, recovery_key=recovery_key, clock=clock)
    assert titles(autolock(Vault(paths, clock).unlock(GOOD_PASSPHRASE)), clock) == ["saved"]


def test_restore_twice_in_the_same_second(
    unlocked_vault: UnlockedVault,
    paths: AppPaths,
    clock: FixedClock,
    autolock: Lock,
    tmp_path: Path,
) -> None:
    out = unlocked_vault.backup_to(tmp_path / "b.ccbackup")
    unlocked_vault.lock()
    first = restore_backup(out, paths, passphrase=GOOD_PASSPHRASE, clock=clock)
    second = restore_backup(out, paths, passphrase=GOOD_PASSPHRASE, clock=clock)
    assert first == paths.data_dir / "replaced-20260303-120000"
    assert second == paths.data_dir / "replaced-20260303-120000-2"
    assert (first / "vault.header").is_file() and (second / "vault.header").is_file()
    autolock(Vault(paths, clock).unlock(GOOD_PASSPHRASE))


def test_restore_into_an_empty_folder(
    unlocked_vault: UnlockedVault, clock: FixedClock, autolock: Lock, tmp_path: Path
) -> None:
    out = unlocked_vault.backup_to(tmp_path / "b.ccbackup")
    target = AppPaths(tmp_path / "new-computer")
    assert restore_backup(out, target, passphrase=GOOD_PASSPHRASE, clock=clock) is None
    assert sorted(p.name for p in target.data_dir.iterdir()) == [
        "backups",
        "vault.db",
        "vault.header",
        "vault.lock",  # the writer's lock, taken while restoring (vault/writer_lock.py)
        "vault.lock.app",  # made with it (the app holds it while it has the vault)
    ]
    autolock(Vault(target, clock).unlock(GOOD_PASSPHRASE))


@pytest.mark.parametrize(
    ("secrets", "error"),
    [
        ({"passphrase": OTHER_PASSPHRASE}, WrongPassphrase),
        ({"recovery_key": "0000-0000-0000-0000-0000-0000-0000-0000-0000"}, WrongRecoveryKey),
        ({}, WrongPassphrase),
    ],
)
def test_restore_with_a_wrong_secret_changes_nothing(
    unlocked_vault: UnlockedVault,
    paths: AppPaths,
    clock: FixedClock,
    tmp_path: Path,
    secrets: dict[str, str],
    error: type[Exception],
) -> None:
    out = unlocked_vault.backup_to(tmp_path / "b.ccbackup")
    unlocked_vault.lock()
    before = hash_tree(paths.data_dir)
    with pytest.raises(error):
        restore_backup(out, paths, clock=clock, **secrets)
    assert hash_tree(paths.data_dir) == before
    assert sorted(p.name for p in paths.data_dir.iterdir()) == [
        "backups",
        "vault.db",
        "vault.header",
        "vault.lock",  # the writer's lock file, from when the vault was made
        "vault.lock.app",  # made with it (the app holds it while it has the vault)
    ]


def _rewrite_zip(source: Path, target: Path, replace: dict[str, bytes | None]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for name in old.namelist():
            if name in replace:
                continue
            new.writestr(name, old.read(name))
        for name, data in replace.items():
            if data is not None:
                new.writestr(name, data)
    return target


def _plaintext_sqlite(path: Path) -> bytes:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE journal_entries (title TEXT)")
    conn.execute("INSERT INTO journal_entries VALUES ('in the clear')")
    conn.commit()
    conn.close()
    return path.read_bytes()


def test_refuses_files_that_are_not_backups(
    unlocked_vault: UnlockedVault, paths: AppPaths, clock: FixedClock, tmp_path: Path
) -> None:
    good = unlocked_vault.backup_to(tmp_path / "good.ccbackup")
    unlocked_vault.lock()
    before = hash_tree(paths.data_dir)

    not_zip = tmp_path / "notes.txt"
    not_zip.write_text("just some notes")
    missing = tmp_path / "missing.ccbackup"
    other_zip = tmp_path / "photos.zip"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("photo.jpg", b"\xff\xd8")
    candidates = [
        not_zip,
        missing,
        other_zip,
        _rewrite_zip(
            good,
            tmp_path / "plaintext.ccbackup",
            {DATABASE_MEMBER: _plaintext_sqlite(tmp_path / "plain.db")},
        ),
        _rewrite_zip(good, tmp_path / "extra.ccbackup", {"extra.txt": b"hello"}),
        _rewrite_zip(good, tmp_path / "no-db.ccbackup", {DATABASE_MEMBER: None}),
        _rewrite_zip(good, tmp_path / "bad-manifest.ccbackup", {MANIFEST: b"{not json"}),
        _rewrite_zip(good, tmp_path / "utf8-manifest.ccbackup", {MANIFEST: b"\x80\x81 not text"}),
        _rewrite_zip(good, tmp_path / "deep-manifest.ccbackup", {MANIFEST: b"[" * 50_000}),
        _rewrite_zip(good, tmp_path / "list-manifest.ccbackup", {MANIFEST: b"[]"}),
        _rewrite_zip(
            good,
            tmp_path / "other-format.ccbackup",
            {MANIFEST: json.dumps({"format": "something-else"}).encode()},
        ),
    ]
    for candidate in candidates:
        with pytest.raises(BackupError):
            restore_backup(candidate, paths, passphrase=GOOD_PASSPHRASE, clock=clock)
        assert hash_tree(paths.data_dir) == before, candidate
    with pytest.raises(BackupError, match="unencrypted"):
        read_backup(tmp_path / "plaintext.ccbackup")


def test_refuses_a_backup_with_a_damaged_header_or_database(
    unlocked_vault: UnlockedVault, paths: AppPaths, clock: FixedClock, tmp_path: Path
) -> None:
    JournalService(unlocked_vault.database, clock).add("x", "y" * 20_000)
    good = unlocked_vault.backup_to(tmp_path / "good.ccbackup")
    unlocked_vault.lock()
    before = hash_tree(paths.data_dir)
    with zipfile.ZipFile(good) as archive:
        header = json.loads(archive.read(HEADER_MEMBER))
        database = bytearray(archive.read(DATABASE_MEMBER))
    header["created"] = "1999-01-01"
    database[len(database) // 2] ^= 0xFF
    bad_header = _rewrite_zip(
        good, tmp_path / "h.ccbackup", {HEADER_MEMBER: json.dumps(header).encode()}
    )
    bad_database = _rewrite_zip(good, tmp_path / "d.ccbackup", {DATABASE_MEMBER: bytes(database)})
    # Said as a damaged backup, never as if the journal in place were damaged (issue 15).
    for damaged in (bad_header, bad_database):
        with pytest.raises(BackupError, match="damaged and cannot be restored") as refused:
            restore_backup(damaged, paths, passphrase=GOOD_PASSPHRASE, clock=clock)
        assert not isinstance(refused.value, DatabaseDamaged | HeaderDamaged)
    assert hash_tree(paths.data_dir) == before
    assert not list(paths.data_dir.glob(".restore-*"))


def test_backup_file_layout(unlocked_vault: UnlockedVault, tmp_path: Path) -> None:
    out = unlocked_vault.backup_to(tmp_path / "b.ccbackup")
    header, archive = read_backup(out)
    with archive:
        assert set(archive.namelist()) == {MANIFEST, HEADER_MEMBER, DATABASE_MEMBER}
        assert all(info.compress_type == zipfile.ZIP_STORED for info in archive.infolist())
        manifest = json.loads(archive.read(MANIFEST))
        assert manifest["format"] == "carecompanion-backup"
        assert manifest["vault_id"] == unlocked_vault.vault_id
        assert manifest["created"] == START.isoformat()
        assert not archive.read(DATABASE_MEMBER).startswith(b"SQLite format 3")
    assert header == unlocked_vault.header


def test_backup_file_holds_no_plaintext(
    unlocked_vault: UnlockedVault, clock: FixedClock, tmp_path: Path
) -> None:
    marker = "unmistakable-diary-words-4417"
    JournalService(unlocked_vault.database, clock).add(marker, marker * 10, [marker])
    out = unlocked_vault.backup_to(tmp_path / "b.ccbackup")
    raw = out.read_bytes()
    assert marker.encode() not in raw
    assert marker.encode("utf-16-le") not in raw
    with zipfile.ZipFile(out) as archive:
        for name in archive.namelist():
            assert marker.encode() not in archive.read(name)


def test_backup_into_a_missing_folder_is_created(
    unlocked_vault: UnlockedVault, tmp_path: Path
) -> None:
    out = unlocked_vault.backup_to(tmp_path / "new" / "folder" / "b.ccbackup")
    assert out.is_file()


def test_backup_that_cannot_be_written(unlocked_vault: UnlockedVault, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(BackupError, match="could not be written"):
        unlocked_vault.backup_to(blocker / "b.ccbackup")
