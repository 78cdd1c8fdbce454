"""The timeline: entries newest first, grouped under month headings, fetched page by page.

A flat list model whose rows are either a month heading or an entry. Rows are fetched in
pages through keyset paging (``after=(entry_at, id)``), so a 100,000-entry journal opens as
fast as a ten-entry one and scrolls smoothly: Qt asks for more only as the view nears the end.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from carecompanion.journal.service import EntrySummary
from carecompanion.ui.common.i18n import format_entry_when

PAGE_SIZE = 200

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 2
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 3

HEADING = "heading"
ENTRY = "entry"

# (limit, after) -> page of summaries, newest first
PageFetcher = Callable[[int, tuple[datetime, int] | None], Sequence[EntrySummary]]


@dataclass(frozen=True)
class _Row:
    kind: str
    text: str
    summary: EntrySummary | None = None


def month_heading(summary: EntrySummary) -> str:
    """The month the entry was written in, on the clock where it was written."""
    return format_entry_when(summary.entry_at, summary.time_zone, "month")


class TimelineModel(QAbstractListModel):
    def __init__(self, fetch_page: PageFetcher | None = None, *, headings: bool = True) -> None:
        super().__init__()
        self._headings = headings
        self._fetch_page = fetch_page
        self._rows: list[_Row] = []
        self._last: tuple[datetime, int] | None = None
        self._exhausted = True

    # -- loading -----------------------------------------------------------------------------
    def reset(self, fetch_page: PageFetcher | None) -> None:
        """Start again from the newest entry (after a new filter, an edit, an import)."""
        self.beginResetModel()
        self._fetch_page = fetch_page
        self._rows = []
        self._last = None
        self._exhausted = fetch_page is None
        self.endResetModel()
        if fetch_page is not None:
            self.fetchMore(QModelIndex())

    def clear(self) -> None:
        self.reset(None)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or self._fetch_page is None:
            return
        page = list(self._fetch_page(PAGE_SIZE, self._last))
        if len(page) < PAGE_SIZE:
            self._exhausted = True
        if not page:
            return
        new_rows: list[_Row] = []
        previous_heading = self._last_heading()
        for summary in page:
            heading = month_heading(summary)
            if self._headings and heading != previous_heading:
                new_rows.append(_Row(HEADING, heading))
                previous_heading = heading
            new_rows.append(_Row(ENTRY, summary.title, summary))
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(new_rows) - 1)
        self._rows.extend(new_rows)
        self.endInsertRows()
        last = page[-1]
        self._last = (last.entry_at, last.id)

    def _last_heading(self) -> str | None:
        for row in reversed(self._rows):
            if row.kind == HEADING:
                return row.text
        return None

    # -- reading -----------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def entry_count(self) -> int:
        return sum(1 for row in self._rows if row.kind == ENTRY)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].kind == HEADING:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == KIND_ROLE:
            return row.kind
        if row.kind == HEADING:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return row.text
            return None
        summary = row.summary
        assert summary is not None
        if role == ENTRY_ID_ROLE:
            return summary.id
        if role == SUMMARY_ROLE:
            return summary
        if role == Qt.ItemDataRole.DisplayRole:
            return summary.title or self.tr("Untitled entry")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            when = format_entry_when(summary.entry_at, summary.time_zone, "long_day")
            title = summary.title or self.tr("Untitled entry")  # not in the f-string: lupdate
            return f"{title}, {when}"
        return None
