"""Migration 0004 up and down, with data on both sides."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest
import sqlalchemy as sa

from carecompanion.clock import FixedClock
from carecompanion.journal.service import JournalService
from carecompanion.mood.records import CheckInDraft
from carecompanion.mood.service import MoodService
from carecompanion.people.contacts import PeopleService
from carecompanion.people.groups import GroupService
from carecompanion.people.meetings import GroupDraft, Schedule
from carecompanion.people.records import ContactDraft, Phone
from carecompanion.storage import migrate
from carecompanion.storage.database import Database
from tests.helpers import schema_drift, stored_body, write_old_entry

PEOPLE_TABLES = {
    "people_contacts",
    "people_contact_phones",
    "people_contact_emails",
    "people_contact_helps",
    "people_contact_log",
    "people_groups",
    "people_group_members",
    "people_group_schedules",
    "people_schedule_exceptions",
    "people_crisis_resources",
    "people_settings",
}


@pytest.fixture
def bare(tmp_path: Path) -> Iterator[Database]:
    db = Database(tmp_path / "migrations.db", os.urandom(32))
    yield db
    db.close()


def tables(db: Database) -> set[str]:
    return set(sa.inspect(db.engine).get_table_names())


def test_upgrade_from_0003_keeps_journal_and_mood(bare: Database, clock: FixedClock) -> None:
    migrate.upgrade(bare.engine, "0003")
    assert not PEOPLE_TABLES & tables(bare)
    entry_id = write_old_entry(bare.engine, "Before people", "kept")
    MoodService(bare, clock).add(CheckInDraft(mood=3, note="kept too"))
    migrate.upgrade(bare.engine, "0004")
    assert tables(bare) >= PEOPLE_TABLES
    assert stored_body(bare.engine, entry_id) == "kept"
    assert [c.note for c in MoodService(bare, clock).list()] == ["kept too"]
    with bare.engine.connect() as conn:  # the service reads columns later migrations add
        assert conn.exec_driver_sql("SELECT count(*) FROM people_contacts").scalar() == 0


def test_downgrade_removes_people_data_and_keeps_the_rest(
    bare: Database, clock: FixedClock
) -> None:
    migrate.upgrade(bare.engine)
    entry = JournalService(bare, clock).add("An entry", "stays")
    people = PeopleService(bare, clock)
    ann = people.add(
        ContactDraft(name="Ann", phones=(Phone("0161 555 0100"),), helps=("good listener",))
    )
    people.log_contact(ann.id, "call", "goes")
    people.crisis.choose_country("GB")
    groups = GroupService(bare, clock)
    group = groups.add(
        GroupDraft(
            name="G",
            member_ids=(ann.id,),
            facilitator_id=ann.id,
            schedule=Schedule.weekly(date(2026, 3, 3), time(19), "Europe/London"),
        )
    )
    groups.cancel_meeting(group.id, date(2026, 3, 10))

    migrate.downgrade(bare.engine, "0003")
    assert not PEOPLE_TABLES & tables(bare)
    assert migrate.current_revision(bare.engine) == "0003"
    assert stored_body(bare.engine, entry.id) == "stays"
    with bare.engine.connect() as conn:
        indexes = {
            row[0]
            for row in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%people%'"
            )
        }
    assert indexes == set()

    migrate.upgrade(bare.engine)  # and up again: empty people tables
    assert PeopleService(bare, clock).list() == []
    assert GroupService(bare, clock).list() == []
    assert PeopleService(bare, clock).crisis.chosen_country() is None


def test_the_models_match_the_migrations(bare: Database) -> None:
    migrate.upgrade(bare.engine)
    assert schema_drift(bare.engine) == []


@pytest.mark.parametrize(
    "statement",
    [
        "INSERT INTO people_contacts (uid, name, relation, role, address, notes, best_times, "
        "is_emergency, check_in_days, photo_type, created_at, updated_at) VALUES "
        "('u', 'n', 'friend', '', '', '', '', 0, 0, '', 't', 't')",
        "INSERT INTO people_groups (uid, name, kind, location, notes, created_at, updated_at) "
        "VALUES ('g', 'n', 'in_person', '', '', 't', 't'); "
        "INSERT INTO people_group_schedules (group_id, frequency, interval, first_date, "
        "start_time, duration_minutes, tz) VALUES (1, 'daily', 1, '2026-01-01', '10:00', 60, "
        "'UTC')",
    ],
)
def test_the_database_itself_refuses_impossible_values(bare: Database, statement: str) -> None:
    migrate.upgrade(bare.engine)
    with pytest.raises(sa.exc.IntegrityError), bare.engine.begin() as conn:
        for part in statement.split("; "):
            conn.exec_driver_sql(part)
