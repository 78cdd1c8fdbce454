"""The People page and the help panel, driven through their widgets."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from carecompanion.clock import FixedClock
from carecompanion.people.records import ContactDraft, Phone
from carecompanion.session import VaultSession
from carecompanion.ui.people.contact_dialog import ContactDialog, LogDialog
from carecompanion.ui.people.help_dialog import HelpDialog
from carecompanion.ui.people.page import PeoplePage
from tests.conftest import VaultFactory


def _session(vault_factory: VaultFactory, clock: FixedClock) -> VaultSession:
    unlocked, _ = vault_factory()
    return VaultSession(unlocked, clock)


def test_adding_a_contact_through_the_dialog(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = _session(vault_factory, clock)
    page = PeoplePage(session)
    qtbot.addWidget(page)
    assert page.body.currentWidget() is page.empty

    def fill_and_accept(dialog: ContactDialog) -> int:
        qtbot.keyClicks(dialog.name, "Maria Okafor")
        dialog.relation.setCurrentIndex(dialog.relation.findData("peer"))
        dialog.phones.setPlainText("mobile: 07700 900123\n020 7946 0000")
        dialog.every.setValue(7)
        dialog.emergency.setChecked(True)
        dialog._check()
        return int(dialog.result())

    monkeypatch.setattr(ContactDialog, "exec", fill_and_accept)
    page.add_contact()
    contacts = session.people.list()
    assert [c.name for c in contacts] == ["Maria Okafor"]
    maria = contacts[0]
    assert maria.phones == (Phone("07700 900123", "mobile"), Phone("020 7946 0000", "mobile"))
    assert maria.check_in_days == 7 and maria.is_emergency
    assert page.body.currentWidget() is page.tabs
    assert "07700 900123" in page.details.toPlainText()


def test_logging_a_call_clears_the_due_reminder(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = _session(vault_factory, clock)
    sam = session.people.add(ContactDraft(name="Sam", relation="family", check_in_days=7))
    session.people.log_contact(sam.id, "call", "", clock.now() - timedelta(days=10))
    page = PeoplePage(session)
    qtbot.addWidget(page)
    assert not page.due_hint.isHidden()
    assert "Sam" in page.due_hint.text()
    monkeypatch.setattr(LogDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    page.log_contact()
    assert page.due_hint.isHidden()
    assert session.people.log(sam.id)[0].kind == "call"


def test_clicking_a_number_opens_the_phone_app_and_offers_to_log(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = _session(vault_factory, clock)
    session.people.add(ContactDraft(name="Jo", phones=(Phone("+44 20 7946 0000"),)))
    page = PeoplePage(session)
    qtbot.addWidget(page)
    opened: list[str] = []
    offered: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))

    def offer(dialog: LogDialog) -> int:
        offered.append(dialog.kind.currentData())
        return 0

    monkeypatch.setattr(LogDialog, "exec", offer)
    page._link(QUrl("tel:+442079460000"))
    assert opened == ["tel:+442079460000"]
    assert offered == ["call"]


def test_help_panel_lists_people_first_then_helplines(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock
) -> None:
    session = _session(vault_factory, clock)
    session.people.add(
        ContactDraft(name="Sam Patel", is_emergency=True, phones=(Phone("07700 900456"),))
    )
    session.people.add(ContactDraft(name="Not an emergency contact"))
    dialog = HelpDialog(session.people)
    qtbot.addWidget(dialog)
    assert "not an emergency service" in dialog.statement.text()
    dialog.country.setCurrentIndex(dialog.country.findData("GB"))
    dialog._choose_country()
    text = dialog.view.toPlainText()
    assert text.index("Sam Patel") < text.index("Samaritans")
    assert "116 123" in text
    assert "Not an emergency contact" not in text


def test_adding_a_fortnightly_group_lists_its_meetings(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QDate, QTime

    from carecompanion.ui.people.group_dialog import GroupDialog

    session = _session(vault_factory, clock)
    page = PeoplePage(session)
    qtbot.addWidget(page)

    def fill(dialog: GroupDialog) -> int:
        qtbot.keyClicks(dialog.name, "Carers' circle")
        dialog.repeat.setCurrentIndex(dialog.repeat.findData("fortnightly"))
        today = clock.now().date()
        dialog.first.setDate(QDate(today.year, today.month, today.day).addDays(1))
        dialog.start.setTime(QTime(18, 30))
        dialog.zone.setText("Europe/London")
        dialog._check()
        return int(dialog.result())

    monkeypatch.setattr(GroupDialog, "exec", fill)
    page.add_group()
    groups = session.groups.list()
    assert [g.name for g in groups] == ["Carers' circle"]
    assert groups[0].schedule is not None and groups[0].schedule.interval == 2
    assert page.groups_model.rowCount() == 1
    assert page.meetings_model.rowCount() == 3, "five weeks of a fortnightly group"
    assert page.body.currentWidget() is page.tabs
    page.meetings.setCurrentIndex(page.meetings_model.index(0, 0))
    page.cancel_meeting()
    assert page.meetings_model.rowCount() == 2, "only that one meeting is cancelled"


def test_group_dialog_refuses_an_unknown_time_zone(qtbot: QtBot) -> None:
    from carecompanion.ui.people.group_dialog import GroupDialog

    dialog = GroupDialog([])
    qtbot.addWidget(dialog)
    dialog.name.setText("Group")
    dialog.zone.setText("Mars/Olympus")
    dialog._check()
    assert not dialog.error.isHidden()
    assert dialog.result() != 1


def test_a_photo_is_kept_encrypted_and_shown(
    qtbot: QtBot,
    vault_factory: VaultFactory,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage

    image = QImage(30, 30, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkCyan)
    raw = QByteArray()
    buffer = QBuffer(raw)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6's stub says bytes for the format, but the binding takes only str at run time.
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    png = bytes(raw.data())

    session = _session(vault_factory, clock)
    page = PeoplePage(session)
    qtbot.addWidget(page)

    def fill(dialog: ContactDialog) -> int:
        dialog.name.setText("Ana")
        dialog.set_photo(png)
        dialog._check()
        return int(dialog.result())

    monkeypatch.setattr(ContactDialog, "exec", fill)
    page.add_contact()
    ana = session.people.list()[0]
    assert ana.has_photo
    assert not page.picture.isHidden()
    assert page.picture.pixmap().width() == 96


def test_the_next_meeting_shows_in_the_sidebar(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock
) -> None:
    from datetime import time

    from carecompanion.people.meetings import GroupDraft, Schedule
    from carecompanion.ui.app.main_shell import MainShell

    session = _session(vault_factory, clock)
    session.groups.add(
        GroupDraft(
            name="Carers' circle",
            schedule=Schedule.weekly(clock.now().date(), time(18, 30), "Europe/London"),
        )
    )
    shell = MainShell(session)
    qtbot.addWidget(shell)
    assert "Carers' circle" in shell.next_meeting.text()
    shell.clear()
    assert shell.next_meeting.text() == ""


def test_vcard_import_from_the_page_adds_once(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    fixture = Path(__file__).parent.parent / "fixtures" / "vcard" / "google_contacts_3_0.vcf"
    session = _session(vault_factory, clock)
    page = PeoplePage(session)
    qtbot.addWidget(page)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(fixture), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(str(a[2])))
    page.import_vcard()
    qtbot.waitUntil(lambda: not page.files_busy, timeout=30_000)  # read and added on workers
    count = session.people.count()
    assert count > 0
    page.import_vcard()
    qtbot.waitUntil(lambda: not page.files_busy, timeout=30_000)
    assert session.people.count() == count, "importing twice adds nothing"
    assert told[0].startswith(f"Added {count} people")
    assert told[-1] == "Everyone in this file is already here."


def test_helplines_and_the_emergency_number_are_editable(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock
) -> None:
    from carecompanion.ui.people.helplines_dialog import HelplinesDialog

    session = _session(vault_factory, clock)
    crisis = session.people.crisis
    crisis.choose_country("GB")
    dialog = HelplinesDialog(crisis)
    qtbot.addWidget(dialog)
    before = len(crisis.list())
    dialog.fields["name"].setText("Carers' helpline")
    dialog.fields["phone"].setText("0808 808 7777")
    assert dialog.add_line()
    assert len(crisis.list()) == before + 1
    dialog.list.setCurrentIndex(dialog.model.index(dialog.model.rowCount() - 1, 0))
    dialog.fields["hours"].setText("Mon–Fri 9–6")
    assert dialog.save_line()
    assert crisis.list()[-1].hours == "Mon–Fri 9–6"
    dialog.fields["phone"].clear()
    dialog.fields["url"].clear()
    dialog.fields["text_number"].clear()
    assert not dialog.save_line(), "a helpline needs a way to reach it"
    assert not dialog.error.isHidden()
    dialog.list.setCurrentIndex(dialog.model.index(dialog.model.rowCount() - 1, 0))
    assert dialog.remove_line()
    assert len(crisis.list()) == before
    dialog.emergency.setText("112")
    dialog.reject()
    assert crisis.emergency_number() == "112"


def test_members_and_moving_one_meeting(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import time

    from carecompanion.people.meetings import GroupDraft, Schedule
    from carecompanion.ui.people.group_dialog import GroupDialog

    session = _session(vault_factory, clock)
    maria = session.people.add(ContactDraft(name="Maria"))
    group = session.groups.add(
        GroupDraft(
            name="Circle",
            schedule=Schedule.weekly(
                clock.now().date() + timedelta(days=1), time(18, 30), "Europe/London"
            ),
        )
    )
    dialog = GroupDialog(session.people.list(), group.to_draft())
    qtbot.addWidget(dialog)
    dialog.members_model.item(0).setCheckState(Qt.CheckState.Checked)
    assert dialog.draft().member_ids == (maria.id,)

    page = PeoplePage(session)
    qtbot.addWidget(page)
    first = page.meetings_model.value(0)
    new_day = first.original_day + timedelta(days=1)
    page.move_meeting_to(group.id, first.original_day, new_day, time(10, 0))
    moved = page.meetings_model.value(0)
    assert moved.moved
    assert moved.start.date() == new_day and moved.start.hour == 10


def test_a_group_added_shows_in_the_sidebar_at_once(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QDate, QTime

    from carecompanion.ui.app.main_shell import MainShell
    from carecompanion.ui.people.group_dialog import GroupDialog

    session = _session(vault_factory, clock)
    shell = MainShell(session)
    qtbot.addWidget(shell)
    shell.show_section(2)
    assert shell.next_meeting.text() == ""

    def fill(dialog: GroupDialog) -> int:
        qtbot.keyClicks(dialog.name, "Carers' circle")
        today = clock.now().date()
        dialog.first.setDate(QDate(today.year, today.month, today.day).addDays(1))
        dialog.start.setTime(QTime(18, 30))
        dialog.zone.setText("Europe/London")
        dialog._check()
        return int(dialog.result())

    monkeypatch.setattr(GroupDialog, "exec", fill)
    shell.people_page.add_group()
    assert "Carers' circle" in shell.next_meeting.text(), "without changing section first"
