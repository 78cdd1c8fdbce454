"""When to remind: the daily check-in reminder's rule, without Qt or a clock of its own.

A reminder is due once a day, at or after the chosen local time, unless the person has
already checked in that day. The tray asks this every minute with the time it sees.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time


@dataclass(frozen=True)
class ReminderState:
    enabled: bool
    at: time  # local wall-clock time
    last_reminded: date | None = None


def checkin_reminder_due(state: ReminderState, now_local: datetime,
                         checked_in_today: bool) -> bool:
    if not state.enabled or checked_in_today:
        return False
    if state.last_reminded == now_local.date():
        return False
    return now_local.time() >= state.at
