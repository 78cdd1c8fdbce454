"""How a shared post looks in the circle's list: title with an unread dot, who and when,
then comments and reactions, painted (no widget per row), like the journal timeline."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from carecompanion.circle.view import Post
from carecompanion.ui.circle.models import POST_ROLE, friendly_day, reaction_summary
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
        colors = theme.current()
        title_font, small_font = self._fonts(option)
        rect: QRect = option.rect
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_row_card(painter, option)

        inner = rect.adjusted(PADDING + 6, PADDING, -PADDING - 6, -PADDING)
        title_metrics = QFontMetrics(title_font)
        small_metrics = QFontMetrics(small_font)
        left = inner.left()
        if post.unread:  # a dot, and the title in the accent colour: seen at a glance
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colors.color("accent"))
            top = inner.top() + (title_metrics.height() - DOT) // 2
            painter.drawEllipse(left, top, DOT, DOT)
            left += DOT + 8
        painter.setFont(title_font)
        painter.setPen(colors.color("text"))
        painter.drawText(
            left,
            inner.top() + title_metrics.ascent(),
            title_metrics.elidedText(post.title, Qt.TextElideMode.ElideRight, inner.right() - left),
        )
        painter.setFont(small_font)
        painter.setPen(colors.color("muted"))
        author = self.tr("You") if post.mine else post.author_name
        line = f"{author}   ·   {friendly_day(post.day)}"
        if post.unread:
            line += "   ·   " + self.tr("new")
        top = inner.top() + title_metrics.height() + 4
        painter.drawText(
            inner.left(),
            top + small_metrics.ascent(),
            small_metrics.elidedText(line, Qt.TextElideMode.ElideRight, inner.width()),
        )
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
            top += small_metrics.height() + 4
            painter.setPen(colors.color("text"))
            painter.drawText(
                inner.left(),
                top + small_metrics.ascent(),
                small_metrics.elidedText(
                    "   ·   ".join(replies), Qt.TextElideMode.ElideRight, inner.width()
                ),
            )
        painter.restore()
