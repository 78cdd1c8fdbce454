"""Adding or changing a support group and its meeting schedule."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from carecompanion.people.meetings import (
    GROUP_KINDS,
    WEEKS_OF_MONTH,
    GroupDraft,
    Schedule,
)
from carecompanion.people.records import Contact
from carecompanion.people.zones import is_zone, system_zone_name
from carecompanion.ui.common.choices_model import CheckableListModel
from carecompanion.ui.common.core_words import group_kind_label, is_universal_zone
from carecompanion.ui.common.date_time_field import DateField
from carecompanion.ui.common.discard import AsOpened, close_or_ask
from carecompanion.ui.common.i18n import QT_TRANSLATE_NOOP, date_pattern
from carecompanion.ui.common.screen_fit import scrolling
from carecompanion.ui.common.widgets import label, save_cancel_buttons

REPEATS = (
    ("weekly", QT_TRANSLATE_NOOP("GroupDialog", "Every week")),
    ("fortnightly", QT_TRANSLATE_NOOP("GroupDialog", "Every other week")),
    ("monthly", QT_TRANSLATE_NOOP("GroupDialog", "Once a month, on the same weekday")),
    ("once", QT_TRANSLATE_NOOP("GroupDialog", "Just once")),
)
_WEEK_WORDS = {
    1: QT_TRANSLATE_NOOP("GroupDialog", "first"),
    2: QT_TRANSLATE_NOOP("GroupDialog", "second"),
    3: QT_TRANSLATE_NOOP("GroupDialog", "third"),
    4: QT_TRANSLATE_NOOP("GroupDialog", "fourth"),
    5: QT_TRANSLATE_NOOP("GroupDialog", "fifth"),
    -1: QT_TRANSLATE_NOOP("GroupDialog", "last"),
}


class GroupDialog(QDialog):
    def __init__(
        self,
        contacts: list[Contact],
        draft: GroupDraft | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("A support group") if draft is None else self.tr("Edit"))
        self.setMinimumWidth(520)
        draft = draft or GroupDraft(name="")
        self._build_about(draft, contacts)
        self._build_members(contacts, draft.member_ids)
        self._build_schedule(draft.schedule)
        self.notes = QPlainTextEdit(draft.notes)
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setFixedHeight(64)
        self.notes.setTabChangesFocus(True)  # Tab goes on to Save, as in a form
        if draft.schedule is not None:
            self._show_schedule(draft.schedule)
        self.repeat.currentIndexChanged.connect(lambda _i: self._week_visible())
        form = self._form()
        self.error = label("", "error")
        self.error.hide()
        buttons = save_cancel_buttons(self, self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(form), 1)  # Save and Cancel stay in sight on a small screen
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._week_visible()
        self._as_opened = AsOpened(self.draft)  # what Escape may close on without asking

    # -- the fields -----------------------------------------------------------------------------
    def _build_about(self, draft: GroupDraft, contacts: list[Contact]) -> None:
        """Its name, how and where it meets, and who leads it."""
        self.name = QLineEdit(draft.name)
        self.name.setAccessibleName(self.tr("Group name"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("How the group meets"))
        for kind in GROUP_KINDS:
            self.kind.addItem(group_kind_label(kind), kind)
        self.kind.setCurrentIndex(self.kind.findData(draft.kind))
        self.location = QLineEdit(draft.location)
        self.location.setAccessibleName(self.tr("Where, or the link or number"))
        self.facilitator = QComboBox()
        self.facilitator.setAccessibleName(self.tr("Facilitator"))
        self.facilitator.addItem(self.tr("Nobody chosen"), None)
        for contact in contacts:
            self.facilitator.addItem(contact.name, contact.id)
        self.facilitator.setCurrentIndex(max(0, self.facilitator.findData(draft.facilitator_id)))

    def _build_members(self, contacts: list[Contact], member_ids: tuple[int, ...]) -> None:
        self.members_model = CheckableListModel(self)
        for contact in contacts:
            self.members_model.add_choice(contact.id, contact.name, contact.id in member_ids)
        self.members = QListView()
        self.members.setModel(self.members_model)
        self.members.setAccessibleName(self.tr("Members"))
        self.members.setFixedHeight(96)

    def _build_schedule(self, schedule: Schedule | None) -> None:
        """How often, from when, at what time, for how long, in which time zone."""
        self.repeat = QComboBox()
        self.repeat.setAccessibleName(self.tr("How often it meets"))
        for key, text in REPEATS:
            self.repeat.addItem(self.tr(text), key)
        self.week = QComboBox()
        self.week.setAccessibleName(self.tr("Which week of the month"))
        for number in WEEKS_OF_MONTH:
            self.week.addItem(self.tr(_WEEK_WORDS[number]), number)
        first = schedule.first if schedule else date.today()
        self.first = DateField(QDate(first.year, first.month, first.day))
        self.first.setDisplayFormat(date_pattern("date"))
        self.first.setCalendarPopup(True)
        self.first.setAccessibleName(self.tr("First meeting"))
        start = schedule.start if schedule else time(18, 30)
        self.start = QTimeEdit(QTime(start.hour, start.minute))
        self.start.setDisplayFormat(date_pattern("time"))
        self.start.setAccessibleName(self.tr("Starts at"))
        self.duration = QSpinBox()
        self.duration.setRange(15, 600)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(self.tr(" minutes"))
        self.duration.setValue(schedule.duration_minutes if schedule else 90)
        self.duration.setAccessibleName(self.tr("How long"))
        self.zone = self._build_zone(schedule)

    def _build_zone(self, schedule: Schedule | None) -> QLineEdit:
        here = system_zone_name() or "UTC"
        # "Etc/UTC" (what a fresh system often reports) is written the way people know it.
        zone = QLineEdit(schedule.tz if schedule else "UTC" if is_universal_zone(here) else here)
        zone.setAccessibleName(self.tr("Time zone"))
        zone.setToolTip(
            self.tr(
                "A time zone name such as Europe/London or America/New_York; UTC is universal time."
            )
        )
        return zone

    def _show_schedule(self, schedule: Schedule) -> None:
        key = {"once": "once", "monthly": "monthly"}.get(
            schedule.frequency, "fortnightly" if schedule.interval == 2 else "weekly"
        )
        self.repeat.setCurrentIndex(self.repeat.findData(key))
        if schedule.week_of_month is not None:
            self.week.setCurrentIndex(self.week.findData(schedule.week_of_month))

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        for text, widget in (
            (self.tr("Name"), self.name),
            (self.tr("Meets"), self.kind),
            (self.tr("Where"), self.location),
            (self.tr("Facilitator"), self.facilitator),
            (self.tr("Members"), self.members),
            (self.tr("Repeats"), self.repeat),
            (self.tr("Week of the month"), self.week),
            (self.tr("First meeting"), self.first),
            (self.tr("Starts at"), self.start),
            (self.tr("Lasts"), self.duration),
            (self.tr("Time zone"), self.zone),
            (self.tr("Notes"), self.notes),
        ):
            form.addRow(text, widget)
        return form

    # -- the answers ----------------------------------------------------------------------------
    def _week_visible(self) -> None:
        self.week.setEnabled(self.repeat.currentData() == "monthly")

    def schedule(self) -> Schedule:
        first: date = self.first.date().toPython()  # type: ignore[assignment]
        start = time(self.start.time().hour(), self.start.time().minute())
        zone, minutes = self.zone.text().strip(), self.duration.value()
        repeat = self.repeat.currentData()
        if repeat == "once":
            return Schedule.once(first, start, zone, minutes)
        if repeat == "monthly":
            return Schedule.monthly(
                first.weekday(), int(self.week.currentData()), first, start, zone, minutes
            )
        return Schedule.weekly(
            first, start, zone, minutes, every_weeks=2 if repeat == "fortnightly" else 1
        )

    def member_ids(self) -> tuple[int, ...]:
        return tuple(int(contact_id) for contact_id in self.members_model.checked_values())

    def draft(self) -> GroupDraft:
        return GroupDraft(
            name=self.name.text().strip(),
            kind=self.kind.currentData(),
            location=self.location.text().strip(),
            facilitator_id=self.facilitator.currentData(),
            member_ids=self.member_ids(),
            notes=self.notes.toPlainText().strip(),
            schedule=self.schedule(),
        )

    def _check(self) -> None:
        problem = ""
        if not self.name.text().strip():
            problem = self.tr("A group needs a name.")
        elif not is_zone(self.zone.text().strip()):
            problem = self.tr(
                "'{zone}' is not a time zone name such as Europe/London or America/New_York."
            ).format(zone=self.zone.text().strip())
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        self.accept()

    def reject(self) -> None:
        # Escape (out of a calendar too), Cancel and the window's close button: what was
        # typed is only thrown away when the person says so.
        close_or_ask(self, self._as_opened.changed())


class MoveMeetingDialog(QDialog):
    """One meeting to another day or time, in the group's own time zone."""

    def __init__(self, start: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Move this meeting"))
        self.day = DateField(QDate(start.year, start.month, start.day))
        self.day.setDisplayFormat(date_pattern("date"))
        self.day.setCalendarPopup(True)
        self.day.setAccessibleName(self.tr("New day"))
        self.at = QTimeEdit(QTime(start.hour, start.minute))
        self.at.setDisplayFormat(date_pattern("time"))
        self.at.setAccessibleName(self.tr("New time"))
        form = QFormLayout()
        form.addRow(self.tr("Day"), self.day)
        form.addRow(self.tr("Time (the group's time zone)"), self.at)
        buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._as_opened = AsOpened(self.chosen)

    def chosen(self) -> tuple[date, time]:
        day: date = self.day.date().toPython()  # type: ignore[assignment]
        return day, time(self.at.time().hour(), self.at.time().minute())

    def reject(self) -> None:
        close_or_ask(self, self._as_opened.changed())
