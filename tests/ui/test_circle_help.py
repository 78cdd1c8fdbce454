"""The Circle page's help calendar (issue 18), driven through its widgets with real vaults
sharing one circle file in a temporary "shared folder": one member asks through the Ask
dialog, another offers from their own vault, the first confirms; each step is checked in the
service, not in the widgets."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from carecompanion.circle.helping import Ask
from carecompanion.clock import FixedClock
from carecompanion.paths import AppPaths
from carecompanion.session import VaultSession
from carecompanion.ui.circle.help_dialogs import AskDialog, NoteDialog
from carecompanion.ui.circle.help_model import help_rows, slot_when
from carecompanion.ui.circle.page import CirclePage
from tests.conftest import VaultFactory
from tests.ui.circle_support import WAIT, Person, make_page, wait_idle
from tests.ui.conftest import ControllerFactory, activate
from tests.ui.test_accessibility import unnamed_controls


@pytest.fixture(autouse=True)
def computer_in_london(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The times the page shows are on this computer's clock: fix it, wherever tests run."""
    monkeypatch.setenv("TZ", "Europe/London")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def circle_of(owner: VaultSession, others: list[tuple[VaultSession, str]], file: Path) -> str:
    circle_id = owner.circles.create("Tuesday group", file).id
    for other, role in others:
        owner.circles.add_member(circle_id, other.circles.card(), role)
    owner.circles.sync(circle_id)
    for other, _role in others:
        other.circles.join(file)
    return circle_id


def open_help(qtbot: QtBot, page: CirclePage) -> None:
    """Click the Help calendar tab, and wait for its calendar."""
    tab = page.tab_strip.buttons[page.tabs.indexOf(page.help_tab)]
    qtbot.mouseClick(tab, Qt.MouseButton.LeftButton)
    assert page.tabs.currentWidget() is page.help_tab
    wait_idle(qtbot, page)


def sync(qtbot: QtBot, page: CirclePage) -> None:
    page.sync_all()
    wait_idle(qtbot, page)


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def answer_note(qtbot: QtBot, words: str, seen: list[str]) -> Callable[[NoteDialog], int]:
    """A NoteDialog answered by typing ``words`` and pressing its main button."""

    def answer(dialog: NoteDialog) -> int:
        assert unnamed_controls(dialog) == []
        seen.append(dialog.windowTitle())
        qtbot.keyClicks(dialog.text, words)
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )
        return int(dialog.result())

    return answer


