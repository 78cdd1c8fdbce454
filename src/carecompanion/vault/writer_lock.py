"""One writer per vault, across processes: an OS lock that the app and the command line take.

Whoever writes to a vault (the app while it is unlocked, a command that adds, imports,
changes the passphrase, backs up or restores) first holds ``vault.lock`` in the data folder,
exclusively. A second writer is told, in one line, who has the journal:

- the app (it also holds ``vault.lock.app`` while it holds the vault): "CareCompanion is open
  on this journal; close it or use it there", at once; the app keeps it until it locks;
- another command: it ends soon, so a writer waits for it (up to ``COMMAND_WAIT_SECONDS``)
  before saying so.

Commands that only read (``journal list``...) take the lock when it is free (they may then
back up and migrate as usual) and otherwise read without it, under SQLite's own locking: in
WAL mode a reader sees the last committed state while the writer goes on. They then change
nothing about the vault's files (no migration, no backup, no header write).

The locks are the OS's (``flock`` on POSIX, ``msvcrt.locking`` on Windows), held on open
files, never files whose existence is the lock: when a process ends, killed or not, the OS
lets go of its locks, so a crash never leaves the journal locked. The files themselves are
empty and stay; they are never deleted (deleting a locked file would let a second process
lock a new file of the same name).

In one process, the lock is counted, not taken twice: the app's sessions, a restore inside
the app, or two sessions in a test share it, and the OS lock goes when the last lets go.
Within a process, the header's compare-and-swap (:meth:`UnlockedVault.save_header`) is what
keeps a stale session from writing over a newer header.
"""

from __future__ import annotations

import contextlib
import enum
import errno
import logging
import os
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from carecompanion.errors import CareCompanionError, Sentence
from carecompanion.storage.errors import StorageError
from carecompanion.vault.errors import VaultError, VaultInUse, VaultNotFound

log = logging.getLogger(__name__)

LOCK_NAME = "vault.lock"
APP_MARK_NAME = "vault.lock.app"
#: How long a writer waits for another command to finish (an import of years of entries
#: takes a while; the app, which may stay open for hours, is never waited for).
COMMAND_WAIT_SECONDS = 60.0

IN_USE_BY_APP = Sentence(
    "vault.in_use.app", "CareCompanion is open on this journal; close it or use it there."
)
IN_USE_BY_COMMAND = Sentence(
    "vault.in_use.command",
    "Another CareCompanion command is using this journal; try again when it has finished.",
)
CANNOT_LOCK = Sentence(
    "vault.lock.unavailable",
    "CareCompanion cannot use the journal's folder {where}: {reason}.",
)

#: Errors that mean "this file system cannot lock" (some network shares): the vault is still
#: usable, unguarded, as before there was a lock; the header's compare-and-swap still holds.
_NO_LOCKING = frozenset({errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL})


class Holder(enum.Enum):
    """Who holds a vault: said to a second process in its one line."""

    APP = "app"
    COMMAND = "command"


class LockUnavailable(VaultError):
    """The lock file cannot be made or opened (a read-only or forbidden folder)."""

    sentence = CANNOT_LOCK


# -- the OS's locks ----------------------------------------------------------------------------
if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int, *, shared: bool) -> bool:
        # Windows has no shared byte-range locks through msvcrt: a shared probe is exclusive
        # for the instant it lasts. Byte 0 is locked (beyond the end of an empty file is fine).
        del shared
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EDEADLK):
                return False
            raise
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int, *, shared: bool) -> bool:
        # flock, not fcntl's record locks: those belong to the process and vanish when any
        # descriptor of the file closes (a backup reading the folder would drop them).
        try:
            fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                return False
            raise
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _open(path: Path) -> int:
    return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)


# -- this process's holds ------------------------------------------------------------------------
@dataclass
class _Hold:
    """This process's hold on one vault: the open lock files and how many claims share it."""

    fds: list[int] = field(default_factory=list)
    count: int = 0


_holds: dict[Path, _Hold] = {}
_guard = threading.Lock()


@dataclass
class Claim:
    """One claim on a vault. ``exclusive``: this process is the vault's writer (False: a
    reader that found the vault taken, reading under SQLite's locking). ``release`` is safe
    to call more than once."""

    key: Path | None
    exclusive: bool
    _released: bool = False

    def release(self) -> None:
        if self._released:
            return
        self._released = True
        if self.key is None:
            return
        with _guard:
            hold = _holds.get(self.key)
            if hold is None:
                return
            hold.count -= 1
            if hold.count > 0:
                return
            del _holds[self.key]
            for fd in reversed(hold.fds):  # the app's mark first, then the vault's lock
                with contextlib.suppress(OSError):  # closing lets go of it as well
                    _unlock(fd)
                os.close(fd)


