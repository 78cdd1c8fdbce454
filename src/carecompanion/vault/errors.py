"""The vault's errors. Each carries a sentence written for the person at the keyboard
(see :mod:`carecompanion.errors`)."""

from __future__ import annotations

from carecompanion.errors import CareCompanionError, Sentence

# Raised by the storage layer below, about the database the vault guards: named here too, so
# a caller finds every error about opening a vault in one module.
from carecompanion.storage.errors import DatabaseDamaged as DatabaseDamaged
from carecompanion.storage.errors import DiskFailing as DiskFailing
from carecompanion.storage.errors import DiskFull as DiskFull
from carecompanion.storage.errors import NewerVaultVersion as NewerVaultVersion
from carecompanion.storage.errors import NoPermission as NoPermission
from carecompanion.storage.errors import ReadOnlyDisk as ReadOnlyDisk
from carecompanion.storage.errors import StorageBusy as StorageBusy
from carecompanion.storage.errors import StorageError as StorageError
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


class BackupNoSpace(BackupError):
    """The disk that was to hold a backup file is full (measured first, or found full part
    way). The daily backup is then skipped, with a notice, never standing in the way."""

    sentence = Sentence(
        "backup.no_space",
        "There is not enough free space to write the backup {path}. Free some space or "
        "choose another place, then try again. Your journal was not changed.",
    )


class RestoreUnfinished(VaultError):
    """A restore was interrupted (a crash, a power cut) and could not be finished or undone
    yet: its intent log is still there, so the next start tries again. Raised with the
    sentence that applies (see :mod:`carecompanion.vault.restore_log`)."""


class EarlierJournalNotFound(VaultError):
    """No earlier (replaced) journal of that name in the data folder."""

    sentence = Sentence(
        "vault.earlier.not_found",
        "There is no earlier journal called {name} in {where}.",
    )

    def __init__(self, name: str, where: object) -> None:
        super().__init__(name=name, where=str(where))


class VaultInUse(VaultError):
    """Another process has the vault open for writing (the app, or another command): raised
    with the sentence that says which (see :mod:`carecompanion.vault.writer_lock`)."""


class HeaderChanged(VaultError):
    """The header on disk is no longer the one this session read or wrote: another session
    (a terminal's passphrase change, a recovery) rewrote it. Nothing was written."""

    sentence = Sentence(
        "vault.header.changed",
        "This journal's passphrase or keys were changed elsewhere since it was unlocked here, "
        "so nothing was changed now. Unlock it again to go on.",
    )


class VaultMismatch(VaultError):
    """The header and the database are genuine but not from the same moment: one of them was
    put back from an older copy. Raised with the sentence that says which (see
    :mod:`carecompanion.vault.binding`); nothing was changed."""