def test_ask_offer_confirm_through_the_help_tab(
    qtbot: QtBot,
    person: Person,
    shared: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ana, bea = person("Ana"), person("Bea")
    circle_id = circle_of(ana, [(bea, "member")], shared / "group.carecircle")
    ana_page = make_page(qtbot, ana, show=True)
    open_help(qtbot, ana_page)
    tab = ana_page.help_tab
    assert tab.stack.currentIndex() == 1  # nobody has asked yet: the kind empty state

    # Ana asks, through the dialog, from the keyboard.
    def fill(dialog: AskDialog) -> int:
        assert unnamed_controls(dialog) == []
        qtbot.keyClicks(dialog.what, "Sit with Mum while I go to my appointment")
        dialog.day.setDate(dialog.day.date().addDays(1))  # Thursday 5 March
        type_into(qtbot, dialog.zone, "Europe/London")
        type_into(qtbot, dialog.where, "at home")
        qtbot.keyClicks(dialog.note, "she likes the radio on")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=WAIT)
        return int(dialog.result())

    monkeypatch.setattr(AskDialog, "exec", fill)
    qtbot.mouseClick(tab.ask_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ana_page)
    [asked] = ana.circles.help_board(circle_id).requests
    assert (asked.what, asked.start_wall, asked.end_wall, asked.zone) == (
        "Sit with Mum while I go to my appointment",
        "2026-03-05T14:00",
        "2026-03-05T17:00",
        "Europe/London",
    )
    assert (asked.where, asked.note, asked.needed, asked.state) == (
        "at home",
        "she likes the radio on",
        1,
        "open",
    )
    assert tab.panel_request() == asked  # the new request is chosen
    assert not ana.circles.circle(circle_id).dirty, "the page synced after asking"

    # Bea, in her own vault, sees it after a sync and offers.
    bea_page = make_page(qtbot, bea, show=True)
    open_help(qtbot, bea_page)
    bea_tab = bea_page.help_tab
    shown = bea_tab.panel_request()
    assert shown is not None and shown.id == asked.id
    assert bea_tab.panel.offer_button.isVisibleTo(bea_tab)
    assert not bea_tab.panel.edit_button.isVisibleTo(bea_tab), "not hers to change"
    seen: list[str] = []
    monkeypatch.setattr(NoteDialog, "exec", answer_note(qtbot, "I can bring soup too", seen))
    qtbot.mouseClick(bea_tab.panel.offer_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, bea_page)
    assert seen == ["Offer to help"]
    [offer] = bea.circles.help_board(circle_id).request(asked.id).offers
    assert (offer.by, offer.state, offer.note) == (
        bea.circles.identity().fingerprint,
        "offered",
        "I can bring soup too",
    )
    assert bea_tab.panel.withdraw_button.isVisibleTo(bea_tab)
    assert not bea_tab.panel.offer_button.isVisibleTo(bea_tab), "one offer each"

    # Ana syncs, sees the offer, chooses it and confirms.
    sync(qtbot, ana_page)
    assert tab.panel.offers_model.rowCount() == 1
    assert not tab.panel.confirm_button.isEnabled()  # no offer chosen yet
    tab.panel.offers.setCurrentIndex(tab.panel.offers_model.index(0, 0))
    assert tab.panel.confirm_button.isEnabled()
    qtbot.mouseClick(tab.panel.confirm_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ana_page)
    covered = ana.circles.help_board(circle_id).request(asked.id)
    assert covered.state == "covered"
    assert covered.covered_by == (bea.circles.identity().fingerprint,)

    # Bea's next sync: it is what she said she would do.
    sync(qtbot, bea_page)
    board = bea.circles.help_board(circle_id)
    assert board.request(asked.id).offers[0].state == "confirmed"
    assert [row.section for row in help_rows(board, False)] == ["promised"]
    assert bea_tab.model.rowCount() == 1
    assert bea_tab.model.value(0).heading == "What I said I would do"


def test_withdraw_after_confirmation_and_cancel_are_asked_first(
    qtbot: QtBot, person: Person, shared: Path, monkeypatch: pytest.MonkeyPatch, clock: FixedClock
) -> None:
    ana, bea = person("Ana"), person("Bea")
    circle_id = circle_of(ana, [(bea, "member")], shared / "group.carecircle")
    start = datetime(2026, 3, 6, 10, 0)
    [rid] = ana.circles.ask_for_help(
        circle_id, Ask("A lift to the clinic", start, start + timedelta(hours=2), "UTC")
    )
    ana.circles.sync(circle_id)
    bea.circles.sync(circle_id)
    offer_id = bea.circles.offer_help(circle_id, rid)
    bea.circles.sync(circle_id)
    ana.circles.sync(circle_id)
    ana.circles.confirm_offer(circle_id, offer_id)
    ana.circles.sync(circle_id)
    bea_page = make_page(qtbot, bea, show=True)
    open_help(qtbot, bea_page)
    bea_tab = bea_page.help_tab
    shown = bea_tab.panel_request()
    assert shown is not None and shown.id == rid

    seen: list[str] = []
    monkeypatch.setattr(NoteDialog, "exec", lambda _d: int(QDialog.DialogCode.Rejected))
    qtbot.mouseClick(bea_tab.panel.withdraw_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, bea_page)
    assert bea.circles.help_board(circle_id).request(rid).state == "covered", "she kept it"
    monkeypatch.setattr(NoteDialog, "exec", answer_note(qtbot, "I have a cold", seen))
    qtbot.mouseClick(bea_tab.panel.withdraw_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, bea_page)
    request = bea.circles.help_board(circle_id).request(rid)
    assert request.state == "open", "a withdrawal after confirmation opens the slot again"
    assert (request.offers[0].state, request.offers[0].reason) == ("withdrawn", "I have a cold")

    ana_page = make_page(qtbot, ana, show=True)
    open_help(qtbot, ana_page)
    tab = ana_page.help_tab
    tab.choose(rid)
    qtbot.mouseClick(tab.panel.cancel_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ana_page)
    request = ana.circles.help_board(circle_id).request(rid)
    assert (request.state, request.cancel_reason) == ("cancelled", "I have a cold")
    assert seen == ["Withdraw my offer", "Cancel this request"]
    # Cancelled requests fold away; the toggle brings them back.
    assert tab.model.rowCount() == 0 and tab.stack.currentIndex() == 1
    assert "(1)" in tab.past_box.text()
    tab.past_box.click()
    assert tab.model.rowCount() == 1 and tab.model.value(0).heading == "Past and cancelled"


