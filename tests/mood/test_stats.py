"""Chart statistics on small hand-computed data, and invariants checked with hypothesis."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carecompanion.mood.daily import daily_stats
from carecompanion.mood.stats import (
    BucketMean,
    Period,
    Point,
    SleepMood,
    Streaks,
    bucket_means,
    moving_average,
    points,
    sleep_vs_mood,
    streaks,
    summarize,
    year_heatmap,
)
from tests.mood.days import day

D = date(2026, 3, 2)  # a Monday


def pts(*pairs: tuple[int, float]) -> list[Point]:
    return [Point(D + timedelta(days=offset), value) for offset, value in pairs]


# -- moving average --------------------------------------------------------------------------------
GAPPY = pts((0, 1.0), (1, 3.0), (2, 5.0), (6, 2.0))  # nothing on days 3, 4, 5


def test_moving_average_every_point_counts() -> None:
    assert moving_average(GAPPY, window=3, min_points=1) == pts(
        (0, 1.0),  # [1]
        (1, 2.0),  # [1, 3]
        (2, 3.0),  # [1, 3, 5]
        (3, 4.0),  # days 1..3: [3, 5]
        (4, 5.0),  # days 2..4: [5]
        # day 5: days 3..5 hold nothing, so no point
        (6, 2.0),  # days 4..6: [2]
    )


def test_moving_average_default_needs_half_the_window() -> None:
    # window 3 -> at least 2 points: the line stops across the gap instead of bridging it.
    assert moving_average(GAPPY, window=3) == pts((1, 2.0), (2, 3.0), (3, 4.0))


def test_seven_day_average_of_a_steady_week() -> None:
    week = pts(*[(i, float(v)) for i, v in enumerate([1, 2, 3, 4, 5, 4, 3, 2])])
    result = moving_average(week, window=7)
    assert [p.day for p in result] == [D + timedelta(days=i) for i in range(3, 8)]
    assert result[0].value == pytest.approx(10 / 4)  # days 0..3
    assert result[-2].value == pytest.approx(22 / 7)  # days 0..6
    assert result[-1].value == pytest.approx(23 / 7)  # days 1..7


def test_moving_average_refuses_bad_input() -> None:
    with pytest.raises(ValueError, match="sorted"):
        moving_average(pts((1, 1.0), (0, 2.0)))
    with pytest.raises(ValueError, match="sorted"):
        moving_average(pts((0, 1.0), (0, 2.0)))
    with pytest.raises(ValueError, match="window"):
        moving_average(GAPPY, window=0)
    with pytest.raises(ValueError, match="min_points"):
        moving_average(GAPPY, window=3, min_points=4)
    assert moving_average([], window=7) == []


# -- series ----------------------------------------------------------------------------------------
def test_points_per_field() -> None:
    days = [day(D, 3.0, stress=4.0), day(D + timedelta(days=1), 5.0), day(D - timedelta(1), 1)]
    assert points(days) == [
        Point(D - timedelta(1), 1),
        Point(D, 3.0),
        Point(D + timedelta(days=1), 5.0),
    ]
    assert points(days, "stress") == [Point(D, 4.0)]
    with pytest.raises(ValueError, match="unknown field"):
        points(days, "note")  # type: ignore[arg-type]


def test_weekly_means_start_on_monday() -> None:
    series = pts((0, 2.0), (2, 4.0), (6, 3.0), (7, 5.0))  # Mon, Wed, Sun | next Mon
    assert bucket_means(series, Period.WEEK) == [
        BucketMean(date(2026, 3, 2), date(2026, 3, 8), 3.0, 3),
        BucketMean(date(2026, 3, 9), date(2026, 3, 15), 5.0, 1),
    ]


def test_monthly_and_yearly_means() -> None:
    series = [
        Point(date(2024, 2, 10), 2.0),
        Point(date(2024, 2, 29), 4.0),
        Point(date(2024, 12, 31), 5.0),
        Point(date(2025, 1, 1), 1.0),
    ]
    assert bucket_means(series, Period.MONTH) == [
        BucketMean(date(2024, 2, 1), date(2024, 2, 29), 3.0, 2),  # a leap February
        BucketMean(date(2024, 12, 1), date(2024, 12, 31), 5.0, 1),
        BucketMean(date(2025, 1, 1), date(2025, 1, 31), 1.0, 1),
    ]
    assert bucket_means(series, Period.YEAR) == [
        BucketMean(date(2024, 1, 1), date(2024, 12, 31), 11 / 3, 3),
        BucketMean(date(2025, 1, 1), date(2025, 12, 31), 1.0, 1),
    ]


def test_sleep_against_mood() -> None:
    days = [day(D + timedelta(1), 4.0, sleep=8.0), day(D, 2.0, sleep=4.5), day(D + timedelta(2), 3)]
    assert sleep_vs_mood(days) == [SleepMood(D, 4.5, 2.0), SleepMood(D + timedelta(1), 8.0, 4.0)]


def test_year_heatmap_has_every_day() -> None:
    days = [day(date(2024, 1, 1), 2.0), day(date(2024, 2, 29), 4.5), day(date(2025, 1, 1), 5)]
    heat = year_heatmap(days, 2024)
    assert len(heat) == 366
    assert list(heat)[::365] == [date(2024, 1, 1), date(2024, 12, 31)]
    assert heat[date(2024, 1, 1)] == 2.0
    assert heat[date(2024, 2, 29)] == 4.5
    assert heat[date(2024, 3, 1)] is None
    assert len(year_heatmap(days, 2025)) == 365


# -- streaks ---------------------------------------------------------------------------------------
def d(n: int) -> date:
    return date(2026, 3, n)


def test_streaks_with_today_not_yet_done() -> None:
    days = [d(1), d(2), d(3), d(5), d(7), d(8), d(9), d(20)]  # d(20) is in the future
    assert streaks(days, today=d(10)) == Streaks(
        current=3, longest=3, longest_start=d(7), longest_end=d(9)
    )


def test_streaks_with_today_done() -> None:
    assert streaks([d(7), d(8), d(9), d(10), d(1)], today=d(10)) == Streaks(4, 4, d(7), d(10))


def test_a_missed_day_breaks_the_current_streak() -> None:
    assert streaks([d(1), d(2), d(3), d(8)], today=d(10)) == Streaks(0, 3, d(1), d(3))
    assert streaks([], today=d(10)) == Streaks(0, 0, None, None)


# -- summary ---------------------------------------------------------------------------------------
def test_summary_figures() -> None:
    days = [
        day(d(1), 2.0, stress=8.0, sleep=5.0, checkins=2),
        day(d(2), 4.0, sleep=7.0),
        day(d(4), 3.0, stress=4.0),
    ]
    summary = summarize(days)
    assert (summary.first_day, summary.last_day, summary.days, summary.checkins) == (
        d(1),
        d(4),
        3,
        4,
    )
    assert summary.mood_mean == 3.0
    assert (summary.mood_low, summary.mood_high) == (2, 4)
    assert summary.stress_mean == 6.0
    assert summary.sleep_mean == 6.0
    assert summary.energy_mean is None and summary.care_hours_total is None
    assert summarize([]).mood_mean is None


# -- invariants ------------------------------------------------------------------------------------
values = st.floats(min_value=1, max_value=5, allow_nan=False)
day_sets = st.sets(st.integers(min_value=0, max_value=800), max_size=120)


@st.composite
def series_of(draw: st.DrawFn) -> list[Point]:
    offsets = sorted(draw(day_sets))
    return [Point(D + timedelta(days=o), draw(values)) for o in offsets]


@given(series_of(), st.integers(min_value=1, max_value=60))
def test_moving_average_stays_within_the_data(series: list[Point], window: int) -> None:
    result = moving_average(series, window=window, min_points=1)
    if not series:
        assert result == []
        return
    low, high = min(p.value for p in series), max(p.value for p in series)
    assert all(low - 1e-9 <= p.value <= high + 1e-9 for p in result)
    assert all(series[0].day <= p.day <= series[-1].day for p in result)
    assert {p.day for p in series} <= {p.day for p in result}  # every data day has a value


@given(series_of())
def test_a_one_day_window_is_the_data_itself(series: list[Point]) -> None:
    assert moving_average(series, window=1) == series


@given(series_of(), st.sampled_from(list(Period)))
def test_buckets_account_for_every_day(series: list[Point], period: Period) -> None:
    buckets = bucket_means(series, period)
    assert sum(b.days for b in buckets) == len(series)
    if series:
        weighted = math.fsum(b.mean * b.days for b in buckets) / len(series)
        assert weighted == pytest.approx(math.fsum(p.value for p in series) / len(series))
    for bucket in buckets:
        assert bucket.start <= bucket.end
        inside = [p for p in series if bucket.start <= p.day <= bucket.end]
        assert len(inside) == bucket.days


@given(day_sets, st.integers(min_value=0, max_value=900))
def test_streak_invariants(offsets: set[int], today_offset: int) -> None:
    days = [D + timedelta(days=o) for o in offsets]
    today = D + timedelta(days=today_offset)
    result = streaks(days, today)
    past = {x for x in days if x <= today}
    assert 0 <= result.current <= result.longest <= len(past)
    if result.longest:
        assert result.longest_start is not None and result.longest_end is not None
        run = {result.longest_start + timedelta(days=i) for i in range(result.longest)}
        assert run <= past
        assert result.longest_end - result.longest_start == timedelta(days=result.longest - 1)
    if result.current:
        assert today in past or today - timedelta(days=1) in past


@given(day_sets)
def test_heatmap_keeps_every_day_of_its_year(offsets: set[int]) -> None:
    days = [day(D + timedelta(days=o), 3.0) for o in offsets]
    heat = year_heatmap(days, 2027)
    assert len(heat) == 365
    assert sum(v is not None for v in heat.values()) == sum(x.day.year == 2027 for x in days)


def test_daily_stats_of_nothing() -> None:
    assert daily_stats([]) == []
