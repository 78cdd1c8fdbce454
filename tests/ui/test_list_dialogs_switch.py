"""The templates and helplines dialogs ask before choosing another row (or making a new
template) throws away changes not saved yet; both used to refill the form without a word.
Keep editing puts the list back on the row being edited, with what was typed. Untouched or
saved, the list moves at once. Results are read back from the services."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QListView, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from carecompanion.journal.templates import Template
from carecompanion.people.crisis import CrisisResource, CrisisResourceDraft
from carecompanion.session import VaultSession
from carecompanion.ui.journal.templates_dialog import TemplatesDialog
from carecompanion.ui.people.helplines_dialog import HelplinesDialog
from tests.ui.conftest import activate
from tests.ui.discard_support import (
    discard_asked,
    escape_and_discard,
    escape_and_keep_editing,
    escape_closes_at_once,
    keep_editing_asked,
    question,
    type_into,
)
from tests.ui.test_checkin_flow import session

__all__ = ["session"]  # the fixture: a vault session, locked at the end


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    """The window the dialogs open over (the journal page, the help dialog)."""
    over = QWidget()
    qtbot.addWidget(over)
    return over


def _move(qtbot: QtBot, view: QListView, to_row: int) -> None:
    """Arrow keys in the list until ``to_row`` is current, or a question stops them."""
    dialog = view.window()
    assert isinstance(dialog, QDialog)
    view.setFocus()
    for _ in range(view.model().rowCount()):
        here = view.currentIndex().row()
        if here == to_row or question(dialog) is not None:
            return
        qtbot.keyClick(view, Qt.Key.Key_Down if to_row > here else Qt.Key.Key_Up)


def _keep_editing(qtbot: QtBot, dialog: QDialog) -> None:
    keep_editing_asked(qtbot, dialog)


def _discard(qtbot: QtBot, dialog: QDialog) -> None:
    discard_asked(qtbot, dialog)
    activate(qtbot, dialog)


def _press(qtbot: QtBot, widget: QPushButton) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Space)


# -- templates --------------------------------------------------------------------------------
def _templates(
    qtbot: QtBot, session: VaultSession, window: QWidget
) -> tuple[TemplatesDialog, Template, int, int]:
    """The dialog on the person's own template; its row and a neighbour's."""
    mine = session.templates.add_template("Night log", "A night", "## Sleep\n", ("night",))
    dialog = TemplatesDialog(session.templates, window)
    row = dialog.model.row_where(lambda t: t.id == mine.id)
    dialog.list.setCurrentIndex(dialog.model.index(row, 0))
    activate(qtbot, dialog)
    return dialog, mine, row, row - 1 if row else row + 1


def _type_at_the_end(qtbot: QtBot, dialog: TemplatesDialog, text: str) -> None:
    dialog.body.setFocus()
    qtbot.keyClick(dialog.body, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.body, text)


def test_templates_another_row_asks_and_keep_editing_returns_with_the_words(
    qtbot: QtBot, session: VaultSession, window: QWidget
) -> None:
    dialog, mine, row, other = _templates(qtbot, session, window)
    _type_at_the_end(qtbot, dialog, "Woke at")
    _move(qtbot, dialog.list, other)
    _keep_editing(qtbot, dialog)
    assert dialog.list.currentIndex().row() == row, "the list is back on the edited template"
    assert dialog.body.toPlainText() == "## Sleep\nWoke at"
    _press(qtbot, dialog.save_button)
    assert session.templates.get_template(mine.id).body == "## Sleep\nWoke at"
    _move(qtbot, dialog.list, other)  # saved: nothing left to lose
    assert question(dialog) is None and dialog.list.currentIndex().row() == other
    escape_closes_at_once(qtbot, dialog)


def test_templates_another_row_and_discard_shows_it_without_saving(
    qtbot: QtBot, session: VaultSession, window: QWidget
) -> None:
    dialog, mine, _row, other = _templates(qtbot, session, window)
    type_into(qtbot, dialog.name, " (old)")
    _move(qtbot, dialog.list, other)
    _discard(qtbot, dialog)
    assert dialog.list.currentIndex().row() == other
    assert dialog.name.text() == dialog.model.value(other).name
    escape_closes_at_once(qtbot, dialog)
    assert session.templates.get_template(mine.id) == mine


def test_templates_new_template_asks_first(
    qtbot: QtBot, session: VaultSession, window: QWidget
) -> None:
    dialog, mine, row, _other = _templates(qtbot, session, window)
    count = len(session.templates.list_templates())
    _type_at_the_end(qtbot, dialog, "Woke at")
    _press(qtbot, dialog.new_button)
    _keep_editing(qtbot, dialog)
    assert len(session.templates.list_templates()) == count, "no new template yet"
    assert dialog.list.currentIndex().row() == row
    assert dialog.body.toPlainText() == "## Sleep\nWoke at"
    _press(qtbot, dialog.new_button)
    _discard(qtbot, dialog)
    assert len(session.templates.list_templates()) == count + 1
    assert session.templates.get_template(mine.id) == mine


def test_templates_untouched_moves_at_once(
    qtbot: QtBot, session: VaultSession, window: QWidget
) -> None:
    dialog, mine, row, other = _templates(qtbot, session, window)
    type_into(qtbot, dialog.tags, "x")
    qtbot.keyClick(dialog.tags, Qt.Key.Key_Backspace)  # typed, then taken back
    _move(qtbot, dialog.list, other)
    assert question(dialog) is None and dialog.list.currentIndex().row() == other
    _move(qtbot, dialog.list, row)
    assert question(dialog) is None and dialog.name.text() == "Night log"
    escape_closes_at_once(qtbot, dialog)
    assert session.templates.get_template(mine.id) == mine


# -- helplines --------------------------------------------------------------------------------
def _helplines(
    qtbot: QtBot, session: VaultSession, window: QWidget
) -> tuple[HelplinesDialog, list[CrisisResource]]:
    crisis = session.people.crisis
    crisis.choose_country("GB")
    crisis.add(CrisisResourceDraft(name="Carers UK", phone="0808 808 7777"))
    lines = crisis.list()
    assert len(lines) >= 2
    dialog = HelplinesDialog(crisis, window)
    activate(qtbot, dialog)
    return dialog, lines


def test_helplines_another_row_asks_and_keep_editing_returns_with_the_words(
    qtbot: QtBot, session: VaultSession, window: QWidget
) -> None:
    dialog, lines = _helplines(qtbot, session, window)
    _move(qtbot, dialog.list, 0)
    assert dialog.fields["name"].text() == lines[0].name
    hours = dialog.fields["hours"]
    hours.clear()  # as select-all and typing over it would
    type_into(qtbot, hours, "Mon-Fri 9-6")
    _move(qtbot, dialog.list, 1)
    _keep_editing(qtbot, dialog)
    assert dialog.list.currentIndex().row() == 0, "the list is back on the edited helpline"
    assert hours.text() == "Mon-Fri 9-6"
    [save] = [b for b in dialog.findChildren(QPushButton) if b.text() == "Save changes"]
    _press(qtbot, save)
    assert session.people.crisis.list()[0].hours == "Mon-Fri 9-6"
    _move(qtbot, dialog.list, 1)  # saved: nothing left to lose
    assert question(dialog) is None and dialog.list.currentIndex().row() == 1
    assert dialog.fields["name"].text() == lines[1].name
    escape_closes_at_once(qtbot, dialog)


def test_helplines_another_row_and_discard_shows_it_without_saving(
    qtbot: QtBot, session: VaultSession, window: QWidget
) -> None:
    dialog, lines = _helplines(qtbot, session, window)
    _move(qtbot, dialog.list, 0)
    dialog.fields["name"].clear()  # a new helpline typed over the chosen one, for Add as new
    type_into(qtbot, dialog.fields["name"], "Carers' line")
    _move(qtbot, dialog.list, 1)
    _discard(qtbot, dialog)
    assert dialog.list.currentIndex().row() == 1
    assert dialog.fields["name"].text() == lines[1].name
    escape_closes_at_once(qtbot, dialog)
    assert session.people.crisis.list() == lines


def test_helplines_escape_with_edits_asks_and_the_emergency_number_alone_closes_at_once(
    qtbot: QtBot, session: VaultSession, window: QWidget
) -> None:
    dialog, lines = _helplines(qtbot, session, window)
    type_into(qtbot, dialog.fields["name"], "Carers' line")
    escape_and_keep_editing(qtbot, dialog)
    escape_and_discard(qtbot, dialog)
    assert session.people.crisis.list() == lines
    dialog = HelplinesDialog(session.people.crisis, window)
    activate(qtbot, dialog)
    dialog.emergency.selectAll()
    type_into(qtbot, dialog.emergency, "112")  # kept on closing, as before
    escape_closes_at_once(qtbot, dialog)
    assert session.people.crisis.emergency_number() == "112"
