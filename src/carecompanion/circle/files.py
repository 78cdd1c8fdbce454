"""The circle file on disk: reading with a size cap, atomic writing, the lock file, and the
conflict copies sync tools leave next to it.

The lock file lies in the shared folder, so the sync service and every member see it: it holds
a random token and the time, nothing about the computer or the person. Who holds a lock of
this computer (its process id) is written only in a private local folder (the per-user runtime
folder, 0700), under the token's name: that is how a lock left by a process that died here is
known to be stale at once; any other lock goes stale by its age.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import secrets
import socket
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from carecompanion.atomic import atomic_write_bytes
from carecompanion.circle.errors import TOO_LARGE, CircleError, CircleFileError
from carecompanion.circle.limits import MAX_FILE_BYTES
from carecompanion.errors import Sentence

#: Breaking a stale lock takes microseconds; a break guard older than this was left by a
#: process that died in that moment.
_GUARD_STALE_AFTER = 10.0
_RETRY_SLEEP = 0.05
_TOKEN = re.compile(r"[0-9a-f]{32}")
#: A local record older than this describes a lock long gone (its process was killed).
_RECORD_STALE_AFTER = 24 * 3600.0


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


def _records_folder() -> Path | None:
    """This computer's private record of which process holds which of its locks, or None when
    there is no such folder (then a lock of a dead process goes stale by its age only)."""
    import platformdirs  # only when a circle file is written

    try:
        # Without XDG_RUNTIME_DIR (a cron job, a bare console) platformdirs falls back to a
        # private /tmp/runtime-UID folder and warns about it on stderr: the fallback is fine
        # for these records (made 0700 below), the warning would break the CLI's one line.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            folder = platformdirs.user_runtime_dir("CareCompanion", appauthor=False)
        return Path(folder) / "locks"
    except (OSError, RuntimeError):  # no per-user folder on this system
        return None


def _record(records: Path | None, token: str) -> Path | None:
    # Only a token of our own form names a file: a hostile lock cannot point outside.
    return records / token if records is not None and _TOKEN.fullmatch(token) else None


def _write_record(records: Path | None, token: str, now: float) -> None:
    """Say locally that this process holds the lock ``token``; tidy records left by
    processes that were killed long ago."""
    record = _record(records, token)
    if records is None or record is None:
        return
    with contextlib.suppress(OSError):
        records.mkdir(parents=True, exist_ok=True, mode=0o700)
        if os.name == "posix" and records.stat().st_mode & 0o077:
            records.chmod(0o700)  # private: it says which processes of this computer run
        for old in records.iterdir():
            if now - old.stat().st_mtime > _RECORD_STALE_AFTER:
                old.unlink(missing_ok=True)
        record.write_text(str(os.getpid()), encoding="ascii")


def _drop_record(records: Path | None, token: str) -> None:
    record = _record(records, token)
    if record is not None:
        with contextlib.suppress(OSError):
            record.unlink(missing_ok=True)


def _left_by_dead_process(info: dict[str, object], records: Path | None) -> bool:
    """Whether a lock was taken by a process of this computer that is gone."""
    token = info.get("token")
    record = _record(records, token) if isinstance(token, str) else None
    if record is not None:
        try:
            pid = int(record.read_text(encoding="ascii"))
        except (OSError, ValueError):
            return False  # not ours (another computer, another user): it goes by its age
        return not _pid_alive(pid)
    # A lock of an older CareCompanion, which wrote its host and process id in clear.
    old_pid = info.get("pid")
    return (
        info.get("host") == socket.gethostname()
        and isinstance(old_pid, int)
        and not _pid_alive(old_pid)
    )


def _is_stale(
    lock: Path, content: bytes, stale_after: float, now: float, records: Path | None = None
) -> bool:
    """Older than ``stale_after`` by its recorded time (its mtime when that cannot be read),
    or left by a dead process on this computer."""
    try:
        info = json.loads(content)
        written = float(info["time"])
        if not math.isfinite(written) or written > now + stale_after:
            raise ValueError("a time that never goes stale")  # a broken clock, or hostile
        if _left_by_dead_process(info, records):
            return True
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


def _break_if_unchanged(
    lock: Path, seen: bytes, clock: Callable[[], float], records: Path | None = None
) -> None:
    with _guard(lock, clock) as held:
        if held and _read_lock(lock) == seen:
            with contextlib.suppress(FileNotFoundError):
                lock.unlink()
            with contextlib.suppress(ValueError, TypeError, AttributeError, RecursionError):
                token = json.loads(seen).get("token")
                if isinstance(token, str):
                    _drop_record(records, token)


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
    token = secrets.token_hex(16)
    mine = json.dumps({"token": token, "time": clock()}).encode()
    records = _records_folder()
    _write_record(records, token, time.time())  # before the lock: a crash leaves no orphan
    try:
        _take(lock, mine, timeout, stale_after, clock, records)
    except BaseException:
        _drop_record(records, token)
        raise
    try:
        yield
    finally:
        _release(lock, mine, clock)
        _drop_record(records, token)


def _take(
    lock: Path,
    mine: bytes,
    timeout: float,
    stale_after: float,
    clock: Callable[[], float],
    records: Path | None,
) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            seen = _read_lock(lock)
            if seen is not None and _is_stale(lock, seen, stale_after, clock(), records):
                _break_if_unchanged(lock, seen, clock, records)
            elif seen is not None and time.monotonic() >= deadline:
                raise CircleLockTimeout() from None
            if seen is not None:
                time.sleep(_RETRY_SLEEP)
            continue
        try:
            os.write(fd, mine)
        finally:
            os.close(fd)
        return


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


@dataclass(frozen=True)
class Copy:
    """A file next to the circle file whose name comes from the circle file's name."""

    path: Path
    #: Named exactly as a sync tool names the conflict copies it makes: once merged (and only
    #: if it holds this circle), it is removed. Any other copy is a person's own: merged and
    #: kept (finding 7 of issue 14: ``family-backup.carecircle`` was deleted).
    conflict: bool


