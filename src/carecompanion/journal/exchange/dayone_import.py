"""Day One's JSON export: a zip holding ``Journal.json`` (one ``<Name>.json`` per journal)
and the media folders ``photos/`` and ``pdfs/``, each file named by its MD5 and type.

Each journal file is ``{"metadata": {"version": "1.0"}, "entries": [entry, ...]}``; an
entry has ``uuid``, ``creationDate`` (ISO 8601 in UTC, ``...Z``), ``modifiedDate``,
``timeZone`` (an IANA name), ``isAllDay``, ``text`` (Markdown), ``tags``, ``starred`` and
``photos`` (``[{"identifier", "md5", "type", "date", ...}]``, ``date`` when it was taken).
Each entry keeps its ``timeZone`` (its day and clock time are shown in it, wherever the
journal is read), ``isAllDay``, and each photo its own date. The text refers to a photo as
``![](dayone-moment://<identifier>)``; audio, video and PDFs as
``dayone-moment:/audio/<id>``, ``/video/<id>`` and ``/pdfAttachment/<id>``.

Photos and PDFs become attachments and their links become a short note such as
``[Photo: photo-1.jpeg]``. Audio and video are not imported (the note says so). Media the
export left out (Day One skips what it has not downloaded) are noted, not an error. The
first line becomes the title (as Day One shows it) when it is short and plain text or a
heading. The zip is
read in memory through :class:`SafeZip`; nothing is extracted. A large export is read an
entry at a time (:func:`stream_dayone_file`, for large_import).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from pathlib import Path, PurePosixPath
from typing import Any
from zoneinfo import ZoneInfo

from carecompanion.journal.attachments import MAX_ATTACHMENT_BYTES
from carecompanion.journal.exchange import errors as said
from carecompanion.journal.exchange.errors import shown
from carecompanion.journal.exchange.json_stream import (
    Entries,
    NotStreamable,
    stream_entries,
    stream_from,
)
from carecompanion.journal.exchange.limits import (
    MAX_ENTRIES,
    MAX_JSON_BYTES,
    MAX_JSON_DEPTH,
    MAX_TOTAL_ATTACHMENT_BYTES,
)
from carecompanion.journal.exchange.located_json import JsonArray, JsonObject
from carecompanion.journal.exchange.markdown_text import heading_text, unescape
from carecompanion.journal.exchange.mime import mime_for
from carecompanion.journal.exchange.parsed import (
    EARLIEST,
    LATEST,
    AttachmentBudget,
    Location,
    ParsedEntry,
    check_moment,
    make_attachment,
    make_entry,
    moment_ok,
)
from carecompanion.journal.exchange.reading import load_json, read_bytes
from carecompanion.journal.exchange.safe_zip import SafeZip
from carecompanion.journal.service import AttachmentDraft
from carecompanion.localtime import MAX_ZONE_NAME_CHARS, zone_named
from carecompanion.progress import ProgressCallback, each

# A link's label may not hold a bracket and its identifier is bounded (Day One's are 32 hex
# digits), so each attempt stops at the next bracket: one pass over any text, where the old
# pattern rescanned the rest of a line of 60,000 "[" from every one of them (17-24 s).
_MOMENT = re.compile(
    r"!?\[[^\[\]\n]*\]\(dayone-moment:/(?:/|(?P<kind>audio|video|pdfAttachment|photo)/)"
    r"(?P<id>[^()\[\]\s]{1,200})\)"
)
_MOMENT_MARK = "](dayone-moment:/"
_MEDIA = {"photos": ("photos", "Photo", "photo"), "pdfAttachments": ("pdfs", "PDF", "document")}
_MEDIA_FOLDERS = ("photos", "pdfs", "audios", "videos")
_MAX_TITLE = 120
# IANA zone names are at most about 30 characters ("America/Argentina/ComodRivadavia"); a
# longer value is not a zone, and zoneinfo recurses once per "/" in it.
_MAX_ZONE_CHARS = MAX_ZONE_NAME_CHARS


def parse_dayone_file(
    path: Path, tz: tzinfo | None = None, progress: ProgressCallback | None = None
) -> list[ParsedEntry]:
    """A Day One export zip (or a bare Journal.json, whose media are then noted missing).

    ``tz`` is unused: every Day One entry records its own time zone.
    """
    if path.suffix.lower() == ".json":
        return _parse_journal(
            read_bytes(path, MAX_JSON_BYTES), path.name, None, "", progress=progress
        )
    if path.is_dir():
        raise said.refused(path.name, None, said.DAYONE_CHOOSE_ZIP())
    archive = SafeZip(str(path), path.name)
    try:
        return parse_dayone_archive(archive, progress)
    finally:
        archive.close()


def parse_dayone_json(
    data: bytes, name: str, progress: ProgressCallback | None = None
) -> list[ParsedEntry]:
    """A bare Journal.json's bytes (its media are then noted as not included)."""
    return _parse_journal(data, name, None, "", progress=progress)


