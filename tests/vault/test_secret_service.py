"""'Remember on this computer' against a real Secret Service (GNOME Keyring over D-Bus).

The rest of the suite uses an in-memory keyring. This test talks to the real thing, so it runs
only where one has been started for it: ``python3 scripts/dev.py keyring-test`` starts a
private D-Bus session with a throwaway, unlocked GNOME Keyring and sets
CARECOMPANION_TEST_SECRET_SERVICE=1. When that variable is set the test must pass: a missing
or locked keyring is a failure, not a skip.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from carecompanion.paths import AppPaths
from carecompanion.vault.device_keys import SERVICE, DeviceKeyStore
from carecompanion.vault.kdf import MINIMUM_KDF
from carecompanion.vault.vault import Vault

PASSPHRASE = "a quiet evening walk by the sea"

pytestmark = [
    pytest.mark.secret_service,
    pytest.mark.skipif(
        os.environ.get("CARECOMPANION_TEST_SECRET_SERVICE") != "1",
        reason="needs a real Secret Service: run 'python3 scripts/dev.py keyring-test'",
    ),
]


def test_remember_unlock_and_forget_with_gnome_keyring(tmp_path: Path) -> None:
    from keyring.backends import SecretService

    backend = SecretService.Keyring()  # the real backend, passed explicitly: no test double
    store = DeviceKeyStore(backend)  # with the default policy: only OS keyrings are trusted
    assert store.unavailable_reason() is None

    paths = AppPaths(tmp_path / "vault")
    unlocked, _recovery_key = Vault.create(paths, PASSPHRASE, kdf=MINIMUM_KDF)
    vault_id = unlocked.vault_id
    try:
        unlocked.remember_on_this_computer(store)
        assert backend.get_password(SERVICE, vault_id) is not None
        unlocked.lock()

        assert Vault(paths).is_remembered()
        reopened = Vault(paths).unlock_with_device_key(store)
        assert reopened is not None, "the keyring's key did not open the vault"
        assert reopened.vault_id == vault_id
        reopened.database.check_integrity()

        reopened.forget_this_computer(store)
        reopened.lock()
        assert backend.get_password(SERVICE, vault_id) is None
        assert not Vault(paths).is_remembered()
        assert Vault(paths).unlock_with_device_key(store) is None
        Vault(paths).unlock(PASSPHRASE).lock()  # the passphrase still opens it
    finally:
        # Never leave a key behind, even in a developer's own keyring after a failure.
        if backend.get_password(SERVICE, vault_id) is not None:
            backend.delete_password(SERVICE, vault_id)
        unlocked.lock()
