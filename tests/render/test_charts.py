"""The report's charts, drawn with QPainter: scales, ticks, and what lands where on an image."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from carecompanion.mood.stats import Point, SleepMood
from carecompanion.render import paper
from carecompanion.render.charts import (
    Bar,
    Scale,
    Trend,
    date_ticks,
    day_scale,
    paint_bars,
    paint_trend,
)
from carecompanion.render.mood_report import SLEEP_LIMITS, sleep_bands

pytestmark = pytest.mark.usefixtures("qapp")  # fonts need a Qt application

FIRST = date(2026, 1, 5)
WIDTH, HEIGHT = 900, 600


def test_a_scale_maps_either_way_round() -> None:
    up = Scale(0.0, 10.0, 100.0, 0.0)  # y grows downwards on a page
    assert up(0) == 100 and up(10) == 0 and up(5) == 50
    days = day_scale(FIRST, FIRST + timedelta(days=9), 0.0, 100.0)
    assert days(FIRST.toordinal()) == pytest.approx(5.0), "half a day of room"
    assert days((FIRST + timedelta(days=9)).toordinal()) == pytest.approx(95.0)


@given(st.dates(date(2000, 1, 1), date(2040, 1, 1)), st.integers(0, 4000))
def test_date_ticks_span_the_period(first: date, span: int) -> None:
    last = first + timedelta(days=span)
    ticks = date_ticks(first, last)
    assert ticks[0] == first and ticks[-1] == last
    assert ticks == sorted(set(ticks)), "in order, no day twice"
    assert 1 <= len(ticks) <= 6


def test_sleep_bands_split_at_whole_hours() -> None:
    pairs = [
        SleepMood(FIRST, hours, mood)
        for hours, mood in ((4.9, 2.0), (5.0, 3.0), (5.5, 4.0), (7.9, 5.0), (8.0, 1.0), (11, 2))
    ]
    bands = sleep_bands(pairs)
    assert len(bands) == len(SLEEP_LIMITS) + 1
    assert [b.days for b in bands] == [1, 2, 0, 1, 2]
    assert [b.mood for b in bands] == [2.0, 3.5, None, 5.0, 1.5]


def _draw(paint: object) -> QImage:
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint(painter, QRectF(0, 0, WIDTH, HEIGHT))  # type: ignore[operator]
    painter.end()
    return image


def _near(image: QImage, x: int, y: int, colour: QColor, tolerance: int = 40) -> bool:
    pixel = image.pixelColor(x, y)
    return (
        abs(pixel.red() - colour.red())
        + abs(pixel.green() - colour.green())
        + abs(pixel.blue() - colour.blue())
        <= tolerance
    )


def _rows_with(image: QImage, colour: QColor) -> list[int]:
    """The rows where ``colour`` is drawn in the middle of the chart (above its legend)."""
    return [
        y
        for y in range(int(HEIGHT * 0.9))
        if any(_near(image, x, y, colour) for x in range(int(WIDTH * 0.3), int(WIDTH * 0.7), 3))
    ]


def _flat(value: float, days: int = 30) -> list[Point]:
    return [Point(FIRST + timedelta(days=n), value) for n in range(days)]


def test_the_average_line_is_high_for_a_good_mood_and_low_for_a_bad_one() -> None:
    last = FIRST + timedelta(days=29)
    good = _draw(lambda p, a: paint_trend(p, a, Trend([], _flat(5), [], FIRST, last, 7)))
    bad = _draw(lambda p, a: paint_trend(p, a, Trend([], _flat(1), [], FIRST, last, 7)))
    high, low = _rows_with(good, paper.ACCENT), _rows_with(bad, paper.ACCENT)
    assert high and low
    assert max(high) < min(low), "5 is drawn above 1"
    assert min(low) - max(high) > HEIGHT * 0.6, "across most of the chart's height"


def test_daily_moods_are_dots_and_stress_has_its_own_line() -> None:
    last = FIRST + timedelta(days=29)
    daily = [Point(FIRST + timedelta(days=n), 3.0) for n in range(0, 30, 3)]
    image = _draw(lambda p, a: paint_trend(p, a, Trend(daily, [], _flat(10), FIRST, last, 7)))
    assert _rows_with(image, paper.DAILY_MOOD), "the dots are drawn"
    stress_rows = _rows_with(image, paper.MUTED)
    assert stress_rows and min(stress_rows) < HEIGHT * 0.15, "stress 10 is at the top"


def test_bars_are_as_long_as_their_values() -> None:
    image = _draw(lambda p, a: paint_bars(p, a, [Bar("Good", 5.0), Bar("Half", 2.5)], "Mood"))

    def longest_run(rows: range) -> int:
        return max(
            sum(1 for x in range(WIDTH) if _near(image, x, y, paper.ACCENT, 10)) for y in rows
        )

    top, bottom = longest_run(range(HEIGHT // 2)), longest_run(range(HEIGHT // 2, HEIGHT))
    assert top == pytest.approx(2 * bottom, rel=0.05)


def test_a_bar_without_a_value_draws_none() -> None:
    image = _draw(lambda p, a: paint_bars(p, a, [Bar("None yet", None)], "Mood"))
    assert not any(
        _near(image, x, y, paper.ACCENT, 10)
        for y in range(0, HEIGHT, 4)
        for x in range(0, WIDTH, 4)
    )
