"""How a request for help looks in the Help tab's list: what, when, who asked, where it
stands, painted on a row card like a post (no widget per row). The first request of a
section carries the section's heading above its card, so the keyboard only ever lands on
requests."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from carecompanion.ui.circle.help_model import HELP_ROW_ROLE, HelpListModel, HelpRow
from carecompanion.ui.common import theme
from carecompanion.ui.common.row_card import paint_row_card

PADDING = 10
HEADING_GAP = 8
#: The accent bar on the left of a request still needing people.
BAR = 4


class HelpDelegate(QStyledItemDelegate):
    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        title = QFont(option.font)
        title.setBold(True)
        small = QFont(option.font)
        small.setPointSizeF(max(8.0, option.font.pointSizeF() * 0.9))
        heading = QFont(option.font)
        heading.setBold(True)
        heading.setPointSizeF(option.font.pointSizeF() * 1.05)
        return title, small, heading

    def _heading_height(self, heading: QFont) -> int:
        return QFontMetrics(heading).height() + 2 * HEADING_GAP

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        title, small, heading = self._fonts(option)
        row: HelpRow | None = index.data(HELP_ROW_ROLE)
        height = QFontMetrics(title).height() + 3 * (QFontMetrics(small).height() + 3)
        height += 2 * PADDING
        if row is not None and row.heading:
            height += self._heading_height(heading)
        return QSize(160, height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        row: HelpRow | None = index.data(HELP_ROW_ROLE)
        model = index.model()
        if row is None or not isinstance(model, HelpListModel):
            return
        title_font, small_font, heading_font = self._fonts(option)
        colors = theme.current()
        rect: QRect = option.rect
        painter.save()
        if row.heading:
            height = self._heading_height(heading_font)
            painter.setFont(heading_font)
            painter.setPen(colors.color("text"))
            metrics = QFontMetrics(heading_font)
            painter.drawText(
                rect.left() + 8,
                rect.top() + HEADING_GAP + metrics.ascent(),
                metrics.elidedText(row.heading, Qt.TextElideMode.ElideRight, rect.width() - 16),
            )
            rect = rect.adjusted(0, height, 0, 0)
        card = QStyleOptionViewItem(option)
        card.rect = rect
        paint_row_card(painter, card)
        if row.request.state == "open":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colors.color("accent"))
            painter.drawRoundedRect(
                rect.left() + 6, rect.top() + PADDING, BAR, rect.height() - 2 * PADDING, 2, 2
            )
        inner = rect.adjusted(PADDING + 8, PADDING, -PADDING - 6, -PADDING)
        what, when, asked, standing = model.lines(row)
        muted = row.request.state in ("cancelled", "closed")
        top = self._line(
            painter, what, inner, inner.top(), title_font, "muted" if muted else "text"
        )
        top = self._line(painter, when, inner, top, small_font, "text")
        top = self._line(painter, asked, inner, top, small_font, "muted")
        self._line(painter, standing, inner, top, small_font, "muted" if muted else "text")
        painter.restore()

    @staticmethod
    def _line(painter: QPainter, text: str, inner: QRect, top: int, font: QFont, color: str) -> int:
        """One line, cut with "…" if too long; returns where the next starts."""
        metrics = QFontMetrics(font)
        painter.setFont(font)
        painter.setPen(theme.current().color(color))
        painter.drawText(
            inner.left(),
            top + metrics.ascent(),
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, inner.width()),
        )
        return top + metrics.height() + 3
