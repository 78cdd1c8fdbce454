"""The tray icon: a daily check-in reminder while the app runs, reminders before group
meetings and before help promised in a circle, news from the circles' help calendars after a
sync, and quick actions.

The reminder's words are fixed and general ("time for a check-in"): a notification can be
seen by anyone near the screen, so it never carries anything the person wrote.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from carecompanion.circle.help_news import reminders_due
from carecompanion.circle.helping import HelpBoard
from carecompanion.clock import Clock
from carecompanion.reminders import ReminderState, checkin_reminder_due, meeting_reminder_due
from carecompanion.ui.app.settings import UiSettings
from carecompanion.ui.common import theme
from carecompanion.ui.common.i18n import format_when

TICK_MS = 60_000


class Tray(QObject):
    open_requested = Signal()
    checkin_requested = Signal()
    #: A help-calendar notice or reminder was clicked: show the circle's help calendar.
    help_requested = Signal()
    lock_requested = Signal()
    quit_requested = Signal()

    def __init__(
        self,
        settings: UiSettings,
        clock: Clock,
        checked_in_today: Callable[[], bool],
        parent: QObject | None = None,
        next_meeting: Callable[[], datetime | None] = lambda: None,
        help_boards: Callable[[], list[HelpBoard]] = list,
    ) -> None:
        super().__init__(parent)
        self._next_meeting = next_meeting
        # The circles' help calendars as their last syncs left them (empty while locked),
        # and the slots already reminded of (request id, start): each once.
        self._help_boards = help_boards
        self._help_reminded: set[tuple[str, str]] = set()
        self._clicked = "checkin"  # what the last notice was about: a click opens that
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
        self.icon.messageClicked.connect(self._message_clicked)
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

    def _message_clicked(self) -> None:
        if self._clicked == "help":
            self.help_requested.emit()
        elif self._clicked == "checkin":
            self.checkin_requested.emit()
        else:
            self.open_requested.emit()

    def _show(self, about: str, title: str, text: str) -> None:
        self._clicked = about
        self.reminders_shown += 1
        self.icon.showMessage(title, text, theme.app_icon(), 15_000)

    def tick(self) -> None:
        self._remind_meeting()
        self._remind_help()
        self._remind_checkin()

    def show_help_news(self, text: str) -> None:
        """What changed in a circle's help calendar after a sync (``help_model.notice_text``:
        who did what on which day, never what the help is for)."""
        self._show("help", self.tr("Your circle's help calendar"), text)

    def _remind_help(self) -> None:
        """Before a slot this person promised, at the lead time in Settings, once each."""
        lead = timedelta(minutes=self._settings.help_lead_minutes)
        if lead <= timedelta(0):
            return
        now = self._clock.now()
        for board in self._help_boards():
            # Every promised slot starting within the lead time (a window from now - lead:
            # those whose reminder time has come and that have not started).
            for request in reminders_due(board.requests, board.me, lead, now - lead, now):
                key = (request.id, request.start_wall)
                if key in self._help_reminded:
                    continue
                self._help_reminded.add(key)
                start = request.start.astimezone()
                today = start.date() == now.astimezone().date()
                # Only the time: a notification can be read by anyone near the screen.
                self._show(
                    "help",
                    self.tr("Help you promised"),
                    self.tr("You said you would help at {time}.").format(
                        time=format_when(start, "time")
                    )
                    if today
                    else self.tr("You said you would help on {day} at {time}.").format(
                        day=format_when(start, "short_day"), time=format_when(start, "time")
                    ),
                )

    def _remind_meeting(self) -> None:
        start = self._next_meeting()
        lead = timedelta(minutes=self._settings.meeting_lead_minutes)
        if not meeting_reminder_due(start, self._clock.now(), lead, self._meetings_reminded):
            return
        assert start is not None
        self._meetings_reminded.add(start)
        # Only the time: a notification can be read by anyone near the screen.
        self._show(
            "meeting",
            self.tr("A meeting soon"),
            self.tr("One of your groups meets at {time}.").format(time=format_when(start, "time")),
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
        self._show(
            "checkin",
            self.tr("Time for a check-in"),
            self.tr("How are you today? It takes ten seconds."),
        )
