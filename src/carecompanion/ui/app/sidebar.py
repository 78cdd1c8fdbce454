"""The sidebar's column: what must always be in sight, and what gives way in a short window.

The sections, "Need help now", Settings and Lock set the sidebar's least height, so even a
window 512 px high (1366×768 at 150 %) shows every one of them. The rest (the app's name,
the next meeting, which the People page shows too) is shown when the window is tall enough,
and gives way, in the order given, when it is not.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QListView, QVBoxLayout, QWidget


class SectionList(QListView):
    """The list of sections, never scrolled: it asks for the height of all its rows."""

    def minimumSizeHint(self) -> QSize:
        model = self.model()
        rows = model.rowCount() if model is not None else 0
        height = sum(self.sizeHintForRow(row) + 2 * self.spacing() for row in range(rows))
        return QSize(super().minimumSizeHint().width(), height + 2 * self.frameWidth())


class Sidebar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = QVBoxLayout(self)
        self._optional: list[QWidget] = []  # in the order they give way
        self._wanted: dict[int, bool] = {}

    def add_optional(self, widget: QWidget) -> None:
        """Show ``widget`` (already in the column) only when there is room; the first one
        added gives way first."""
        self._optional.append(widget)
        self._wanted[id(widget)] = True
        self._arrange()

    def set_wanted(self, widget: QWidget, wanted: bool) -> None:
        """Whether ``widget`` has anything to show at all (the next meeting: is there one)."""
        self._wanted[id(widget)] = wanted
        self._arrange()

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._least_height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _height_of(self, widget: QWidget) -> int:
        """What ``widget`` adds to the column: its height at this width, and a gap."""
        if widget.hasHeightForWidth():
            height = widget.heightForWidth(self.contentsRect().width())
        else:
            height = widget.sizeHint().height()
        return height + self.column.spacing()

    def _least_height(self) -> int:
        """The column's least height without the optional widgets."""
        least = self.column.minimumSize().height()
        for widget in self._optional:
            item = self.column.itemAt(self.column.indexOf(widget))
            if widget.isVisibleTo(self) and item is not None:
                least -= item.minimumSize().height() + self.column.spacing()
        return least

    def _arrange(self) -> None:
        spare = self.height() - self._least_height()
        for widget in reversed(self._optional):  # the last to give way is placed first
            needed = self._height_of(widget)
            show = self._wanted.get(id(widget), False) and spare >= needed
            if show:
                spare -= needed
            if show != widget.isVisibleTo(self):
                widget.setVisible(show)
