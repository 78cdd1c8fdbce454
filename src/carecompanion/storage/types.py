"""Column types shared by the models."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from carecompanion.storage.packed_text import pack_text, unpack_text
from carecompanion.storage.stored_time import from_stored, to_stored


class UtcDateTime(TypeDecorator[datetime]):
    """Aware datetimes stored as sortable UTC ISO-8601 text; naive values are refused."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        return None if value is None else to_stored(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else from_stored(value)


class PackedText(TypeDecorator[str]):
    """Long text stored compressed when that saves space (storage/packed_text.py); SQL
    reads it with ``cc_unpack_text(column)``. The column stays TEXT in the schema."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | bytes | None:
        return None if value is None else pack_text(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        return unpack_text(value)
