"""The vault's errors. Each carries a sentence written for the person at the keyboard
(see :mod:`carecompanion.errors`)."""

from __future__ import annotations

from carecompanion.errors import CareCompanionError, Sentence

# Raised by the storage layer below, about the database the vault guards: named here too, so
# a caller finds every error about opening a vault in one module.
from carecompanion.storage.errors import DatabaseDamaged as DatabaseDamaged
from carecompanion.storage.errors import NewerVaultVersion as NewerVaultVersion
from carecompanion.storage.errors import StorageUnavailable as StorageUnavailable


class VaultError(CareCompanionError):
    """Base class: something about the vault needs the user's attention."""


class VaultNotFound(VaultError):
    sentence = Sentence(
        "vault.not_found",
        "No CareCompanion vault in {where}. Create one with 'carecompanion init'.",
    )

    def __init__(self, where: object) -> None:
        super().__init__(where=str(where))


class VaultAlreadyExists(VaultError):
    sentence = Sentence(
        "vault.already_exists",
        "A CareCompanion vault already exists in {where}; it was left untouched.",
    )

    def __init__(self, where: object) -> None:
        super().__init__(where=str(where))


class WrongPassphrase(VaultError):
    sentence = Sentence(
        "vault.wrong_passphrase",
        "That passphrase does not open this vault. Check Caps Lock and try again, "
        "or use your recovery key.",
    )


class WrongRecoveryKey(VaultError):
    """Raised bare when the key does not open the vault; with a sentence when it could not
    even be a key (too short, a typo the checksum caught)."""

    sentence = Sentence("vault.wrong_recovery_key", "That recovery key does not open this vault.")


class HeaderDamaged(VaultError):
    """The vault header is unreadable, tampered with, or asks for weakened protection."""


class WeakPassphrase(VaultError):
    """A new passphrase was refused because it is too easy to guess."""

    sentence = Sentence("vault.weak_passphrase", "That passphrase is too easy to guess. {advice}")


class KeyringUnavailable(VaultError):
    """ "Remember on this computer" cannot be used: the reason says why."""


class BackupError(VaultError):
    """A backup file could not be written or read."""
