"""The calendar: days with entries in bold, the chosen day's entries, and "on this day"."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QFont, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QListView, QTableView, QVBoxLayout, QWidget

from carecompanion.journal.service import EntrySummary, JournalService
from carecompanion.ui.common.i18n import format_when
from carecompanion.ui.common.screen_fit import scrolling
from carecompanion.ui.common.widgets import label
from carecompanion.ui.journal.delegate import EntryDelegate
from carecompanion.ui.journal.timeline_model import ENTRY_ID_ROLE, TimelineModel


def _fixed(rows: list[EntrySummary]):  # type: ignore[no-untyped-def]
    """A page fetcher over rows already in hand (a day holds only a few entries)."""

    def fetch(limit: int, after: object) -> list[EntrySummary]:
        return [] if after is not None else rows

    return fetch


class CalendarView(QWidget):
    entry_chosen = Signal(int)
    entry_entered = Signal()  # Enter on an entry of the day: on to writing in it

    def __init__(self, journal: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self.calendar = QCalendarWidget()
        self.calendar.setAccessibleName(self.tr("Calendar"))
        self.calendar.setGridVisible(False)
        plain = QTextCharFormat()  # weekends in the same calm colour as the other days
        for weekend in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.calendar.setWeekdayTextFormat(weekend, plain)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        # One letter a day, as small calendars write them: the month fits a narrow pane
        # (1366×768 at 150 %) next to the entry being written.
        self.calendar.setHorizontalHeaderFormat(
            QCalendarWidget.HorizontalHeaderFormat.SingleLetterDayNames
        )
        for part, name in (
            ("qt_calendar_prevmonth", self.tr("Previous month")),
            ("qt_calendar_nextmonth", self.tr("Next month")),
            ("qt_calendar_monthbutton", self.tr("Choose the month")),
            ("qt_calendar_yearbutton", self.tr("Choose the year")),
            ("qt_calendar_yearedit", self.tr("Year")),
            ("qt_calendar_calendarview", self.tr("Days of the month")),
        ):
            child = self.calendar.findChild(QWidget, part)
            if child is not None:  # Qt's own part names; named so screen readers can say them
                child.setAccessibleName(name)
        days = self.calendar.findChild(QTableView, "qt_calendar_calendarview")
        if days is not None:
            # Qt sizes the calendar for weeks one line of text high; the header's least
            # section size (taller, from the app's header padding) pushed the last week out.
            days.verticalHeader().setMinimumSectionSize(1)
        self.calendar.selectionChanged.connect(self.refresh_day)
        self.calendar.currentPageChanged.connect(lambda _y, _m: self.mark_days())
        self.day_title = label("", "sectionTitle")  # a long day name wraps in a narrow pane
        self.day_model = TimelineModel(headings=False)
        self.day_list = self._list(self.day_model, self.tr("Entries on the chosen day"))
        self.memory_title = label(self.tr("On this day"), "sectionTitle", wrap=False)
        self.memory_model = TimelineModel()
        self.memory_list = self._list(self.memory_model, self.tr("On this day in earlier years"))
        self.memory_hint = label("", "hint")
        column = QVBoxLayout()
        column.addWidget(self.calendar)
        column.addWidget(self.day_title)
        column.addWidget(self.day_list, 1)
        column.addWidget(self.memory_title)
        column.addWidget(self.memory_hint)
        column.addWidget(self.memory_list, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # In a short window the calendar and its lists scroll together, the month whole.
        layout.addWidget(scrolling(column))
        self._marked: list[QDate] = []

    def _list(self, model: TimelineModel, name: str) -> QListView:
        view = QListView()
        view.setObjectName("entries")
        view.setModel(model)
        view.setItemDelegate(EntryDelegate(view))
        view.setAccessibleName(name)
        view.activated.connect(self._chosen)
        view.activated.connect(lambda _index: self.entry_entered.emit())
        view.clicked.connect(self._chosen)
        return view

    def _chosen(self, index) -> None:  # type: ignore[no-untyped-def]
        entry_id = index.data(ENTRY_ID_ROLE)
        if entry_id is not None:
            self.entry_chosen.emit(int(entry_id))

    def refresh(self) -> None:
        self.mark_days()
        self.refresh_day()

    def mark_days(self) -> None:
        for day in self._marked:
            self.calendar.setDateTextFormat(day, QTextCharFormat())
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        bold.setFontUnderline(True)
        year, month = self.calendar.yearShown(), self.calendar.monthShown()
        self._marked = [QDate(year, month, d) for d in self._journal.days_with_entries(year, month)]
        for day in self._marked:
            self.calendar.setDateTextFormat(day, bold)

    def refresh_day(self) -> None:
        chosen: date = self.calendar.selectedDate().toPython()  # type: ignore[assignment]
        self.day_title.setText(format_when(chosen, "long_day"))
        self.day_model.reset(_fixed(self._journal.entries_on(chosen)))
        memories = self._journal.on_this_day(chosen)
        self.memory_model.reset(_fixed(memories))
        self.memory_hint.setText(
            "" if memories else self.tr("Nothing from this day in earlier years.")
        )
        self.memory_hint.setVisible(not memories)
        self.memory_list.setVisible(bool(memories))  # no empty box for Tab to stop in

    def clear(self) -> None:
        self.day_model.clear()
        self.memory_model.clear()
        for day in self._marked:
            self.calendar.setDateTextFormat(day, QTextCharFormat())
        self._marked = []
