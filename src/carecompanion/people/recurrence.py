"""Meeting dates from a schedule: pure functions, no database.

Times are wall-clock in the schedule's zone, so a weekly 19:00 meeting in Europe/London is at
19:00 local before and after the clocks change (18:00 and 19:00 UTC). A start time that a
spring-forward change skips (02:30 in New York on that Sunday) is read with the offset before
the gap, as RFC 5545 3.3.5 says, so it lands at 03:30; one that happens twice in autumn is the
first of the two. Durations are exact minutes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from carecompanion.people.meetings import Schedule, ScheduleException, nth_weekday
from carecompanion.people.zones import zone


@dataclass(frozen=True)
class Meeting:
    """One meeting by a schedule, exceptions applied."""

    original_day: date
    start: datetime
    end: datetime
    moved: bool = False
    cancelled: bool = False
    note: str = ""


def _months(first: date, interval: int) -> Iterator[tuple[int, int]]:
    year, month = first.year, first.month
    while True:
        yield year, month
        month += interval
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1


def rule_days(schedule: Schedule, since: date, until: date) -> Iterator[date]:
    """The local dates the rule gives, from ``since`` to ``until`` inclusive."""
    last = min(until, schedule.until) if schedule.until else until
    if schedule.frequency == "once":
        if since <= schedule.first <= last:
            yield schedule.first
        return
    if schedule.frequency == "weekly":
        step = 7 * schedule.interval
        offset = max(0, (since - schedule.first).days)
        day = schedule.first + timedelta(days=-(-offset // step) * step)
        while day <= last:
            yield day
            day += timedelta(days=step)
        return
    for year, month in _months(schedule.first, schedule.interval):
        if date(year, month, 1) > last:
            return
        found = nth_weekday(year, month, schedule.weekday, schedule.week_of_month or 1)
        if found is not None and schedule.first <= found and since <= found <= last:
            yield found


def is_rule_day(schedule: Schedule, day: date) -> bool:
    return any(True for _ in rule_days(schedule, day, day))


def local_start(day: date, start: time, tz: str) -> datetime:
    """``day`` at ``start`` in zone ``tz``, as a real moment (a skipped time moves forward)."""
    # fold=0: a repeated time is the first of the two, as RFC 5545 reads it.
    naive = datetime.combine(day, start.replace(tzinfo=None, fold=0))
    where = zone(tz)
    return naive.replace(tzinfo=where).astimezone(UTC).astimezone(where)


def _after(start: datetime, minutes: int) -> datetime:
    """``minutes`` of real time after ``start`` (aware arithmetic in one zone is wall-clock
    arithmetic, which is off by an hour across a clock change)."""
    return (start.astimezone(UTC) + timedelta(minutes=minutes)).astimezone(start.tzinfo)


def _meeting(schedule: Schedule, original: date, change: ScheduleException | None) -> Meeting:
    if change is not None and change.moved:
        start = local_start(
            change.new_day or original, change.new_start or schedule.start, schedule.tz
        )
        minutes = change.duration_minutes or schedule.duration_minutes
        return Meeting(original, start, _after(start, minutes), moved=True, note=change.note)
    start = local_start(original, schedule.start, schedule.tz)
    end = _after(start, schedule.duration_minutes)
    cancelled = change is not None and change.cancelled
    return Meeting(original, start, end, cancelled=cancelled, note=change.note if change else "")


def meetings(
    schedule: Schedule,
    exceptions: Sequence[ScheduleException],
    start: datetime,
    end: datetime,
    include_cancelled: bool = False,
) -> list[Meeting]:
    """Meetings starting at or after ``start`` and before ``end`` (aware datetimes), sorted.

    A moved meeting counts where it was moved to; a cancelled one only with
    ``include_cancelled`` (for a calendar that shows it struck through).
    """
    if start.tzinfo is None or end.tzinfo is None:
        raise ValueError("start and end must be timezone-aware")
    where = zone(schedule.tz)
    # A day either side: the window's ends may fall on other local dates in this zone.
    since = start.astimezone(where).date() - timedelta(days=1)
    until = end.astimezone(where).date() + timedelta(days=1)
    changes = {change.original: change for change in exceptions}
    found = [
        _meeting(schedule, day, changes.get(day))
        for day in rule_days(schedule, since, until)
        if not (day in changes and changes[day].moved)
    ]
    # Moved meetings can land far from their original day, so each is checked on its own.
    found += [
        _meeting(schedule, change.original, change)
        for change in changes.values()
        if change.moved and is_rule_day(schedule, change.original)
    ]
    return sorted(
        (m for m in found if start <= m.start < end and (include_cancelled or not m.cancelled)),
        key=lambda m: (m.start, m.original_day),
    )
