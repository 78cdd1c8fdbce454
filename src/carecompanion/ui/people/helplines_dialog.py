"""Editing the helplines and the emergency number shown in "Need help now".

A helpline's fields are kept by Save changes (the chosen one) or Add as new (what is typed,
chosen row or not), never on their own: what is typed may be meant as a new helpline, so
moving to another row cannot save it over the chosen one. Until it is kept, choosing another
row or closing asks first. The emergency number is a single field and is kept on closing.
"""

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
from carecompanion.ui.common.discard import AsOpened, ask_to_discard, close_or_ask
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
        self.list.selectionModel().currentChanged.connect(lambda cur, _p: self._chosen(cur))
        self._moving = False  # the list moved by the dialog itself, not by the person
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
        self._as_shown = AsOpened(self._draft)  # the chosen helpline as shown, or empty fields
        self._shown_row = -1  # the row the fields show (-1: none, a new helpline)
        self._reload()

    def _reload(self) -> None:
        self._moving = True
        try:
            self.model.set_rows(self._crisis.list())
        finally:
            self._moving = False

    def _chosen(self, index: QModelIndex) -> None:
        """The person moved in the list: what was typed is lost only if they say so."""
        if self._moving or index.row() == self._shown_row:
            return
        if not self._as_shown.changed():
            self._show(index)
            return
        box = ask_to_discard(self, lambda: self._show(self.list.currentIndex()))
        box.finished.connect(lambda _result: self._select_shown())

    def _select_shown(self) -> None:
        """The list back on the row the fields show (Keep editing), what was typed untouched."""
        if self.list.currentIndex().row() == self._shown_row:
            return
        self._moving = True
        try:
            if self._shown_row < 0:
                self.list.setCurrentIndex(QModelIndex())
            else:
                self.list.setCurrentIndex(self.model.index(self._shown_row, 0))
        finally:
            self._moving = False

    def _show(self, index: QModelIndex) -> None:
        line = self.model.value_at(index)
        if line is None:
            return
        for key, field in self.fields.items():
            field.setText(str(getattr(line, key)))
        self._shown_row = index.row()
        self._as_shown.kept()

    def reject(self) -> None:
        # Escape, Close and the window's close button: a helpline's fields not kept yet are
        # only thrown away when the person says so (the emergency number is kept in done()).
        close_or_ask(self, self._as_shown.changed())

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
        self._shown_row = -1
        self._as_shown.kept()  # what was typed is kept now
        if self.model.rowCount():  # keep the person's place in the list
            index = self.model.index(min(max(row, 0), self.model.rowCount() - 1), 0)
            self._moving = True
            try:
                self.list.setCurrentIndex(index)
            finally:
                self._moving = False
            self._show(index)
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
