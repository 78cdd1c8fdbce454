"""Changing the passphrase from the app: the dialog, and the work on a worker thread.

Checking the current passphrase and protecting the new one each cost an Argon2id run (a
second or more at 256 MiB, the cost an older vault is raised to), and rotating the journal's
key re-encrypts every page, so the work never runs on the GUI thread: the dialog shows each
step while the worker goes through them. A rotation ends on the new recovery key, which the
dialog keeps on screen until the person says it is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from carecompanion.ui.app.settings_dialog import ChangePassphraseDialog
from carecompanion.ui.common import error_words
from carecompanion.ui.common.i18n import QT_TRANSLATE_NOOP
from carecompanion.ui.common.workers import Task, workers_for

if TYPE_CHECKING:
    from carecompanion.session import VaultSession
    from carecompanion.vault.device_keys import DeviceKeyStore
    from carecompanion.vault.rotation import Rotated

T = TypeVar("T")

translate = QCoreApplication.translate  # lupdate reads translate("Context", "...")

#: What the dialog says at each step of a plain change (the worker reports the step's index).
CHANGE_STEPS = (
    QT_TRANSLATE_NOOP("PassphraseChange", "Checking your current passphrase…"),
    QT_TRANSLATE_NOOP("PassphraseChange", "Protecting your journal with the new passphrase…"),
)
#: The steps of a rotation: checking, then vault/rotation.py's steps (STEPS), then done.
ROTATE_STEPS = (
    QT_TRANSLATE_NOOP("PassphraseChange", "Checking your current passphrase…"),
    QT_TRANSLATE_NOOP("PassphraseChange", "Protecting your journal with the new passphrase…"),
    QT_TRANSLATE_NOOP("PassphraseChange", "Re-encrypting your journal with its new key…"),
    QT_TRANSLATE_NOOP("PassphraseChange", "Saving the new key…"),
    QT_TRANSLATE_NOOP("PassphraseChange", "Making a fresh backup and removing the old ones…"),
    QT_TRANSLATE_NOOP("PassphraseChange", "Done."),
)


def _steps(texts: tuple[str, ...]) -> tuple[str, ...]:
    # Marked for lupdate where they are listed, translated here, once the language is known.
    return tuple(translate("PassphraseChange", text) for text in texts)


class PassphraseChange:
    """One run of the dialog on ``session``'s vault; ``run`` returns once it is closed."""

    def __init__(
        self,
        session: VaultSession,
        parent: QWidget | None,
        store: Callable[[], DeviceKeyStore] | None = None,
        hold_idle_lock: Callable[[bool], None] | None = None,
    ) -> None:
        """``store``: this computer's keyring, to remember the vault again after a rotation
        when it was remembered before. ``hold_idle_lock(True)`` keeps the idle lock from
        locking while the key changes and while a new recovery key is on screen (locking
        then would drop the new key unseen); ``hold_idle_lock(False)`` lets it again."""
        self.session = session
        self.parent = parent
        self.store = store
        self._hold_idle_lock = hold_idle_lock
        self._holding = False
        self.dialog = ChangePassphraseDialog(parent)
        self.dialog.submitted.connect(self._start)
        self.changed = False
        self.rotated = False

    def run(self) -> bool:
        """Show the dialog; True when the passphrase was changed."""
        try:
            self.dialog.exec()
        finally:
            self._hold(False)
        if self.changed and not self.rotated:  # a rotation said it all on its key page
            QMessageBox.information(
                self.parent,
                translate("PassphraseChange", "Passphrase changed"),
                translate(
                    "PassphraseChange",
                    "Your passphrase has been changed. Your recovery key still works.",
                ),
            )
        return self.changed

    def _start(self) -> None:
        if self.dialog.rotating:
            self._start_rotation()
            return
        dialog = self.dialog
        unlocked = self.session.unlocked
        current, new = dialog.current.text(), dialog.new.text()
        steps = _steps(CHANGE_STEPS)
        dialog.set_busy(steps[0])

        def work(task: Task) -> bool:
            task.progress(0, len(steps))
            if not unlocked.check_passphrase(current):
                return False
            task.progress(1, len(steps))
            unlocked.change_passphrase(new)
            return True

        self._launch(work, steps, self._done)

    def _start_rotation(self) -> None:
        dialog = self.dialog
        unlocked = self.session.unlocked
        current, new = dialog.current.text(), dialog.new.text()
        steps = _steps(ROTATE_STEPS)
        store = self.store() if self.store is not None else None
        dialog.set_busy(steps[0])

        def work(task: Task) -> Rotated | None:
            task.progress(0, len(steps) - 1)
            if not unlocked.check_passphrase(current):
                return None
            return unlocked.rotate_keys(
                new,
                store=store,
                progress=lambda step, total: task.progress(step + 1, total + 1),
            )

        self._launch(work, steps, self._rotated)

    def _rotated(self, rotated: Rotated | None) -> None:
        if rotated is None:
            self._done(False)
            return
        self.changed = self.rotated = True
        notes = [error_words.say(rotated.notice)] if rotated.notice is not None else []
        if rotated.was_remembered and self.store is not None:
            try:  # its key wrapped the old data key: remembered again, with a new one
                self.session.unlocked.remember_on_this_computer(self.store())
            except Exception as exc:
                notes.append(error_words.message(exc))
        self.dialog.show_new_recovery_key(rotated.recovery_key, " ".join(notes))

    def _launch(
        self,
        work: Callable[[Task], T],
        steps: tuple[str, ...],
        done: Callable[[T], None],
    ) -> None:
        dialog = self.dialog
        self._hold(True)

        def progressed(step: int, total: int) -> None:
            dialog.set_step(steps[min(step, len(steps) - 1)], step, total)

        def failed(exc: Exception) -> None:
            self._hold(False)
            dialog.show_error(error_words.message(exc))

        workers_for(self.session).start(work, done, failed, owner=dialog, on_progress=progressed)

    def _hold(self, hold: bool) -> None:
        if hold != self._holding and self._hold_idle_lock is not None:
            self._hold_idle_lock(hold)
        self._holding = hold

    def close_when_locked(self) -> None:
        """The vault locked (by hand, from the tray) while the form waited: it goes too."""
        if not self._holding:
            self.dialog.done(ChangePassphraseDialog.DialogCode.Rejected)

    def _done(self, changed: bool) -> None:
        if not changed:
            self._hold(False)
            self.dialog.show_error(
                translate("PassphraseChange", "The current passphrase is not right.")
            )
            return
        self.changed = True
        self.dialog.wipe()
        self.dialog.accept()
