"""Settings: appearance, auto-lock, "remember on this computer" and the passphrase."""

from __future__ import annotations

import sys
from datetime import time

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QProgressBar,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from carecompanion.errors import Notice
from carecompanion.ui.app.recovery_kit import NewRecoveryKeyPage
from carecompanion.ui.app.settings import MAX_IDLE_MINUTES, MIN_IDLE_MINUTES
from carecompanion.ui.common import error_words
from carecompanion.ui.common.i18n import LANGUAGES, SYSTEM, date_pattern
from carecompanion.ui.common.screen_fit import scrolling
from carecompanion.ui.common.widgets import PassphraseField, StrengthMeter, button, label


class SettingsDialog(QDialog):
    def __init__(
        self,
        theme_name: str,
        idle_minutes: int,
        remembered: bool,
        keyring_problem: Notice | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(520)
        self._initial_language = SYSTEM
        body = QVBoxLayout()  # scrolls on a small screen; the buttons stay below it
        body.setSpacing(16)
        body.addWidget(self._build_appearance(theme_name))
        body.addWidget(self._build_security(idle_minutes, remembered, keyring_problem))
        body.addWidget(self._build_reminders())
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(body), 1)
        layout.addWidget(self._build_buttons())

    # -- building ---------------------------------------------------------------------------
    def _build_appearance(self, theme_name: str) -> QGroupBox:
        """Theme and language."""
        appearance = QGroupBox(self.tr("Appearance"))
        form = QFormLayout(appearance)
        self.theme = QComboBox()
        self.theme.setAccessibleName(self.tr("Theme"))
        for value, text in (
            ("system", self.tr("Follow the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.theme.addItem(text, value)
        self.theme.setCurrentIndex(max(0, self.theme.findData(theme_name)))
        form.addRow(self.tr("Theme"), self.theme)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("Follow the system"), SYSTEM)
        for code, name in LANGUAGES.items():  # each in its own language, found by its speakers
            self.language.addItem(name, code)
        form.addRow(self.tr("Language"), self.language)
        self.language_note = label(
            self.tr("A new language shows the next time you open CareCompanion."), "hint"
        )
        self.language_note.hide()
        self.language.currentIndexChanged.connect(self._language_changed)
        form.addRow(self.language_note)
        return appearance

    def _build_security(
        self, idle_minutes: int, remembered: bool, keyring_problem: Notice | None
    ) -> QGroupBox:
        """Auto-lock, "remember on this computer" and the passphrase."""
        security = QGroupBox(self.tr("Privacy and security"))
        column = QVBoxLayout(security)
        form = QFormLayout()
        self.idle = QSpinBox()
        self.idle.setRange(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES)
        self.idle.setValue(idle_minutes)
        self.idle.setSuffix(self.tr(" minutes"))
        self.idle.setAccessibleName(self.tr("Lock after this many idle minutes"))
        form.addRow(self.tr("Lock when idle for"), self.idle)
        column.addLayout(form)
        self.remember = QCheckBox(self.tr("Remember on this computer (open without a passphrase)"))
        self.remember.setAccessibleName(self.tr("Remember on this computer"))
        self.remember.setChecked(remembered)
        column.addWidget(self.remember)
        if keyring_problem and not remembered:
            self.remember.setEnabled(False)
            column.addWidget(label(error_words.say(keyring_problem), "hint"))
        else:
            column.addWidget(
                label(
                    self.tr(
                        "Keeps a key in your system's keyring. Anyone who can log in to this "
                        "computer "
                        "as you could then open your journal."
                    ),
                    "hint",
                )
            )
        self.change_passphrase_button = button(
            self.tr("Change passphrase…"), self.tr("Change passphrase")
        )
        column.addWidget(self.change_passphrase_button)
        return security

    def _build_reminders(self) -> QGroupBox:
        """The daily check-in, group meetings, and starting at login."""
        reminders = QGroupBox(self.tr("Reminders"))
        reminder_column = QVBoxLayout(reminders)
        reminder_row = QHBoxLayout()
        self.reminder = QCheckBox(self.tr("Remind me to check in each day at"))
        self.reminder.setAccessibleName(self.tr("Daily check-in reminder"))
        self.reminder_at = QTimeEdit()
        self.reminder_at.setDisplayFormat(date_pattern("time"))
        self.reminder_at.setAccessibleName(self.tr("Reminder time"))
        reminder_row.addWidget(self.reminder)
        reminder_row.addWidget(self.reminder_at)
        reminder_row.addStretch(1)
        reminder_column.addLayout(reminder_row)
        reminder_column.addLayout(self._build_meeting_row())
        reminder_column.addLayout(self._build_help_row())
        self.start_at_login = QCheckBox(self.tr("Start CareCompanion in the tray when I log in"))
        self.start_at_login.setAccessibleName(self.tr("Start at login"))
        reminder_column.addWidget(self.start_at_login)
        self.reminder_note = label("", "hint")
        self.reminder_note.hide()
        reminder_column.addWidget(self.reminder_note)
        return reminders

    def _build_meeting_row(self) -> QHBoxLayout:
        meeting_row = QHBoxLayout()
        meeting_row.addWidget(label(self.tr("Remind me before group meetings"), wrap=False))
        self.meeting_lead = QSpinBox()
        self.meeting_lead.setRange(0, 24 * 60)
        self.meeting_lead.setSingleStep(15)
        self.meeting_lead.setSpecialValueText(self.tr("never"))
        self.meeting_lead.setSuffix(self.tr(" minutes before"))
        self.meeting_lead.setAccessibleName(self.tr("Meeting reminder, minutes before"))
        meeting_row.addWidget(self.meeting_lead)
        meeting_row.addStretch(1)
        return meeting_row

    def _build_help_row(self) -> QHBoxLayout:
        """Before a slot this person promised to cover in a circle's help calendar."""
        help_row = QHBoxLayout()
        help_row.addWidget(label(self.tr("Remind me before help I promised"), wrap=False))
        self.help_lead = QSpinBox()
        self.help_lead.setRange(0, 24 * 60)
        self.help_lead.setSingleStep(15)
        self.help_lead.setSpecialValueText(self.tr("never"))
        self.help_lead.setSuffix(self.tr(" minutes before"))
        self.help_lead.setAccessibleName(self.tr("Reminder before help I promised, minutes before"))
        help_row.addWidget(self.help_lead)
        help_row.addStretch(1)
        return help_row

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        for which, name in (
            (QDialogButtonBox.StandardButton.Ok, self.tr("Save settings")),
            (QDialogButtonBox.StandardButton.Cancel, self.tr("Cancel")),
        ):
            buttons.button(which).setAccessibleName(name)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    def set_language(self, setting: str) -> None:
        self._initial_language = setting
        self.language.setCurrentIndex(max(0, self.language.findData(setting)))
        self.language_note.hide()

    def _language_changed(self) -> None:
        self.language_note.setVisible(self.chosen_language != self._initial_language)

    @property
    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def set_reminders(
        self,
        enabled: bool,
        at: time,
        start_at_login: bool,
        problem: str | None,
        meeting_lead_minutes: int = 60,
        help_lead_minutes: int = 60,
    ) -> None:
        self.meeting_lead.setValue(meeting_lead_minutes)
        self.help_lead.setValue(help_lead_minutes)
        self.reminder.setChecked(enabled)
        self.reminder_at.setTime(QTime(at.hour, at.minute))
        self.start_at_login.setChecked(start_at_login)
        self.start_at_login.setEnabled(sys.platform.startswith("linux"))
        if problem:
            self.reminder_note.setText(problem)
            self.reminder_note.show()

    def reminder_time(self) -> time:
        chosen = self.reminder_at.time()
        return time(chosen.hour(), chosen.minute())

    @property
    def chosen_theme(self) -> str:
        return str(self.theme.currentData())


class ChangePassphraseDialog(QDialog):
    """The current passphrase, the new one twice. Submitting hands the work to a worker
    (``ui/app/passphrase_change.py``): the dialog shows its progress and stays open, its
    fields locked, until the change is done or refused."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change passphrase"))
        self.setMinimumWidth(480)
        self._busy = False
        # Two pages, one shown at a time. Not a QStackedWidget: its layout ignores the height
        # word-wrapped labels need for their width, and the dialog then clips them.
        self.form = self._build_form()
        self.key_page = NewRecoveryKeyPage()
        self.key_page.done.connect(self.accept)
        self.key_page.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.key_page)

    def _build_form(self) -> QWidget:
        """The fields, scrolling on a short screen; progress, errors and the buttons always
        in sight below them."""
        form = QWidget()
        outer = QVBoxLayout(form)
        outer.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout()
        outer.addWidget(scrolling(layout), 1)
        self.subtitle = label("", "subtitle")
        layout.addWidget(self.subtitle)
        self.current = PassphraseField(self.tr("Current passphrase"), self.tr("Current passphrase"))
        self.new = PassphraseField(self.tr("New passphrase"), self.tr("New passphrase"))
        self.repeat = PassphraseField(
            self.tr("Repeat the new passphrase"), self.tr("Repeat the new passphrase")
        )
        self.meter = StrengthMeter()
        self.new.textChanged.connect(self.meter.update_for)
        for widget in (self.current, self.new, self.meter, self.repeat):
            layout.addWidget(widget)
        layout.addWidget(self._build_rotate())
        # What is being done, and what went wrong, stay in sight with the buttons.
        outer.addWidget(self._build_progress())
        self.error = label("", "error")
        self.error.hide()
        outer.addWidget(self.error)
        outer.addWidget(self._build_buttons())
        self._say_what_changes(False)
        self.rotate.toggled.connect(self._say_what_changes)
        return form

    def _say_what_changes(self, rotating: bool) -> None:
        if rotating:
            self.subtitle.setText(
                self.tr(
                    "Your journal gets a new key and you get a new recovery key: the old "
                    "passphrase and the old recovery key stop working."
                )
            )
        else:
            self.subtitle.setText(
                self.tr(
                    "Your journal stays as it is; only the lock changes. Your recovery key keeps "
                    "working."
                )
            )

    def _build_rotate(self) -> QWidget:
        """The stronger change: a new key for the journal and a new recovery key."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 8, 0, 0)
        self.rotate = QCheckBox(self.tr("Also give my journal a new key and a new recovery key"))
        self.rotate.setAccessibleName(self.tr("Also replace the journal's key and recovery key"))
        column.addWidget(self.rotate)
        column.addWidget(
            label(
                self.tr(
                    "For when someone may know your old passphrase or has seen your recovery "
                    "key. Your journal is re-encrypted (this can take a minute) and you get a "
                    "new recovery key to print or save; your backups are made again."
                ),
                "hint",
            )
        )
        return box

    def _build_progress(self) -> QWidget:
        """A bar and a line saying what is being done, shown while the worker runs."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Progress of the passphrase change"))
        self.status = label("", "hint")
        column.addWidget(self.status)
        column.addWidget(self.progress)
        self.progress_box = box
        box.hide()
        return box

    def _build_buttons(self) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Change passphrase"))
        ok.setAccessibleName(self.tr("Change passphrase"))
        # The default, drawn as such and pressed by Enter: the key page's hidden Done button
        # would otherwise hold the dialog's default while the form is shown.
        ok.setObjectName("primary")
        ok.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(
            self.tr("Cancel")
        )
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        return self.buttons

    @property
    def rotating(self) -> bool:
        return self.rotate.isChecked()

    @property
    def on_key_page(self) -> bool:
        return self.key_page.isVisibleTo(self)

    def show_new_recovery_key(self, recovery_key: str, note: str = "") -> None:
        """After a rotation: the new key, shown once, until the person says it is kept."""
        self._busy = False
        self.wipe()
        self.form.hide()
        self.key_page.show()
        self.key_page.done_button.setDefault(True)
        self.key_page.show_key(recovery_key, note)
        self.adjustSize()

    def _check(self) -> None:
        if self._busy:
            return
        if not self.current.text():
            self.show_error(self.tr("Please type your current passphrase."))
        elif not self.meter.acceptable:
            self.show_error(self.tr("Please choose a stronger new passphrase."))
        elif self.new.text() != self.repeat.text():
            self.show_error(self.tr("The two new passphrases are not the same."))
        else:
            self.submitted.emit()

    # -- while the worker runs --------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._busy

    def set_busy(self, text: str) -> None:
        """Lock the form and show ``text`` over a moving bar until done or refused."""
        self._busy = True
        self.error.hide()
        for widget in (self.current, self.new, self.repeat, self.rotate, self.buttons):
            widget.setEnabled(False)
        self.status.setText(text)
        self.progress.setRange(0, 0)
        self.progress_box.show()
        self.adjustSize()

    def set_step(self, text: str, done: int, total: int) -> None:
        self.status.setText(text)
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setAccessibleDescription(text)

    def show_error(self, message: str) -> None:
        self._busy = False
        for widget in (self.current, self.new, self.repeat, self.rotate, self.buttons):
            widget.setEnabled(True)
        self.progress_box.hide()
        self.error.setText(message)
        self.error.show()

    def wipe(self) -> None:
        for field in (self.current, self.new, self.repeat):
            field.wipe()

    def reject(self) -> None:
        # Escape or closing the window while the key is being changed would leave the person
        # not knowing whether it was: the dialog stays until the worker says. A new recovery
        # key, shown only once, stays until the person says it is kept.
        if not self._busy and not self.on_key_page:
            super().reject()
