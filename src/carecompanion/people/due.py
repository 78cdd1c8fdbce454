"""Who is due a check-in: pure functions over contacts, no database.

A contact with "check in every N days" is due N days after the local day of the last logged
contact (or, before any, the day they were added). Logging a call, message or visit moves
the date; deleting that log entry moves it back.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta, tzinfo

from carecompanion.localtime import local_day
from carecompanion.people.records import Contact, DueContact
from carecompanion.people.text import fold_key


def next_check_in(
    check_in_days: int | None,
    last_contact_at: datetime | None,
    created_at: datetime,
    tz: tzinfo | None,
) -> date | None:
    if check_in_days is None:
        return None
    since = last_contact_at if last_contact_at is not None else created_at
    return local_day(since, tz) + timedelta(days=check_in_days)


def due_contacts(contacts: Iterable[Contact], today: date) -> list[DueContact]:
    """Contacts due on or before ``today``, most overdue first (then by name)."""
    due = [
        DueContact(contact, contact.next_check_in, (today - contact.next_check_in).days)
        for contact in contacts
        if contact.next_check_in is not None and contact.next_check_in <= today
    ]
    due.sort(key=lambda item: (-item.days_overdue, fold_key(item.contact.name), item.contact.id))
    return due
