"""The templates dialog asks before Escape or Close throws away changes not saved yet (it
used to close at once, losing them), and closes at once when nothing is left unsaved.
Results are read back from the TemplateService."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from carecompanion.journal.templates import Template
from carecompanion.session import VaultSession
from carecompanion.ui.journal.templates_dialog import TemplatesDialog
from tests.ui.conftest import activate
from tests.ui.discard_support import (
    escape_and_discard,
    escape_and_keep_editing,
    escape_closes_at_once,
    type_into,
)
from tests.ui.test_checkin_flow import session

__all__ = ["session"]  # the fixture: a vault session, locked at the end


def _open_on_mine(qtbot: QtBot, session: VaultSession) -> tuple[TemplatesDialog, Template, QWidget]:
    """The dialog over a window (as over the journal page), on the person's own template."""
    mine = session.templates.add_template("Night log", "A night", "## Sleep\n", ("night",))
    window = QWidget()
    qtbot.addWidget(window)
    dialog = TemplatesDialog(session.templates, window)
    row = dialog.model.row_where(lambda t: t.id == mine.id)
    dialog.list.setCurrentIndex(dialog.model.index(row, 0))
    activate(qtbot, dialog)
    return dialog, mine, window


def test_escape_after_typing_asks_keep_editing_keeps_it_and_saved_closes_at_once(
    qtbot: QtBot, session: VaultSession
) -> None:
    dialog, mine, _window = _open_on_mine(qtbot, session)
    dialog.body.setFocus()
    qtbot.keyClick(dialog.body, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.body, "Woke at")
    escape_and_keep_editing(qtbot, dialog)
    assert dialog.body.toPlainText() == "## Sleep\nWoke at"
    dialog.save_button.setFocus()
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert session.templates.get_template(mine.id).body == "## Sleep\nWoke at"
    escape_closes_at_once(qtbot, dialog)  # saved: nothing left to lose


def test_discard_closes_without_saving(qtbot: QtBot, session: VaultSession) -> None:
    dialog, mine, _window = _open_on_mine(qtbot, session)
    type_into(qtbot, dialog.name, " (old)")
    escape_and_discard(qtbot, dialog)
    assert session.templates.get_template(mine.id) == mine


def test_untouched_or_changed_back_closes_at_once(qtbot: QtBot, session: VaultSession) -> None:
    dialog, mine, _window = _open_on_mine(qtbot, session)
    type_into(qtbot, dialog.tags, "x")
    qtbot.keyClick(dialog.tags, Qt.Key.Key_Backspace)
    escape_closes_at_once(qtbot, dialog)
    assert session.templates.get_template(mine.id) == mine
