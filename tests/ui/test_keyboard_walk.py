"""The daily flows with the keyboard only, as a reviewer walked them on a small laptop: what
stopped Tab, lost the focus or left Escape and Enter doing nothing, each driven with real
key presses on the real widgets."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QRect, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from carecompanion.clock import FixedClock
from carecompanion.journal.service import JournalService
from carecompanion.mood.records import CheckInDraft
from carecompanion.mood.service import MoodService
from carecompanion.people.records import Phone
from carecompanion.session import VaultSession
from carecompanion.ui.app.controller import AppController
from carecompanion.ui.common import screen_fit
from carecompanion.ui.common.tab_strip import TabStrip
from carecompanion.ui.common.widgets import save_cancel_buttons
from carecompanion.ui.journal.page import JournalPage
from carecompanion.ui.journal.templates_dialog import TemplatesDialog
from carecompanion.ui.mood.checkin_dialog import CheckInDialog
from carecompanion.ui.people.contact_dialog import ContactDialog
from carecompanion.ui.people.group_dialog import GroupDialog
from carecompanion.ui.people.page import PeoplePage
from carecompanion.vault.vault import UnlockedVault
from tests.conftest import VaultFactory
from tests.ui.conftest import ControllerFactory, activate


def _open(
    qtbot: QtBot, make_controller: ControllerFactory, vault_factory: VaultFactory
) -> AppController:
    unlocked, _ = vault_factory()
    controller = make_controller()
    controller.start_unlocked(unlocked)
    activate(qtbot, controller.window)
    return controller


def test_tab_leaves_the_journal_tabs_for_the_list(
    qtbot: QtBot, make_controller: ControllerFactory, vault_factory: VaultFactory
) -> None:
    # The hidden tab bar behind the strip held the Tab key: focus never left the tabs.
    controller = _open(qtbot, make_controller, vault_factory)
    assert controller.shell is not None
    page = controller.shell.journal_page
    timeline = page.tab_strip.buttons[0]
    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.list
    qtbot.keyClick(page.list, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert timeline.hasFocus()


def test_tab_leaves_the_entry_date_in_one_press(
    qtbot: QtBot, make_controller: ControllerFactory, vault_factory: VaultFactory
) -> None:
    # Qt's date-and-time field took six Tab presses (day, month, year, hour, minute) to leave.
    controller = _open(qtbot, make_controller, vault_factory)
    assert controller.shell is not None
    page = controller.shell.journal_page
    page.new_button.setFocus()
    qtbot.keyClick(page.new_button, Qt.Key.Key_Return)
    editor = page.editor
    editor.when.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.tags
    qtbot.keyClick(editor.tags, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert editor.when.hasFocus()
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier
    )
    assert QApplication.focusWidget() is editor.body


def test_tab_goes_from_a_tab_strip_into_its_page_and_back(qtbot: QtBot) -> None:
    # The same strip holds the mood charts' tabs.
    tabs = QTabWidget()
    pages = [QLineEdit("chart"), QLineEdit("year")]
    for number, page in enumerate(pages):
        tabs.addTab(page, f"Tab {number}")
    holder = QWidget()
    qtbot.addWidget(holder)
    strip = TabStrip(tabs)
    layout = QVBoxLayout(holder)
    layout.addWidget(strip)
    layout.addWidget(tabs)
    activate(qtbot, holder)
    strip.buttons[0].setFocus()
    qtbot.keyClick(strip.buttons[0], Qt.Key.Key_Right)
    assert strip.buttons[1].hasFocus() and tabs.currentIndex() == 1
    qtbot.keyClick(strip.buttons[1], Qt.Key.Key_Tab)
    assert pages[1].hasFocus()
    qtbot.keyClick(pages[1], Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert strip.buttons[1].hasFocus()


def test_tab_leaves_every_box_of_the_person_dialog(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tab typed a tab into the phone numbers and stayed there: no way on to Save by keyboard.
    unlocked, _ = vault_factory()
    session = VaultSession(unlocked, clock)
    page = PeoplePage(session)
    qtbot.addWidget(page)

    def type_it_all(dialog: ContactDialog) -> int:
        activate(qtbot, dialog)
        dialog.name.setFocus()
        qtbot.keyClicks(dialog.name, "Lucia Gomez")
        for field, words in (
            (dialog.relation, ""),
            (dialog.role, "neighbour"),
            (dialog.phones, "mobile: 600 111 222"),
            (dialog.emails, "lucia@example.org"),
            (dialog.address, ""),
            (dialog.helps, ""),
            (dialog.best_times, ""),
            (dialog.every, ""),
            (dialog.emergency, ""),
            (dialog.notes, "Lives next door"),
        ):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is field
            qtbot.keyClicks(field, words)
        qtbot.keyClick(dialog.notes, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.photo_button
        qtbot.keyClick(dialog.photo_button, Qt.Key.Key_Tab)
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        assert QApplication.focusWidget() is box.button(QDialogButtonBox.StandardButton.Save)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        return int(dialog.result())

    monkeypatch.setattr(ContactDialog, "exec", type_it_all)
    page.add_contact()
    [lucia] = session.people.list()
    assert lucia.phones == (Phone("600 111 222", "mobile"),)
    assert [e.address for e in lucia.emails] == ["lucia@example.org"]
    assert lucia.notes == "Lives next door"


def test_tab_leaves_the_group_notes(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock
) -> None:
    dialog = GroupDialog([])
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    dialog.notes.setFocus()
    qtbot.keyClicks(dialog.notes, "Bring the leaflets")
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Tab)
    assert not dialog.notes.hasFocus()
    assert dialog.notes.toPlainText() == "Bring the leaflets"


def test_tab_leaves_a_template_text(qtbot: QtBot, vault_factory: VaultFactory) -> None:
    unlocked, _ = vault_factory()
    session = VaultSession(unlocked, FixedClock())
    dialog = TemplatesDialog(session.templates)
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    dialog.new_button.setFocus()
    qtbot.keyClick(dialog.new_button, Qt.Key.Key_Space)
    for field in (dialog.title, dialog.tags, dialog.body):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is field
    qtbot.keyClicks(dialog.body, "How was today?")
    qtbot.keyClick(dialog.body, Qt.Key.Key_Tab)
    assert not dialog.body.hasFocus()
    dialog.save_button.setFocus()
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
    mine = [t for t in session.templates.list_templates() if not t.built_in]
    assert [t.body for t in mine] == ["How was today?"]


def test_tab_into_the_check_in_questions_goes_in_reading_order_and_in_sight(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock
) -> None:
    # Tab from More went to the date at the bottom, out of sight: a digit typed for the
    # stress changed the date instead. And Shift+Tab from Save left the focus unseen.
    unlocked, _ = vault_factory()
    session = VaultSession(unlocked, clock)
    dialog = CheckInDialog(session.mood, now=clock.now())
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_3)
    dialog.more.setFocus()
    qtbot.keyClick(dialog.more, Qt.Key.Key_Space)
    dialog.resize(dialog.width(), dialog.minimumSizeHint().height())  # a short screen
    QApplication.processEvents()
    assert dialog.details.verticalScrollBar().isVisible()
    visited = []
    for _ in range(9):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
        assert _in_sight(dialog.details, QApplication.focusWidget())
    assert visited == dialog.questions.focus_chain()
    assert visited[0] is dialog.stress and visited[-2:] == [dialog.when, dialog.entry]
    dialog.stress.setFocus()
    qtbot.keyClick(dialog.stress, Qt.Key.Key_Up)  # from "—" to 0
    dialog.details.verticalScrollBar().setValue(0)  # back at the top, as after a scroll
    dialog.save_button.setFocus()
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is dialog.entry
    assert _in_sight(dialog.details, dialog.entry)
    qtbot.keyClick(dialog.entry, Qt.Key.Key_Return)
    [saved] = session.mood.list()
    assert (saved.mood, saved.stress) == (3, 0)
    assert saved.at == clock.now()


def _in_sight(area: QScrollArea, widget: QWidget | None) -> bool:
    assert widget is not None
    viewport = area.viewport().rect()
    shown = QRect(widget.mapTo(area.viewport(), widget.rect().topLeft()), widget.size())
    # A list taller than the view can only be partly in it.
    return (
        viewport.contains(shown)
        if shown.height() <= viewport.height()
        else (viewport.intersects(shown))
    )


def test_a_field_reached_from_outside_a_scrolling_dialog_body_is_scrolled_into_sight(
    qtbot: QtBot,
) -> None:
    form = QVBoxLayout()
    fields = [QLineEdit(f"field {n}") for n in range(40)]
    for field in fields:
        form.addWidget(field)
    body = screen_fit.scrolling(form)
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    layout.addWidget(body, 1)
    buttons = save_cancel_buttons(dialog)
    layout.addWidget(buttons)
    dialog.resize(400, 300)
    activate(qtbot, dialog)
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    save.setFocus()
    qtbot.keyClick(save, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert fields[-1].hasFocus() and _in_sight(body, fields[-1])
    cancel.setFocus()
    qtbot.keyClick(cancel, Qt.Key.Key_Tab)  # round to the first field
    assert fields[0].hasFocus() and _in_sight(body, fields[0])
    qtbot.keyClick(fields[0], Qt.Key.Key_End)
    qtbot.keyClicks(fields[0], " typed where it shows")
    assert fields[0].text() == "field 0 typed where it shows"


def test_enter_on_a_focused_button_of_the_window_presses_it(
    qtbot: QtBot, make_controller: ControllerFactory, vault_factory: VaultFactory
) -> None:
    # Only Space pressed the window's buttons: Enter on "New entry" or "Lock" did nothing.
    controller = _open(qtbot, make_controller, vault_factory)
    shell = controller.shell
    assert shell is not None and controller.session is not None
    session = controller.session
    page = shell.journal_page
    page.new_button.setFocus()
    qtbot.keyClick(page.new_button, Qt.Key.Key_Return)
    assert page.editor.title.hasFocus()
    qtbot.keyClicks(page.editor.title, "Pressed with Enter")
    qtbot.keyClick(page.editor.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert [e.title for e in session.journal.list_summaries(limit=5)] == ["Pressed with Enter"]
    shell.lock_button.setFocus()
    qtbot.keyClick(shell.lock_button, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert controller.session is None and session.is_locked


def _journal_with(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    clock: FixedClock,
) -> tuple[AppController, JournalPage, VaultSession]:
    unlocked, _ = vault_factory()
    journal = JournalService(unlocked.database, clock)
    journal.add("Respite plan for the long weekend with the neighbours", "Ask about respite.", [])
    journal.add("Pharmacy", "Pick up the tablets.", [])
    controller = _open_unlocked(qtbot, make_controller, unlocked)
    assert controller.shell is not None and controller.session is not None
    return controller, controller.shell.journal_page, controller.session


def _open_unlocked(
    qtbot: QtBot, make_controller: ControllerFactory, unlocked: UnlockedVault
) -> AppController:
    controller = make_controller()
    controller.start_unlocked(unlocked)
    activate(qtbot, controller.window)
    return controller


def test_enter_in_the_search_opens_what_it_found_and_enter_again_writes_in_it(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    clock: FixedClock,
) -> None:
    # Enter and Down in the search box did nothing: three Tabs to reach the results, and
    # Enter on a result left the cursor in the list.
    _controller, page, session = _journal_with(qtbot, make_controller, vault_factory, clock)
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.filters.search, "respite")
    qtbot.keyClick(page.filters.search, Qt.Key.Key_Return)
    assert page.list.hasFocus()
    [found] = [s for s in session.journal.list_summaries(limit=5) if s.title.startswith("Respite")]
    assert page.editor.entry_id == found.id
    assert page.editor.title.cursorPosition() == 0, "a long title shows its start"
    qtbot.keyClick(page.list, Qt.Key.Key_Return)
    assert page.editor.body.hasFocus()
    qtbot.keyClick(page.editor.body, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.editor.body, " And the sitter.")
    qtbot.keyClick(page.editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert session.journal.get(found.id).body.strip() == "Ask about respite. And the sitter."


def test_down_in_the_search_goes_to_the_results_and_escape_clears_it(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    clock: FixedClock,
) -> None:
    _controller, page, session = _journal_with(qtbot, make_controller, vault_factory, clock)
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.filters.search, "tablets")
    qtbot.keyClick(page.filters.search, Qt.Key.Key_Down)
    assert page.list.hasFocus()
    [pharmacy] = [s for s in session.journal.list_summaries(limit=5) if s.title == "Pharmacy"]
    assert page.editor.entry_id == pharmacy.id
    qtbot.keyClick(page.list, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.filters.search, Qt.Key.Key_Escape)
    assert page.filters.search.text() == ""
    qtbot.waitUntil(lambda: page.list.model() is page.timeline_model, timeout=3_000)


def test_enter_on_an_entry_of_the_chosen_day_writes_in_it(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    clock: FixedClock,
) -> None:
    _controller, page, session = _journal_with(qtbot, make_controller, vault_factory, clock)
    timeline = page.tab_strip.buttons[0]
    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_Right)  # the calendar
    today = clock.now().date()
    page.calendar.calendar.setSelectedDate(QDate(today.year, today.month, today.day))
    qtbot.keyClick(timeline, Qt.Key.Key_Tab)
    days = QApplication.focusWidget()
    assert days is page.calendar.calendar.findChild(QWidget, "qt_calendar_calendarview")
    qtbot.keyClick(days, Qt.Key.Key_Tab)
    day_list = page.calendar.day_list
    assert day_list.hasFocus()
    qtbot.keyClick(day_list, Qt.Key.Key_Tab)  # nothing on this day in earlier years:
    assert not page.calendar.memory_list.hasFocus()  # no empty list to stop in
    day_list.setFocus()
    qtbot.keyClick(day_list, Qt.Key.Key_Down)
    qtbot.keyClick(day_list, Qt.Key.Key_Return)
    assert page.editor.body.hasFocus()
    assert page.editor.entry_id in {s.id for s in session.journal.list_summaries(limit=5)}


def test_tab_reaches_the_editor_toolbar_and_deletes_an_entry(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The toolbar's buttons took no focus: Heading, the lists, the link, Attach and Delete
    # could only be clicked.
    _controller, page, session = _journal_with(qtbot, make_controller, vault_factory, clock)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    page.window().resize(1400, 900)  # room for every button: none in the » menu
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.editor.title, "Written by mistake")
    qtbot.keyClick(page.editor.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.editor.entry_id is not None
    names = []
    for _ in range(20):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        assert focus is not None
        names.append(focus.accessibleName())
        if names[-1] == "Delete this entry":
            break
    assert {"Heading", "Bulleted list", "Attach a photo or document"} <= set(names)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    titles = [s.title for s in session.journal.list_summaries(limit=10)]
    assert "Written by mistake" not in titles and len(titles) == 2


def test_a_scrolling_dialog_body_needs_no_sideways_scroll_bar(qtbot: QtBot) -> None:
    # At 1366x768 and 150 % the support group dialog showed a sideways scroll bar under
    # fields cut on the right: the body asked for its content's width only, the vertical
    # bar took some of it, and the window came out a pixel narrower than asked (rounding).
    column = QVBoxLayout()
    for number in range(30):  # rows that cannot be narrower than they ask, as there
        column.addWidget(QPushButton(f"A button as wide as its words {number}"))
    body = screen_fit.scrolling(column)
    qtbot.addWidget(body)
    content = body.widget()
    assert content is not None
    bar = body.verticalScrollBar().sizeHint().width()
    frame = body.contentsMargins().left() + body.contentsMargins().right()
    one_pixel_short = body.sizeHint().width() - 1
    assert one_pixel_short - bar - frame >= content.minimumSizeHint().width()


def test_the_year_in_colour_shows_december_in_a_small_window(
    qtbot: QtBot, make_controller: ControllerFactory, vault_factory: VaultFactory, clock: FixedClock
) -> None:
    # At 911 px wide (1366x768 at 150 %) the year was cut after August, with no way to
    # scroll: the months just past, the ones that count, could not be seen.
    unlocked, _ = vault_factory()
    MoodService(unlocked.database, clock).add(CheckInDraft(mood=4, at=clock.now()))
    controller = _open_unlocked(qtbot, make_controller, unlocked)
    controller.window.resize(911, 512)
    shell = controller.shell
    assert shell is not None
    shell.navigation.setFocus()
    qtbot.keyClick(shell.navigation, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = shell.mood_page
    first = page.tab_strip.buttons[0]
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Right)
    assert page.tabs.currentWidget() is page.year_stack
    heatmap = page.heatmap
    qtbot.waitUntil(heatmap.isVisible, timeout=2_000)
    shown = heatmap.visibleRegion().boundingRect()
    last_day = date(clock.now().year, 12, 31)
    assert shown.contains(heatmap._cell(last_day))


def test_enter_in_the_name_of_a_new_person_saves_it(
    qtbot: QtBot,
    vault_factory: VaultFactory,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Save was made the default before it was in the dialog, so the dialog chose its own:
    # the first button in the form. Enter in the name opened the photo chooser.
    unlocked, _ = vault_factory()
    session = VaultSession(unlocked, clock)
    page = PeoplePage(session)
    qtbot.addWidget(page)
    chooser: list[object] = []

    def choose(*args: object, **_kwargs: object) -> tuple[str, str]:
        chooser.append(args)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)

    def type_and_enter(dialog: ContactDialog) -> int:
        activate(qtbot, dialog)
        dialog.name.setFocus()
        qtbot.keyClicks(dialog.name, "Ana")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
        return int(dialog.result())

    monkeypatch.setattr(ContactDialog, "exec", type_and_enter)
    page.add_contact()
    assert chooser == []
    assert [c.name for c in session.people.list()] == ["Ana"]
