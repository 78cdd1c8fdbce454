"""The tray icon: a daily check-in reminder while the app runs, and quick actions.

The reminder's words are fixed and general ("time for a check-in"): a notification can be
seen by anyone near the screen, so it never carries anything the person wrote.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from carecompanion.clock import Clock
from carecompanion.reminders import ReminderState, checkin_reminder_due, meeting_reminder_due
from carecompanion.ui.app.settings import UiSettings
from carecompanion.ui.common import theme
from carecompanion.ui.common.i18n import format_when

TICK_MS = 60_000


class Tray(QObject):
    open_requested = Signal()
    checkin_requested = Signal()
    lock_requested = Signal()
    quit_requested = Signal()

    def __init__(
        self,
        settings: UiSettings,
        clock: Clock,
        checked_in_today: Callable[[], bool],
        parent: QObject | None = None,
        next_meeting: Callable[[], datetime | None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self._next_meeting = next_meeting
        self._meetings_reminded: set[datetime] = set()
        self._settings = settings
        self._clock = clock
        self._checked_in_today = checked_in_today
        self.icon = QSystemTrayIcon(theme.app_icon(), self)
        self.icon.setToolTip("CareCompanion")
        menu = QMenu()
        menu.addAction(self.tr("Open CareCompanion"), self.open_requested.emit)
        menu.addAction(self.tr("Check in…"), self.checkin_requested.emit)
        menu.addSeparator()
        menu.addAction(self.tr("Lock"), self.lock_requested.emit)
        menu.addAction(self.tr("Quit"), self.quit_requested.emit)
        self._menu = menu
        self.icon.setContextMenu(menu)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(self.checkin_requested.emit)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self.reminders_shown = 0

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def start(self) -> None:
        self.icon.show()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self.icon.hide()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_requested.emit()

    def tick(self) -> None:
        self._remind_meeting()
        self._remind_checkin()

    def _remind_meeting(self) -> None:
        start = self._next_meeting()
        lead = timedelta(minutes=self._settings.meeting_lead_minutes)
        if not meeting_reminder_due(start, self._clock.now(), lead, self._meetings_reminded):
            return
        assert start is not None
        self._meetings_reminded.add(start)
        self.reminders_shown += 1
        # Only the time: a notification can be read by anyone near the screen.
        self.icon.showMessage(
            self.tr("A meeting soon"),
            self.tr("One of your groups meets at {time}.").format(time=format_when(start, "time")),
            theme.app_icon(),
            15_000,
        )

    def _remind_checkin(self) -> None:
        state = ReminderState(
            self._settings.reminder_enabled,
            self._settings.reminder_time,
            self._settings.last_reminded,
        )
        now_local = self._clock.now().astimezone()
        if not checkin_reminder_due(state, now_local, self._checked_in_today()):
            return
        self._settings.last_reminded = now_local.date()
        self._settings.sync()
        self.reminders_shown += 1
        self.icon.showMessage(
            self.tr("Time for a check-in"),
            self.tr("How are you today? It takes ten seconds."),
            theme.app_icon(),
            15_000,
        )
