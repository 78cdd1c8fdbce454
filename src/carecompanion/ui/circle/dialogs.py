"""Starting a circle, joining one, and the person's own member card."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from carecompanion.atomic import atomic_write_bytes
from carecompanion.circle.agefile import check_age_header
from carecompanion.circle.errors import CircleError
from carecompanion.circle.files import read_circle_file
from carecompanion.circle.identity_service import DEFAULT_MEMBER_NAME
from carecompanion.circle.service import CircleService
from carecompanion.clock import Clock
from carecompanion.ui.circle.work import CircleWork, message_for
from carecompanion.ui.common import error_words
from carecompanion.ui.common.discard import close_or_ask
from carecompanion.ui.common.screen_fit import refit, scrolling
from carecompanion.ui.common.widgets import PassphraseField, button, label, save_cancel_buttons

CIRCLE_SUFFIX = ".carecircle"
CARD_SUFFIX = ".carecard"
MIN_PASSPHRASE = 8


def grouped(text: str, size: int = 4) -> str:
    return " ".join(text[i : i + size] for i in range(0, len(text), size))


def _line(accessible: str, placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setAccessibleName(accessible)
    field.setPlaceholderText(placeholder)
    field.setMinimumHeight(44)
    return field


class StartCircleDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Start a circle"))
        self.setMinimumWidth(560)
        self.name = _line(self.tr("Circle name"), self.tr("e.g. Tuesday carers"))
        file_row = self._build_file_row()
        self._build_mode_choice()
        self.passphrase_box = self._build_passphrase_box()
        self.error = label("", "error")
        self.error.hide()
        self.buttons = save_cancel_buttons(self, self._check, self.tr("Start the circle"))
        outer = QVBoxLayout(self)
        outer.addWidget(scrolling(self._build_body(file_row)), 1)
        outer.addWidget(self.error)
        outer.addWidget(self.buttons)
        self._mode_changed()

    # -- building ---------------------------------------------------------------------------
    def _build_file_row(self) -> QHBoxLayout:
        self.file = _line(self.tr("Circle file"), self.tr("Choose where to keep the file"))
        self.file.setReadOnly(True)
        choose = button(self.tr("Choose…"), self.tr("Choose where to save the circle file"))
        choose.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(choose)
        return file_row

    def _build_mode_choice(self) -> None:
        """Member cards (recommended) or a shared passphrase."""
        self.keys = QRadioButton(self.tr("Member cards (recommended)"))
        self.keys.setAccessibleName(self.tr("Member cards (recommended)"))
        self.keys.setChecked(True)
        self.with_passphrase = QRadioButton(self.tr("A shared passphrase"))
        self.with_passphrase.setAccessibleName(self.tr("A shared passphrase"))
        self.mode = QButtonGroup(self)
        self.mode.addButton(self.keys)
        self.mode.addButton(self.with_passphrase)
        self.mode.buttonToggled.connect(lambda *_a: self._mode_changed())

    def _build_passphrase_box(self) -> QWidget:
        """What a shared passphrase gives away, and the passphrase typed twice."""
        self.passphrase = PassphraseField(
            self.tr("Circle passphrase"), self.tr("At least 8 characters")
        )
        self.repeat = PassphraseField(
            self.tr("Repeat the circle passphrase"), self.tr("Type it again")
        )
        passphrase_box = QWidget()
        box = QVBoxLayout(passphrase_box)
        box.setContentsMargins(24, 0, 0, 0)
        box.addWidget(
            label(
                self.tr(
                    "Simpler to set up, but it trades away control: anyone who has the passphrase "
                    "can "
                    "read everything in the circle and join it, and removing someone does not stop "
                    "them reading while they still know it."
                ),
                "notice",
            )
        )
        box.addWidget(self.passphrase)
        box.addWidget(self.repeat)
        return passphrase_box

    def _build_body(self, file_row: QHBoxLayout) -> QVBoxLayout:
        """The name, where the file goes and who can open it (scrolls on a small screen; the
        buttons stay below it)."""
        layout = QVBoxLayout()
        layout.setSpacing(10)
        layout.addWidget(label(self.tr("Start a circle"), "pageTitle"))
        layout.addWidget(
            label(
                self.tr(
                    "The circle lives in one encrypted file. Save it in a folder the others can "
                    "reach "
                    "too: a shared Dropbox, Nextcloud or Syncthing folder, or a USB stick you pass "
                    "around."
                ),
                "subtitle",
            )
        )
        layout.addWidget(label(self.tr("Name"), "sectionTitle", wrap=False))
        layout.addWidget(self.name)
        layout.addWidget(
            label(self.tr("Where to keep the circle file"), "sectionTitle", wrap=False)
        )
        layout.addLayout(file_row)
        layout.addWidget(label(self.tr("Who can open it"), "sectionTitle", wrap=False))
        layout.addWidget(self.keys)
        keys_hint = label(
            self.tr(
                "Only the people you add, from the member card each sends you, can read it. "
                "You can remove someone later."
            ),
            "hint",
        )
        keys_hint.setContentsMargins(24, 0, 0, 0)
        layout.addWidget(keys_hint)
        layout.addWidget(self.with_passphrase)
        layout.addWidget(self.passphrase_box)
        layout.addStretch(1)
        return layout

    def _mode_changed(self) -> None:
        self.passphrase_box.setVisible(self.with_passphrase.isChecked())
        refit(self)

    def choose_file(self) -> None:
        name = self.name.text().strip() or self.tr("My circle")
        suggested = self.file.text() or str(Path.home() / f"{name}{CIRCLE_SUFFIX}")
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the circle file"), suggested, self.tr("Circle files (*.carecircle)")
        )
        if chosen:
            path = Path(chosen)
            if path.suffix != CIRCLE_SUFFIX:
                path = path.with_name(path.name + CIRCLE_SUFFIX)
            self.file.setText(str(path))

    def chosen_path(self) -> Path | None:
        return Path(self.file.text()) if self.file.text() else None

    def chosen_passphrase(self) -> str | None:
        return self.passphrase.text() if self.with_passphrase.isChecked() else None

    def problem(self) -> str:
        path = self.chosen_path()
        if not self.name.text().strip():
            return self.tr("Give the circle a name.")
        if path is None:
            return self.tr("Choose where to keep the circle file.")
        if path.exists():
            return self.tr("{file} already exists; choose another name.").format(file=path.name)
        if self.with_passphrase.isChecked():
            if len(self.passphrase.text()) < MIN_PASSPHRASE:
                return self.tr("The circle passphrase needs at least 8 characters.")
            if self.passphrase.text() != self.repeat.text():
                return self.tr("The two passphrases are not the same.")
        return ""

    def _check(self) -> None:
        problem = self.problem()
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        if not problem:
            self.accept()


class JoinCircleDialog(QDialog):
    """Choose a ``.carecircle`` file; the passphrase is asked only when the file needs one."""

    def __init__(self, path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Join a circle"))
        self.setMinimumWidth(540)
        self.kind: str | None = None
        self.file = _line(self.tr("Circle file"), self.tr("Choose the .carecircle file"))
        self.file.setReadOnly(True)
        choose = button(self.tr("Choose…"), self.tr("Choose the circle file"))
        choose.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(choose)
        self.about = label("", "hint")
        self.about.hide()
        self.passphrase = PassphraseField(
            self.tr("Circle passphrase"), self.tr("The passphrase the organiser gave you")
        )
        self.passphrase.hide()
        self.error = label("", "error")
        self.error.hide()
        self.buttons = save_cancel_buttons(self, self._check, self.tr("Join"))
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(label(self.tr("Join a circle"), "pageTitle"))
        layout.addWidget(
            label(
                self.tr(
                    "Choose the circle file someone shared with you, in your shared folder or on "
                    "the "
                    "USB stick."
                ),
                "subtitle",
            )
        )
        layout.addLayout(file_row)
        layout.addWidget(self.about)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        if path is not None:
            self.use_file(path)

    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the circle file"),
            self.file.text() or str(Path.home()),
            self.tr("Circle files (*.carecircle);;All files (*)"),
        )
        if chosen:
            self.use_file(Path(chosen))

    def use_file(self, path: Path) -> None:
        self.file.setText(str(path))
        self.kind = None
        self.error.hide()
        try:
            self.kind = check_age_header(read_circle_file(path)).kind
        except CircleError as exc:
            self._show_error(error_words.message(exc))
        except OSError:
            self._show_error(self.tr("That file cannot be read right now."))
        needs = self.kind == "scrypt"
        self.passphrase.setVisible(needs)
        if self.kind is None:
            self.about.hide()
        else:
            self.about.setText(
                self.tr(
                    "This circle is protected by a passphrase. Type the one the organiser gave you."
                )
                if needs
                else self.tr(
                    "This circle opens with member cards: you can join once the organiser has "
                    "added yours."
                )
            )
            self.about.show()
        if needs:
            self.passphrase.setFocus()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def chosen_path(self) -> Path | None:
        return Path(self.file.text()) if self.file.text() else None

    def chosen_passphrase(self) -> str | None:
        return self.passphrase.text() if self.kind == "scrypt" else None

    def _check(self) -> None:
        if self.kind is None:
            self._show_error(
                self.error.text()
                if self.error.isVisible() and self.file.text()
                else self.tr("Choose a circle file first.")
            )
            return
        if self.kind == "scrypt" and not self.passphrase.text():
            self._show_error(self.tr("Type the circle passphrase."))
            return
        self.accept()


class MemberCardDialog(QDialog):
    """The person's name, fingerprint and safety number; save the card to send it.

    A name is kept by Save name only: it goes to every circle at the next sync, so closing
    does not send it on its own; closing with a name typed and not saved asks first."""

    def __init__(
        self,
        service: CircleService,
        work: CircleWork,
        clock: Clock,
        renamed: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._work = work
        self._clock = clock
        self._renamed = renamed
        self._saving_name = ""  # a name handed to Save name, not stored yet
        self.setWindowTitle(self.tr("My member card"))
        self.setMinimumWidth(600)
        name_row = self._build_name_row()
        self.safety = label("", "safetyNumber")
        self.safety.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.safety.setAccessibleName(self.tr("Your safety number"))
        self.fingerprint = label("", "hint")
        self.status = label("", "hint")
        actions = self._build_actions()
        self._lay_out(name_row, actions)
        self._show_card()

    # -- building ---------------------------------------------------------------------------
    def _build_name_row(self) -> QHBoxLayout:
        """The person's name in circles, and Save name once it changed."""
        self.name = _line(self.tr("Your name in circles"), self.tr("Your first name, say"))
        # The core's stand-in name (English, for no one in particular) is an empty field
        # here, asking for theirs.
        stored = self._service.identity().name
        self.name.setText("" if stored == DEFAULT_MEMBER_NAME else stored)
        self.save_name_button = button(self.tr("Save name"), self.tr("Save your name"))
        self.save_name_button.setEnabled(False)
        self.name.textChanged.connect(lambda _t: self._name_edited())
        self.save_name_button.clicked.connect(self.save_name)
        name_row = QHBoxLayout()
        name_row.addWidget(self.name, 1)
        name_row.addWidget(self.save_name_button)
        return name_row

    def _build_actions(self) -> QHBoxLayout:
        """Save my secret key (for experts) on the left; Close and Save card on the right."""
        self.save_button = button(
            self.tr("Save card…"), self.tr("Save your member card to a file"), primary=True
        )
        self.save_button.clicked.connect(self.save_card)
        self.export_key_button = button(
            self.tr("Save my secret key (for experts)…"),
            self.tr("Save your secret key to a file"),
            link=True,
        )
        self.export_key_button.setToolTip(
            self.tr(
                "Saves your age key (an age identity file), to open circle files with the "
                "standard age tool. You do not need it to use circles in CareCompanion."
            )
        )
        self.export_key_button.clicked.connect(self.export_key)
        close = button(self.tr("Close"), self.tr("Close"))
        close.clicked.connect(self.reject)  # Close keeps nothing: a typed name asks first
        actions = QHBoxLayout()
        actions.addWidget(self.export_key_button)
        actions.addStretch(1)
        actions.addWidget(close)
        actions.addWidget(self.save_button)
        return actions

    def _lay_out(self, name_row: QHBoxLayout, actions: QHBoxLayout) -> None:
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(label(self.tr("My member card"), "pageTitle"))
        layout.addWidget(
            label(
                self.tr(
                    "Send your card to the person who organises a circle, so they can add you. It "
                    "holds no secret: only your name and your public keys."
                ),
                "subtitle",
            )
        )
        layout.addWidget(
            label(self.tr("Your name, as the circle sees it"), "sectionTitle", wrap=False)
        )
        layout.addLayout(name_row)
        layout.addWidget(label(self.tr("Safety number"), "sectionTitle", wrap=False))
        layout.addWidget(self.safety)
        layout.addWidget(
            label(
                self.tr(
                    "Read these digits to each other by phone or in person. If they match what the "
                    "organiser sees for your card, the card really came from you."
                ),
                "hint",
            )
        )
        layout.addWidget(self.fingerprint)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addLayout(actions)

    def _show_card(self) -> None:
        card = self._service.card()
        self.safety.setText(card.safety_number)
        self.fingerprint.setText(
            self.tr("Card code: {fingerprint}").format(fingerprint=grouped(card.fingerprint))
        )
        self.fingerprint.setToolTip(
            self.tr("Your key's fingerprint: a short code that belongs to your card alone.")
        )

    def _name_differs(self) -> bool:
        """The name typed is not the one stored (typed and not saved, or saving)."""
        return self.name.text().strip() not in ("", self._service.identity().name)

    def _name_edited(self) -> None:
        """Save name once the name changed; Save card only while the card carries the name
        shown (a card saved meanwhile would carry the old one)."""
        differs = self._name_differs()
        self.save_name_button.setEnabled(differs and not self._saving_name)
        self.save_button.setEnabled(not differs)
        if differs:
            self.status.setText(self.tr("Save your name first: your card carries it."))
        elif not self._saving_name:
            self.status.clear()

    def name_not_saved(self) -> bool:
        """A name typed that Save name would store, and has not been handed to it."""
        typed = self.name.text().strip()
        return typed not in ("", self._saving_name, self._service.identity().name)

    def reject(self) -> None:
        # Close, Escape and the window's close button: a name typed and not saved is only
        # thrown away when the person says so.
        close_or_ask(self, self.name_not_saved())

    def save_name(self) -> None:
        name = self.name.text()
        self._saving_name = name.strip()  # closing meanwhile loses nothing
        self.save_name_button.setEnabled(False)  # once

        def done(_result: object) -> None:
            self._saving_name = ""
            self._show_card()
            self._name_edited()
            self.status.setText(self.tr("Saved. Your circles hear of it at their next sync."))
            if self._renamed is not None:
                self._renamed()

        def failed(exc: Exception) -> None:
            self._saving_name = ""
            self._name_edited()
            self.status.setText(message_for(exc))

        service = self._service
        self._work.run(lambda: service.set_name(name), done, failed, owner=self)

    def save_card(self) -> None:
        card = self._service.card()
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save your member card"),
            str(Path.home() / f"{card.name}{CARD_SUFFIX}"),
            self.tr("Member cards (*.carecard)"),
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix != CARD_SUFFIX:
            path = path.with_name(path.name + CARD_SUFFIX)
        try:
            atomic_write_bytes(path, card.to_bytes(), mode=0o644)
        except OSError as exc:
            self.status.setText(
                self.tr("The card could not be saved there ({reason}).").format(
                    reason=exc.strerror or type(exc).__name__
                )
            )
            return
        self.status.setText(
            self.tr("Saved to {path}. Send it to the circle's organiser.").format(path=path)
        )

    def export_key(self) -> None:
        if (
            QMessageBox.warning(
                self,
                self.tr("Save your secret key?"),
                self.tr(
                    "This file is your secret key. Anyone who has it can read every circle "
                    "you are in, and it cannot be taken back. Export it only to open circle "
                    "files with the standard age tool, and keep it somewhere only you can "
                    "reach."
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save your secret key"), str(Path.home() / "carecompanion-age-key.txt")
        )
        if not chosen:
            return
        identity = self._service.identity()
        text = identity.age_identity_file(self._clock.now())
        try:
            atomic_write_bytes(Path(chosen), text.encode("ascii"), mode=0o600)
        except OSError as exc:
            self.status.setText(
                self.tr("The key could not be saved there ({reason}).").format(
                    reason=exc.strerror or type(exc).__name__
                )
            )
            return
        self.status.setText(self.tr("Your secret key was saved to {path}.").format(path=chosen))
