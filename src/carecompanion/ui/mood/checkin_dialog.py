"""The daily check-in: ten seconds, keyboard or mouse. Only the mood is required.

Keys 1–5 choose the mood, Enter saves. Every other answer may be left as "—".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QDateTime, QSize, Qt
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from carecompanion.journal.service import EntrySummary
from carecompanion.mood.defaults import DEFAULT_EMOTIONS
from carecompanion.mood.records import CheckIn, CheckInDraft
from carecompanion.mood.service import MoodService
from carecompanion.ui import core_messages
from carecompanion.ui.core_words import emotion_word
from carecompanion.ui.i18n import format_when
from carecompanion.ui.mood.colours import TEXT_FACES, mood_word
from carecompanion.ui.widgets import label

NOT_SET = "—"


NAME_ROLE = Qt.ItemDataRole.UserRole + 60


def _choices(names: list[str], checked: tuple[str, ...], accessible: str,
             shown: Callable[[str], str] = str) -> QListView:
    """A wrapping row of tick-able words (model/view, not a widget per word). Each item keeps
    the stored name under ``NAME_ROLE`` and shows ``shown(name)`` (its translation)."""
    model = QStandardItemModel()
    for name in names:
        item = QStandardItem(shown(name))
        item.setData(name, NAME_ROLE)
        item.setCheckable(True)
        item.setEditable(False)
        item.setCheckState(Qt.CheckState.Checked if name in checked else Qt.CheckState.Unchecked)
        model.appendRow(item)
    view = QListView()
    view.setObjectName("choices")
    view.setModel(model)
    view.setFlow(QListView.Flow.LeftToRight)
    view.setWrapping(True)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setSpacing(4)
    view.setUniformItemSizes(False)
    view.setAccessibleName(accessible)
    view.setMinimumHeight(132)
    # A click anywhere on a word ticks it, not only on its little box.
    view.clicked.connect(lambda index: model.itemFromIndex(index).setCheckState(
        Qt.CheckState.Unchecked if model.itemFromIndex(index).checkState() == Qt.CheckState.Checked
        else Qt.CheckState.Checked))
    return view


def _checked(view: QListView) -> tuple[str, ...]:
    model = view.model()
    assert isinstance(model, QStandardItemModel)
    return tuple(str(model.item(row).data(NAME_ROLE) or model.item(row).text())
                 for row in range(model.rowCount())
                 if model.item(row).checkState() == Qt.CheckState.Checked)


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


class CheckInDialog(QDialog):
    def __init__(self, mood: MoodService, existing: CheckIn | None = None,
                 parent: QWidget | None = None, now: datetime | None = None,
                 recent_entries: Sequence[EntrySummary] = ()) -> None:
        super().__init__(parent)
        self._mood = mood
        self._existing = existing
        self.saved: CheckIn | None = None
        draft = existing.to_draft() if existing is not None else None
        self.setWindowTitle(self.tr("Check in") if existing is None else
                            self.tr("Correct a check-in"))
        self.setMinimumWidth(640)

        self.mood_group = QButtonGroup(self)
        self.mood_group.setExclusive(True)
        faces = QHBoxLayout()
        for value in range(1, 6):
            word = mood_word(value)
            choice = QPushButton(f"{TEXT_FACES[value]}\n{word}")
            choice.setObjectName("moodChoice")
            choice.setCheckable(True)
            choice.setMinimumSize(QSize(96, 72))
            choice.setAccessibleName(self.tr("Mood {value} of 5: {word}").format(
                value=value, word=word))
            choice.setToolTip(self.tr("Press {value}").format(value=value))
            self.mood_group.addButton(choice, value)
            faces.addWidget(choice)
        if draft is not None:
            self.mood_group.button(draft.mood).setChecked(True)
        self.mood_group.idToggled.connect(lambda _id, _on: self._validate())

        start = now or datetime.now().astimezone()
        self.when = QDateTimeEdit(QDateTime.fromMSecsSinceEpoch(int(start.timestamp() * 1000)))
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("ddd d MMM yyyy, HH:mm")
        self.when.setAccessibleName(self.tr("When"))
        if draft is not None and draft.at is not None:
            self.when.setDateTime(QDateTime.fromMSecsSinceEpoch(int(draft.at.timestamp() * 1000)))
        self.stress = _scale(self.tr("Stress from 0 to 10"), draft.stress if draft else None)
        self.energy = _scale(self.tr("Energy from 0 to 10"), draft.energy if draft else None)
        self.sleep = _hours(self.tr("Hours slept"), draft.sleep_hours if draft else None)
        self.care = _hours(self.tr("Hours of care given today"),
                           draft.care_hours if draft else None)
        grid = QGridLayout()
        grid.addWidget(label(self.tr("Stress (0–10)"), wrap=False), 0, 0)
        grid.addWidget(self.stress, 0, 1)
        grid.addWidget(label(self.tr("Energy (0–10)"), wrap=False), 0, 2)
        grid.addWidget(self.energy, 0, 3)
        grid.addWidget(label(self.tr("Hours slept"), wrap=False), 1, 0)
        grid.addWidget(self.sleep, 1, 1)
        grid.addWidget(label(self.tr("Hours of care today"), wrap=False), 1, 2)
        grid.addWidget(self.care, 1, 3)

        names = [a.name for a in mood.activities.list()]
        chosen = draft.activities if draft else ()
        self.activities = _choices(names + [n for n in chosen if n not in names], chosen,
                                   self.tr("Self-care today"))
        feelings = list(DEFAULT_EMOTIONS)
        felt = draft.emotions if draft else ()
        self.emotions = _choices(feelings + [n for n in felt if n not in feelings], felt,
                                 self.tr("Feelings"), emotion_word)
        add_activity = QPushButton(self.tr("Add your own…"))
        add_activity.setAccessibleName(self.tr("Add a self-care activity to your list"))
        add_activity.clicked.connect(self._add_activity)
        self.entry = QComboBox()
        self.entry.setAccessibleName(self.tr("Link to a journal entry"))
        self.entry.addItem(self.tr("No journal entry"), None)
        for summary in recent_entries:
            when = format_when(summary.entry_at.astimezone(), "dd MMM")
            self.entry.addItem(f"{when} — {summary.title or self.tr('Untitled entry')}",
                               summary.id)
        linked = draft.entry_id if draft else None
        if linked is not None and self.entry.findData(linked) < 0:
            self.entry.addItem(self.tr("The linked entry"), linked)
        self.entry.setCurrentIndex(max(0, self.entry.findData(linked)))
        self.note = QLineEdit(draft.note if draft else "")
        self.note.setAccessibleName(self.tr("A short note"))
        self.note.setPlaceholderText(self.tr("A few words, if you like"))
        self.note.setMinimumHeight(40)

        form = QFormLayout()
        form.addRow(self.tr("When"), self.when)
        form.addRow(self.tr("Journal entry"), self.entry)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save check-in"))
        self.save_button.setAccessibleName(self.tr("Save the check-in"))
        self.save_button.setObjectName("primary")
        self.save_button.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(
            self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.error = label("", "error")
        self.error.hide()

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(label(self.tr("How are you, right now?"), "pageTitle"))
        layout.addLayout(faces)
        layout.addLayout(grid)
        care_row = QHBoxLayout()
        care_row.addWidget(label(self.tr("Self-care today"), "sectionTitle", wrap=False))
        care_row.addStretch(1)
        care_row.addWidget(add_activity)
        layout.addLayout(care_row)
        layout.addWidget(self.activities)
        layout.addWidget(label(self.tr("Feelings"), "sectionTitle", wrap=False))
        layout.addWidget(self.emotions)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._validate()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        focus = self.focusWidget()
        typing = isinstance(focus, (QLineEdit, QSpinBox, QDoubleSpinBox, QDateTimeEdit))
        if not typing and Qt.Key.Key_1 <= key <= Qt.Key.Key_5:
            self.mood_group.button(key - Qt.Key.Key_0).setChecked(True)
            return
        super().keyPressEvent(event)

    def _add_activity(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add a self-care activity"),
                                        self.tr("What helps you? (for example: a bath, "
                                                "gardening, a phone call with my sister)"))
        if ok and name.strip():
            self.add_activity(name.strip())

    def add_activity(self, name: str) -> None:
        """Add to the person's own list (kept for next time) and tick it for today."""
        try:
            added = self._mood.activities.add(name)
        except ValueError as exc:
            self.error.setText(core_messages.message(exc))
            self.error.show()
            return
        model = self.activities.model()
        assert isinstance(model, QStandardItemModel)
        item = QStandardItem(added.name)
        item.setData(added.name, NAME_ROLE)
        item.setCheckable(True)
        item.setEditable(False)
        item.setCheckState(Qt.CheckState.Checked)
        model.appendRow(item)

    def _validate(self) -> None:
        self.save_button.setEnabled(self.mood_group.checkedId() > 0)

    def draft(self) -> CheckInDraft:
        at = datetime.fromtimestamp(self.when.dateTime().toMSecsSinceEpoch() / 1000).astimezone()
        return CheckInDraft(
            mood=self.mood_group.checkedId(),
            stress=_value(self.stress),
            energy=_value(self.energy),
            sleep_hours=_hours_value(self.sleep),
            care_hours=_hours_value(self.care),
            activities=_checked(self.activities),
            emotions=_checked(self.emotions),
            note=self.note.text().strip(),
            at=at,
            entry_id=self.entry.currentData(),
        )

    def save(self) -> None:
        if self.mood_group.checkedId() <= 0:
            return
        try:
            if self._existing is None:
                self.saved = self._mood.add(self.draft())
            else:
                self.saved = self._mood.update(self._existing.id, self.draft())
        except ValueError as exc:
            self.error.setText(core_messages.message(exc))
            self.error.show()
            return
        self.accept()
