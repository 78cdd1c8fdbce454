"""'Remember on this computer': a device key in the OS keyring, and only in a trusted one."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

import keyring.backends.fail
import pytest

from carecompanion.clock import FixedClock
from carecompanion.paths import AppPaths
from carecompanion.vault.device_keys import SERVICE, DeviceKeyStore
from carecompanion.vault.errors import KeyringUnavailable
from carecompanion.vault.header import SLOT_DEVICE
from carecompanion.vault.vault import UnlockedVault, Vault
from tests.conftest import InMemoryKeyring
from tests.helpers import GOOD_PASSPHRASE, OTHER_PASSPHRASE, hash_tree

Lock = Callable[[UnlockedVault], UnlockedVault]


class PlaintextKeyring:
    """Looks like keyrings.alt's file backend, which stores base64 in a plain file."""

    priority = 0.5

    def __init__(self) -> None:
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


PlaintextKeyring.__module__ = "keyrings.alt.file"


class FakeSecretService(InMemoryKeyring):
    """Stands in for GNOME Keyring: the module name is what the default policy trusts."""


FakeSecretService.__module__ = "keyring.backends.SecretService"


class Chainer:
    """Like keyring's ChainerBackend: a list of backends."""

    def __init__(self, *backends: Any) -> None:
        self.backends = list(backends)


def trusted_store(backend: Any) -> DeviceKeyStore:
    return DeviceKeyStore(backend, is_trusted=lambda _b: True)


# -- remember / unlock / forget -------------------------------------------------------------------
def test_remember_then_unlock_without_passphrase(
    unlocked_vault: UnlockedVault,
    paths: AppPaths,
    clock: FixedClock,
    memory_keyring: InMemoryKeyring,
    autolock: Lock,
) -> None:
    store = trusted_store(memory_keyring)
    assert store.unavailable_reason() is None
    assert not unlocked_vault.is_remembered
    unlocked_vault.remember_on_this_computer(store)
    assert unlocked_vault.is_remembered
    vault_id = unlocked_vault.vault_id
    stored = memory_keyring.passwords[(SERVICE, vault_id)]
    assert len(base64.b64decode(stored)) == 32
    unlocked_vault.lock()

    vault = Vault(paths, clock)
    assert vault.is_remembered()
    opened = vault.unlock_with_device_key(store)
    assert opened is not None
    autolock(opened)
    assert opened.vault_id == vault_id
    opened.database  # noqa: B018 (the database is open)


def test_default_store_uses_the_process_keyring(
    unlocked_vault: UnlockedVault, memory_keyring: InMemoryKeyring
) -> None:
    store = DeviceKeyStore(is_trusted=lambda _b: True)
    assert store.backend is memory_keyring
    unlocked_vault.remember_on_this_computer(store)
    assert (SERVICE, unlocked_vault.vault_id) in memory_keyring.passwords


def test_forget(
    unlocked_vault: UnlockedVault,
    paths: AppPaths,
    clock: FixedClock,
    memory_keyring: InMemoryKeyring,
) -> None:
    store = trusted_store(memory_keyring)
    unlocked_vault.remember_on_this_computer(store)
    unlocked_vault.forget_this_computer(store)
    assert not unlocked_vault.is_remembered
    assert memory_keyring.passwords == {}
    unlocked_vault.lock()
    assert SLOT_DEVICE not in Vault(paths).read_header().slots
    assert not Vault(paths).is_remembered()
    assert Vault(paths, clock).unlock_with_device_key(store) is None
    # Forgetting twice is harmless.
    unlocked_vault2 = Vault(paths, clock).unlock(GOOD_PASSPHRASE)
    try:
        unlocked_vault2.forget_this_computer(store)
    finally:
        unlocked_vault2.lock()


def test_remembered_vault_survives_a_passphrase_change(
    unlocked_vault: UnlockedVault,
    paths: AppPaths,
    clock: FixedClock,
    memory_keyring: InMemoryKeyring,
    autolock: Lock,
) -> None:
    store = trusted_store(memory_keyring)
    unlocked_vault.remember_on_this_computer(store)
    unlocked_vault.change_passphrase(OTHER_PASSPHRASE)
    unlocked_vault.lock()
    opened = Vault(paths, clock).unlock_with_device_key(store)
    assert opened is not None
    autolock(opened)


def test_no_device_slot_or_no_stored_key_means_ask_for_the_passphrase(
    unlocked_vault: UnlockedVault,
    paths: AppPaths,
    clock: FixedClock,
    memory_keyring: InMemoryKeyring,
) -> None:
    store = trusted_store(memory_keyring)
    unlocked_vault.lock()
    assert Vault(paths, clock).unlock_with_device_key(store) is None  # never remembered

    again = Vault(paths, clock).unlock(GOOD_PASSPHRASE)
    again.remember_on_this_computer(store)
    again.lock()
    memory_keyring.passwords.clear()  # e.g. the keyring was reset
    assert Vault(paths, clock).unlock_with_device_key(store) is None


