"""What the timeline, search and the CLI can narrow entries down by, as SQL.

Filters are answered from narrow indexes only (entry days, favourites, tag links, attachment
owners), never by reading entry rows: an entry row holds its whole text, so each one read
costs a page decryption, and a filter over 100,000 entries must not read them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, CompoundSelect, ScalarSelect, Select, intersect, select

from carecompanion.journal.models import AttachmentRow, EntryRow, TagRow, entry_tags

IdQuery = Select[Any] | CompoundSelect[Any]


@dataclass(frozen=True)
class EntryFilter:
    """All conditions must hold. Dates are inclusive and local (the entry's own day)."""

    tag: str | None = None  # matched case-insensitively, like tags are stored
    since: date | None = None
    until: date | None = None
    favourites_only: bool = False
    has_attachment: bool | None = None  # None: either way


@dataclass(frozen=True)
class IdQueries:
    """A filter as id queries on narrow indexes: entries in ``include`` (all when None) and
    not in ``exclude`` (none when None)."""

    include: IdQuery | None
    exclude: IdQuery | None


def tag_id(name: str) -> ScalarSelect[Any]:
    """The id of the tag called ``name`` (as tags are stored: spaces collapsed)."""
    return select(TagRow.id).where(TagRow.name == " ".join(name.split())).scalar_subquery()


def id_queries(flt: EntryFilter, within: tuple[int, int] | None = None) -> IdQueries:
    """``within``: only ids in lower < id <= upper (a search's window of ids), read from
    that stretch of the indexes."""
    parts: list[Select[Any]] = []
    if flt.tag is not None:
        parts.append(select(entry_tags.c.entry_id).where(entry_tags.c.tag_id == tag_id(flt.tag)))
    if flt.since is not None or flt.until is not None:
        days = select(EntryRow.id)
        if within is not None:
            days = days.where(EntryRow.id > within[0], EntryRow.id <= within[1])
        if flt.since is not None:
            days = days.where(EntryRow.entry_day >= flt.since.isoformat())
        if flt.until is not None:
            days = days.where(EntryRow.entry_day <= flt.until.isoformat())
        parts.append(days)
    if flt.favourites_only:
        favourites = select(EntryRow.id).where(EntryRow.is_favourite.is_(True))
        if within is not None:
            favourites = favourites.where(EntryRow.id > within[0], EntryRow.id <= within[1])
        parts.append(favourites)
    if flt.has_attachment:
        parts.append(select(AttachmentRow.entry_id))
    include: IdQuery | None = None
    if parts:
        include = parts[0] if len(parts) == 1 else intersect(*parts)
    exclude = select(AttachmentRow.entry_id) if flt.has_attachment is False else None
    return IdQueries(include, exclude)


def filter_conditions(flt: EntryFilter) -> list[ColumnElement[bool]]:
    """WHERE conditions on journal_entries (``EntryRow``); an empty list for the empty filter.

    "+ 0" stops SQLite from fetching every allowed entry by id and sorting them: it walks the
    timeline's own index newest first instead, checks each id against the (materialised)
    set, and stops once a page is full, reading entry rows only for what it returns.
    """
    queries = id_queries(flt)
    conditions: list[ColumnElement[bool]] = []
    if queries.include is not None:
        conditions.append((EntryRow.id + 0).in_(queries.include))
    if queries.exclude is not None:
        conditions.append((EntryRow.id + 0).not_in(queries.exclude))
    return conditions
