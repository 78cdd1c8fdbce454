"""Building ``DayStat`` lists by hand for the statistics tests."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from carecompanion.mood.records import DayStat


def day(
    when: date,
    mood: float,
    *,
    stress: float | None = None,
    sleep: float | None = None,
    activities: Iterable[str] = (),
    checkins: int = 1,
) -> DayStat:
    return DayStat(
        day=when,
        mood=mood,
        checkins=checkins,
        mood_low=int(mood),
        mood_high=int(mood),
        stress=stress,
        sleep_hours=sleep,
        activities=frozenset(activities),
    )
