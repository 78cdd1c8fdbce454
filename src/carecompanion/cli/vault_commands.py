"""init, unlock-check, passphrase change, recover, backup and restore; opening the vault for
every other command.

Imported at every start (the parser names these handlers), so the vault's modules, which
load cryptography, are imported only when a command opens it.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from carecompanion.cli.io import (
    NEW_PASSPHRASE_ENV,
    PASSPHRASE_ENV,
    RECOVERY_KEY_ENV,
    CliError,
    clock,
    new_secret,
    paths_from,
    print_object,
    secret,
)

if TYPE_CHECKING:
    from carecompanion.session import VaultSession
    from carecompanion.vault.vault import UnlockedVault, Vault


def open_vault(args: argparse.Namespace) -> Vault:
    """The vault ``--data-dir`` names, still locked."""
    from carecompanion.vault.vault import Vault

    return Vault(paths_from(args), clock())


def unlock(args: argparse.Namespace) -> UnlockedVault:
    """Open the vault named by ``--data-dir`` with the passphrase from the env or a prompt."""
    vault = open_vault(args)
    vault.read_header()  # "no vault here" before asking for a passphrase
    return vault.unlock(secret(PASSPHRASE_ENV, "Passphrase: "))


@contextmanager
def vault_session(args: argparse.Namespace) -> Iterator[VaultSession]:
    """An unlocked session for one command, locked again however the command ends."""
    from carecompanion.session import VaultSession

    session = VaultSession(unlock(args), clock())
    try:
        yield session
    finally:
        session.lock()


def cmd_init(args: argparse.Namespace) -> int:
    from carecompanion.vault.kdf import DEFAULT_KDF, MINIMUM_KDF, KdfParams

    if args.kdf_memory_mib * 1024 < MINIMUM_KDF.memory_kib:
        raise CliError("--kdf-memory-mib must be at least 64 (RFC 9106's minimum).")
    kdf = KdfParams(args.kdf_memory_mib * 1024, DEFAULT_KDF.iterations, DEFAULT_KDF.lanes)
    paths = paths_from(args)
    if open_vault(args).exists():
        from carecompanion.vault.errors import VaultAlreadyExists

        raise VaultAlreadyExists(paths.data_dir)
    passphrase = new_secret([PASSPHRASE_ENV], "Choose a passphrase: ")
    from carecompanion.session import create_vault

    unlocked, recovery_key = create_vault(paths, passphrase, kdf=kdf, clock=clock())
    unlocked.lock()
    if args.json:
        print_object({"data_dir": str(paths.data_dir), "recovery_key": recovery_key})
        return 0
    print(f"Your CareCompanion vault is ready in {paths.data_dir}.")
    print()
    print("Your recovery key (shown only this once; write it down and keep it safe):")
    print()
    print(f"    {recovery_key}")
    print()
    print("If you forget your passphrase, only this key can open your journal.")
    print("Nobody else, including the CareCompanion team, can recover it for you.")
    return 0


def cmd_unlock_check(args: argparse.Namespace) -> int:
    unlock(args).lock()
    print("The passphrase is right.")
    return 0


def cmd_passphrase_change(args: argparse.Namespace) -> int:
    unlocked = unlock(args)
    try:
        unlocked.change_passphrase(new_secret([NEW_PASSPHRASE_ENV], "New passphrase: "))
    finally:
        unlocked.lock()
    print("Passphrase changed. Your recovery key still works.")
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    vault = open_vault(args)
    vault.read_header()
    unlocked = vault.unlock_with_recovery_key(secret(RECOVERY_KEY_ENV, "Recovery key: "))
    try:
        new_passphrase = new_secret([NEW_PASSPHRASE_ENV, PASSPHRASE_ENV], "New passphrase: ")
        unlocked.change_passphrase(new_passphrase)
    finally:
        unlocked.lock()
    print("Your vault is open again with the new passphrase. Keep using the same recovery key.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    unlocked = unlock(args)
    try:
        out = unlocked.backup_to(Path(args.out))
    finally:
        unlocked.lock()
    print(f"Backup written to {out}. It opens only with your passphrase or recovery key.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from carecompanion.vault.vault import restore_backup

    paths = paths_from(args)
    source = Path(args.file)
    if not source.is_file():
        raise CliError(f"There is no backup file at {source}.")
    if os.environ.get(RECOVERY_KEY_ENV) and not os.environ.get(PASSPHRASE_ENV):
        moved = restore_backup(
            source, paths, recovery_key=os.environ[RECOVERY_KEY_ENV], clock=clock()
        )
    else:
        moved = restore_backup(
            source,
            paths,
            passphrase=secret(PASSPHRASE_ENV, "Passphrase of the backup: "),
            clock=clock(),
        )
    print(f"Restored {source} into {paths.data_dir}.")
    if moved is not None:
        print(f"The vault it replaced was kept in {moved}.")
    return 0
