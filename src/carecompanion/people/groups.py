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
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time

from carecompanion.clock import Clock
from carecompanion.people import agenda
from carecompanion.people import errors as said
from carecompanion.people.errors import GroupNotFound, InvalidGroup, OccurrenceNotFound, Problem
from carecompanion.people.group_validation import checked_exception, checked_group
from carecompanion.people.meetings import (
    Group,
    GroupDraft,
    Occurrence,
    Schedule,
    ScheduleException,
)
from carecompanion.people.reads import GroupReads
from carecompanion.people.recurrence import is_rule_day
from carecompanion.people.repository import GroupRepository
from carecompanion.people.text import by_name
from carecompanion.storage.database import Database


class GroupService:
    def __init__(self, database: Database, clock: Clock) -> None:
        self._db = database
        self._clock = clock

    # -- groups ------------------------------------------------------------------------------
    def add(self, draft: GroupDraft) -> Group:
        clean = checked_group(draft)
        now = self._clock.now()
        with self._repo() as repo:
            _check_people(repo, clean)
            group_id = repo.insert(uuid.uuid4().hex, clean, now, self._clock.now())
            return _require(repo, group_id)

    def update(self, group_id: int, draft: GroupDraft) -> Group:
        clean = checked_group(draft)
        with self._repo() as repo:
            current = _require(repo, group_id)
            _check_people(repo, clean)
            # A changed rule keeps only the changes that still name one of its meetings.
            schedule = clean.schedule
            keep = {
                e.original
                for e in current.exceptions
                if schedule is not None and is_rule_day(schedule, e.original)
            }
            repo.update(group_id, clean, self._clock.now(), keep)
            return _require(repo, group_id)

    def delete(self, group_id: int) -> None:
        with self._repo() as repo:
            if not repo.delete(group_id):
                raise GroupNotFound(group_id)

    def get(self, group_id: int) -> Group:
        with self._repo() as repo:
            return _require(repo, group_id)

    def list(self) -> builtins.list[Group]:
        """Every group, by name."""
        with self._repo() as repo:
            return by_name(repo.groups())

    @contextmanager
    def reading(self) -> Iterator[GroupReads]:
        """The group read queries (people/reads.py) in one unit of work: what ``list``
        runs, for a caller that can also run them without SQLAlchemy (the command line)."""
        with self._repo() as repo:
            yield repo.reads

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
        with self._repo() as repo:
            _scheduled(repo, group_id)
            if not repo.remove_exception(group_id, day, self._clock.now()):
                raise OccurrenceNotFound(day)
            return _require(repo, group_id)

    # -- meetings ----------------------------------------------------------------------------
    def occurrences(
        self,
        start: datetime,
        end: datetime,
        group_id: int | None = None,
        include_cancelled: bool = False,
    ) -> builtins.list[Occurrence]:
        groups = [self.get(group_id)] if group_id is not None else self.list()
        return agenda.occurrences(groups, start, end, include_cancelled)

    def upcoming(self, now: datetime | None = None, limit: int = 5) -> builtins.list[Occurrence]:
        """The next ``limit`` meetings that have not ended by ``now`` (default: the clock)."""
        return agenda.upcoming(self.list(), now or self._clock.now(), limit)

    def export_ics(self) -> bytes:
        from carecompanion.people.ics import calendar_bytes  # icalendar loads only for this

        return calendar_bytes(self.list(), self._clock.now())

    # -- helpers -----------------------------------------------------------------------------
    def _change(self, group_id: int, change: ScheduleException) -> Group:
        with self._repo() as repo:
            clean = checked_exception(_scheduled(repo, group_id), change)
            repo.put_exception(group_id, clean, self._clock.now())
            return _require(repo, group_id)

    @contextmanager
    def _repo(self) -> Iterator[GroupRepository]:
        """One unit of work: committed when the block ends, rolled back if it raises."""
        with self._db.session() as session:
            yield GroupRepository(session)


def _require(repo: GroupRepository, group_id: int) -> Group:
    group = repo.group(group_id)
    if group is None:
        raise GroupNotFound(group_id)
    return group


def _scheduled(repo: GroupRepository, group_id: int) -> Schedule:
    """The group's schedule; a group without one has no meetings to change."""
    schedule = _require(repo, group_id).schedule
    if schedule is None:
        raise InvalidGroup([Problem("schedule", said.NO_SCHEDULE())])
    return schedule


def _check_people(repo: GroupRepository, draft: GroupDraft) -> None:
    """Members and the facilitator must be saved contacts."""
    wanted = {*draft.member_ids, *([draft.facilitator_id] if draft.facilitator_id else [])}
    missing = sorted(wanted - repo.known_contacts(wanted))
    if missing:
        raise InvalidGroup([Problem("member_ids", said.NO_SUCH_CONTACT(id=missing[0]))])
