"""The circle file on disk: reading with a size cap, atomic writing, the lock file, and the
conflict copies sync tools leave next to it."""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import socket
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from carecompanion.atomic import atomic_write_bytes
from carecompanion.circle.errors import TOO_LARGE, CircleError, CircleFileError
from carecompanion.circle.limits import MAX_FILE_BYTES
from carecompanion.errors import Sentence

#: Breaking a stale lock takes microseconds; a break guard older than this was left by a
#: process that died in that moment.
_GUARD_STALE_AFTER = 10.0
_RETRY_SLEEP = 0.05


class CircleLockTimeout(CircleError):
    """Someone else is writing the circle file right now, for longer than we wait."""

    sentence = Sentence(
        "circle.lock_timeout",
        "Someone else in the circle is saving the circle file right now; try again in a moment.",
    )


NOT_THERE = Sentence("circle.file.not_there", "The circle file {name} is not there.")
NOT_ALLOWED = Sentence(
    "circle.file.not_allowed", "CareCompanion is not allowed to read the circle file {name}."
)
DISK_ERROR = Sentence(
    "circle.file.disk_error", "The circle file {name} could not be read from the disk."
)


def read_circle_file(path: Path) -> bytes:
    """The file's bytes; a file over the size limit is refused before it is read, and every
    failure is one plain CircleFileError (a conflict copy that cannot be read is skipped)."""
    try:
        with path.open("rb") as handle:
            if os.fstat(handle.fileno()).st_size > MAX_FILE_BYTES:
                raise CircleFileError(TOO_LARGE)
            data = handle.read(MAX_FILE_BYTES + 1)  # it may have grown since fstat
    except FileNotFoundError as exc:
        raise CircleFileError(NOT_THERE, name=path.name) from exc
    except (IsADirectoryError, PermissionError) as exc:
        raise CircleFileError(NOT_ALLOWED, name=path.name) from exc
    except OSError as exc:
        raise CircleFileError(DISK_ERROR, name=path.name) from exc
    if len(data) > MAX_FILE_BYTES:
        raise CircleFileError(TOO_LARGE)
    return data


