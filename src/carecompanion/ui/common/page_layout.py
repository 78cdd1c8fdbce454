"""How the pages are laid out so that they fit a small screen (1366×768 at 150 %: 911×512
logical pixels) in every language: their margins, the gap between panes, a header whose
title steps aside for the actions, rows of buttons and lists whose rows wrap.

A page's header puts its title on the left and its actions on the right. In a narrow window
the title steps aside so that the actions keep their whole words: the sidebar already says
which page this is. The title never makes the window wider.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QMargins, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QListView, QSizePolicy, QWidget

from carecompanion.ui.common.flow import FlowLayout
from carecompanion.ui.common.widgets import label

#: Around every page: room to breathe, and still the pages' words fit 911 px (1366 at 150 %).
PAGE_MARGINS = QMargins(16, 14, 16, 12)
#: Between a page's side-by-side panes (a splitter's handle): the list and the editor do
#: not touch. Set on each splitter: the stylesheet's handle width does not reach them.
PANE_GAP = 12


class PageHeader(QWidget):
    def __init__(
        self, title: str, actions: Sequence[QWidget], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.title = label(title, "pageTitle", wrap=False)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._actions = list(actions)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.title, 1)  # the room left over, when there is enough
        self._layout.addStretch(0)  # the actions stay on the right when the title steps aside
        for action in self._actions:
            self._layout.addWidget(action)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_title()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # an action was shown or hidden
            self._place_title()
        return super().event(event)

    def _place_title(self) -> None:
        shown = [action for action in self._actions if action.isVisibleTo(self)]
        used = sum(action.sizeHint().width() for action in shown)
        used += self._layout.spacing() * len(shown)
        fits = self.width() - used >= self.title.sizeHint().width()
        if fits != self.title.isVisibleTo(self):
            self.title.setVisible(fits)


def wrapping_row(widgets: Sequence[QWidget]) -> QWidget:
    """Buttons side by side, going on to a second line in a narrow window rather than making
    the window wider or cutting their words."""
    row = QWidget()
    layout = FlowLayout(row)
    for widget in widgets:
        layout.addWidget(widget)
    return row


def wrap_rows(view: QListView) -> None:
    """Rows longer than the list is wide go on to a second line: never cut, never scrolled
    sideways (a meeting's group and time zone, a template's name)."""
    view.setWordWrap(True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setResizeMode(QListView.ResizeMode.Adjust)
