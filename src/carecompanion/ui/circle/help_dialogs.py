"""Asking the circle for help (or changing a request), and the short questions around an
offer: "I can do it" with a note, withdrawing with a reason, cancelling a request.

The dialogs check nothing the core checks: Save hands the request to the caller, which saves
it in the background (``save``); the dialog stays open until that is done, and shows the
core's own words when it is refused (a time already past, an unknown time zone...), so
nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from zoneinfo import available_timezones

from PySide6.QtCore import QDate, QLocale, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from carecompanion.circle.help import HelpRequest
from carecompanion.circle.helping import Ask
from carecompanion.circle.limits import (
    MAX_HELP_NOTE_CHARS,
    MAX_HELP_PEOPLE,
    MAX_HELP_WHAT_CHARS,
    MAX_HELP_WHERE_CHARS,
    MAX_SERIES_SLOTS,
)
from carecompanion.people.zones import system_zone_name
from carecompanion.ui.circle.work import message_for
from carecompanion.ui.common.core_words import is_universal_zone
from carecompanion.ui.common.date_time_field import DateField
from carecompanion.ui.common.discard import AsOpened, close_or_ask
from carecompanion.ui.common.flow import FlowLayout
from carecompanion.ui.common.i18n import date_pattern
from carecompanion.ui.common.screen_fit import scrolling
from carecompanion.ui.common.widgets import label, save_cancel_buttons

#: Save: hands over the request, then ``done()`` or ``failed(exc)`` on the GUI thread.
Save = Callable[[Ask, Callable[[], None], Callable[[Exception], None]], None]


def computer_zone() -> str:
    """This computer's time zone, as the form first offers it."""
    here = system_zone_name() or "UTC"
    return "UTC" if is_universal_zone(here) else here


