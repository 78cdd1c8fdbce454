"""Writing exports so that a crash, an error or a cancel never leaves half a file or folder.

A file is written to a temp file beside its destination, fsynced and renamed into place; a
folder is built as a hidden temp folder beside the destination and renamed into place. The
temporary plaintext therefore never leaves the folder the person chose, and it is removed if
anything goes wrong. Existing files and non-empty folders are never replaced silently.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from carecompanion.atomic import fsync_dir
from carecompanion.journal.exchange import errors as said
from carecompanion.journal.exchange.errors import ExportError

FILE_MODE = 0o600  # exports are plaintext: readable by their owner only

_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
_RESERVED = re.compile(r"(?i)^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$")


def _check_parent(out: Path) -> None:
    if not out.parent.is_dir():
        raise ExportError(said.NO_FOLDER, folder=str(out.parent))


@contextlib.contextmanager
def atomic_file(out: Path, *, overwrite: bool = False) -> Iterator[BinaryIO]:
    """Yield a binary handle; on a clean exit the data replaces ``out`` in one rename."""
    out = Path(out)
    _check_parent(out)
    if out.is_dir():
        raise ExportError(said.IS_A_FOLDER, path=str(out))
    if out.exists() and not overwrite:
        raise ExportError(said.EXISTS, path=str(out))
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".partial", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, FILE_MODE)
        if out.exists() and not overwrite:
            raise ExportError(said.EXISTS, path=str(out))
        os.replace(tmp_name, out)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    fsync_dir(out.parent)


def temp_path_beside(out: Path) -> Path:
    """A new, empty temp file next to ``out`` (for writers that want a file name)."""
    _check_parent(out)
    fd, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".partial", dir=out.parent)
    os.close(fd)
    os.chmod(name, FILE_MODE)
    return Path(name)


def publish_file(tmp: Path, out: Path, *, overwrite: bool = False) -> None:
    """fsync ``tmp`` and rename it to ``out``."""
    if out.exists() and not overwrite:
        raise ExportError(said.EXISTS, path=str(out))
    with open(tmp, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, out)
    fsync_dir(out.parent)


def write_file(path: Path, data: bytes) -> None:
    """A new file inside a folder being built (the folder is renamed into place later)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), FILE_MODE)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def check_folder_destination(out: Path) -> None:
    _check_parent(out)
    if out.exists() and not out.is_dir():
        raise ExportError(said.IS_A_FILE, path=str(out))
    if out.is_dir() and any(out.iterdir()):
        raise ExportError(said.FOLDER_NOT_EMPTY, path=str(out))


@contextlib.contextmanager
def atomic_folder(out: Path) -> Iterator[Path]:
    """Yield a temp folder beside ``out``; on a clean exit it becomes ``out`` in one rename.

    ``out`` must not exist, or be an empty folder.
    """
    out = Path(out)
    check_folder_destination(out)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".partial", dir=out.parent))
    try:
        yield tmp
        for folder, _dirs, _files in os.walk(tmp, topdown=False):
            fsync_dir(Path(folder))
        check_folder_destination(out)
        if out.is_dir():
            out.rmdir()  # empty (checked): rename cannot replace a folder everywhere
        tmp.rename(out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    fsync_dir(out.parent)


def safe_file_name(name: str, fallback: str = "attachment") -> str:
    """A file name that is safe on Windows, macOS and Linux, never a path."""
    cleaned = _UNSAFE.sub("_", name).strip().rstrip(". ")
    if not cleaned or set(cleaned) == {"."}:
        cleaned = fallback
    if _RESERVED.match(cleaned):
        cleaned = "_" + cleaned
    if len(cleaned) > 120:
        stem, dot, suffix = cleaned.rpartition(".")
        cleaned = (
            (stem[: 120 - len(suffix) - 1] + dot + suffix)
            if dot and len(suffix) < 10
            else cleaned[:120]
        )
    return cleaned


def unique_name(name: str, taken: set[str]) -> str:
    """``name``, or ``name (2).ext`` ... so no two are equal ignoring case; records it."""
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem:
        stem, dot, suffix = name, "", ""
    candidate, number = name, 2
    while candidate.casefold() in taken:
        candidate = f"{stem} ({number}){dot}{suffix}"
        number += 1
    taken.add(candidate.casefold())
    return candidate
