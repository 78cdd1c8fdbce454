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
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from carecompanion.clock import Clock
from carecompanion.localtime import local_day
from carecompanion.people import errors as said
from carecompanion.people import importing
from carecompanion.people.crisis import CrisisService
from carecompanion.people.due import due_contacts
from carecompanion.people.errors import ContactNotFound, InvalidDraft, LogEntryNotFound, Problem
from carecompanion.people.help import HelpEntry, HelpPanel, help_entries
from carecompanion.people.limits import LOG_NOTE_MAX_CHARS
from carecompanion.people.photos import checked_photo
from carecompanion.people.reads import ContactReads
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
from carecompanion.people.repository import ContactRepository
from carecompanion.people.text import by_name, clean_text, fold_key
from carecompanion.people.validation import validated
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
        with self._repo() as repo:
            return _reread(repo, repo.insert(uuid.uuid4().hex, clean, now))

    def update(self, contact_id: int, draft: ContactDraft) -> Contact:
        """Replace every field with the draft's (the photo and the log stay)."""
        clean = validated(draft)
        with self._repo() as repo:
            if not repo.update(contact_id, clean, self._clock.now()):
                raise ContactNotFound(contact_id)
            return _reread(repo, contact_id)

    def delete(self, contact_id: int) -> None:
        """Delete a contact with its log; groups lose them as member or facilitator."""
        with self._repo() as repo:
            if not repo.delete(contact_id):
                raise ContactNotFound(contact_id)

    def get(self, contact_id: int) -> Contact:
        with self._repo() as repo:
            return _reread(repo, contact_id)

    def photo(self, contact_id: int) -> Photo | None:
        with self._repo() as repo:
            _require(repo, contact_id)
            return repo.photo(contact_id)

    def set_photo(self, contact_id: int, data: bytes | None) -> Contact:
        """Set (or, with None, remove) the photo; ``InvalidPhoto`` if it is not one."""
        photo = checked_photo(data) if data is not None else None
        with self._repo() as repo:
            if not repo.set_photo(contact_id, photo, self._clock.now()):
                raise ContactNotFound(contact_id)
            return _reread(repo, contact_id)

    # -- many --------------------------------------------------------------------------------
    def list(self) -> builtins.list[Contact]:
        """Every contact, by name."""
        with self._repo() as repo:
            return by_name(repo.contacts())

    @contextmanager
    def reading(self) -> Iterator[ContactReads]:
        """The contact read queries (people/reads.py) in one unit of work: what ``list``
        and ``due`` run, for a caller that can also run them without SQLAlchemy (the
        command line)."""
        with self._repo() as repo:
            yield repo.reads

    def search(self, text: str) -> builtins.list[Contact]:
        """Contacts whose name contains ``text``, ignoring case and accents ("jose" finds
        "José")."""
        wanted = fold_key(text)
        return [c for c in self.list() if wanted in fold_key(c.name)]

    def emergency_contacts(self) -> builtins.list[Contact]:
        with self._repo() as repo:
            return by_name(repo.emergency_contacts())

    def count(self) -> int:
        with self._repo() as repo:
            return repo.count()

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
        with self._repo() as repo:
            _require(repo, contact_id)
            return repo.insert_log(contact_id, kind, when, note, now)

    def log(self, contact_id: int) -> builtins.list[LogEntry]:
        """A contact's log, newest first."""
        with self._repo() as repo:
            _require(repo, contact_id)
            return repo.log(contact_id)

    def delete_log_entry(self, entry_id: int) -> None:
        with self._repo() as repo:
            if not repo.delete_log_entry(entry_id):
                raise LogEntryNotFound(entry_id)

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
        with self._repo() as repo:
            return importing.preview(repo, cards)

    def import_cards(self, cards: Sequence[ParsedCard]) -> ImportResult:
        """Add every card that is not already a contact, in one transaction: a failure
        leaves the vault as it was, and importing the same file twice adds nothing."""
        with self._repo() as repo:
            plan = importing.preview(repo, cards)
            added = importing.add_cards(repo, plan.new, self._clock.now())
            return ImportResult(added=tuple(added), duplicates=len(plan.duplicates))

    def export_vcard(self, version: Version = "3.0", ids: Sequence[int] | None = None) -> str:
        """Contacts (all, or ``ids``) as one vCard text, photos included."""
        from carecompanion.people.vcard_write import write_vcards  # vobject loads on first use

        contacts = self.list() if ids is None else [self.get(i) for i in ids]
        return write_vcards(
            ((c, self.photo(c.id) if c.has_photo else None) for c in contacts), version
        )

    # -- helpers -----------------------------------------------------------------------------
    @contextmanager
    def _repo(self) -> Iterator[ContactRepository]:
        """One unit of work: committed when the block ends, rolled back if it raises."""
        with self._db.session() as session:
            yield ContactRepository(session, self._tz)


def _require(repo: ContactRepository, contact_id: int) -> None:
    if not repo.exists(contact_id):
        raise ContactNotFound(contact_id)


def _reread(repo: ContactRepository, contact_id: int) -> Contact:
    found = repo.contact(contact_id)
    if found is None:
        raise ContactNotFound(contact_id)
    return found
