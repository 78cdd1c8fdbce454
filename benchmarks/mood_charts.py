#!/usr/bin/env python3
"""Chart rendering for ten years of daily check-ins: data to pixels, offscreen.

Usage: .venv/bin/python benchmarks/mood_charts.py [--runs 5]
Prints, per chart, the median time to compute its figures, build the QChart and paint it
into a 1100x600 image (what the Mood page shows for "Everything").
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QPainter

from carecompanion.clock import FixedClock
from carecompanion.mood import stats
from carecompanion.mood.lifts import activity_lifts
from carecompanion.mood.records import CheckInDraft
from carecompanion.mood.service import MoodService
from carecompanion.paths import AppPaths
from carecompanion.ui.app.launch import create_application
from carecompanion.ui.common import theme
from carecompanion.ui.mood import charts
from carecompanion.vault.kdf import MINIMUM_KDF
from carecompanion.vault.vault import Vault

SIZE = QSize(1100, 600)


def paint(chart: QChart) -> None:
    view = QChartView(chart)
    view.resize(SIZE)
    image = QImage(SIZE, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    view.render(painter)
    painter.end()
    view.deleteLater()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    app = create_application()
    theme.apply(app, "light")
    clock = FixedClock(datetime(2026, 11, 25, 12, tzinfo=UTC))
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        unlocked, _ = Vault.create(
            AppPaths(Path(folder)),
            "benchmark lantern harbour morning",
            kdf=MINIMUM_KDF,
            clock=clock,
        )
        mood = MoodService(unlocked.database, clock)
        drafts = [
            CheckInDraft(
                mood=rng.randint(1, 5),
                stress=rng.randint(0, 10),
                sleep_hours=round(rng.uniform(4, 9), 1),
                activities=("A walk",) if rng.random() < 0.4 else (),
                at=clock.now() - timedelta(days=day, hours=2),
            )
            for day in range(3650)
        ]
        mood.import_drafts(drafts, source="app")
        days = mood.days()
        print(f"{len(days)} days of check-ins")

        def trend() -> None:
            average = stats.moving_average(stats.points(days), 30)
            paint(
                charts.mood_trend_chart(
                    stats.points(days),
                    average,
                    stats.points(days, "stress"),
                    days[0].day,
                    days[-1].day,
                    30,
                )
            )

        def sleep() -> None:
            paint(charts.sleep_mood_chart(stats.sleep_vs_mood(days)))

        def lifts() -> None:
            paint(charts.lifts_chart(activity_lifts(days)))

        for name, work in (
            ("mood and stress, 10 years", trend),
            ("sleep and mood", sleep),
            ("what lifts your mood", lifts),
        ):
            times = []
            for _ in range(args.runs):
                started = time.perf_counter()
                work()
                times.append(time.perf_counter() - started)
            print(
                f"{name:28s} median {statistics.median(times) * 1000:6.0f} ms "
                f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})"
            )
        unlocked.lock()
    return 0


if __name__ == "__main__":
    sys.exit(main())
