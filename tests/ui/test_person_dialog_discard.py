"""The person dialog asks before it throws away what was typed: Escape, Cancel and closing
the window each used to discard a half-written contact without a word. Driven by keys."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from carecompanion.clock import FixedClock
from carecompanion.people.records import ContactDraft, Email, Phone
from carecompanion.session import VaultSession
from carecompanion.ui.people.contact_dialog import ContactDialog
from carecompanion.ui.people.page import PeoplePage
from tests.conftest import VaultFactory
from tests.ui.conftest import activate
from tests.ui.discard_support import answers as _buttons
from tests.ui.discard_support import question as _question


def _page(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock
) -> tuple[PeoplePage, VaultSession]:
    unlocked, _ = vault_factory()
    session = VaultSession(unlocked, clock)
    page = PeoplePage(session)
    qtbot.addWidget(page)
    return page, session


def _drive(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, steps: Callable[[ContactDialog], None]
) -> None:
    def run(dialog: ContactDialog) -> int:
        activate(qtbot, dialog)
        steps(dialog)
        return int(dialog.result())

    monkeypatch.setattr(ContactDialog, "exec", run)


def test_escape_after_typing_asks_and_keep_editing_is_the_default(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, session = _page(qtbot, vault_factory, clock)

    def steps(dialog: ContactDialog) -> None:
        dialog.name.setFocus()
        qtbot.keyClicks(dialog.name, "Lucia")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
        box = _question(dialog)
        assert box is not None and dialog.isVisible(), "Escape asked instead of discarding"
        _discard, keep = _buttons(box)
        assert box.text() == "Discard your changes?"
        qtbot.waitUntil(keep.hasFocus, timeout=2_000)
        assert box.defaultButton() is keep
        qtbot.keyClick(keep, Qt.Key.Key_Return)  # Enter keeps what was typed
        assert _question(dialog) is None and dialog.isVisible()
        activate(qtbot, dialog)  # as the window manager does when the question goes
        assert dialog.name.hasFocus(), "back where the person was typing"
        qtbot.keyClicks(dialog.name, " Gomez")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
        box = _question(dialog)
        assert box is not None
        _discard, keep = _buttons(box)
        qtbot.waitUntil(keep.hasFocus, timeout=2_000)
        qtbot.keyClick(keep, Qt.Key.Key_Escape)  # Escape keeps too
        assert _question(dialog) is None and dialog.isVisible()
        activate(qtbot, dialog)  # as the window manager does when the question goes
        assert dialog.name.hasFocus(), "back where the person was typing"
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # and the contact is saved whole

    _drive(qtbot, monkeypatch, steps)
    page.add_contact()
    assert [c.name for c in session.people.list()] == ["Lucia Gomez"]


def test_discard_reached_by_tab_closes_without_saving(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, session = _page(qtbot, vault_factory, clock)
    asked: list[bool] = []

    def steps(dialog: ContactDialog) -> None:
        dialog.name.setFocus()
        qtbot.keyClicks(dialog.name, "Written by mistake")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
        box = _question(dialog)
        assert box is not None
        asked.append(True)
        discard, keep = _buttons(box)
        qtbot.waitUntil(keep.hasFocus, timeout=2_000)
        for _ in range(4):
            if discard.hasFocus():
                break
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert discard.hasFocus(), "Discard is reached with Tab"
        qtbot.keyClick(discard, Qt.Key.Key_Space)
        assert not dialog.isVisible()

    _drive(qtbot, monkeypatch, steps)
    page.add_contact()
    assert asked == [True]
    assert session.people.list() == []


def test_cancel_and_closing_the_window_ask_too(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, session = _page(qtbot, vault_factory, clock)

    def steps(dialog: ContactDialog) -> None:
        dialog.notes.setFocus()
        qtbot.keyClicks(dialog.notes, "Call after six")
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setFocus()
        qtbot.keyClick(cancel, Qt.Key.Key_Space)
        question = _question(dialog)
        assert question is not None and dialog.isVisible(), "Cancel asked"
        _discard, keep = _buttons(question)
        qtbot.keyClick(keep, Qt.Key.Key_Space)
        assert _question(dialog) is None
        dialog.close()  # the window's own close button
        question = _question(dialog)
        assert question is not None and dialog.isVisible(), "closing asked"
        discard, _keep = _buttons(question)
        qtbot.keyClick(discard, Qt.Key.Key_Space)
        assert not dialog.isVisible()

    _drive(qtbot, monkeypatch, steps)
    page.add_contact()
    assert session.people.list() == []


def test_with_nothing_changed_escape_closes_at_once(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, session = _page(qtbot, vault_factory, clock)
    session.people.add(
        ContactDraft(
            name="Maria Okafor",
            relation="peer",
            phones=(Phone("07700 900123", "mobile"), Phone("020 7946 0000")),
            emails=(Email("maria@example.org", "work"),),
            helps=("good listener", "night shift"),
            notes="Two lines\nof notes",
            check_in_days=7,
            is_emergency=True,
        )
    )
    page.refresh()
    closed: list[bool] = []

    def steps(dialog: ContactDialog) -> None:
        for field in (dialog.name, dialog.phones):  # looked at, moved through, not changed
            field.setFocus()
            qtbot.keyClick(field, Qt.Key.Key_End)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        assert _question(dialog) is None
        closed.append(not dialog.isVisible())

    _drive(qtbot, monkeypatch, steps)
    page.add_contact()  # a new, empty one
    [maria] = session.people.list()
    page.list.setCurrentIndex(page.model.index(0, 0))
    assert page.current_contact() is not None
    page.edit_contact()  # one with every kind of field filled in
    assert closed == [True, True]
    assert session.people.list() == [maria]
