"""Locks the app after a stretch without input, measured on the wall clock.

A timer that counts its own ticks would not notice a laptop that slept for an hour; comparing
wall-clock timestamps does, so the app is already locked when the lid opens.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from carecompanion.clock import Clock

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}
CHECK_INTERVAL_MS = 5_000


class IdleLock(QObject):
    idle = Signal()

    def __init__(self, clock: Clock, timeout_seconds: float, parent: QObject | None = None):
        super().__init__(parent)
        self._clock = clock
        self.timeout_seconds = timeout_seconds
        self._last_activity = clock.timestamp()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        self._watching = False

    def start(self) -> None:
        self.touch()
        app = QApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)
            self._watching = True
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None and self._watching:
            app.removeEventFilter(self)
            self._watching = False

    def touch(self) -> None:
        self._last_activity = self._clock.timestamp()

    def check(self) -> None:
        if self._clock.timestamp() - self._last_activity >= self.timeout_seconds:
            self.stop()
            self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._last_activity = self._clock.timestamp()
        return False
