"""Staying in touch: "check in every N days", the contact log, and who is due."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carecompanion.clock import FixedClock
from carecompanion.people.contacts import PeopleService
from carecompanion.people.due import due_contacts, next_check_in
from carecompanion.people.errors import ContactNotFound, InvalidDraft, LogEntryNotFound
from carecompanion.people.records import ContactDraft
from carecompanion.storage.database import Database

DAY = 86400


def test_a_new_contact_is_due_n_days_after_being_added(
    people: PeopleService, clock: FixedClock
) -> None:
    contact = people.add(ContactDraft(name="Ann", check_in_days=7))
    assert contact.next_check_in == date(2026, 3, 10)
    assert people.due() == []
    clock.advance(6 * DAY)
    assert people.due() == []
    clock.advance(DAY)
    (due,) = people.due()
    assert (due.contact.id, due.due_on, due.days_overdue) == (contact.id, date(2026, 3, 10), 0)


def test_logging_a_call_resets_the_due_date_and_deleting_it_restores(
    people: PeopleService, clock: FixedClock
) -> None:
    contact = people.add(ContactDraft(name="Ann", check_in_days=7))
    clock.advance(10 * DAY)
    assert [d.days_overdue for d in people.due()] == [3]
    entry = people.log_contact(contact.id, "call", "  Talked about the night shifts  ")
    assert entry.note == "Talked about the night shifts" and entry.at == clock.now()
    assert people.due() == []
    assert people.get(contact.id).last_contact_at == clock.now()
    assert people.get(contact.id).next_check_in == date(2026, 3, 20)
    people.delete_log_entry(entry.id)
    assert [d.days_overdue for d in people.due()] == [3]
    with pytest.raises(LogEntryNotFound):
        people.delete_log_entry(entry.id)


def test_an_older_log_entry_does_not_move_the_date_back(
    people: PeopleService, clock: FixedClock
) -> None:
    contact = people.add(ContactDraft(name="Ann", check_in_days=5))
    people.log_contact(contact.id, "visit", "", at=clock.now())
    people.log_contact(contact.id, "message", "earlier", at=clock.now() - timedelta(days=20))
    assert people.get(contact.id).next_check_in == date(2026, 3, 8)
    assert [e.note for e in people.log(contact.id)] == ["", "earlier"]  # newest first


def test_due_is_sorted_by_how_overdue_then_name(people: PeopleService, clock: FixedClock) -> None:
    people.add(ContactDraft(name="Weekly Wendy", check_in_days=7))
    people.add(ContactDraft(name="Fortnight Fred", check_in_days=14))
    people.add(ContactDraft(name="Also Weekly Al", check_in_days=7))
    people.add(ContactDraft(name="No reminder Nat"))
    clock.advance(20 * DAY)
    assert [(d.contact.name, d.days_overdue) for d in people.due()] == [
        ("Also Weekly Al", 13),
        ("Weekly Wendy", 13),
        ("Fortnight Fred", 6),
    ]
    assert [d.contact.name for d in people.due(date(2026, 3, 10))] == [
        "Also Weekly Al",
        "Weekly Wendy",
    ]


def test_days_are_local_days(database: Database) -> None:
    """A call at 23:30 in New York is that evening there, though it is the next day in UTC."""
    new_york = ZoneInfo("America/New_York")
    clock = FixedClock(datetime(2026, 3, 4, 4, 30, tzinfo=UTC))  # 23:30 on the 3rd there
    people = PeopleService(database, clock, new_york)
    contact = people.add(ContactDraft(name="Ann", check_in_days=1))
    assert contact.next_check_in == date(2026, 3, 4)
    assert people.today() == date(2026, 3, 3)


@pytest.mark.parametrize(
    ("kind", "note", "at", "field"),
    [
        ("letter", "", None, "kind"),
        ("call", "n" * 2001, None, "note"),
        ("call", "", datetime(2026, 3, 3, 12), "at"),
        ("call", "", datetime(2026, 3, 5, tzinfo=UTC), "at"),
    ],
)
def test_bad_log_entries_are_refused(
    people: PeopleService, kind: str, note: str, at: datetime | None, field: str
) -> None:
    contact = people.add(ContactDraft(name="Ann"))
    with pytest.raises(InvalidDraft) as caught:
        people.log_contact(contact.id, kind, note, at)  # type: ignore[arg-type]
    assert [p.field for p in caught.value.problems] == [field]
    assert people.log(contact.id) == []


def test_logging_for_a_missing_contact(people: PeopleService) -> None:
    with pytest.raises(ContactNotFound):
        people.log_contact(42, "call")
    with pytest.raises(ContactNotFound):
        people.log(42)


def test_deleting_a_contact_deletes_its_log(people: PeopleService, database: Database) -> None:
    contact = people.add(ContactDraft(name="Ann"))
    people.log_contact(contact.id, "call", "private words")
    people.delete(contact.id)
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM people_contact_log").scalar() == 0


@given(days=st.integers(1, 3650), gap=st.integers(-400, 4000), hour=st.integers(0, 23))
def test_next_check_in_is_n_local_days_after_the_last_contact(
    days: int, gap: int, hour: int
) -> None:
    tz = ZoneInfo("Europe/London")
    created = datetime(2025, 1, 1, tzinfo=UTC)
    last = datetime(2026, 3, 29, hour, tzinfo=UTC)  # the day the clocks go forward
    due = next_check_in(days, last, created, tz)
    assert due == last.astimezone(tz).date() + timedelta(days=days)
    assert next_check_in(None, last, created, tz) is None
    today = last.astimezone(tz).date() + timedelta(days=gap)
    assert (due is not None and due <= today) == (gap >= days)
    assert due_contacts([], today) == []
