"""How a journal row looks: month headings, entries with date and tags, search snippets."""

from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QTextDocument
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from carecompanion.journal.service import EntrySummary
from carecompanion.ui.common import theme
from carecompanion.ui.common.i18n import format_when
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


def friendly_date(when: datetime) -> str:
    return format_when(when, "day_time")


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
        colors = theme.current()
        title_font, small_font, heading_font = self._fonts(option)
        rect: QRect = option.rect
        painter.save()
        if index.data(KIND_ROLE) == HEADING:
            painter.setFont(heading_font)
            painter.setPen(colors.color("muted"))
            painter.drawText(
                rect.adjusted(PADDING, 10, -PADDING, 0),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                str(index.data(Qt.ItemDataRole.DisplayRole)),
            )
            painter.restore()
            return
        paint_row_card(painter, option)

        inner = rect.adjusted(PADDING + 6, PADDING, -PADDING - 6, -PADDING)
        summary: EntrySummary | None = index.data(SUMMARY_ROLE)
        title_metrics = QFontMetrics(title_font)
        star = summary is not None and summary.is_favourite
        clip = summary is not None and summary.has_attachments
        icon_size = title_metrics.height()
        marks_width = (title_metrics.horizontalAdvance("★ ") if star else 0) + (
            icon_size + 4 if clip else 0
        )
        painter.setFont(title_font)
        painter.setPen(colors.color("text"))
        title = title_metrics.elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole)),
            Qt.TextElideMode.ElideRight,
            inner.width() - marks_width - 6,
        )
        painter.drawText(inner.topLeft().x(), inner.top() + title_metrics.ascent(), title)
        right = inner.right()
        if clip:
            right -= icon_size
            theme.icon("attach", 48).paint(painter, QRect(right, inner.top(), icon_size, icon_size))
            right -= 4
        if star:
            painter.setPen(colors.color("accent"))
            painter.drawText(
                right - title_metrics.horizontalAdvance("★"),
                inner.top() + title_metrics.ascent(),
                "★",
            )

        when = summary.entry_at if summary is not None else index.data(DATE_ROLE)
        detail = friendly_date(when) if isinstance(when, datetime) else ""
        if summary is not None and summary.tags:
            detail += "   ·   " + ", ".join(summary.tags)
        small_metrics = QFontMetrics(small_font)
        painter.setFont(small_font)
        painter.setPen(colors.color("muted"))
        top = inner.top() + title_metrics.height() + 4
        painter.drawText(
            inner.left(),
            top + small_metrics.ascent(),
            small_metrics.elidedText(detail, Qt.TextElideMode.ElideRight, inner.width()),
        )
        snippet = index.data(SNIPPET_ROLE)
        if snippet is not None:
            text, highlights = snippet
            document = QTextDocument()
            document.setDefaultFont(option.font)
            document.setDocumentMargin(0)
            document.setTextWidth(inner.width())
            document.setDefaultStyleSheet(f"body {{ color: {colors.colors['text']}; }}")
            document.setHtml(
                f"<body>{highlighted_html(text, highlights, colors.colors['mark'])}</body>"
            )
            painter.translate(inner.left(), top + small_metrics.height() + 4)
            area = QRect(0, 0, inner.width(), QFontMetrics(option.font).height() * 2 + 2)
            document.drawContents(painter, area)
        painter.restore()
