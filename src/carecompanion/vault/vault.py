"""Creating, unlocking and re-keying a vault.

Key hierarchy::

    passphrase --Argon2id--> wrap key --AES-GCM--> data key (random, 256 bits)
    recovery key --HKDF----> wrap key --AES-GCM--> same data key
    OS keyring key --------------------AES-GCM--> same data key   (optional)
    data key --HKDF--> SQLCipher raw key, header MAC key, later: identity keys

Changing the passphrase re-wraps the data key only, so it is instant whatever the vault size.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from carecompanion.atomic import atomic_write_bytes
from carecompanion.clock import Clock, SystemClock
from carecompanion.errors import Sentence
from carecompanion.paths import AppPaths
from carecompanion.vault import recovery
from carecompanion.vault.backup import BackupRotation, extract_backup, read_backup, write_backup
from carecompanion.vault.device_keys import KEY_BYTES as DEVICE_KEY_BYTES
from carecompanion.vault.device_keys import DeviceKeyStore
from carecompanion.vault.errors import (
    DatabaseDamaged,
    HeaderDamaged,
    NewerVaultVersion,
    VaultAlreadyExists,
    VaultNotFound,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryKey,
)
from carecompanion.vault.header import (
    SLOT_DEVICE,
    SLOT_PASSPHRASE,
    SLOT_RECOVERY,
    VaultHeader,
    b64d,
    b64e,
)
from carecompanion.vault.kdf import DEFAULT_KDF, KdfParams, derive_key, meets_floor, new_salt
from carecompanion.vault.strength import estimate

if TYPE_CHECKING:
    from carecompanion.storage.database import Database

DATA_KEY_BYTES = 32
NO_RECOVERY_KEY = Sentence("vault.recovery_key.none", "This vault has no recovery key.")
DATABASE_MISSING = Sentence(
    "vault.database.missing",
    "The journal database is missing or empty. Restore it from a backup.",
)
#: Up to this size the whole database is verified while unlocking (about 0.4 s); above, the
#: full check runs with the daily backup. See UnlockedVault.open_database.
FULL_CHECK_MAX_BYTES = 32 * 1024 * 1024


def subkey(data_key: bytes, purpose: str) -> bytes:
    """Independent keys for each use, so no key ever does two jobs."""
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"carecompanion " + purpose.encode()
    ).derive(data_key)


def _passphrase_params(kdf: KdfParams, salt: bytes) -> dict[str, object]:
    return {"kdf": "argon2id", **kdf.as_dict(), "salt": b64e(salt)}


def _check_new_passphrase(passphrase: str) -> None:
    strength = estimate(passphrase)
    if not strength.acceptable:
        raise WeakPassphrase(advice=strength.advice)


class Vault:
    """A vault on disk, still locked. Reading its header is cheap; unlocking costs one KDF."""

    def __init__(
        self, paths: AppPaths, clock: Clock | None = None, *, defer_maintenance: bool = False
    ) -> None:
        """``defer_maintenance``: leave a large journal's full check and the daily backup to
        ``UnlockedVault.run_maintenance`` (the app runs it on a worker thread)."""
        self.paths = paths
        self.clock = clock or SystemClock()
        self.defer_maintenance = defer_maintenance

    def exists(self) -> bool:
        return self.paths.vault_exists()

    def read_header(self) -> VaultHeader:
        try:
            data = self.paths.header_file.read_bytes()
        except FileNotFoundError as exc:
            raise VaultNotFound(self.paths.data_dir) from exc
        return VaultHeader.from_bytes(data)

    # -- creating ---------------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        paths: AppPaths,
        passphrase: str,
        *,
        kdf: KdfParams = DEFAULT_KDF,
        clock: Clock | None = None,
    ) -> tuple[UnlockedVault, str]:
        """Make a new vault. Returns it unlocked, and the recovery key to show once."""
        if not meets_floor(kdf):
            raise ValueError("KDF parameters below RFC 9106's minimum are never used")
        _check_new_passphrase(passphrase)
        vault = cls(paths, clock)
        if vault.exists() or paths.database_file.exists():
            raise VaultAlreadyExists(paths.data_dir)
        paths.ensure()
        data_key = os.urandom(DATA_KEY_BYTES)
        secret = recovery.generate_recovery_secret()
        header = VaultHeader(vault_id=uuid.uuid4().hex, created=vault.clock.now().isoformat())
        header = _wrap_passphrase(header, data_key, passphrase, kdf)
        rec_salt = new_salt()
        header = header.with_slot(
            SLOT_RECOVERY,
            data_key,
            recovery.recovery_wrap_key(secret, rec_salt),
            {"salt": b64e(rec_salt)},
        )
        unlocked = UnlockedVault(vault, header, data_key)
        unlocked.open_database(take_backup=False)  # create the schema before the header lands
        unlocked.save_header(header)
        return unlocked, recovery.format_recovery_key(secret)

    # -- unlocking --------------------------------------------------------------------------
    def unlock(self, passphrase: str) -> UnlockedVault:
        header = self.read_header()
        kdf, salt = header.passphrase_kdf()
        data_key = header.unwrap(SLOT_PASSPHRASE, derive_key(passphrase, salt, kdf))
        if data_key is None:
            raise WrongPassphrase()
        return self._opened(header, data_key)

    def unlock_with_recovery_key(self, text: str) -> UnlockedVault:
        secret = recovery.parse_recovery_key(text)
        header = self.read_header()
        if SLOT_RECOVERY not in header.slots:
            raise WrongRecoveryKey(NO_RECOVERY_KEY)
        salt = b64d(header.slots[SLOT_RECOVERY].get("salt"), "the recovery salt")
        data_key = header.unwrap(SLOT_RECOVERY, recovery.recovery_wrap_key(secret, salt))
        if data_key is None:
            raise WrongRecoveryKey()
        return self._opened(header, data_key)

    def is_remembered(self) -> bool:
        try:
            return SLOT_DEVICE in self.read_header().slots
        except (VaultNotFound, HeaderDamaged):
            return False

    def unlock_with_device_key(self, store: DeviceKeyStore) -> UnlockedVault | None:
        """Open without a passphrase when this computer's keyring remembers the vault."""
        header = self.read_header()
        if SLOT_DEVICE not in header.slots:
            return None
        device_key = store.load(header.vault_id)
        if device_key is None:
            return None
        data_key = header.unwrap(SLOT_DEVICE, device_key)
        if data_key is None:
            return None
        return self._opened(header, data_key)

    def _opened(self, header: VaultHeader, data_key: bytes) -> UnlockedVault:
        header.verify_mac(subkey(data_key, "header mac"))
        database_file = self.paths.database_file
        if not database_file.exists() or database_file.stat().st_size == 0:
            # Never start an empty journal in its place (nor back that up over good copies).
            raise DatabaseDamaged(DATABASE_MISSING)
        unlocked = UnlockedVault(self, header, data_key)
        unlocked.open_database(take_backup=True, defer_maintenance=self.defer_maintenance)
        return unlocked


