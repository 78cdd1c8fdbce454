"""The week summary a person may share: words that match the figures, nothing invented."""

from __future__ import annotations

from datetime import date, timedelta

from carecompanion.circle.mood_summary import summarize
from carecompanion.mood.records import DayStat

MONDAY = date(2026, 11, 16)


def day(
    offset: int, mood: float, sleep: float | None = None, stress: float | None = None
) -> DayStat:
    return DayStat(
        MONDAY + timedelta(days=offset),
        mood,
        1,
        int(mood),
        int(mood),
        stress=stress,
        sleep_hours=sleep,
    )


def test_a_hard_week_in_words_and_figures() -> None:
    summary = summarize(
        [day(0, 2, 5), day(1, 2, 5.5, 7), day(3, 2.5, 4.5)], MONDAY, MONDAY + timedelta(days=6)
    )
    assert summary is not None
    assert summary.text == "This week was hard: mood 2.2/5, slept about 5 h."
    assert summary.figures == {
        "mood": "2.2/5",
        "days checked in": "3 of 7",
        "sleep": "5 h a night",
        "stress": "7/10",
    }


def test_only_the_chosen_days_count_and_no_days_means_nothing_to_share() -> None:
    week = [day(-1, 1), day(0, 4.5), day(7, 1)]
    summary = summarize(week, MONDAY, MONDAY + timedelta(days=6))
    assert summary is not None and summary.text == "This week was a better one: mood 4.5/5."
    assert "sleep" not in summary.figures
    assert summarize([day(-3, 3)], MONDAY, MONDAY + timedelta(days=6)) is None
