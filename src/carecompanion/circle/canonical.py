"""The exact bytes that get signed, and the base64 flavour the circle file uses.

Signatures are over bytes, so a body is built once as canonical JSON (sorted keys, no
whitespace, UTF-8, no floats) and carried verbatim inside the document: readers verify the
bytes they received rather than re-encoding them, which leaves no room for two encoders to
disagree.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

_B64URL = re.compile(r"^[A-Za-z0-9_-]*$")
_TIMESTAMP = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")
_DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
HEX32 = re.compile(r"^[0-9a-f]{32}$")
HEX24 = re.compile(r"^[0-9a-f]{24}$")
HEX64 = re.compile(r"^[0-9a-f]{64}$")


def canonical_json(value: Mapping[str, Any]) -> bytes:
    _reject_floats(value)
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def _reject_floats(value: object) -> None:
    # Floats have more than one text form; nothing we sign needs them.
    if isinstance(value, float):
        raise ValueError("floats are not allowed in signed data")
    if isinstance(value, Mapping):
        for item in value.values():
            _reject_floats(item)
    elif isinstance(value, list | tuple):
        for item in value:
            _reject_floats(item)


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def from_b64url(text: str, length: int | None = None) -> bytes:
    """Strict: unpadded, canonical, optionally an exact decoded length; ValueError otherwise."""
    if not isinstance(text, str) or not _B64URL.match(text) or len(text) % 4 == 1:
        raise ValueError("not unpadded base64url")
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except binascii.Error as exc:
        raise ValueError("not base64url") from exc
    if b64url(data) != text:
        raise ValueError("not canonical base64url")
    if length is not None and len(data) != length:
        raise ValueError("wrong length")
    return data


def timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _valid_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def is_timestamp(value: object) -> bool:
    # A regex and a date() call: strptime is ten times slower, and a sync checks 40,000.
    if not isinstance(value, str) or not _TIMESTAMP.match(value):
        return False
    return (
        _valid_date(int(value[0:4]), int(value[5:7]), int(value[8:10]))
        and int(value[11:13]) < 24
        and int(value[14:16]) < 60
        and int(value[17:19]) < 60
    )


def is_day(value: object) -> bool:
    if not isinstance(value, str) or not _DAY.match(value):
        return False
    return _valid_date(int(value[0:4]), int(value[5:7]), int(value[8:10]))


_WALL_TIME = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}$")
#: An IANA zone name's shape ("Europe/London", "America/Argentina/Buenos_Aires", "UTC",
#: "Etc/GMT+5"). Whether this computer knows the zone is not a question of the format: a
#: newer zone database may name zones an older one does not have.
_ZONE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$")


def is_wall_time(value: object) -> bool:
    """A wall-clock time, ``YYYY-MM-DDTHH:MM``, with no zone or offset (the help calendar
    keeps its zone beside it)."""
    if not isinstance(value, str) or not _WALL_TIME.match(value):
        return False
    return is_day(value[:10]) and int(value[11:13]) < 24 and int(value[14:16]) < 60


def is_zone_name(value: object, limit: int) -> bool:
    return isinstance(value, str) and len(value) <= limit and bool(_ZONE_NAME.match(value))
