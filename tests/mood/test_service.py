"""Check-ins through MoodService: adding, correcting, days, links to journal entries."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa

from carecompanion.clock import FixedClock
from carecompanion.journal.service import JournalService
from carecompanion.mood.errors import CheckInNotFound, InvalidCheckIn
from carecompanion.mood.records import CheckInDraft
from carecompanion.mood.service import MoodService
from carecompanion.storage.database import Database
from tests.helpers import START
from tests.mood.conftest import BERLIN


def test_add_and_get(mood: MoodService) -> None:
    checkin = mood.add(
        CheckInDraft(
            mood=4,
            stress=3,
            sleep_hours=7.5,
            energy=6,
            care_hours=5.25,
            activities=("  a   walk ", "A WALK", "Choir"),
            emotions=("Calm", "calm", "Tired"),
            note="  Mum slept well.  ",
        )
    )
    assert checkin.at == START
    assert checkin.day == date(2026, 3, 3)
    assert (
        checkin.mood,
        checkin.stress,
        checkin.sleep_hours,
        checkin.energy,
        checkin.care_hours,
    ) == (4, 3, 7.5, 6, 5.25)
    assert checkin.activities == ("A walk", "Choir")  # the list's own spelling, list order
    assert checkin.emotions == ("Calm", "Tired")
    assert checkin.note == "Mum slept well."
    assert checkin.source == "app"
    assert len(checkin.uid) == 32
    assert mood.get(checkin.id) == checkin
    assert mood.count() == 1


def test_the_day_is_the_local_day(mood: MoodService) -> None:
    late = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)  # 00:30 on 2 March in Berlin
    assert mood.add(CheckInDraft(mood=3, at=late)).day == date(2026, 3, 2)
    summer = datetime(2025, 7, 1, 21, 59, tzinfo=UTC)  # 23:59 in Berlin (UTC+2)
    assert mood.add(CheckInDraft(mood=3, at=summer)).day == date(2025, 7, 1)


def test_several_a_day_and_past_days(mood: MoodService) -> None:
    morning = mood.add(CheckInDraft(mood=2, at=START - timedelta(hours=4)))
    evening = mood.add(CheckInDraft(mood=4))
    last_week = mood.add(CheckInDraft(mood=5, at=START - timedelta(days=7)))
    assert [c.id for c in mood.list()] == [last_week.id, morning.id, evening.id]
    days = mood.days()
    assert [(d.day, d.mood, d.checkins) for d in days] == [
        (date(2026, 2, 24), 5.0, 1),
        (date(2026, 3, 3), 3.0, 2),
    ]


def test_list_by_local_day_inclusive(mood: MoodService) -> None:
    for offset in range(5):
        mood.add(CheckInDraft(mood=3, at=START - timedelta(days=offset)))
    picked = mood.list(since=date(2026, 2, 28), until=date(2026, 3, 2))
    assert [c.day for c in picked] == [date(2026, 2, 28), date(2026, 3, 1), date(2026, 3, 2)]
    assert mood.list(since=date(2026, 3, 4)) == []


def test_update_replaces_fields_and_keeps_identity(mood: MoodService, clock: FixedClock) -> None:
    first = mood.add(
        CheckInDraft(mood=2, stress=8, activities=("Rest",), emotions=("Sad",), note="rough")
    )
    clock.advance(3600)
    changed = mood.update(first.id, CheckInDraft(mood=3, activities=("Music",), note="better"))
    assert (changed.id, changed.uid, changed.created_at) == (first.id, first.uid, START)
    assert changed.at == first.at  # no new time given: the original one stays
    assert changed.updated_at == START + timedelta(hours=1)
    assert (changed.mood, changed.stress, changed.activities, changed.emotions, changed.note) == (
        3,
        None,
        ("Music",),
        (),
        "better",
    )
    moved = mood.update(first.id, CheckInDraft(mood=3, at=START - timedelta(days=2)))
    assert moved.day == date(2026, 3, 1)


def test_to_draft_round_trips(mood: MoodService) -> None:
    checkin = mood.add(CheckInDraft(mood=5, stress=1, activities=("Exercise",), note="yes"))
    assert mood.update(checkin.id, checkin.to_draft()).to_draft() == checkin.to_draft()


def test_delete(mood: MoodService, database: Database) -> None:
    checkin = mood.add(CheckInDraft(mood=3, activities=("Rest",), emotions=("Calm",)))
    mood.delete(checkin.id)
    assert mood.count() == 0
    with database.engine.connect() as conn:  # the links went with it, the activity stayed
        assert conn.exec_driver_sql("SELECT count(*) FROM mood_checkin_emotions").scalar() == 0
        assert conn.exec_driver_sql("SELECT count(*) FROM mood_checkin_activities").scalar() == 0
    assert "Rest" in [a.name for a in mood.activities.list()]
    with pytest.raises(CheckInNotFound, match="no check-in with id"):
        mood.delete(checkin.id)


@pytest.mark.parametrize("checkin_id", [0, 999])
def test_missing_checkin(mood: MoodService, checkin_id: int) -> None:
    with pytest.raises(CheckInNotFound, match=f"no check-in with id {checkin_id}"):
        mood.get(checkin_id)
    with pytest.raises(CheckInNotFound):
        mood.update(checkin_id, CheckInDraft(mood=3))


def test_invalid_drafts_write_nothing(mood: MoodService) -> None:
    with pytest.raises(InvalidCheckIn) as caught:
        mood.add(CheckInDraft(mood=0, stress=11, sleep_hours=25.0))
    assert [p.field for p in caught.value.problems] == ["mood", "stress", "sleep_hours"]
    assert isinstance(caught.value, ValueError)
    with pytest.raises(InvalidCheckIn, match="future"):
        mood.add(CheckInDraft(mood=3, at=START + timedelta(hours=1)))
    assert mood.count() == 0


def test_link_to_a_journal_entry(mood: MoodService, database: Database, clock: FixedClock) -> None:
    journal = JournalService(database, clock)
    entry = journal.add("The appointment", "Long wait, kind nurse.")
    checkin = mood.add(CheckInDraft(mood=3, entry_id=entry.id))
    other = mood.add(CheckInDraft(mood=4))
    assert checkin.entry_id == entry.id
    linked = mood.link_entry(other.id, entry.id)
    assert linked.entry_id == entry.id
    assert [c.id for c in mood.for_entry(entry.id)] == [checkin.id, other.id]
    assert mood.link_entry(other.id, None).entry_id is None
    with pytest.raises(InvalidCheckIn, match="no journal entry with id 77"):
        mood.link_entry(other.id, 77)
    with pytest.raises(InvalidCheckIn, match="no journal entry with id 77"):
        mood.add(CheckInDraft(mood=3, entry_id=77))


def test_deleting_the_entry_unlinks_but_keeps_the_checkin(
    mood: MoodService, database: Database, clock: FixedClock
) -> None:
    entry = JournalService(database, clock).add("gone soon", "")
    checkin = mood.add(CheckInDraft(mood=3, entry_id=entry.id))
    with database.session() as session:  # ON DELETE SET NULL, enforced by SQLite itself
        session.execute(sa.text("DELETE FROM journal_entries WHERE id = :id"), {"id": entry.id})
    assert mood.get(checkin.id).entry_id is None


def test_days_fold_several_checkins(mood: MoodService) -> None:
    base = START - timedelta(hours=6)
    mood.add(
        CheckInDraft(
            mood=2, stress=8, sleep_hours=5.0, care_hours=3.0, activities=("Rest",), at=base
        )
    )
    mood.add(
        CheckInDraft(
            mood=4,
            stress=5,
            energy=6,
            sleep_hours=6.0,
            activities=("A walk",),
            emotions=("Calm",),
            at=base + timedelta(hours=2),
        )
    )
    mood.add(CheckInDraft(mood=3, care_hours=6.0, at=base + timedelta(hours=4)))
    (only,) = mood.days()
    assert only.mood == 3.0  # (2 + 4 + 3) / 3
    assert (only.mood_low, only.mood_high, only.checkins) == (2, 4, 3)
    assert only.stress == 6.5  # (8 + 5) / 2: the check-in without stress does not count
    assert only.energy == 6.0
    assert only.sleep_hours == 6.0  # the last one given that day
    assert only.care_hours == 6.0
    assert only.activities == {"Rest", "A walk"}
    assert only.emotions == {"Calm"}


def test_the_service_uses_the_clock_not_the_os(database: Database) -> None:
    clock = FixedClock(datetime(2030, 12, 31, 23, 30, tzinfo=UTC))
    service = MoodService(database, clock, BERLIN)
    assert service.today() == date(2031, 1, 1)
    assert service.add(CheckInDraft(mood=3)).day == date(2031, 1, 1)


def test_a_day_range_keeps_each_checkins_own_names(mood: MoodService) -> None:
    for offset, (activity, emotion) in enumerate(
        [("Rest", "Calm"), ("Music", "Sad"), ("A walk", "Tired")]
    ):
        mood.add(
            CheckInDraft(
                mood=3,
                activities=(activity, "Exercise"),
                emotions=(emotion,),
                at=START - timedelta(days=offset),
            )
        )
    picked = mood.list(since=date(2026, 3, 2), until=date(2026, 3, 2))
    assert [(c.activities, c.emotions) for c in picked] == [(("Exercise", "Music"), ("Sad",))]
    assert [c.activities for c in mood.list()] == [
        ("A walk", "Exercise"),
        ("Exercise", "Music"),
        ("Exercise", "Rest"),
    ]


def test_what_add_returns_is_what_get_returns(mood: MoodService) -> None:
    added = mood.add(
        CheckInDraft(mood=3, activities=("Music", "A walk"), emotions=("Tired", "Calm"))
    )
    assert added.activities == ("A walk", "Music")  # the list's order, whatever was typed
    assert added.emotions == ("Tired", "Calm")  # as chosen
    assert mood.get(added.id) == added
    assert mood.update(added.id, added.to_draft()) == mood.get(added.id)
