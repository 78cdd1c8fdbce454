"""The check-in asks before Escape, Cancel or its close button throws away a chosen mood or
a note (it used to close at once, losing them), and closes at once when nothing was chosen.
A lock while it asks still saves a chosen mood. Results are read back from the MoodService."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from carecompanion.clock import FixedClock
from carecompanion.session import VaultSession
from carecompanion.ui.mood.checkin_dialog import CheckInDialog
from tests.conftest import VaultFactory
from tests.helpers import GOOD_PASSPHRASE
from tests.ui.conftest import ControllerFactory, activate
from tests.ui.discard_support import (
    escape_and_discard,
    escape_and_keep_editing,
    escape_closes_at_once,
    press_escape,
    question,
    type_into,
)
from tests.ui.test_checkin_flow import session

__all__ = ["session"]  # the fixture: a vault session, locked at the end


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    """What the check-in opens over, as in the app (the shell)."""
    shown = QWidget()
    qtbot.addWidget(shown)
    return shown


def _dialog(
    window: QWidget, qtbot: QtBot, session: VaultSession, clock: FixedClock
) -> CheckInDialog:
    dialog = CheckInDialog(session.mood, now=clock.now(), parent=window)
    activate(qtbot, dialog)
    return dialog


def test_escape_after_choosing_asks_and_keep_editing_keeps_the_answers(
    window: QWidget, qtbot: QtBot, session: VaultSession, clock: FixedClock
) -> None:
    dialog = _dialog(window, qtbot, session, clock)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)
    type_into(qtbot, dialog.note, "a long night")
    escape_and_keep_editing(qtbot, dialog)
    escape_and_keep_editing(qtbot, dialog, Qt.Key.Key_Escape)
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    assert [(c.mood, c.note) for c in session.mood.list()] == [(2, "a long night")]


def test_discard_closes_without_saving(
    window: QWidget, qtbot: QtBot, session: VaultSession, clock: FixedClock
) -> None:
    dialog = _dialog(window, qtbot, session, clock)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_4)
    escape_and_discard(qtbot, dialog)
    assert dialog.result() == CheckInDialog.DialogCode.Rejected
    assert session.mood.list() == []


def test_a_note_alone_is_worth_asking_about(
    window: QWidget, qtbot: QtBot, session: VaultSession, clock: FixedClock
) -> None:
    dialog = _dialog(window, qtbot, session, clock)
    type_into(qtbot, dialog.note, "started, then the doorbell")
    dialog.cancel_button.setFocus()
    qtbot.keyClick(dialog.cancel_button, Qt.Key.Key_Space)  # Cancel asks as Escape does
    assert question(dialog) is not None and dialog.isVisible()


def test_untouched_closes_at_once_even_with_more_questions_open(
    window: QWidget, qtbot: QtBot, session: VaultSession, clock: FixedClock
) -> None:
    dialog = _dialog(window, qtbot, session, clock)
    dialog.more.setFocus()
    qtbot.keyClick(dialog.more, Qt.Key.Key_Space)  # looking is not answering
    assert dialog.details.isVisible()
    escape_closes_at_once(qtbot, dialog)
    assert session.mood.list() == []


def test_a_lock_while_asking_still_saves_the_chosen_mood(
    qtbot: QtBot, make_controller: ControllerFactory, vault_factory: VaultFactory
) -> None:
    unlocked, _ = vault_factory()
    controller = make_controller()
    controller.start_unlocked(unlocked)
    activate(qtbot, controller.window)
    assert controller.shell is not None
    controller.shell.check_in()
    dialog = controller.shell.checkin.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_3)
    press_escape(qtbot)
    assert question(dialog) is not None
    controller.lock()
    assert not [
        w for w in QApplication.topLevelWidgets() if isinstance(w, CheckInDialog) and w.isVisible()
    ], "nothing shown once locked"
    qtbot.keyClicks(controller.unlock_view.passphrase, GOOD_PASSPHRASE)
    qtbot.keyClick(controller.unlock_view.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.shell is not None, timeout=10_000)
    assert controller.session is not None
    assert [c.mood for c in controller.session.mood.list()] == [3]
