"""The card a list row sits on, shared by the journal's and the circle's delegates: the
selection or hover fill, and the focus ring (2 px, like every other control's, so the row
the keyboard is on is as easy to find as a focused field)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from carecompanion.ui.common import theme

FOCUS_WIDTH = 2
_RADIUS = 10


def paint_row_card(painter: QPainter, option: QStyleOptionViewItem) -> None:
    """Draw the row's card under its content; the painter's state is left as it was."""
    colors = theme.current()
    rect: QRect = option.rect
    card = rect.adjusted(4, 2, -4, -2)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    fill = (
        "selection"
        if option.state & QStyle.StateFlag.State_Selected
        else "surface_alt"
        if option.state & QStyle.StateFlag.State_MouseOver
        else None
    )
    if fill is not None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colors.color(fill))
        painter.drawRoundedRect(card, _RADIUS, _RADIUS)
    if option.state & QStyle.StateFlag.State_HasFocus:
        painter.setPen(QPen(colors.color("focus"), FOCUS_WIDTH))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(card.adjusted(1, 1, -1, -1), _RADIUS, _RADIUS)
    painter.restore()
