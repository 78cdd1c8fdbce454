"""The rules a group, its schedule and a single meeting's change must follow."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

from carecompanion.people import errors as said
from carecompanion.people import limits
from carecompanion.people.errors import InvalidGroup, InvalidSchedule, Problem
from carecompanion.people.meetings import (
    FREQUENCIES,
    GROUP_KINDS,
    WEEKS_OF_MONTH,
    GroupDraft,
    Schedule,
    ScheduleException,
    nth_weekday,
)
from carecompanion.people.recurrence import is_rule_day
from carecompanion.people.text import clean_line, clean_text
from carecompanion.people.zones import is_zone

MAX_DURATION = 24 * 60
MAX_INTERVAL = {"once": 1, "weekly": 52, "monthly": 12}


def _minute(start: time) -> time:
    return start.replace(second=0, microsecond=0, tzinfo=None, fold=0)


def checked_schedule(schedule: Schedule) -> Schedule:
    problems: list[Problem] = []
    if not is_zone(schedule.tz):
        problems.append(Problem("tz", said.NOT_A_ZONE(value=repr(schedule.tz))))
    if schedule.frequency not in FREQUENCIES:
        problems.append(Problem("frequency", said.FREQUENCY()))
    elif not 1 <= schedule.interval <= MAX_INTERVAL[schedule.frequency]:
        problems.append(Problem("interval", said.INTERVAL()))
    if not 1 <= schedule.duration_minutes <= MAX_DURATION:
        problems.append(Problem("duration_minutes", said.DURATION()))
    week = schedule.week_of_month if schedule.frequency == "monthly" else None
    if schedule.frequency == "monthly":
        if week is None or week not in WEEKS_OF_MONTH:
            problems.append(Problem("week_of_month", said.WEEK_OF_MONTH()))
        elif (
            nth_weekday(schedule.first.year, schedule.first.month, schedule.weekday, week)
            != schedule.first
        ):
            problems.append(Problem("first", said.FIRST_NOT_ON_WEEKDAY()))
    if schedule.until is not None and schedule.until < schedule.first:
        problems.append(Problem("until", said.UNTIL_BEFORE_FIRST()))
    if problems:
        raise InvalidSchedule(problems)
    interval = schedule.interval if schedule.frequency != "once" else 1
    return replace(
        schedule,
        start=_minute(schedule.start),
        week_of_month=week,
        interval=interval,
        until=schedule.until if schedule.frequency != "once" else None,
    )


def checked_exception(schedule: Schedule, change: ScheduleException) -> ScheduleException:
    problems: list[Problem] = []
    if not is_rule_day(schedule, change.original):
        problems.append(Problem("original", said.NO_MEETING_ON(day=change.original.isoformat())))
    if change.duration_minutes is not None and not 1 <= change.duration_minutes <= MAX_DURATION:
        problems.append(Problem("duration_minutes", said.DURATION()))
    note = clean_text(change.note)
    if len(note) > limits.LOG_NOTE_MAX_CHARS:
        problems.append(Problem("note", said.CHANGE_NOTE_TOO_LONG()))
    if problems:
        raise InvalidSchedule(problems)
    if change.cancelled:
        return ScheduleException(change.original, cancelled=True, note=note)
    return replace(
        change, note=note, new_start=_minute(change.new_start) if change.new_start else None
    )


def checked_group(draft: GroupDraft) -> GroupDraft:
    problems: list[Problem] = []
    name, location, notes = (
        clean_line(draft.name),
        clean_line(draft.location),
        clean_text(draft.notes),
    )
    if not name:
        problems.append(Problem("name", said.GROUP_NEEDS_NAME()))
    if len(name) > limits.NAME_MAX_CHARS:
        problems.append(
            Problem("name", said.TOO_LONG(what=said.A_NAME(), count=limits.NAME_MAX_CHARS))
        )
    if draft.kind not in GROUP_KINDS:
        problems.append(Problem("kind", said.GROUP_KIND()))
    if len(location) > limits.TEXT_MAX_CHARS or len(notes) > limits.TEXT_MAX_CHARS:
        problems.append(Problem("notes", said.GROUP_TEXT_TOO_LONG()))
    schedule = draft.schedule
    if schedule is not None:
        try:
            schedule = checked_schedule(schedule)
        except InvalidSchedule as exc:
            problems.extend(exc.problems)
    if problems:
        raise InvalidGroup(problems)
    members = tuple(dict.fromkeys(draft.member_ids))
    return replace(
        draft, name=name, location=location, notes=notes, schedule=schedule, member_ids=members
    )
