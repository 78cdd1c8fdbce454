"""Simple charts drawn with QPainter: the mood report's trend lines and its bars, on paper.

QtCharts would need widgets (its charts are graphics items of a widget scene, on the GUI
thread); these draw straight onto any QPainter (a PDF page, a QImage in the tests), on any
thread. Sizes are fractions of the chart's width (``unit``: a 900th of it, the size the app's
charts are designed at), so a chart looks the same at any resolution. The report follows
each chart with the same figures as a table, for screen readers and for the doctor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF

from carecompanion.mood.stats import Point
from carecompanion.render import paper
from carecompanion.render.formats import decimal, format_when

translate = QCoreApplication.translate  # lupdate reads translate("Context", "...")

#: The mood axis: a little room above 5 and below 1, so no dot is cut by the frame.
MOOD_RANGE = (0.8, 5.2)
STRESS_RANGE = (0.0, 10.0)
FONT_FAMILY = "DejaVu Sans"


@dataclass(frozen=True)
class Scale:
    """Values from ``low`` to ``high`` onto positions from ``start`` to ``end`` (either way
    round: y grows downwards on a page)."""

    low: float
    high: float
    start: float
    end: float

    def __call__(self, value: float) -> float:
        return self.start + (value - self.low) / (self.high - self.low) * (self.end - self.start)


def day_scale(first: date, last: date, start: float, end: float) -> Scale:
    """Days onto x, with half a day of room either side so the first and last dots are whole."""
    return Scale(first.toordinal() - 0.5, last.toordinal() + 0.5, start, end)


def date_ticks(first: date, last: date, most: int = 6) -> list[date]:
    """Up to ``most`` days spread evenly from ``first`` to ``last``, both included."""
    span = (last - first).days
    if span <= 0:
        return [first]
    count = min(most, span + 1)
    return [first + timedelta(days=round(span * i / (count - 1))) for i in range(count)]


def axis_day(day: date, span_days: int) -> str:
    """A date under the x axis: "5 Mar" (or "Mar 5") over a few months, "March 2026" beyond."""
    return format_when(day, "day_month" if span_days <= 200 else "month")


def font(points: float, bold: bool = False) -> QFont:
    chosen = QFont(FONT_FAMILY)
    chosen.setPointSizeF(points)
    chosen.setBold(bold)
    return chosen


def _pen(colour: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(colour, width)
    pen.setStyle(style)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _text(
    painter: QPainter, box: QRectF, text: str, align: Qt.AlignmentFlag, colour: QColor
) -> None:
    painter.setPen(colour)
    painter.drawText(box, int(align | Qt.AlignmentFlag.AlignVCenter), text)


@dataclass(frozen=True)
class Trend:
    """The figures of the mood and stress chart: daily means, their moving average over
    ``window`` days, and daily stress, from ``first`` to ``last``."""

    daily: Sequence[Point]
    average: Sequence[Point]
    stress: Sequence[Point]
    first: date
    last: date
    window: int


def paint_trend(painter: QPainter, area: QRectF, trend: Trend) -> None:
    """Daily mood as dots, the moving average as a line (mood 1–5 on the left), stress as a
    dashed line on its own 0–10 scale (on the right), days along the bottom, a legend."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    unit = area.width() / 900
    labels = font(8.5)
    painter.setFont(labels)
    metrics = QFontMetricsF(labels, painter.device())
    line = metrics.height()
    gutter = metrics.horizontalAdvance("10") + 10 * unit
    plot = QRectF(
        area.left() + gutter,
        area.top() + line * 2.0,  # the axis titles, then room for the top labels
        area.width() - 2 * gutter,
        area.height() - line * 2.0 - line * 1.6 - line * 2.0,
    )
    mood_y = Scale(*MOOD_RANGE, plot.bottom(), plot.top())
    stress_y = Scale(*STRESS_RANGE, plot.bottom(), plot.top())
    x = day_scale(trend.first, trend.last, plot.left(), plot.right())

    title_row = QRectF(area.left(), area.top(), area.width(), line * 1.2)
    left, right = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
    _text(painter, title_row, translate("MoodCharts", "Mood (1–5)"), left, paper.MUTED)
    _text(painter, title_row, translate("MoodCharts", "Stress (0–10)"), right, paper.MUTED)
    grid = _pen(paper.BORDER, max(1.0, unit))
    for level in range(1, 6):
        y = mood_y(level)
        painter.setPen(grid)
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        box = QRectF(area.left(), y - line / 2, gutter - 6 * unit, line)
        _text(painter, box, str(level), right, paper.MUTED)
    for level in range(0, 11, 2):
        y = stress_y(level)
        box = QRectF(plot.right() + 6 * unit, y - line / 2, gutter - 6 * unit, line)
        _text(painter, box, str(level), left, paper.MUTED)
    span = (trend.last - trend.first).days
    for day in date_ticks(trend.first, trend.last):
        at = x(day.toordinal())
        painter.setPen(grid)
        painter.drawLine(QPointF(at, plot.bottom()), QPointF(at, plot.bottom() + 5 * unit))
        text = axis_day(day, span)
        width = metrics.horizontalAdvance(text) + 4 * unit
        left_edge = min(max(at - width / 2, area.left()), area.right() - width)
        box = QRectF(left_edge, plot.bottom() + 6 * unit, width, line)
        _text(painter, box, text, Qt.AlignmentFlag.AlignHCenter, paper.MUTED)

    def polyline(points: Sequence[Point], scale: Scale) -> QPolygonF:
        return QPolygonF([QPointF(x(p.day.toordinal()), scale(p.value)) for p in points])

    painter.setPen(_pen(paper.MUTED, 1.6 * unit, Qt.PenStyle.DashLine))
    painter.drawPolyline(polyline(trend.stress, stress_y))
    painter.setPen(_pen(paper.ACCENT, 3 * unit))
    painter.drawPolyline(polyline(trend.average, mood_y))
    radius = (3.5 if len(trend.daily) < 120 else 2.0) * unit
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(paper.DAILY_MOOD))
    for point in trend.daily:
        painter.drawEllipse(QPointF(x(point.day.toordinal()), mood_y(point.value)), radius, radius)

    legend = QRectF(area.left(), area.bottom() - line * 1.6, area.width(), line * 1.6)
    _legend(
        painter,
        legend,
        unit,
        [
            ("dot", translate("MoodCharts", "Daily mood")),
            ("line", translate("MoodCharts", "{days}-day average").format(days=trend.window)),
            ("dash", translate("MoodCharts", "Stress")),
        ],
    )
    painter.restore()


