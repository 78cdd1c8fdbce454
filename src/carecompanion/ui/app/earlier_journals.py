"""Earlier journals: the vaults a restore replaced, kept whole, listed with their dates, and
put back with the passphrase each had. Opened from the unlock screen, where restoring happens;
the controller does the putting back (carecompanion.vault.restore.put_back)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListView, QVBoxLayout, QWidget

from carecompanion.ui.common.i18n import format_when
from carecompanion.ui.common.page_layout import wrap_rows
from carecompanion.ui.common.rows_model import RowsModel
from carecompanion.ui.common.widgets import PassphraseField, button, label
from carecompanion.vault.earlier import EarlierJournal


class EarlierJournalsModel(RowsModel[EarlierJournal]):
    def row_data(self, journal: EarlierJournal, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            replaced = self.tr("Replaced on {moment}").format(
                moment=format_when(journal.replaced_at, "day_time")
            )
            if journal.started is None:
                return replaced
            return self.tr("{replaced} (a journal started on {day})").format(
                replaced=replaced, day=format_when(journal.started, "date")
            )
        return None


class EarlierJournalsDialog(QDialog):
    #: The chosen journal's folder name and the passphrase typed for it.
    put_back_requested = Signal(str, str)

    def __init__(self, journals: list[EarlierJournal], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Earlier journals"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                self.tr(
                    "When a backup is restored, the journal it replaces is kept here, whole. "
                    "Choose one to put it back: the journal in its place is kept the same way."
                ),
                "subtitle",
            )
        )
        self.model = EarlierJournalsModel()
        self.model.set_rows(journal for journal in journals if journal.complete)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Earlier journals"))
        wrap_rows(self.list)
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0))
        layout.addWidget(self.list, 1)
        self.passphrase = PassphraseField(
            self.tr("Passphrase of the chosen journal"),
            self.tr("Passphrase of the chosen journal"),
        )
        self.passphrase.returnPressed.connect(self._submit)
        layout.addWidget(self.passphrase)
        self.error = label("", "error")
        self.error.setAccessibleName(self.tr("Message"))
        self.error.hide()
        layout.addWidget(self.error)
        layout.addWidget(self._build_buttons())
        self.passphrase.setFocus()

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        self.put_back_button = button(
            self.tr("Put back"), self.tr("Put the chosen journal back"), primary=True
        )
        buttons.addButton(self.put_back_button, QDialogButtonBox.ButtonRole.AcceptRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        return buttons

    def chosen(self) -> EarlierJournal | None:
        return self.model.value_at(self.list.currentIndex())

    def _submit(self) -> None:
        journal = self.chosen()
        if journal is None:
            self.show_error(self.tr("Please choose a journal."))
        elif not self.passphrase.text():
            self.show_error(self.tr("Please type the passphrase of the chosen journal."))
        else:
            self.error.hide()
            self.put_back_requested.emit(journal.name, self.passphrase.text())

    # -- what the controller tells us ---------------------------------------------------------
    def set_busy(self, busy: bool) -> None:
        for widget in (self.list, self.passphrase, self.put_back_button):
            widget.setEnabled(not busy)
        self.put_back_button.setText(self.tr("Putting back…") if busy else self.tr("Put back"))

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def done(self, result: int) -> None:
        self.passphrase.wipe()  # never left in a closed dialog
        self.model.clear()
        super().done(result)
