"""Search results as a list model: each row is a hit with its highlighted snippet."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from carecompanion.journal.service import SearchHit
from carecompanion.ui.journal.timeline_model import ENTRY, ENTRY_ID_ROLE, KIND_ROLE

SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 10
DATE_ROLE = Qt.ItemDataRole.UserRole + 11


class SearchResultsModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def clear(self) -> None:
        self.set_hits([])

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == KIND_ROLE:
            return ENTRY
        if role == ENTRY_ID_ROLE:
            return hit.id
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title or self.tr("Untitled entry")
        if role == SNIPPET_ROLE:
            return (hit.snippet, hit.highlights)
        if role == DATE_ROLE:
            return hit.entry_at
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{hit.title or self.tr('Untitled entry')}: {hit.snippet}"
        return None
