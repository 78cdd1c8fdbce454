"""Contacts, their phones, e-mails, "how they help" and log, within one unit of work.

Contacts are read by plain SQL in ``reads`` (people/reads.py), shared with the command
line's read path, which runs the same queries without SQLAlchemy; ``reads`` here runs them
in this unit of work.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, tzinfo
from typing import Any, NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from carecompanion.people import vcard_extra
from carecompanion.people.models import ContactRow, EmailRow, HelpRow, LogRow, PhoneRow
from carecompanion.people.reads import ContactReads
from carecompanion.people.records import (
    LOG_KINDS,
    Contact,
    ContactDraft,
    Email,
    LogEntry,
    LogKind,
    Phone,
    Photo,
    VCardProperty,
)

# Phones, e-mails and helps come in three extra queries, not one per contact.
_LOADED = (
    selectinload(ContactRow.phones),
    selectinload(ContactRow.emails),
    selectinload(ContactRow.helps),
)


class SavedIdentity(NamedTuple):
    """What an import compares a card with: a saved contact's UID, name, phones, e-mails."""

    contact_id: int
    uid: str
    draft: ContactDraft


def fill_contact(row: ContactRow, draft: ContactDraft) -> None:
    """Copy a validated draft onto a contact row and its child rows."""
    row.name = draft.name
    row.relation = draft.relation
    row.role = draft.role
    row.address = draft.address
    row.notes = draft.notes
    row.best_times = draft.best_times
    row.is_emergency = draft.is_emergency
    row.check_in_days = draft.check_in_days
    row.phones = [
        PhoneRow(position=i, number=p.number, kind=p.kind) for i, p in enumerate(draft.phones)
    ]
    row.emails = [
        EmailRow(position=i, address=e.address, kind=e.kind) for i, e in enumerate(draft.emails)
    ]
    row.helps = [HelpRow(position=i, text=text) for i, text in enumerate(draft.helps)]


def _to_entry(row: LogRow) -> LogEntry:
    kind = row.kind if row.kind in LOG_KINDS else "call"
    return LogEntry(id=row.id, contact_id=row.contact_id, kind=kind, at=row.at, note=row.note)


class ContactRepository:
    """The contact tables within one unit of work. Contacts come back with their due day
    worked out (``due.next_check_in``) in the zone ``tz`` the service names."""

    def __init__(self, session: Session, tz: tzinfo | None) -> None:
        self._session = session
        # The contact reads (plain SQL, shared with the command line).
        self.reads = ContactReads(self._driver_rows, tz)

    # -- reads --------------------------------------------------------------------------------
    def contacts(self) -> list[Contact]:
        """Every contact, in no particular order."""
        return self.reads.contacts()

    def emergency_contacts(self) -> list[Contact]:
        return self.reads.emergency_contacts()

    def contact(self, contact_id: int) -> Contact | None:
        return self.reads.contact(contact_id)

    def exists(self, contact_id: int) -> bool:
        return self._row(contact_id) is not None

    def count(self) -> int:
        return int(self._session.scalar(select(func.count(ContactRow.id))) or 0)

    def photo(self, contact_id: int) -> Photo | None:
        row = self._row(contact_id)
        return (
            Photo(row.photo, row.photo_type) if row is not None and row.photo is not None else None
        )

    # -- writes -------------------------------------------------------------------------------
    def insert(
        self,
        uid: str,
        draft: ContactDraft,
        now: datetime,
        photo: Photo | None = None,
        extra: tuple[VCardProperty, ...] = (),
    ) -> int:
        """A new contact; its id. ``extra``: what an imported card held beyond the fields."""
        row = ContactRow(uid=uid, created_at=now, updated_at=now)
        fill_contact(row, draft)
        row.vcard_extra = vcard_extra.to_json(extra)
        if photo is not None:
            row.photo, row.photo_type = photo.data, photo.mime_type
        self._session.add(row)
        self._session.flush()
        return row.id

    def update(self, contact_id: int, draft: ContactDraft, updated_at: datetime) -> bool:
        """Every field but the photo and the log; False if there is no such contact."""
        row = self._row(contact_id)
        if row is None:
            return False
        if row.vcard_extra:  # a kept N or ADR restating a changed field goes
            before = ContactDraft(name=row.name, address=row.address)
            kept = vcard_extra.after_edit(vcard_extra.from_json(row.vcard_extra), before, draft)
            row.vcard_extra = vcard_extra.to_json(kept)
        fill_contact(row, draft)
        row.updated_at = updated_at
        self._session.flush()
        return True

    def set_photo(self, contact_id: int, photo: Photo | None, updated_at: datetime) -> bool:
        row = self._row(contact_id)
        if row is None:
            return False
        row.photo = photo.data if photo else None
        row.photo_type = photo.mime_type if photo else ""
        row.updated_at = updated_at
        self._session.flush()
        return True

    def delete(self, contact_id: int) -> bool:
        """The contact with its log; groups lose them as member or facilitator."""
        row = self._row(contact_id)
        if row is None:
            return False
        self._session.delete(row)
        return True

    # -- the log ------------------------------------------------------------------------------
    def insert_log(
        self, contact_id: int, kind: LogKind, at: datetime, note: str, created_at: datetime
    ) -> LogEntry:
        row = LogRow(contact_id=contact_id, kind=kind, at=at, note=note, created_at=created_at)
        self._session.add(row)
        self._session.flush()
        return _to_entry(row)

    def log(self, contact_id: int) -> list[LogEntry]:
        """A contact's log, newest first."""
        rows = self._session.scalars(
            select(LogRow)
            .where(LogRow.contact_id == contact_id)
            .order_by(LogRow.at.desc(), LogRow.id.desc())
        )
        return [_to_entry(row) for row in rows]

    def delete_log_entry(self, entry_id: int) -> bool:
        row = self._session.get(LogRow, entry_id)
        if row is None:
            return False
        self._session.delete(row)
        return True

    # -- imports ------------------------------------------------------------------------------
    def identities(self) -> list[SavedIdentity]:
        """Every saved contact as an import compares it (name, phones, e-mails, UID)."""
        return [
            SavedIdentity(
                row.id,
                row.uid,
                ContactDraft(
                    name=row.name,
                    phones=tuple(Phone(p.number) for p in row.phones),
                    emails=tuple(Email(e.address) for e in row.emails),
                ),
            )
            for row in self._session.scalars(select(ContactRow).options(*_LOADED))
        ]

    def uid_taken(self, uid: str) -> bool:
        return self._session.scalar(select(ContactRow.id).where(ContactRow.uid == uid)) is not None

    # -- helpers ------------------------------------------------------------------------------
    def _row(self, contact_id: int) -> ContactRow | None:
        return self._session.scalar(
            select(ContactRow).options(*_LOADED).where(ContactRow.id == contact_id)
        )

    def _driver_rows(self, sql: str, params: Mapping[str, Any]) -> Sequence[Sequence[Any]]:
        """Runs one of ``reads``' statements in this unit of work, after writing out what
        it changed (as the ORM's own queries would: a contact re-read after an update)."""
        self._session.flush()
        return self._session.connection().exec_driver_sql(sql, dict(params)).all()
