"""init, unlock-check, passphrase change, recover, backup, restore and the earlier journals
restores replaced; opening the vault for every other command.

Imported at every start (the parser names these handlers), so the vault's modules, which
load cryptography, are imported only when a command opens it.
"""

from __future__ import annotations

import argparse
import os
import sys
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
    print_rows,
    secret,
)

if TYPE_CHECKING:
    from carecompanion.paths import AppPaths
    from carecompanion.session import VaultSession
    from carecompanion.vault.rotation import Rotated
    from carecompanion.vault.vault import UnlockedVault, Vault


#: Commands that only read the journal (exports write outside the vault). While another
#: process (the app, a command that writes) has the vault, they read it under SQLite's own
#: locking instead of being refused; every other command is one of the vault's writers and
#: waits for another command, or is refused while the app has it (vault/writer_lock.py).
READ_ONLY_COMMANDS = frozenset(
    {
        "unlock-check",
        "journal list",
        "journal search",
        "journal show",
        "journal export",
        "mood list",
        "mood export",
        "mood report",
        "contacts list",
        "contacts due",
        "contacts export-vcard",
        "groups list",
        "groups export-ics",
    }
)


def open_vault(args: argparse.Namespace) -> Vault:
    """The vault ``--data-dir`` names, still locked; read-only for the commands that only
    read."""
    from carecompanion.vault.vault import Vault

    command = getattr(args, "command", "")
    return Vault(paths_from(args), clock(), read_only=command in READ_ONLY_COMMANDS)


def unlock(args: argparse.Namespace) -> UnlockedVault:
    """Open the vault named by ``--data-dir`` with the passphrase from the env or a prompt."""
    vault = open_vault(args)
    vault.read_header()  # "no vault here" before asking for a passphrase
    with vault.claimed():  # "CareCompanion is open on this journal" before asking, too
        unlocked = vault.unlock(secret(PASSPHRASE_ENV, "Passphrase: "))
    if unlocked.maintenance_notice is not None:
        # The daily backup was skipped (a nearly full disk): said, and the command goes on.
        print(f"carecompanion: {unlocked.maintenance_notice}", file=sys.stderr)
    return unlocked


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
    from carecompanion.vault.restore_log import refuse_while_half_done

    refuse_while_half_done(paths)  # its vault is moving: a new one would hide it
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
        new_passphrase = new_secret([NEW_PASSPHRASE_ENV], "New passphrase: ")
        if not args.rotate_key:
            unlocked.change_passphrase(new_passphrase)
        else:
            from carecompanion.vault.device_keys import DeviceKeyStore

            rotated = unlocked.rotate_keys(new_passphrase, store=DeviceKeyStore())
    finally:
        unlocked.lock()
    if not args.rotate_key:
        print("Passphrase changed. Your recovery key still works.")
        return 0
    _print_rotated(rotated)
    return 0


def _print_rotated(rotated: Rotated) -> None:
    print("Passphrase changed, and your journal now has a new key.")
    print()
    print("Your new recovery key (shown only this once; write it down and keep it safe):")
    print()
    print(f"    {rotated.recovery_key}")
    print()
    print("Your old recovery key no longer opens this journal, nor does the old passphrase.")
    if rotated.was_remembered:
        print("This computer no longer opens it without a passphrase: turn that on again in")
        print("the app's settings if you want it.")
    if rotated.notice is not None:
        print(rotated.notice)
    else:
        print("Backups in the backups folder were replaced by one under the new key; copies")
        print("you saved elsewhere before still open with the old passphrase.")


def cmd_recover(args: argparse.Namespace) -> int:
    vault = open_vault(args)
    vault.read_header()
    with vault.claimed():
        unlocked = vault.unlock_with_recovery_key(secret(RECOVERY_KEY_ENV, "Recovery key: "))
    try:
        # Only its own variable, or the prompt: CARECOMPANION_PASSPHRASE is what a script
        # unlocks with, and taking it here would quietly set a passphrase nobody chose.
        new_passphrase = new_secret([NEW_PASSPHRASE_ENV], "New passphrase: ")
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


@contextmanager
def vault_files(paths: AppPaths) -> Iterator[None]:
    """Hold the vault as its writer while its files are replaced (a restore, a put-back):
    refused while the app has it open, which would otherwise go on writing into the
    replaced vault (issue 15, finding 3). Taken before the passphrase is asked for."""
    from carecompanion.vault.vault import Vault

    paths.ensure()  # a restore into a new folder: the lock lives there too
    with Vault(paths, clock()).claimed():
        yield


def _restore_secret(prompt: str) -> dict[str, str]:
    """The passphrase (env or prompt), or the recovery key when only that is set."""
    if os.environ.get(RECOVERY_KEY_ENV) and not os.environ.get(PASSPHRASE_ENV):
        return {"recovery_key": os.environ[RECOVERY_KEY_ENV]}
    return {"passphrase": secret(PASSPHRASE_ENV, prompt)}


def cmd_restore(args: argparse.Namespace) -> int:
    from carecompanion.vault.restore import restore_backup

    paths = paths_from(args)
    source = Path(args.file)
    if not source.is_file():
        raise CliError(f"There is no backup file at {source}.")
    with vault_files(paths):
        moved = restore_backup(
            source, paths, clock=clock(), **_restore_secret("Passphrase of the backup: ")
        )
    print(f"Restored {source} into {paths.data_dir}.")
    if moved is not None:
        print(f"The vault it replaced was kept in {moved}.")
    return 0


def cmd_replaced_list(args: argparse.Namespace) -> int:
    """The earlier journals restores replaced, most recent first."""
    from carecompanion.vault.earlier import list_earlier

    paths = paths_from(args)
    rows = [
        {
            "name": journal.name,
            "replaced": journal.replaced_at.astimezone().isoformat(timespec="seconds"),
            "started": journal.started.astimezone().isoformat(timespec="seconds")
            if journal.started is not None
            else None,
            "complete": journal.complete,
            "path": str(journal.path),
        }
        for journal in list_earlier(paths)
    ]
    if not rows and not args.json:
        print(f"No earlier journals are kept in {paths.data_dir}.")
        return 0
    print_rows(rows, args.json)
    return 0


def cmd_replaced_put_back(args: argparse.Namespace) -> int:
    from carecompanion.vault.restore import put_back

    paths = paths_from(args)
    with vault_files(paths):
        moved = put_back(
            args.name, paths, clock=clock(), **_restore_secret("Passphrase of that journal: ")
        )
    print(f"The earlier journal {args.name} is back in {paths.data_dir}.")
    if moved is not None:
        print(f"The vault it replaced was kept in {moved}.")
    return 0