@pytest.mark.parametrize(
    "stored",
    [
        base64.b64encode(b"\x00" * 32).decode(),  # a different key
        base64.b64encode(b"short").decode(),  # not a key at all
        "%%% not base64 %%%",
        "",
    ],
)
def test_wrong_or_garbled_device_key_means_ask_for_the_passphrase(
    unlocked_vault: UnlockedVault,
    paths: AppPaths,
    clock: FixedClock,
    memory_keyring: InMemoryKeyring,
    stored: str,
) -> None:
    store = trusted_store(memory_keyring)
    unlocked_vault.remember_on_this_computer(store)
    unlocked_vault.lock()
    memory_keyring.passwords[(SERVICE, unlocked_vault.vault_id)] = stored
    before = hash_tree(paths.data_dir)
    assert Vault(paths, clock).unlock_with_device_key(store) is None
    assert hash_tree(paths.data_dir) == before


def test_a_failing_keyring_means_ask_for_the_passphrase(
    unlocked_vault: UnlockedVault,
    paths: AppPaths,
    clock: FixedClock,
    memory_keyring: InMemoryKeyring,
) -> None:
    store = trusted_store(memory_keyring)
    unlocked_vault.remember_on_this_computer(store)
    unlocked_vault.lock()

    class LockedKeyring(InMemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            raise RuntimeError("the keyring is locked")

    assert Vault(paths, clock).unlock_with_device_key(trusted_store(LockedKeyring())) is None


# -- the trust policy ------------------------------------------------------------------------------
def test_default_policy_refuses_a_plaintext_keyring(unlocked_vault: UnlockedVault) -> None:
    backend = PlaintextKeyring()
    store = DeviceKeyStore(backend)
    reason = store.unavailable_reason()
    assert reason is not None
    assert "PlaintextKeyring" in reason
    assert "not your system's protected keyring" in reason
    with pytest.raises(KeyringUnavailable, match="PlaintextKeyring"):
        store.store("some-vault", b"k" * 32)
    assert backend.passwords == {}
    header_before = unlocked_vault.header
    with pytest.raises(KeyringUnavailable):
        unlocked_vault.remember_on_this_computer(store)
    assert unlocked_vault.header == header_before
    assert not unlocked_vault.is_remembered
    assert backend.passwords == {}
    # Even a key that somehow got there is never read back from an untrusted store.
    backend.passwords[(SERVICE, "some-vault")] = base64.b64encode(b"k" * 32).decode()
    assert store.load("some-vault") is None


def test_default_policy_refuses_the_fail_keyring() -> None:
    store = DeviceKeyStore(keyring.backends.fail.Keyring())
    reason = store.unavailable_reason()
    assert reason is not None
    assert "No system keyring" in reason
    with pytest.raises(KeyringUnavailable, match="No system keyring"):
        store.store("some-vault", b"k" * 32)
    assert store.load("some-vault") is None
    store.delete("some-vault")  # nothing to do, and no error


def test_fail_keyring_is_refused_even_by_a_permissive_policy() -> None:
    store = DeviceKeyStore(keyring.backends.fail.Keyring(), is_trusted=lambda _b: True)
    assert store.unavailable_reason() is not None


def test_default_policy_refuses_the_in_memory_test_keyring(
    memory_keyring: InMemoryKeyring,
) -> None:
    assert DeviceKeyStore(memory_keyring).unavailable_reason() is not None


def test_default_policy_trusts_os_keyrings() -> None:
    backend = FakeSecretService()
    store = DeviceKeyStore(backend)
    assert store.unavailable_reason() is None
    store.store("v", b"k" * 32)
    assert store.load("v") == b"k" * 32
    store.delete("v")
    assert store.load("v") is None


def test_a_chain_is_trusted_only_if_every_member_is() -> None:
    assert DeviceKeyStore(Chainer(FakeSecretService())).unavailable_reason() is None
    mixed = DeviceKeyStore(Chainer(FakeSecretService(), PlaintextKeyring()))
    assert "PlaintextKeyring" in (mixed.unavailable_reason() or "")
    assert DeviceKeyStore(Chainer()).unavailable_reason() == (
        "No system keyring is available on this computer."
    )


def test_an_unreachable_keyring_gives_a_reason() -> None:
    class Exploding:
        @property
        def backends(self) -> list[Any]:
            raise RuntimeError("dbus went away")

    reason = DeviceKeyStore(Exploding()).unavailable_reason()
    assert reason == "The system keyring could not be reached (RuntimeError)."


def test_a_keyring_that_refuses_the_key(unlocked_vault: UnlockedVault) -> None:
    class RefusingKeyring(InMemoryKeyring):
        def set_password(self, service: str, username: str, password: str) -> None:
            raise RuntimeError("collection is locked")

    header_before = unlocked_vault.header
    with pytest.raises(KeyringUnavailable, match=r"did not accept the key \(RuntimeError\)"):
        unlocked_vault.remember_on_this_computer(trusted_store(RefusingKeyring()))
    assert unlocked_vault.header == header_before
    assert not unlocked_vault.is_remembered
