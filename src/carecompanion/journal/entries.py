"""The journal's plain data: what the service hands out and takes in (no database here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

# Raised by the service and long imported from here: re-exported.
from carecompanion.journal.errors import EntryNotFound as EntryNotFound


@dataclass(frozen=True)
class AttachmentDraft:
    filename: str
    mime_type: str
    data: bytes
    created_at: datetime | None = None  # when the source recorded it; None: now


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


@dataclass(frozen=True)
class SearchHit:
    id: int
    entry_at: datetime
    title: str
    snippet: str  # one line of plain text from the body
    highlights: tuple[tuple[int, int], ...]  # [start, end) offsets into snippet
