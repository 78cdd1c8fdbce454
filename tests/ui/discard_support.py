"""Driving "Discard your changes?" (ui/common/discard.py) by keys, for any dialog that asks
before it throws away what was typed in it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import activate


def question(dialog: QDialog) -> QMessageBox | None:
    """The question showing over ``dialog``, if any (never more than one)."""
    boxes = [box for box in dialog.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) <= 1, "one question at a time"
    return boxes[0] if boxes else None


def answers(box: QMessageBox) -> tuple[QPushButton, QPushButton]:
    """Discard and Keep editing, found by the names screen readers say."""
    named = {button.accessibleName(): button for button in box.findChildren(QPushButton)}
    discard, keep = named["Discard your changes"], named["Keep editing"]
    assert isinstance(discard, QPushButton) and isinstance(keep, QPushButton)
    return discard, keep


def press_escape(qtbot: QtBot) -> None:
    """Escape where the focus is, as a person presses it."""
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, Qt.Key.Key_Escape)


def escape_and_keep_editing(qtbot: QtBot, dialog: QDialog, key: Qt.Key = Qt.Key.Key_Return) -> None:
    """Escape asks instead of closing; Keep editing is the default and what ``key`` (Enter
    or Escape) chooses; the dialog stays open, focus back where it was."""
    focus = QApplication.focusWidget()
    press_escape(qtbot)
    box = question(dialog)
    assert box is not None and dialog.isVisible(), "Escape asked instead of discarding"
    assert box.text() == "Discard your changes?"
    _discard, keep = answers(box)
    qtbot.waitUntil(keep.hasFocus, timeout=2_000)
    assert box.defaultButton() is keep and box.escapeButton() is keep
    qtbot.keyClick(keep, key)
    assert question(dialog) is None and dialog.isVisible()
    activate(qtbot, dialog)  # as the window manager does when the question goes
    if focus is not None:
        assert focus.hasFocus(), "back where the person was typing"


def escape_and_discard(qtbot: QtBot, dialog: QDialog) -> None:
    """Escape asks; Discard (reached with Tab, pressed with Space) closes the dialog."""
    press_escape(qtbot)
    box = question(dialog)
    assert box is not None and dialog.isVisible(), "Escape asked instead of discarding"
    discard, keep = answers(box)
    qtbot.waitUntil(keep.hasFocus, timeout=2_000)
    for _ in range(4):
        if discard.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert discard.hasFocus(), "Discard is reached with Tab"
    qtbot.keyClick(discard, Qt.Key.Key_Space)
    assert not dialog.isVisible()


def keep_editing_asked(qtbot: QtBot, dialog: QDialog) -> None:
    """The question is open over ``dialog`` (asked instead of losing what was typed);
    Enter on Keep editing, its default, leaves the dialog open."""
    box = question(dialog)
    assert box is not None and dialog.isVisible(), "asked instead of losing what was typed"
    assert box.text() == "Discard your changes?"
    _discard, keep = answers(box)
    qtbot.waitUntil(keep.hasFocus, timeout=2_000)
    qtbot.keyClick(keep, Qt.Key.Key_Return)
    assert question(dialog) is None and dialog.isVisible()
    activate(qtbot, dialog)


def discard_asked(qtbot: QtBot, dialog: QDialog) -> None:
    """The question is open over ``dialog``; Discard, reached with Tab and pressed with
    Space, answers it."""
    box = question(dialog)
    assert box is not None, "asked instead of losing what was typed"
    discard, keep = answers(box)
    qtbot.waitUntil(keep.hasFocus, timeout=2_000)
    qtbot.keyClick(keep, Qt.Key.Key_Tab)
    assert discard.hasFocus()
    qtbot.keyClick(discard, Qt.Key.Key_Space)
    assert question(dialog) is None


def escape_closes_at_once(qtbot: QtBot, dialog: QDialog) -> None:
    press_escape(qtbot)
    assert question(dialog) is None, "nothing was changed: nothing to ask"
    assert not dialog.isVisible()


def type_into(qtbot: QtBot, field: QWidget, text: str) -> None:
    field.setFocus()
    qtbot.keyClicks(field, text)


def drive(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    kind: type[QDialog],
    steps: Callable[[QDialog], None],
) -> list[QDialog]:
    """Whenever the app runs a ``kind`` dialog, show it, do ``steps`` to it by keys and
    return what it ended with; the dialogs so driven are listed."""
    seen: list[QDialog] = []

    def run(dialog: QDialog) -> int:
        seen.append(dialog)
        activate(qtbot, dialog)
        steps(dialog)
        assert not dialog.isVisible(), "the steps end with the dialog closed"
        return int(dialog.result())

    monkeypatch.setattr(kind, "exec", run)
    return seen
