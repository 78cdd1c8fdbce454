"""Replacing the vault's data key: a new passphrase, a new recovery key, a re-encrypted journal.

A plain passphrase change re-wraps the same data key, so an old passphrase together with an
old copy of the header opens the journal for ever, and the recovery key can never be
replaced. Rotating makes a new data key and:

1. wraps it under the new passphrase and a new recovery key, in a header kept in memory (the
   slow Argon2id run happens here, before anything on disk changes);
2. writes the current header again with one more slot, ``rotating``: the new data key wrapped
   under a key derived from the old one. From here a crash can always be undone;
3. re-encrypts every page of the database under the new key (``PRAGMA rekey``: one commit);
4. writes the new header (its generation one higher, signed under the new key): the point of
   no return. The old passphrase, the old recovery key and "remember on this computer" (whose
   key was wrapped around the old data key) no longer open anything here;
5. writes today's backup under the new key, then deletes every backup in the backups folder
   that the old key opens (copies elsewhere, a USB stick, ``replaced-*`` folders, are out of
   reach: the old passphrase still opens those).

An interruption before step 4 (a crash, a full disk) leaves the header of step 2. Whoever
opens the vault next with the old passphrase (or old recovery key, or this computer's key)
finds the ``rotating`` slot: if the database is already under the new key, it is re-encrypted
back (:func:`settle_before_open`), and the slot is dropped (:func:`finish_undo`). The vault
is then as it was before the rotation began. After step 4, the new passphrase opens it.

``checkpoint`` (tests only) is called with each name in ``KILL_POINTS`` as the rotation
passes it: raising there stops the rotation as a crash would, at a known place.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from carecompanion.errors import CareCompanionError, Notice, Sentence
from carecompanion.progress import ProgressCallback, report
from carecompanion.vault import recovery
from carecompanion.vault.backup import BackupRotation, read_backup, write_backup
from carecompanion.vault.errors import BackupError, BackupNoSpace, HeaderDamaged
from carecompanion.vault.header import (
    SLOT_DEVICE,
    SLOT_RECOVERY,
    SLOT_ROTATING,
    VaultHeader,
    b64e,
)
from carecompanion.vault.kdf import KdfParams, meets_floor, new_salt, raised_to_default

if TYPE_CHECKING:
    from carecompanion.vault.device_keys import DeviceKeyStore
    from carecompanion.vault.vault import UnlockedVault

Checkpoint = Callable[[str], None]
#: Where ``checkpoint`` is called: after step 2; in step 3, once the rekey has committed (its
#: pages still in the WAL) and once they are in the database file; after steps 4 and 5.
KILL_POINTS = ("prepared", "rekey committed", "rekeyed", "switched", "backed up")
#: Progress is reported as (step, STEPS): 0 new passphrase, 1 re-encrypting, 2 new header,
#: 3 backups, 4 done.
STEPS = 4
_ROTATION_PURPOSE = "rotation"

NO_FRESH_BACKUP = Sentence(
    "vault.rotation.no_fresh_backup",
    "Your journal now has its new key, but no backup could be written under it (the disk is "
    "short of space). Your older backups were kept: they still open with the old passphrase "
    "and the old recovery key until tomorrow's backup replaces them.",
)
FRESH_BACKUP_FAILED = Sentence(
    "vault.rotation.fresh_backup_failed",
    "Your journal now has its new key, but the backup under it could not be written. Your "
    "older backups were kept: they still open with the old passphrase and the old recovery "
    "key until the next backup replaces them.",
)


@dataclass(frozen=True)
class Rotated:
    """What a rotation hands back: the new recovery key, shown once, and anything the person
    should know (a backup that could not be written)."""

    recovery_key: str
    notice: Notice | None = None
    #: Backups under the old key that were deleted.
    removed: tuple[str, ...] = ()
    #: "Remember on this computer" was on: its key wrapped the old data key, so it is off
    #: now; the app turns it on again with a new key.
    was_remembered: bool = False


def _hit(checkpoint: Checkpoint | None, name: str) -> None:
    if checkpoint is not None:
        checkpoint(name)


def _fresh_header(
    old: VaultHeader, data_key: bytearray, passphrase: str, kdf: KdfParams, secret: bytes
) -> VaultHeader:
    from carecompanion.vault.vault import _wrap_passphrase

    header = VaultHeader(vault_id=old.vault_id, created=old.created)
    header = _wrap_passphrase(header, data_key, passphrase, kdf)
    salt = new_salt()
    return header.with_slot(
        SLOT_RECOVERY, data_key, recovery.recovery_wrap_key(secret, salt), {"salt": b64e(salt)}
    )


def rotate(
    unlocked: UnlockedVault,
    new_passphrase: str,
    *,
    kdf: KdfParams | None = None,
    progress: ProgressCallback | None = None,
    store: DeviceKeyStore | None = None,
    checkpoint: Checkpoint | None = None,
) -> Rotated:
    """Give the vault a new data key, passphrase and recovery key (see the module's doc)."""
    from carecompanion.vault.vault import DATA_KEY_BYTES, _check_new_passphrase, subkey, wiped

    _check_new_passphrase(new_passphrase)
    unlocked._check_header_current()  # a stale session or a reader changes nothing
    chosen = kdf or raised_to_default(unlocked.header.passphrase_kdf()[0])
    if not meets_floor(chosen):
        raise ValueError("KDF parameters below RFC 9106's minimum are never used")
    report(progress, 0, STEPS)  # the last moment a cancel is heard: nothing has changed yet
    new_key = bytearray(os.urandom(DATA_KEY_BYTES))
    old_key = bytearray(unlocked._key())
    try:
        secret = recovery.generate_recovery_secret()
        fresh = _fresh_header(unlocked.header, new_key, new_passphrase, chosen, secret)
        with wiped(subkey(old_key, _ROTATION_PURPOSE)) as wrap:
            unlocked.save_header(unlocked.header.with_slot(SLOT_ROTATING, new_key, wrap, {}))
        _hit(checkpoint, "prepared")
        remembered = SLOT_DEVICE in unlocked.header.slots
        _switch(unlocked, fresh, old_key, new_key, progress, checkpoint)
        if remembered and store is not None:
            with contextlib.suppress(Exception):  # a keyring gone away keeps a useless key
                store.delete(unlocked.vault_id)
        _tell(progress, 3)
        notice, removed = _fresh_backups(unlocked, new_key)
        _hit(checkpoint, "backed up")
        _tell(progress, 4)
        return Rotated(recovery.format_recovery_key(secret), notice, removed, remembered)
    finally:
        for key in (old_key, new_key):
            for index in range(len(key)):
                key[index] = 0


def _tell(progress: ProgressCallback | None, step: int) -> None:
    """Progress once the journal is changing: a cancel now would only lose the new recovery
    key, so the answer is not heard."""
    if progress is not None:
        progress(step, STEPS)


def _switch(
    unlocked: UnlockedVault,
    fresh: VaultHeader,
    old_key: bytearray,
    new_key: bytearray,
    progress: ProgressCallback | None,
    checkpoint: Checkpoint | None,
) -> None:
    """Steps 3 and 4, undone in this process if either fails before the new header lands."""
    from carecompanion.vault.vault import subkey, wiped

    generation = unlocked.header.generation + 1  # what the new header is written as
    try:
        _tell(progress, 1)
        with wiped(subkey(new_key, "sqlcipher")) as database_key:
            unlocked.database.rekey(
                database_key, committed=lambda: _hit(checkpoint, "rekey committed")
            )
        _hit(checkpoint, "rekeyed")
        _tell(progress, 2)
        unlocked._replace_data_key(new_key)
        unlocked.save_header(fresh)
    except BaseException:
        if unlocked.header.generation != generation:  # the new header did not land
            _undo(unlocked, old_key, new_key)
        raise
    _hit(checkpoint, "switched")


def _undo(unlocked: UnlockedVault, old_key: bytearray, new_key: bytearray) -> None:
    """Put the vault back as it was (best effort: what is left is undone at the next open,
    from the ``rotating`` slot)."""
    from carecompanion.vault.vault import subkey, wiped

    with contextlib.suppress(Exception):
        with wiped(subkey(new_key, "sqlcipher")) as new_database_key:
            rekeyed = unlocked.database.keyed_with(new_database_key)
        if rekeyed:
            with wiped(subkey(old_key, "sqlcipher")) as old_database_key:
                unlocked.database.rekey(old_database_key)
        unlocked._replace_data_key(old_key)
        finish_undo(unlocked)


def _fresh_backups(
    unlocked: UnlockedVault, new_key: bytearray
) -> tuple[Notice | None, tuple[str, ...]]:
    """Today's backup under the new key, then no backup the old key opens. Without a fresh
    backup (a full disk), the old ones stay: a person is never left without any."""
    from carecompanion.vault.vault import subkey, wiped

    rotation = BackupRotation(unlocked.paths, unlocked.clock)
    rotation.remove_leftovers()
    try:
        write_backup(unlocked.database, unlocked.header, rotation.today_path(), unlocked.clock)
    except BackupNoSpace:
        return NO_FRESH_BACKUP(), ()
    except (CareCompanionError, OSError):
        # The new key stands and its recovery key must still reach the person: said, not
        # raised.
        return FRESH_BACKUP_FAILED(), ()
    removed: list[str] = []
    with wiped(subkey(new_key, "header mac")) as mac_key:
        for path in sorted(unlocked.paths.backups_dir.glob("*.ccbackup")):
            try:
                header, archive = read_backup(path)
                archive.close()
                header.verify_mac(mac_key)
            except HeaderDamaged:  # signed under another key: the old one
                path.unlink(missing_ok=True)
                removed.append(path.name)
            except (BackupError, OSError):
                continue  # not a backup we can read: left for the person to decide
    return None, tuple(removed)


# -- after an interrupted rotation -----------------------------------------------------------


def settle_before_open(unlocked: UnlockedVault) -> None:
    """Before the database is opened under a header that still has the ``rotating`` slot: if
    the rekey had already committed, re-encrypt the database back under the old key."""
    from carecompanion.storage.rekey import opens_with, rekey_file
    from carecompanion.vault.vault import subkey, wiped

    database_file = unlocked.paths.database_file
    with wiped(unlocked.subkey("sqlcipher")) as old_database_key:
        if opens_with(database_file, old_database_key):
            return  # the rekey never committed: only the slot is left to drop
        with wiped(unlocked.subkey(_ROTATION_PURPOSE)) as wrap:
            unwrapped = unlocked.header.unwrap(SLOT_ROTATING, wrap)
        if unwrapped is None:
            return  # not ours to mend: opening will say what is wrong
        with wiped(bytearray(unwrapped)) as new_key, wiped(subkey(new_key, "sqlcipher")) as key:
            if not opens_with(database_file, key):
                return
            if not unlocked.is_writer:
                raise unlocked._in_use()  # the writer is rotating now, or will settle it
            rekey_file(database_file, key, old_database_key)


def finish_undo(unlocked: UnlockedVault) -> None:
    """Drop the ``rotating`` slot: the old key is the vault's key again."""
    if SLOT_ROTATING in unlocked.header.slots and unlocked.is_writer:
        unlocked.save_header(unlocked.header.without_slot(SLOT_ROTATING))
