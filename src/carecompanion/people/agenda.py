"""Groups' meetings in a stretch of time, and the next ones: pure functions over groups.

The group service answers the app with them (``GroupService.occurrences``, ``upcoming``),
and the command line's quick read path (``groups list`` with an unlocked session) with the
groups it read without SQLAlchemy: one rule for both.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from datetime import datetime, timedelta

from carecompanion.people.meetings import Group, Occurrence
from carecompanion.people.recurrence import Meeting, meetings

# How far ahead ``upcoming`` looks: a monthly group always has a meeting within this.
UPCOMING_HORIZON = timedelta(days=400)


def occurrences(
    groups: Iterable[Group], start: datetime, end: datetime, include_cancelled: bool = False
) -> list[Occurrence]:
    """The meetings of ``groups`` starting in [start, end), sorted by start (then group name
    and id)."""
    found: list[Occurrence] = []
    for group in groups:
        if group.schedule is None:
            continue
        found += (
            _occurrence(group, meeting)
            for meeting in meetings(group.schedule, group.exceptions, start, end, include_cancelled)
        )
    return sorted(found, key=lambda o: (o.start, o.group_name, o.group_id))


def upcoming(groups: Iterable[Group], now: datetime, limit: int) -> list[Occurrence]:
    """The next ``limit`` meetings of ``groups`` that have not ended by ``now``."""
    # Start a day back so a meeting in progress is still listed; its end decides.
    window = occurrences(groups, now - timedelta(days=1), now + UPCOMING_HORIZON)
    return heapq.nsmallest(
        limit,
        (o for o in window if o.end > now),
        key=lambda o: (o.start, o.group_name, o.group_id),
    )


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
