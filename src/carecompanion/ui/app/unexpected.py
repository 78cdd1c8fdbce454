"""Where a surprise ends in the windowed app: a calm dialog, and a log line without content.

An exception nobody caught (a bug in a slot, in a timer, in a worker thread) would otherwise
go to a stderr nobody sees in the bundle, and the person would be left wondering whether
their journal is still there. :func:`install` sets ``sys.excepthook`` and
``threading.excepthook`` at launch: each logs the exception's type and where it happened,
frame by frame (never its message or a value: they may hold what the person wrote; see
:func:`carecompanion.logs.unexpected`), and the GUI thread says so in one calm dialog, never
a traceback. Several surprises in a row show one dialog.
"""

from __future__ import annotations

import sys
import threading
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from carecompanion import logs

translate = QCoreApplication.translate


def show_calm_dialog(parent: QWidget | None = None) -> None:
    """Tell the person, in plain words, that something failed and what to do."""
    QMessageBox.warning(
        parent,
        translate("Unexpected", "Something went wrong"),
        translate(
            "Unexpected",
            "Something went wrong inside CareCompanion. Your journal is safe: everything "
            "you saved is kept.\n\nWhat you were doing may not have finished, so please "
            "check it and try again. If this keeps happening, close CareCompanion and "
            "open it again.",
        ),
    )


class SurpriseReporter(QObject):
    """Logs surprises from any thread; shows the dialog on the GUI thread, one at a time."""

    _raised = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._showing = False
        # Emitted from a worker thread, the signal is queued to this object's (GUI) thread.
        self._raised.connect(self._show)

    def report(self, exc: BaseException, where: str) -> None:
        logs.unexpected(exc, where)
        self._raised.emit()

    def excepthook(
        self,
        exc_type: type[BaseException],
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc is None:
            exc = exc_type()
        if exc.__traceback__ is None and tb is not None:
            exc = exc.with_traceback(tb)
        if isinstance(exc, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        self.report(exc, "the app")

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or isinstance(args.exc_value, SystemExit):
            return
        thread = args.thread.name if args.thread is not None else "?"
        self.report(args.exc_value, f"the thread {thread}")

    def _show(self) -> None:
        if self._showing:
            return  # one dialog for a burst of surprises
        self._showing = True
        try:
            app = QApplication.instance()
            parent = app.activeWindow() if isinstance(app, QApplication) else None
            show_calm_dialog(parent)
        finally:
            self._showing = False


def install(app: QApplication) -> SurpriseReporter:
    """At launch, once the log file is set up: every uncaught exception goes here."""
    reporter = SurpriseReporter(app)
    sys.excepthook = reporter.excepthook
    threading.excepthook = reporter.thread_excepthook
    return reporter
