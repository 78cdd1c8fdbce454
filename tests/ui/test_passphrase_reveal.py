"""Showing what was typed in a passphrase field, with the keyboard only: the show/hide
button inside every passphrase field (unlock, set-up, changing it) could only be clicked."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from carecompanion.ui.app.settings_dialog import ChangePassphraseDialog
from carecompanion.ui.app.setup_wizard import SetupWizard
from carecompanion.ui.app.unlock_view import UnlockView
from carecompanion.ui.common.widgets import PassphraseField
from tests.ui.conftest import activate


def _unlock() -> tuple[QWidget, list[PassphraseField]]:
    view = UnlockView()
    return view, [view.passphrase]


def _recover() -> tuple[QWidget, list[PassphraseField]]:
    view = UnlockView()
    view.forgot.click()
    return view, [view.new_passphrase, view.repeat_passphrase]


def _setup() -> tuple[QWidget, list[PassphraseField]]:
    wizard = SetupWizard()
    return wizard, [wizard.passphrase, wizard.repeat]


def _change() -> tuple[QWidget, list[PassphraseField]]:
    dialog = ChangePassphraseDialog()
    return dialog, [dialog.current, dialog.new, dialog.repeat]


def _show_setup_page(window: QWidget, fields: list[PassphraseField]) -> None:
    """The wizard opens on its welcome page: go to the one with the fields."""
    if isinstance(window, SetupWizard):
        window.start_button.click()
    assert all(field.isVisible() for field in fields)


@pytest.mark.parametrize("build", [_unlock, _recover, _setup, _change])
def test_tab_reaches_the_show_button_of_every_passphrase_field(
    qtbot: QtBot, build: Callable[[], tuple[QWidget, list[PassphraseField]]]
) -> None:
    window, fields = build()
    qtbot.addWidget(window)
    activate(qtbot, window)
    _show_setup_page(window, fields)
    for field in fields:
        field.setFocus()
        qtbot.keyClicks(field, "four quiet garden words")
        qtbot.keyClick(field, Qt.Key.Key_Tab)
        reveal = QApplication.focusWidget()
        assert isinstance(reveal, QToolButton), f"Tab after {field.accessibleName()}"
        assert reveal.parentWidget() is field and reveal.isVisible()
        assert reveal.accessibleName() == "Show or hide the passphrase"
        assert reveal.toolTip()
        qtbot.keyClick(reveal, Qt.Key.Key_Space)
        assert field.echoMode() == QLineEdit.EchoMode.Normal and reveal.isChecked()
        assert field.text() == "four quiet garden words"
        qtbot.keyClick(reveal, Qt.Key.Key_Space)
        assert field.echoMode() == QLineEdit.EchoMode.Password and not reveal.isChecked()
        qtbot.keyClick(reveal, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        assert field.hasFocus(), "Shift+Tab goes back to the field"
        qtbot.keyClick(field, Qt.Key.Key_Tab)
        qtbot.keyClick(reveal, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() not in (field, reveal), "and Tab goes on"


def test_a_click_on_show_leaves_the_cursor_in_the_field_and_wipe_hides_again(
    qtbot: QtBot,
) -> None:
    view = UnlockView()
    qtbot.addWidget(view)
    activate(qtbot, view)
    field = view.passphrase
    field.setFocus()
    qtbot.keyClicks(field, "secret")
    [reveal] = field.findChildren(QToolButton, "reveal")
    qtbot.mouseClick(reveal, Qt.MouseButton.LeftButton)
    assert field.echoMode() == QLineEdit.EchoMode.Normal
    assert field.hasFocus(), "typing goes on where it was"
    qtbot.keyClicks(field, " words")
    assert field.text() == "secret words"
    field.wipe()
    assert field.echoMode() == QLineEdit.EchoMode.Password and not reveal.isChecked()
    assert field.text() == ""
