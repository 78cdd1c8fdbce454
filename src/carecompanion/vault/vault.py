"""Creating, unlocking and re-keying a vault.

Key hierarchy::

    passphrase --Argon2id--> wrap key --AES-GCM--> data key (random, 256 bits)
    recovery key --HKDF----> wrap key --AES-GCM--> same data key
    OS keyring key --------------------AES-GCM--> same data key   (optional)
    data key --HKDF--> SQLCipher raw key, header MAC key, later: identity keys

Changing the passphrase re-wraps the data key only, so it costs one KDF run whatever the
vault size (and raises an older vault's KDF to today's default). Rotating (``rotate_keys``,
vault/rotation.py) also replaces the data key: the database is re-encrypted, the recovery key
replaced, the backups made again.

Keys live in ``bytearray`` buffers that are zeroed when done (``wiped``, ``lock``); see
``wiped`` for what Python cannot promise.

One writer per vault: unlocking takes the vault's OS lock (:mod:`carecompanion.vault.writer_lock`)
and ``lock()`` lets go of it. Every header write is a compare-and-swap against the header this
session read or last wrote, and raises the header's generation, which the database holds too
(:mod:`carecompanion.vault.binding`).
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from carecompanion.atomic import atomic_write_bytes
from carecompanion.clock import Clock, SystemClock
from carecompanion.errors import Notice, Sentence
from carecompanion.paths import AppPaths
from carecompanion.progress import ProgressCallback
from carecompanion.vault import binding, recovery, rotation, upkeep
from carecompanion.vault.backup import BackupRotation, write_backup
from carecompanion.vault.device_keys import KEY_BYTES as DEVICE_KEY_BYTES
from carecompanion.vault.device_keys import DeviceKeyStore
from carecompanion.vault.errors import (
    BackupNoSpace,
    DatabaseDamaged,
    DiskFull,
    HeaderChanged,
    HeaderDamaged,
    NewerVaultVersion,
    StorageError,
    VaultAlreadyExists,
    VaultError,
    VaultInUse,
    VaultNotFound,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryKey,
)
from carecompanion.vault.header import (
    SLOT_DEVICE,
    SLOT_PASSPHRASE,
    SLOT_RECOVERY,
    SLOT_ROTATING,
    VaultHeader,
    b64d,
    b64e,
)
from carecompanion.vault.kdf import (
    DEFAULT_KDF,
    KdfParams,
    derive_key,
    meets_floor,
    new_salt,
    raised_to_default,
)
from carecompanion.vault.strength import estimate
from carecompanion.vault.subkeys import subkey as subkey
from carecompanion.vault.subkeys import wiped as wiped
from carecompanion.vault.writer_lock import (
    COMMAND_WAIT_SECONDS,
    IN_USE_BY_APP,
    IN_USE_BY_COMMAND,
    Claim,
    Holder,
    WriterLock,
)
from carecompanion.vault.zeroing import zero

if TYPE_CHECKING:
    from carecompanion.storage.database import Database

DATA_KEY_BYTES = 32
NO_RECOVERY_KEY = Sentence("vault.recovery_key.none", "This vault has no recovery key.")
DATABASE_MISSING = Sentence(
    "vault.database.missing",
    "The journal database is missing or empty. Restore it from a backup.",
)
CHANGED_WHILE_OPENING = Sentence(
    "vault.changed_while_opening",
    "The journal's keys were changed by CareCompanion while this command was opening it. "
    "Nothing was changed here; try again.",
)


def _passphrase_params(kdf: KdfParams, salt: bytes) -> dict[str, object]:
    return {"kdf": "argon2id", **kdf.as_dict(), "salt": b64e(salt)}


def _check_new_passphrase(passphrase: str) -> None:
    strength = estimate(passphrase)
    if not strength.acceptable:
        raise WeakPassphrase(advice=strength.reasons)  # what is wrong, then what to do


class Vault:
    """A vault on disk, still locked. Reading its header is cheap; unlocking costs one KDF."""

    def __init__(
        self,
        paths: AppPaths,
        clock: Clock | None = None,
        *,
        defer_maintenance: bool = False,
        holder: Holder = Holder.COMMAND,
        read_only: bool = False,
        lock_wait: float = COMMAND_WAIT_SECONDS,
        check_on_open: bool = False,
    ) -> None:
        """``defer_maintenance``: leave the daily backup (and the check before it) to
        ``UnlockedVault.run_maintenance`` (the app runs it on a worker thread).
        ``check_on_open``: verify every page while unlocking (the app asks for it after its
        background check found damage, so unlocking again offers the last backup); otherwise
        unlocking only makes sure the key opens the database (issue 17: no check on the way
        to a command).

        ``holder``: who this process is, said to a second process the vault is refused to.
        ``read_only``: only reading is intended; when another process has the vault, open
        it anyway and change nothing about its files (see ``writer_lock``).
        ``lock_wait``: how long unlocking waits for another command to let go of the vault
        (never for the app: that is refused at once)."""
        self.paths = paths
        self.clock = clock or SystemClock()
        self.defer_maintenance = defer_maintenance
        self.check_on_open = check_on_open
        self.holder = holder
        self.read_only = read_only
        self.lock_wait = lock_wait

    def exists(self) -> bool:
        return self.paths.vault_exists()

    def read_header(self) -> VaultHeader:
        return self._read_header_raw()[0]

    def _read_header_raw(self) -> tuple[VaultHeader, bytes]:
        """The header, and its bytes as read: what a later header write compares against."""
        try:
            data = self.paths.header_file.read_bytes()
        except FileNotFoundError as exc:
            raise VaultNotFound(self.paths.data_dir) from exc
        return VaultHeader.from_bytes(data), data

    # -- one writer -------------------------------------------------------------------------
    def claim(self) -> Claim:
        """This process's claim on the vault: its writer's lock (or VaultInUse), or for a
        read-only vault, the lock when it is free and a claim to read without it otherwise.
        Counted within the process: release each claim once."""
        lock = WriterLock(self.paths.data_dir, self.holder)
        return lock.acquire_for_reading() if self.read_only else lock.acquire(wait=self.lock_wait)

    @contextlib.contextmanager
    def claimed(self) -> Iterator[Claim]:
        """Hold the vault for a block: around a passphrase prompt, a restore."""
        claim = self.claim()
        try:
            yield claim
        finally:
            claim.release()

    def _header_changed_since(self, raw: bytes) -> bool:
        try:
            return self.paths.header_file.read_bytes() != raw
        except OSError:
            return True

    @contextlib.contextmanager
    def _unlocking(self) -> Iterator[Claim]:
        """The claim an unlock hands to its UnlockedVault; let go of if the unlock fails."""
        claim = self.claim()
        try:
            yield claim
        except BaseException:
            claim.release()
            raise

    # -- creating ---------------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        paths: AppPaths,
        passphrase: str,
        *,
        kdf: KdfParams = DEFAULT_KDF,
        clock: Clock | None = None,
        holder: Holder = Holder.COMMAND,
    ) -> tuple[UnlockedVault, str]:
        """Make a new vault. Returns it unlocked, and the recovery key to show once."""
        if not meets_floor(kdf):
            raise ValueError("KDF parameters below RFC 9106's minimum are never used")
        _check_new_passphrase(passphrase)
        vault = cls(paths, clock, holder=holder)
        if vault.exists() or paths.database_file.exists():
            raise VaultAlreadyExists(paths.data_dir)
        paths.ensure()
        with vault._unlocking() as claim:
            if vault.exists() or paths.database_file.exists():  # made meanwhile, elsewhere
                raise VaultAlreadyExists(paths.data_dir)
            return vault._create(passphrase, kdf, claim)

    def _create(self, passphrase: str, kdf: KdfParams, claim: Claim) -> tuple[UnlockedVault, str]:
        data_key = os.urandom(DATA_KEY_BYTES)
        secret = recovery.generate_recovery_secret()
        header = VaultHeader(vault_id=uuid.uuid4().hex, created=self.clock.now().isoformat())
        header = _wrap_passphrase(header, data_key, passphrase, kdf)
        rec_salt = new_salt()
        header = header.with_slot(
            SLOT_RECOVERY,
            data_key,
            recovery.recovery_wrap_key(secret, rec_salt),
            {"salt": b64e(rec_salt)},
        )
        unlocked = UnlockedVault(self, header, data_key, claim=claim, header_bytes=None)
        unlocked.open_database(take_backup=False)  # create the schema before the header lands
        unlocked.save_header(header)
        return unlocked, recovery.format_recovery_key(secret)

    # -- unlocking --------------------------------------------------------------------------
    # Each unlock claims the vault first, then reads the header: a writer's header is then
    # the newest, since no other process can write one while the claim is held.
    def unlock(self, passphrase: str) -> UnlockedVault:
        with self._unlocking() as claim:
            header, raw = self._read_header_raw()
            kdf, salt = header.passphrase_kdf()
            data_key = header.unwrap(SLOT_PASSPHRASE, derive_key(passphrase, salt, kdf))
            if data_key is None:
                raise WrongPassphrase()
            return self._opened(header, raw, data_key, claim)

    def unlock_with_recovery_key(self, text: str) -> UnlockedVault:
        secret = recovery.parse_recovery_key(text)
        with self._unlocking() as claim:
            header, raw = self._read_header_raw()
            if SLOT_RECOVERY not in header.slots:
                raise WrongRecoveryKey(NO_RECOVERY_KEY)
            salt = b64d(header.slots[SLOT_RECOVERY].get("salt"), "the recovery salt")
            data_key = header.unwrap(SLOT_RECOVERY, recovery.recovery_wrap_key(secret, salt))
            if data_key is None:
                raise WrongRecoveryKey()
            return self._opened(header, raw, data_key, claim)

    def is_remembered(self) -> bool:
        try:
            return SLOT_DEVICE in self.read_header().slots
        except (VaultNotFound, HeaderDamaged):
            return False

    def unlock_with_device_key(self, store: DeviceKeyStore) -> UnlockedVault | None:
        """Open without a passphrase when this computer's keyring remembers the vault."""
        with self._unlocking() as claim:
            header, raw = self._read_header_raw()
            device_key = store.load(header.vault_id) if SLOT_DEVICE in header.slots else None
            data_key = None if device_key is None else header.unwrap(SLOT_DEVICE, device_key)
            if data_key is None:
                claim.release()
                return None
            return self._opened(header, raw, data_key, claim)

    def data_key_for(self, passphrase: str) -> bytearray:
        """The data key the passphrase opens, checked against the header's MAC, in a buffer
        the caller zeroes; the vault itself is not opened nor claimed (``carecompanion
        unlock`` hands the key to the session's agent, vault/agent.py). WrongPassphrase
        otherwise."""
        header = self.read_header()
        kdf, salt = header.passphrase_kdf()
        unwrapped = header.unwrap(SLOT_PASSPHRASE, derive_key(passphrase, salt, kdf))
        if unwrapped is None:
            raise WrongPassphrase()
        data_key = bytearray(unwrapped)
        try:
            with wiped(subkey(data_key, "header mac")) as mac_key:
                header.verify_mac(mac_key)
        except BaseException:
            zero(data_key)
            raise
        return data_key

    def unlock_with_data_key(self, data_key: bytearray) -> UnlockedVault | None:
        """Open with a data key kept elsewhere (the command line's session agent), or None
        when the key does not open this vault's header (a key from before a rotation, from
        another vault): then the caller asks for the passphrase. ``data_key`` is copied; the
        caller zeroes its own buffer."""
        with self._unlocking() as claim:
            header, raw = self._read_header_raw()
            try:
                with wiped(subkey(data_key, "header mac")) as mac_key:
                    header.verify_mac(mac_key)
            except HeaderDamaged:
                claim.release()
                return None
            return self._opened(header, raw, data_key, claim)

    def _opened(
        self, header: VaultHeader, raw: bytes, data_key: bytes | bytearray, claim: Claim
    ) -> UnlockedVault:
        with wiped(subkey(data_key, "header mac")) as mac_key:
            header.verify_mac(mac_key)
        database_file = self.paths.database_file
        if not database_file.exists() or database_file.stat().st_size == 0:
            # Never start an empty journal in its place (nor back that up over good copies).
            raise DatabaseDamaged(DATABASE_MISSING)
        unlocked = UnlockedVault(self, header, data_key, claim=claim, header_bytes=raw)
        interrupted = SLOT_ROTATING in header.slots  # a key rotation stopped part way
        if interrupted:
            rotation.settle_before_open(unlocked)
        try:
            unlocked.open_database(take_backup=True, defer_maintenance=self.defer_maintenance)
        except DatabaseDamaged:
            if not unlocked.is_writer and self._header_changed_since(raw):
                # A reader beside the writer: the writer gave the journal a new key meanwhile.
                raise VaultInUse(CHANGED_WHILE_OPENING) from None
            raise
        if interrupted:
            # If this fails the slot stays, harmless: the next unlock drops it.
            with contextlib.suppress(VaultError):
                rotation.finish_undo(unlocked)
        return unlocked


