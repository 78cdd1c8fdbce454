"""The self-check asks before its answers are thrown away: by Close or Escape, and by picking
another questionnaire (which builds a new form). Both used to lose them without a word.
Untouched or already scored, it closes and switches at once. Results are read back from the
AssessmentService."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from carecompanion.session import VaultSession
from carecompanion.ui.mood.selfcheck_dialog import SelfCheckDialog
from tests.ui.conftest import activate
from tests.ui.discard_support import (
    discard_asked,
    escape_and_keep_editing,
    escape_closes_at_once,
    keep_editing_asked,
    question,
)
from tests.ui.test_checkin_flow import session

__all__ = ["session"]  # the fixture: a vault session, locked at the end

PHQ2, GAD2 = "Patient Health Questionnaire-2 (PHQ-2)", "Generalized Anxiety Disorder-2 (GAD-2)"


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    """The window the dialog opens over, as over the mood page."""
    over = QWidget()
    qtbot.addWidget(over)
    return over


def _open(qtbot: QtBot, session: VaultSession, window: QWidget) -> SelfCheckDialog:
    dialog = SelfCheckDialog(session, window)
    activate(qtbot, dialog)
    return dialog


def _pick(qtbot: QtBot, dialog: SelfCheckDialog, title: str) -> None:
    """Choose a questionnaire with the arrow keys, as a person does."""
    dialog.choice.setFocus()
    target = dialog.choice.findText(title)
    for _ in range(dialog.choice.count()):
        if dialog.choice.currentIndex() == target or question(dialog) is not None:
            return
        key = Qt.Key.Key_Down if target > dialog.choice.currentIndex() else Qt.Key.Key_Up
        qtbot.keyClick(dialog.choice, key)


def _answer(qtbot: QtBot, dialog: SelfCheckDialog, name: str) -> None:
    """Choose the answer a screen reader calls ``name`` ("1: Several days") with Space."""
    form = dialog.questions_area.widget()  # the questionnaire shown (not one being deleted)
    assert form is not None
    [radio] = [r for r in form.findChildren(QRadioButton) if r.accessibleName() == name]
    radio.setFocus()
    qtbot.keyClick(radio, Qt.Key.Key_Space)
    assert radio.isChecked()


def _button(dialog: SelfCheckDialog, name: str) -> QPushButton:
    [found] = [b for b in dialog.findChildren(QPushButton) if b.accessibleName() == name]
    return found


def _press(qtbot: QtBot, widget: QPushButton) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Space)


def _keep_editing(qtbot: QtBot, dialog: SelfCheckDialog) -> None:
    keep_editing_asked(qtbot, dialog)


def _discard(qtbot: QtBot, dialog: SelfCheckDialog) -> None:
    discard_asked(qtbot, dialog)


def _taken(session: VaultSession, instrument: str) -> list[tuple[int, ...]]:
    return [tuple(saved.answers) for saved in session.assessments.history(instrument)]


def test_close_with_answers_asks_and_keep_editing_keeps_them(
    qtbot: QtBot, session: VaultSession, window: QWidget
) -> None:
    dialog = _open(qtbot, session, window)
    _pick(qtbot, dialog, PHQ2)
    _answer(qtbot, dialog, "1: Several days")
    _press(qtbot, _button(dialog, "Close"))
    _keep_editing(qtbot, dialog)
    dialog.choice.setFocus()
    escape_and_keep_editing(qtbot, dialog, Qt.Key.Key_Escape)  # Escape asks too
    _answer(qtbot, dialog, "2: Nearly every day")
    _press(qtbot, _button(dialog, "See my result"))
    assert _taken(session, "phq2") == [(1, 3)]
    escape_closes_at_once(qtbot, dialog)  # scored and kept: nothing left to lose


def test_close_with_answers_and_discard_closes_without_saving(
    qtbot: QtBot, session: VaultSession, window: QWidget
) -> None:
    dialog = _open(qtbot, session, window)
    _answer(qtbot, dialog, "1: Yes")  # the first questionnaire
    _press(qtbot, _button(dialog, "Close"))
    _discard(qtbot, dialog)
    assert not dialog.isVisible()
    assert session.assessments.history() == []


def test_picking_another_with_answers_asks_and_keep_editing_puts_the_picker_back(
    qtbot: QtBot, session: VaultSession, window: QWidget
) -> None:
    dialog = _open(qtbot, session, window)
    _pick(qtbot, dialog, PHQ2)
    _answer(qtbot, dialog, "1: More than half the days")
    _pick(qtbot, dialog, GAD2)
    _keep_editing(qtbot, dialog)
    assert dialog.choice.currentText() == PHQ2, "the picker is back on what is being answered"
    _answer(qtbot, dialog, "2: Not at all")
    _press(qtbot, _button(dialog, "See my result"))
    assert _taken(session, "phq2") == [(2, 0)]
    assert _taken(session, "gad2") == []


def test_picking_another_with_answers_and_discard_shows_the_new_one(
    qtbot: QtBot, session: VaultSession, window: QWidget
) -> None:
    dialog = _open(qtbot, session, window)
    _pick(qtbot, dialog, PHQ2)
    _answer(qtbot, dialog, "1: Several days")
    _pick(qtbot, dialog, GAD2)
    _discard(qtbot, dialog)
    assert dialog.choice.currentText() == GAD2
    _answer(qtbot, dialog, "1: Not at all")
    _answer(qtbot, dialog, "2: Several days")
    _press(qtbot, _button(dialog, "See my result"))
    assert _taken(session, "gad2") == [(0, 1)]
    assert _taken(session, "phq2") == []


def test_untouched_or_scored_switches_and_closes_at_once(
    qtbot: QtBot, session: VaultSession, window: QWidget
) -> None:
    dialog = _open(qtbot, session, window)
    _pick(qtbot, dialog, PHQ2)  # nothing answered: no question
    assert question(dialog) is None and dialog.choice.currentText() == PHQ2
    _answer(qtbot, dialog, "1: Not at all")
    _answer(qtbot, dialog, "2: Not at all")
    _press(qtbot, _button(dialog, "See my result"))
    _pick(qtbot, dialog, GAD2)  # scored and kept: nothing to lose
    assert question(dialog) is None and dialog.choice.currentText() == GAD2
    _press(qtbot, _button(dialog, "Close"))
    assert question(dialog) is None and not dialog.isVisible()
    assert _taken(session, "phq2") == [(0, 0)]
