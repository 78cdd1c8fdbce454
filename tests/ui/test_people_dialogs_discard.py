"""The group, log-a-contact and move-a-meeting dialogs ask before Escape throws away what
was typed in them (each used to close at once, losing it), and close at once when nothing
was changed. Driven by keys; what was kept or not is read back from the services."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from carecompanion.clock import FixedClock
from carecompanion.people.meetings import GroupDraft, Schedule
from carecompanion.people.records import ContactDraft
from carecompanion.session import VaultSession
from carecompanion.ui.people.contact_dialog import LogDialog
from carecompanion.ui.people.group_dialog import GroupDialog, MoveMeetingDialog
from carecompanion.ui.people.page import PeoplePage
from tests.conftest import VaultFactory
from tests.ui.discard_support import (
    drive,
    escape_and_discard,
    escape_and_keep_editing,
    escape_closes_at_once,
    type_into,
)


def _page(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock
) -> tuple[PeoplePage, VaultSession]:
    unlocked, _ = vault_factory()
    session = VaultSession(unlocked, clock)
    page = PeoplePage(session)
    qtbot.addWidget(page)
    return page, session


# -- a support group --------------------------------------------------------------------------
def test_group_escape_after_typing_asks_and_keep_editing_keeps_it(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, session = _page(qtbot, vault_factory, clock)

    def steps(dialog: QDialog) -> None:
        assert isinstance(dialog, GroupDialog)
        type_into(qtbot, dialog.name, "Carers'")
        escape_and_keep_editing(qtbot, dialog)  # Enter keeps
        qtbot.keyClicks(dialog.name, " circle")
        escape_and_keep_editing(qtbot, dialog, Qt.Key.Key_Escape)  # Escape keeps too
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # and the group is saved whole

    drive(qtbot, monkeypatch, GroupDialog, steps)
    page.add_group()
    assert [g.name for g in session.groups.list()] == ["Carers' circle"]


def test_group_discard_closes_without_saving(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, session = _page(qtbot, vault_factory, clock)

    def steps(dialog: QDialog) -> None:
        assert isinstance(dialog, GroupDialog)
        type_into(qtbot, dialog.notes, "Bring the leaflets")
        escape_and_discard(qtbot, dialog)

    seen = drive(qtbot, monkeypatch, GroupDialog, steps)
    page.add_group()
    assert len(seen) == 1
    assert session.groups.list() == []


def test_group_untouched_or_changed_back_closes_at_once(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, session = _page(qtbot, vault_factory, clock)
    session.people.add(ContactDraft(name="Maria"))
    tomorrow = clock.now().date() + timedelta(days=1)
    group = session.groups.add(
        GroupDraft(
            name="Tuesday carers",
            kind="video",
            location="https://meet.example.org/x",
            notes="Two lines\nof notes",
            schedule=Schedule.weekly(tomorrow, time(18, 30), "Europe/Madrid", 60, every_weeks=2),
        )
    )
    page.refresh()

    def steps(dialog: QDialog) -> None:
        assert isinstance(dialog, GroupDialog)
        type_into(qtbot, dialog.location, "x")
        qtbot.keyClick(dialog.location, Qt.Key.Key_Backspace)  # typed, then taken back
        escape_closes_at_once(qtbot, dialog)

    seen = drive(qtbot, monkeypatch, GroupDialog, steps)
    page.add_group()  # a new, empty one
    page.groups.setCurrentIndex(page.groups.model().index(0, 0))
    page.edit_group()  # one with a schedule, notes and a place
    assert len(seen) == 2
    assert session.groups.list() == [group]


# -- logging a call, message or visit ---------------------------------------------------------
def test_log_escape_after_typing_asks_and_keep_editing_keeps_it(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, session = _page(qtbot, vault_factory, clock)
    sam = session.people.add(ContactDraft(name="Sam"))
    page.refresh()

    def steps(dialog: QDialog) -> None:
        assert isinstance(dialog, LogDialog)
        type_into(qtbot, dialog.note, "Talked about the move")
        escape_and_keep_editing(qtbot, dialog)
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)

    drive(qtbot, monkeypatch, LogDialog, steps)
    page.list.setCurrentIndex(page.model.index(0, 0))
    page.log_contact()
    assert [(e.kind, e.note) for e in session.people.log(sam.id)] == [
        ("call", "Talked about the move")
    ]


def test_log_discard_closes_without_logging(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, session = _page(qtbot, vault_factory, clock)
    sam = session.people.add(ContactDraft(name="Sam"))
    page.refresh()

    def steps(dialog: QDialog) -> None:
        assert isinstance(dialog, LogDialog)
        dialog.kind.setFocus()
        qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)  # a message, not a call
        escape_and_discard(qtbot, dialog)

    seen = drive(qtbot, monkeypatch, LogDialog, steps)
    page.list.setCurrentIndex(page.model.index(0, 0))
    page.log_contact()
    assert len(seen) == 1
    assert session.people.log(sam.id) == []


def test_log_untouched_closes_at_once(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, session = _page(qtbot, vault_factory, clock)
    sam = session.people.add(ContactDraft(name="Sam"))
    page.refresh()

    def steps(dialog: QDialog) -> None:
        dialog.setFocus()
        escape_closes_at_once(qtbot, dialog)

    seen = drive(qtbot, monkeypatch, LogDialog, steps)
    page.list.setCurrentIndex(page.model.index(0, 0))
    page.log_contact("visit")
    assert len(seen) == 1
    assert session.people.log(sam.id) == []


# -- moving one meeting -----------------------------------------------------------------------
def _with_a_meeting(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock
) -> tuple[PeoplePage, VaultSession, int]:
    page, session = _page(qtbot, vault_factory, clock)
    group = session.groups.add(
        GroupDraft(
            name="Circle",
            schedule=Schedule.weekly(clock.now().date() + timedelta(days=1), time(18, 30), "UTC"),
        )
    )
    page.refresh()
    page.meetings.setCurrentIndex(page.meetings_model.index(0, 0))
    return page, session, group.id


def test_move_escape_after_changing_the_time_asks_and_keep_editing_keeps_it(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, session, group_id = _with_a_meeting(qtbot, vault_factory, clock)

    def steps(dialog: QDialog) -> None:
        assert isinstance(dialog, MoveMeetingDialog)
        dialog.at.setFocus()
        qtbot.keyClick(dialog.at, Qt.Key.Key_Up)  # an hour later
        escape_and_keep_editing(qtbot, dialog)
        qtbot.keyClick(dialog.at, Qt.Key.Key_Return)

    drive(qtbot, monkeypatch, MoveMeetingDialog, steps)
    page.move_meeting()
    [moved] = session.groups.get(group_id).exceptions
    assert moved.new_start == time(19, 30)


def test_move_discard_and_untouched_move_nothing(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, session, group_id = _with_a_meeting(qtbot, vault_factory, clock)
    changed = [True, False]

    def steps(dialog: QDialog) -> None:
        assert isinstance(dialog, MoveMeetingDialog)
        dialog.at.setFocus()
        if changed.pop(0):
            qtbot.keyClick(dialog.at, Qt.Key.Key_Up)
            escape_and_discard(qtbot, dialog)
        else:
            escape_closes_at_once(qtbot, dialog)

    seen = drive(qtbot, monkeypatch, MoveMeetingDialog, steps)
    page.move_meeting()
    page.move_meeting()
    assert len(seen) == 2
    assert session.groups.get(group_id).exceptions == ()