class AskDialog(QDialog):
    """What help, when (a day, from, until, in a time zone), how many people, where, a note;
    for a new request, optionally the same every week on chosen days, so many times."""

    def __init__(
        self,
        save: Save,
        today: date,
        request: HelpRequest | None = None,
        zone: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._span_days = 0  # an edited request spanning days keeps its span
        editing = request is not None
        self.setWindowTitle(self.tr("Change this request") if editing else self.tr("Ask for help"))
        self.setMinimumWidth(480)
        self._build_what()
        self._build_when(today, zone)
        self._build_repeat(today)
        if request is not None:
            self._show_request(request)
        self.error = label("", "error")
        self.error.setAccessibleName(self.tr("What is wrong"))
        self.error.hide()
        self.buttons = save_cancel_buttons(
            self, self._submit, self.tr("Save changes") if editing else self.tr("Ask the circle")
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(self._form(editing)), 1)  # Save stays in sight
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.starts.timeChanged.connect(lambda _t: self._show_overnight())
        self.ends.timeChanged.connect(lambda _t: self._show_overnight())
        self.day.dateChanged.connect(lambda _d: self._day_changed())
        self._show_overnight()
        self.what.setFocus()
        self._as_opened = AsOpened(self.ask)  # what Escape may close on without asking

    # -- the fields -----------------------------------------------------------------------------
    def _build_what(self) -> None:
        self.what = QLineEdit()
        self.what.setMaxLength(MAX_HELP_WHAT_CHARS)
        self.what.setAccessibleName(self.tr("What help is needed"))
        self.what.setPlaceholderText(self.tr("Sit with Mum while I go to my appointment"))
        self.people = QSpinBox()
        self.people.setRange(1, MAX_HELP_PEOPLE)
        self.people.setAccessibleName(self.tr("People needed"))
        self.where = QLineEdit()
        self.where.setMaxLength(MAX_HELP_WHERE_CHARS)
        self.where.setAccessibleName(self.tr("Where"))
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(self.tr("A note for whoever helps"))
        self.note.setFixedHeight(64)
        self.note.setTabChangesFocus(True)

    def _build_when(self, today: date, zone: str | None) -> None:
        """The day, from, until, and the time zone they are in (this computer's at first)."""
        first = today + timedelta(days=1)
        self.day = DateField(QDate(first.year, first.month, first.day))
        self.day.setDisplayFormat(date_pattern("date"))
        self.day.setCalendarPopup(True)
        self.day.setAccessibleName(self.tr("Day"))
        self.starts = QTimeEdit(QTime(14, 0))
        self.starts.setDisplayFormat(date_pattern("time"))
        self.starts.setAccessibleName(self.tr("From"))
        self.ends = QTimeEdit(QTime(17, 0))
        self.ends.setDisplayFormat(date_pattern("time"))
        self.ends.setAccessibleName(self.tr("Until"))
        self.overnight = label(self.tr("Ends the next day."), "hint")
        self.zone = QLineEdit(zone or computer_zone())
        self.zone.setAccessibleName(self.tr("Time zone"))
        self.zone.setToolTip(
            self.tr(
                "A time zone name such as Europe/London or America/New_York; UTC is universal time."
            )
        )
        completer = QCompleter(sorted(available_timezones()), self.zone)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.zone.setCompleter(completer)

    def _build_repeat(self, today: date) -> None:
        """Every week on chosen weekdays, for so many dates in all."""
        self.repeat = QCheckBox(self.tr("Repeat every week"))
        self.repeat.setAccessibleName(self.tr("Repeat every week"))
        self.days_box = QWidget()
        days = FlowLayout(self.days_box)
        self.weekday_boxes: list[QCheckBox] = []
        locale = QLocale()
        for number in range(7):
            name = locale.dayName(number + 1, QLocale.FormatType.ShortFormat)
            box = QCheckBox(name)
            box.setAccessibleName(locale.dayName(number + 1, QLocale.FormatType.LongFormat))
            days.addWidget(box)
            self.weekday_boxes.append(box)
        self.weekday_boxes[(today + timedelta(days=1)).weekday()].setChecked(True)
        self.count = QSpinBox()
        self.count.setRange(2, MAX_SERIES_SLOTS)
        self.count.setValue(4)
        self.count.setAccessibleName(self.tr("How many dates in all"))
        self.repeat.toggled.connect(lambda _on: self._show_repeat())
        self._show_repeat()

    def _form(self, editing: bool) -> QWidget:
        holder = QWidget()
        form = QFormLayout(holder)
        form.addRow(self.tr("What help"), self.what)
        form.addRow(self.tr("Day"), self.day)
        times = QHBoxLayout()  # "14:00 until 17:00" on one line: the form stays short
        times.addWidget(self.starts, 1)
        times.addWidget(label(self.tr("until"), wrap=False))
        times.addWidget(self.ends, 1)
        form.addRow(self.tr("From"), times)
        form.addRow("", self.overnight)
        form.addRow(self.tr("Time zone"), self.zone)
        form.addRow(self.tr("People needed"), self.people)
        form.addRow(self.tr("Where"), self.where)
        form.addRow(self.tr("Note"), self.note)
        if not editing:
            form.addRow("", self.repeat)
            form.addRow(self.tr("On"), self.days_box)
            form.addRow(self.tr("Dates in all"), self.count)
        return holder

    def _show_request(self, request: HelpRequest) -> None:
        """An edit: the request as it was asked, on its own clock."""
        start = datetime.fromisoformat(request.start_wall)
        end = datetime.fromisoformat(request.end_wall)
        self.what.setText(request.what)
        self.day.setDate(QDate(start.year, start.month, start.day))
        self.starts.setTime(QTime(start.hour, start.minute))
        self.ends.setTime(QTime(end.hour, end.minute))
        self.zone.setText(request.zone)
        self.people.setValue(request.needed)
        self.where.setText(request.where)
        self.note.setPlainText(request.note)
        days = (end.date() - start.date()).days
        self._span_days = days if end.time() > start.time() else max(0, days - 1)

    # -- what the form says --------------------------------------------------------------------
    def _show_repeat(self) -> None:
        on = self.repeat.isChecked()
        self.days_box.setEnabled(on)
        self.count.setEnabled(on)

    def _day_changed(self) -> None:
        """A series starts on the chosen day: its weekday is one of the series' days."""
        if not any(box.isChecked() for box in self.weekday_boxes):
            day: date = self.day.date().toPython()  # type: ignore[assignment]
            self.weekday_boxes[day.weekday()].setChecked(True)

    def _times(self) -> tuple[datetime, datetime]:
        day: date = self.day.date().toPython()  # type: ignore[assignment]
        start = datetime.combine(day, time(self.starts.time().hour(), self.starts.time().minute()))
        end = datetime.combine(
            day + timedelta(days=self._span_days),
            time(self.ends.time().hour(), self.ends.time().minute()),
        )
        if end <= start:  # 22:00 until 07:00: the next morning
            end += timedelta(days=1)
        return start, end

    def _show_overnight(self) -> None:
        start, end = self._times()
        self.overnight.setVisible(end.date() > start.date())

    def chosen_weekdays(self) -> tuple[int, ...]:
        if not self.repeat.isChecked():
            return ()
        return tuple(n for n, box in enumerate(self.weekday_boxes) if box.isChecked())

    def ask(self) -> Ask:
        start, end = self._times()
        weekdays = self.chosen_weekdays()
        return Ask(
            what=self.what.text(),
            start=start,
            end=end,
            zone=self.zone.text().strip(),
            needed=self.people.value(),
            where=self.where.text(),
            note=self.note.toPlainText()[:MAX_HELP_NOTE_CHARS],
            weekdays=weekdays,
            count=self.count.value() if weekdays else 1,
        )

    def _submit(self) -> None:
        """Saved in the background; the dialog closes when it is, or says why not."""
        self.error.hide()
        self.save_button.setEnabled(False)

        def failed(exc: Exception) -> None:
            self.save_button.setEnabled(True)
            self.error.setText(message_for(exc))
            self.error.show()

        self._save(self.ask(), self.accept, failed)

    def reject(self) -> None:
        # Escape (out of a calendar or the time zone list too), Cancel and the window's close
        # button: what was typed is only thrown away when the person says so.
        close_or_ask(self, self._as_opened.changed())


class NoteDialog(QDialog):
    """A yes-or-no question with a few optional words: a note with an offer, the reason for
    withdrawing one or for cancelling a request."""

    def __init__(
        self,
        title: str,
        question: str,
        field_name: str,
        save_text: str,
        parent: QWidget | None = None,
        keep_text: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(field_name)
        self.text.setFixedHeight(80)
        self.text.setTabChangesFocus(True)
        self.buttons = save_cancel_buttons(self, None, save_text)
        if keep_text:  # "Cancel" would be ambiguous beside "Cancel the request"
            keep = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
            keep.setText(keep_text)
            keep.setAccessibleName(keep_text)
        layout = QVBoxLayout(self)
        layout.addWidget(label(question, "subtitle"))
        layout.addWidget(label(field_name, "hint"))
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self.text.setFocus()

    def words(self) -> str:
        return self.text.toPlainText()[:MAX_HELP_NOTE_CHARS]

    def reject(self) -> None:
        close_or_ask(self, bool(self.words().strip()))
