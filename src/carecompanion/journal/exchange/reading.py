"""Reading import files: size limits first, then strict UTF-8, every failure located."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any, BinaryIO

from carecompanion.journal.exchange import errors as said
from carecompanion.journal.exchange import located_json
from carecompanion.journal.exchange.limits import MAX_JSON_DEPTH, MIB


def describe_limit(size: int) -> str:
    return f"{size // MIB} MB" if size >= MIB else f"{size} bytes"


#: Bytes read at a time: ``read(limit + 1)`` would allocate the whole limit (512 MB for a
#: JSON file) up front, whatever the file's size.
_READ_STEP = 1024 * 1024


#: The least asked of a read past the size the file said it had (its end, or what it grew by).
_READ_PAST_SIZE = 4096


def _read_capped(handle: BinaryIO | io.FileIO, limit: int) -> bytes | None:
    """The file's bytes, or None when there are more than ``limit`` of them."""
    size = os.fstat(handle.fileno()).st_size
    if size > limit:
        return None  # refused before reading a byte
    chunks: list[bytes] = []
    total = 0
    # A step at a time, and no further than one byte past the limit: a file may grow while
    # it is read, and a device or pipe has no size to check first. Each read asks for no more
    # than the size said is left (and a little): a read allocates all it asks for, and an
    # import reads thousands of small files.
    while total <= limit and (
        chunk := handle.read(
            min(_READ_STEP, limit + 1 - total, max(size + 1 - total, _READ_PAST_SIZE))
        )
    ):
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks) if total <= limit else None


def read_bytes(path: Path, limit: int, display: str | None = None) -> bytes:
    """The whole file, refusing anything over ``limit`` bytes (checked before reading)."""
    name = display or path.name
    try:
        with open(path, "rb", buffering=0) as handle:  # read in steps: no buffer needed
            data = _read_capped(handle, limit)
    except FileNotFoundError:
        raise said.refused(name, None, said.NO_SUCH_FILE()) from None
    except IsADirectoryError:
        raise said.refused(name, None, said.A_FOLDER()) from None
    except OSError as exc:
        reason = (exc.strerror or "an error").lower()
        raise said.refused(name, None, said.UNREADABLE(reason=reason)) from None
    if data is None:
        raise said.refused(name, None, said.TOO_LARGE(limit=describe_limit(limit)))
    return data


def decode_utf8(data: bytes, name: str) -> str:
    """UTF-8 text (a byte-order mark is dropped; Windows line endings become plain ones)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise said.refused(name, line, said.NOT_UTF8()) from None
    return text.replace("\r\n", "\n")


def load_json(data: bytes, name: str) -> Any:
    """A located JSON document (see located_json), errors as ImportFormatError."""
    text = decode_utf8(data, name)
    try:
        return located_json.loads(text, max_depth=MAX_JSON_DEPTH)
    except located_json.JsonSyntaxError as exc:
        raise said.refused(name, exc.line, exc.message) from None
