"""Support groups, their schedules and changed meetings, within one unit of work.

Schedules are stored as local dates and times in the group's own zone (see ``models``); here
they are turned into ``meetings.Schedule`` values and back.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from carecompanion.people.meetings import (
    FREQUENCIES,
    GROUP_KINDS,
    Group,
    GroupDraft,
    Schedule,
    ScheduleException,
)
from carecompanion.people.models import ContactRow, GroupRow, ScheduleExceptionRow, ScheduleRow

_LOADED = (
    selectinload(GroupRow.members),
    selectinload(GroupRow.facilitator),
    selectinload(GroupRow.schedule).selectinload(ScheduleRow.exceptions),
)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _time(text: str | None) -> time | None:
    return time.fromisoformat(text) if text else None


def _to_schedule(row: ScheduleRow) -> Schedule:
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


def _fill_schedule(row: ScheduleRow, schedule: Schedule) -> None:
    row.frequency = schedule.frequency
    row.interval = schedule.interval
    row.week_of_month = schedule.week_of_month
    row.first_date = schedule.first.isoformat()
    row.start_time = schedule.start.strftime("%H:%M")
    row.duration_minutes = schedule.duration_minutes
    row.tz = schedule.tz
    row.until_date = schedule.until.isoformat() if schedule.until else None


def _to_exception(row: ScheduleExceptionRow) -> ScheduleException:
    return ScheduleException(
        original=date.fromisoformat(row.original_date),
        cancelled=row.cancelled,
        new_day=_day(row.new_date),
        new_start=_time(row.new_time),
        duration_minutes=row.duration_minutes,
        note=row.note,
    )


def _exception_row(change: ScheduleException) -> ScheduleExceptionRow:
    return ScheduleExceptionRow(
        original_date=change.original.isoformat(),
        cancelled=change.cancelled,
        new_date=change.new_day.isoformat() if change.new_day else None,
        new_time=change.new_start.strftime("%H:%M") if change.new_start else None,
        duration_minutes=change.duration_minutes,
        note=change.note,
    )


def _to_group(row: GroupRow) -> Group:
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
        schedule=_to_schedule(schedule) if schedule is not None else None,
        exceptions=tuple(_to_exception(e) for e in schedule.exceptions) if schedule else (),
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


class GroupRepository:
    """The group tables within one unit of work."""

    def __init__(self, session: Session) -> None:
        self._session = session

    # -- reads --------------------------------------------------------------------------------
    def groups(self) -> list[Group]:
        """Every group, in no particular order."""
        return [_to_group(row) for row in self._session.scalars(select(GroupRow).options(*_LOADED))]

    def group(self, group_id: int) -> Group | None:
        """The group as stored now (read afresh after the writes of this unit of work)."""
        self._session.expire_all()
        row = self._row(group_id)
        return _to_group(row) if row is not None else None

    def known_contacts(self, contact_ids: Iterable[int]) -> set[int]:
        """Those of ``contact_ids`` that are saved contacts."""
        query = select(ContactRow.id).where(ContactRow.id.in_(set(contact_ids)))
        return set(self._session.scalars(query))

    # -- writes -------------------------------------------------------------------------------
    def insert(
        self, uid: str, draft: GroupDraft, created_at: datetime, updated_at: datetime
    ) -> int:
        """A new group (its members and facilitator must be saved contacts); its id."""
        row = GroupRow(uid=uid, created_at=created_at)
        self._fill(row, draft, updated_at, keep=())
        self._session.add(row)
        self._session.flush()
        return row.id

    def update(
        self, group_id: int, draft: GroupDraft, updated_at: datetime, keep: Collection[date]
    ) -> bool:
        """Every field; of the changed meetings only those on the days ``keep`` stay. False
        if there is no such group."""
        row = self._row(group_id)
        if row is None:
            return False
        self._fill(row, draft, updated_at, keep)
        self._session.flush()
        return True

    def delete(self, group_id: int) -> bool:
        row = self._row(group_id)
        if row is None:
            return False
        self._session.delete(row)
        return True

    def put_exception(self, group_id: int, change: ScheduleException, updated_at: datetime) -> None:
        """Cancel or move one meeting of a scheduled group (replacing any earlier change of
        that meeting)."""
        row = self._row(group_id)
        assert row is not None and row.schedule is not None  # the service checked both
        schedule = row.schedule
        schedule.exceptions = [
            e for e in schedule.exceptions if e.original_date != change.original.isoformat()
        ]
        self._session.flush()  # the day's old change goes first: (schedule, day) is unique
        schedule.exceptions.append(_exception_row(change))
        row.updated_at = updated_at
        self._session.flush()

    def remove_exception(self, group_id: int, day: date, updated_at: datetime) -> bool:
        """Undo the change of the meeting on ``day``; False if it had none."""
        row = self._row(group_id)
        assert row is not None and row.schedule is not None  # the service checked both
        schedule = row.schedule
        kept = [e for e in schedule.exceptions if e.original_date != day.isoformat()]
        if len(kept) == len(schedule.exceptions):
            return False
        schedule.exceptions = kept
        row.updated_at = updated_at
        self._session.flush()
        return True

    # -- helpers ------------------------------------------------------------------------------
    def _row(self, group_id: int) -> GroupRow | None:
        return self._session.scalar(
            select(GroupRow).options(*_LOADED).where(GroupRow.id == group_id)
        )

    def _fill(
        self, row: GroupRow, draft: GroupDraft, updated_at: datetime, keep: Collection[date]
    ) -> None:
        wanted = {*draft.member_ids, *([draft.facilitator_id] if draft.facilitator_id else [])}
        found = {
            c.id: c
            for c in self._session.scalars(select(ContactRow).where(ContactRow.id.in_(wanted)))
        }
        row.name, row.kind, row.location, row.notes = (
            draft.name,
            draft.kind,
            draft.location,
            draft.notes,
        )
        row.facilitator_id = draft.facilitator_id
        row.members = [found[i] for i in draft.member_ids]
        row.updated_at = updated_at
        if draft.schedule is None:
            row.schedule = None
            return
        if row.schedule is None:
            row.schedule = ScheduleRow()
        _fill_schedule(row.schedule, draft.schedule)
        row.schedule.exceptions = [
            e for e in row.schedule.exceptions if date.fromisoformat(e.original_date) in keep
        ]
