"""Search results as a list model: each row is a hit with its highlighted snippet."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from carecompanion.journal.service import SearchHit
from carecompanion.ui.common.rows_model import RowsModel
from carecompanion.ui.journal.timeline_model import ENTRY, ENTRY_ID_ROLE, KIND_ROLE

SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 10
DATE_ROLE = Qt.ItemDataRole.UserRole + 11  # the hit: its date, in the zone it was written in


class SearchResultsModel(RowsModel[SearchHit]):
    def matched_words(self, entry_id: int) -> set[str]:
        """The words the search matched in this entry, as its snippet highlights them."""
        row = self.row_where(lambda hit: hit.id == entry_id)
        if row < 0:
            return set()
        hit = self.value(row)
        return {hit.snippet[start:end] for start, end in hit.highlights}

    def row_data(self, hit: SearchHit, role: int) -> Any:
        if role == KIND_ROLE:
            return ENTRY
        if role == ENTRY_ID_ROLE:
            return hit.id
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title or self.tr("Untitled entry")
        if role == SNIPPET_ROLE:
            return (hit.snippet, hit.highlights)
        if role == DATE_ROLE:
            return hit
        if role == Qt.ItemDataRole.AccessibleTextRole:
            title = hit.title or self.tr("Untitled entry")  # not in the f-string: lupdate
            return f"{title}: {hit.snippet}"
        return None
