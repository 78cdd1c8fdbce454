"""Asking before a dialog throws away what was typed in it (Escape, Cancel, its close button).

A tired person presses Escape to get out of a menu or a calendar and loses a half-written
form. A dialog with answers worth keeping overrides ``reject()`` and, when something changed,
calls :func:`ask_to_discard` instead of closing; with nothing changed it closes at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

translate = QCoreApplication.translate  # lupdate reads translate("Context", "...")


def ask_to_discard(dialog: QDialog, discard: Callable[[], object]) -> QMessageBox:
    """Ask "Discard your changes?" over ``dialog``; ``discard`` runs only if the person says
    so. Keep editing is the default and what Escape and Enter choose: the safe answer.

    The question opens without waiting (``open()``, not ``exec()``), so closing the dialog's
    window can be refused while it is asked; locking the app answers it Keep editing (the
    controller rejects every open message box)."""
    for earlier in dialog.findChildren(QMessageBox, "discardQuestion"):
        if earlier.isVisible():
            return earlier  # one question at a time (Escape pressed twice)
    box = QMessageBox(dialog)
    box.setObjectName("discardQuestion")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(dialog.windowTitle())
    box.setText(translate("DiscardQuestion", "Discard your changes?"))
    box.setInformativeText(
        translate("DiscardQuestion", "What you typed or chose here will not be kept.")
    )
    discard_button = box.addButton(
        translate("DiscardQuestion", "Discard"), QMessageBox.ButtonRole.DestructiveRole
    )
    discard_button.setAccessibleName(translate("DiscardQuestion", "Discard your changes"))
    keep = box.addButton(
        translate("DiscardQuestion", "Keep editing"), QMessageBox.ButtonRole.RejectRole
    )
    keep.setAccessibleName(translate("DiscardQuestion", "Keep editing"))
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered() -> None:
        if box.clickedButton() is discard_button:
            discard()

    box.finished.connect(answered)
    box.open()
    keep.setFocus(Qt.FocusReason.OtherFocusReason)
    return box


class AsOpened:
    """A dialog's answers as it opened, to tell whether anything was changed since.

    ``answers`` returns a comparable value (a draft, a tuple of field values); a change typed
    and then undone compares equal again, so Escape closes at once."""

    def __init__(self, answers: Callable[[], object]) -> None:
        self._answers = answers
        self._opened = answers()

    def changed(self) -> bool:
        return bool(self._answers() != self._opened)

    def kept(self) -> None:
        """What the dialog shows now was saved while it stays open: nothing is left to lose."""
        self._opened = self._answers()


def close_or_ask(dialog: QDialog, changed: bool) -> None:
    """The ``reject()`` of a dialog with answers worth keeping (Escape, Cancel and the window's
    close button all come there): closes at once when nothing ``changed``, otherwise asks and
    closes only on Discard."""
    if changed:
        ask_to_discard(dialog, lambda: QDialog.reject(dialog))
        return
    QDialog.reject(dialog)
