"""Chart statistics: pure functions over ``DayStat`` lists (no database, no Qt, no clock).

Everything works on *days*, not check-ins: a day with three check-ins counts once, with the
mean of its moods (see ``DayStat``). Days without a check-in are simply absent; no function
here invents a value for them.

For the charts:

- ``points(days, "stress")`` -> the daily values of one field, for a line or scatter chart;
- ``moving_average(points, window=7)`` -> the smoothed line (trailing calendar window);
- ``bucket_means(points, Period.MONTH)`` -> weekly / monthly / yearly means, for a year view;
- ``sleep_vs_mood(days)`` -> (sleep, mood) pairs for the scatter chart;
- ``year_heatmap(days, 2026)`` -> every date of a year -> mean mood or ``None``;
- ``streaks(day_list, today)`` -> current and longest run of days with a check-in;
- ``summarize(days)`` -> the summary figures the PDF report and accessible tables print.

"What lifts your mood" is in ``carecompanion.mood.lifts``; the baseline and the nudge rule in
``carecompanion.mood.nudge``.
"""

from __future__ import annotations

import enum
import itertools
import math
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from carecompanion.mood.records import DayStat

Field = Literal["mood", "stress", "energy", "sleep_hours", "care_hours"]
FIELDS: tuple[Field, ...] = ("mood", "stress", "energy", "sleep_hours", "care_hours")
ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Point:
    day: date
    value: float


class Period(enum.Enum):
    WEEK = "week"  # ISO weeks, Monday to Sunday
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True)
class BucketMean:
    """The mean of the daily values from ``start`` to ``end`` (inclusive), over ``days`` days
    that had a value."""

    start: date
    end: date
    mean: float
    days: int


@dataclass(frozen=True)
class SleepMood:
    day: date
    sleep_hours: float
    mood: float


@dataclass(frozen=True)
class Streaks:
    """``current``: the run of consecutive days with a check-in that ends today, or yesterday
    (today is not over, so a streak is not broken before tonight). ``longest``: the longest run
    ever, with its first and last day (the latest such run if several are as long)."""

    current: int
    longest: int
    longest_start: date | None
    longest_end: date | None


@dataclass(frozen=True)
class Summary:
    first_day: date | None
    last_day: date | None
    days: int  # days with a check-in
    checkins: int
    mood_mean: float | None
    mood_low: int | None
    mood_high: int | None
    stress_mean: float | None
    energy_mean: float | None
    sleep_mean: float | None
    care_hours_total: float | None


def _value(day: DayStat, field: Field) -> float | None:
    value: float | None = getattr(day, field)
    return value


def points(days: Iterable[DayStat], field: Field = "mood") -> list[Point]:
    """The days that have a value for ``field``, oldest first."""
    if field not in FIELDS:
        raise ValueError(f"unknown field {field!r}")
    result = [Point(d.day, value) for d in days if (value := _value(d, field)) is not None]
    result.sort(key=lambda p: p.day)
    return result


def _check_sorted_unique(series: Sequence[Point]) -> None:
    for before, after in itertools.pairwise(series):
        if after.day <= before.day:
            raise ValueError("points must be sorted by day, one per day")


def moving_average(
    series: Sequence[Point], window: int = 7, min_points: int | None = None
) -> list[Point]:
    """The trailing ``window``-day moving average, on calendar days.

    The value on day D is the mean of the points dated D-window+1 .. D. It is given for every
    calendar day from the first point to the last on which that window holds at least
    ``min_points`` points (default: half the window, rounded up), so the line carries across
    short gaps and stops across long ones instead of stretching one old day over a month.
    """
    if window < 1:
        raise ValueError("the window must be at least one day")
    needed = math.ceil(window / 2) if min_points is None else min_points
    if needed < 1 or needed > window:
        raise ValueError("min_points must be between 1 and the window")
    _check_sorted_unique(series)
    if not series:
        return []
    result: list[Point] = []
    inside: deque[Point] = deque()
    upcoming = 0
    day = series[0].day
    while day <= series[-1].day:
        if upcoming < len(series) and series[upcoming].day == day:
            inside.append(series[upcoming])
            upcoming += 1
        while inside and inside[0].day <= day - timedelta(days=window):
            inside.popleft()
        if len(inside) >= needed:
            # Summed afresh (fsum) rather than kept as a running total: no rounding drift
            # builds up over ten years of days, and a window is at most a few dozen points.
            result.append(Point(day, math.fsum(p.value for p in inside) / len(inside)))
        day += ONE_DAY
    return result


