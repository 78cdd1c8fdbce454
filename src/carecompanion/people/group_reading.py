"""Group rows to frozen ``Group`` values, and schedules to rows and back."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy.orm import selectinload

from carecompanion.people.meetings import (
    FREQUENCIES,
    GROUP_KINDS,
    Group,
    Schedule,
    ScheduleException,
)
from carecompanion.people.models import (
    GroupRow,
    ScheduleExceptionRow,
    ScheduleRow,
)

LOADED = (
    selectinload(GroupRow.members),
    selectinload(GroupRow.facilitator),
    selectinload(GroupRow.schedule).selectinload(ScheduleRow.exceptions),
)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _time(text: str | None) -> time | None:
    return time.fromisoformat(text) if text else None


def to_schedule(row: ScheduleRow) -> Schedule:
    frequency = row.frequency if row.frequency in FREQUENCIES else "once"
    return Schedule(
        first=date.fromisoformat(row.first_date),
        start=time.fromisoformat(row.start_time),
        tz=row.tz,
        duration_minutes=row.duration_minutes,
        frequency=frequency,
        interval=row.interval,
        week_of_month=row.week_of_month,
        until=_day(row.until_date),
    )


def fill_schedule(row: ScheduleRow, schedule: Schedule) -> None:
    row.frequency = schedule.frequency
    row.interval = schedule.interval
    row.week_of_month = schedule.week_of_month
    row.first_date = schedule.first.isoformat()
    row.start_time = schedule.start.strftime("%H:%M")
    row.duration_minutes = schedule.duration_minutes
    row.tz = schedule.tz
    row.until_date = schedule.until.isoformat() if schedule.until else None


def to_exception(row: ScheduleExceptionRow) -> ScheduleException:
    return ScheduleException(
        original=date.fromisoformat(row.original_date),
        cancelled=row.cancelled,
        new_day=_day(row.new_date),
        new_start=_time(row.new_time),
        duration_minutes=row.duration_minutes,
        note=row.note,
    )


def exception_row(change: ScheduleException) -> ScheduleExceptionRow:
    return ScheduleExceptionRow(
        original_date=change.original.isoformat(),
        cancelled=change.cancelled,
        new_date=change.new_day.isoformat() if change.new_day else None,
        new_time=change.new_start.strftime("%H:%M") if change.new_start else None,
        duration_minutes=change.duration_minutes,
        note=change.note,
    )


def to_group(row: GroupRow) -> Group:
    kind = row.kind if row.kind in GROUP_KINDS else "in_person"
    schedule = row.schedule
    return Group(
        id=row.id,
        uid=row.uid,
        name=row.name,
        kind=kind,
        location=row.location,
        facilitator_id=row.facilitator_id,
        facilitator_name=row.facilitator.name if row.facilitator is not None else "",
        member_ids=tuple(member.id for member in row.members),
        notes=row.notes,
        schedule=to_schedule(schedule) if schedule is not None else None,
        exceptions=tuple(to_exception(e) for e in schedule.exceptions) if schedule else (),
        created_at=row.created_at,
        updated_at=row.updated_at,
    )
