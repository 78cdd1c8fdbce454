"""The storage layer's errors (see :mod:`carecompanion.errors`).

They are about the encrypted database the vault guards, so the person reads them as the
vault's: :mod:`carecompanion.vault.errors` names them too, and callers may import them from
either. They live here because storage sits below the vault and raises them itself.
"""

from __future__ import annotations

from carecompanion.errors import CareCompanionError, Sentence


class StorageError(CareCompanionError):
    """Base class: the encrypted database cannot be used as it is."""


class DatabaseDamaged(StorageError):
    """The encrypted database failed its integrity check (damaged disk or tampering)."""


class StorageUnavailable(StorageError):
    """No encrypting database engine is available: we refuse to store anything in clear."""


class NewerVaultVersion(StorageError):
    """The database's schema, or the vault header, comes from a newer app."""

    sentence = Sentence(
        "vault.newer_version",
        "This vault was written by a newer version of CareCompanion. "
        "Please update the app; the vault was left untouched.",
    )


# -- the disk under the database (see carecompanion.storage.faults) ------------------------------
# Each says what happened in plain words and what to do, and that nothing saved was lost:
# SQLite never half-writes a transaction, so a write that failed left the journal as it was.


class DiskFull(StorageError):
    """No space left on the disk that holds the journal (or a write found none)."""

    sentence = Sentence(
        "storage.disk_full",
        "There is not enough free space on the disk for CareCompanion to work with your "
        "journal. Free some space (empty the trash, or move large files elsewhere), then "
        "try again. Nothing you saved before was lost.",
    )


class NoPermission(StorageError):
    """The journal's folder or files may not be written by this user (EACCES, EPERM)."""

    sentence = Sentence(
        "storage.no_permission",
        "CareCompanion is not allowed to write in the folder that holds your journal. Check "
        "that the folder and its files belong to you, then try again. Nothing you saved "
        "before was lost.",
    )


class ReadOnlyDisk(StorageError):
    """The journal's folder is on a read-only file system (EROFS)."""

    sentence = Sentence(
        "storage.read_only",
        "The folder that holds your journal is read-only, so nothing can be saved there. If "
        "it is on a USB drive or memory card, check that it is not locked, then try again. "
        "Nothing you saved before was lost.",
    )


class StorageBusy(StorageError):
    """Another connection holds the journal's write lock for longer than we wait."""

    sentence = Sentence(
        "storage.busy",
        "Another program is using your journal right now (CareCompanion in another window, "
        "or a long import). Wait for it to finish, or close it, then try again. Nothing you "
        "saved before was lost.",
    )


class DiskFailing(StorageError):
    """The disk answered with an input/output error (EIO) while there was space to spare."""

    sentence = Sentence(
        "storage.disk_error",
        "The disk could not read or write your journal: it may be failing, or was unplugged. "
        "Check the drive, then try again. If this keeps happening, copy your backups "
        "somewhere safe.",
    )
