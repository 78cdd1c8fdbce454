"""The one top-level window. It swaps between the setup wizard, the unlock screen and the app."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QMainWindow, QPushButton, QStackedWidget, QToolButton, QWidget

from carecompanion.ui.common import screen_fit, theme


class MainWindow(QMainWindow):
    closing = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Deleted when closed: a window still alive while Python shuts down can crash PySide.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("CareCompanion")
        self.setWindowIcon(theme.app_icon())
        # The first size comes from the screen (a saved one replaces it, see the controller);
        # the least size is the pages' own, which fits 1366×768 at 150 % (911×512).
        self.resize(screen_fit.first_size(self.screen().availableGeometry()))
        self.views = QStackedWidget()
        self.views.setObjectName("views")
        self.setCentralWidget(self.views)
        self.pending_circle_file: Path | None = None

    def show_view(self, view: QWidget) -> None:
        if self.views.indexOf(view) < 0:
            self.views.addWidget(view)
        self.views.setCurrentWidget(view)
        opener = getattr(view, "open_circle_file", None)
        if self.pending_circle_file is not None and callable(opener):
            path, self.pending_circle_file = self.pending_circle_file, None
            QTimer.singleShot(0, lambda: opener(path))  # once the view is on screen

    def open_circle_file(self, path: Path) -> None:
        """A circle file opened from the file manager (or a second launch): show it in the
        unlocked app, or keep it until the journal is unlocked."""
        current = self.views.currentWidget()
        opener = getattr(current, "open_circle_file", None)
        if callable(opener):
            opener(Path(path))
        else:
            self.pending_circle_file = Path(path)

    def remove_view(self, view: QWidget) -> None:
        if self.views.indexOf(view) >= 0:
            self.views.removeWidget(view)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter on a focused button presses it, as Space does. Qt's buttons answer Enter only
        # in a dialog (or when drawn as the default): here Enter, the key a person presses
        # to say "do it", reached the window and did nothing.
        focus = self.focusWidget()
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier(0)
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and plain
            and isinstance(focus, (QPushButton, QToolButton))
            and focus.isEnabled()
        ):
            event.accept()
            focus.click()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)


def dispose(window: QMainWindow) -> None:
    """Close a window and delete it now, not at interpreter exit."""
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
