"""Charts with Qt's own QtCharts, styled for the current theme.

Each builder takes plain figures from ``carecompanion.mood.stats`` and returns a QChart; the
page puts it in a QChartView. (The PDF report draws its charts with QPainter instead, with no
widgets, on a worker: carecompanion/render/charts.py.)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime, time

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QDateTime, QMargins, QPointF, QSizeF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsTextItem

from carecompanion.mood.lifts import ActivityLift
from carecompanion.mood.stats import Point, SleepMood
from carecompanion.ui.common import theme
from carecompanion.ui.common.core_words import activity_word
from carecompanion.ui.mood.colours import mood_colour

translate = QCoreApplication.translate  # lupdate reads translate("Context", "...")


def _ms(day: date) -> float:
    return datetime.combine(day, time(12)).timestamp() * 1000


def styled(chart: QChart, title: str) -> QChart:
    colours = theme.current()
    chart.setTitle(title)
    title_font = QFont()
    title_font.setPointSizeF(12)
    title_font.setBold(True)
    chart.setTitleFont(title_font)
    chart.setTitleBrush(QBrush(colours.color("text")))
    chart.setBackgroundBrush(QBrush(colours.color("surface")))
    chart.setBackgroundRoundness(12)
    chart.setMargins(QMargins(8, 8, 8, 8))
    chart.legend().setLabelColor(colours.color("text"))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)  # calm, and fast to draw
    return chart


def _axis_style(axis: QValueAxis | QDateTimeAxis | QBarCategoryAxis) -> None:
    colours = theme.current()
    axis.setLabelsColor(colours.color("muted"))
    axis.setGridLineColor(colours.color("border"))
    axis.setLinePenColor(colours.color("border"))
    font = QFont()
    font.setPointSizeF(9.5)
    axis.setLabelsFont(font)


def _date_axis(first: date, last: date) -> QDateTimeAxis:
    axis = QDateTimeAxis()
    span = (last - first).days
    axis.setFormat("d MMM" if span <= 200 else "MMM yyyy" if span <= 1500 else "yyyy")
    axis.setTickCount(7 if span > 6 else max(2, span + 1))
    axis.setRange(
        QDateTime.fromMSecsSinceEpoch(int(_ms(first) - 12 * 3_600_000)),
        QDateTime.fromMSecsSinceEpoch(int(_ms(last) + 12 * 3_600_000)),
    )
    _axis_style(axis)
    return axis


def mood_trend_chart(
    daily: Sequence[Point],
    average: Sequence[Point],
    stress: Sequence[Point],
    first: date,
    last: date,
    window: int,
) -> QChart:
    """Daily mood as dots, the moving average as a line, stress on its own 0–10 scale."""
    colours = theme.current()
    chart = styled(QChart(), "")
    x_axis = _date_axis(first, last)
    mood_axis = QValueAxis()
    mood_axis.setRange(0.8, 5.2)
    mood_axis.setTickCount(5)
    mood_axis.setTickType(QValueAxis.TickType.TicksDynamic)
    mood_axis.setTickAnchor(1)
    mood_axis.setTickInterval(1)
    mood_axis.setLabelFormat("%.0f")
    mood_axis.setTitleText(translate("MoodCharts", "Mood (1–5)"))
    mood_axis.setTitleBrush(QBrush(colours.color("muted")))
    _axis_style(mood_axis)
    stress_axis = QValueAxis()
    stress_axis.setRange(0, 10)
    stress_axis.setLabelFormat("%.0f")
    stress_axis.setTitleText(translate("MoodCharts", "Stress (0–10)"))
    stress_axis.setTitleBrush(QBrush(colours.color("muted")))
    _axis_style(stress_axis)
    stress_axis.setGridLineVisible(False)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(mood_axis, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(stress_axis, Qt.AlignmentFlag.AlignRight)

    dots = QScatterSeries()
    dots.setName(translate("MoodCharts", "Daily mood"))
    dots.setMarkerSize(7 if len(daily) < 120 else 4)
    dots.setColor(mood_colour(1.6))  # a calm plum that stands apart from the average line
    dots.setBorderColor(QColor(0, 0, 0, 0))
    dots.replace([QPointF(_ms(p.day), p.value) for p in daily])
    line = QLineSeries()
    line.setName(translate("MoodCharts", "{days}-day average").format(days=window))
    line.setPen(QPen(colours.color("accent"), 3))
    line.replace([QPointF(_ms(p.day), p.value) for p in average])
    stress_line = QLineSeries()
    stress_line.setName(translate("MoodCharts", "Stress"))
    pen = QPen(colours.color("muted"), 1.6)
    pen.setStyle(Qt.PenStyle.DashLine)
    stress_line.setPen(pen)
    stress_line.replace([QPointF(_ms(p.day), p.value) for p in stress])
    for series, y_axis in ((dots, mood_axis), (line, mood_axis), (stress_line, stress_axis)):
        chart.addSeries(series)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
    return chart


def sleep_mood_chart(pairs: Sequence[SleepMood]) -> QChart:
    colours = theme.current()
    chart = styled(QChart(), "")
    dots = QScatterSeries()
    dots.setName(translate("MoodCharts", "One day"))
    dots.setMarkerSize(9)
    dots.setColor(colours.color("accent"))
    dots.setBorderColor(QColor(0, 0, 0, 0))
    dots.replace([QPointF(p.sleep_hours, p.mood) for p in pairs])
    x_axis = QValueAxis()
    longest = max((p.sleep_hours for p in pairs), default=10.0)
    x_axis.setRange(0, max(10.0, float(round(longest + 1))))
    x_axis.setLabelFormat("%.0f h")
    x_axis.setTitleText(translate("MoodCharts", "Hours slept"))
    x_axis.setTitleBrush(QBrush(colours.color("muted")))
    y_axis = QValueAxis()
    y_axis.setRange(0.8, 5.2)
    y_axis.setTickType(QValueAxis.TickType.TicksDynamic)
    y_axis.setTickAnchor(1)
    y_axis.setTickInterval(1)
    y_axis.setLabelFormat("%.0f")
    y_axis.setTitleText(translate("MoodCharts", "Mood (1–5)"))
    y_axis.setTitleBrush(QBrush(colours.color("muted")))
    for axis in (x_axis, y_axis):
        _axis_style(axis)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    chart.addSeries(dots)
    dots.attachAxis(x_axis)
    dots.attachAxis(y_axis)
    chart.legend().hide()
    return chart


def lifts_chart(lifts: Sequence[ActivityLift]) -> QChart:
    """Average mood with and without each activity, only where there are enough days."""
    colours = theme.current()
    chart = styled(QChart(), "")
    shown = [lift for lift in lifts if lift.enough_data][:8]
    with_set = QBarSet(translate("MoodCharts", "Days with it"))
    with_set.setColor(colours.color("accent"))
    without_set = QBarSet(translate("MoodCharts", "Days without it"))
    without_set.setColor(colours.color("control"))  # 3:1 on the surface, as AA asks of a graphic
    categories = []
    for lift in reversed(shown):  # the biggest lift at the top
        with_set.append(lift.mean_with or 0.0)
        without_set.append(lift.mean_without or 0.0)
        categories.append(f"{activity_word(lift.activity)} ({lift.days_with}/{lift.days_without})")
    series = QHorizontalBarSeries()
    series.append(without_set)
    series.append(with_set)
    series.setBarWidth(0.75)
    chart.addSeries(series)
    y_axis = QBarCategoryAxis()
    y_axis.append(categories)
    value_axis = QValueAxis()
    value_axis.setRange(0, 5)
    value_axis.setLabelFormat("%.0f")
    value_axis.setTitleText(translate("MoodCharts", "Average mood (1–5)"))
    value_axis.setTitleBrush(QBrush(colours.color("muted")))
    for axis in (y_axis, value_axis):
        _axis_style(axis)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(y_axis)
    series.attachAxis(value_axis)
    return chart


def category_rows_height(chart: QChart) -> int:
    """The least height a view needs to name every row of ``chart``'s category axis in full.

    Qt Charts cuts a row's name to "..." or leaves it out when the row is lower than the
    name's line: in a window 512 px high the lifts chart named no activity at all. The rows
    need a line each (as Qt Charts measures it, with its margins) and a little more; the
    rest of the chart (legend, the other axis, its title) is measured on the chart itself."""
    axes = [a for a in chart.axes(Qt.Orientation.Vertical) if isinstance(a, QBarCategoryAxis)]
    if not axes or axes[0].count() == 0:
        return 0
    line = QGraphicsTextItem()
    line.setFont(axes[0].labelsFont())
    line.setPlainText("Ag")
    row = line.boundingRect().height() + 2
    probe = 600.0
    size = chart.size()
    chart.resize(QSizeF(max(size.width(), 600.0), probe))
    around = probe - chart.plotArea().height()
    chart.resize(size)
    return math.ceil(around + (axes[0].count() + 0.5) * row)
