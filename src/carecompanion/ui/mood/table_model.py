"""A read-only table model: a chart's figures as a table, for screen readers and the curious."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt


class FiguresTableModel(QAbstractTableModel):
    def __init__(self, headers: Sequence[str] = ()) -> None:
        super().__init__()
        self._headers = list(headers)
        self._rows: list[list[str]] = []

    def set_rows(self, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
        self.beginResetModel()
        self._headers = list(headers)
        self._rows = [["" if cell is None else str(cell) for cell in row] for row in rows]
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows(self._headers, [])

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._rows[index.row()][index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if section < len(self._headers) else None
        return None
