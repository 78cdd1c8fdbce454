"""A brief, quiet message over the bottom of the pages ("Check-in saved"), gone after a few
seconds: not a box to dismiss. Screen readers hear it (an accessibility announcement) and
find it (its accessible description is its text)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from carecompanion.ui.common.widgets import label

SHORT_SECONDS = 6
LONG_SECONDS = 30  # a message with something to do (after unlocking), read at leisure
BOTTOM_GAP = 16
PREFERRED_WIDTH = 520  # one or two lines for the longest message


class Notice(QFrame):
    """Floats over ``parent`` (not in its layout: nothing moves when it shows), centred at
    its bottom edge."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setAccessibleName(self.tr("Message"))
        self._text = label("", "", wrap=True)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        # Made with the first message that needs it: a nameless hidden button until then.
        self.action: QPushButton | None = None
        self._on_action: Callable[[], object] | None = None
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(16, 10, 10, 10)
        self._layout.setSpacing(12)
        self._layout.addWidget(self._text, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        parent.installEventFilter(self)
        self.hide()

    def text(self) -> str:
        return self._text.text()

    def show_message(
        self, text: str, action: str = "", on_action: Callable[[], object] | None = None
    ) -> None:
        """Show ``text`` (with a button ``action`` running ``on_action``, if given)."""
        self._text.setText(text)
        self.setAccessibleDescription(text)
        self._on_action = on_action
        wanted = bool(action) and on_action is not None
        if wanted and self.action is None:
            self.action = QPushButton()
            self.action.setMinimumHeight(36)
            self.action.clicked.connect(self._act)
            self._layout.addWidget(self.action)
        if self.action is not None:
            if wanted:
                self.action.setText(action)
                self.action.setAccessibleName(action)
            self.action.setVisible(wanted)
        self._place()
        self.show()
        self.raise_()
        self._timer.start((LONG_SECONDS if wanted else SHORT_SECONDS) * 1000)
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, text))

    def dismiss(self) -> None:
        self._timer.stop()
        self._on_action = None
        self._text.clear()
        self.setAccessibleDescription("")
        self.hide()

    def _act(self) -> None:
        run = self._on_action
        self.dismiss()
        if run is not None:
            run()

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        width = min(parent.width() - 2 * BOTTOM_GAP, max(PREFERRED_WIDTH, self.sizeHint().width()))
        self.setFixedWidth(max(0, width))
        height = self.heightForWidth(width) if self.hasHeightForWidth() else -1
        self.resize(width, max(height, self.sizeHint().height()))
        self.move(
            (parent.width() - self.width()) // 2, parent.height() - self.height() - BOTTOM_GAP
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._place()
        return False
