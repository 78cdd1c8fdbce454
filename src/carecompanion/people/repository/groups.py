"""Support groups, their schedules and changed meetings, within one unit of work.

Schedules are stored as local dates and times in the group's own zone (see ``models``); here
``meetings.Schedule`` values are written, and ``reads`` (people/reads.py: plain SQL, shared
with the command line's read path, which runs the same queries without SQLAlchemy) turns
them back into values, in this unit of work.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from carecompanion.people.meetings import Group, GroupDraft, Schedule, ScheduleException
from carecompanion.people.models import ContactRow, GroupRow, ScheduleExceptionRow, ScheduleRow
from carecompanion.people.reads import GroupReads

_LOADED = (
    selectinload(GroupRow.members),
    selectinload(GroupRow.facilitator),
    selectinload(GroupRow.schedule).selectinload(ScheduleRow.exceptions),
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


def _exception_row(change: ScheduleException) -> ScheduleExceptionRow:
    return ScheduleExceptionRow(
        original_date=change.original.isoformat(),
        cancelled=change.cancelled,
        new_date=change.new_day.isoformat() if change.new_day else None,
        new_time=change.new_start.strftime("%H:%M") if change.new_start else None,
        duration_minutes=change.duration_minutes,
        note=change.note,
    )


class GroupRepository:
    """The group tables within one unit of work."""

    def __init__(self, session: Session) -> None:
        self._session = session
        # The group reads (plain SQL, shared with the command line).
        self.reads = GroupReads(self._driver_rows)

    # -- reads --------------------------------------------------------------------------------
    def groups(self) -> list[Group]:
        """Every group, in no particular order."""
        return self.reads.groups()

    def group(self, group_id: int) -> Group | None:
        """The group as stored now (read afresh after the writes of this unit of work)."""
        self._session.expire_all()  # the rows the next write loads, afresh too
        return self.reads.group(group_id)

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
    def _driver_rows(self, sql: str, params: Mapping[str, Any]) -> Sequence[Sequence[Any]]:
        """Runs one of ``reads``' statements in this unit of work, after writing out what
        it changed (as the ORM's own queries would: a group re-read after an update)."""
        self._session.flush()
        return self._session.connection().exec_driver_sql(sql, dict(params)).all()

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