class WriterLock:
    """The lock of the vault in ``data_dir``, taken as ``holder``."""

    def __init__(self, data_dir: Path, holder: Holder = Holder.COMMAND) -> None:
        self.data_dir = Path(data_dir)
        self.holder = holder
        self.path = self.data_dir / LOCK_NAME
        self.app_mark = self.data_dir / APP_MARK_NAME

    def _key(self) -> Path:
        return Path(os.path.realpath(self.path))

    def acquire(self, *, wait: float = COMMAND_WAIT_SECONDS) -> Claim:
        """Become the vault's writer, or raise VaultInUse saying who is. Waits up to ``wait``
        seconds for another command, never for the app."""
        deadline = time.monotonic() + wait
        delay = 0.02
        while True:
            claim = self._try()
            if claim is not None:
                return claim
            holder = self.who_holds()
            remaining = deadline - time.monotonic()
            if holder is Holder.APP or remaining <= 0:
                raise VaultInUse(IN_USE_BY_APP if holder is Holder.APP else IN_USE_BY_COMMAND)
            time.sleep(min(delay, remaining))  # the OS offers no portable timed wait
            delay = min(delay * 2, 0.25)

    def acquire_for_reading(self) -> Claim:
        """The lock when it is free; otherwise a claim that reads without it (see the module's
        docstring). A folder where no lock file can be made is read without one too."""
        try:
            claim = self._try()
        except (LockUnavailable, StorageError):  # a read-only folder, say: still readable
            return Claim(None, exclusive=False)
        return claim if claim is not None else Claim(None, exclusive=False)

    def who_holds(self) -> Holder:
        """Who has the vault, as far as can be told: the app holds its mark while it has it."""
        try:
            fd = os.open(self.app_mark, os.O_RDWR)
        except OSError:
            return Holder.COMMAND  # no mark file: no app has ever held this vault
        try:
            if not _try_lock(fd, shared=True):
                return Holder.APP
            _unlock(fd)
            return Holder.COMMAND
        except OSError:
            return Holder.COMMAND
        finally:
            os.close(fd)

    def _try(self) -> Claim | None:
        key = self._key()
        with _guard:
            hold = _holds.get(key)
            if hold is not None:
                hold.count += 1
                return Claim(key, exclusive=True)
            fds = self._take()
            if fds is None:
                return None
            _holds[key] = _Hold(fds, 1)
            return Claim(key, exclusive=True)

    def _take(self) -> list[int] | None:
        """The OS locks: the vault's, then (for the app) its mark. None when taken elsewhere."""
        try:
            fd = _open(self.path)
        except FileNotFoundError as exc:
            raise VaultNotFound(self.data_dir) from exc
        except OSError as exc:
            raise self._cannot_lock(exc) from exc
        fds = [fd]
        try:
            if not _try_lock(fd, shared=False):
                os.close(fd)
                return None
            # Made by every holder, so the folder holds both files from the vault's first
            # day, whoever opens it (a wrong passphrase in the app adds no file).
            mark = _open(self.app_mark)
            if self.holder is Holder.APP:
                fds.append(mark)
                _take_mark(mark)
            else:
                os.close(mark)
        except OSError as exc:
            for opened in fds:
                os.close(opened)
            if exc.errno in _NO_LOCKING:
                log.warning("this file system cannot lock files; the vault is not guarded")
                return []
            raise self._cannot_lock(exc) from exc
        return fds

    def _cannot_lock(self, exc: OSError) -> CareCompanionError:
        """A full disk, a read-only or forbidden folder said as such (storage's sentences);
        anything else as the lock's own."""
        from carecompanion.storage.faults import disk_fault

        fault = disk_fault(exc, self.data_dir)
        if fault is not None:
            return fault
        return LockUnavailable(where=str(self.data_dir), reason=_reason(exc))


def _take_mark(fd: int) -> None:
    """The app's mark, once the vault's lock is ours: only a second process's probe
    (:meth:`WriterLock.who_holds`) can have it, for an instant, so a few tries get it."""
    for _attempt in range(100):
        if _try_lock(fd, shared=False):
            return
        time.sleep(0.001)
    # Still probed: the vault is ours anyway; others will be told "another command".
    log.info("the app's mark stayed busy; holding the vault without it")


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__
