"""CareCompanion's own JSON format (docs/journal-json.md): entries to JSON and back.

Version 1. Times are ISO 8601 with an offset; attachment bytes are base64. Readers refuse a
``version`` newer than they know, and ignore fields they do not know (so later versions can
add optional fields without breaking older readers).

An entry's times are written with the offset of its own zone, and ``time_zone`` names that
zone when it has an IANA name; an entry from before zones were kept is written in the
exporting computer's zone. Reading keeps the name (when it agrees with the offset) or else
the offset, so the entry keeps the day and clock time it was written at.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from datetime import datetime, timedelta, tzinfo
from typing import Any

from carecompanion.errors import Notice, Sentence
from carecompanion.journal.exchange import errors as said
from carecompanion.journal.exchange.dates import in_zone
from carecompanion.journal.exchange.located_json import JsonArray, JsonObject
from carecompanion.journal.exchange.parsed import Location, ParsedEntry, make_attachment, make_entry
from carecompanion.journal.service import AttachmentDraft, Entry
from carecompanion.localtime import (
    is_offset_name,
    offset_name,
    system_zone_name,
    zone_name,
    zone_named,
)

FORMAT_NAME = "carecompanion-journal"
VERSION = 1


def timestamp(moment: datetime, tz: tzinfo | None) -> str:
    """ISO 8601 with the offset of ``tz`` (this computer's zone when None)."""
    return in_zone(moment, tz).isoformat()


def header(exported_at: datetime, tz: tzinfo | None) -> dict[str, Any]:
    return {"format": FORMAT_NAME, "version": VERSION, "exported_at": timestamp(exported_at, tz)}


def _entry_zone(entry: Entry, tz: tzinfo | None) -> str:
    """The entry's own zone; for one written before zones were kept, the exporter's."""
    if zone_named(entry.time_zone) is not None:
        assert entry.time_zone is not None
        return entry.time_zone
    named = zone_name(tz) if tz is not None else None
    return named if named is not None else system_zone_name(entry.entry_at)


def entry_to_json(
    entry: Entry, attachment_data: Callable[[int], bytes], tz: tzinfo | None
) -> dict[str, Any]:
    zone = _entry_zone(entry, tz)
    own = zone_named(zone)
    named = {} if is_offset_name(zone) else {"time_zone": zone}
    return {
        "uid": entry.uid,
        "title": entry.title,
        "body": entry.body,
        "entry_at": timestamp(entry.entry_at, own),
        **named,
        **({"all_day": True} if entry.is_all_day else {}),
        "created_at": timestamp(entry.created_at, own),
        "updated_at": timestamp(entry.updated_at, own),
        "tags": list(entry.tags),
        "favourite": entry.is_favourite,
        "attachments": [
            {
                "filename": info.filename,
                "mime_type": info.mime_type,
                "size": info.size,
                "created_at": timestamp(info.created_at, own),
                "data": base64.b64encode(attachment_data(info.id)).decode("ascii"),
            }
            for info in entry.attachments
        ],
    }


# -- reading ---------------------------------------------------------------------------------
def check_header(document: Any, name: str) -> JsonArray:
    """The document's entries, after checking it is ours and of a version this code reads."""
    if not isinstance(document, JsonObject) or document.get("format") != FORMAT_NAME:
        line = document.line if isinstance(document, (JsonObject, JsonArray)) else 1
        raise Location(name, line).error(said.NOT_OURS(format=FORMAT_NAME))
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise Location(name, document.line_of("version")).error(said.VERSION_NOT_NUMBER())
    if version > VERSION:
        raise Location(name, document.line_of("version")).error(
            said.NEWER_EXPORT(version=version, known=VERSION)
        )
    entries = document.get("entries")
    if not isinstance(entries, JsonArray):
        raise Location(name, document.line_of("entries")).error(said.ENTRIES_NOT_LIST())
    return entries


class _Fields:
    """Typed access to one JSON object's fields, every error at the field's own line."""

    def __init__(self, obj: JsonObject, name: str, label: Notice) -> None:
        self.obj, self.name, self.label = obj, name, label

    def at(self, key: str) -> Location:
        return Location(self.name, self.obj.line_of(key))

    def fail(self, key: str, must: Sentence) -> Exception:
        return self.at(key).error(must(what=self.label, key=key))

    def text(self, key: str, default: str | None = None) -> str:
        value = self.obj.get(key)
        if value is None and default is not None:
            return default
        if not isinstance(value, str):
            if key not in self.obj:
                raise Location(self.name, self.obj.line).error(
                    said.HAS_NO(what=self.label, key=key)
                )
            raise self.fail(key, said.KEY_MUST_BE_TEXT)
        return value

    def moment(self, key: str, *, required: bool) -> datetime | None:
        if self.obj.get(key) is None:
            if required:
                raise Location(self.name, self.obj.line).error(
                    said.HAS_NO(what=self.label, key=key)
                )
            return None
        raw = self.text(key)
        try:
            value = datetime.fromisoformat(raw[:-1] + "+00:00" if raw.endswith("Z") else raw)
        except ValueError:
            raise self.at(key).error(
                said.NOT_ISO_TIME(what=self.label, value=said.shown(raw))
            ) from None
        if value.tzinfo is None:
            raise self.at(key).error(
                said.NO_OFFSET(what=self.label, key=key, value=said.shown(raw))
            )
        return value

    def flag(self, key: str) -> bool:
        value = self.obj.get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise self.fail(key, said.KEY_MUST_BE_FLAG)
        return value

    def array(self, key: str) -> JsonArray:
        value = self.obj.get(key)
        if value is None:
            empty = JsonArray()
            empty.line, empty.item_lines = self.obj.line, []
            return empty
        if not isinstance(value, JsonArray):
            raise self.fail(key, said.KEY_MUST_BE_LIST)
        return value


def _attachment(
    item: Any, where: Location, label: Notice
) -> tuple[AttachmentDraft, datetime | None]:
    if not isinstance(item, JsonObject):
        raise where.error(said.NOT_AN_OBJECT(what=label))
    fields = _Fields(item, where.path, label)
    encoded = fields.text("data")
    try:
        data = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise fields.at("data").error(said.BAD_BASE64(what=label)) from None
    size = item.get("size")
    if size is not None and size != len(data):
        raise fields.at("size").error(
            said.SIZE_MISMATCH(what=label, size=str(size), actual=len(data))
        )
    draft = make_attachment(
        fields.text("filename"),
        fields.text("mime_type", "application/octet-stream"),
        data,
        where,
    )
    return draft, fields.moment("created_at", required=False)


def _zone_of(fields: _Fields, entry_at: datetime) -> str:
    """The entry's ``time_zone`` when it names a zone whose clock agrees with ``entry_at``'s
    offset; otherwise the offset itself (a hand-edited file, a zone unknown here)."""
    offset = offset_name(entry_at.utcoffset() or timedelta(0))
    if fields.obj.get("time_zone") is None:
        return offset
    name = fields.text("time_zone")
    tz = zone_named(name)
    if tz is None or is_offset_name(name):
        return offset
    try:
        agrees = entry_at.astimezone(tz).utcoffset() == entry_at.utcoffset()
    except (OverflowError, ValueError):
        agrees = False
    return name if agrees else offset


def entry_from_json(item: Any, number: int, where: Location) -> ParsedEntry:
    label = said.ENTRY(number=number)
    if not isinstance(item, JsonObject):
        raise where.error(said.NOT_AN_OBJECT(what=label))
    fields = _Fields(item, where.path, label)
    entry_at = fields.moment("entry_at", required=True)
    assert entry_at is not None
    tags = fields.array("tags")
    for index, tag in enumerate(tags):
        if not isinstance(tag, str):
            raise Location(where.path, tags.line_of(index)).error(said.TAG_NOT_TEXT(what=label))
    attachments_json = fields.array("attachments")
    attachments = [
        _attachment(
            a,
            Location(where.path, attachments_json.line_of(i)),
            said.ENTRY_ATTACHMENT(number=number, index=i + 1),
        )
        for i, a in enumerate(attachments_json)
    ]
    return make_entry(
        where,
        title=fields.text("title", ""),
        body=fields.text("body", ""),
        entry_at=entry_at,
        tags=list(tags),
        is_favourite=fields.flag("favourite"),
        attachments=[draft for draft, _when in attachments],
        created_at=fields.moment("created_at", required=False),
        updated_at=fields.moment("updated_at", required=False),
        attachment_times=[when for _draft, when in attachments],
        time_zone=_zone_of(fields, entry_at),
        is_all_day=fields.flag("all_day"),
    )
