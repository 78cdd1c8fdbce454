"""The unlock screen, with a way back in through the recovery key."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from carecompanion.ui.common import theme
from carecompanion.ui.common.screen_fit import scrolling
from carecompanion.ui.common.widgets import (
    Card,
    FitStack,
    PassphraseField,
    StrengthMeter,
    button,
    centred,
    label,
)


class UnlockView(QWidget):
    unlock_requested = Signal(str)
    recover_requested = Signal(str, str)  # recovery key, new passphrase
    earlier_requested = Signal()  # the journals restores replaced

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Wide and with slim margins, so that the recovery form fits a window 476 px high
        # (1366×768 at 150 %) with its button in sight.
        self.card = Card(max_width=600)
        self.card.body.setContentsMargins(28, 20, 28, 20)
        self.logo = QLabel()
        self.logo.setPixmap(theme.app_icon().pixmap(72, 72))
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card.body.addWidget(self.logo)
        self.modes = FitStack()
        self.modes.addWidget(self._build_unlock())
        self.modes.addWidget(self._build_recover())
        self.card.body.addWidget(self.modes)
        self.error = label("", "error")
        self.error.setAccessibleName(self.tr("Message"))
        self.error.hide()
        self.card.body.addWidget(self.error)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # In a short window (1366×768 at 150 %) the card scrolls rather than being squeezed.
        layout.addWidget(scrolling(centred(self.card)))
        self.set_hint("")

    # -- the two modes ----------------------------------------------------------------------
    def _build_unlock(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        title = label(self.tr("Welcome back"), "heroTitle", wrap=False)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(title)
        sub = label(
            self.tr("Your journal is locked. Enter your passphrase to open it."), "subtitle"
        )
        sub.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(sub)
        self.passphrase = PassphraseField(self.tr("Passphrase"), self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self._submit_unlock)
        column.addWidget(self.passphrase)
        self.hint = label("", "hint")
        column.addWidget(self.hint)
        self.unlock_button = button(self.tr("Unlock"), self.tr("Unlock the journal"), primary=True)
        self.unlock_button.clicked.connect(self._submit_unlock)
        column.addWidget(self.unlock_button)
        # Two short lines, not one long link: a button never wraps, and the Spanish sentence
        # is wider than the card.
        forgot_text = label(self.tr("Forgot your passphrase?"), "hint")
        forgot_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(forgot_text)
        self.forgot = button(
            self.tr("Use your recovery key"), self.tr("Use the recovery key"), link=True
        )
        self.forgot.clicked.connect(lambda: self._show_mode(1))
        column.addWidget(self.forgot, alignment=Qt.AlignmentFlag.AlignCenter)
        # Shown only when a restore has replaced a journal (the controller says so).
        self.earlier = button(
            self.tr("Earlier journals…"), self.tr("Earlier journals, kept by restores"), link=True
        )
        self.earlier.clicked.connect(self.earlier_requested)
        self.earlier.hide()
        column.addWidget(self.earlier, alignment=Qt.AlignmentFlag.AlignCenter)
        return page

    def _build_recover(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addWidget(label(self.tr("Open with your recovery key"), "pageTitle"))
        column.addWidget(
            label(
                self.tr(
                    "Type the recovery key from your printed recovery kit (capitals, spaces and "
                    "dashes "
                    "do not matter), then choose a new passphrase."
                ),
                "subtitle",
            )
        )
        self.recovery_key = QLineEdit()
        self.recovery_key.setObjectName("recoveryKey")
        self.recovery_key.setAccessibleName(self.tr("Recovery key"))
        self.recovery_key.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.recovery_key.setMinimumHeight(44)
        column.addWidget(self.recovery_key)
        self.new_passphrase = PassphraseField(self.tr("New passphrase"), self.tr("New passphrase"))
        self.repeat_passphrase = PassphraseField(
            self.tr("Repeat the new passphrase"), self.tr("Repeat the new passphrase")
        )
        self.meter = StrengthMeter()
        self.new_passphrase.textChanged.connect(self.meter.update_for)
        column.addWidget(self.new_passphrase)
        column.addWidget(self.meter)
        column.addWidget(self.repeat_passphrase)
        self.recover_button = button(
            self.tr("Open and set the new passphrase"),
            self.tr("Open with the recovery key"),
            primary=True,
        )
        self.recover_button.clicked.connect(self._submit_recover)
        column.addWidget(self.recover_button)
        back = button(
            self.tr("Back to the passphrase"), self.tr("Back to the passphrase"), link=True
        )
        back.clicked.connect(lambda: self._show_mode(0))
        column.addWidget(back, alignment=Qt.AlignmentFlag.AlignCenter)
        return page

    def _show_mode(self, index: int) -> None:
        self.error.hide()
        self.modes.setCurrentIndex(index)
        self.logo.setVisible(index == 0)  # the longer recovery form keeps its button in sight
        (self.passphrase if index == 0 else self.recovery_key).setFocus()

    # -- actions ----------------------------------------------------------------------------
    def _submit_unlock(self) -> None:
        if not self.passphrase.text():
            self.show_error(self.tr("Please type your passphrase."))
            return
        self.error.hide()
        self.unlock_requested.emit(self.passphrase.text())

    def _submit_recover(self) -> None:
        if not self.recovery_key.text().strip():
            self.show_error(self.tr("Please type your recovery key."))
        elif not self.meter.acceptable:
            self.show_error(self.tr("Please choose a stronger new passphrase."))
        elif self.new_passphrase.text() != self.repeat_passphrase.text():
            self.show_error(self.tr("The two new passphrases are not the same."))
        else:
            self.error.hide()
            self.recover_requested.emit(self.recovery_key.text(), self.new_passphrase.text())

    # -- what the controller tells us ---------------------------------------------------------
    def set_hint(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    def set_earlier_journals(self, any_kept: bool) -> None:
        self.earlier.setVisible(any_kept)

    def set_busy(self, busy: bool) -> None:
        self.modes.setEnabled(not busy)
        self.unlock_button.setText(self.tr("Unlocking…") if busy else self.tr("Unlock"))
        self.recover_button.setText(
            self.tr("Opening…") if busy else self.tr("Open and set the new passphrase")
        )

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def reset(self) -> None:
        """Forget everything typed: called whenever the app locks."""
        for field in (self.passphrase, self.new_passphrase, self.repeat_passphrase):
            field.wipe()
        self.recovery_key.clear()
        self.error.hide()
        self.set_busy(False)
        self.modes.setCurrentIndex(0)
        self.logo.show()
        self.passphrase.setFocus()
