"""The vault's errors. Each carries a sentence written for the person at the keyboard
(see :mod:`carecompanion.errors`)."""

from __future__ import annotations

from carecompanion.errors import CareCompanionError, Sentence


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


class DatabaseDamaged(VaultError):
    """The encrypted database failed its integrity check (damaged disk or tampering)."""


class StorageUnavailable(VaultError):
    """No encrypting database engine is available: we refuse to store anything in clear."""


class NewerVaultVersion(VaultError):
    sentence = Sentence(
        "vault.newer_version",
        "This vault was written by a newer version of CareCompanion. "
        "Please update the app; the vault was left untouched.",
    )


class WeakPassphrase(VaultError):
    """A new passphrase was refused because it is too easy to guess."""

    sentence = Sentence("vault.weak_passphrase", "That passphrase is too easy to guess. {advice}")


class KeyringUnavailable(VaultError):
    """ "Remember on this computer" cannot be used: the reason says why."""


class BackupError(VaultError):
    """A backup file could not be written or read."""
