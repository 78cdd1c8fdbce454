"""The small widget kit every dialog is built from (ui/common/widgets.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout
from pytestqt.qtbot import QtBot

from carecompanion.ui.common.widgets import save_cancel_buttons


def test_save_is_drawn_as_the_main_action_and_enter_presses_it(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    saved: list[bool] = []
    field = QLineEdit()
    buttons = save_cancel_buttons(dialog, lambda: saved.append(True), "Use this passphrase")
    layout = QVBoxLayout(dialog)
    layout.addWidget(field)
    layout.addWidget(buttons)
    dialog.show()
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save.isDefault() and save.objectName() == "primary"
    assert save.accessibleName() == "Use this passphrase"
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert saved == [True]
