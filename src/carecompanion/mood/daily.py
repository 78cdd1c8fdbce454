"""Check-ins folded into one ``DayStat`` per local day: the unit every chart works in."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from carecompanion.mood.records import CheckIn, DayStat


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def daily_stats(checkins: Iterable[CheckIn]) -> list[DayStat]:
    """One ``DayStat`` per day that has a check-in, oldest first (see ``DayStat`` for how the
    values of several check-ins on one day are combined)."""
    by_day: dict[date, list[CheckIn]] = {}
    for checkin in checkins:
        by_day.setdefault(checkin.day, []).append(checkin)
    result = []
    for day in sorted(by_day):
        items = sorted(by_day[day], key=lambda c: (c.at, c.id))
        moods = [c.mood for c in items]
        sleep = [c.sleep_hours for c in items if c.sleep_hours is not None]
        care = [c.care_hours for c in items if c.care_hours is not None]
        result.append(
            DayStat(
                day=day,
                mood=sum(moods) / len(moods),
                checkins=len(items),
                mood_low=min(moods),
                mood_high=max(moods),
                stress=_mean([float(c.stress) for c in items if c.stress is not None]),
                energy=_mean([float(c.energy) for c in items if c.energy is not None]),
                sleep_hours=sleep[-1] if sleep else None,
                care_hours=care[-1] if care else None,
                activities=frozenset(a for c in items for a in c.activities),
                emotions=frozenset(e for c in items for e in c.emotions),
            )
        )
    return result
