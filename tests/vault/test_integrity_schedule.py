"""Where the integrity checks run (issue 17): never on the way to a command; the full check
before a backup and on demand; the app's quick check at most once a day, recorded inside the
encrypted database. Checks are counted by the statements sent, never timed."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from carecompanion.clock import FixedClock
from carecompanion.journal.service import JournalService
from carecompanion.paths import AppPaths
from carecompanion.vault import upkeep
from carecompanion.vault.errors import DatabaseDamaged
from carecompanion.vault.vault import UnlockedVault, Vault
from tests.conftest import VaultFactory
from tests.faults import low_space
from tests.helpers import GOOD_PASSPHRASE, hash_tree
from tests.integrity_checks import any_checks, counted_checks, full_checks

HOUR = 3600


def _with_entries(vault_factory: VaultFactory, clock: FixedClock, count: int = 40) -> None:
    unlocked, _key = vault_factory()
    journal = JournalService(unlocked.database, clock)
    for number in range(count):
        journal.add(f"entry {number}", "words " * 200)
    unlocked.lock()


def _flip_middle_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def _open_for_the_app(paths: AppPaths, clock: FixedClock) -> UnlockedVault:
    return Vault(paths, clock, defer_maintenance=True).unlock(GOOD_PASSPHRASE)


def test_opening_runs_no_check_once_today_s_backup_is_taken(
    vault_factory: VaultFactory, paths: AppPaths, clock: FixedClock
) -> None:
    _with_entries(vault_factory, clock, count=3)
    with counted_checks() as seen:
        Vault(paths, clock).unlock(GOOD_PASSPHRASE).lock()  # the day's backup, checked first
    assert full_checks(seen) == 1
    for _ in range(3):
        clock.advance(HOUR)
        with counted_checks() as seen:
            opened = Vault(paths, clock).unlock(GOOD_PASSPHRASE)
            JournalService(opened.database, clock).list_summaries()
            opened.lock()
            Vault(paths, clock, read_only=True).unlock(GOOD_PASSPHRASE).lock()
        assert any_checks(seen) == 0


def test_every_backup_is_preceded_by_the_full_check(
    vault_factory: VaultFactory, paths: AppPaths, clock: FixedClock, tmp_path: Path
) -> None:
    _with_entries(vault_factory, clock, count=3)
    Vault(paths, clock).unlock(GOOD_PASSPHRASE).lock()
    clock.advance(24 * HOUR)
    with counted_checks() as seen:
        opened = Vault(paths, clock).unlock(GOOD_PASSPHRASE)  # tomorrow's daily backup
    assert full_checks(seen) == 1
    assert len(list(paths.backups_dir.glob("auto-*.ccbackup"))) == 2
    # A backup asked for later in the same session reuses that check; a new session checks.
    with counted_checks() as seen:
        opened.backup_to(tmp_path / "one.ccbackup")
    assert any_checks(seen) == 0
    opened.lock()
    with counted_checks() as seen:
        again = Vault(paths, clock).unlock(GOOD_PASSPHRASE)
        again.backup_to(tmp_path / "two.ccbackup")
        again.lock()
    assert full_checks(seen) == 1


def test_a_damaged_journal_is_never_backed_up(
    vault_factory: VaultFactory, paths: AppPaths, clock: FixedClock, tmp_path: Path
) -> None:
    _with_entries(vault_factory, clock)
    Vault(paths, clock).unlock(GOOD_PASSPHRASE).lock()
    _flip_middle_byte(paths.database_file)
    opened = Vault(paths, clock).unlock(GOOD_PASSPHRASE)  # today's backup is already taken
    try:
        with pytest.raises(DatabaseDamaged):
            opened.backup_to(tmp_path / "copy.ccbackup")
    finally:
        opened.lock()
    assert not (tmp_path / "copy.ccbackup").exists()
    clock.advance(24 * HOUR)
    with pytest.raises(DatabaseDamaged):
        Vault(paths, clock).unlock(GOOD_PASSPHRASE)  # the daily backup's check refuses it
    assert len(list(paths.backups_dir.glob("auto-*.ccbackup"))) == 1


def test_the_app_runs_the_quick_check_at_most_once_a_day(
    vault_factory: VaultFactory,
    paths: AppPaths,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _with_entries(vault_factory, clock, count=3)
    # No room for backups: the daily backup (and the full check before it) is skipped, so
    # only the quick check's own schedule is seen.
    low_space(monkeypatch, paths.data_dir, free=1024)

    def maintenance_checks() -> int:
        with counted_checks() as seen:
            opened = _open_for_the_app(paths, clock)
            notice = opened.run_maintenance(daily_check=True)
            opened.lock()
        assert notice is not None and notice.code == "backup.skipped_no_space"
        assert full_checks(seen) == 0
        return seen["quick_check"]

    assert maintenance_checks() == 1  # never checked: due
    clock.advance(2 * HOUR)
    assert maintenance_checks() == 0
    clock.advance(21 * HOUR)  # 23 hours after the check
    assert maintenance_checks() == 0
    clock.advance(2 * HOUR)  # 25 hours
    assert maintenance_checks() == 1
    assert maintenance_checks() == 0
    clock.advance(-3 * 24 * HOUR)  # the clock was set back: the record is in its future
    assert maintenance_checks() == 1
    assert maintenance_checks() == 0


def test_the_command_line_never_runs_the_quick_check(
    vault_factory: VaultFactory,
    paths: AppPaths,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _with_entries(vault_factory, clock, count=3)
    low_space(monkeypatch, paths.data_dir, free=1024)  # no backup, so no check before one
    for _ in range(3):
        clock.advance(25 * HOUR)
        with counted_checks() as seen:
            Vault(paths, clock).unlock(GOOD_PASSPHRASE).lock()
        assert any_checks(seen) == 0


def test_the_last_check_is_kept_inside_the_encrypted_database_only(
    vault_factory: VaultFactory,
    paths: AppPaths,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _with_entries(vault_factory, clock, count=3)
    low_space(monkeypatch, paths.data_dir, free=1024)
    outside = {
        name: digest
        for name, digest in hash_tree(paths.data_dir).items()
        if not name.startswith("vault.db")
    }
    opened = _open_for_the_app(paths, clock)
    assert upkeep.read(opened.database.engine) == upkeep.Checked()
    opened.run_maintenance(daily_check=True)
    checked = upkeep.read(opened.database.engine)
    assert checked.any == clock.now() and checked.full is None
    clock.advance(HOUR)
    opened.check_integrity(full=True)
    assert upkeep.read(opened.database.engine) == upkeep.Checked(clock.now(), clock.now())
    opened.lock()
    after = {
        name: digest
        for name, digest in hash_tree(paths.data_dir).items()
        if not name.startswith("vault.db")
    }
    assert after == outside, "nothing outside the encrypted database records the check"


def test_a_failed_check_is_not_recorded(
    vault_factory: VaultFactory, paths: AppPaths, clock: FixedClock
) -> None:
    _with_entries(vault_factory, clock)
    Vault(paths, clock).unlock(GOOD_PASSPHRASE).lock()
    opened = _open_for_the_app(paths, clock)
    before = upkeep.read(opened.database.engine)
    opened.lock()
    _flip_middle_byte(paths.database_file)
    clock.advance(25 * HOUR)
    opened = _open_for_the_app(paths, clock)
    try:
        with pytest.raises(DatabaseDamaged):
            opened.check_integrity(full=False)
        assert upkeep.read(opened.database.engine) == before
    finally:
        opened.lock()


def test_checking_on_open_refuses_a_journal_damaged_anywhere(
    vault_factory: VaultFactory, paths: AppPaths, clock: FixedClock
) -> None:
    """What the app asks for after its background check found damage: the next unlock reads
    every page, so it fails there and the app offers the last good backup."""
    _with_entries(vault_factory, clock)
    Vault(paths, clock).unlock(GOOD_PASSPHRASE).lock()
    _flip_middle_byte(paths.database_file)
    with pytest.raises(DatabaseDamaged):
        Vault(paths, clock, defer_maintenance=True, check_on_open=True).unlock(GOOD_PASSPHRASE)


def test_a_day_is_a_day_whatever_the_zone() -> None:
    now = FixedClock().now()
    assert upkeep.Checked(now - timedelta(hours=23, minutes=59)).quick_check_due(now) is False
    assert upkeep.Checked(now - timedelta(days=1)).quick_check_due(now) is True
    assert upkeep.Checked(now + timedelta(minutes=1)).quick_check_due(now) is True
    assert upkeep.Checked().quick_check_due(now) is True