def test_a_weekly_series_and_a_refused_time_keep_the_dialog_open(
    qtbot: QtBot, person: Person, shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana, bea = person("Ana"), person("Bea")
    circle_id = circle_of(ana, [(bea, "member")], shared / "group.carecircle")
    page = make_page(qtbot, ana, show=True)
    open_help(qtbot, page)
    errors: list[str] = []

    def fill(dialog: AskDialog) -> int:
        qtbot.keyClicks(dialog.what, "Meal on chemo days")
        type_into(qtbot, dialog.zone, "Mars/Olympus_Mons")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=WAIT)
        errors.append(dialog.error.text())
        assert dialog.result() != QDialog.DialogCode.Accepted  # still open, nothing lost
        type_into(qtbot, dialog.zone, "America/New_York")
        dialog.starts.setTime(dialog.starts.time().fromString("18:00", "HH:mm"))
        dialog.ends.setTime(dialog.ends.time().fromString("19:00", "HH:mm"))
        qtbot.keyClick(dialog.repeat, Qt.Key.Key_Space)
        for day in (1, 4):  # Tuesdays and Fridays
            dialog.weekday_boxes[day].setChecked(True)
        dialog.weekday_boxes[2].setChecked(False)  # tomorrow is a Wednesday: not that one
        dialog.count.setValue(4)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=WAIT)
        return int(dialog.result())

    monkeypatch.setattr(AskDialog, "exec", fill)
    qtbot.mouseClick(page.help_tab.ask_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    assert errors == ["Mars/Olympus_Mons is not a time zone this computer knows."]
    requests = ana.circles.help_board(circle_id).requests
    # From Wednesday 4 March: Friday 6, Tuesday 10, Friday 13, Tuesday 17; the clocks change
    # in New York on 8 March, and the slots stay at 18:00 there.
    assert [r.start_wall for r in requests] == [
        "2026-03-06T18:00",
        "2026-03-10T18:00",
        "2026-03-13T18:00",
        "2026-03-17T18:00",
    ]
    assert len({r.series for r in requests}) == 1 and requests[0].series is not None
    assert [r.start.utcoffset() for r in requests] == [
        timedelta(hours=-5),
        timedelta(hours=-4),
        timedelta(hours=-4),
        timedelta(hours=-4),
    ]


def test_a_helper_offers_but_does_not_ask_and_a_reader_is_told_why(
    qtbot: QtBot, person: Person, shared: Path
) -> None:
    ana, hal, rue = person("Ana"), person("Hal"), person("Rue")
    circle_id = circle_of(ana, [(hal, "helper"), (rue, "reader")], shared / "group.carecircle")
    start = datetime(2026, 3, 6, 10, 0)
    ana.circles.ask_for_help(
        circle_id, Ask("A lift to the clinic", start, start + timedelta(hours=2), "UTC")
    )
    ana.circles.sync(circle_id)
    helper_page = make_page(qtbot, hal, show=True)
    open_help(qtbot, helper_page)
    tab = helper_page.help_tab
    assert not tab.ask_button.isVisibleTo(tab)
    assert tab.panel.offer_button.isVisibleTo(tab)
    reader_page = make_page(qtbot, rue, show=True)
    open_help(qtbot, reader_page)
    tab = reader_page.help_tab
    assert not tab.ask_button.isVisibleTo(tab)
    assert not tab.panel.offer_button.isVisibleTo(tab)
    assert "make you a helper" in tab.panel.role_hint.text()


def test_the_ask_dialog_is_named_and_reachable_from_the_keyboard(qtbot: QtBot) -> None:
    dialog = AskDialog(lambda _ask, _done, _failed: None, datetime(2026, 3, 3).date())
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    assert unnamed_controls(dialog) == []
    dialog.what.setFocus()
    reached: list[QWidget] = []
    for _press in range(60):  # a date or time field takes a Tab per part (day, month...)
        focused = QApplication.focusWidget()
        assert focused is not None
        reached.append(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    names = {w.accessibleName() for w in reached}
    for wanted in (
        "What help is needed",
        "Day",
        "From",
        "Until",
        "Time zone",
        "People needed",
        "Where",
        "A note for whoever helps",
        "Repeat every week",
        "Ask the circle",
        "Cancel",
    ):
        assert wanted in names, wanted


def test_times_show_on_the_readers_clock_with_the_slots_own_noted(
    person: Person, shared: Path
) -> None:
    from zoneinfo import ZoneInfo

    ana, bea = person("Ana"), person("Bea")
    circle_id = circle_of(ana, [(bea, "member")], shared / "group.carecircle")
    start = datetime(2026, 3, 5, 14, 0)
    ana.circles.ask_for_help(
        circle_id, Ask("Sit with Mum", start, start + timedelta(hours=3), "Europe/London")
    )
    [request] = ana.circles.help_board(circle_id).requests
    assert slot_when(request, ZoneInfo("Europe/London")) == "Thu 5 Mar, 14:00–17:00"
    assert (
        slot_when(request, ZoneInfo("America/New_York"))
        == "Thu 5 Mar, 09:00–12:00 (14:00–17:00 London time)"
    )
    # Across midnight on the reader's clock, the day is named on both.
    assert (
        slot_when(request, ZoneInfo("Pacific/Auckland"))
        == "Fri 6 Mar, 03:00–06:00 (Thu 5 Mar, 14:00–17:00 London time)"
    )


def test_the_organiser_makes_someone_a_helper_and_is_told_what_that_means(
    qtbot: QtBot, person: Person, tmp_path: Path, shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from carecompanion.ui.circle.members_dialog import AddMemberDialog, MembersDialog

    ana, hal = person("Ana"), person("Hal")
    circle_id = ana.circles.create("Tuesday group", shared / "t.carecircle").id
    page = make_page(qtbot, ana, show=True)
    card_file = tmp_path / "Hal.carecard"
    card_file.write_bytes(hal.circles.card().to_bytes())
    dialog = MembersDialog(ana.circles, page.work, circle_id, page.request_sync)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(card_file), ""))
    notes: list[str] = []

    def choose_helper(add: AddMemberDialog) -> int:
        assert unnamed_controls(add) == []
        add.matches.setChecked(True)
        assert add.role_note.isHidden()
        add.role.setFocus()
        while add.chosen_role() != "helper":  # from the keyboard, down the list
            qtbot.keyClick(add.role, Qt.Key.Key_Down)
        assert not add.role_note.isHidden()
        notes.append(add.role_note.text())
        qtbot.mouseClick(add.add_button, Qt.MouseButton.LeftButton)
        return int(add.result())

    monkeypatch.setattr(AddMemberDialog, "exec", choose_helper)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            ana.circles.roster(circle_id).role_of(hal.circles.identity().fingerprint) == "helper"
            and dialog.model.rowCount() == 2
        ),
        timeout=WAIT,
    )
    assert "reads everything" in notes[0] and "cannot post" in notes[0]
    assert "Hal · helper" in dialog.model.index(1, 0).data()
    wait_idle(qtbot, page)


