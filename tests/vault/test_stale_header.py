"""Issue 15, finding 2: a session opened before someone else rewrote the header (a passphrase
change or a recovery in a terminal) must never write its old copy back over the new one.

Two sessions in one process stand in for the app and the terminal: the header's
compare-and-swap is what stops the stale one, whatever holds the OS lock.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from carecompanion.clock import FixedClock
from carecompanion.paths import AppPaths
from carecompanion.vault.device_keys import DeviceKeyStore
from carecompanion.vault.errors import HeaderChanged, WrongPassphrase
from carecompanion.vault.vault import UnlockedVault, Vault
from tests.conftest import InMemoryKeyring, VaultFactory
from tests.helpers import GOOD_PASSPHRASE, OTHER_PASSPHRASE

Lock = Callable[[UnlockedVault], UnlockedVault]
THIRD_PASSPHRASE = "copper kettles singing on a winter stove"


@pytest.fixture
def store(memory_keyring: InMemoryKeyring) -> DeviceKeyStore:
    return DeviceKeyStore(memory_keyring, is_trusted=lambda _backend: True)


def test_remember_me_in_a_stale_session_cannot_bring_a_revoked_passphrase_back(
    vault_factory: VaultFactory,
    paths: AppPaths,
    clock: FixedClock,
    store: DeviceKeyStore,
    autolock: Lock,
) -> None:
    created, _ = vault_factory()
    created.lock()
    app = autolock(Vault(paths, clock).unlock(GOOD_PASSPHRASE))  # the app, left open
    terminal = autolock(Vault(paths, clock).unlock(GOOD_PASSPHRASE))
    terminal.change_passphrase(OTHER_PASSPHRASE)  # "passphrase change" in a terminal
    terminal.lock()
    header_after_change = paths.header_file.read_bytes()

    with pytest.raises(HeaderChanged) as raised:
        app.remember_on_this_computer(store)  # "remember me" in the app
    assert "Unlock it again" in str(raised.value)

    assert paths.header_file.read_bytes() == header_after_change, "the newer header stands"
    with pytest.raises(WrongPassphrase):
        Vault(paths, clock).unlock(GOOD_PASSPHRASE)  # the revoked passphrase stays revoked
    autolock(Vault(paths, clock).unlock(OTHER_PASSPHRASE)).lock()


def test_a_stale_session_cannot_change_the_passphrase_over_a_recovery(
    vault_factory: VaultFactory, paths: AppPaths, clock: FixedClock, autolock: Lock
) -> None:
    created, recovery_key = vault_factory()
    created.lock()
    app = autolock(Vault(paths, clock).unlock(GOOD_PASSPHRASE))
    terminal = autolock(Vault(paths, clock).unlock_with_recovery_key(recovery_key))
    terminal.change_passphrase(OTHER_PASSPHRASE)  # "recover" in a terminal
    terminal.lock()
    header_after_recovery = paths.header_file.read_bytes()

    with pytest.raises(HeaderChanged):
        app.change_passphrase(THIRD_PASSPHRASE)  # the app's own passphrase change
    assert paths.header_file.read_bytes() == header_after_recovery
    autolock(Vault(paths, clock).unlock(OTHER_PASSPHRASE)).lock()
    with pytest.raises(WrongPassphrase):
        Vault(paths, clock).unlock(THIRD_PASSPHRASE)


def test_forgetting_in_a_stale_session_does_not_rewrite_the_header(
    vault_factory: VaultFactory,
    paths: AppPaths,
    clock: FixedClock,
    store: DeviceKeyStore,
    autolock: Lock,
) -> None:
    created, _ = vault_factory()
    created.remember_on_this_computer(store)
    created.lock()
    app = autolock(Vault(paths, clock).unlock(GOOD_PASSPHRASE))
    terminal = autolock(Vault(paths, clock).unlock(GOOD_PASSPHRASE))
    terminal.change_passphrase(OTHER_PASSPHRASE)
    terminal.lock()
    header_after_change = paths.header_file.read_bytes()
    with pytest.raises(HeaderChanged):
        app.forget_this_computer(store)
    assert paths.header_file.read_bytes() == header_after_change


def test_a_session_that_saved_the_header_itself_can_save_again(
    unlocked_vault: UnlockedVault, paths: AppPaths, clock: FixedClock, store: DeviceKeyStore
) -> None:
    """Control: the compare is against what this session last read or wrote, not the first."""
    unlocked_vault.change_passphrase(OTHER_PASSPHRASE)
    unlocked_vault.remember_on_this_computer(store)
    unlocked_vault.forget_this_computer(store)
    unlocked_vault.change_passphrase(THIRD_PASSPHRASE)
    unlocked_vault.lock()
    Vault(paths, clock).unlock(THIRD_PASSPHRASE).lock()


def test_each_header_write_raises_the_generation(
    unlocked_vault: UnlockedVault, paths: AppPaths, store: DeviceKeyStore
) -> None:
    first = Vault(paths).read_header().generation
    unlocked_vault.change_passphrase(OTHER_PASSPHRASE)
    second = Vault(paths).read_header().generation
    unlocked_vault.remember_on_this_computer(store)
    third = Vault(paths).read_header().generation
    assert first < second < third
    assert unlocked_vault.header.generation == third