def parse_dayone_zip(
    data: bytes, name: str, progress: ProgressCallback | None = None
) -> list[ParsedEntry]:
    archive = SafeZip(io.BytesIO(data), name)
    try:
        return parse_dayone_archive(archive, progress)
    finally:
        archive.close()


def parse_dayone_archive(
    archive: SafeZip, progress: ProgressCallback | None = None
) -> list[ParsedEntry]:
    journals = _journals(archive)
    budget = AttachmentBudget(MAX_TOTAL_ATTACHMENT_BYTES)
    entries: list[ParsedEntry] = []
    for journal in journals:
        data = archive.read(journal, MAX_JSON_BYTES)
        entries.extend(
            _parse_journal(
                data, f"{archive.name}/{journal}", archive, _base(journal), budget, progress
            )
        )
        if len(entries) > MAX_ENTRIES:
            raise said.refused(archive.name, None, said.TOO_MANY_ENTRIES(count=f"{MAX_ENTRIES:,}"))
    return entries


def _journals(archive: SafeZip) -> list[str]:
    """The archive's journal files (``Journal.json``, or one per journal), in order."""
    journals = sorted(
        path
        for path in archive.members
        if path.lower().endswith(".json")
        and path.count("/") <= 1
        and PurePosixPath(path).parent.name not in _MEDIA_FOLDERS
        and not PurePosixPath(path).name.startswith(".")
    )
    if not journals:
        raise said.refused(archive.name, None, said.NOT_DAYONE())
    return journals


def _base(journal: str) -> str:
    """The folder a journal file is in, where its media folders are ("" at the top)."""
    return str(PurePosixPath(journal).parent).strip(".")


def stream_dayone_file(path: Path) -> Iterator[ParsedEntry]:
    """:func:`parse_dayone_file`'s entries, an entry at a time (issue 17): each journal file
    read through :mod:`json_stream` (from the zip as it inflates), each entry's media read
    as the entry is made, so only one entry is held whatever the export's size.

    A fast path, as for jrnl's files (see large_import): entries are checked exactly as the
    usual parser checks them, but said to be on their entry's first line. Anything wrong,
    and anything the fast reader was not written for, raises (ImportFormatError or
    json_stream.NotStreamable, perhaps after some entries were handed out); the caller then
    reads the export the usual way, which says exactly what is wrong and where."""
    path = Path(path)
    budget = AttachmentBudget(MAX_TOTAL_ATTACHMENT_BYTES)
    if path.suffix.lower() == ".json":
        _header, items = stream_entries(path, max_bytes=MAX_JSON_BYTES, max_depth=MAX_JSON_DEPTH)
        yield from _streamed_journal(items, path.name, _Media(None, "", budget), 0)
        return
    if path.is_dir():
        raise said.refused(path.name, None, said.DAYONE_CHOOSE_ZIP())
    archive = SafeZip(str(path), path.name)
    try:
        count = 0
        for journal in _journals(archive):
            handle = archive.open_member(journal, MAX_JSON_BYTES)
            _header, items = stream_from(handle, max_depth=MAX_JSON_DEPTH)
            media = _Media(archive, _base(journal), budget)
            for entry in _streamed_journal(items, f"{archive.name}/{journal}", media, count):
                count += 1
                yield entry
    finally:
        archive.close()


def _streamed_journal(
    items: Entries, name: str, media: _Media, before: int
) -> Iterator[ParsedEntry]:
    """One journal file's entries (``before`` read from the export's earlier ones)."""
    try:
        for index, (item, line) in enumerate(items):
            if before + index >= MAX_ENTRIES:
                raise NotStreamable("too many entries")  # said by the usual parser
            yield _entry(item, index + 1, Location(name, line), media)
    finally:
        items.close()


