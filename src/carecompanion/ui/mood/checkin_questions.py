"""The check-in's optional questions, folded behind "More": stress, energy, sleep, hours of
care, self-care, feelings, a journal entry, and the date and time.

One widget that owns these fields and turns them, with the mood and note the dialog asks
for, into a ``CheckInDraft``. The dialog (``checkin_dialog``) folds it into a scroll area
and keeps the faces, the note and Save always in view.

Its words keep the dialog's translation context ("CheckInDialog"): they were written, and
translated, as the dialog's, and ``translate`` with a literal context is what lupdate reads.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QDateTime,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QListView,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from carecompanion.journal.service import EntrySummary
from carecompanion.mood.defaults import DEFAULT_EMOTIONS
from carecompanion.mood.records import CheckInDraft
from carecompanion.mood.service import MoodService
from carecompanion.ui.common import error_words
from carecompanion.ui.common.choices_model import VALUE_ROLE, CheckableListModel
from carecompanion.ui.common.core_words import activity_word, emotion_word
from carecompanion.ui.common.date_time_field import OneStopDateTimeEdit
from carecompanion.ui.common.i18n import date_pattern, format_entry_when
from carecompanion.ui.common.widgets import label

translate = QCoreApplication.translate  # lupdate reads translate("Context", "...")

NOT_SET = "—"
# Where each choice keeps the name stored in the vault (its text is the translation).
NAME_ROLE = VALUE_ROLE
# The stylesheet draws an item's tick box larger than the size Qt reserves for it (the style
# sheet's indicator and item padding are not in the delegate's size hint): without this room
# "A walk" shows as "A w…".
CHOICE_EXTRA_WIDTH = 24


class _ChoiceDelegate(QStyledItemDelegate):
    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        # A click anywhere on a word ticks it once (the view's clicked signal): the box's own
        # toggle would undo that click when it lands on the box. Space still ticks.
        if event.type() in (
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.MouseButtonDblClick,
        ):
            return False
        return super().editorEvent(event, model, option, index)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + CHOICE_EXTRA_WIDTH, hint.height())


class ChoiceList(QListView):
    """A wrapping row of tick-able words (model/view, not a widget per word). Each keeps the
    stored name under ``NAME_ROLE`` and shows ``shown(name)``, its translation.

    As tall as its wrapped words: it sits in the dialog's scroll area, and a list that
    scrolls inside a scroll area is hard to use, with a mouse or a screen reader."""

    def __init__(
        self,
        names: list[str],
        checked: tuple[str, ...],
        accessible: str,
        shown: Callable[[str], str] = str,
    ) -> None:
        super().__init__()
        self.choices = CheckableListModel(self)
        for name in names:
            self.choices.add_choice(name, shown(name), name in checked)
        self.setObjectName("choices")
        self.setModel(self.choices)
        self.setItemDelegate(_ChoiceDelegate(self))
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(4)
        self.setUniformItemSizes(False)
        self.setAccessibleName(accessible)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumHeight(48)
        # A click anywhere on a word ticks it, not only on its little box.
        self.clicked.connect(self.choices.toggle)

    def checked(self) -> tuple[str, ...]:
        return tuple(str(name) for name in self.choices.checked_values())

    def updateGeometries(self) -> None:
        super().updateGeometries()
        margins = self.contentsMargins()
        height = self.contentsSize().height() + margins.top() + margins.bottom()
        if height > margins.top() + margins.bottom() and height != self.height():
            self.setFixedHeight(height)


def _with_unlisted(listed: list[str], chosen: tuple[str, ...]) -> list[str]:
    """The listed names, then any chosen one no longer listed (a correction keeps it)."""
    return listed + [name for name in chosen if name not in listed]


def _scale(accessible: str, value: int | None) -> QSpinBox:
    box = QSpinBox()
    box.setRange(-1, 10)
    box.setSpecialValueText(NOT_SET)  # -1 shows as "—": not answered
    box.setValue(-1 if value is None else value)
    box.setAccessibleName(accessible)
    box.setMinimumHeight(40)
    return box


def _hours(accessible: str, value: float | None) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(-0.5, 24)
    box.setSingleStep(0.5)
    box.setDecimals(1)
    box.setSpecialValueText(NOT_SET)
    box.setSuffix(" h")
    box.setValue(-0.5 if value is None else value)
    box.setAccessibleName(accessible)
    box.setMinimumHeight(40)
    return box


def _value(box: QSpinBox) -> int | None:
    return None if box.value() < 0 else box.value()


def _hours_value(box: QDoubleSpinBox) -> float | None:
    return None if box.value() < 0 else box.value()


def _msecs(when: datetime) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(int(when.timestamp() * 1000))


class CheckInQuestions(QWidget):
    problem = Signal(str)  # a sentence for the person, translated: adding an activity failed

    def __init__(
        self,
        mood: MoodService,
        draft: CheckInDraft | None,
        start: datetime,
        recent_entries: Sequence[EntrySummary] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._mood = mood
        self.when = self._build_when(start, draft)
        self._build_figures(draft)
        self._build_choices(draft)
        self.entry = self._build_entry(recent_entries, draft.entry_id if draft else None)
        self._lay_out()

    # -- the fields -----------------------------------------------------------------------------
    def _build_when(self, start: datetime, draft: CheckInDraft | None) -> OneStopDateTimeEdit:
        when = OneStopDateTimeEdit(_msecs(start))
        when.setCalendarPopup(True)
        when.setDisplayFormat(date_pattern("day_time"))
        when.setAccessibleName(translate("CheckInDialog", "When"))
        when.setAccessibleDescription(
            translate(
                "CheckInDialog",
                "Left and right arrows move between the date and the time; up and down change "
                "them. Alt+Down opens a calendar.",
            )
        )
        when.setMinimumHeight(40)
        if draft is not None and draft.at is not None:
            when.setDateTime(_msecs(draft.at))
        return when

    def _build_figures(self, draft: CheckInDraft | None) -> None:
        self.stress = _scale(
            translate("CheckInDialog", "Stress from 0 to 10"), draft.stress if draft else None
        )
        self.energy = _scale(
            translate("CheckInDialog", "Energy from 0 to 10"), draft.energy if draft else None
        )
        self.sleep = _hours(
            translate("CheckInDialog", "Hours slept"), draft.sleep_hours if draft else None
        )
        self.care = _hours(
            translate("CheckInDialog", "Hours of care given today"),
            draft.care_hours if draft else None,
        )

    def _build_choices(self, draft: CheckInDraft | None) -> None:
        chosen = draft.activities if draft else ()
        self.activities = ChoiceList(
            _with_unlisted([a.name for a in self._mood.activities.list()], chosen),
            chosen,
            translate("CheckInDialog", "Self-care today"),
            activity_word,
        )
        felt = draft.emotions if draft else ()
        self.emotions = ChoiceList(
            _with_unlisted(list(DEFAULT_EMOTIONS), felt),
            felt,
            translate("CheckInDialog", "Feelings"),
            emotion_word,
        )
        self.add_activity_button = QPushButton(translate("CheckInDialog", "Add your own…"))
        self.add_activity_button.setAutoDefault(False)
        self.add_activity_button.setAccessibleName(
            translate("CheckInDialog", "Add a self-care activity to your list")
        )
        self.add_activity_button.clicked.connect(self._ask_for_activity)

    def _build_entry(self, recent: Sequence[EntrySummary], linked: int | None) -> QComboBox:
        entry = QComboBox()
        entry.setAccessibleName(translate("CheckInDialog", "Link to a journal entry"))
        entry.addItem(translate("CheckInDialog", "No journal entry"), None)
        for summary in recent:
            when = format_entry_when(summary.entry_at, summary.time_zone, "short_day")
            # outside the f-string: lupdate
            title = summary.title or translate("CheckInDialog", "Untitled entry")
            entry.addItem(f"{when} — {title}", summary.id)
        if linked is not None and entry.findData(linked) < 0:
            entry.addItem(translate("CheckInDialog", "The linked entry"), linked)
        entry.setCurrentIndex(max(0, entry.findData(linked)))
        return entry

    def _figures_grid(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for row, column, words, box in (
            (0, 0, translate("CheckInDialog", "Stress (0–10)"), self.stress),
            (0, 2, translate("CheckInDialog", "Energy (0–10)"), self.energy),
            (1, 0, translate("CheckInDialog", "Hours slept"), self.sleep),
            (1, 2, translate("CheckInDialog", "Hours of care today"), self.care),
        ):
            grid.addWidget(label(words, wrap=False), row, column)
            grid.addWidget(box, row, column + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return grid

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(translate("CheckInDialog", "When"), self.when)
        form.addRow(translate("CheckInDialog", "Journal entry"), self.entry)
        care_row = QHBoxLayout()
        care_row.addWidget(
            label(translate("CheckInDialog", "Self-care today"), "sectionTitle", wrap=False)
        )
        care_row.addStretch(1)
        care_row.addWidget(self.add_activity_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(10)
        layout.addLayout(self._figures_grid())
        layout.addLayout(care_row)
        layout.addWidget(self.activities)
        layout.addWidget(label(translate("CheckInDialog", "Feelings"), "sectionTitle", wrap=False))
        layout.addWidget(self.emotions)
        layout.addLayout(form)

    def focus_chain(self) -> list[QWidget]:
        """The fields in Tab order: as they read, top to bottom (the date and the journal
        entry last, where they are shown)."""
        return [
            self.stress,
            self.energy,
            self.sleep,
            self.care,
            self.add_activity_button,
            self.activities,
            self.emotions,
            self.when,
            self.entry,
        ]

    # -- self-care activities -------------------------------------------------------------------
    def _ask_for_activity(self) -> None:
        name, ok = QInputDialog.getText(
            self.window(),
            translate("CheckInDialog", "Add a self-care activity"),
            translate(
                "CheckInDialog",
                "What helps you? (for example: a bath, gardening, a phone call with my sister)",
            ),
        )
        if ok and name.strip():
            self.add_activity(name.strip())

    def add_activity(self, name: str) -> bool:
        """Add to the person's own list (kept for next time) and tick it for today."""
        try:
            added = self._mood.activities.add(name)
        except ValueError as exc:
            self.problem.emit(error_words.message(exc))
            return False
        self.activities.choices.add_choice(added.name, added.name, checked=True)
        return True

    # -- the answers ----------------------------------------------------------------------------
    def at(self) -> datetime:
        return datetime.fromtimestamp(self.when.dateTime().toMSecsSinceEpoch() / 1000).astimezone()

    def snapshot(self) -> tuple[object, ...]:
        """The answers as they stand, to tell whether anything changed."""
        return (
            _value(self.stress),
            _value(self.energy),
            _hours_value(self.sleep),
            _hours_value(self.care),
            self.activities.checked(),
            self.emotions.checked(),
            self.entry.currentData(),
            self.when.dateTime().toSecsSinceEpoch(),
        )

    def draft(self, mood: int, note: str) -> CheckInDraft:
        """The check-in these answers make with the mood and note the dialog asked for."""
        return CheckInDraft(
            mood=mood,
            stress=_value(self.stress),
            energy=_value(self.energy),
            sleep_hours=_hours_value(self.sleep),
            care_hours=_hours_value(self.care),
            activities=self.activities.checked(),
            emotions=self.emotions.checked(),
            note=note,
            at=self.at(),
            entry_id=self.entry.currentData(),
        )
