"""Past check-ins as a list model, newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from carecompanion.mood.records import CheckIn
from carecompanion.ui.common.core_words import activity_word
from carecompanion.ui.common.i18n import format_when, short_number
from carecompanion.ui.common.rows_model import RowsModel
from carecompanion.ui.mood.colours import mood_word
from carecompanion.ui.mood.faces import face_icon


class CheckInListModel(RowsModel[CheckIn]):
    def row_data(self, c: CheckIn, role: int) -> Any:
        if role == Qt.ItemDataRole.DecorationRole:
            return face_icon(c.mood)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        parts = [self.tr("mood {value} ({word})").format(value=c.mood, word=mood_word(c.mood))]
        if c.stress is not None:
            parts.append(self.tr("stress {value}").format(value=c.stress))
        if c.sleep_hours is not None:
            parts.append(self.tr("slept {value} h").format(value=short_number(c.sleep_hours)))
        if c.activities:
            parts.append(", ".join(activity_word(name) for name in c.activities))
        when = format_when(c.at, "day_time")
        note = f"\n{c.note}" if c.note else ""
        return f"{when} — " + " · ".join(parts) + note
