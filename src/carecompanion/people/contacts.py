"""Contacts on the encrypted database. Returns plain frozen data; holds no session.

For the UI (all calls are quick and synchronous; run imports off the GUI thread):

- ``add(draft)``, ``update(id, draft)``, ``delete(id)``, ``get(id)``, ``list()``,
  ``search(text)``: one or many contacts; a draft that breaks a rule raises
  ``InvalidContact`` whose ``problems`` name each field.
- ``photo(id)`` / ``set_photo(id, data_or_None)``: the picture (JPEG, PNG, GIF or WebP, at
  most ``limits.PHOTO_MAX_BYTES``), kept out of ``Contact`` so lists stay light.
- ``due(today=None)``: who is due a check-in, most overdue first; ``log_contact(id, kind,
  note, at=None)`` records a call, message, visit or meeting (and so resets the due date);
  ``log(id)`` and ``delete_log_entry(entry_id)``.
- ``emergency_contacts()``, ``help_panel()``, ``support_contacts()``: the "Need help now"
  panel and the mood nudge's list (emergency contacts first, then crisis lines).
- ``preview_import(cards)`` / ``import_cards(cards)`` with ``vcard_read.read_vcard_file``;
  ``export_vcard(version, ids=None)`` returns the text to write.
- ``crisis`` (``CrisisService``): the person's crisis lines and emergency number.

Local days (due dates) are worked out in ``tz``; ``None`` means the computer's own zone.
"""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Sequence
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from carecompanion.clock import Clock
from carecompanion.localtime import local_day
from carecompanion.people import errors as said
from carecompanion.people import importing
from carecompanion.people.crisis import CrisisService
from carecompanion.people.due import due_contacts
from carecompanion.people.errors import ContactNotFound, InvalidDraft, LogEntryNotFound, Problem
from carecompanion.people.help import HelpEntry, HelpPanel, help_entries
from carecompanion.people.limits import LOG_NOTE_MAX_CHARS
from carecompanion.people.models import ContactRow, LogRow
from carecompanion.people.photos import checked_photo
from carecompanion.people.reading import LOADED, read_contacts
from carecompanion.people.records import (
    LOG_KINDS,
    Contact,
    ContactDraft,
    DueContact,
    ImportPreview,
    ImportResult,
    LogEntry,
    LogKind,
    ParsedCard,
    Photo,
)
from carecompanion.people.text import clean_text, fold_key
from carecompanion.people.validation import validated
from carecompanion.people.writing import fill_contact
from carecompanion.storage.database import Database

if TYPE_CHECKING:
    from carecompanion.people.vcard_write import Version

# A logged call may be a little ahead of this computer's clock (another device's time), but
# not days ahead: that is a typing mistake.
_FUTURE_SLACK = timedelta(minutes=10)


