"""The iCalendar export, read back by an independent parser (recurring-ical-events, which
expands RRULE, EXDATE and RECURRENCE-ID itself) and compared with our own occurrences()."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carecompanion.clock import FixedClock
from carecompanion.people.contacts import PeopleService
from carecompanion.people.groups import GroupService
from carecompanion.people.ics import calendar_bytes
from carecompanion.people.meetings import Group, GroupDraft, Schedule, ScheduleException
from carecompanion.people.records import ContactDraft
from carecompanion.people.recurrence import meetings, rule_days


def their_meetings(
    data: bytes, start: datetime, end: datetime
) -> list[tuple[datetime, datetime, str]]:
    calendar = icalendar.Calendar.from_ical(data)
    events = recurring_ical_events.of(calendar).between(start, end)
    found = [
        (e["DTSTART"].dt.astimezone(UTC), e["DTEND"].dt.astimezone(UTC), str(e["SUMMARY"]))
        for e in events
    ]
    return sorted(m for m in found if start <= m[0] < end)


def our_meetings(
    groups: GroupService, start: datetime, end: datetime
) -> list[tuple[datetime, datetime, str]]:
    return sorted(
        (o.start.astimezone(UTC), o.end.astimezone(UTC), o.group_name)
        for o in groups.occurrences(start, end)
    )


def assert_same(
    theirs: list[tuple[datetime, datetime, str]],
    ours: list[tuple[datetime, datetime, str]],
    tz: str | None = None,
) -> None:
    """The same meetings. Ends are compared only away from clock changes: the parser adds a
    DURATION by the wall clock (from the skipped time, in a gap), where RFC 5545 3.3.6 and
    this app count exact hours and minutes."""
    assert [(start, name) for start, _end, name in theirs] == [
        (start, name) for start, _end, name in ours
    ]
    zone = ZoneInfo(tz) if tz else UTC
    margin = timedelta(hours=3)
    for (_s, their_end, _n), (start, our_end, _name) in zip(theirs, ours, strict=True):
        if (start - margin).astimezone(zone).utcoffset() == (our_end + margin).astimezone(
            zone
        ).utcoffset():
            assert their_end == our_end


def vevents(data: bytes) -> list[icalendar.Event]:
    found = icalendar.Calendar.from_ical(data).walk("VEVENT")
    events = [event for event in found if isinstance(event, icalendar.Event)]
    assert len(events) == len(found), "every VEVENT is read as an Event"
    return events


@pytest.mark.parametrize(
    ("tz", "first", "window"),
    [
        # Europe/London: clocks forward 29 March, back 25 October 2026.
        (
            "Europe/London",
            date(2026, 3, 3),
            (datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 11, 15, tzinfo=UTC)),
        ),
        # America/New_York: forward 8 March, back 1 November 2026.
        (
            "America/New_York",
            date(2026, 2, 24),
            (datetime(2026, 2, 20, tzinfo=UTC), datetime(2026, 11, 20, tzinfo=UTC)),
        ),
    ],
)
def test_weekly_across_daylight_saving_changes(
    groups: GroupService, tz: str, first: date, window: tuple[datetime, datetime]
) -> None:
    groups.add(GroupDraft(name="Weekly", schedule=Schedule.weekly(first, time(19), tz, 90)))
    data = groups.export_ics()
    theirs = their_meetings(data, *window)
    assert theirs == our_meetings(groups, *window)
    local = [start.astimezone(ZoneInfo(tz)) for start, _end, _name in theirs]
    assert len({start.utcoffset() for start in local}) == 2  # both sides of a change...
    assert {start.time() for start in local} == {time(19)}  # ...and always 19:00 local


def test_rrules_exdates_overrides_and_timezones(
    groups: GroupService, people: PeopleService
) -> None:
    maya = people.add(ContactDraft(name="Maya"))
    fortnightly = groups.add(
        GroupDraft(
            name="Carers' café",
            location="Library, Main St",
            facilitator_id=maya.id,
            notes="Tea; biscuits",
            schedule=Schedule.weekly(
                date(2026, 3, 10), time(19), "Europe/London", 90, every_weeks=2
            ),
        )
    )
    groups.add(
        GroupDraft(
            name="Second Tuesday",
            kind="video",
            schedule=Schedule.monthly(
                1, 2, date(2026, 3, 1), time(18, 30), "America/New_York", until=date(2026, 12, 31)
            ),
        )
    )
    groups.add(
        GroupDraft(
            name="Last Friday",
            kind="phone",
            schedule=Schedule.monthly(4, -1, date(2026, 3, 1), time(10), "Australia/Sydney"),
        )
    )
    groups.cancel_meeting(fortnightly.id, date(2026, 3, 24))
    groups.move_meeting(
        fortnightly.id,
        date(2026, 4, 7),
        new_day=date(2026, 4, 8),
        new_start=time(18),
        note="Moved for Easter",
    )
    data = groups.export_ics()
    text = data.decode()
    assert "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU" in text
    assert "RRULE:FREQ=MONTHLY;UNTIL=20261231T233000Z;BYDAY=2TU" in text
    assert "RRULE:FREQ=MONTHLY;BYDAY=-1FR" in text
    assert "DTSTART;TZID=Europe/London:20260310T190000" in text
    assert "EXDATE;TZID=Europe/London:20260324T190000" in text
    assert "RECURRENCE-ID;TZID=Europe/London:20260407T190000" in text
    calendar = icalendar.Calendar.from_ical(data)
    assert {tz.tz_name for tz in calendar.timezones} == {
        "Europe/London",
        "America/New_York",
        "Australia/Sydney",
    }
    assert calendar.get_missing_tzids() == set()
    (override,) = [e for e in vevents(data) if "RECURRENCE-ID" in e]
    assert "Moved for Easter" in str(override["DESCRIPTION"])
    (main,) = [
        e for e in vevents(data) if str(e["SUMMARY"]) == "Carers' café" and "RECURRENCE-ID" not in e
    ]
    assert str(main["LOCATION"]) == "Library, Main St"
    assert "Facilitator: Maya" in str(main["DESCRIPTION"])
    window = (datetime(2026, 3, 1, tzinfo=UTC), datetime(2027, 3, 1, tzinfo=UTC))
    assert their_meetings(data, *window) == our_meetings(groups, *window)


@pytest.mark.parametrize(
    ("tz", "start", "first"),
    [
        ("America/New_York", time(2, 30), date(2026, 3, 1)),  # skipped on 8 March
        ("America/New_York", time(1, 30), date(2026, 10, 25)),  # twice on 1 November
        ("Europe/London", time(1, 30), date(2026, 3, 22)),  # skipped on 29 March
        ("Europe/London", time(1, 30), date(2026, 10, 18)),  # twice on 25 October
    ],
)
def test_times_a_clock_change_skips_or_repeats(
    groups: GroupService, tz: str, start: time, first: date
) -> None:
    groups.add(GroupDraft(name="Night", schedule=Schedule.weekly(first, start, tz)))
    window = (
        datetime.combine(first, time(), tzinfo=UTC),
        datetime.combine(first, time(), tzinfo=UTC) + timedelta(days=20),
    )
    ours = our_meetings(groups, *window)
    assert len(ours) == 3
    assert_same(their_meetings(groups.export_ics(), *window), ours, tz)


def test_a_cancelled_single_meeting_is_left_out(groups: GroupService) -> None:
    once = groups.add(
        GroupDraft(name="Once", schedule=Schedule.once(date(2026, 4, 1), time(11), "Europe/London"))
    )
    groups.add(GroupDraft(name="No schedule"))
    assert [str(e["SUMMARY"]) for e in vevents(groups.export_ics())] == ["Once"]
    groups.cancel_meeting(once.id, date(2026, 4, 1))
    assert vevents(groups.export_ics()) == []


def test_an_empty_calendar_is_still_valid() -> None:
    calendar = icalendar.Calendar.from_ical(calendar_bytes([], datetime(2026, 3, 3, tzinfo=UTC)))
    assert str(calendar["VERSION"]) == "2.0" and calendar.walk("VEVENT") == []


@st.composite
def scheduled_groups(draw: st.DrawFn) -> tuple[Schedule, list[ScheduleException]]:
    tz = draw(
        st.sampled_from(
            ["Europe/London", "America/New_York", "Australia/Sydney", "Europe/Berlin", "UTC"]
        )
    )
    first = draw(st.dates(date(2025, 1, 1), date(2027, 12, 31)))
    # Any minute of the day, including ones a clock change skips or repeats.
    start = draw(st.times().map(lambda t: t.replace(second=0, microsecond=0)))
    minutes = draw(st.integers(15, 240))
    kind = draw(st.sampled_from(["weekly", "monthly", "once"]))
    if kind == "weekly":
        schedule = Schedule.weekly(first, start, tz, minutes, draw(st.integers(1, 3)))
    elif kind == "monthly":
        schedule = Schedule.monthly(
            draw(st.integers(0, 6)),
            draw(st.sampled_from([1, 2, 3, 4, -1])),
            first,
            start,
            tz,
            minutes,
        )
    else:
        schedule = Schedule.once(first, start, tz, minutes)
    if kind != "once":
        until = draw(st.none() | st.dates(schedule.first, schedule.first + timedelta(days=500)))
        schedule = replace(schedule, until=until)
    days = list(rule_days(schedule, schedule.first, schedule.first + timedelta(days=200)))
    changes = []
    for day in draw(st.lists(st.sampled_from(days), max_size=3, unique=True)):
        if draw(st.booleans()):
            changes.append(ScheduleException(day, cancelled=True))
        else:
            changes.append(
                ScheduleException(
                    day,
                    new_day=day + timedelta(days=draw(st.integers(-3, 3))),
                    new_start=time(draw(st.integers(0, 23)), draw(st.sampled_from([0, 15, 30]))),
                )
            )
    return schedule, changes


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=scheduled_groups())
def test_any_schedule_reads_back_the_same(
    case: tuple[Schedule, list[ScheduleException]], clock: FixedClock
) -> None:
    schedule, changes = case
    group = Group(
        id=1,
        uid="0" * 32,
        name="G",
        kind="in_person",
        location="",
        facilitator_id=None,
        facilitator_name="",
        member_ids=(),
        notes="",
        schedule=schedule,
        exceptions=tuple(changes),
        created_at=clock.now(),
        updated_at=clock.now(),
    )
    data = calendar_bytes([group], clock.now())
    start = datetime.combine(schedule.first, time(), tzinfo=UTC) - timedelta(days=5)
    end = start + timedelta(days=230)
    ours = sorted(
        (m.start.astimezone(UTC), m.end.astimezone(UTC), "G")
        for m in meetings(schedule, changes, start, end)
    )
    assert_same(their_meetings(data, start, end), ours, schedule.tz)