def _legend(painter: QPainter, row: QRectF, unit: float, items: list[tuple[str, str]]) -> None:
    """Samples and names side by side, centred in ``row``."""
    metrics = QFontMetricsF(painter.font(), painter.device())
    sample, gap = 26 * unit, 8 * unit
    widths = [sample + gap + metrics.horizontalAdvance(name) for _kind, name in items]
    spacing = 28 * unit
    x = row.center().x() - (sum(widths) + spacing * (len(items) - 1)) / 2
    y = row.center().y()
    for (kind, name), width in zip(items, widths, strict=True):
        if kind == "dot":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(paper.DAILY_MOOD))
            painter.drawEllipse(QPointF(x + sample / 2, y), 3.5 * unit, 3.5 * unit)
        else:
            painter.setPen(
                _pen(paper.ACCENT, 3 * unit)
                if kind == "line"
                else _pen(paper.MUTED, 1.6 * unit, Qt.PenStyle.DashLine)
            )
            painter.drawLine(QPointF(x, y), QPointF(x + sample, y))
        box = QRectF(x + sample + gap, row.top(), width - sample - gap + 2 * unit, row.height())
        _text(painter, box, name, Qt.AlignmentFlag.AlignLeft, paper.TEXT)
        x += width + spacing


@dataclass(frozen=True)
class Bar:
    """One row of a bar chart: its name, and its value (None: nothing to show, said "—")."""

    label: str
    value: float | None


def paint_bars(
    painter: QPainter, area: QRectF, bars: Sequence[Bar], axis_title: str, high: float = 5.0
) -> None:
    """Horizontal bars from 0 to ``high``, each with its name on the left and its value at
    its end; a scale of whole numbers and ``axis_title`` along the bottom."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    unit = area.width() / 900
    labels = font(8.5)
    painter.setFont(labels)
    metrics = QFontMetricsF(labels, painter.device())
    line = metrics.height()
    names = min(
        max((metrics.horizontalAdvance(bar.label) for bar in bars), default=0.0) + 14 * unit,
        area.width() * 0.4,
    )
    room_for_value = metrics.horizontalAdvance("5.0") + 12 * unit
    plot = QRectF(
        area.left() + names,
        area.top(),
        area.width() - names - room_for_value,
        area.height() - line * 2.8,
    )
    x = Scale(0.0, high, plot.left(), plot.right())
    grid = _pen(paper.BORDER, max(1.0, unit))
    for tick in range(int(high) + 1):
        at = x(tick)
        painter.setPen(grid)
        painter.drawLine(QPointF(at, plot.top()), QPointF(at, plot.bottom()))
        box = QRectF(at - 20 * unit, plot.bottom() + 4 * unit, 40 * unit, line)
        _text(painter, box, str(tick), Qt.AlignmentFlag.AlignHCenter, paper.MUTED)
    title = QRectF(plot.left(), plot.bottom() + line * 1.4, plot.width(), line * 1.3)
    _text(painter, title, axis_title, Qt.AlignmentFlag.AlignHCenter, paper.MUTED)
    row = plot.height() / max(1, len(bars))
    for index, bar in enumerate(bars):
        top = plot.top() + index * row
        name = QRectF(area.left(), top, names - 10 * unit, row)
        _text(painter, name, bar.label, Qt.AlignmentFlag.AlignRight, paper.TEXT)
        end = plot.left()
        if bar.value is not None:
            end = x(max(0.0, min(high, bar.value)))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(paper.ACCENT))
            painter.drawRect(QRectF(plot.left(), top + row * 0.2, end - plot.left(), row * 0.6))
        value = "—" if bar.value is None else decimal(bar.value)
        box = QRectF(end + 6 * unit, top, room_for_value, row)
        _text(painter, box, value, Qt.AlignmentFlag.AlignLeft, paper.TEXT)
    painter.restore()
