"""A passphrase circle's passphrase: the organiser changes it (typed twice), or a member enters
the new one the organiser gave them.

Removing someone from a passphrase circle does not stop them reading while they still know
the passphrase, so after a removal the organiser is offered this (see members_dialog.py);
a member whose computer no longer opens the file is offered the other half (see page.py).
The dialog runs the change on the circle's work queue and closes when it is done; a
passphrase that does not open the file keeps it open, saying so, with what was typed kept.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from carecompanion.circle.service import CircleService
from carecompanion.circle.sync import SyncReport
from carecompanion.ui.circle.work import CircleWork, message_for
from carecompanion.ui.common.widgets import PassphraseField, label, save_cancel_buttons

MIN_PASSPHRASE = 8


class CirclePassphraseDialog(QDialog):
    def __init__(
        self,
        service: CircleService,
        work: CircleWork,
        circle_id: str,
        given: bool,
        parent: QWidget | None = None,
    ) -> None:
        """``given``: a member enters the passphrase the organiser changed to; otherwise the
        organiser changes it."""
        super().__init__(parent)
        self._service = service
        self._work = work
        self._circle_id = circle_id
        self._given = given
        #: What the sync after a passphrase entered found (``given`` only), once accepted.
        self.report: SyncReport | None = None
        self.setMinimumWidth(540)
        self.passphrase = PassphraseField(
            self.tr("New circle passphrase"),
            self.tr("The passphrase the organiser gave you")
            if given
            else self.tr("At least 8 characters"),
        )
        self.repeat = PassphraseField(
            self.tr("Repeat the new circle passphrase"), self.tr("Type it again")
        )
        self.repeat.setVisible(not given)
        self.error = label("", "error")
        self.error.hide()
        self.buttons = save_cancel_buttons(
            self,
            self._check,
            self.tr("Use this passphrase") if given else self.tr("Change the passphrase"),
        )
        self.save_button = self.buttons.buttons()[0]
        self._lay_out(service.circle(circle_id).name)

    def _lay_out(self, name: str) -> None:
        if self._given:
            title = self.tr("A new passphrase for “{name}”").format(name=name)
            about = self.tr(
                "When the circle's organiser changes its passphrase, this computer cannot open "
                "the circle file until you type the new one. Type the passphrase the organiser "
                "gave you; you only need to do this once."
            )
        else:
            title = self.tr("Change the passphrase of “{name}”").format(name=name)
            about = self.tr(
                "Someone who knows only the old passphrase cannot open what is written from now "
                "on; what they could already read stays with them. Give the new passphrase to "
                "each member who stays: they type it once, under Members."
            )
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(label(title, "pageTitle"))
        layout.addWidget(label(about, "subtitle"))
        layout.addWidget(self.passphrase)
        layout.addWidget(self.repeat)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def problem(self) -> str:
        text = self.passphrase.text()
        if not text:
            return self.tr("Type the circle passphrase.")
        if self._given:
            return ""
        if len(text) < MIN_PASSPHRASE:
            return self.tr("The circle passphrase needs at least 8 characters.")
        if text != self.repeat.text():
            return self.tr("The two passphrases are not the same.")
        return ""

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _check(self) -> None:
        problem = self.problem()
        self._show_error(problem)
        if problem:
            return
        service, circle_id, passphrase = self._service, self._circle_id, self.passphrase.text()
        given = self._given

        def job() -> SyncReport | None:
            if given:
                return service.use_passphrase(circle_id, passphrase)
            service.change_passphrase(circle_id, passphrase)
            return None

        def done(report: SyncReport | None) -> None:
            self.report = report
            self.passphrase.wipe()
            self.repeat.wipe()
            self.accept()

        def failed(exc: Exception) -> None:
            self.save_button.setEnabled(True)
            self._show_error(message_for(exc))

        self.save_button.setEnabled(False)
        self._show_error("")
        self._work.run(job, done, failed, owner=self)
