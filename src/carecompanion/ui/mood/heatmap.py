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
WEEKS = 54  # the columns a year can touch, Monday to Sunday
#: The least a day's square and its gap take: a narrow window (911 px at 150 %) makes the
#: squares smaller, down to this, rather than cut off the last months, the ones that count.
MIN_STEP = 9


def _step_for(width: int) -> int:
    """A day's square and its gap, as large as ``width`` allows (up to CELL + GAP)."""
    return max(MIN_STEP, min(CELL + GAP, (width - LEFT) // WEEKS))


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
        return QSize(LEFT + WEEKS * (CELL + GAP), TOP + 7 * (CELL + GAP) + 34)

    def minimumSizeHint(self) -> QSize:
        return QSize(LEFT + WEEKS * MIN_STEP, self.sizeHint().height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return TOP + 7 * _step_for(width) + 34  # smaller squares, no gap below them

    def _step(self) -> int:
        return _step_for(self.width())

    def _first_monday(self) -> date:
        first = date(self._year, 1, 1)
        return first - timedelta(days=first.weekday())

    def _cell(self, day: date) -> QRect:
        offset = (day - self._first_monday()).days
        column, row = divmod(offset, 7)
        step = self._step()
        cell = step - max(2, round(GAP * step / (CELL + GAP)))  # the gap shrinks with it
        return QRect(LEFT + column * step, TOP + row * step, cell, cell)

    def _day_at(self, point: QPoint) -> date | None:
        step = self._step()
        column = (point.x() - LEFT) // step
        row = (point.y() - TOP) // step
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
        step = self._step()
        for row, name in ((0, self.tr("Mon")), (2, self.tr("Wed")), (4, self.tr("Fri"))):
            painter.drawText(
                QRect(0, TOP + row * step, LEFT - 4, step),
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
            square = self._cell(day)
            painter.drawRoundedRect(square, square.width() / 4, square.width() / 4)
            day += timedelta(days=1)
        # The legend: the five moods, worst to best.
        x, y = LEFT, TOP + 7 * step + 10
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
