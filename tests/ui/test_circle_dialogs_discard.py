"""Asking the circle for help, and the few words with an offer or a cancellation: Escape
used to throw away what was typed at once. Now it asks (Keep editing is the default), and
closes at once when nothing was typed. Results are read back from the circle's service."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from carecompanion.circle.helping import Ask
from carecompanion.session import VaultSession
from carecompanion.ui.circle.help_dialogs import AskDialog, NoteDialog
from carecompanion.ui.circle.mood_share_dialog import MoodShareDialog
from carecompanion.ui.circle.page import CirclePage
from tests.ui.circle_support import WAIT, Person, make_page, wait_idle
from tests.ui.discard_support import (
    drive,
    escape_and_discard,
    escape_and_keep_editing,
    escape_closes_at_once,
    type_into,
)
from tests.ui.test_circle_help import computer_in_london, open_help

__all__ = ["computer_in_london"]  # the autouse fixture: this computer's clock, fixed


def _alone(qtbot: QtBot, person: Person, shared: Path) -> tuple[VaultSession, str, CirclePage]:
    ana = person("Ana")
    circle_id = ana.circles.create("Tuesday group", shared / "group.carecircle").id
    page = make_page(qtbot, ana, show=True)
    open_help(qtbot, page)
    return ana, circle_id, page


# -- asking for help --------------------------------------------------------------------------
def test_ask_escape_after_typing_asks_and_keep_editing_keeps_it(
    qtbot: QtBot, person: Person, shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana, circle_id, page = _alone(qtbot, person, shared)

    def steps(dialog: QDialog) -> None:
        assert isinstance(dialog, AskDialog)
        type_into(qtbot, dialog.what, "Sit with Mum")
        escape_and_keep_editing(qtbot, dialog)
        escape_and_keep_editing(qtbot, dialog, Qt.Key.Key_Escape)
        qtbot.keyClick(dialog.what, Qt.Key.Key_Return)  # and it is asked whole
        qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=WAIT)

    drive(qtbot, monkeypatch, AskDialog, steps)
    page.help_tab.ask_for_help()
    wait_idle(qtbot, page)
    assert [r.what for r in ana.circles.help_board(circle_id).requests] == ["Sit with Mum"]


def test_ask_discard_closes_without_asking_the_circle(
    qtbot: QtBot, person: Person, shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana, circle_id, page = _alone(qtbot, person, shared)

    def steps(dialog: QDialog) -> None:
        assert isinstance(dialog, AskDialog)
        type_into(qtbot, dialog.what, "Written by mistake")
        escape_and_discard(qtbot, dialog)

    seen = drive(qtbot, monkeypatch, AskDialog, steps)
    page.help_tab.ask_for_help()
    wait_idle(qtbot, page)
    assert len(seen) == 1
    assert ana.circles.help_board(circle_id).requests == []


def test_ask_untouched_closes_at_once_new_or_to_change(
    qtbot: QtBot, person: Person, shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana, circle_id, page = _alone(qtbot, person, shared)
    start = datetime(2026, 3, 6, 22, 0)  # overnight: the end is the next morning
    [rid] = ana.circles.ask_for_help(
        circle_id, Ask("A night with Dad", start, start + timedelta(hours=9), "UTC", note="x")
    )
    before = ana.circles.help_board(circle_id).requests
    page.sync_all()
    wait_idle(qtbot, page)

    def steps(dialog: QDialog) -> None:
        assert isinstance(dialog, AskDialog)
        type_into(qtbot, dialog.where, "z")
        qtbot.keyClick(dialog.where, Qt.Key.Key_Backspace)  # typed, then taken back
        escape_closes_at_once(qtbot, dialog)

    seen = drive(qtbot, monkeypatch, AskDialog, steps)
    page.help_tab.ask_for_help()
    page.help_tab.choose(rid)
    page.help_tab.edit_request()
    wait_idle(qtbot, page)
    assert len(seen) == 2
    assert ana.circles.help_board(circle_id).requests == before


# -- a few words: here, the reason for cancelling a request ------------------------------------
def _asked(qtbot: QtBot, person: Person, shared: Path) -> tuple[VaultSession, str, str, CirclePage]:
    ana, circle_id, page = _alone(qtbot, person, shared)
    start = datetime(2026, 3, 6, 10, 0)
    [rid] = ana.circles.ask_for_help(
        circle_id, Ask("A lift to the clinic", start, start + timedelta(hours=2), "UTC")
    )
    page.sync_all()
    wait_idle(qtbot, page)
    page.help_tab.choose(rid)
    return ana, circle_id, rid, page


def test_note_escape_after_typing_asks_and_keep_editing_keeps_it(
    qtbot: QtBot, person: Person, shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana, circle_id, rid, page = _asked(qtbot, person, shared)

    def steps(dialog: QDialog) -> None:
        assert isinstance(dialog, NoteDialog)
        type_into(qtbot, dialog.text, "Dad is better")
        escape_and_keep_editing(qtbot, dialog)
        qtbot.keyClick(dialog.text, Qt.Key.Key_Tab)  # to the main button
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Space)

    drive(qtbot, monkeypatch, NoteDialog, steps)
    page.help_tab.cancel_request()
    wait_idle(qtbot, page)
    request = ana.circles.help_board(circle_id).request(rid)
    assert (request.state, request.cancel_reason) == ("cancelled", "Dad is better")


def test_note_discard_and_untouched_change_nothing(
    qtbot: QtBot, person: Person, shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana, circle_id, rid, page = _asked(qtbot, person, shared)
    typed = ["Dad is better", ""]

    def steps(dialog: QDialog) -> None:
        assert isinstance(dialog, NoteDialog)
        words = typed.pop(0)
        if words:
            type_into(qtbot, dialog.text, words)
            escape_and_discard(qtbot, dialog)
        else:
            escape_closes_at_once(qtbot, dialog)

    seen = drive(qtbot, monkeypatch, NoteDialog, steps)
    page.help_tab.cancel_request()
    page.help_tab.cancel_request()
    wait_idle(qtbot, page)
    assert len(seen) == 2
    assert ana.circles.help_board(circle_id).request(rid).state == "open"


# -- sharing how the week went ----------------------------------------------------------------
def test_mood_share_escape_after_typing_asks_and_keep_editing_keeps_it(
    qtbot: QtBot, person: Person, shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana, circle_id, page = _alone(qtbot, person, shared)

    def steps(dialog: QDialog) -> None:
        assert isinstance(dialog, MoodShareDialog)
        type_into(qtbot, dialog.text, "A hard week, better by Sunday")
        escape_and_keep_editing(qtbot, dialog)
        qtbot.mouseClick(dialog.share_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=WAIT)

    drive(qtbot, monkeypatch, MoodShareDialog, steps)
    page.open_mood_share()
    wait_idle(qtbot, page)
    [post] = ana.circles.state(circle_id).posts
    assert (post.kind, post.content["text"]) == ("mood", "A hard week, better by Sunday")


def test_mood_share_discard_and_untouched_share_nothing(
    qtbot: QtBot, person: Person, shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana, circle_id, page = _alone(qtbot, person, shared)
    typed = ["Not today", ""]

    def steps(dialog: QDialog) -> None:
        assert isinstance(dialog, MoodShareDialog)
        words = typed.pop(0)
        if words:
            type_into(qtbot, dialog.text, words)
            escape_and_discard(qtbot, dialog)
        else:
            dialog.text.setFocus()
            escape_closes_at_once(qtbot, dialog)

    seen = drive(qtbot, monkeypatch, MoodShareDialog, steps)
    page.open_mood_share()
    page.open_mood_share()
    wait_idle(qtbot, page)
    assert len(seen) == 2
    assert ana.circles.state(circle_id).posts == []