def _wrap_passphrase(
    header: VaultHeader, data_key: bytes, passphrase: str, kdf: KdfParams
) -> VaultHeader:
    salt = new_salt()
    wrap_key = derive_key(passphrase, salt, kdf)
    return header.with_slot(SLOT_PASSPHRASE, data_key, wrap_key, _passphrase_params(kdf, salt))


class UnlockedVault:
    """An open vault. ``lock()`` closes the database and forgets the keys."""

    def __init__(self, vault: Vault, header: VaultHeader, data_key: bytes) -> None:
        self.vault = vault
        self.paths = vault.paths
        self.clock = vault.clock
        self.header = header
        self._data_key: bytearray | None = bytearray(data_key)
        self._database: Database | None = None
        self._fully_checked = False

    @property
    def vault_id(self) -> str:
        return self.header.vault_id

    @property
    def is_locked(self) -> bool:
        return self._data_key is None

    def _key(self) -> bytes:
        if self._data_key is None:
            raise RuntimeError("the vault is locked")
        return bytes(self._data_key)

    def subkey(self, purpose: str) -> bytes:
        return subkey(self._key(), purpose)

    @property
    def database(self) -> Database:
        if self._database is None:
            raise RuntimeError("the vault is locked")
        return self._database

    def open_database(self, *, take_backup: bool, defer_maintenance: bool = False) -> None:
        """Open, verify, back up if due, and migrate the encrypted database.

        A small database is verified page by page here. A large one (over
        FULL_CHECK_MAX_BYTES) gets a light check, and its full check runs with the daily
        backup: here, or, with ``defer_maintenance`` (the app), in ``run_maintenance`` on a
        worker thread after the window is open, so a big journal still opens at once.
        """
        # Loaded here, not at the top: SQLAlchemy and Alembic take about 300 ms to import,
        # and the app imports this module before its first window, to see whether the
        # keyring remembers the vault (measured with benchmarks/startup.py on a data folder
        # holding a vault: 0.6 s to the unlock screen with them at the top, 0.35 s without).
        # ui/app/launch.py preloads them on a thread while the passphrase is typed.
        from carecompanion.storage import migrate
        from carecompanion.storage.database import Database

        # Refuses first when SQLCipher is missing, so no stray file is left behind.
        database = Database(self.paths.database_file, self.subkey("sqlcipher"))
        if not self.paths.database_file.exists():
            # Created empty and private first: SQLite gives its WAL and SHM the same mode.
            os.close(os.open(self.paths.database_file, os.O_CREAT | os.O_WRONLY, 0o600))
        try:
            is_new = not self.paths.database_file.exists() or (
                self.paths.database_file.stat().st_size == 0
            )
            size = 0 if is_new else self.paths.database_file.stat().st_size
            self._fully_checked = size <= FULL_CHECK_MAX_BYTES
            if not is_new:
                database.check_integrity(full=self._fully_checked)
            state = migrate.schema_state(database.engine)
            if state is migrate.SchemaState.NEWER:
                raise NewerVaultVersion()
            if state is migrate.SchemaState.OLDER:
                # Before changing the schema, always keep a copy of the vault as it was.
                stamp = self.clock.now().strftime("%Y%m%d-%H%M%S")
                write_backup(
                    database,
                    self.header,
                    self.paths.backups_dir / f"before-upgrade-{stamp}.ccbackup",
                    self.clock,
                )
            if state is not migrate.SchemaState.CURRENT:
                migrate.upgrade(database.engine)
            self._database = database
            if take_backup and not defer_maintenance:
                self.run_maintenance()
        except BaseException:
            database.close()
            self._database = None
            raise

    def run_maintenance(self) -> None:
        """The full check (if unlocking skipped it), then the daily backup if one is due.

        Reading every page, the backup would also fail on a damaged one, so a damaged journal
        never rotates a good backup away."""
        database = self.database
        if not self._fully_checked:
            database.check_integrity(full=True)
            self._fully_checked = True
        BackupRotation(self.paths, self.clock).take_if_due(database, self.header)

    # -- re-keying ----------------------------------------------------------------------------
    def save_header(self, header: VaultHeader) -> None:
        signed = header.signed(self.subkey("header mac"))
        atomic_write_bytes(self.paths.header_file, signed.to_bytes())
        self.header = signed

    def change_passphrase(self, new_passphrase: str, kdf: KdfParams | None = None) -> None:
        """Re-wrap the data key under a new passphrase (and, optionally, stronger KDF settings)."""
        _check_new_passphrase(new_passphrase)
        current_kdf, _ = self.header.passphrase_kdf()
        chosen = kdf or current_kdf
        if not meets_floor(chosen):
            raise ValueError("KDF parameters below RFC 9106's minimum are never used")
        self.save_header(_wrap_passphrase(self.header, self._key(), new_passphrase, chosen))

    def check_passphrase(self, passphrase: str) -> bool:
        """True when ``passphrase`` opens this vault (asked again before sensitive changes)."""
        kdf, salt = self.header.passphrase_kdf()
        return self.header.unwrap(SLOT_PASSPHRASE, derive_key(passphrase, salt, kdf)) is not None

    def remember_on_this_computer(self, store: DeviceKeyStore) -> None:
        device_key = os.urandom(DEVICE_KEY_BYTES)
        store.store(self.vault_id, device_key)
        self.save_header(self.header.with_slot(SLOT_DEVICE, self._key(), device_key, {}))

    def forget_this_computer(self, store: DeviceKeyStore) -> None:
        store.delete(self.vault_id)
        if SLOT_DEVICE in self.header.slots:
            self.save_header(self.header.without_slot(SLOT_DEVICE))

    @property
    def is_remembered(self) -> bool:
        return SLOT_DEVICE in self.header.slots

    # -- backups ------------------------------------------------------------------------------
    def backup_to(self, out: Path) -> Path:
        return write_backup(self.database, self.header, out, self.clock)

    # -- locking ------------------------------------------------------------------------------
    def lock(self) -> None:
        if self._database is not None:
            self._database.close()
            self._database = None
        if self._data_key is not None:
            # Best effort: Python may hold other copies, but this one is wiped.
            for i in range(len(self._data_key)):
                self._data_key[i] = 0
            self._data_key = None


