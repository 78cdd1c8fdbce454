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
        "check",
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


def unlock(args: argparse.Namespace, *, passphrase_only: bool = False) -> UnlockedVault:
    """Open the vault named by ``--data-dir``: with the key of the unlocked session
    (``carecompanion unlock``) when there is one for this vault, else with the passphrase
    from the env or a prompt. ``passphrase_only``: the commands that must see the passphrase
    itself (checking it, changing it) never take the session's key."""
    vault = open_vault(args)
    header = vault.read_header()  # "no vault here" before asking for a passphrase
    unlocked = None if passphrase_only else _unlock_with_session(vault, header.vault_id)
    if unlocked is None:
        with vault.claimed():  # "CareCompanion is open on this journal" before asking, too
            unlocked = vault.unlock(secret(PASSPHRASE_ENV, "Passphrase: "))
    if unlocked.maintenance_notice is not None:
        # The daily backup was skipped (a nearly full disk): said, and the command goes on.
        print(f"carecompanion: {unlocked.maintenance_notice}", file=sys.stderr)
    return unlocked


def _unlock_with_session(vault: Vault, vault_id: str) -> UnlockedVault | None:
    """The vault opened with the session agent's key, or None (no agent, its time is up, it
    holds another vault, or its key no longer opens this one): then the passphrase."""
    from carecompanion.vault.agent import fetch_key
    from carecompanion.vault.zeroing import zero

    data_key = fetch_key(vault_id)
    if data_key is None:
        return None
    try:
        return vault.unlock_with_data_key(data_key)
    finally:
        zero(data_key)


def end_session() -> None:
    """The passphrase or the key changed, or the vault was replaced: the unlocked session
    (if any) ends too, so it never outlives the passphrase that started it."""
    from carecompanion.vault.agent import end_agent

    end_agent()


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
    unlock(args, passphrase_only=True).lock()  # it checks the passphrase, not a session
    print("The passphrase is right.")
    return 0


def cmd_passphrase_change(args: argparse.Namespace) -> int:
    unlocked = unlock(args, passphrase_only=True)  # the current passphrase, always
    try:
        new_passphrase = new_secret([NEW_PASSPHRASE_ENV], "New passphrase: ")
        if not args.rotate_key:
            unlocked.change_passphrase(new_passphrase)
        else:
            from carecompanion.vault.device_keys import DeviceKeyStore

            rotated = unlocked.rotate_keys(new_passphrase, store=DeviceKeyStore())
    finally:
        unlocked.lock()
    end_session()  # a session never outlives the passphrase (or the key) that started it
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
    end_session()
    print("Your vault is open again with the new passphrase. Keep using the same recovery key.")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """The full integrity check, on demand (the command path never runs it otherwise). A
    damaged journal is the runner's one line, with where the backups are, and exit 1."""
    unlocked = unlock(args)
    try:
        unlocked.check_integrity(full=True)
    finally:
        unlocked.lock()
    print("Your journal is whole: every page was read and verified.")
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
    end_session()  # the session held the key of the journal that was replaced
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
    end_session()
    print(f"The earlier journal {args.name} is back in {paths.data_dir}.")
    if moved is not None:
        print(f"The vault it replaced was kept in {moved}.")
    return 0
