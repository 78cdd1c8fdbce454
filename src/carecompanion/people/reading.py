"""Contact rows to frozen ``Contact`` values, with each one's last logged contact."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, selectinload

from carecompanion.people.due import next_check_in
from carecompanion.people.models import ContactRow, LogRow
from carecompanion.people.records import RELATIONS, Contact, Email, Phone
from carecompanion.people.text import fold_key
from carecompanion.storage.types import UtcDateTime

# Phones, e-mails and helps come in three extra queries, not one per contact.
LOADED = (
    selectinload(ContactRow.phones),
    selectinload(ContactRow.emails),
    selectinload(ContactRow.helps),
)


def last_contacts(session: Session, ids: Sequence[int] | None = None) -> dict[int, datetime]:
    """The latest logged contact per contact id."""
    query = select(LogRow.contact_id, func.max(LogRow.at, type_=UtcDateTime)).group_by(
        LogRow.contact_id
    )
    if ids is not None:
        query = query.where(LogRow.contact_id.in_(ids))
    return {row[0]: row[1] for row in session.execute(query)}


def has_photo(session: Session, ids: Sequence[int] | None = None) -> set[int]:
    query = select(ContactRow.id).where(ContactRow.photo.is_not(None))
    if ids is not None:
        query = query.where(ContactRow.id.in_(ids))
    return set(session.scalars(query))


def to_contact(row: ContactRow, last: datetime | None, photo: bool, tz: tzinfo | None) -> Contact:
    relation = row.relation if row.relation in RELATIONS else "other"
    return Contact(
        id=row.id,
        uid=row.uid,
        name=row.name,
        relation=relation,
        role=row.role,
        phones=tuple(Phone(p.number, p.kind) for p in row.phones),
        emails=tuple(Email(e.address, e.kind) for e in row.emails),
        address=row.address,
        notes=row.notes,
        helps=tuple(h.text for h in row.helps),
        best_times=row.best_times,
        is_emergency=row.is_emergency,
        check_in_days=row.check_in_days,
        has_photo=photo,
        last_contact_at=last,
        next_check_in=next_check_in(row.check_in_days, last, row.created_at, tz),
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def read_contacts(
    session: Session, tz: tzinfo | None, where: Sequence[ColumnElement[bool]] = ()
) -> list[Contact]:
    """Contacts matching ``where``, sorted by name the way people read a list."""
    rows = list(session.scalars(select(ContactRow).options(*LOADED).where(*where)))
    ids = [row.id for row in rows] if where else None
    last, photos = last_contacts(session, ids), has_photo(session, ids)
    contacts = [to_contact(row, last.get(row.id), row.id in photos, tz) for row in rows]
    contacts.sort(key=lambda contact: (fold_key(contact.name), contact.id))
    return contacts