def restore_backup(
    backup_file: Path,
    paths: AppPaths,
    passphrase: str | None = None,
    recovery_key: str | None = None,
    clock: Clock | None = None,
) -> Path | None:
    """Replace the vault in ``paths`` with a backup, after checking the backup opens.

    The vault being replaced is moved aside into ``replaced-<time>/`` inside the data folder,
    never deleted. Returns that folder (None when there was no vault to replace).
    """
    clock = clock or SystemClock()
    _header, archive = read_backup(Path(backup_file))
    paths.ensure()
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=paths.data_dir))
    try:
        with archive:
            staged = AppPaths(staging)
            extract_backup(archive, staged)
        check = Vault(staged, clock)
        if passphrase is not None:
            opened = check.unlock(passphrase)
        elif recovery_key is not None:
            opened = check.unlock_with_recovery_key(recovery_key)
        else:
            raise WrongPassphrase()
        opened.lock()
        for leftover in ("vault.db-wal", "vault.db-shm"):
            (staging / leftover).unlink(missing_ok=True)
        moved_to: Path | None = None
        if paths.header_file.exists() or paths.database_file.exists():
            moved_to = _new_folder(paths.data_dir, f"replaced-{clock.now():%Y%m%d-%H%M%S}")
            for name in ("vault.header", "vault.db", "vault.db-wal", "vault.db-shm"):
                source = paths.data_dir / name
                if source.exists():
                    source.replace(moved_to / name)
        staged.database_file.replace(paths.database_file)
        staged.header_file.replace(paths.header_file)
        return moved_to
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)


def _new_folder(parent: Path, name: str) -> Path:
    """Make ``parent/name``, or ``name-2``, ``name-3``... if a restore already used the name."""
    for attempt in range(1, 1000):
        folder = parent / (name if attempt == 1 else f"{name}-{attempt}")
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            continue
        return folder
    raise FileExistsError(parent / name)
