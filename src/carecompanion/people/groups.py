"""Support groups and their meetings on the encrypted database. Plain frozen data out.

For the UI:

- ``add(draft)``, ``update(id, draft)``, ``delete(id)``, ``get(id)``, ``list()``: a
  ``GroupDraft`` carries the schedule too (``Schedule.weekly/monthly/once``); changing the
  schedule drops any cancelled or moved meeting that is no longer a meeting day.
- ``cancel_meeting(id, day, note="")``, ``move_meeting(id, day, new_day=None,
  new_start=None, duration_minutes=None, note="")``, ``restore_meeting(id, day)``: one
  meeting, named by the local date the schedule gives it (``Occurrence.original_day``).
- ``occurrences(start, end, group_id=None)``: meetings starting in [start, end), aware
  datetimes in each group's zone, sorted; ``upcoming(now=None, limit=5)``: the next meetings
  not yet over (for the People page, the home page and tray reminders).
- ``export_ics()``: every scheduled group as one iCalendar file's bytes (``ics.py``).

A schedule names its IANA zone; ``zones.system_zone_name()`` is this computer's, for a
default.
"""

from __future__ import annotations

import builtins
import heapq
import uuid
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from carecompanion.clock import Clock
from carecompanion.people import errors as said
from carecompanion.people.errors import GroupNotFound, InvalidGroup, OccurrenceNotFound, Problem
from carecompanion.people.group_reading import (
    LOADED,
    exception_row,
    fill_schedule,
    to_group,
)
from carecompanion.people.group_validation import checked_exception, checked_group
from carecompanion.people.meetings import Group, GroupDraft, Occurrence, ScheduleException
from carecompanion.people.models import ContactRow, GroupRow, ScheduleRow
from carecompanion.people.recurrence import Meeting, is_rule_day, meetings
from carecompanion.people.text import fold_key
from carecompanion.storage.database import Database

# How far ahead ``upcoming`` looks: a monthly group always has a meeting within this.
UPCOMING_HORIZON = timedelta(days=400)


