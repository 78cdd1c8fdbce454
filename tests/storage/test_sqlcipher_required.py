"""Without SQLCipher the app refuses to store anything, rather than store it in clear."""

from __future__ import annotations

import sys

import pytest

from carecompanion.paths import AppPaths
from carecompanion.storage.connection import require_sqlcipher
from carecompanion.vault.errors import StorageUnavailable
from carecompanion.vault.kdf import MINIMUM_KDF
from carecompanion.vault.vault import Vault
from tests.helpers import GOOD_PASSPHRASE


def test_sqlcipher_is_present_here() -> None:
    require_sqlcipher()


def test_missing_sqlcipher_refuses_to_create_a_vault(
    monkeypatch: pytest.MonkeyPatch, paths: AppPaths
) -> None:
    monkeypatch.setitem(sys.modules, "sqlcipher3.dbapi2", None)  # makes the import fail
    with pytest.raises(StorageUnavailable, match="SQLCipher"):
        Vault.create(paths, GOOD_PASSPHRASE, kdf=MINIMUM_KDF)
    assert not paths.database_file.exists()
    assert not paths.header_file.exists()
