"""What lock() leaves behind: no SQLCipher key in the engine, zeroed key buffers.

Python cannot promise that no copy of a key survives (see UnlockedVault.lock): these tests
hold the places the app itself keeps keys to that promise.
"""

from __future__ import annotations

import gc

import pytest
import sqlalchemy as sa

from carecompanion.paths import AppPaths
from carecompanion.vault.vault import UnlockedVault, Vault, subkey
from tests.conftest import VaultFactory
from tests.helpers import GOOD_PASSPHRASE


def _engine_text(engine: sa.Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def test_the_engine_url_never_holds_the_key(unlocked_vault: UnlockedVault) -> None:
    key = unlocked_vault.subkey("sqlcipher")
    engine = unlocked_vault.database.engine
    assert bytes(key).hex() not in _engine_text(engine).lower()
    assert engine.url.password is None


def test_lock_zeroes_the_database_key_and_the_engine_cannot_reconnect(
    unlocked_vault: UnlockedVault,
) -> None:
    database = unlocked_vault.database
    engine = database.engine
    key_buffer = database._key._buffer  # the one place the raw key is kept while open
    assert any(key_buffer)
    unlocked_vault.lock()
    assert not any(key_buffer), "the SQLCipher key is zeroed, not just dropped"
    # A stale reference to the engine cannot open the journal again.
    with pytest.raises(RuntimeError, match=r"closed \(locked\)"), engine.connect() as conn:
        conn.exec_driver_sql("SELECT 1")


def test_lock_zeroes_the_data_key(unlocked_vault: UnlockedVault) -> None:
    data_key = unlocked_vault._data_key
    assert data_key is not None and any(data_key)
    unlocked_vault.lock()
    assert not any(data_key)


def test_subkeys_are_wipeable_buffers(unlocked_vault: UnlockedVault) -> None:
    key = unlocked_vault.subkey("header mac")
    assert isinstance(key, bytearray), "a bytes copy could never be wiped"
    data_key = unlocked_vault._data_key
    assert data_key is not None
    assert key == subkey(bytes(data_key), "header mac")


def test_header_and_database_work_go_through_wiped_subkeys(
    vault_factory: VaultFactory, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every subkey the vault derives for itself is zeroed once used: signing the header,
    checking its MAC, keying the database."""
    from carecompanion.vault import vault as vault_module

    made: list[bytearray] = []
    real = vault_module.subkey

    def recording(data_key: bytes | bytearray, purpose: str) -> bytearray:
        key = real(data_key, purpose)
        made.append(key)
        return key

    monkeypatch.setattr(vault_module, "subkey", recording)
    unlocked, _ = vault_factory()
    unlocked.save_header(unlocked.header)
    unlocked.lock()
    Vault(paths).unlock(GOOD_PASSPHRASE).lock()
    gc.collect()
    assert made, "the vault derives its subkeys through subkey()"
    assert all(not any(key) for key in made), "each was zeroed after use"
