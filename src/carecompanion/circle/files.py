"""The circle file on disk: reading with a size cap, atomic writing, the lock file, and the
conflict copies sync tools leave next to it."""

from __future__ import annotations

import contextlib
import json
import os
import re
import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from carecompanion.atomic import atomic_write_bytes
from carecompanion.circle.errors import CircleError, CircleFileError
from carecompanion.circle.limits import MAX_FILE_BYTES


class CircleLockTimeout(CircleError):
    """Someone else is writing the circle file right now, for longer than we wait."""


def read_circle_file(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as exc:
        raise CircleFileError(f"The circle file {path.name} is not there.") from exc
    if len(data) > MAX_FILE_BYTES:
        raise CircleFileError("This circle file is too large to open.")
    return data


def write_circle_file(path: Path, data: bytes) -> None:
    # 0644: a shared folder's other users (a sync service) may need to read it; it is encrypted.
    atomic_write_bytes(path, data, mode=0o644)


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _is_stale(lock: Path, stale_after: float, now: float) -> bool:
    try:
        info = json.loads(lock.read_text("utf-8"))
        written = float(info["time"])
        if info.get("host") == socket.gethostname() and not _pid_alive(int(info["pid"])):
            return True  # left by a process of ours that died
    except FileNotFoundError:
        return False
    except (OSError, ValueError, KeyError, TypeError):
        try:
            written = lock.stat().st_mtime
        except FileNotFoundError:
            return False
    return now - written > stale_after


@contextlib.contextmanager
def circle_lock(path: Path, *, timeout: float = 15.0, stale_after: float = 120.0,
                clock: Callable[[], float] = time.time) -> Iterator[None]:
    """Hold ``NAME.carecircle.lock`` while reading-merging-writing. A lock older than
    ``stale_after`` seconds, or left by a dead process on this computer, is taken over."""
    lock = lock_path(path)
    mine = json.dumps({"host": socket.gethostname(), "pid": os.getpid(), "time": clock(),
                       "nonce": os.urandom(8).hex()})
    deadline = time.monotonic() + timeout
    while True:
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            if _is_stale(lock, stale_after, clock()):
                with contextlib.suppress(FileNotFoundError):
                    lock.unlink()
                continue
            if time.monotonic() >= deadline:
                raise CircleLockTimeout(
                    "Someone else in the circle is saving the circle file right now; try "
                    "again in a moment.") from None
            time.sleep(0.05)
            continue
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(mine)
        break
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            if lock.read_text("utf-8") == mine:
                lock.unlink()


def find_conflict_copies(path: Path) -> list[Path]:
    """Files next to ``path`` that a sync tool made as conflict copies of it.

    Names, from each tool's documentation and issue trackers:
    - Dropbox: ``NAME (Jane's conflicted copy 2026-11-25).EXT`` (also "(1)" suffixes);
    - Syncthing: ``NAME.sync-conflict-20261125-101500-ABCDEFG.EXT``;
    - Nextcloud / ownCloud: ``NAME (conflicted copy 2026-11-25 101500).EXT``;
    - OneDrive: ``NAME-COMPUTERNAME.EXT``.
    The caller opens each and merges only those of the same circle, so a near miss (another
    circle named "NAME-2") is harmless: it is left alone.
    """
    stem, suffix = path.stem, path.suffix
    if not path.parent.is_dir():
        return []
    s, x = re.escape(stem), re.escape(suffix)
    patterns = [
        re.compile(rf"^{s} \(.*conflicted copy.*\)( \(\d+\))?{x}$", re.IGNORECASE),
        re.compile(rf"^{s}\.sync-conflict-\d{{8}}-\d{{6}}(-[A-Z0-9]{{7}})?{x}$"),
        re.compile(rf"^{s}-[A-Za-z0-9][A-Za-z0-9_-]{{0,62}}{x}$"),
    ]
    found = []
    for candidate in sorted(path.parent.iterdir()):
        name = candidate.name
        if candidate == path or not candidate.is_file() or name.startswith("."):
            continue
        if any(p.match(name) for p in patterns):
            found.append(candidate)
    return found
