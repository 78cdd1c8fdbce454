"""Attachment limits and the checks that enforce them before anything is written."""

from __future__ import annotations

import re
from pathlib import PurePosixPath, PureWindowsPath

from carecompanion.journal.errors import ATTACHMENT_TOO_LARGE, ATTACHMENTS_TOO_LARGE

# Long imported from here: re-exported.
from carecompanion.journal.errors import AttachmentNotFound as AttachmentNotFound
from carecompanion.journal.errors import AttachmentTooLarge as AttachmentTooLarge

MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024  # one photo or scanned document
MAX_ENTRY_ATTACHMENT_BYTES = 100 * 1024 * 1024  # all of one entry's attachments together
DEFAULT_MIME_TYPE = "application/octet-stream"
_MAX_FILENAME_CHARS = 255
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def describe_size(size: int) -> str:
    """A size in the units people use: 512 bytes, 3.4 KB, 12.0 MB."""
    if size < 1024:
        return f"{size} bytes" if size != 1 else "1 byte"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def clean_filename(filename: str) -> str:
    """The last path component only, without control characters; never empty, never a
    name that means a folder ("." or ".."). Cleaning a clean name changes nothing (an import
    of our own export must give the same names back), so control characters go first: "A\x1f:"
    is not left as "A:", which a second pass would read as a Windows drive."""
    name = _CONTROL.sub("", filename)
    name = PureWindowsPath(PurePosixPath(name).name).name.strip()
    name = name[:_MAX_FILENAME_CHARS].strip()
    return "attachment" if name.strip(".") == "" else name


def clean_mime_type(mime_type: str) -> str:
    value = mime_type.strip().lower()
    return (
        value
        if re.fullmatch(r"[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+", value)
        else DEFAULT_MIME_TYPE
    )


def check_size(filename: str, size: int, already_stored: int) -> None:
    """Raise AttachmentTooLarge if the file, or the entry's total with it, is over a limit."""
    if size > MAX_ATTACHMENT_BYTES:
        raise AttachmentTooLarge(
            ATTACHMENT_TOO_LARGE,
            name=filename,
            size=describe_size(size),
            limit=describe_size(MAX_ATTACHMENT_BYTES),
        )
    if already_stored + size > MAX_ENTRY_ATTACHMENT_BYTES:
        raise AttachmentTooLarge(
            ATTACHMENTS_TOO_LARGE, name=filename, limit=describe_size(MAX_ENTRY_ATTACHMENT_BYTES)
        )