def _wrap_passphrase(
    header: VaultHeader, data_key: bytes | bytearray, passphrase: str, kdf: KdfParams
) -> VaultHeader:
    salt = new_salt()
    wrap_key = derive_key(passphrase, salt, kdf)
    return header.with_slot(SLOT_PASSPHRASE, data_key, wrap_key, _passphrase_params(kdf, salt))


class UnlockedVault:
    """An open vault. ``lock()`` closes the database and forgets the keys."""

    def __init__(
        self,
        vault: Vault,
        header: VaultHeader,
        data_key: bytes | bytearray,
        *,
        claim: Claim | None = None,
        header_bytes: bytes | None = None,
    ) -> None:
        """``claim``: this session's claim on the vault, let go of by ``lock()`` (None: the
        caller holds the vault itself). ``header_bytes``: the header file as read (None: a
        new vault, whose header does not exist yet); header writes compare against it."""
        self.vault = vault
        self.paths = vault.paths
        self.clock = vault.clock
        self.header = header
        self._data_key: bytearray | None = bytearray(data_key)
        self._database: Database | None = None
        self._fully_checked = False
        #: What the last maintenance wants the person to know (the daily backup skipped for
        #: lack of space), or None. See run_maintenance.
        self.maintenance_notice: Notice | None = None
        self._claim = claim
        self._header_bytes = header_bytes

    @property
    def is_writer(self) -> bool:
        """False for a read-only session that found another process writing: it reads, and
        changes nothing about the vault's files (no header, no migration, no backup)."""
        return self._claim is None or self._claim.exclusive

    @property
    def vault_id(self) -> str:
        return self.header.vault_id

    @property
    def is_locked(self) -> bool:
        return self._data_key is None

    def _key(self) -> bytearray:
        """The data key itself (no copy: a ``bytes`` copy could never be wiped). Use it in
        place; never keep it."""
        if self._data_key is None:
            raise RuntimeError("the vault is locked")
        return self._data_key

    def subkey(self, purpose: str) -> bytearray:
        """A fresh subkey in a buffer of its own: the caller zeroes it after use (``wiped``)."""
        return subkey(self._key(), purpose)

    def _replace_data_key(self, new: bytearray) -> None:
        """A key rotation's switch (vault/rotation.py): the old key is zeroed in place."""
        key = self._key()
        key[:] = new

    @property
    def database(self) -> Database:
        if self._database is None:
            raise RuntimeError("the vault is locked")
        return self._database

    def open_database(self, *, take_backup: bool, defer_maintenance: bool = False) -> None:
        """Open, verify, back up if due, and migrate the encrypted database.

        Opening only makes sure the key opens the database (the light check; the full one
        with the vault's ``check_on_open``): every page is verified by its HMAC whenever it
        is read, and the integrity checks run where they belong (issue 17), never on the way
        to a command: the full one before a backup (the daily one here, or, with
        ``defer_maintenance`` (the app), in ``run_maintenance`` on a worker thread after the
        window is open) and on demand (``check_integrity``).
        """
        # Loaded here, not at the top: SQLAlchemy and Alembic take about 300 ms to import,
        # and the app imports this module before its first window, to see whether the
        # keyring remembers the vault (measured with benchmarks/startup.py on a data folder
        # holding a vault: 0.6 s to the unlock screen with them at the top, 0.35 s without).
        # ui/app/launch.py preloads them on a thread while the passphrase is typed. Alembic
        # itself only when a migration is due: schema_version reads the version without it.
        from carecompanion.storage import compaction
        from carecompanion.storage.database import Check, Database
        from carecompanion.storage.schema_version import SchemaState, schema_state

        # Refuses first when SQLCipher is missing, so no stray file is left behind.
        with wiped(self.subkey("sqlcipher")) as key:  # Database keeps its own wipeable copy
            database = Database(self.paths.database_file, key)
        if not self.paths.database_file.exists():
            # Created empty and private first: SQLite gives its WAL and SHM the same mode.
            os.close(os.open(self.paths.database_file, os.O_CREAT | os.O_WRONLY, 0o600))
        try:
            is_new = not self.paths.database_file.exists() or (
                self.paths.database_file.stat().st_size == 0
            )
            self._fully_checked = False
            if not is_new:
                self._fully_checked = self.vault.check_on_open
                database.check_integrity(Check.FULL if self._fully_checked else Check.LIGHT)
            state = schema_state(database.engine)
            if state is SchemaState.NEWER:
                raise NewerVaultVersion()
            bound = self._check_binding(database)  # before anything is written
            if state is not SchemaState.CURRENT and not self.is_writer:
                raise self._in_use()  # only the vault's writer upgrades its schema
            if state is SchemaState.OLDER:
                # Before changing the schema, always keep a copy of the vault as it was: on a
                # full disk the upgrade waits (it needs space too), said as the journal's.
                stamp = self.clock.now().strftime("%Y%m%d-%H%M%S")
                if not self._fully_checked:
                    database.check_integrity()  # before a backup: never copy damage
                    self._fully_checked = True
                try:
                    write_backup(
                        database,
                        self.header,
                        self.paths.backups_dir / f"before-upgrade-{stamp}.ccbackup",
                        self.clock,
                    )
                except BackupNoSpace as exc:
                    raise DiskFull() from exc
            if state is not SchemaState.CURRENT:
                from carecompanion.storage import migrate  # Alembic: only for a migration

                migrate.upgrade(database.engine)
            if self.is_writer:
                # A compaction a migration asked for and never got (the process died before
                # it, or the disk was too full): one PRAGMA read when none is owed.
                compaction.compact_if_due(database.engine)
            if self.is_writer and not bound.settled_at(self.header.generation):
                binding.commit(database.engine, self.header.generation)  # after a crash
            self._database = database
            if take_backup and not defer_maintenance and self.is_writer:
                self.run_maintenance()
        except BaseException:
            database.close()
            self._database = None
            raise

    def run_maintenance(self, *, daily_check: bool = False) -> Notice | None:
        """The daily backup if one is due, after the full check; with ``daily_check`` (the
        app, in the background) the quick check when no check passed in the last day.

        The full check before the backup means a damaged journal never rotates a good backup
        away. A backup skipped for lack of space never stops the vault opening: its notice is
        returned, and kept in ``maintenance_notice``, for the app or the command line to tell
        the person."""
        database = self.database
        rotation = BackupRotation(self.paths, self.clock)
        if rotation.is_due() and rotation.has_room_for(database):
            self.check_integrity(full=True)  # before a backup (skipped at once if done)
        elif daily_check and upkeep.read(database.engine).quick_check_due(self.clock.now()):
            self.check_integrity(full=False)
        daily = rotation.take_if_due(database, self.header)
        self.maintenance_notice = daily.skipped
        return daily.skipped

    def check_integrity(self, *, full: bool = True) -> None:
        """Verify the database: every page's HMAC and SQLite's structure (``full``), or the
        quick check; DatabaseDamaged on any fault. A pass is recorded in the database (by
        the vault's writer), so the app's daily quick check knows when one last ran. A full
        check is done once per session: asked again, it returns at once."""
        from carecompanion.storage.database import Check

        if full and self._fully_checked:
            return
        database = self.database
        database.check_integrity(Check.FULL if full else Check.QUICK)
        self._fully_checked = self._fully_checked or full
        if self.is_writer:
            # A record that cannot be written (a full disk) only means the next check runs
            # sooner: never a reason to fail what passed.
            with contextlib.suppress(StorageError):
                upkeep.record(database.engine, self.clock.now(), full=full)

    # -- the header and its binding --------------------------------------------------------
    def _check_binding(self, database: Database) -> binding.Binding:
        """The database's binding, once it is known to belong with this session's header.

        One race is not a mismatch: between reading the header and opening the database
        (while the passphrase's key was derived), the vault's writer may have written a new
        header; then the database holds the newer generation and the header on disk is
        newer too. That header is checked (ours: the MAC under our key) and taken."""
        found = binding.read(database.engine)
        if found.belongs_with(self.header.generation):
            return found
        newer = self._newer_header_on_disk(found)
        if newer is None:
            binding.check(found, self.header.generation)  # raises VaultMismatch
        else:
            self.header, self._header_bytes = newer
        return found

    def _newer_header_on_disk(self, found: binding.Binding) -> tuple[VaultHeader, bytes] | None:
        try:
            header, raw = self.vault._read_header_raw()
            if raw == self._header_bytes or not found.belongs_with(header.generation):
                return None
            with wiped(self.subkey("header mac")) as mac_key:
                header.verify_mac(mac_key)
        except (VaultError, OSError):  # HeaderDamaged included: not one of ours
            return None
        return header, raw

    def _in_use(self) -> VaultInUse:
        holder = WriterLock(self.paths.data_dir).who_holds()
        return VaultInUse(IN_USE_BY_APP if holder is Holder.APP else IN_USE_BY_COMMAND)

    def _check_header_current(self) -> None:
        """The compare of the compare-and-swap: the header on disk is still the one this
        session read or last wrote (no file at all, for a vault being created)."""
        if not self.is_writer:
            raise self._in_use()
        try:
            on_disk: bytes | None = self.paths.header_file.read_bytes()
        except FileNotFoundError:
            on_disk = None
        if on_disk != self._header_bytes:
            raise HeaderChanged()

    def save_header(self, header: VaultHeader) -> None:
        """Write ``header`` as the vault's next generation, only over the header this session
        knows (HeaderChanged otherwise: another session rewrote it; nothing is written).

        Only the vault's writer saves (it holds the OS lock, so no other process writes
        between the compare and the swap); the compare catches what the lock cannot: a
        second session in this process, a copy of CareCompanion too old to take the lock, a
        folder shared where locks do not reach. The database is told the new generation
        before the header lands and confirms it after (see :mod:`binding`)."""
        self._check_header_current()
        generation = self.header.generation + 1
        with wiped(self.subkey("header mac")) as mac_key:
            signed = header.as_generation(generation).signed(mac_key)
        data = signed.to_bytes()
        engine = self.database.engine
        binding.propose(engine, generation)
        atomic_write_bytes(self.paths.header_file, data)
        self.header, self._header_bytes = signed, data
        binding.commit(engine, generation)

    def change_passphrase(self, new_passphrase: str, kdf: KdfParams | None = None) -> None:
        """Re-wrap the data key under a new passphrase, with today's default KDF settings or
        stronger (``kdf``): the passphrase is at hand only now, so an older, cheaper vault is
        raised to the default here."""
        _check_new_passphrase(new_passphrase)
        current_kdf, _ = self.header.passphrase_kdf()
        chosen = kdf or raised_to_default(current_kdf)
        if not meets_floor(chosen):
            raise ValueError("KDF parameters below RFC 9106's minimum are never used")
        self.save_header(_wrap_passphrase(self.header, self._key(), new_passphrase, chosen))

    def rotate_keys(
        self,
        new_passphrase: str,
        *,
        kdf: KdfParams | None = None,
        progress: ProgressCallback | None = None,
        store: DeviceKeyStore | None = None,
        checkpoint: rotation.Checkpoint | None = None,
    ) -> rotation.Rotated:
        """A new passphrase and, with it, a new data key (the journal re-encrypted), a new
        recovery key (returned, to show once) and fresh backups: see vault/rotation.py.
        ``store``: this computer's keyring, to forget the old key it kept for the vault."""
        return rotation.rotate(
            self, new_passphrase, kdf=kdf, progress=progress, store=store, checkpoint=checkpoint
        )

    def check_passphrase(self, passphrase: str) -> bool:
        """True when ``passphrase`` opens this vault (asked again before sensitive changes)."""
        kdf, salt = self.header.passphrase_kdf()
        return self.header.unwrap(SLOT_PASSPHRASE, derive_key(passphrase, salt, kdf)) is not None

    def remember_on_this_computer(self, store: DeviceKeyStore) -> None:
        self._check_header_current()  # before the keyring keeps a key for nothing
        device_key = os.urandom(DEVICE_KEY_BYTES)
        store.store(self.vault_id, device_key)
        self.save_header(self.header.with_slot(SLOT_DEVICE, self._key(), device_key, {}))

    def forget_this_computer(self, store: DeviceKeyStore) -> None:
        if SLOT_DEVICE in self.header.slots:
            self._check_header_current()  # a stale session changes nothing, keyring included
        store.delete(self.vault_id)
        if SLOT_DEVICE in self.header.slots:
            self.save_header(self.header.without_slot(SLOT_DEVICE))

    @property
    def is_remembered(self) -> bool:
        return SLOT_DEVICE in self.header.slots

    # -- backups ------------------------------------------------------------------------------
    def backup_to(self, out: Path) -> Path:
        self.check_integrity(full=True)  # before a backup: never copy damage
        return write_backup(self.database, self.header, out, self.clock)

    # -- locking ------------------------------------------------------------------------------
    def lock(self) -> None:
        if self._database is not None:
            self._database.close()
            self._database = None
        if self._data_key is not None:
            # Best effort (see ``wiped``): Python may hold other copies, but this one is wiped.
            zero(self._data_key)
            self._data_key = None
        if self._claim is not None:
            self._claim.release()  # last: the database is closed before another may open it


def restore_backup(
    backup_file: Path,
    paths: AppPaths,
    passphrase: str | None = None,
    recovery_key: str | None = None,
    clock: Clock | None = None,
) -> Path | None:
    """Replace the vault in ``paths`` with a backup, as one step: see
    :func:`carecompanion.vault.restore.restore_backup` (named here too, with the vault)."""
    from carecompanion.vault import restore  # it imports this module

    return restore.restore_backup(backup_file, paths, passphrase, recovery_key, clock)
