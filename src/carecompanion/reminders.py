"""When to remind: the daily check-in reminder's rule, without Qt or a clock of its own.

A reminder is due once a day, at or after the chosen local time, unless the person has
already checked in that day. The tray asks this every minute with the time it sees.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta


@dataclass(frozen=True)
class ReminderState:
    enabled: bool
    at: time  # local wall-clock time
    last_reminded: date | None = None


def checkin_reminder_due(state: ReminderState, now_local: datetime, checked_in_today: bool) -> bool:
    if not state.enabled or checked_in_today:
        return False
    if state.last_reminded == now_local.date():
        return False
    return now_local.time() >= state.at


def meeting_reminder_due(
    start: datetime | None, now: datetime, lead: timedelta, already_reminded: set[datetime]
) -> bool:
    """A meeting starting within ``lead`` of ``now`` (and not yet started), reminded once."""
    if start is None or lead <= timedelta(0) or start in already_reminded:
        return False
    return now < start <= now + lead
