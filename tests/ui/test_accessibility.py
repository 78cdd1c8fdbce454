"""Every interactive control has an accessible name, in every view of the foundation."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from carecompanion.clock import FixedClock
from carecompanion.ui.app.settings_dialog import ChangePassphraseDialog, SettingsDialog
from carecompanion.ui.app.setup_wizard import SetupWizard
from carecompanion.ui.app.unlock_view import UnlockView
from carecompanion.vault.device_keys import NONE_AVAILABLE
from tests.conftest import VaultFactory
from tests.ui.conftest import ControllerFactory

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QSlider,
    QPlainTextEdit,
    QTextEdit,
)


def _inside_compound(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QAbstractSpinBox, QComboBox, QAbstractItemView, QTabBar)) or (
            type(parent).__name__ == "QComboBoxPrivateContainer"
        ):
            return True
        parent = parent.parentWidget()
    return False


def unnamed_controls(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE):
            continue
        # Parts of a compound control (a spin box's line edit, a combo box's popup list)
        # speak through the control itself.
        if _inside_compound(widget):
            continue
        if not widget.accessibleName().strip():
            missing.append(
                f"{type(widget).__name__} {widget.objectName()!r} "
                f"{getattr(widget, 'text', lambda: '')()!r}"
            )
    return missing


def test_the_check_itself_notices_a_nameless_button(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    QVBoxLayout(root).addWidget(QPushButton("Unnamed"))
    assert unnamed_controls(root)


def test_wizard_and_unlock_controls_are_named(qtbot: QtBot) -> None:
    for view in (SetupWizard(), UnlockView()):
        qtbot.addWidget(view)
        assert unnamed_controls(view) == []


def test_main_window_and_dialogs_are_named(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    clock: FixedClock,
) -> None:
    unlocked, _ = vault_factory()
    controller = make_controller()
    controller.start_unlocked(unlocked)
    shell = controller.shell
    assert shell is not None
    for row in range(shell.navigation_model.rowCount()):  # pages are built when first shown
        shell.show_section(row)
    assert unnamed_controls(controller.window) == []
    for dialog in (
        SettingsDialog("system", 10, False, NONE_AVAILABLE()),
        ChangePassphraseDialog(),
    ):
        qtbot.addWidget(dialog)
        assert unnamed_controls(dialog) == []
