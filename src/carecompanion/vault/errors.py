"""The vault's errors. Each carries a message written for the person at the keyboard."""

from __future__ import annotations


class VaultError(Exception):
    """Base class: something about the vault needs the user's attention."""


class VaultNotFound(VaultError):
    def __init__(self, where: object) -> None:
        super().__init__(
            f"No CareCompanion vault in {where}. Create one with 'carecompanion init'."
        )


class VaultAlreadyExists(VaultError):
    def __init__(self, where: object) -> None:
        super().__init__(f"A CareCompanion vault already exists in {where}; it was left untouched.")


class WrongPassphrase(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "That passphrase does not open this vault. Check Caps Lock and try again, "
            "or use your recovery key."
        )


class WrongRecoveryKey(VaultError):
    def __init__(self, detail: str = "") -> None:
        super().__init__(detail or "That recovery key does not open this vault.")


class HeaderDamaged(VaultError):
    """The vault header is unreadable, tampered with, or asks for weakened protection."""


class DatabaseDamaged(VaultError):
    """The encrypted database failed its integrity check (damaged disk or tampering)."""


class StorageUnavailable(VaultError):
    """No encrypting database engine is available: we refuse to store anything in clear."""


class NewerVaultVersion(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "This vault was written by a newer version of CareCompanion. "
            "Please update the app; the vault was left untouched."
        )


class WeakPassphrase(VaultError):
    """A new passphrase was refused because it is too easy to guess."""


class KeyringUnavailable(VaultError):
    """ "Remember on this computer" cannot be used: the reason says why."""


class BackupError(VaultError):
    """A backup file could not be written or read."""