def _conflict_patterns(stem: str, suffix: str) -> list[re.Pattern[str]]:
    """The documented conflict names of each sync tool, for ``STEM.EXT``; nothing looser.

    - Syncthing (FAQ, "What if there is a conflict?"): ``STEM.sync-conflict-YYYYMMDD-HHMMSS-
      XXXXXXX.EXT``, XXXXXXX the short device id (base32); before v0.14 without it.
    - Dropbox (help.dropbox.com, "What's a conflicted copy?": the editor's name, "conflicted
      copy" and the save date): ``STEM (Ana's conflicted copy 2026-11-25).EXT``, with a number
      when that name is taken. Dropbox localises the words; only the English form is known.
    - Nextcloud / ownCloud >= 2.5 (nextcloud/desktop src/common/utility.cpp,
      makeConflictFileName): ``STEM (conflicted copy [USER ]YYYY-MM-DD HHMMSS).EXT``, the user
      without parentheses; older clients ``STEM_conflict-YYYYMMDD-HHMMSS.EXT``.
    - OneDrive: ``STEM-COMPUTERNAME.EXT``, ``-1``... when taken. Windows gives the computer
      name as its NetBIOS name: upper case letters, digits and hyphens, at most 15, never only
      digits. Only that form counts, so ``family-backup`` (a person's) is never taken for one;
      a mixed-case name is merged and kept, which loses nothing. The Linux OneDrive client
      keeps a local copy as ``STEM-HOST-safeBackup-NNNN.EXT``.
    """
    s, x = re.escape(stem), re.escape(suffix)
    return [
        re.compile(rf"^{s}\.sync-conflict-\d{{8}}-\d{{6}}(-[A-Z2-7]{{7}})?{x}$"),
        re.compile(
            rf"^{s} \([^()/]+['\u2019]s conflicted copy \d{{4}}-\d{{2}}-\d{{2}}"
            rf"( \(\d+\))?\)( \(\d+\))?{x}$"
        ),
        re.compile(rf"^{s} \(conflicted copy ([^()/]+ )?\d{{4}}-\d{{2}}-\d{{2}} \d{{6}}\){x}$"),
        re.compile(rf"^{s}_conflict-\d{{8}}-\d{{6}}{x}$"),
        re.compile(rf"^{s}-(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{{0,14}}(-\d+)?{x}$"),
        re.compile(rf"^{s}-[A-Za-z0-9][A-Za-z0-9.-]{{0,62}}-safeBackup-\d{{4}}{x}$"),
    ]


def is_conflict_name(path: Path, name: str) -> bool:
    """Whether ``name`` is a sync tool's conflict copy of ``path``, by its documented form."""
    return any(p.fullmatch(name) for p in _conflict_patterns(path.stem, path.suffix))


def find_copies(path: Path) -> list[Copy]:
    """Files next to ``path`` whose names come from its name: a sync tool's conflict copies
    (exactly as it names them) and the copies people make (``STEM-backup``, ``STEM copy``,
    ``STEM (1)``...: the stem, then a space, ``-``, ``_``, ``.`` or ``(``). The caller opens
    each one and merges only those of the same circle, so a near miss (another circle called
    ``STEM-2``) is left alone. Hidden files (our temp files, sync tools' partial downloads),
    the lock file and folders are never returned."""
    if not path.parent.is_dir():
        return []
    patterns = _conflict_patterns(path.stem, path.suffix)
    derived = re.compile(rf"^{re.escape(path.stem)}[ ._(-].*{re.escape(path.suffix)}$")
    found = []
    for candidate in sorted(path.parent.iterdir()):
        name = candidate.name
        if name == path.name or name.startswith(".") or not derived.fullmatch(name):
            continue
        if candidate.is_file():
            found.append(Copy(candidate, any(p.fullmatch(name) for p in patterns)))
    return found


def find_conflict_copies(path: Path) -> list[Path]:
    """Only the sync tools' conflict copies of ``path`` (see ``find_copies``)."""
    return [copy.path for copy in find_copies(path) if copy.conflict]