def _parse_journal(
    data: bytes,
    name: str,
    archive: SafeZip | None,
    base: str,
    budget: AttachmentBudget | None = None,
    progress: ProgressCallback | None = None,
) -> list[ParsedEntry]:
    document = load_json(data, name)
    if not isinstance(document, JsonObject) or not isinstance(document.get("entries"), JsonArray):
        line = document.line if isinstance(document, (JsonObject, JsonArray)) else 1
        raise Location(name, line).error(said.NOT_DAYONE_JOURNAL())
    entries: JsonArray = document["entries"]
    if len(entries) > MAX_ENTRIES:
        raise Location(name, entries.line).error(said.TOO_MANY_ENTRIES(count=f"{MAX_ENTRIES:,}"))
    media = _Media(archive, base, budget or AttachmentBudget(MAX_TOTAL_ATTACHMENT_BYTES))
    return [
        _entry(item, index + 1, Location(name, entries.line_of(index)), media)
        for index, item in each(list(enumerate(entries)), progress)
    ]


@dataclass
class _Media:
    """The export's media files, found by MD5 in the journal's folder."""

    archive: SafeZip | None
    base: str
    budget: AttachmentBudget
    _by_md5: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.archive is None:
            return
        prefix = f"{self.base}/" if self.base else ""
        for path in self.archive.members:
            if not path.startswith(prefix):
                continue
            relative = PurePosixPath(path[len(prefix) :])
            if len(relative.parts) == 2 and relative.parts[0] in _MEDIA_FOLDERS:
                self._by_md5.setdefault(relative.stem.lower(), []).append(path)

    def find(self, folder: str, md5: str, kind: str) -> str | None:
        candidates = sorted(self._by_md5.get(md5.lower(), []))
        preferred = [c for c in candidates if f"/{folder}/" in f"/{c}"]
        if kind:
            exact = [c for c in preferred if c.lower().endswith(f".{kind.lower()}")]
            preferred = exact or preferred
        chosen = preferred or candidates
        return chosen[0] if chosen else None

    def read(self, path: str, where: Location) -> bytes:
        assert self.archive is not None
        data = self.archive.read(path, MAX_ATTACHMENT_BYTES)
        self.budget.take(len(data), where)
        return data


def _moment(value: Any, key: str, at: Callable[[str], Location], number: int) -> datetime:
    """``at(key)`` is where the value is: only asked when it is wrong."""
    if not isinstance(value, str):
        raise at(key).error(said.DAYONE_NOT_A_MOMENT(number=number, key=key))
    text = value.strip()
    try:
        moment = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
    except ValueError:
        raise at(key).error(
            said.DAYONE_BAD_MOMENT(number=number, key=key, value=shown(value))
        ) from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _zone(value: Any, at: Callable[[str], Location], number: int) -> str | None:
    """The entry's zone name; None (the importing computer's zone) when it has none, or one
    this computer does not know. ``zone_named`` checks the name's shape before zoneinfo
    sees it."""
    if not isinstance(value, str):
        return None
    if len(value) > _MAX_ZONE_CHARS:
        raise at("timeZone").error(said.DAYONE_BAD_ZONE(number=number, value=shown(value)))
    return value if isinstance(zone_named(value), ZoneInfo) else None


def _taken_at(value: Any) -> datetime | None:
    """A photo's own date, when it has a usable one: a wrong one is not worth refusing the
    export for (the photo is kept, dated when it was imported)."""
    if not isinstance(value, str) or len(value) > 40:
        return None
    text = value.strip()
    try:
        moment = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment if EARLIEST <= moment <= LATEST else None
    except (OverflowError, ValueError):
        return None


def _title_and_body(text: str) -> tuple[str, str]:
    """Day One shows an entry's first line as its title: do the same, if it is short."""
    stripped = text.lstrip("\n")
    first, _, rest = stripped.partition("\n")
    heading = heading_text(first, levels=6, blanks=None)
    title = heading if heading is not None else first.strip()
    if not title or len(title) > _MAX_TITLE or title.startswith(("[", "!", "-", "*", ">")):
        return "", text
    # Day One escapes Markdown in the text ("New Year\. \- tried"); a title is plain text.
    return unescape(title), rest.lstrip("\n")


