"""Meeting dates: weekly, every other week, monthly on the nth or last weekday, exceptions,
and wall-clock times that hold across daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carecompanion.people.meetings import Schedule, ScheduleException, nth_weekday
from carecompanion.people.recurrence import is_rule_day, local_start, meetings, rule_days

LONDON, NEW_YORK = ZoneInfo("Europe/London"), ZoneInfo("America/New_York")
SPRING_2026 = (datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 4, 30, tzinfo=UTC))


def starts(
    schedule: Schedule,
    exceptions: tuple[ScheduleException, ...] = (),
    window: tuple[datetime, datetime] = SPRING_2026,
) -> list[datetime]:
    return [m.start for m in meetings(schedule, exceptions, *window)]


def test_weekly_19_00_in_london_stays_19_00_across_the_clock_change() -> None:
    schedule = Schedule.weekly(date(2026, 3, 17), time(19), "Europe/London", 90)
    found = meetings(schedule, (), *SPRING_2026)
    assert [m.start.strftime("%Y-%m-%d %H:%M %Z") for m in found[:4]] == [
        "2026-03-17 19:00 GMT",
        "2026-03-24 19:00 GMT",
        "2026-03-31 19:00 BST",
        "2026-04-07 19:00 BST",
    ]
    assert [m.start.astimezone(UTC).hour for m in found[:4]] == [19, 19, 18, 18]
    assert all(m.end - m.start == timedelta(minutes=90) for m in found)


def test_weekly_in_new_york_across_both_changes() -> None:
    schedule = Schedule.weekly(date(2026, 3, 2), time(18, 30), "America/New_York")
    window = (datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 11, 20, tzinfo=UTC))
    found = starts(schedule, window=window)
    assert {(s.hour, s.minute) for s in found} == {(18, 30)}
    assert {s.astimezone(UTC).hour for s in found} == {23, 22}
    assert found[0].utcoffset() == timedelta(hours=-5)
    assert found[1].utcoffset() == timedelta(hours=-4)  # 9 March, after the change
    assert found[-1].utcoffset() == timedelta(hours=-5)  # November, standard time again


def test_every_other_week() -> None:
    schedule = Schedule.weekly(date(2026, 3, 3), time(10), "Europe/London", every_weeks=2)
    assert [s.date() for s in starts(schedule)] == [
        date(2026, 3, 3),
        date(2026, 3, 17),
        date(2026, 3, 31),
        date(2026, 4, 14),
        date(2026, 4, 28),
    ]


@pytest.mark.parametrize(
    ("weekday", "n", "expected"),
    [
        (1, 2, [date(2026, 1, 13), date(2026, 2, 10), date(2026, 3, 10), date(2026, 4, 14)]),
        (4, -1, [date(2026, 1, 30), date(2026, 2, 27), date(2026, 3, 27), date(2026, 4, 24)]),
        (3, 5, [date(2026, 1, 29), date(2026, 4, 30)]),  # months with a fifth Thursday only
    ],
)
def test_monthly_on_the_nth_weekday(weekday: int, n: int, expected: list[date]) -> None:
    schedule = Schedule.monthly(weekday, n, date(2026, 1, 1), time(14), "Europe/London")
    window = (datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 5, 1, tzinfo=UTC))
    assert [s.date() for s in starts(schedule, window=window)] == expected


def test_monthly_starts_from_the_first_matching_day() -> None:
    schedule = Schedule.monthly(1, 2, date(2026, 3, 11), time(19), "Europe/London")
    assert schedule.first == date(2026, 4, 14)  # the second Tuesday of March has passed
    assert schedule.describe() == "The second Tuesday of each month at 19:00 (Europe/London)"


def test_once_and_until() -> None:
    once = Schedule.once(date(2026, 3, 20), time(11), "Europe/London")
    assert [s.date() for s in starts(once)] == [date(2026, 3, 20)]
    weekly = Schedule.weekly(date(2026, 3, 3), time(10), "Europe/London", until=date(2026, 3, 17))
    assert [s.date() for s in starts(weekly)] == [
        date(2026, 3, 3),
        date(2026, 3, 10),
        date(2026, 3, 17),
    ]


def test_cancelled_and_moved_meetings() -> None:
    schedule = Schedule.weekly(date(2026, 3, 3), time(19), "Europe/London")
    exceptions = (
        ScheduleException(date(2026, 3, 10), cancelled=True, note="Hall closed"),
        ScheduleException(
            date(2026, 3, 17), new_day=date(2026, 4, 29), new_start=time(17), duration_minutes=30
        ),
        ScheduleException(date(2026, 3, 24), new_start=time(20)),
    )
    found = meetings(schedule, exceptions, *SPRING_2026)
    days = [(m.start.date(), m.start.time()) for m in found]
    assert (date(2026, 3, 10), time(19)) not in days
    assert (date(2026, 3, 24), time(20)) in days
    assert days[-1] == (date(2026, 4, 29), time(17))
    moved = found[-1]
    assert moved.moved and moved.original_day == date(2026, 3, 17)
    assert moved.end - moved.start == timedelta(minutes=30)
    with_cancelled = meetings(schedule, exceptions, *SPRING_2026, include_cancelled=True)
    (cancelled,) = [m for m in with_cancelled if m.cancelled]
    assert cancelled.original_day == date(2026, 3, 10) and cancelled.note == "Hall closed"


def test_a_meeting_moved_into_the_window_from_outside_it() -> None:
    schedule = Schedule.weekly(date(2026, 1, 6), time(19), "Europe/London")
    moved = ScheduleException(date(2026, 1, 13), new_day=date(2026, 3, 2))
    assert date(2026, 3, 2) in [s.date() for s in starts(schedule, (moved,))]


def test_gap_and_overlap_times_follow_rfc_5545() -> None:
    # 02:30 does not exist in New York on 8 March 2026: read with the offset before the gap.
    assert local_start(date(2026, 3, 8), time(2, 30), "America/New_York") == datetime(
        2026, 3, 8, 3, 30, tzinfo=NEW_YORK
    )
    # 01:30 happens twice on 1 November: the first (daylight time) is meant.
    assert local_start(date(2026, 11, 1), time(1, 30), "America/New_York").utcoffset() == timedelta(
        hours=-4
    )


def test_a_repeated_time_is_the_first_whatever_its_fold() -> None:
    second = time(1, 30, fold=1)  # what Python calls the later 01:30
    assert local_start(date(2026, 11, 1), second, "America/New_York").utcoffset() == timedelta(
        hours=-4
    )


def test_exact_durations_across_the_change() -> None:
    schedule = Schedule.weekly(date(2026, 3, 29), time(0, 30), "Europe/London", 120)
    (meeting,) = meetings(
        schedule, (), datetime(2026, 3, 28, tzinfo=UTC), datetime(2026, 3, 30, tzinfo=UTC)
    )
    # Python subtracts two times in one zone by their clocks, so compare in UTC.
    assert meeting.end.astimezone(UTC) - meeting.start.astimezone(UTC) == timedelta(hours=2)
    assert meeting.end.strftime("%H:%M %Z") == "03:30 BST"


def test_window_must_be_aware() -> None:
    schedule = Schedule.weekly(date(2026, 3, 3), time(10), "Europe/London")
    with pytest.raises(ValueError, match="aware"):
        meetings(schedule, (), datetime(2026, 3, 1), datetime(2026, 4, 1))


schedules = st.builds(
    lambda kind, first, start, tz, every, weekday, n: (
        Schedule.weekly(first, start, tz, every_weeks=every)
        if kind == "weekly"
        else Schedule.monthly(weekday, n, first, start, tz)
    ),
    kind=st.sampled_from(["weekly", "monthly"]),
    first=st.dates(date(2024, 1, 1), date(2028, 12, 31)),
    start=st.times().map(lambda t: t.replace(second=0, microsecond=0)),
    tz=st.sampled_from(
        ["Europe/London", "America/New_York", "Australia/Sydney", "UTC", "Asia/Kolkata"]
    ),
    every=st.integers(1, 3),
    weekday=st.integers(0, 6),
    n=st.sampled_from([1, 2, 3, 4, -1]),
)


@given(schedule=schedules, offset_days=st.integers(0, 800), span_days=st.integers(1, 120))
def test_every_meeting_keeps_its_rule(schedule: Schedule, offset_days: int, span_days: int) -> None:
    start = datetime.combine(schedule.first, time(), tzinfo=UTC) + timedelta(days=offset_days)
    end = start + timedelta(days=span_days)
    found = meetings(schedule, (), start, end)
    assert [m.start for m in found] == sorted(m.start for m in found)
    for meeting in found:
        assert start <= meeting.start < end
        day = meeting.original_day
        assert is_rule_day(schedule, day) and day >= schedule.first
        assert day.weekday() == schedule.weekday
        wall = datetime.combine(day, schedule.start.replace(fold=0), tzinfo=ZoneInfo(schedule.tz))
        exists = wall.astimezone(UTC).astimezone(wall.tzinfo).replace(tzinfo=None) == wall.replace(
            tzinfo=None
        )
        assert meeting.start.astimezone(UTC) == wall.astimezone(UTC)
        # The meeting is at the schedule's wall-clock time, unless a clock change skips it.
        assert (meeting.start.date(), meeting.start.time()) == (day, schedule.start) or not exists
        if schedule.frequency == "weekly":
            assert (day - schedule.first).days % (7 * schedule.interval) == 0
        else:
            assert (
                nth_weekday(day.year, day.month, day.weekday(), schedule.week_of_month or 1) == day
            )
    # Nothing is missed: every rule day whose meeting starts inside the window is there.
    expected = [
        d
        for d in rule_days(schedule, start.date() - timedelta(days=2), end.date())
        if start <= local_start(d, schedule.start, schedule.tz) < end
    ]
    assert [m.original_day for m in found] == expected
