"""Rotating the data key: a new passphrase, a new recovery key, the journal re-encrypted, new
backups; and a rotation stopped at any point leaves a vault that opens."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from carecompanion.clock import FixedClock
from carecompanion.journal.service import JournalService
from carecompanion.paths import AppPaths
from carecompanion.progress import Cancelled
from carecompanion.storage.rekey import opens_with
from carecompanion.vault.backup import read_backup, write_backup
from carecompanion.vault.device_keys import DeviceKeyStore
from carecompanion.vault.errors import (
    DatabaseDamaged,
    HeaderChanged,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryKey,
)
from carecompanion.vault.header import SLOT_DEVICE, SLOT_PASSPHRASE, SLOT_ROTATING
from carecompanion.vault.kdf import derive_key
from carecompanion.vault.rotation import KILL_POINTS
from carecompanion.vault.vault import UnlockedVault, Vault
from tests.conftest import VaultFactory
from tests.helpers import GOOD_PASSPHRASE, OTHER_PASSPHRASE, hash_tree

Lock = Callable[[UnlockedVault], UnlockedVault]
TITLES = ["The first fall", "Clinic on Tuesday", "A good day"]


class Killed(Exception):
    """Raised at a kill point: the rotation stops there as a crash would."""


def _journal_with_entries(
    vault_factory: VaultFactory, clock: FixedClock
) -> tuple[UnlockedVault, str]:
    unlocked, recovery_key = vault_factory()
    journal = JournalService(unlocked.database, clock)
    for title in TITLES:
        journal.add(title, "Some words about the day.")
    return unlocked, recovery_key


def _titles(unlocked: UnlockedVault, clock: FixedClock) -> list[str]:
    return sorted(
        entry.title for entry in JournalService(unlocked.database, clock).list_summaries()
    )


def _opens_with_passphrase(header_bytes: bytes, passphrase: str) -> bool:
    from carecompanion.vault.header import VaultHeader

    header = VaultHeader.from_bytes(header_bytes)
    kdf, salt = header.passphrase_kdf()
    return header.unwrap(SLOT_PASSPHRASE, derive_key(passphrase, salt, kdf)) is not None


def _old_backups(unlocked: UnlockedVault, clock: FixedClock) -> list[Path]:
    """Backups made under the old key: two daily ones and one before an upgrade."""
    made = []
    for name in (
        "auto-2026-03-01.ccbackup",
        "auto-2026-03-02.ccbackup",
        "before-upgrade-x.ccbackup",
    ):
        made.append(
            write_backup(
                unlocked.database, unlocked.header, unlocked.paths.backups_dir / name, clock
            )
        )
    return made


# -- a rotation that completes ---------------------------------------------------------------
def test_rotation_replaces_every_key_and_keeps_every_entry(
    vault_factory: VaultFactory, paths: AppPaths, clock: FixedClock, autolock: Lock
) -> None:
    unlocked, old_recovery_key = _journal_with_entries(vault_factory, clock)
    old_backups = _old_backups(unlocked, clock)
    old_header = paths.header_file.read_bytes()
    old_database_key = bytes(unlocked.subkey("sqlcipher"))

    rotated = unlocked.rotate_keys(OTHER_PASSPHRASE)

    assert rotated.recovery_key != old_recovery_key
    assert _titles(unlocked, clock) == sorted(TITLES), "the open session carries on"
    unlocked.lock()
    assert not opens_with(paths.database_file, old_database_key), "the old data key is useless"
    with pytest.raises(WrongPassphrase):
        Vault(paths, clock).unlock(GOOD_PASSPHRASE)
    with pytest.raises(WrongRecoveryKey):
        Vault(paths, clock).unlock_with_recovery_key(old_recovery_key)
    with_new = autolock(Vault(paths, clock).unlock(OTHER_PASSPHRASE))
    assert _titles(with_new, clock) == sorted(TITLES)
    with_new.lock()
    # The new recovery key opens it too.
    recovered = autolock(Vault(paths, clock).unlock_with_recovery_key(rotated.recovery_key))
    assert _titles(recovered, clock) == sorted(TITLES)
    recovered.lock()

    # Backups: none the old key made is left; today's is under the new key.
    assert {path.name for path in old_backups} <= set(rotated.removed)
    left = sorted(paths.backups_dir.glob("*.ccbackup"))
    assert left and not any(path in left for path in old_backups)
    for path in left:
        header, archive = read_backup(path)
        archive.close()
        assert _opens_with_passphrase(header.to_bytes(), OTHER_PASSPHRASE)
        assert not _opens_with_passphrase(header.to_bytes(), GOOD_PASSPHRASE)
    assert old_header != paths.header_file.read_bytes()


def test_the_old_header_with_the_old_passphrase_cannot_open_the_current_journal(
    vault_factory: VaultFactory, paths: AppPaths, clock: FixedClock, tmp_path: Path
) -> None:
    """Someone who kept a copy of the old header and learnt the old passphrase gets nothing
    from today's database: it is encrypted under a key that header never held."""
    unlocked, _ = _journal_with_entries(vault_factory, clock)
    old_header = paths.header_file.read_bytes()
    unlocked.rotate_keys(OTHER_PASSPHRASE)
    unlocked.lock()
    thief = AppPaths(tmp_path / "copy")
    thief.ensure()
    shutil.copy2(paths.database_file, thief.database_file)
    thief.header_file.write_bytes(old_header)
    before = hash_tree(thief.data_dir)
    with pytest.raises(DatabaseDamaged):
        Vault(thief, clock).unlock(GOOD_PASSPHRASE)
    after = {name: digest for name, digest in hash_tree(thief.data_dir).items() if name in before}
    assert after == before, "nothing was changed by trying"