def _entry(item: Any, number: int, where: Location, media: _Media) -> ParsedEntry:
    if not isinstance(item, JsonObject):
        raise where.error(said.NOT_AN_OBJECT(what=said.ENTRY(number=number)))

    def at(key: str) -> Location:
        return Location(where.path, item.line_of(key))

    # Where a value is, and what a check says, are made only when something is wrong: every
    # entry of an export is checked, and making them for each took a tenth of its reading.
    raw_created = item.get("creationDate")
    if raw_created in (None, ""):
        raise where.error(said.DAYONE_NO_CREATION(number=number))
    created = _moment(raw_created, "creationDate", at, number)
    if not moment_ok(created):
        check_moment(created, at("creationDate"), said.ENTRY_CREATION_DATE(number=number))
    zone = _zone(item.get("timeZone"), at, number)
    tz = zone_named(zone)
    entry_at = created.astimezone(tz) if tz is not None else created
    raw_modified = item.get("modifiedDate")
    modified = (
        _moment(raw_modified, "modifiedDate", at, number)
        if raw_modified not in (None, "")
        else None
    )
    text = item.get("text", "")
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise at("text").error(said.KEY_MUST_BE_TEXT(what=said.ENTRY(number=number), key="text"))
    tags = item.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise at("tags").error(said.DAYONE_TAGS(number=number))
    starred = item.get("starred", False)
    if starred is None:
        starred = False
    if not isinstance(starred, bool):
        raise at("starred").error(
            said.KEY_MUST_BE_FLAG(what=said.ENTRY(number=number), key="starred")
        )
    all_day = item.get("isAllDay", False)
    if all_day is None:
        all_day = False
    if not isinstance(all_day, bool):
        raise at("isAllDay").error(
            said.KEY_MUST_BE_FLAG(what=said.ENTRY(number=number), key="isAllDay")
        )

    attachments: list[AttachmentDraft] = []
    taken: list[datetime | None] = []  # each attachment's own date, in step with attachments
    notes: dict[str, str] = {}  # identifier -> what its link becomes
    for key, (folder, label, stem) in _MEDIA.items():
        listed = item.get(key) or []
        if not isinstance(listed, list):
            raise at(key).error(said.KEY_MUST_BE_LIST(what=said.ENTRY(number=number), key=key))
        for position, medium in enumerate(listed):
            spot = (
                Location(where.path, listed.line_of(position))
                if isinstance(listed, JsonArray)
                else at(key)
            )
            if not isinstance(medium, dict):
                raise spot.error(said.DAYONE_ITEM_NOT_OBJECT(number=number, key=key))
            identifier, md5, kind = (medium.get(k) for k in ("identifier", "md5", "type"))
            if not isinstance(identifier, str) or not identifier:
                raise spot.error(said.DAYONE_ITEM_NO_ID(number=number, key=key))
            if identifier in notes:
                continue
            found = (
                media.find(folder, md5, kind if isinstance(kind, str) else "")
                if isinstance(md5, str) and md5
                else None
            )
            if found is None:
                notes[identifier] = f"[{label} not included in the export]"
                continue
            suffix = PurePosixPath(found).suffix.lower()
            filename = f"{stem}-{len(attachments) + 1}{suffix}"
            data = media.read(found, spot)
            attachments.append(make_attachment(filename, mime_for(filename), data, spot))
            taken.append(_taken_at(medium.get("date")))
            notes[identifier] = f"[{label}: {filename}]"

    def replace(match: re.Match[str]) -> str:
        kind = match["kind"]
        if kind == "audio":
            return "[Audio recording not imported]"
        if kind == "video":
            return "[Video not imported]"
        default = (
            "[PDF not included in the export]"
            if kind == "pdfAttachment"
            else "[Photo not included in the export]"
        )
        return notes.get(match["id"], default)

    # Every link the pattern matches holds this: most entries have none, and are not searched.
    linked = _MOMENT.sub(replace, text) if _MOMENT_MARK in text else text
    title, body = _title_and_body(linked)
    return make_entry(
        where,
        title=title,
        body=body.rstrip(),
        entry_at=entry_at,
        tags=tags,
        is_favourite=starred,
        attachments=attachments,
        created_at=created,
        updated_at=modified,
        attachment_times=taken,
        time_zone=zone,
        is_all_day=all_day,
    )
