"""The check-in from anywhere: Ctrl+K on every page, the Mood page's buttons, the tray; and
what becomes of an open check-in when the journal locks.

One dialog at a time: asking again brings the open one forward. It opens window-modal with
``open()``, not ``exec()``: no nested event loop, so a lock can close it and carry on, and a
page never resumes after its vault is gone.

Locking with the check-in open (the safe design, chosen on purpose):

- **A mood was chosen**: the check-in is saved then and there. The mood is the person's
  answer (everything else is optional), so it is kept like a journal draft, which is saved
  when the app locks. After unlocking, the app says so and offers to open it again.
- **No mood yet**: there is no check-in to save (the mood is the one required answer), and
  what was typed is not kept anywhere: not in memory, since a lock drops every decrypted
  object, and never on disk in the clear. The vault has no store for unfinished check-ins
  (the journal keeps its drafts as ordinary, encrypted entries; a check-in without a mood is
  not a record), so after unlocking the app says plainly that it was not saved and offers to
  start again, instead of losing it silently.

All the controller keeps across the lock is which of these happened and the saved
check-in's row number: nothing the person wrote.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from carecompanion.mood.records import CheckIn
from carecompanion.session import VaultSession
from carecompanion.ui.mood.checkin_dialog import CheckInDialog

CHECKIN_KEYS = "Ctrl+K"
RECENT_ENTRIES = 20


class LockOutcome(Enum):
    NOTHING_OPEN = "nothing"  # no check-in open, or opened and left untouched
    SAVED = "saved"
    NOT_SAVED = "not saved"  # answers, but no mood: nothing could be saved


@dataclass(frozen=True)
class ClosedForLock:
    outcome: LockOutcome
    checkin_id: int | None = None  # the saved check-in's row, to offer it again


class CheckInFlow(QObject):
    saved = Signal(object, bool)  # the CheckIn; True when an existing one was corrected

    def __init__(self, session: VaultSession, parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session
        self._parent = parent
        self._locking = False
        self.dialog: CheckInDialog | None = None

    def open(self, existing: CheckIn | None = None) -> CheckInDialog:
        """Open a check-in (or the correction of ``existing``); the one already open, if any."""
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        dialog = CheckInDialog(
            self._session.mood,
            existing,
            parent=self._parent,
            now=self._session.clock.now(),
            recent_entries=self._session.journal.list_summaries(limit=RECENT_ENTRIES),
        )
        dialog.finished.connect(lambda result, d=dialog: self._finished(d, result))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _finished(self, dialog: CheckInDialog, result: int) -> None:
        if dialog is self.dialog:
            self.dialog = None
        dialog.deleteLater()  # its widgets hold the answers and the entries' titles
        if self._locking or dialog.saved is None or result != QDialog.DialogCode.Accepted:
            return
        self.saved.emit(dialog.saved, dialog.is_correction)

    def close_for_lock(self) -> ClosedForLock:
        """Close the open check-in before the vault locks; see the module's docstring."""
        dialog = self.dialog
        if dialog is None:
            return ClosedForLock(LockOutcome.NOTHING_OPEN)
        for child in dialog.findChildren(QDialog):  # "Add your own…" waiting for a name
            child.reject()
        had_answers = dialog.has_answers()
        saved = dialog.save_for_lock()
        self._locking = True
        try:
            dialog.close_for_lock()
        finally:
            self._locking = False
        if saved is not None:
            return ClosedForLock(LockOutcome.SAVED, saved.id)
        return ClosedForLock(LockOutcome.NOT_SAVED if had_answers else LockOutcome.NOTHING_OPEN)


class CheckInShortcut(QObject):
    """Ctrl+K anywhere in ``owner``'s window opens a check-in.

    A window-wide QShortcut alone is not enough on Linux: there a line edit (the journal's
    title, its tags, the search box) claims Ctrl+K as "delete to the end of the line" through
    a shortcut override, so the shortcut would never fire while one has the focus. While
    ``owner`` is shown, an application event filter keeps that one key combination for the
    app: the line edit never sees the override, the text stays, the check-in opens."""

    def __init__(self, owner: QWidget, activated: Callable[[], object]) -> None:
        super().__init__(owner)
        self._owner = owner
        self._keys = QKeySequence(CHECKIN_KEYS)
        self.shortcut = QShortcut(self._keys, owner)
        self.shortcut.activated.connect(activated)
        self._watching = False
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
            self._watching = True

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None and self._watching:
            app.removeEventFilter(self)
            self._watching = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and QKeySequence(event.keyCombination()) == self._keys
            and isinstance(watched, QWidget)
            and self._owner.isVisible()
            and watched.window() is self._owner.window()
        ):
            event.ignore()  # not claimed: the shortcut map gets the key
            return True
        return False
