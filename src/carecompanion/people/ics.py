"""Support-group meetings as an iCalendar file (RFC 5545) that calendar apps import.

One VEVENT per scheduled group: DTSTART with the group's TZID, DURATION, an RRULE
(``FREQ=WEEKLY;INTERVAL=2;BYDAY=TU``, ``FREQ=MONTHLY;BYDAY=2TU`` or ``-1FR``, UNTIL in UTC as
RFC 5545 requires with a TZID start), EXDATEs for cancelled meetings and one more VEVENT with
a RECURRENCE-ID per moved meeting. icalendar writes a VTIMEZONE for every zone used, built
from the zoneinfo database, so the file does not depend on the importing app's zone names.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from icalendar import Calendar, Event

from carecompanion import __version__
from carecompanion.people.meetings import (
    GROUP_KIND_LABELS,
    WEEKDAY_CODES,
    Group,
    Schedule,
    ScheduleException,
)
from carecompanion.people.recurrence import is_rule_day, local_start

PRODID = f"-//CareCompanion//CareCompanion {__version__}//EN"
VTIMEZONE_YEARS = 20


def rrule(schedule: Schedule) -> dict[str, Any] | None:
    """The RRULE for a schedule; None for a single meeting."""
    if schedule.frequency == "once":
        return None
    day = WEEKDAY_CODES[schedule.weekday]
    rule: dict[str, Any] = {"FREQ": schedule.frequency.upper()}
    if schedule.interval != 1:
        rule["INTERVAL"] = schedule.interval
    rule["BYDAY"] = day if schedule.frequency == "weekly" else f"{schedule.week_of_month}{day}"
    if schedule.until is not None:
        # The last moment a meeting could start, in UTC (RFC 5545 3.3.10).
        rule["UNTIL"] = local_start(schedule.until, schedule.start, schedule.tz).astimezone(UTC)
    return rule


def _description(group: Group) -> str:
    parts = [GROUP_KIND_LABELS[group.kind]]
    if group.facilitator_name:
        parts.append(f"Facilitator: {group.facilitator_name}")
    if group.notes:
        parts.append(group.notes)
    return "\n".join(parts)


def _event(group: Group, start: datetime, minutes: int, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", f"{group.uid}@carecompanion")
    event.add("dtstamp", stamp)
    event.add("summary", group.name)
    event.add("dtstart", start)
    event.add("duration", timedelta(minutes=minutes))
    if group.location:
        event.add("location", group.location)
    event.add("description", _description(group))
    return event


def _events(group: Group, schedule: Schedule, stamp: datetime) -> list[Event]:
    first = local_start(schedule.first, schedule.start, schedule.tz)
    main = _event(group, first, schedule.duration_minutes, stamp)
    rule = rrule(schedule)
    if rule is not None:
        main.add("rrule", rule)
    changes: Sequence[ScheduleException] = [
        change for change in group.exceptions if is_rule_day(schedule, change.original)
    ]
    cancelled = [
        local_start(c.original, schedule.start, schedule.tz) for c in changes if c.cancelled
    ]
    if cancelled and rule is None:
        return []  # the one meeting is cancelled: nothing to put in a calendar
    if cancelled:
        main.add("exdate", cancelled)
    events = [main]
    for change in (c for c in changes if c.moved):
        original = local_start(change.original, schedule.start, schedule.tz)
        moved = local_start(
            change.new_day or change.original, change.new_start or schedule.start, schedule.tz
        )
        override = _event(group, moved, change.duration_minutes or schedule.duration_minutes, stamp)
        override.add("recurrence-id", original)
        if change.note:
            override["description"] = f"{_description(group)}\n{change.note}"
        events.append(override)
    return events


def calendar_bytes(groups: Sequence[Group], now: datetime) -> bytes:
    """Every group with a schedule, as one .ics file."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    stamp = now.astimezone(UTC).replace(microsecond=0)
    firsts = [group.schedule.first for group in groups if group.schedule is not None]
    for group in groups:
        if group.schedule is not None:
            for event in _events(group, group.schedule, stamp):
                calendar.add_component(event)
    # The VTIMEZONEs list each zone's changes from the first meeting to well past today,
    # rather than icalendar's default 1970-2038.
    calendar.add_missing_timezones(
        first_date=min(firsts, default=stamp.date()) - timedelta(days=366),
        last_date=max([stamp.date(), *firsts]) + timedelta(days=VTIMEZONE_YEARS * 366),
    )
    return bytes(calendar.to_ical())
