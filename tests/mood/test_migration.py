"""Migration 0003 up and down, with data on both sides."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from carecompanion.clock import FixedClock
from carecompanion.journal.service import JournalService
from carecompanion.mood.assessments import AssessmentService
from carecompanion.mood.defaults import DEFAULT_ACTIVITIES
from carecompanion.mood.records import CheckInDraft
from carecompanion.mood.service import MoodService
from carecompanion.storage import migrate
from carecompanion.storage.database import Database
from tests.helpers import schema_drift, stored_body, write_old_entry

MOOD_TABLES = {
    "mood_checkins",
    "mood_activities",
    "mood_checkin_activities",
    "mood_checkin_emotions",
    "mood_assessments",
    "mood_support_contacts",
    "mood_settings",
}


@pytest.fixture
def bare(tmp_path: Path) -> Iterator[Database]:
    db = Database(tmp_path / "migrations.db", os.urandom(32))
    yield db
    db.close()


def tables(db: Database) -> set[str]:
    return set(sa.inspect(db.engine).get_table_names())


def test_upgrade_from_0002_keeps_the_journal_and_seeds_the_list(
    bare: Database, clock: FixedClock
) -> None:
    migrate.upgrade(bare.engine, "0002")
    assert not MOOD_TABLES & tables(bare)
    entry_id = write_old_entry(bare.engine, "Before mood tracking", "kept")
    migrate.upgrade(bare.engine, "0003")
    assert tables(bare) >= MOOD_TABLES
    assert stored_body(bare.engine, entry_id) == "kept"
    mood = MoodService(bare, clock)
    assert tuple(a.name for a in mood.activities.list()) == DEFAULT_ACTIVITIES


def test_downgrade_removes_mood_data_and_keeps_the_journal(
    bare: Database, clock: FixedClock
) -> None:
    migrate.upgrade(bare.engine)
    journal = JournalService(bare, clock)
    entry = journal.add("An entry", "stays")
    mood = MoodService(bare, clock)
    mood.add(
        CheckInDraft(
            mood=2, activities=("Choir",), emotions=("Sad",), note="goes", entry_id=entry.id
        )
    )
    mood.support.add("Anna", "0170")
    mood.dismiss_nudge()
    AssessmentService(bare, clock).save("gad2", [1, 2])

    migrate.downgrade(bare.engine, "0002")
    assert not MOOD_TABLES & tables(bare)
    assert migrate.current_revision(bare.engine) == "0002"
    assert stored_body(bare.engine, entry.id) == "stays"
    with bare.engine.connect() as conn:
        indexes = {
            row[0]
            for row in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%mood%'"
            )
        }
    assert indexes == set()

    migrate.upgrade(bare.engine)  # and back up: empty mood tables, the defaults again
    mood = MoodService(bare, clock)
    assert mood.count() == 0
    assert tuple(a.name for a in mood.activities.list()) == DEFAULT_ACTIVITIES
    assert mood.support.list() == []


def test_the_models_match_the_migrations(bare: Database) -> None:
    migrate.upgrade(bare.engine)
    assert schema_drift(bare.engine) == []


@pytest.mark.parametrize(
    "statement",
    [
        "INSERT INTO mood_checkins (uid, at, day, mood, note, source, fingerprint, created_at, "
        "updated_at) VALUES ('u', 't', '2026-01-01', 6, '', 'app', 'f', 't', 't')",
        "INSERT INTO mood_checkins (uid, at, day, mood, stress, note, source, fingerprint, "
        "created_at, updated_at) VALUES ('u', 't', '2026-01-01', 3, 11, '', 'app', 'f', 't', 't')",
        "INSERT INTO mood_checkins (uid, at, day, mood, sleep_hours, note, source, fingerprint, "
        "created_at, updated_at) VALUES ('u', 't', '2026-01-01', 3, 25, '', 'app', 'f', 't', 't')",
    ],
)
def test_the_database_itself_refuses_out_of_range_values(bare: Database, statement: str) -> None:
    migrate.upgrade(bare.engine)
    with pytest.raises(sa.exc.IntegrityError), bare.engine.begin() as conn:
        conn.exec_driver_sql(statement)