class PeopleService:
    def __init__(self, database: Database, clock: Clock, tz: tzinfo | None = None) -> None:
        self._db = database
        self._clock = clock
        self._tz = tz
        self.crisis = CrisisService(database)

    def today(self) -> date:
        return local_day(self._clock.now(), self._tz)

    # -- one contact -------------------------------------------------------------------------
    def add(self, draft: ContactDraft) -> Contact:
        clean = validated(draft)
        now = self._clock.now()
        with self._db.session() as session:
            row = ContactRow(uid=uuid.uuid4().hex, created_at=now, updated_at=now)
            fill_contact(row, clean)
            session.add(row)
            session.flush()
            return self._reread(session, row.id)

    def update(self, contact_id: int, draft: ContactDraft) -> Contact:
        """Replace every field with the draft's (the photo and the log stay)."""
        clean = validated(draft)
        with self._db.session() as session:
            row = self._row(session, contact_id)
            fill_contact(row, clean)
            row.updated_at = self._clock.now()
            session.flush()
            return self._reread(session, contact_id)

    def delete(self, contact_id: int) -> None:
        """Delete a contact with its log; groups lose them as member or facilitator."""
        with self._db.session() as session:
            session.delete(self._row(session, contact_id))

    def get(self, contact_id: int) -> Contact:
        with self._db.session() as session:
            return self._reread(session, contact_id)

    def photo(self, contact_id: int) -> Photo | None:
        with self._db.session() as session:
            row = self._row(session, contact_id)
            return Photo(row.photo, row.photo_type) if row.photo is not None else None

    def set_photo(self, contact_id: int, data: bytes | None) -> Contact:
        """Set (or, with None, remove) the photo; ``InvalidPhoto`` if it is not one."""
        photo = checked_photo(data) if data is not None else None
        with self._db.session() as session:
            row = self._row(session, contact_id)
            row.photo = photo.data if photo else None
            row.photo_type = photo.mime_type if photo else ""
            row.updated_at = self._clock.now()
            session.flush()
            return self._reread(session, contact_id)

    # -- many --------------------------------------------------------------------------------
    def list(self) -> builtins.list[Contact]:
        """Every contact, by name."""
        with self._db.session() as session:
            return read_contacts(session, self._tz)

    def search(self, text: str) -> builtins.list[Contact]:
        """Contacts whose name contains ``text``, ignoring case and accents ("jose" finds
        "José")."""
        wanted = fold_key(text)
        return [c for c in self.list() if wanted in fold_key(c.name)]

    def emergency_contacts(self) -> builtins.list[Contact]:
        with self._db.session() as session:
            return read_contacts(session, self._tz, [ContactRow.is_emergency.is_(True)])

    def count(self) -> int:
        with self._db.session() as session:
            return int(session.scalar(select(func.count(ContactRow.id))) or 0)

    # -- staying in touch --------------------------------------------------------------------
    def due(self, today: date | None = None) -> builtins.list[DueContact]:
        """Contacts whose check-in interval has passed by ``today`` (default: today),
        most overdue first."""
        return due_contacts(self.list(), today or self.today())

    def log_contact(
        self, contact_id: int, kind: LogKind = "call", note: str = "", at: datetime | None = None
    ) -> LogEntry:
        now = self._clock.now()
        when = at or now
        note = clean_text(note)
        problems = []
        if kind not in LOG_KINDS:
            problems.append(
                Problem("kind", said.NOT_ONE_OF(value=repr(kind), allowed=", ".join(LOG_KINDS)))
            )
        if len(note) > LOG_NOTE_MAX_CHARS:
            problems.append(Problem("note", said.LOG_NOTE_TOO_LONG(count=LOG_NOTE_MAX_CHARS)))
        if when.tzinfo is None:
            problems.append(Problem("at", said.LOG_NO_TIME_ZONE()))
        elif when > now + _FUTURE_SLACK:
            problems.append(Problem("at", said.LOG_IN_THE_FUTURE()))
        if problems:
            raise InvalidDraft(problems)
        with self._db.session() as session:
            self._row(session, contact_id)
            row = LogRow(contact_id=contact_id, kind=kind, at=when, note=note, created_at=now)
            session.add(row)
            session.flush()
            return _entry(row)

    def log(self, contact_id: int) -> builtins.list[LogEntry]:
        """A contact's log, newest first."""
        with self._db.session() as session:
            self._row(session, contact_id)
            rows = session.scalars(
                select(LogRow)
                .where(LogRow.contact_id == contact_id)
                .order_by(LogRow.at.desc(), LogRow.id.desc())
            )
            return [_entry(row) for row in rows]

    def delete_log_entry(self, entry_id: int) -> None:
        with self._db.session() as session:
            row = session.get(LogRow, entry_id)
            if row is None:
                raise LogEntryNotFound(entry_id)
            session.delete(row)

    # -- help --------------------------------------------------------------------------------
    def help_panel(self) -> HelpPanel:
        return HelpPanel(
            statement=self.crisis.statement(),
            emergency_number=self.crisis.emergency_number(),
            country=self.crisis.chosen_country(),
            entries=self.support_contacts(),
        )

    def support_contacts(self) -> tuple[HelpEntry, ...]:
        """The person's emergency contacts, then their crisis lines: where the mood nudge
        and the help panel point."""
        return help_entries(self.emergency_contacts(), self.crisis.list())

    # -- vCard -------------------------------------------------------------------------------
    def preview_import(self, cards: Sequence[ParsedCard]) -> ImportPreview:
        """What ``import_cards`` would add; reads only."""
        with self._db.session() as session:
            return importing.preview(session, cards)

    def import_cards(self, cards: Sequence[ParsedCard]) -> ImportResult:
        """Add every card that is not already a contact, in one transaction: a failure
        leaves the vault as it was, and importing the same file twice adds nothing."""
        with self._db.session() as session:
            plan = importing.preview(session, cards)
            rows = importing.add_rows(session, plan.new, self._clock.now())
            return ImportResult(
                added=tuple(row.id for row in rows), duplicates=len(plan.duplicates)
            )

    def export_vcard(self, version: Version = "3.0", ids: Sequence[int] | None = None) -> str:
        """Contacts (all, or ``ids``) as one vCard text, photos included."""
        from carecompanion.people.vcard_write import write_vcards  # vobject loads on first use

        contacts = self.list() if ids is None else [self.get(i) for i in ids]
        return write_vcards(
            ((c, self.photo(c.id) if c.has_photo else None) for c in contacts), version
        )

    # -- helpers -----------------------------------------------------------------------------
    def _reread(self, session: Session, contact_id: int) -> Contact:
        found = read_contacts(session, self._tz, [ContactRow.id == contact_id])
        if not found:
            raise ContactNotFound(contact_id)
        return found[0]

    @staticmethod
    def _row(session: Session, contact_id: int) -> ContactRow:
        row = session.scalar(select(ContactRow).options(*LOADED).where(ContactRow.id == contact_id))
        if row is None:
            raise ContactNotFound(contact_id)
        return row


def _entry(row: LogRow) -> LogEntry:
    kind = row.kind if row.kind in LOG_KINDS else "call"
    return LogEntry(id=row.id, contact_id=row.contact_id, kind=kind, at=row.at, note=row.note)
