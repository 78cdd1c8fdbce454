"""Editing the helplines and the emergency number shown in "Need help now"."""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from carecompanion.people.crisis import CrisisResource, CrisisResourceDraft, CrisisService
from carecompanion.people.errors import PeopleError
from carecompanion.ui.common import error_words
from carecompanion.ui.common.rows_model import RowsModel
from carecompanion.ui.common.widgets import button, label


class HelplineModel(RowsModel[CrisisResource]):
    def row_data(self, line: CrisisResource, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{line.name} · {line.phone or line.text_number or line.url}"
        return None


class HelplinesDialog(QDialog):
    def __init__(self, crisis: CrisisService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._crisis = crisis
        self.setWindowTitle(self.tr("Your helplines"))
        self.resize(640, 520)
        self.emergency = QLineEdit(crisis.emergency_number())
        self.emergency.setAccessibleName(self.tr("Emergency number"))
        self.model = HelplineModel()
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Helplines"))
        self.list.selectionModel().currentChanged.connect(lambda cur, _p: self._show(cur))
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.addRow(self.tr("Emergency number"), self.emergency)
        for key, text in (
            ("name", self.tr("Name")),
            ("phone", self.tr("Phone")),
            ("text_number", self.tr("Number to text")),
            ("url", self.tr("Web address")),
            ("hours", self.tr("Hours")),
        ):
            field = QLineEdit()
            field.setAccessibleName(text)
            self.fields[key] = field
            form.addRow(text, field)
        self.error = label("", "error")
        self.error.hide()
        add = button(self.tr("Add as new"), self.tr("Add as a new helpline"))
        add.clicked.connect(self.add_line)
        save = button(self.tr("Save changes"), self.tr("Save the chosen helpline"))
        save.clicked.connect(self.save_line)
        remove = button(self.tr("Remove"), self.tr("Remove the chosen helpline"))
        remove.clicked.connect(self.remove_line)
        actions = QHBoxLayout()
        for widget in (add, save, remove):
            actions.addWidget(widget)
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(actions)
        layout.addWidget(close)
        self._reload()

    def _reload(self) -> None:
        self.model.set_rows(self._crisis.list())

    def _show(self, index: QModelIndex) -> None:
        line = self.model.value_at(index)
        if line is None:
            return
        for key, field in self.fields.items():
            field.setText(str(getattr(line, key)))

    def _draft(self) -> CrisisResourceDraft:
        return CrisisResourceDraft(**{key: f.text().strip() for key, f in self.fields.items()})

    def _run(self, action: Any) -> bool:
        try:
            action()
        except PeopleError as exc:
            self.error.setText(error_words.message(exc))
            self.error.show()
            return False
        self.error.hide()
        row = self.list.currentIndex().row()
        self._reload()
        if self.model.rowCount():  # keep the person's place in the list
            self.list.setCurrentIndex(
                self.model.index(min(max(row, 0), self.model.rowCount() - 1), 0)
            )
        return True

    def add_line(self) -> bool:
        return self._run(lambda: self._crisis.add(self._draft()))

    def save_line(self) -> bool:
        line = self.model.value_at(self.list.currentIndex())
        if line is None:
            return False
        return self._run(lambda: self._crisis.update(line.id, self._draft()))

    def remove_line(self) -> bool:
        line = self.model.value_at(self.list.currentIndex())
        if line is None:
            return False
        return self._run(lambda: self._crisis.delete(line.id))

    def done(self, result: int) -> None:
        """Closing keeps the emergency number as typed."""
        number = self.emergency.text().strip()
        if number != self._crisis.emergency_number():
            # An odd number is simply not saved; the field shows the stored one next time.
            with contextlib.suppress(PeopleError):
                self._crisis.set_emergency_number(number)
        super().done(result)
