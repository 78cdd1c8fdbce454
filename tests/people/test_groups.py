"""Support groups: members, facilitator, schedules, single-meeting changes, upcoming."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from carecompanion.clock import FixedClock
from carecompanion.people.contacts import PeopleService
from carecompanion.people.errors import (
    GroupNotFound,
    InvalidGroup,
    InvalidSchedule,
    OccurrenceNotFound,
)
from carecompanion.people.groups import GroupService
from carecompanion.people.meetings import GroupDraft, Schedule
from carecompanion.people.records import ContactDraft
from carecompanion.storage.database import Database

WEEKLY = Schedule.weekly(date(2026, 3, 3), time(19), "Europe/London", 90)  # Tuesdays


def test_a_group_with_every_field(
    groups: GroupService, people: PeopleService, clock: FixedClock
) -> None:
    facilitator = people.add(ContactDraft(name="Maya", relation="facilitator"))
    member = people.add(ContactDraft(name="Ann"))
    group = groups.add(
        GroupDraft(
            name=" Carers' café ",
            kind="video",
            location="https://meet.example/cafe",
            facilitator_id=facilitator.id,
            member_ids=(member.id, facilitator.id, member.id),
            notes="Bring a mug.",
            schedule=WEEKLY,
        )
    )
    assert group.name == "Carers' café" and group.kind == "video"
    assert group.facilitator_name == "Maya"
    assert set(group.member_ids) == {member.id, facilitator.id}
    assert group.schedule == WEEKLY and group.exceptions == ()
    assert group.created_at == group.updated_at == clock.now()
    assert groups.get(group.id) == group
    assert groups.list() == [group]
    assert group.to_draft().schedule == WEEKLY


def test_deleting_a_contact_leaves_the_group(groups: GroupService, people: PeopleService) -> None:
    facilitator = people.add(ContactDraft(name="Maya"))
    group = groups.add(
        GroupDraft(name="Group", facilitator_id=facilitator.id, member_ids=(facilitator.id,))
    )
    people.delete(facilitator.id)
    again = groups.get(group.id)
    assert again.facilitator_id is None and again.member_ids == ()


@pytest.mark.parametrize(
    ("draft", "fields"),
    [
        (GroupDraft(name=""), {"name"}),
        (GroupDraft(name="G", kind="letters"), {"kind"}),  # type: ignore[arg-type]
        (
            GroupDraft(name="G", schedule=Schedule.weekly(date(2026, 3, 3), time(19), "Mars/Base")),
            {"tz"},
        ),
        (
            GroupDraft(name="G", schedule=Schedule.weekly(date(2026, 3, 3), time(19), "UTC", 0)),
            {"duration_minutes"},
        ),
        (
            GroupDraft(
                name="G",
                schedule=Schedule(
                    date(2026, 3, 3), time(19), "UTC", frequency="monthly", week_of_month=2
                ),
            ),
            {"first"},
        ),  # the 3rd is the first Tuesday, not the second
        (
            GroupDraft(
                name="G",
                schedule=Schedule.weekly(date(2026, 3, 3), time(19), "UTC", until=date(2026, 3, 1)),
            ),
            {"until"},
        ),
    ],
)
def test_invalid_groups(groups: GroupService, draft: GroupDraft, fields: set[str]) -> None:
    with pytest.raises(InvalidGroup) as caught:
        groups.add(draft)
    assert {p.field for p in caught.value.problems} == fields
    assert groups.list() == []


def test_unknown_members_are_refused(groups: GroupService) -> None:
    with pytest.raises(InvalidGroup, match="no contact with id 7"):
        groups.add(GroupDraft(name="G", member_ids=(7,)))


def test_cancel_move_and_restore_a_meeting(groups: GroupService, clock: FixedClock) -> None:
    group = groups.add(GroupDraft(name="G", schedule=WEEKLY))
    window = (datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 3, 25, tzinfo=UTC))
    groups.cancel_meeting(group.id, date(2026, 3, 10), note="Hall closed")
    groups.move_meeting(
        group.id, date(2026, 3, 17), new_day=date(2026, 3, 18), new_start=time(18, 15)
    )
    found = groups.occurrences(*window)
    assert [(o.start.date(), o.start.time()) for o in found] == [
        (date(2026, 3, 3), time(19)),
        (date(2026, 3, 18), time(18, 15)),
        (date(2026, 3, 24), time(19)),
    ]
    assert found[1].moved and found[1].original_day == date(2026, 3, 17)
    # Moving the same meeting again replaces the first move.
    groups.move_meeting(group.id, date(2026, 3, 17), new_start=time(20))
    assert len(groups.get(group.id).exceptions) == 2
    groups.restore_meeting(group.id, date(2026, 3, 10))
    groups.restore_meeting(group.id, date(2026, 3, 17))
    assert [o.start.date() for o in groups.occurrences(*window)] == [
        date(2026, 3, 3),
        date(2026, 3, 10),
        date(2026, 3, 17),
        date(2026, 3, 24),
    ]
    with pytest.raises(OccurrenceNotFound):
        groups.restore_meeting(group.id, date(2026, 3, 10))


def test_changes_must_name_a_meeting_day(groups: GroupService) -> None:
    group = groups.add(GroupDraft(name="G", schedule=WEEKLY))
    with pytest.raises(InvalidSchedule, match="does not meet on 2026-03-04"):
        groups.cancel_meeting(group.id, date(2026, 3, 4))
    with pytest.raises(InvalidGroup, match="Say where"):
        groups.move_meeting(group.id, date(2026, 3, 3))
    plain = groups.add(GroupDraft(name="No schedule"))
    with pytest.raises(InvalidGroup, match="no meeting schedule"):
        groups.cancel_meeting(plain.id, date(2026, 3, 3))
    with pytest.raises(GroupNotFound):
        groups.cancel_meeting(999, date(2026, 3, 3))


def test_a_new_rule_drops_changes_that_no_longer_fit(groups: GroupService) -> None:
    group = groups.add(GroupDraft(name="G", schedule=WEEKLY))
    groups.cancel_meeting(group.id, date(2026, 3, 10))
    groups.cancel_meeting(group.id, date(2026, 3, 17))
    fortnightly = Schedule.weekly(date(2026, 3, 3), time(19), "Europe/London", every_weeks=2)
    changed = groups.update(group.id, GroupDraft(name="G", schedule=fortnightly))
    assert [e.original for e in changed.exceptions] == [date(2026, 3, 17)]
    cleared = groups.update(group.id, GroupDraft(name="G"))
    assert cleared.schedule is None and cleared.exceptions == ()


def test_upcoming_lists_the_next_meetings_of_all_groups(
    groups: GroupService, clock: FixedClock
) -> None:
    groups.add(GroupDraft(name="Tuesday", schedule=WEEKLY))  # 19:00 London
    groups.add(
        GroupDraft(
            name="Monthly",
            schedule=Schedule.monthly(2, -1, date(2026, 3, 1), time(12), "America/New_York"),
        )
    )  # last Wednesday
    groups.add(GroupDraft(name="No schedule"))
    clock.advance(7 * 3600 + 30 * 60)  # 19:30 on Tuesday 3 March: the meeting is on now
    upcoming = groups.upcoming(limit=4)
    assert [(o.group_name, o.start.date()) for o in upcoming] == [
        ("Tuesday", date(2026, 3, 3)),
        ("Tuesday", date(2026, 3, 10)),
        ("Tuesday", date(2026, 3, 17)),
        ("Tuesday", date(2026, 3, 24)),
    ]
    later = groups.upcoming(clock.now() + timedelta(days=21, hours=2), limit=2)
    assert [(o.group_name, o.start.date()) for o in later] == [
        ("Monthly", date(2026, 3, 25)),
        ("Tuesday", date(2026, 3, 31)),
    ]


def test_occurrences_of_one_group(groups: GroupService) -> None:
    first = groups.add(GroupDraft(name="A", schedule=WEEKLY))
    groups.add(GroupDraft(name="B", schedule=WEEKLY))
    window = (datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 3, 8, tzinfo=UTC))
    assert [o.group_name for o in groups.occurrences(*window)] == ["A", "B"]
    assert [o.group_name for o in groups.occurrences(*window, group_id=first.id)] == ["A"]


def test_deleting_a_group_deletes_its_schedule(groups: GroupService, database: Database) -> None:
    group = groups.add(GroupDraft(name="G", schedule=WEEKLY))
    groups.cancel_meeting(group.id, date(2026, 3, 10))
    groups.delete(group.id)
    with database.engine.connect() as conn:
        for table in ("people_group_schedules", "people_schedule_exceptions"):
            assert conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() == 0
    with pytest.raises(GroupNotFound):
        groups.get(group.id)
