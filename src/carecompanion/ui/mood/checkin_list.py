"""Past check-ins as a list model, newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from carecompanion.mood.records import CheckIn
from carecompanion.ui.mood.colours import mood_word


class CheckInListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[CheckIn] = []

    def set_checkins(self, checkins: list[CheckIn]) -> None:
        self.beginResetModel()
        self._rows = sorted(checkins, key=lambda c: c.at, reverse=True)
        self.endResetModel()

    def clear(self) -> None:
        self.set_checkins([])

    def checkin(self, row: int) -> CheckIn:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        c = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            parts = [self.tr("mood {value} ({word})").format(value=c.mood,
                                                            word=self.tr(mood_word(c.mood)))]
            if c.stress is not None:
                parts.append(self.tr("stress {value}").format(value=c.stress))
            if c.sleep_hours is not None:
                parts.append(self.tr("slept {value:g} h").format(value=c.sleep_hours))
            if c.activities:
                parts.append(", ".join(c.activities))
            when = c.at.astimezone().strftime("%a %d %b %Y, %H:%M")
            note = f"\n{c.note}" if c.note else ""
            return f"{when} — " + " · ".join(parts) + note
        return None
