"""A tab widget's tabs as a row of buttons that wraps onto a second line when the window is
narrow.

QTabBar has two answers to too little room, both bad here: cut the words short, or hide the
last tabs behind arrows. The strip keeps every tab whole and in sight. It behaves like a tab
bar: one Tab stop (the current tab), the arrow keys move between tabs. The QTabWidget
still holds the pages, so code that asks it for its current tab keeps working.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton, QTabWidget, QWidget

from carecompanion.ui.common.flow import FlowLayout


class TabStrip(QWidget):
    def __init__(self, tabs: QTabWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tabs = tabs
        tabs.tabBar().hide()
        # The tab widget hands its focus to the hidden bar, so as a Tab stop it took the Tab
        # key and kept it on the strip: the strip is the only way into the tabs now.
        tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = FlowLayout(self, spacing=4)
        self.buttons: list[QPushButton] = []
        for index in range(tabs.count()):
            button = QPushButton(tabs.tabText(index))
            button.setObjectName("tab")
            button.setCheckable(True)
            button.setAutoExclusive(True)  # a click on the current tab leaves it chosen
            button.setAccessibleName(tabs.tabText(index))
            button.clicked.connect(lambda _checked=False, i=index: tabs.setCurrentIndex(i))
            button.installEventFilter(self)
            layout.addWidget(button)
            self.buttons.append(button)
        self.setAccessibleName(tabs.accessibleName())
        tabs.currentChanged.connect(self._show_current)
        self._show_current(tabs.currentIndex())

    def _show_current(self, index: int) -> None:
        for number, button in enumerate(self.buttons):
            current = number == index
            button.setChecked(current)
            # Only the current tab is a Tab stop, as in a tab bar.
            button.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if current else Qt.FocusPolicy.ClickFocus
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The arrow keys go to the previous or next tab in reading order, as in a tab bar
        # (Qt's own, for exclusive buttons, would go by where the buttons are on screen,
        # which a wrapped row mixes up); Home and End to the first and last.
        if event.type() == QEvent.Type.KeyPress and watched in self.buttons:
            assert isinstance(event, QKeyEvent)
            current = self.buttons.index(watched)
            target = {
                Qt.Key.Key_Left: current - 1,
                Qt.Key.Key_Up: current - 1,
                Qt.Key.Key_Right: current + 1,
                Qt.Key.Key_Down: current + 1,
                Qt.Key.Key_Home: 0,
                Qt.Key.Key_End: len(self.buttons) - 1,
            }.get(Qt.Key(event.key()))
            if target is not None:
                target = max(0, min(target, len(self.buttons) - 1))
                self._tabs.setCurrentIndex(target)
                self.buttons[target].setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)