def period_start(day: date, period: Period) -> date:
    if period is Period.WEEK:
        return day - timedelta(days=day.weekday())
    if period is Period.MONTH:
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def period_end(start: date, period: Period) -> date:
    if period is Period.WEEK:
        return start + timedelta(days=6)
    if period is Period.MONTH:
        following = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
        return following - ONE_DAY
    return start.replace(month=12, day=31)


def bucket_means(series: Iterable[Point], period: Period) -> list[BucketMean]:
    """The mean of the daily values in each week, month or year that has any, oldest first."""
    buckets: dict[date, list[float]] = {}
    for point in series:
        buckets.setdefault(period_start(point.day, period), []).append(point.value)
    return [
        BucketMean(start, period_end(start, period), math.fsum(values) / len(values), len(values))
        for start, values in sorted(buckets.items())
    ]


def sleep_vs_mood(days: Iterable[DayStat]) -> list[SleepMood]:
    """Days with both a sleep figure and a mood, oldest first (one point per day)."""
    return sorted(
        (SleepMood(d.day, d.sleep_hours, d.mood) for d in days if d.sleep_hours is not None),
        key=lambda pair: pair.day,
    )


def year_heatmap(days: Iterable[DayStat], year: int) -> dict[date, float | None]:
    """Every date of ``year`` in order, mapped to that day's mean mood or ``None``."""
    moods = {d.day: d.mood for d in days if d.day.year == year}
    first, last = date(year, 1, 1), date(year, 12, 31)
    return {
        first + timedelta(days=offset): moods.get(first + timedelta(days=offset))
        for offset in range((last - first).days + 1)
    }


def streaks(days: Iterable[date], today: date) -> Streaks:
    """Runs of consecutive calendar days with a check-in (days after ``today`` are ignored)."""
    ordered = sorted({d for d in days if d <= today})
    longest, longest_start, longest_end = 0, None, None
    run_start: date | None = None
    previous: date | None = None
    for day in ordered:
        if previous is None or day - previous != ONE_DAY:
            run_start = day
        assert run_start is not None
        length = (day - run_start).days + 1
        if length >= longest:
            longest, longest_start, longest_end = length, run_start, day
        previous = day
    current = 0
    if previous is not None and run_start is not None and today - previous <= ONE_DAY:
        current = (previous - run_start).days + 1
    return Streaks(current, longest, longest_start, longest_end)


def _mean_of(values: list[float]) -> float | None:
    return math.fsum(values) / len(values) if values else None


def summarize(days: Sequence[DayStat]) -> Summary:
    """Headline figures for a period (each mean is a mean of daily values)."""
    ordered = sorted(days, key=lambda d: d.day)
    care = [d.care_hours for d in ordered if d.care_hours is not None]
    return Summary(
        first_day=ordered[0].day if ordered else None,
        last_day=ordered[-1].day if ordered else None,
        days=len(ordered),
        checkins=sum(d.checkins for d in ordered),
        mood_mean=_mean_of([d.mood for d in ordered]),
        mood_low=min((d.mood_low for d in ordered), default=None),
        mood_high=max((d.mood_high for d in ordered), default=None),
        stress_mean=_mean_of([d.stress for d in ordered if d.stress is not None]),
        energy_mean=_mean_of([d.energy for d in ordered if d.energy is not None]),
        sleep_mean=_mean_of([d.sleep_hours for d in ordered if d.sleep_hours is not None]),
        care_hours_total=math.fsum(care) if care else None,
    )
