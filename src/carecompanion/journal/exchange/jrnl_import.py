"""jrnl's JSON export (``jrnl --export json``), as written by jrnl's JSONExporter.

The whole journal is ``{"tags": {"@tag": count}, "entries": [entry, ...]}``; exporting to a
folder writes one file per entry holding just the entry object, which is accepted too.
An entry is::

    {"title": "...", "body": "...", "date": "2020-08-29", "time": "11:11",
     "tags": ["@tagone"], "starred": false}

plus ``uuid`` and ``creator`` for Day One-backed journals (ignored). jrnl's dates are local
wall-clock time without a zone, so they are read in the local zone ``tz``. Tags lose their
``@`` (or ``#``) prefix; jrnl has already lower-cased them.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, tzinfo
from pathlib import Path
from typing import Any

from carecompanion.journal.exchange import errors as said
from carecompanion.journal.exchange.dates import localise
from carecompanion.journal.exchange.limits import MAX_ENTRIES, MAX_JSON_BYTES
from carecompanion.journal.exchange.located_json import JsonArray, JsonObject
from carecompanion.journal.exchange.parsed import Location, ParsedEntry, make_entry
from carecompanion.journal.exchange.reading import load_json, read_bytes
from carecompanion.progress import ProgressCallback, each

_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")


def parse_jrnl_file(
    path: Path, tz: tzinfo | None = None, progress: ProgressCallback | None = None
) -> list[ParsedEntry]:
    return parse_jrnl(read_bytes(path, MAX_JSON_BYTES), path.name, tz, progress)


def parse_jrnl(
    data: bytes, name: str, tz: tzinfo | None = None, progress: ProgressCallback | None = None
) -> list[ParsedEntry]:
    document = load_json(data, name)
    if isinstance(document, JsonObject) and "entries" in document:
        entries = document["entries"]
        if not isinstance(entries, JsonArray):
            raise Location(name, document.line_of("entries")).error(said.JRNL_ENTRIES_NOT_LIST())
    elif isinstance(document, JsonObject) and "date" in document:
        entries = JsonArray([document])  # one entry, as jrnl writes per-entry files
        entries.line, entries.item_lines = document.line, [document.line]
    else:
        line = document.line if isinstance(document, (JsonObject, JsonArray)) else 1
        raise Location(name, line).error(said.NOT_JRNL())
    if len(entries) > MAX_ENTRIES:
        raise Location(name, entries.line).error(said.TOO_MANY_ENTRIES(count=f"{MAX_ENTRIES:,}"))
    return [
        _entry(item, index, entries, name, tz)
        for index, item in each(list(enumerate(entries)), progress)
    ]


def _entry(item: Any, index: int, entries: JsonArray, name: str, tz: tzinfo | None) -> ParsedEntry:
    number = index + 1
    where = Location(name, entries.line_of(index))
    if not isinstance(item, JsonObject):
        raise where.error(said.NOT_AN_OBJECT(what=said.ENTRY(number=number)))

    def located(key: str) -> Location:
        return Location(name, item.line_of(key))

    def text(key: str) -> str:
        value = item.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            raise located(key).error(said.KEY_MUST_BE_TEXT(what=said.ENTRY(number=number), key=key))
        return value

    raw_date = item.get("date")
    if raw_date is None or raw_date == "":
        raise where.error(said.JRNL_NO_DATE(number=number))
    if not isinstance(raw_date, str) or (match := _DATE.fullmatch(raw_date.strip())) is None:
        raise located("date").error(said.JRNL_BAD_DATE(number=number, value=said.shown(raw_date)))
    raw_time = item.get("time")
    if raw_time in (None, ""):
        clock = time(12, 0)
    elif isinstance(raw_time, str) and (t := _TIME.fullmatch(raw_time.strip())) is not None:
        try:
            clock = time(int(t[1]), int(t[2]), int(t[3] or 0))
        except ValueError:
            raise located("time").error(
                said.JRNL_NOT_A_TIME(number=number, value=said.shown(raw_time))
            ) from None
    else:
        raise located("time").error(said.JRNL_BAD_TIME(number=number, value=said.shown(raw_time)))
    try:
        day = date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise located("date").error(
            said.JRNL_NOT_A_DATE(number=number, value=said.shown(raw_date))
        ) from None

    tags = item.get("tags")
    if tags is None:
        tags = []
    if not isinstance(tags, list):
        raise located("tags").error(
            said.KEY_MUST_BE_LIST(what=said.ENTRY(number=number), key="tags")
        )
    starred = item.get("starred", False)
    if starred is None:
        starred = False
    if not isinstance(starred, bool):
        raise located("starred").error(
            said.KEY_MUST_BE_FLAG(what=said.ENTRY(number=number), key="starred")
        )
    body = text("body")
    return make_entry(
        where,
        title=text("title"),
        body=body.strip("\n"),
        entry_at=localise(datetime.combine(day, clock), tz),
        tags=[_tag_text(tag, located("tags"), number) for tag in tags],
        tag_prefixes="@#",  # jrnl's tag symbols (configurable; these two are the usual)
        is_favourite=starred,
    )


def _tag_text(tag: Any, where: Location, number: int) -> str:
    if not isinstance(tag, str):
        raise where.error(said.JRNL_TAG_NOT_TEXT(number=number))
    return tag