class GroupService:
    def __init__(self, database: Database, clock: Clock) -> None:
        self._db = database
        self._clock = clock

    # -- groups ------------------------------------------------------------------------------
    def add(self, draft: GroupDraft) -> Group:
        clean = checked_group(draft)
        now = self._clock.now()
        with self._db.session() as session:
            row = GroupRow(uid=uuid.uuid4().hex, created_at=now)
            self._fill(session, row, clean)
            session.add(row)
            session.flush()
            return self._reread(session, row.id)

    def update(self, group_id: int, draft: GroupDraft) -> Group:
        clean = checked_group(draft)
        with self._db.session() as session:
            row = self._row(session, group_id)
            self._fill(session, row, clean)
            session.flush()
            return self._reread(session, group_id)

    def delete(self, group_id: int) -> None:
        with self._db.session() as session:
            session.delete(self._row(session, group_id))

    def get(self, group_id: int) -> Group:
        with self._db.session() as session:
            return self._reread(session, group_id)

    def list(self) -> builtins.list[Group]:
        with self._db.session() as session:
            rows = session.scalars(select(GroupRow).options(*LOADED))
            groups = [to_group(row) for row in rows]
        return sorted(groups, key=lambda group: (fold_key(group.name), group.id))

    # -- single meetings ---------------------------------------------------------------------
    def cancel_meeting(self, group_id: int, day: date, note: str = "") -> Group:
        return self._change(group_id, ScheduleException(day, cancelled=True, note=note))

    def move_meeting(
        self,
        group_id: int,
        day: date,
        new_day: date | None = None,
        new_start: time | None = None,
        duration_minutes: int | None = None,
        note: str = "",
    ) -> Group:
        """Move the meeting the schedule puts on ``day`` to another local date and/or time
        (in the group's zone)."""
        if new_day is None and new_start is None and duration_minutes is None:
            raise InvalidGroup([Problem("new_day", said.MOVE_WHERE())])
        return self._change(
            group_id, ScheduleException(day, False, new_day, new_start, duration_minutes, note)
        )

    def restore_meeting(self, group_id: int, day: date) -> Group:
        """Undo a cancel or move: the meeting is back where the schedule puts it."""
        with self._db.session() as session:
            schedule = self._schedule_row(session, group_id)
            kept = [e for e in schedule.exceptions if e.original_date != day.isoformat()]
            if len(kept) == len(schedule.exceptions):
                raise OccurrenceNotFound(day)
            schedule.exceptions = kept
            self._touch(session, group_id)
            session.flush()
            return self._reread(session, group_id)

    # -- meetings ----------------------------------------------------------------------------
    def occurrences(
        self,
        start: datetime,
        end: datetime,
        group_id: int | None = None,
        include_cancelled: bool = False,
    ) -> builtins.list[Occurrence]:
        groups = [self.get(group_id)] if group_id is not None else self.list()
        found: builtins.list[Occurrence] = []
        for group in groups:
            if group.schedule is None:
                continue
            found += (
                _occurrence(group, meeting)
                for meeting in meetings(
                    group.schedule, group.exceptions, start, end, include_cancelled
                )
            )
        return sorted(found, key=lambda o: (o.start, o.group_name, o.group_id))

    def upcoming(self, now: datetime | None = None, limit: int = 5) -> builtins.list[Occurrence]:
        """The next ``limit`` meetings that have not ended by ``now`` (default: the clock)."""
        now = now or self._clock.now()
        # Start a day back so a meeting in progress is still listed; its end decides.
        window = self.occurrences(now - timedelta(days=1), now + UPCOMING_HORIZON)
        return heapq.nsmallest(
            limit,
            (o for o in window if o.end > now),
            key=lambda o: (o.start, o.group_name, o.group_id),
        )

    def export_ics(self) -> bytes:
        from carecompanion.people.ics import calendar_bytes  # icalendar loads only for this

        return calendar_bytes(self.list(), self._clock.now())

    # -- helpers -----------------------------------------------------------------------------
    def _fill(self, session: Session, row: GroupRow, draft: GroupDraft) -> None:
        wanted = {*draft.member_ids, *([draft.facilitator_id] if draft.facilitator_id else [])}
        found = {
            c.id: c for c in session.scalars(select(ContactRow).where(ContactRow.id.in_(wanted)))
        }
        missing = sorted(wanted - found.keys())
        if missing:
            raise InvalidGroup([Problem("member_ids", said.NO_SUCH_CONTACT(id=missing[0]))])
        row.name, row.kind, row.location, row.notes = (
            draft.name,
            draft.kind,
            draft.location,
            draft.notes,
        )
        row.facilitator_id = draft.facilitator_id
        row.members = [found[i] for i in draft.member_ids]
        row.updated_at = self._clock.now()
        if draft.schedule is None:
            row.schedule = None
            return
        if row.schedule is None:
            row.schedule = ScheduleRow()
        fill_schedule(row.schedule, draft.schedule)
        # A changed rule keeps only the changes that still name one of its meetings.
        row.schedule.exceptions = [
            e
            for e in row.schedule.exceptions
            if is_rule_day(draft.schedule, date.fromisoformat(e.original_date))
        ]

    def _change(self, group_id: int, change: ScheduleException) -> Group:
        with self._db.session() as session:
            schedule_row = self._schedule_row(session, group_id)
            schedule = to_group(self._row(session, group_id)).schedule
            assert schedule is not None
            clean = checked_exception(schedule, change)
            schedule_row.exceptions = [
                e for e in schedule_row.exceptions if e.original_date != clean.original.isoformat()
            ]
            session.flush()  # the day's old change goes first: (schedule, day) is unique
            schedule_row.exceptions.append(exception_row(clean))
            self._touch(session, group_id)
            session.flush()
            return self._reread(session, group_id)

    def _touch(self, session: Session, group_id: int) -> None:
        self._row(session, group_id).updated_at = self._clock.now()

    def _schedule_row(self, session: Session, group_id: int) -> ScheduleRow:
        row = self._row(session, group_id)
        if row.schedule is None:
            raise InvalidGroup([Problem("schedule", said.NO_SCHEDULE())])
        return row.schedule

    def _reread(self, session: Session, group_id: int) -> Group:
        session.expire_all()
        return to_group(self._row(session, group_id))

    @staticmethod
    def _row(session: Session, group_id: int) -> GroupRow:
        row = session.scalar(select(GroupRow).options(*LOADED).where(GroupRow.id == group_id))
        if row is None:
            raise GroupNotFound(group_id)
        return row


def _occurrence(group: Group, meeting: Meeting) -> Occurrence:
    return Occurrence(
        group_id=group.id,
        group_name=group.name,
        kind=group.kind,
        location=group.location,
        start=meeting.start,
        end=meeting.end,
        original_day=meeting.original_day,
        moved=meeting.moved,
        cancelled=meeting.cancelled,
        note=meeting.note,
    )
