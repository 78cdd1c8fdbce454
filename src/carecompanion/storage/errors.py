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
