#!/usr/bin/env python3
"""Mood chart figures: ten years of daily check-ins, and the statistics the charts need.

Usage: .venv/bin/python benchmarks/mood.py [--years 10] [--runs 7]

Builds a throwaway encrypted database (random key, real migrations), imports one check-in a
day for ``--years`` years (plus a second one on every fourth day), then times, as the mood page
would run them:

- loading: ``MoodService.list()`` and folding into days (``MoodService.days()``);
- every series a chart shows: daily points of mood and stress, 7- and 30-day moving averages,
  weekly / monthly / yearly means, sleep against mood, one year's heat map, streaks, the
  summary, and "what lifts your mood" for every activity.

Reported: the median of ``--runs`` runs, in milliseconds. Chart *rendering* (QtCharts) is timed
by the UI's own benchmark; this is the data side only.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from carecompanion.clock import FixedClock
from carecompanion.mood import lifts, stats
from carecompanion.mood.daily import daily_stats
from carecompanion.mood.records import CheckInDraft, DayStat
from carecompanion.mood.service import MoodService
from carecompanion.storage import migrate
from carecompanion.storage.database import Database

ZONE = ZoneInfo("Europe/Berlin")
ACTIVITIES = (
    "A walk",
    "Talked to a friend",
    "Respite",
    "Exercise",
    "Time for a hobby",
    "Support group meeting",
    "Rest",
    "Time outdoors",
    "Music",
)


def drafts(years: int, end: datetime) -> list[CheckInDraft]:
    rng = random.Random(20261125)
    result = []
    first = end - timedelta(days=365 * years)
    for n in range(365 * years):
        evening = first + timedelta(days=n, hours=rng.randint(-2, 1))  # 17:00-21:00 local
        for extra in range(2 if n % 4 == 0 else 1):
            result.append(
                CheckInDraft(
                    mood=rng.randint(1, 5),
                    stress=rng.randint(0, 10),
                    sleep_hours=rng.choice([4.5, 5.0, 6.0, 6.5, 7.0, 7.5, 8.0]),
                    energy=rng.randint(0, 10),
                    care_hours=float(rng.randint(0, 12)),
                    activities=tuple(rng.sample(ACTIVITIES, rng.randint(0, 3))),
                    emotions=("Tired",) if rng.random() < 0.3 else (),
                    note=f"day {n}" if rng.random() < 0.5 else "",
                    at=evening - timedelta(hours=10 * extra),
                )
            )
    return result


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def chart_data(days: list[DayStat], today: date) -> None:
    mood = stats.points(days, "mood")
    stress = stats.points(days, "stress")
    for series in (mood, stress):
        stats.moving_average(series, window=7)
        stats.moving_average(series, window=30)
        for period in stats.Period:
            stats.bucket_means(series, period)
    stats.sleep_vs_mood(days)
    stats.year_heatmap(days, today.year)
    stats.streaks([d.day for d in days], today)
    stats.summarize(days)
    lifts.activity_lifts(days)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    end = datetime(2026, 11, 20, 19, 0, tzinfo=UTC)
    clock = FixedClock(end + timedelta(days=1))
    with tempfile.TemporaryDirectory(prefix="carecompanion-bench-") as folder:
        database = Database(Path(folder) / "bench.db", os.urandom(32))
        try:
            migrate.upgrade(database.engine)
            service = MoodService(database, clock, ZONE)
            entries = drafts(args.years, end)
            started = time.perf_counter()
            added = service.import_drafts(entries, source="daylio").added
            import_ms = (time.perf_counter() - started) * 1000
            checkins = service.list()
            days = daily_stats(checkins)
            today = days[-1].day
            print(
                f"{added} check-ins over {len(days)} days ({args.years} years), "
                f"median of {args.runs} runs"
            )
            print(f"  import (one transaction, once)  {import_ms:8.1f} ms")
            rows = [
                ("load: MoodService.list()", lambda: service.list()),
                ("load: fold into days", lambda: daily_stats(checkins)),
                ("load: MoodService.days() total", lambda: service.days()),
                ("points (mood)", lambda: stats.points(days)),
                ("moving average, 7 days", lambda: stats.moving_average(stats.points(days))),
                (
                    "moving average, 30 days",
                    lambda: stats.moving_average(stats.points(days), window=30),
                ),
                ("weekly means", lambda: stats.bucket_means(stats.points(days), stats.Period.WEEK)),
                (
                    "monthly means",
                    lambda: stats.bucket_means(stats.points(days), stats.Period.MONTH),
                ),
                ("yearly means", lambda: stats.bucket_means(stats.points(days), stats.Period.YEAR)),
                ("sleep vs mood", lambda: stats.sleep_vs_mood(days)),
                ("year heat map", lambda: stats.year_heatmap(days, today.year)),
                ("streaks", lambda: stats.streaks([d.day for d in days], today)),
                ("what lifts your mood (9 activities)", lambda: lifts.activity_lifts(days)),
                ("nudge check", lambda: service.nudge_check(today)),
                ("all chart data above, from days", lambda: chart_data(days, today)),
            ]
            for label, action in rows:
                print(f"  {label:<34}{median_ms(action, args.runs):8.1f} ms")
        finally:
            database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
