"""The year in colour: one square per day, coloured by that day's mood."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from carecompanion.ui.common import theme
from carecompanion.ui.common.i18n import decimal, format_when
from carecompanion.ui.mood.colours import mood_colour, mood_word

CELL = 14
GAP = 3
LEFT = 34
TOP = 22


class YearHeatmap(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Year in colour"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._year = date.today().year
        self._values: dict[date, float | None] = {}

    def set_year(self, year: int, values: dict[date, float | None]) -> None:
        self._year = year
        self._values = dict(values)
        known = [v for v in values.values() if v is not None]
        self.setAccessibleDescription(
            self.tr("{days} days with a check-in in {year}.").format(days=len(known), year=year)
        )
        self.update()

    def clear(self) -> None:
        self.set_year(self._year, {})

    def sizeHint(self) -> QSize:
        return QSize(LEFT + 54 * (CELL + GAP), TOP + 7 * (CELL + GAP) + 34)

    def _first_monday(self) -> date:
        first = date(self._year, 1, 1)
        return first - timedelta(days=first.weekday())

    def _cell(self, day: date) -> QRect:
        offset = (day - self._first_monday()).days
        column, row = divmod(offset, 7)
        return QRect(LEFT + column * (CELL + GAP), TOP + row * (CELL + GAP), CELL, CELL)

    def _day_at(self, point: QPoint) -> date | None:
        column = (point.x() - LEFT) // (CELL + GAP)
        row = (point.y() - TOP) // (CELL + GAP)
        if point.x() < LEFT or point.y() < TOP or not 0 <= row < 7:
            return None
        day = self._first_monday() + timedelta(days=column * 7 + row)
        return day if day.year == self._year else None

    def paintEvent(self, event: QPaintEvent) -> None:
        colours = theme.current()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(colours.color("muted"))
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 0.8)
        painter.setFont(font)
        for row, name in ((0, self.tr("Mon")), (2, self.tr("Wed")), (4, self.tr("Fri"))):
            painter.drawText(
                QRect(0, TOP + row * (CELL + GAP), LEFT - 4, CELL),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
        for month in range(1, 13):
            first = date(self._year, month, 1)
            painter.drawText(self._cell(first).left(), TOP - 6, format_when(first, "short_month"))
        day = date(self._year, 1, 1)
        empty = colours.color("surface_alt")
        painter.setPen(Qt.PenStyle.NoPen)
        while day.year == self._year:
            value = self._values.get(day)
            painter.setBrush(empty if value is None else mood_colour(value))
            painter.drawRoundedRect(self._cell(day), 3, 3)
            day += timedelta(days=1)
        # The legend: the five moods, worst to best.
        x, y = LEFT, TOP + 7 * (CELL + GAP) + 10
        for value in range(1, 6):
            painter.setBrush(mood_colour(value))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(QRect(x, y, CELL, CELL), 3, 3)
            painter.setPen(colours.color("muted"))
            word = mood_word(value)
            painter.drawText(x + CELL + 4, y + CELL - 3, word)
            x += CELL + 16 + painter.fontMetrics().horizontalAdvance(word)
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        day = self._day_at(event.position().toPoint())
        if day is None:
            QToolTip.hideText()
            return
        value = self._values.get(day)
        text = (
            format_when(day, "day")
            + ": "
            + (
                self.tr("no check-in")
                if value is None
                else self.tr("mood {value} ({word})").format(
                    value=decimal(value), word=mood_word(round(value))
                )
            )
        )
        QToolTip.showText(event.globalPosition().toPoint(), text, self)
