"""A flat list model over plain values from the core. Subclasses only say how a row looks.

Qt's model/view (never a widget per row): ``set_rows`` replaces everything in one reset,
``clear`` forgets it all (called when the vault locks), ``value`` reads one row back,
``value_at`` the row behind a view's index and ``row_where`` finds one: pages ask the model
by name rather than index its ``rows``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex

T = TypeVar("T")


class RowsModel(QAbstractListModel, Generic[T]):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[T] = []

    def set_rows(self, rows: Iterable[T]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def value(self, row: int) -> T:
        return self.rows[row]

    def value_at(self, index: QModelIndex | QPersistentModelIndex) -> T | None:
        """The value behind a view's index (its current or clicked row); None for none."""
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return self.rows[index.row()]

    def row_where(self, matches: Callable[[T], bool]) -> int:
        """The first row whose value ``matches``, or -1."""
        return next((row for row, value in enumerate(self.rows) if matches(value)), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def row_data(self, value: T, role: int) -> Any:
        """What ``data`` returns for one row and role; None for anything not shown."""
        raise NotImplementedError

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return self.row_data(self.rows[index.row()], role)