def test_a_weak_new_passphrase_changes_nothing(
    vault_factory: VaultFactory, paths: AppPaths, clock: FixedClock
) -> None:
    unlocked, _ = _journal_with_entries(vault_factory, clock)
    unlocked.database.checkpoint()
    before = hash_tree(paths.data_dir)
    with pytest.raises(WeakPassphrase):
        unlocked.rotate_keys("Summer2024!")
    assert hash_tree(paths.data_dir) == before


def test_a_cancel_before_it_starts_changes_nothing(
    vault_factory: VaultFactory, paths: AppPaths, clock: FixedClock
) -> None:
    unlocked, _ = _journal_with_entries(vault_factory, clock)
    header = paths.header_file.read_bytes()
    with pytest.raises(Cancelled):
        unlocked.rotate_keys(OTHER_PASSPHRASE, progress=lambda _done, _total: False)
    assert paths.header_file.read_bytes() == header


def test_a_stale_session_cannot_rotate(
    vault_factory: VaultFactory, paths: AppPaths, clock: FixedClock
) -> None:
    unlocked, _ = _journal_with_entries(vault_factory, clock)
    newer = paths.header_file.read_bytes().replace(b'"created"', b'"created" ', 1)
    paths.header_file.write_bytes(newer)  # another session's write, as far as we can tell
    with pytest.raises(HeaderChanged):
        unlocked.rotate_keys(OTHER_PASSPHRASE)
    assert paths.header_file.read_bytes() == newer


def test_remember_on_this_computer_is_turned_off_with_the_old_key(
    vault_factory: VaultFactory, device_store_memory: DeviceKeyStore, clock: FixedClock
) -> None:
    unlocked, _ = _journal_with_entries(vault_factory, clock)
    unlocked.remember_on_this_computer(device_store_memory)
    assert device_store_memory.load(unlocked.vault_id) is not None
    rotated = unlocked.rotate_keys(OTHER_PASSPHRASE, store=device_store_memory)
    assert rotated.was_remembered
    assert SLOT_DEVICE not in unlocked.header.slots
    assert device_store_memory.load(unlocked.vault_id) is None


@pytest.fixture
def device_store_memory(memory_keyring: object) -> DeviceKeyStore:
    return DeviceKeyStore(memory_keyring, is_trusted=lambda _backend: True)


