"""A journal read in another zone than its entries were written in (issue 16): the list, the
calendar, the editor and the search show each entry's own day and time, naming its zone."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from carecompanion.journal.exchange import ImportSource, commit_import, preview_import
from carecompanion.ui.common.i18n import format_when
from carecompanion.ui.journal.delegate import friendly_date
from carecompanion.ui.journal.editor import AUTOSAVE_DELAY_MS
from carecompanion.ui.journal.search_model import DATE_ROLE
from carecompanion.ui.journal.timeline_model import ENTRY_ID_ROLE, SUMMARY_ROLE
from tests.conftest import VaultFactory
from tests.journal.exchange.conftest import dayone_zip
from tests.ui.conftest import ControllerFactory, activate

# 31 December 2024, 23:30 in New York: 1 January 2025, 13:30 in Tokyo.
NEW_YEARS_EVE = datetime(2025, 1, 1, 4, 30, tzinfo=UTC)


@pytest.fixture
def computer_in_tokyo(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_new_york_entry_stays_on_new_years_eve_in_tokyo(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    tmp_path: Path,
    computer_in_tokyo: None,
) -> None:
    unlocked, _ = vault_factory()
    controller = make_controller()
    controller.start_unlocked(unlocked)
    assert controller.shell is not None and controller.session is not None
    journal = controller.session.journal
    export = tmp_path / "export.zip"
    entry = {
        "creationDate": "2025-01-01T04:30:00Z",
        "timeZone": "America/New_York",
        "text": "Fireworks over the river\n\nWe stayed up for the ball drop.",
    }
    export.write_bytes(dayone_zip(json.dumps({"entries": [entry]}).encode(), {}))
    commit_import(journal, preview_import(journal, ImportSource.DAYONE, export))
    page = controller.shell.journal_page
    page.refresh()
    activate(qtbot, controller.window)

    # The timeline: under December, on the 31st, at 23:30 New York time.
    model = page.timeline_model
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == [
        "December 2024",
        "Fireworks over the river",
    ]
    row = model.index(1, 0)
    assert format_when(date(2024, 12, 31), "long_day") in row.data(
        Qt.ItemDataRole.AccessibleTextRole
    )
    summary = row.data(SUMMARY_ROLE)
    shown = friendly_date(summary.entry_at, summary.time_zone, summary.is_all_day)
    assert shown.endswith("23:30 (New York time)") and "31 Dec 2024" in shown

    # The editor, opened by a click: the date and time as written, and where.
    rect = page.list.visualRect(row)
    qtbot.mouseClick(page.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = page.editor
    assert editor.entry_id == row.data(ENTRY_ID_ROLE)
    assert editor.when.date() == QDate(2024, 12, 31)
    assert (editor.when.time().hour(), editor.when.time().minute()) == (23, 30)
    assert editor.zone_note.isVisible() and editor.zone_note.text() == "New York time"
    # Writing more leaves the moment, its day and its zone alone.
    editor.body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.body, " Then bed.")
    qtbot.waitUntil(lambda: not editor._dirty, timeout=AUTOSAVE_DELAY_MS * 5)
    assert editor.entry_id is not None
    saved = journal.get(editor.entry_id)
    assert saved.body.rstrip().endswith("Then bed.")
    assert (saved.entry_at, saved.time_zone) == (NEW_YEARS_EVE, "America/New_York")

    # The calendar: the 31st is marked, New Year's Day is not, and choosing the 31st by
    # keyboard lists the entry.
    page.tabs.setCurrentIndex(page.tabs.indexOf(page.calendar))
    calendar = page.calendar.calendar
    calendar.setSelectedDate(QDate(2024, 12, 30))
    days = calendar.findChild(QTableView, "qt_calendar_calendarview")
    assert days is not None
    days.setFocus()
    qtbot.keyClick(days, Qt.Key.Key_Right)
    assert calendar.selectedDate() == QDate(2024, 12, 31)
    day_model = page.calendar.day_model
    assert [day_model.index(r, 0).data(ENTRY_ID_ROLE) for r in range(day_model.rowCount())] == [
        saved.id
    ]
    assert calendar.dateTextFormat(QDate(2024, 12, 31)).fontWeight() == QFont.Weight.Bold
    qtbot.keyClick(days, Qt.Key.Key_Right)
    assert calendar.selectedDate() == QDate(2025, 1, 1)
    assert day_model.rowCount() == 0
    assert calendar.dateTextFormat(QDate(2025, 1, 1)).fontWeight() != QFont.Weight.Bold

    # The search's results say the same.
    page.tabs.setCurrentIndex(0)
    page.focus_search()
    qtbot.keyClicks(page.filters.search, "fireworks")
    qtbot.waitUntil(
        lambda: page.list.model() is page.search_model and page.search_model.rowCount() == 1,
        timeout=15_000,  # a ceiling for a loaded machine, not a wait
    )
    hit = page.search_model.index(0, 0).data(DATE_ROLE)
    assert friendly_date(hit.entry_at, hit.time_zone, hit.is_all_day) == shown
