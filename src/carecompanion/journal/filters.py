"""What the timeline, search and the CLI can narrow entries down by, as SQL conditions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, exists, select

from carecompanion.storage.models import Attachment, JournalEntry, Tag, entry_tags


@dataclass(frozen=True)
class EntryFilter:
    """All conditions must hold. Dates are inclusive and local (the entry's own day)."""

    tag: str | None = None  # matched case-insensitively, like tags are stored
    since: date | None = None
    until: date | None = None
    favourites_only: bool = False
    has_attachment: bool | None = None  # None: either way


def filter_conditions(flt: EntryFilter) -> list[ColumnElement[bool]]:
    """WHERE conditions on JournalEntry; an empty list for the empty filter."""
    conditions: list[ColumnElement[bool]] = []
    if flt.tag is not None:
        name = " ".join(flt.tag.split())
        tag_ids = select(Tag.id).where(Tag.name == name).scalar_subquery()
        conditions.append(
            exists().where(entry_tags.c.entry_id == JournalEntry.id,
                           entry_tags.c.tag_id == tag_ids)
        )
    if flt.since is not None:
        conditions.append(JournalEntry.entry_day >= flt.since.isoformat())
    if flt.until is not None:
        conditions.append(JournalEntry.entry_day <= flt.until.isoformat())
    if flt.favourites_only:
        conditions.append(JournalEntry.is_favourite.is_(True))
    if flt.has_attachment is not None:
        attached = exists().where(Attachment.entry_id == JournalEntry.id)
        conditions.append(attached if flt.has_attachment else ~attached)
    return conditions
