"""A list of things to tick (feelings, self-care, a group's members) as one model.

Each item shows its words and keeps the value it stands for under ``VALUE_ROLE`` (a stored
name, a contact's id), so what is shown can be translated while what is saved stays as the
core wrote it. Dialogs add, tick and read choices through the named methods here, never by
walking the items themselves.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

VALUE_ROLE = Qt.ItemDataRole.UserRole + 60


class CheckableListModel(QStandardItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def add_choice(self, value: object, text: str, checked: bool = False) -> None:
        item = QStandardItem(text)
        item.setData(value, VALUE_ROLE)
        item.setCheckable(True)
        item.setEditable(False)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.appendRow(item)

    def checked_values(self) -> list[Any]:
        """The values of the ticked choices, in the order they are listed."""
        return [
            self.item(row).data(VALUE_ROLE)
            for row in range(self.rowCount())
            if self.item(row).checkState() == Qt.CheckState.Checked
        ]

    def toggle(self, index: QModelIndex) -> None:
        """Tick an unticked choice, untick a ticked one."""
        item = self.itemFromIndex(index)
        if item is None:
            return
        ticked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked)
