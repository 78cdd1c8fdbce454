"""The one top-level window. It swaps between the setup wizard, the unlock screen and the app."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from carecompanion.ui import theme


class MainWindow(QMainWindow):
    closing = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Deleted when closed: a window still alive while Python shuts down can crash PySide.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("CareCompanion")
        self.setWindowIcon(theme.app_icon())
        self.setMinimumSize(880, 600)
        self.resize(1240, 800)
        self.views = QStackedWidget()
        self.views.setObjectName("views")
        self.setCentralWidget(self.views)

    def show_view(self, view: QWidget) -> None:
        if self.views.indexOf(view) < 0:
            self.views.addWidget(view)
        self.views.setCurrentWidget(view)

    def remove_view(self, view: QWidget) -> None:
        if self.views.indexOf(view) >= 0:
            self.views.removeWidget(view)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)


def dispose(window: QMainWindow) -> None:
    """Close a window and delete it now, not at interpreter exit."""
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
