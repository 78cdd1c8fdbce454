"""How a shared post looks in the circle's list: title with an unread dot, who and when,
then comments and reactions, painted (no widget per row), like the journal timeline."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from carecompanion.circle.view import Post
from carecompanion.ui.circle.models import (
    AUTHOR_ROLE,
    POST_ROLE,
    friendly_day,
    reaction_summary,
)
from carecompanion.ui.common import theme
from carecompanion.ui.common.row_card import paint_row_card

PADDING = 12
DOT = 10


class PostDelegate(QStyledItemDelegate):
    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        title.setBold(True)
        small = QFont(option.font)
        small.setPointSizeF(max(8.0, option.font.pointSizeF() * 0.88))
        return title, small

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        title, small = self._fonts(option)
        height = QFontMetrics(title).height() + 2 * (QFontMetrics(small).height() + 4)
        return QSize(120, height + 2 * PADDING)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        post: Post | None = index.data(POST_ROLE)
        if post is None:
            return
        title_font, small_font = self._fonts(option)
        rect: QRect = option.rect
        inner = rect.adjusted(PADDING + 6, PADDING, -PADDING - 6, -PADDING)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_row_card(painter, option)
        top = self._paint_title(painter, post, inner, title_font)
        author = self.tr("You") if post.mine else str(index.data(AUTHOR_ROLE) or post.author_name)
        top = self._paint_byline(painter, post, author, inner, small_font, top)
        self._paint_replies(painter, post, inner, small_font, top)
        painter.restore()

    def _paint_title(self, painter: QPainter, post: Post, inner: QRect, font: QFont) -> int:
        """The title, after a dot if it is new; returns where the next line starts."""
        colors = theme.current()
        metrics = QFontMetrics(font)
        left = inner.left()
        if post.unread:  # a dot, and the title in the accent colour: seen at a glance
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colors.color("accent"))
            top = inner.top() + (metrics.height() - DOT) // 2
            painter.drawEllipse(left, top, DOT, DOT)
            left += DOT + 8
        painter.setFont(font)
        painter.setPen(colors.color("text"))
        painter.drawText(
            left,
            inner.top() + metrics.ascent(),
            metrics.elidedText(post.title, Qt.TextElideMode.ElideRight, inner.right() - left),
        )
        return inner.top() + metrics.height() + 4

    def _paint_byline(
        self, painter: QPainter, post: Post, author: str, inner: QRect, font: QFont, top: int
    ) -> int:
        """Who shared it (``author``: "Ana (4821)", "Bea (former member)"...), which day, and
        whether it is new; returns where it was drawn."""
        metrics = QFontMetrics(font)
        painter.setFont(font)
        painter.setPen(theme.current().color("muted"))
        line = f"{author}   ·   {friendly_day(post.day)}"
        if post.unread:
            line += "   ·   " + self.tr("new")
        painter.drawText(
            inner.left(),
            top + metrics.ascent(),
            metrics.elidedText(line, Qt.TextElideMode.ElideRight, inner.width()),
        )
        return top

    def _paint_replies(
        self, painter: QPainter, post: Post, inner: QRect, font: QFont, top: int
    ) -> None:
        """How many comments and which reactions, on the line under ``top``'s."""
        replies = []
        if post.comments:
            count = len(post.comments)
            replies.append(
                self.tr("1 comment")
                if count == 1
                else self.tr("{count} comments").format(count=count)
            )
        reactions = reaction_summary(post.reactions)
        if reactions:
            replies.append(reactions)
        if replies:
            metrics = QFontMetrics(font)
            top += metrics.height() + 4
            painter.setPen(theme.current().color("text"))
            painter.drawText(
                inner.left(),
                top + metrics.ascent(),
                metrics.elidedText(
                    "   ·   ".join(replies), Qt.TextElideMode.ElideRight, inner.width()
                ),
            )
