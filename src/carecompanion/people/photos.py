"""Contact photos: recognised by their first bytes (never by a file name) and size-capped."""

from __future__ import annotations

from carecompanion.people import errors as said
from carecompanion.people.errors import InvalidPhoto
from carecompanion.people.limits import PHOTO_MAX_BYTES
from carecompanion.people.records import Photo

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


def image_type(data: bytes) -> str | None:
    """The MIME type of a JPEG, PNG, GIF or WebP image; None for anything else."""
    for signature, mime in _SIGNATURES:
        if data.startswith(signature):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def checked_photo(data: bytes) -> Photo:
    """A photo fit to store, or ``InvalidPhoto`` saying why not."""
    if len(data) > PHOTO_MAX_BYTES:
        raise InvalidPhoto(
            said.PHOTO_TOO_LARGE, size=len(data) // 1024, limit=PHOTO_MAX_BYTES // 1024
        )
    mime = image_type(data)
    if mime is None:
        raise InvalidPhoto(said.PHOTO_NOT_A_PICTURE)
    return Photo(data, mime)
