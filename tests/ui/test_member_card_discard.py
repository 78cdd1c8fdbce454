"""My member card: closing with a name typed but not saved asks first (Close used to accept
and Escape to reject, both throwing the name away). Untouched, saved, or typed back as it
was, it closes at once. The name is read back from the CircleService."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.qtbot import QtBot

from carecompanion.session import VaultSession
from carecompanion.ui.circle.dialogs import MemberCardDialog
from carecompanion.ui.circle.page import CirclePage
from tests.ui.circle_support import WAIT, Person, make_page
from tests.ui.conftest import activate
from tests.ui.discard_support import (
    answers,
    escape_and_discard,
    escape_and_keep_editing,
    escape_closes_at_once,
    question,
    type_into,
)


def _open(qtbot: QtBot, page: CirclePage, session: VaultSession) -> MemberCardDialog:
    """Over the circle page, as its My member card button opens it."""
    dialog = MemberCardDialog(session.circles, page.work, session.clock, None, page)
    activate(qtbot, dialog)
    return dialog


def _close_button(dialog: MemberCardDialog) -> QPushButton:
    [close] = [b for b in dialog.findChildren(QPushButton) if b.accessibleName() == "Close"]
    return close


def _press(qtbot: QtBot, widget: QPushButton) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Space)


def test_close_with_a_name_not_saved_asks_and_keep_editing_keeps_it(
    qtbot: QtBot, person: Person
) -> None:
    session = person("Ana")
    page = make_page(qtbot, session)
    dialog = _open(qtbot, page, session)
    type_into(qtbot, dialog.name, " M.")
    _press(qtbot, _close_button(dialog))
    box = question(dialog)
    assert box is not None and dialog.isVisible(), "Close asked instead of losing the name"
    _discard, keep = answers(box)
    qtbot.waitUntil(keep.hasFocus, timeout=2_000)
    qtbot.keyClick(keep, Qt.Key.Key_Return)
    assert question(dialog) is None and dialog.isVisible()
    activate(qtbot, dialog)
    dialog.name.setFocus()
    escape_and_keep_editing(qtbot, dialog, Qt.Key.Key_Escape)  # Escape asks too
    assert dialog.name.text() == "Ana M."
    _press(qtbot, dialog.save_name_button)
    qtbot.waitUntil(lambda: session.circles.identity().name == "Ana M.", timeout=WAIT)
    _press(qtbot, _close_button(dialog))  # saved: nothing left to lose
    assert question(dialog) is None and not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected, "Close closes; it accepts nothing"


def test_discard_closes_without_renaming(qtbot: QtBot, person: Person) -> None:
    session = person("Ana")
    page = make_page(qtbot, session)
    dialog = _open(qtbot, page, session)
    dialog.name.clear()
    type_into(qtbot, dialog.name, "Bea")
    escape_and_discard(qtbot, dialog)
    assert session.circles.identity().name == "Ana"


def test_untouched_or_typed_back_closes_at_once(qtbot: QtBot, person: Person) -> None:
    session = person("Ana")
    page = make_page(qtbot, session)
    dialog = _open(qtbot, page, session)
    _press(qtbot, _close_button(dialog))
    assert question(dialog) is None and not dialog.isVisible()
    dialog = _open(qtbot, page, session)
    type_into(qtbot, dialog.name, "x")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Backspace)
    escape_closes_at_once(qtbot, dialog)
    dialog = _open(qtbot, page, session)
    dialog.name.clear()  # an empty name cannot be saved: nothing to lose
    escape_closes_at_once(qtbot, dialog)
    assert session.circles.identity().name == "Ana"


def test_save_card_waits_for_the_name_typed_to_be_saved(qtbot: QtBot, person: Person) -> None:
    """A card saved with a new name typed and not saved carried the old name: Save card
    waits, and says why, until Save name has stored it."""
    session = person("Ana")
    page = make_page(qtbot, session)
    dialog = _open(qtbot, page, session)
    assert dialog.save_button.isEnabled(), "control: the card carries the name shown"
    type_into(qtbot, dialog.name, " M.")
    assert not dialog.save_button.isEnabled()
    assert "Save your name first" in dialog.status.text()
    _press(qtbot, dialog.save_name_button)
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=WAIT)
    assert session.circles.identity().name == "Ana M." == session.circles.card().name
    assert "Saved" in dialog.status.text()
    dialog.name.selectAll()
    type_into(qtbot, dialog.name, "Ana")  # another name again: the card waits again
    assert not dialog.save_button.isEnabled()
    dialog.name.setText("Ana M.")
    assert dialog.save_button.isEnabled() and dialog.status.text() == ""
