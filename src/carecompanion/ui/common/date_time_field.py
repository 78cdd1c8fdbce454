"""A date-and-time field that is one Tab stop, for every page that asks when something was."""

from __future__ import annotations

from PySide6.QtWidgets import QDateTimeEdit, QWidget


class OneStopDateTimeEdit(QDateTimeEdit):
    """A date and time that is one Tab stop: Tab leaves it (Qt's own moves between its day,
    month, year, hour and minute sections, five stops for one answer). The arrow keys still
    move between sections and change them, and Alt+Down opens the calendar."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)
