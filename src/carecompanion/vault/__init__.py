"""The vault: key hierarchy, unlocking and the encrypted database it guards."""

from carecompanion.vault.vault import UnlockedVault, Vault

__all__ = ["UnlockedVault", "Vault"]
