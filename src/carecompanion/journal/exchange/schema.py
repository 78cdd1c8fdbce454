"""CareCompanion's own JSON format (docs/journal-json.md): entries to JSON and back.

Version 1. Times are ISO 8601 with an offset; attachment bytes are base64. Readers refuse a
``version`` newer than they know, and ignore fields they do not know (so later versions can
add optional fields without breaking older readers).
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from datetime import datetime, tzinfo
from typing import Any

from carecompanion.journal.exchange.dates import in_zone
from carecompanion.journal.exchange.located_json import JsonArray, JsonObject
from carecompanion.journal.exchange.parsed import Location, ParsedEntry, make_attachment, make_entry
from carecompanion.journal.service import AttachmentDraft, Entry

FORMAT_NAME = "carecompanion-journal"
VERSION = 1


def timestamp(moment: datetime, tz: tzinfo | None) -> str:
    """ISO 8601 with the offset of ``tz`` (this computer's zone when None)."""
    return in_zone(moment, tz).isoformat()


def header(exported_at: datetime, tz: tzinfo | None) -> dict[str, Any]:
    return {"format": FORMAT_NAME, "version": VERSION, "exported_at": timestamp(exported_at, tz)}


def entry_to_json(
    entry: Entry, attachment_data: Callable[[int], bytes], tz: tzinfo | None
) -> dict[str, Any]:
    return {
        "uid": entry.uid,
        "title": entry.title,
        "body": entry.body,
        "entry_at": timestamp(entry.entry_at, tz),
        "created_at": timestamp(entry.created_at, tz),
        "updated_at": timestamp(entry.updated_at, tz),
        "tags": list(entry.tags),
        "favourite": entry.is_favourite,
        "attachments": [
            {
                "filename": info.filename,
                "mime_type": info.mime_type,
                "size": info.size,
                "created_at": timestamp(info.created_at, tz),
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
        raise Location(name, line).error(
            f'this is not a CareCompanion journal export (no "format": "{FORMAT_NAME}")'
        )
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise Location(name, document.line_of("version")).error("'version' must be a number")
    if version > VERSION:
        raise Location(name, document.line_of("version")).error(
            f"this export is version {version}, made by a newer CareCompanion; "
            f"this one reads version {VERSION}"
        )
    entries = document.get("entries")
    if not isinstance(entries, JsonArray):
        raise Location(name, document.line_of("entries")).error("'entries' must be a list")
    return entries


class _Fields:
    """Typed access to one JSON object's fields, every error at the field's own line."""

    def __init__(self, obj: JsonObject, name: str, label: str) -> None:
        self.obj, self.name, self.label = obj, name, label

    def at(self, key: str) -> Location:
        return Location(self.name, self.obj.line_of(key))

    def fail(self, key: str, what: str) -> Exception:
        return self.at(key).error(f"{self.label}: '{key}' must be {what}")

    def text(self, key: str, default: str | None = None) -> str:
        value = self.obj.get(key)
        if value is None and default is not None:
            return default
        if not isinstance(value, str):
            if key not in self.obj:
                raise Location(self.name, self.obj.line).error(f"{self.label} has no {key}")
            raise self.fail(key, "text")
        return value

    def moment(self, key: str, *, required: bool) -> datetime | None:
        if self.obj.get(key) is None:
            if required:
                raise Location(self.name, self.obj.line).error(f"{self.label} has no {key}")
            return None
        raw = self.text(key)
        try:
            value = datetime.fromisoformat(raw[:-1] + "+00:00" if raw.endswith("Z") else raw)
        except ValueError:
            raise self.at(key).error(f"{self.label}: {raw!r} is not an ISO 8601 time") from None
        if value.tzinfo is None:
            raise self.at(key).error(f"{self.label}: {key} {raw!r} has no offset (+01:00, Z)")
        return value

    def flag(self, key: str) -> bool:
        value = self.obj.get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise self.fail(key, "true or false")
        return value

    def array(self, key: str) -> JsonArray:
        value = self.obj.get(key)
        if value is None:
            empty = JsonArray()
            empty.line, empty.item_lines = self.obj.line, []
            return empty
        if not isinstance(value, JsonArray):
            raise self.fail(key, "a list")
        return value


def _attachment(item: Any, where: Location, label: str) -> tuple[AttachmentDraft, datetime | None]:
    if not isinstance(item, JsonObject):
        raise where.error(f"{label} is not an object")
    fields = _Fields(item, where.path, label)
    encoded = fields.text("data")
    try:
        data = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise fields.at("data").error(f"{label}: 'data' is not valid base64") from None
    size = item.get("size")
    if size is not None and size != len(data):
        raise fields.at("size").error(
            f"{label}: 'size' says {size} bytes but 'data' holds {len(data)}"
        )
    draft = make_attachment(
        fields.text("filename"),
        fields.text("mime_type", "application/octet-stream"),
        data,
        where,
    )
    return draft, fields.moment("created_at", required=False)


def entry_from_json(item: Any, number: int, where: Location) -> ParsedEntry:
    label = f"entry {number}"
    if not isinstance(item, JsonObject):
        raise where.error(f"{label} is not an object")
    fields = _Fields(item, where.path, label)
    entry_at = fields.moment("entry_at", required=True)
    assert entry_at is not None
    tags = fields.array("tags")
    for index, tag in enumerate(tags):
        if not isinstance(tag, str):
            raise Location(where.path, tags.line_of(index)).error(f"{label}: a tag must be text")
    attachments_json = fields.array("attachments")
    attachments = [
        _attachment(
            a, Location(where.path, attachments_json.line_of(i)), f"{label}, attachment {i + 1}"
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
    )
