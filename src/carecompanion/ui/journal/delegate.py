"""How a journal row looks: month headings, entries with date and tags, search snippets."""

from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QTextDocument
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from carecompanion.journal.service import EntrySummary, SearchHit
from carecompanion.ui.common import theme
from carecompanion.ui.common.i18n import format_entry_when
from carecompanion.ui.common.row_card import paint_row_card
from carecompanion.ui.journal.search_model import DATE_ROLE, SNIPPET_ROLE
from carecompanion.ui.journal.timeline_model import HEADING, KIND_ROLE, SUMMARY_ROLE

PADDING = 12


def highlighted_html(
    snippet: str, highlights: tuple[tuple[int, int], ...], mark: str | None = None
) -> str:
    """The snippet as HTML with the matched words in bold (on the ``mark`` colour, when given,
    so they stand out without relying on weight alone): escaped, so entries never inject."""
    parts, position = [], 0
    style = f' style="background-color: {html.escape(mark)}"' if mark else ""
    for start, end in sorted(highlights):
        if start < position:
            continue
        parts.append(html.escape(snippet[position:start]))
        parts.append(f"<b{style}>{html.escape(snippet[start:end])}</b>")
        position = end
    parts.append(html.escape(snippet[position:]))
    return "".join(parts)


def friendly_date(when: datetime, time_zone: str | None = None, all_day: bool = False) -> str:
    """An entry's date and time where it was written, with the place when that was in another
    zone ("Tue 31 Dec 2024, 23:30 (New York time)"); the date alone for an all-day entry."""
    return format_entry_when(when, time_zone, "day_time", all_day=all_day)


class EntryDelegate(QStyledItemDelegate):
    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        title = QFont(option.font)
        title.setBold(True)
        small = QFont(option.font)
        small.setPointSizeF(max(8.0, option.font.pointSizeF() * 0.88))
        heading = QFont(option.font)
        heading.setBold(True)
        heading.setPointSizeF(option.font.pointSizeF() * 0.92)
        heading.setCapitalization(QFont.Capitalization.AllUppercase)
        heading.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 106)
        return title, small, heading

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        title, small, heading = self._fonts(option)
        if index.data(KIND_ROLE) == HEADING:
            return QSize(200, QFontMetrics(heading).height() + 22)
        lines = QFontMetrics(title).height() + QFontMetrics(small).height() + 4
        if index.data(SNIPPET_ROLE) is not None:
            lines += QFontMetrics(option.font).height() * 2 + 4
        return QSize(200, lines + 2 * PADDING)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        title_font, small_font, heading_font = self._fonts(option)
        text = str(index.data(Qt.ItemDataRole.DisplayRole))
        painter.save()
        if index.data(KIND_ROLE) == HEADING:
            self._paint_heading(painter, option.rect, heading_font, text)
            painter.restore()
            return
        paint_row_card(painter, option)
        inner = option.rect.adjusted(PADDING + 6, PADDING, -PADDING - 6, -PADDING)
        summary: EntrySummary | None = index.data(SUMMARY_ROLE)
        self._paint_title(painter, inner, title_font, text, summary)
        top = inner.top() + QFontMetrics(title_font).height() + 4
        when = summary if summary is not None else index.data(DATE_ROLE)
        detail_height = self._paint_detail(painter, inner, top, small_font, when, summary)
        snippet = index.data(SNIPPET_ROLE)
        if snippet is not None:
            self._paint_snippet(painter, option.font, inner, top + detail_height + 4, snippet)
        painter.restore()

    def _paint_heading(self, painter: QPainter, rect: QRect, font: QFont, text: str) -> None:
        painter.setFont(font)
        painter.setPen(theme.current().color("muted"))
        painter.drawText(
            rect.adjusted(PADDING, 10, -PADDING, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            text,
        )

    def _paint_title(
        self, painter: QPainter, inner: QRect, font: QFont, text: str, summary: EntrySummary | None
    ) -> None:
        """The title, cut short to leave room for the paper clip and the star at its right."""
        colors = theme.current()
        metrics = QFontMetrics(font)
        star = summary is not None and summary.is_favourite
        clip = summary is not None and summary.has_attachments
        icon_size = metrics.height()
        marks_width = (metrics.horizontalAdvance("★ ") if star else 0) + (
            icon_size + 4 if clip else 0
        )
        painter.setFont(font)
        painter.setPen(colors.color("text"))
        title = metrics.elidedText(
            text, Qt.TextElideMode.ElideRight, inner.width() - marks_width - 6
        )
        painter.drawText(inner.topLeft().x(), inner.top() + metrics.ascent(), title)
        right = inner.right()
        if clip:
            right -= icon_size
            theme.icon("attach", 48).paint(painter, QRect(right, inner.top(), icon_size, icon_size))
            right -= 4
        if star:
            painter.setPen(colors.color("accent"))
            painter.drawText(
                right - metrics.horizontalAdvance("★"), inner.top() + metrics.ascent(), "★"
            )

    def _paint_detail(
        self,
        painter: QPainter,
        inner: QRect,
        top: int,
        font: QFont,
        when: object,
        summary: EntrySummary | None,
    ) -> int:
        """The date and the tags under the title; returns the line's height."""
        detail = (
            friendly_date(when.entry_at, when.time_zone, when.is_all_day)
            if isinstance(when, (EntrySummary, SearchHit))
            else ""
        )
        if summary is not None and summary.tags:
            detail += "   ·   " + ", ".join(summary.tags)
        metrics = QFontMetrics(font)
        painter.setFont(font)
        painter.setPen(theme.current().color("muted"))
        painter.drawText(
            inner.left(),
            top + metrics.ascent(),
            metrics.elidedText(detail, Qt.TextElideMode.ElideRight, inner.width()),
        )
        return metrics.height()

    def _paint_snippet(
        self,
        painter: QPainter,
        font: QFont,
        inner: QRect,
        top: int,
        snippet: tuple[str, tuple[tuple[int, int], ...]],
    ) -> None:
        """Two lines of the search's snippet, its matched words marked."""
        colors = theme.current()
        text, highlights = snippet
        document = QTextDocument()
        document.setDefaultFont(font)
        document.setDocumentMargin(0)
        document.setTextWidth(inner.width())
        document.setDefaultStyleSheet(f"body {{ color: {colors.colors['text']}; }}")
        document.setHtml(
            f"<body>{highlighted_html(text, highlights, colors.colors['mark'])}</body>"
        )
        painter.translate(inner.left(), top)
        area = QRect(0, 0, inner.width(), QFontMetrics(font).height() * 2 + 2)
        document.drawContents(painter, area)
