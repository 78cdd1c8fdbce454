"""The first-run wizard: welcome, choose a passphrase, keep the recovery key, begin."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from carecompanion.people.crisis_lines import COUNTRIES, suggested_country
from carecompanion.ui.app import recovery_kit
from carecompanion.ui.app.recovery_kit import split_for_display
from carecompanion.ui.common import theme
from carecompanion.ui.common.core_words import country_name
from carecompanion.ui.common.i18n import format_when
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

WELCOME, PASSPHRASE, RECOVERY = range(3)


class SetupWizard(QWidget):
    create_requested = Signal(str)  # the chosen passphrase
    finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recovery_key_text = ""
        self.card = Card(max_width=620)
        self.steps = FitStack()
        self.steps.addWidget(self._build_welcome())
        self.steps.addWidget(self._build_passphrase())
        self.steps.addWidget(self._build_recovery())
        self.card.body.addWidget(self.steps)
        self.card.body.setContentsMargins(28, 20, 28, 20)  # fits a window 476 px high
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # In a short window (1366×768 at 150 %) the card scrolls rather than being squeezed.
        layout.addWidget(scrolling(centred(self.card)))

    # -- step 1 -----------------------------------------------------------------------------
    def _build_welcome(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)  # the card has margins of its own
        column.setSpacing(14)
        logo = QLabel()
        logo.setPixmap(theme.app_icon().pixmap(88, 88))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(logo)
        title = label(self.tr("Welcome to CareCompanion"), "heroTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(title)
        column.addWidget(
            label(
                self.tr(
                    "A private place for the days of caring: what happened, how you are, and the "
                    "people who help you carry it."
                ),
                "subtitle",
            )
        )
        column.addWidget(
            label(
                self.tr(
                    "Everything you write stays on this computer, encrypted. There is no account "
                    "and "
                    "no cloud. You choose, entry by entry, what to share with the people who "
                    "understand."
                )
            )
        )
        self.start_button = button(self.tr("Get started"), self.tr("Get started"), primary=True)
        self.start_button.clicked.connect(lambda: self._go(PASSPHRASE))
        column.addSpacing(8)
        column.addWidget(self.start_button)
        return page

    # -- step 2 -----------------------------------------------------------------------------
    def _build_passphrase(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        column.addWidget(label(self.tr("Choose a passphrase"), "pageTitle"))
        column.addWidget(
            label(
                self.tr(
                    "Your passphrase locks your journal. A few ordinary words that mean something "
                    "only "
                    "to you are easy to remember and hard to guess."
                ),
                "subtitle",
            )
        )
        self.passphrase = PassphraseField(self.tr("New passphrase"), self.tr("Passphrase"))
        self.repeat = PassphraseField(
            self.tr("Repeat the passphrase"), self.tr("Type it once more")
        )
        self.meter = StrengthMeter()
        self.passphrase.textChanged.connect(self.meter.update_for)
        self.passphrase.textChanged.connect(self._validate)
        self.repeat.textChanged.connect(self._validate)
        self.repeat.returnPressed.connect(self._submit)
        column.addWidget(self.passphrase)
        column.addWidget(self.meter)
        column.addWidget(self.repeat)
        notice = label(
            self.tr(
                "Please note: nobody, including us, can recover a forgotten passphrase. On the "
                "next "
                "step you will get a recovery key: it is the only other way in."
            ),
            "notice",
        )
        column.addWidget(notice)
        self.mismatch = label("", "error")
        self.mismatch.hide()
        column.addWidget(self.mismatch)
        row = QHBoxLayout()
        back = button(self.tr("Back"), self.tr("Back to the welcome page"))
        back.clicked.connect(lambda: self._go(WELCOME))
        self.create_button = button(
            self.tr("Create my journal"), self.tr("Create my journal"), primary=True
        )
        self.create_button.setEnabled(False)
        self.create_button.clicked.connect(self._submit)
        row.addWidget(back)
        row.addStretch(1)
        row.addWidget(self.create_button)
        column.addLayout(row)
        return page

    def _validate(self) -> None:
        same = self.passphrase.text() == self.repeat.text()
        self.mismatch.setText(self.tr("The two passphrases are not the same yet."))
        self.mismatch.setVisible(bool(self.repeat.text()) and not same)
        self.create_button.setEnabled(self.meter.acceptable and same)

    def _submit(self) -> None:
        if not self.create_button.isEnabled():
            return
        self.create_button.setEnabled(False)
        self.create_button.setText(self.tr("Creating your journal…"))
        self.create_requested.emit(self.passphrase.text())

    def creation_failed(self, message: str) -> None:
        self.mismatch.setText(message)
        self.mismatch.show()
        self.create_button.setText(self.tr("Create my journal"))
        self._validate()

    # -- step 3 -----------------------------------------------------------------------------
    def _build_recovery(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        column.addWidget(label(self.tr("Your recovery key"), "pageTitle"))
        column.addWidget(
            label(
                self.tr(
                    "If you ever forget your passphrase, this key is the only way back into your "
                    "journal. It is shown only now. Print it or save it, and keep it somewhere "
                    "safe "
                    "and private."
                ),
                "subtitle",
            )
        )
        self.key_field = QLabel()
        self.key_field.setObjectName("recoveryKeyDisplay")
        self.key_field.setAccessibleName(self.tr("Recovery key"))
        self.key_field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.key_field)
        row = QHBoxLayout()
        save = button(self.tr("Save as PDF…"), self.tr("Save the recovery kit as a PDF"))
        save.clicked.connect(self._save_pdf)
        print_button = button(self.tr("Print…"), self.tr("Print the recovery kit"))
        print_button.clicked.connect(self._print_kit)
        row.addWidget(save)
        row.addWidget(print_button)
        row.addStretch(1)
        column.addLayout(row)
        self.saved_status = label("", "hint")
        self.saved_status.hide()
        column.addWidget(self.saved_status)
        self.country = QComboBox()
        self.country.setAccessibleName(self.tr("Your country, for helplines"))
        for country in COUNTRIES.values():
            self.country.addItem(country_name(country.code, country.name), country.code)
        suggested = suggested_country(QLocale.system().name())
        self.country.setCurrentIndex(max(0, self.country.findData(suggested)))
        country_row = QHBoxLayout()
        country_row.addWidget(
            label(self.tr("Your country, for the helplines in 'Need help now':"), "hint")
        )
        country_row.addWidget(self.country)
        column.addLayout(country_row)
        self.confirm = QCheckBox(self.tr("I have printed, saved or written down my recovery key"))
        self.confirm.setAccessibleName(self.tr("I have kept my recovery key"))
        column.addWidget(self.confirm)
        self.finish_button = button(
            self.tr("Open my journal"), self.tr("Open my journal"), primary=True
        )
        self.finish_button.setEnabled(False)
        self.confirm.toggled.connect(self.finish_button.setEnabled)
        self.finish_button.clicked.connect(self._finish)
        column.addWidget(self.finish_button)
        return page

    def show_recovery_key(self, recovery_key: str) -> None:
        self.recovery_key_text = recovery_key
        self.key_field.setText(split_for_display(recovery_key))
        self.passphrase.wipe()
        self.repeat.wipe()
        self._go(RECOVERY)

    @staticmethod
    def _created() -> str:
        return format_when(datetime.now().astimezone(), "long_date")

    def _save_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save your recovery kit"),
            str(Path.home() / "CareCompanion recovery kit.pdf"),
            self.tr("PDF files (*.pdf)"),
        )
        if path:
            self.save_kit_to(Path(path))

    def _print_kit(self) -> None:
        outcome = recovery_kit.print_kit(self, self.recovery_key_text, self._created())
        words = recovery_kit.printed_words(outcome)
        if words:  # said either way: a kit that did not print must never look printed
            self.saved_status.setText(words)
            self.saved_status.show()

    def save_kit_to(self, path: Path) -> None:
        recovery_kit.save_pdf(path, self.recovery_key_text, self._created())
        self.saved_status.setText(self.tr("Saved to {path}").format(path=path))
        self.saved_status.show()

    @property
    def chosen_country(self) -> str:
        return str(self.country.currentData())

    def _finish(self) -> None:
        self.recovery_key_text = ""
        self.key_field.clear()
        self.finished.emit()

    def _go(self, step: int) -> None:
        self.steps.setCurrentIndex(step)
        focus = {WELCOME: self.start_button, PASSPHRASE: self.passphrase, RECOVERY: self.confirm}[
            step
        ]
        focus.setFocus()