def write_circle_file(path: Path, data: bytes) -> None:
    """Temp file in the same folder, fsync, rename, fsync the folder: a crash or a sync tool
    never sees half a file."""
    # 0644: a shared folder's other users (a sync service) may need to read it; it is encrypted.
    atomic_write_bytes(path, data, mode=0o644)


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def _pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this computer; when unsure, say yes (the lock
    then only goes stale by its age)."""
    if pid <= 0:
        return True
    if sys.platform == "win32":
        # os.kill(pid, 0) would send CTRL_C_EVENT on Windows: ask the kernel instead.
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return bool(kernel32.GetLastError() != 87)  # ERROR_INVALID_PARAMETER: no process
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: it exists, under another user
        return True
    return True


def _read_lock(lock: Path) -> bytes | None:
    try:
        return lock.read_bytes()
    except FileNotFoundError:
        return None


def _is_stale(lock: Path, content: bytes, stale_after: float, now: float) -> bool:
    """Older than ``stale_after`` by its recorded time (its mtime when that cannot be read),
    or left by a dead process on this computer."""
    try:
        info = json.loads(content)
        written = float(info["time"])
        if not math.isfinite(written) or written > now + stale_after:
            raise ValueError("a time that never goes stale")  # a broken clock, or hostile
        if info.get("host") == socket.gethostname() and not _pid_alive(int(info["pid"])):
            return True  # left by a process of ours that died
    except (ValueError, KeyError, TypeError, OverflowError, RecursionError):
        # Empty (its writer is between creating and filling it) or not ours: go by mtime.
        try:
            written = lock.stat().st_mtime
        except FileNotFoundError:
            return False
    return now - written > stale_after


@contextlib.contextmanager
def _guard(lock: Path, clock: Callable[[], float]) -> Iterator[bool]:
    """A second, short-lived lock around breaking or releasing ``lock``, so that two processes
    that both judged one lock stale cannot both take over (the second would delete the first
    one's fresh lock). Yields whether the guard is held."""
    guard = lock.with_name(lock.name + ".break")
    try:
        fd = os.open(guard, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except FileExistsError:
        with contextlib.suppress(OSError):
            if clock() - guard.stat().st_mtime > _GUARD_STALE_AFTER:
                guard.unlink()  # left by a process that died while breaking a lock
        yield False
        return
    os.close(fd)
    try:
        yield True
    finally:
        with contextlib.suppress(FileNotFoundError):
            guard.unlink()


def _break_if_unchanged(lock: Path, seen: bytes, clock: Callable[[], float]) -> None:
    with _guard(lock, clock) as held:
        if held and _read_lock(lock) == seen:
            with contextlib.suppress(FileNotFoundError):
                lock.unlink()


@contextlib.contextmanager
def circle_lock(
    path: Path,
    *,
    timeout: float = 15.0,
    stale_after: float = 120.0,
    clock: Callable[[], float] = time.time,
) -> Iterator[None]:
    """Hold ``NAME.carecircle.lock`` while reading-merging-writing, so two members on one
    shared folder never interleave their writes. A lock older than ``stale_after`` seconds, or
    left by a dead process on this computer, is taken over; after ``timeout`` seconds of a
    live lock, CircleLockTimeout. OSError (folder gone, read-only) is left to the caller."""
    lock = lock_path(path)
    mine = json.dumps(
        {
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "time": clock(),
            "nonce": os.urandom(8).hex(),
        }
    ).encode()
    deadline = time.monotonic() + timeout
    while True:
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            seen = _read_lock(lock)
            if seen is not None and _is_stale(lock, seen, stale_after, clock()):
                _break_if_unchanged(lock, seen, clock)
            elif seen is not None and time.monotonic() >= deadline:
                raise CircleLockTimeout() from None
            if seen is not None:
                time.sleep(_RETRY_SLEEP)
            continue
        try:
            os.write(fd, mine)
        finally:
            os.close(fd)
        break
    try:
        yield
    finally:
        _release(lock, mine, clock)


def _release(lock: Path, mine: bytes, clock: Callable[[], float]) -> None:
    """Remove the lock only if it is still ours (someone may have broken it as stale)."""
    deadline = time.monotonic() + 1.0
    with contextlib.suppress(OSError):
        while True:
            with _guard(lock, clock) as held:
                if held or time.monotonic() >= deadline:
                    if _read_lock(lock) == mine:
                        lock.unlink()
                    return
            time.sleep(0.005)


def find_conflict_copies(path: Path) -> list[Path]:
    """Files next to ``path`` that a sync tool made as conflict copies of it, so their
    changes are merged instead of lost. Names, for ``STEM.EXT``:

    - Dropbox: ``STEM (Ana's conflicted copy 2026-11-25).EXT``, with `` (1)`` and up when
      that name is taken (help.dropbox.com, "What's a conflicted copy?": "the same name ...
      appended with 'conflicted copy', the name of the person or computer responsible, and
      the date"). Dropbox localises the words; only the English form is matched.
    - Syncthing: ``STEM.sync-conflict-YYYYMMDD-HHMMSS-XXXXXXX.EXT``, XXXXXXX the short
      device id; before v0.14 without it (Syncthing FAQ "What if there is a conflict?";
      syncthing lib/model/folder_sendrecv.go).
    - Nextcloud / ownCloud desktop >= 2.5: ``STEM (conflicted copy [USER ]YYYY-MM-DD
      HHMMSS).EXT`` (nextcloud/desktop src/common/utility.cpp, makeConflictFileName; the user
      part since nextcloud/desktop#304); older clients ``STEM_conflict-YYYYMMDD-HHMMSS.EXT``
      (the "old" tag that conflictFileBaseNameFromPattern still recognises; owncloud/client
      #6365).
    - OneDrive: ``STEM-COMPUTERNAME.EXT`` (Windows computer names: letters, digits, hyphens,
      up to 15 characters), with ``-1``... when taken.

    The caller opens each one and merges only those of the same circle, so a near miss
    (another circle called ``STEM-2``) is left alone. Hidden files (our temp files, sync
    tools' partial downloads), the lock file and folders are never returned.
    """
    if not path.parent.is_dir():
        return []
    s, x = re.escape(path.stem), re.escape(path.suffix)
    patterns = [
        # Dropbox, Nextcloud, ownCloud: "(... conflicted copy ...)", "(Conflict ...)".
        re.compile(rf"^{s} \([^()]*conflict[^()]*\)( \(\d+\))?{x}$", re.IGNORECASE),
        re.compile(rf"^{s}\.sync-conflict-\d{{8}}-\d{{6}}(-[A-Z0-9]{{7}})?{x}$"),
        re.compile(rf"^{s}_conflict-\d{{8}}-\d{{6}}{x}$"),
        re.compile(rf"^{s}-[A-Za-z0-9][A-Za-z0-9_-]{{0,62}}{x}$"),
    ]
    found = []
    for candidate in sorted(path.parent.iterdir()):
        name = candidate.name
        if name == path.name or name.startswith(".") or not any(p.match(name) for p in patterns):
            continue
        if candidate.is_file():
            found.append(candidate)
    return found
