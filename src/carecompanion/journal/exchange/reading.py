"""Reading import files: size limits first, then strict UTF-8, every failure located."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from carecompanion.journal.exchange import errors as said
from carecompanion.journal.exchange import located_json
from carecompanion.journal.exchange.errors import ImportFormatError
from carecompanion.journal.exchange.limits import MAX_JSON_DEPTH, MIB


def describe_limit(size: int) -> str:
    return f"{size // MIB} MB" if size >= MIB else f"{size} bytes"


def read_bytes(path: Path, limit: int, display: str | None = None) -> bytes:
    """The whole file, refusing anything over ``limit`` bytes (checked before reading)."""
    name = display or path.name
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise ImportFormatError.where(name, None, said.NO_SUCH_FILE()) from None
    except IsADirectoryError:
        raise ImportFormatError.where(name, None, said.A_FOLDER()) from None
    except OSError as exc:
        reason = (exc.strerror or "an error").lower()
        raise ImportFormatError.where(name, None, said.UNREADABLE(reason=reason)) from None
    if len(data) > limit:
        raise ImportFormatError.where(name, None, said.TOO_LARGE(limit=describe_limit(limit)))
    return data


def decode_utf8(data: bytes, name: str) -> str:
    """UTF-8 text (a byte-order mark is dropped; Windows line endings become plain ones)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ImportFormatError.where(name, line, said.NOT_UTF8()) from None
    return text.replace("\r\n", "\n")


def load_json(data: bytes, name: str) -> Any:
    """A located JSON document (see located_json), errors as ImportFormatError."""
    text = decode_utf8(data, name)
    try:
        return located_json.loads(text, max_depth=MAX_JSON_DEPTH)
    except located_json.JsonSyntaxError as exc:
        raise ImportFormatError.where(name, exc.line, exc.message) from None
