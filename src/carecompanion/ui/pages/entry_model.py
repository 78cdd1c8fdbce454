"""The journal list as a Qt model: plain summaries in, rows out. No widget per row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from carecompanion.journal.service import EntrySummary

ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class EntryListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[EntrySummary] = []

    def set_rows(self, rows: list[EntrySummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        when = row.entry_at.astimezone()
        if role == Qt.ItemDataRole.DisplayRole:
            title = row.title or self.tr("Untitled entry")
            return f"{title}\n{when.strftime('%A %d %B %Y, %H:%M')}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.title or self.tr('Untitled entry')}, {when.strftime('%d %B %Y')}"
        if role == ENTRY_ID_ROLE:
            return row.id
        return None
