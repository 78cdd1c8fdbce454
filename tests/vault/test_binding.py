"""Issue 15: the header and the database are bound. Each header write raises the header's
generation, and the database holds the same number, so a genuine older copy of either one put
in place of the current file is noticed, said plainly (not "damaged"), and nothing is changed.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from carecompanion.clock import FixedClock
from carecompanion.journal.service import JournalService
from carecompanion.paths import AppPaths
from carecompanion.storage import migrate
from carecompanion.vault import binding
from carecompanion.vault import vault as vault_module
from carecompanion.vault.errors import (
    DatabaseDamaged,
    HeaderDamaged,
    NewerVaultVersion,
    VaultMismatch,
    WrongPassphrase,
)
from carecompanion.vault.header import VERSION
from carecompanion.vault.kdf import KdfParams, derive_key
from carecompanion.vault.vault import UnlockedVault, Vault
from tests.conftest import VaultFactory
from tests.helpers import GOOD_PASSPHRASE, OTHER_PASSPHRASE, hash_tree

Lock = Callable[[UnlockedVault], UnlockedVault]


class Crash(BaseException):
    """A kill at a chosen point: BaseException, so no ``except Exception`` swallows it."""


def titles(unlocked: UnlockedVault, clock: FixedClock) -> list[str]:
    return sorted(s.title for s in JournalService(unlocked.database, clock).list_summaries())


def keep_copy(path: Path, tmp_path: Path, tag: str = "kept") -> Path:
    copy = tmp_path / f"{tag}-{path.name}"
    shutil.copy2(path, copy)
    return copy


# -- a swapped-in older file -------------------------------------------------------------------
def test_an_older_database_put_back_is_noticed_and_left_alone(
    vault_factory: VaultFactory, paths: AppPaths, clock: FixedClock, tmp_path: Path
) -> None:
    unlocked, _ = vault_factory()
    JournalService(unlocked.database, clock).add("monday", "")
    unlocked.lock()
    old_database = keep_copy(paths.database_file, tmp_path)
    opened = Vault(paths, clock).unlock(GOOD_PASSPHRASE)
    opened.change_passphrase(OTHER_PASSPHRASE)
    JournalService(opened.database, clock).add("tuesday", "")
    opened.lock()

    shutil.copy2(old_database, paths.database_file)
    before = hash_tree(paths.data_dir)
    with pytest.raises(VaultMismatch) as raised:
        Vault(paths, clock).unlock(OTHER_PASSPHRASE)
    message = str(raised.value)
    assert "database" in message and "older" in message
    assert "damaged" not in message and "tampered" not in message
    assert raised.value.code == "vault.binding.older_database"
    assert hash_tree(paths.data_dir) == before, "nothing was migrated, settled or backed up"


def test_an_older_header_put_back_does_not_bring_a_revoked_passphrase_back(
    vault_factory: VaultFactory, paths: AppPaths, clock: FixedClock, tmp_path: Path
) -> None:
    unlocked, recovery_key = vault_factory()
    unlocked.lock()
    old_header = keep_copy(paths.header_file, tmp_path)
    opened = Vault(paths, clock).unlock(GOOD_PASSPHRASE)
    opened.change_passphrase(OTHER_PASSPHRASE)
    opened.lock()

    shutil.copy2(old_header, paths.header_file)
    before = hash_tree(paths.data_dir)
    attempts: list[Callable[[], UnlockedVault]] = [
        lambda: Vault(paths, clock).unlock(GOOD_PASSPHRASE),
        lambda: Vault(paths, clock).unlock_with_recovery_key(recovery_key),
    ]
    for attempt in attempts:
        with pytest.raises(VaultMismatch) as raised:
            attempt()
        assert raised.value.code == "vault.binding.older_header"
        assert "damaged" not in str(raised.value)
    assert hash_tree(paths.data_dir) == before


def test_putting_the_newer_file_back_opens_again(
    vault_factory: VaultFactory, paths: AppPaths, clock: FixedClock, tmp_path: Path, autolock: Lock
) -> None:
    unlocked, _ = vault_factory()
    unlocked.lock()
    old_header = keep_copy(paths.header_file, tmp_path)
    opened = Vault(paths, clock).unlock(GOOD_PASSPHRASE)
    opened.change_passphrase(OTHER_PASSPHRASE)
    opened.lock()
    new_header = keep_copy(paths.header_file, tmp_path, "newer")
    shutil.copy2(old_header, paths.header_file)
    with pytest.raises(VaultMismatch):
        Vault(paths, clock).unlock(GOOD_PASSPHRASE)
    shutil.copy2(new_header, paths.header_file)
    autolock(Vault(paths, clock).unlock(OTHER_PASSPHRASE))


def test_the_generation_is_covered_by_the_header_checksum(
    unlocked_vault: UnlockedVault, paths: AppPaths, clock: FixedClock
) -> None:
    """Editing the number to match an older database is tampering, caught by the MAC."""
    unlocked_vault.lock()
    document = json.loads(paths.header_file.read_bytes())
    document["generation"] += 1
    paths.header_file.write_text(json.dumps(document))
    with pytest.raises(HeaderDamaged, match="changed by something other"):
        Vault(paths, clock).unlock(GOOD_PASSPHRASE)


# -- a header write cut short ------------------------------------------------------------------
def test_a_crash_before_the_new_header_lands_keeps_the_old_one_working(
    unlocked_vault: UnlockedVault,
    paths: AppPaths,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    autolock: Lock,
) -> None:
    def crash(*_args: object, **_kwargs: object) -> None:
        raise Crash

    with monkeypatch.context() as patch:
        patch.setattr(vault_module, "atomic_write_bytes", crash)
        with pytest.raises(Crash):
            unlocked_vault.change_passphrase(OTHER_PASSPHRASE)
    unlocked_vault.lock()
    opened = autolock(Vault(paths, clock).unlock(GOOD_PASSPHRASE))
    assert binding.read(opened.database.engine) == binding.Binding(opened.header.generation, None)
    opened.change_passphrase(OTHER_PASSPHRASE)  # and later writes go on as usual
    opened.lock()
    autolock(Vault(paths, clock).unlock(OTHER_PASSPHRASE))


def test_a_crash_after_the_new_header_lands_is_finished_on_the_next_unlock(
    unlocked_vault: UnlockedVault,
    paths: AppPaths,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    autolock: Lock,
) -> None:
    def crash(*_args: object, **_kwargs: object) -> None:
        raise Crash

    with monkeypatch.context() as patch:
        patch.setattr(binding, "commit", crash)
        with pytest.raises(Crash):
            unlocked_vault.change_passphrase(OTHER_PASSPHRASE)
    unlocked_vault.lock()
    with pytest.raises(WrongPassphrase):
        Vault(paths, clock).unlock(GOOD_PASSPHRASE)
    opened = autolock(Vault(paths, clock).unlock(OTHER_PASSPHRASE))
    assert binding.read(opened.database.engine) == binding.Binding(opened.header.generation, None)


# -- vaults made before the binding ------------------------------------------------------------
def _as_version_1(unlocked: UnlockedVault) -> bytes:
    """The header as the app wrote it before generations: version 1, signed as then."""
    old = dataclasses.replace(unlocked.header, version=1, generation=0)
    return old.signed(unlocked.subkey("header mac")).to_bytes()


def test_a_version_1_vault_opens_and_is_bound_from_its_first_header_write(
    vault_factory: VaultFactory, paths: AppPaths, clock: FixedClock, autolock: Lock
) -> None:
    unlocked, _ = vault_factory()
    JournalService(unlocked.database, clock).add("from before", "")
    version_1 = _as_version_1(unlocked)
    assert b"generation" not in version_1
    migrate.downgrade(unlocked.database.engine, "0006")  # the schema before the binding table
    unlocked.lock()
    paths.header_file.write_bytes(version_1)
    assert Vault(paths).read_header().version == 1

    opened = autolock(Vault(paths, clock).unlock(GOOD_PASSPHRASE))
    assert titles(opened, clock) == ["from before"]
    assert binding.read(opened.database.engine) == binding.Binding(0, None)
    opened.change_passphrase(OTHER_PASSPHRASE)
    opened.lock()
    upgraded = Vault(paths).read_header()
    assert (upgraded.version, upgraded.generation) == (VERSION, 1)
    autolock(Vault(paths, clock).unlock(OTHER_PASSPHRASE)).lock()

    paths.header_file.write_bytes(version_1)  # the old header, with the old passphrase
    with pytest.raises(VaultMismatch, match="older"):
        Vault(paths, clock).unlock(GOOD_PASSPHRASE)


def test_a_database_from_before_the_binding_under_a_newer_header_is_noticed(
    vault_factory: VaultFactory, paths: AppPaths, clock: FixedClock, tmp_path: Path
) -> None:
    unlocked, _ = vault_factory()
    version_1 = _as_version_1(unlocked)  # a vault as it was before the binding
    migrate.downgrade(unlocked.database.engine, "0006")
    unlocked.lock()
    paths.header_file.write_bytes(version_1)
    old_database = keep_copy(paths.database_file, tmp_path)
    opened = Vault(paths, clock).unlock(GOOD_PASSPHRASE)  # migrates: generation 0
    opened.change_passphrase(OTHER_PASSPHRASE)  # generation 1 (or more)
    opened.lock()
    shutil.copy2(old_database, paths.database_file)
    before = hash_tree(paths.data_dir)
    with pytest.raises(VaultMismatch, match="older"):
        Vault(paths, clock).unlock(OTHER_PASSPHRASE)
    assert hash_tree(paths.data_dir) == before, "not migrated, no before-upgrade backup"


def test_a_header_from_a_newer_app_is_refused(
    unlocked_vault: UnlockedVault, paths: AppPaths, clock: FixedClock
) -> None:
    unlocked_vault.lock()
    document = json.loads(paths.header_file.read_bytes())
    document["version"] = VERSION + 1
    paths.header_file.write_text(json.dumps(document))
    with pytest.raises(NewerVaultVersion):
        Vault(paths, clock).unlock(GOOD_PASSPHRASE)


def test_the_database_of_another_vault_is_still_damaged_not_older(
    vault_factory: VaultFactory, tmp_path: Path, clock: FixedClock
) -> None:
    """Control: a database under another key fails its check before any binding is read."""
    one, two = AppPaths(tmp_path / "one"), AppPaths(tmp_path / "two")
    first, _ = vault_factory(paths=one)
    second, _ = vault_factory(paths=two)
    first.lock()
    second.lock()
    shutil.copy2(two.database_file, one.database_file)
    with pytest.raises(DatabaseDamaged):
        Vault(one, clock).unlock(GOOD_PASSPHRASE)


# -- a reader racing a header write ------------------------------------------------------------
def test_a_session_opening_while_the_header_is_rewritten_takes_the_new_header(
    vault_factory: VaultFactory,
    paths: AppPaths,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    autolock: Lock,
) -> None:
    """Between reading the header and opening the database (the passphrase's key is being
    derived), another session rewrites the header: the database then holds the newer
    generation. The newer header on disk is checked and taken, not called a mismatch."""
    writer, _ = vault_factory()
    rewrites: list[bool] = []

    def derive_while_the_header_changes(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
        key = derive_key(passphrase, salt, params)
        if not rewrites:
            rewrites.append(True)
            writer.change_passphrase(OTHER_PASSPHRASE)
        return key

    monkeypatch.setattr(vault_module, "derive_key", derive_while_the_header_changes)
    reader = autolock(Vault(paths, clock).unlock(GOOD_PASSPHRASE))
    assert rewrites == [True]
    assert reader.header.generation == writer.header.generation
    assert reader.header == Vault(paths).read_header()