# -- told, reminded, in the sidebar, in a calendar --------------------------------------------
def _asked_and_offered(ana: VaultSession, bea: VaultSession, file: Path) -> tuple[str, str, str]:
    """Ana asks for Thursday 14:00-17:00 London time; Bea offers. (circle, request, offer)"""
    circle_id = circle_of(ana, [(bea, "member")], file)
    start = datetime(2026, 3, 5, 14, 0)
    [rid] = ana.circles.ask_for_help(
        circle_id,
        Ask("Sit with Mum after chemo", start, start + timedelta(hours=3), "Europe/London"),
    )
    ana.circles.sync(circle_id)
    bea.circles.sync(circle_id)
    return circle_id, rid, ""


def test_after_a_sync_the_tray_says_who_did_what_on_which_day_and_nothing_more(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    person: Person,
    shared: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from carecompanion.ui.app.tray import Tray

    unlocked, _ = vault_factory()
    controller = make_controller()
    controller.start_unlocked(unlocked)
    ana, shell = controller.session, controller.shell
    assert ana is not None and shell is not None
    ana.circles.set_name("Ana")
    bea = person("Bea")
    tray = Tray(controller.settings, ana.clock, lambda: True, help_boards=controller.help_boards)
    controller.attach_tray(tray)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(tray, "_show", lambda _about, title, text: shown.append((title, text)))
    circle_id, rid, _ = _asked_and_offered(ana, bea, shared / "group.carecircle")
    page = shell.circle_page
    sync(qtbot, page)
    assert shown == [], "nothing new for Ana yet"
    offer_id = bea.circles.offer_help(circle_id, rid)
    bea.circles.sync(circle_id)
    sync(qtbot, page)
    assert shown == [("Your circle's help calendar", "Someone offered to help on Thu 5 Mar.")]
    assert not shell.help_coming.text()
    ana.circles.confirm_offer(circle_id, offer_id)
    sync(qtbot, page)
    assert len(shown) == 1, "her own confirmation is no news to her"
    assert (
        shell.help_coming.text() == "Help coming:\nThu 5 Mar, 14:00\nBea: Sit with Mum after chemo"
    )
    assert not shell.help_promised.text()
    bea.circles.sync(circle_id)
    bea.circles.withdraw_offer(circle_id, offer_id, "I have a cold")
    bea.circles.sync(circle_id)
    sync(qtbot, page)
    assert shown[-1] == (
        "Your circle's help calendar",
        "Someone who was coming on Thu 5 Mar can no longer come.",
    )
    assert "chemo" not in " ".join(text for _title, text in shown), "no health detail"
    # The sidebar follows: nobody is coming now.
    qtbot.waitUntil(lambda: not shell.sidebar._wanted[id(shell.help_coming)], timeout=WAIT)


def test_a_reminder_before_help_i_promised_at_the_lead_time_in_settings(
    qtbot: QtBot, person: Person, shared: Path, paths: AppPaths, clock: FixedClock
) -> None:
    from carecompanion.ui.app.settings import UiSettings
    from carecompanion.ui.app.tray import Tray

    ana, bea = person("Ana"), person("Bea")
    circle_id, rid, _ = _asked_and_offered(ana, bea, shared / "group.carecircle")
    offer_id = bea.circles.offer_help(circle_id, rid)
    bea.circles.sync(circle_id)
    ana.circles.sync(circle_id)
    ana.circles.confirm_offer(circle_id, offer_id)
    ana.circles.sync(circle_id)
    bea.circles.sync(circle_id)
    paths.ensure()
    settings = UiSettings(paths)
    settings.help_lead_minutes = 90
    tray = Tray(
        settings, clock, lambda: True, help_boards=lambda: [bea.circles.help_board(circle_id)]
    )
    # Two hours before (London is on UTC in March).
    clock.advance((datetime(2026, 3, 5, 12, 0, tzinfo=UTC) - clock.now()).total_seconds())
    tray.tick()
    assert tray.reminders_shown == 0
    clock.advance(40 * 60)
    tray.tick()
    tray.tick()
    assert tray.reminders_shown == 1, "once"
    settings.help_lead_minutes = 0
    other = Tray(
        settings, clock, lambda: True, help_boards=lambda: [bea.circles.help_board(circle_id)]
    )
    other.tick()
    assert other.reminders_shown == 0, "never, when Settings say never"


def test_the_settings_keep_the_lead_time_for_help(qtbot: QtBot, paths: AppPaths) -> None:
    from carecompanion.ui.app.settings import UiSettings
    from carecompanion.ui.app.settings_dialog import SettingsDialog

    paths.ensure()
    settings = UiSettings(paths)
    assert settings.help_lead_minutes == 60
    dialog = SettingsDialog("light", 10, False, None)
    qtbot.addWidget(dialog)
    dialog.set_reminders(False, settings.reminder_time, False, None, 60, 45)
    assert dialog.help_lead.value() == 45
    assert unnamed_controls(dialog) == []
    settings.help_lead_minutes = 30
    assert UiSettings(paths).help_lead_minutes == 30


def test_export_what_i_promised_as_an_icalendar_file(
    qtbot: QtBot, person: Person, shared: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from icalendar import Calendar
    from PySide6.QtWidgets import QFileDialog

    ana, bea = person("Ana"), person("Bea")
    circle_id, rid, _ = _asked_and_offered(ana, bea, shared / "group.carecircle")
    page = make_page(qtbot, bea, show=True)
    open_help(qtbot, page)
    tab = page.help_tab
    target = tmp_path / "out" / "my help"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    tab.export(True)
    assert "nothing to export" in tab.status.text()
    offer_id = bea.circles.offer_help(circle_id, rid)
    bea.circles.sync(circle_id)
    ana.circles.sync(circle_id)
    ana.circles.confirm_offer(circle_id, offer_id)
    ana.circles.sync(circle_id)
    sync(qtbot, page)
    tab.export(True)
    written = tmp_path / "out" / "my help.ics"
    qtbot.waitUntil(lambda: "Saved 1 event" in tab.status.text(), timeout=WAIT)
    [event] = Calendar.from_ical(written.read_bytes()).walk("VEVENT")
    assert str(event["uid"]) == f"{rid}@help.carecompanion"
    assert event["dtstart"].params["TZID"] == "Europe/London"
    assert event.decoded("dtstart").replace(tzinfo=None) == datetime(2026, 3, 5, 14, 0)
    assert [a["action"] for a in event.walk("VALARM")] == ["DISPLAY"]


def test_a_scrolling_dialog_deleted_while_a_field_has_the_focus_says_nothing(
    qtbot: QtBot,
) -> None:
    """The Help tab deletes its dialogs once answered; the focus leaving a field of one being
    deleted reached the scroll area's focus follower after the area was gone."""
    from PySide6.QtWidgets import QCompleter, QLineEdit, QVBoxLayout

    from carecompanion.ui.common.screen_fit import scrolling

    dialog = QDialog()
    field = QLineEdit()
    field.setAccessibleName("A time zone")
    field.setCompleter(QCompleter(["America/New_York", "Europe/London"], field))
    layout = QVBoxLayout(dialog)
    layout.addWidget(scrolling(field))
    dialog.show()
    activate(qtbot, dialog)
    qtbot.keyClicks(field, "Ameri")  # the completer's list opens
    dialog.deleteLater()
    qtbot.wait(20)  # pytest-qt fails the test on an exception raised in a slot meanwhile
