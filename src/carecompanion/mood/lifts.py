""" "What lifts your mood": the average mood on days with and without each self-care activity.

Only days with at least one check-in count. A day is "with" an activity when any check-in of
that day lists it, and "without" otherwise. Each side's figure is the mean of the daily mean
moods, reported with the number of days behind it.

No claim is made from too few days: ``difference`` is only given when both sides have at least
``MIN_DAYS_EACH_SIDE`` days (5), and the UI must show the day counts next to every figure. This
is a comparison of the person's own days, not evidence that an activity *causes* anything; the
UI words it as "On days with a walk your mood averaged 3.8 (12 days); on other days 3.1
(40 days)", never "walking makes you happier".
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from carecompanion.mood.records import DayStat

MIN_DAYS_EACH_SIDE = 5


@dataclass(frozen=True)
class ActivityLift:
    activity: str
    days_with: int
    days_without: int
    mean_with: float | None  # None when no day has it
    mean_without: float | None  # None when every day has it
    difference: float | None  # mean_with - mean_without, only when enough_data
    enough_data: bool


def activity_lifts(
    days: Sequence[DayStat],
    activities: Iterable[str] | None = None,
    min_days: int = MIN_DAYS_EACH_SIDE,
) -> list[ActivityLift]:
    """One row per activity (those named, else every activity seen in ``days``).

    Sorted for display: rows with enough data first, biggest difference first; then the rest
    by how many days they have, so the UI can say "a few more days and we can tell".
    """
    if min_days < 1:
        raise ValueError("min_days must be at least 1")
    names = (
        sorted({a for d in days for a in d.activities})
        if activities is None
        else list(dict.fromkeys(activities))
    )
    rows = []
    for name in names:
        with_days = [d.mood for d in days if name in d.activities]
        without_days = [d.mood for d in days if name not in d.activities]
        mean_with = math.fsum(with_days) / len(with_days) if with_days else None
        mean_without = math.fsum(without_days) / len(without_days) if without_days else None
        enough = len(with_days) >= min_days and len(without_days) >= min_days
        difference = (
            mean_with - mean_without
            if enough and mean_with is not None and mean_without is not None
            else None
        )
        rows.append(
            ActivityLift(
                name, len(with_days), len(without_days), mean_with, mean_without, difference, enough
            )
        )
    rows.sort(
        key=lambda r: (
            not r.enough_data,
            -(r.difference if r.difference is not None else 0.0),
            -r.days_with,
            r.activity.casefold(),
        )
    )
    return rows
