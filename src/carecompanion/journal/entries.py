"""The journal's plain data: what the service hands out and takes in (no database here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

# Raised by the service and long imported from here: re-exported.
from carecompanion.journal.errors import EntryNotFound as EntryNotFound
from carecompanion.localtime import in_named_zone


@dataclass(frozen=True)
class AttachmentDraft:
    filename: str
    mime_type: str
    data: bytes
    # When the source recorded it (a photo's own date, in Day One); None: now.
    created_at: datetime | None = None


@dataclass(frozen=True)
class EntryDraft:
    """A new entry as an import or the editor hands it in. ``entry_at`` must be aware."""

    title: str
    body: str
    entry_at: datetime
    tags: tuple[str, ...] = ()
    is_favourite: bool = False
    attachments: tuple[AttachmentDraft, ...] = ()
    # Imports that recorded when an entry was written and last changed keep that history;
    # None means "now". Neither takes part in duplicate detection.
    created_at: datetime | None = None
    updated_at: datetime | None = None
    # Where it was written: an IANA name ("Asia/Tokyo") or an offset ("+09:00"). None means
    # "where this computer is now": the service records that zone's name.
    time_zone: str | None = None
    is_all_day: bool = False  # about a whole day, not a moment (Day One's isAllDay)
    # Its fingerprint (journal/fingerprint.py of entry_at, title and body), when whoever made
    # the draft took it already (a large import checks each entry's against its plan): not
    # taken again when it is written. None: taken then.
    fingerprint: str | None = None


def written_at(entry_at: datetime, time_zone: str | None) -> datetime:
    """An entry's moment on the clock where it was written (``time_zone``); on this
    computer's clock when it has none (entries written before zones were kept)."""
    return in_named_zone(entry_at, time_zone)


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    entry_id: int
    filename: str
    mime_type: str
    size: int
    created_at: datetime


@dataclass(frozen=True)
class EntrySummary:
    id: int
    entry_at: datetime
    title: str
    is_favourite: bool = False
    has_attachments: bool = False
    tags: tuple[str, ...] = ()
    time_zone: str | None = None
    is_all_day: bool = False

    @property
    def local_at(self) -> datetime:
        """The moment on the clock where the entry was written."""
        return written_at(self.entry_at, self.time_zone)


@dataclass(frozen=True)
class Entry:
    id: int
    uid: str
    title: str
    body: str
    entry_at: datetime
    created_at: datetime
    updated_at: datetime
    tags: tuple[str, ...]
    is_favourite: bool
    attachments: tuple[AttachmentInfo, ...] = ()
    time_zone: str | None = None  # see EntryDraft; None: this computer's zone
    is_all_day: bool = False

    @property
    def local_at(self) -> datetime:
        """The moment on the clock where the entry was written."""
        return written_at(self.entry_at, self.time_zone)


@dataclass(frozen=True)
class SearchHit:
    id: int
    entry_at: datetime
    title: str
    snippet: str  # one line of plain text from the body
    highlights: tuple[tuple[int, int], ...]  # [start, end) offsets into snippet
    time_zone: str | None = None
    is_all_day: bool = False

    @property
    def local_at(self) -> datetime:
        """The moment on the clock where the entry was written."""
        return written_at(self.entry_at, self.time_zone)