def test_without_room_for_a_fresh_backup_the_old_ones_stay(
    vault_factory: VaultFactory,
    paths: AppPaths,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A person is never left with no backup at all: the rotation stands, and says so."""
    from carecompanion.vault import rotation
    from carecompanion.vault.errors import BackupNoSpace

    unlocked, _ = _journal_with_entries(vault_factory, clock)
    old_backups = _old_backups(unlocked, clock)

    def full(*_args: object) -> Path:
        raise BackupNoSpace(path="auto.ccbackup")

    monkeypatch.setattr(rotation, "write_backup", full)
    rotated = unlocked.rotate_keys(OTHER_PASSPHRASE)
    assert rotated.notice is not None and rotated.notice.code == "vault.rotation.no_fresh_backup"
    assert rotated.recovery_key
    assert rotated.removed == ()
    assert all(path.exists() for path in old_backups)
    unlocked.lock()
    Vault(paths, clock).unlock(OTHER_PASSPHRASE).lock()


def test_a_backup_that_fails_otherwise_never_loses_the_new_recovery_key(
    vault_factory: VaultFactory,
    paths: AppPaths,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from carecompanion.vault import rotation

    unlocked, _ = _journal_with_entries(vault_factory, clock)

    def refused(*_args: object) -> Path:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(rotation, "write_backup", refused)
    rotated = unlocked.rotate_keys(OTHER_PASSPHRASE)
    assert rotated.notice is not None
    assert rotated.notice.code == "vault.rotation.fresh_backup_failed"
    unlocked.lock()
    Vault(paths, clock).unlock_with_recovery_key(rotated.recovery_key).lock()


# -- a rotation stopped part way -------------------------------------------------------------
def _snapshot(paths: AppPaths, into: Path, wal_bytes: int | None = None) -> AppPaths:
    """The data folder as a crash at this moment would leave it: the header, the database
    and its WAL (cut to ``wal_bytes``: a crash while the WAL was being written)."""
    copy = AppPaths(into)
    copy.ensure()
    shutil.copy2(paths.header_file, copy.header_file)
    shutil.copy2(paths.database_file, copy.database_file)
    wal = Path(f"{paths.database_file}-wal")
    if wal.exists():
        data = wal.read_bytes()
        Path(f"{copy.database_file}-wal").write_bytes(
            data if wal_bytes is None else data[:wal_bytes]
        )
    return copy


#: Each kill point, and the passphrase that must open the vault a crash there leaves.
CASES = [
    ("prepared", None, GOOD_PASSPHRASE),
    # Killed during the rekey: the WAL holds part of its pages, without its commit frame.
    ("rekey committed", "half", GOOD_PASSPHRASE),
    # Killed once it committed: the pages under the new key are in the WAL only.
    ("rekey committed", None, GOOD_PASSPHRASE),
    ("rekeyed", None, GOOD_PASSPHRASE),  # and once they are in the database file
    ("switched", None, OTHER_PASSPHRASE),
    ("backed up", None, OTHER_PASSPHRASE),
]


@pytest.mark.parametrize(("point", "wal", "opens_with_passphrase"), CASES)
def test_a_rotation_killed_part_way_leaves_a_vault_that_opens(
    vault_factory: VaultFactory,
    paths: AppPaths,
    clock: FixedClock,
    tmp_path: Path,
    autolock: Lock,
    point: str,
    wal: str | None,
    opens_with_passphrase: str,
) -> None:
    assert point in KILL_POINTS
    unlocked, old_recovery_key = _journal_with_entries(vault_factory, clock)
    crashed: list[AppPaths] = []

    def kill(name: str) -> None:
        if name != point:
            return
        cut: int | None = None
        if wal == "half":
            size = Path(f"{paths.database_file}-wal").stat().st_size
            assert size > 0, "the rekey's pages are in the WAL, not yet in the database"
            cut = size // 2
        crashed.append(_snapshot(paths, tmp_path / "after-the-crash", cut))
        raise Killed(name)

    with pytest.raises(Killed):
        unlocked.rotate_keys(OTHER_PASSPHRASE, checkpoint=kill)
    [after_crash] = crashed
    other = GOOD_PASSPHRASE if opens_with_passphrase == OTHER_PASSPHRASE else OTHER_PASSPHRASE

    opened = autolock(Vault(after_crash, clock).unlock(opens_with_passphrase))
    assert _titles(opened, clock) == sorted(TITLES)
    assert SLOT_ROTATING not in opened.header.slots, "an interrupted rotation is settled"
    opened.lock()
    with pytest.raises(WrongPassphrase):
        Vault(after_crash, clock).unlock(other)
    again = autolock(Vault(after_crash, clock).unlock(opens_with_passphrase))
    assert _titles(again, clock) == sorted(TITLES), "and it opens the next time too"
    again.lock()
    if opens_with_passphrase == GOOD_PASSPHRASE:
        autolock(Vault(after_crash, clock).unlock_with_recovery_key(old_recovery_key)).lock()

    # In this process, the rotation undid itself (or, past the new header, stands).
    unlocked.lock()
    live = autolock(Vault(paths, clock).unlock(opens_with_passphrase))
    assert _titles(live, clock) == sorted(TITLES)
    assert SLOT_ROTATING not in live.header.slots
