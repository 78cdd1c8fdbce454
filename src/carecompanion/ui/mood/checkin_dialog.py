"""The daily check-in: ten seconds, keyboard or mouse. Only the mood is required.

Keys 1–5 choose the mood and Enter saves, wherever the focus is (a face, the note, any
optional answer, the date). Enter never changes the mood: the faces are tool buttons, which
Enter does not press, and the only buttons Enter would press are Save and, when it has the
focus, Cancel (Enter on a focused Cancel still cancels, as everywhere else). With no mood
chosen, Enter saves nothing and says what to do.

The faces, a note and Save always show; every other answer (stress, energy, sleep, care hours,
self-care, feelings, a journal entry, the date and time) is folded behind "More", in a scroll
area, so the dialog fits a 1024×600 screen and 1366×768 at 150 % with its buttons in view.
A keyboard check-in is short: the five faces are one Tab stop (like radio buttons, the arrow
keys move between them) and the date and time is one control and one Tab stop.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from itertools import pairwise

from PySide6.QtCore import (
    QAbstractItemModel,
    QDateTime,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QKeyEvent,
    QShowEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from carecompanion.journal.service import EntrySummary
from carecompanion.mood.defaults import DEFAULT_EMOTIONS
from carecompanion.mood.records import CheckIn, CheckInDraft
from carecompanion.mood.service import MoodService
from carecompanion.ui.common import error_words, theme
from carecompanion.ui.common.core_words import activity_word, emotion_word
from carecompanion.ui.common.i18n import date_pattern, format_when
from carecompanion.ui.common.widgets import label
from carecompanion.ui.mood.colours import mood_word
from carecompanion.ui.mood.faces import face_icon

NOT_SET = "—"


NAME_ROLE = Qt.ItemDataRole.UserRole + 60
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


class _FlowingChoices(QListView):
    """As tall as its wrapped words: it sits in the dialog's scroll area, and a list that
    scrolls inside a scroll area is hard to use, with a mouse or a screen reader."""

    def updateGeometries(self) -> None:
        super().updateGeometries()
        margins = self.contentsMargins()
        height = self.contentsSize().height() + margins.top() + margins.bottom()
        if height > margins.top() + margins.bottom() and height != self.height():
            self.setFixedHeight(height)


def _choices(
    names: list[str], checked: tuple[str, ...], accessible: str, shown: Callable[[str], str] = str
) -> QListView:
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
    view = _FlowingChoices()
    view.setObjectName("choices")
    view.setModel(model)
    view.setItemDelegate(_ChoiceDelegate(view))
    view.setFlow(QListView.Flow.LeftToRight)
    view.setWrapping(True)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setSpacing(4)
    view.setUniformItemSizes(False)
    view.setAccessibleName(accessible)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setMinimumHeight(48)
    # A click anywhere on a word ticks it, not only on its little box.
    view.clicked.connect(
        lambda index: model.itemFromIndex(index).setCheckState(
            Qt.CheckState.Unchecked
            if model.itemFromIndex(index).checkState() == Qt.CheckState.Checked
            else Qt.CheckState.Checked
        )
    )
    return view


def _checked(view: QListView) -> tuple[str, ...]:
    model = view.model()
    assert isinstance(model, QStandardItemModel)
    return tuple(
        str(model.item(row).data(NAME_ROLE) or model.item(row).text())
        for row in range(model.rowCount())
        if model.item(row).checkState() == Qt.CheckState.Checked
    )


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


FRAME_ALLOWANCE = 40  # logical px for a window frame's title bar, before the real one is known
SIDE_ALLOWANCE = 16
FACE_ICON = 36
DETAILS_MIN_HEIGHT = 96


class FaceButton(QToolButton):
    """One mood: its face above its word. A tool button, not a push button: a push button in
    a dialog presses itself on Enter when it has the focus ("auto default"), which is how
    Enter used to record "awful"."""

    def __init__(self, value: int, word: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("moodChoice")
        self.setCheckable(True)
        self.setText(word)
        self.setIcon(face_icon(value))
        self.setIconSize(QSize(FACE_ICON, FACE_ICON))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(84)


class OneStopDateTimeEdit(QDateTimeEdit):
    """A date and time that is one Tab stop: Tab leaves it (Qt's own moves between its day,
    month, year, hour and minute sections, five stops for one answer). The arrow keys still
    move between sections and change them, and Alt+Down opens the calendar."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class _Details(QScrollArea):
    """The folded-away answers. Asks for all the room its content needs (a scroll area
    otherwise asks for an arbitrary few lines), so the dialog grows to the screen and only
    then scrolls; may shrink to a few lines on a small screen."""

    def sizeHint(self) -> QSize:
        inner = self.widget()
        if inner is None:
            return super().sizeHint()
        frame = 2 * self.frameWidth()
        bar = self.verticalScrollBar().sizeHint().width()
        hint = inner.sizeHint()
        return QSize(hint.width() + bar + frame, hint.height() + frame)

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), DETAILS_MIN_HEIGHT)


class CheckInDialog(QDialog):
    def __init__(
        self,
        mood: MoodService,
        existing: CheckIn | None = None,
        parent: QWidget | None = None,
        now: datetime | None = None,
        recent_entries: Sequence[EntrySummary] = (),
    ) -> None:
        super().__init__(parent)
        self._mood = mood
        self._existing = existing
        self.is_correction = existing is not None
        self.saved: CheckIn | None = None
        draft = existing.to_draft() if existing is not None else None
        self.setWindowTitle(
            self.tr("Check in") if existing is None else self.tr("Correct a check-in")
        )

        # -- always shown: the faces, a note, More, Save ---------------------------------------
        self.mood_group = QButtonGroup(self)
        self.mood_group.setExclusive(True)
        faces = QHBoxLayout()
        faces.setSpacing(8)
        for value in range(1, 6):
            word = mood_word(value)
            choice = FaceButton(value, word)
            choice.setAccessibleName(
                self.tr("Mood {value} of 5: {word}").format(value=value, word=word)
            )
            choice.setToolTip(self.tr("Press {value}").format(value=value))
            self.mood_group.addButton(choice, value)
            faces.addWidget(choice)
        if draft is not None:
            self.mood_group.button(draft.mood).setChecked(True)
        self.mood_group.idToggled.connect(self._mood_toggled)

        self.note = QLineEdit(draft.note if draft else "")
        self.note.setAccessibleName(self.tr("A short note"))
        self.note.setPlaceholderText(self.tr("A few words, if you like"))
        self.note.setMinimumHeight(40)

        self.more = QPushButton(self.tr("More questions"))
        self.more.setCheckable(True)
        self.more.setAutoDefault(False)  # Enter on it saves, like everywhere in the dialog
        self.more.setAccessibleName(self.tr("More questions, all optional"))
        self.more.setAccessibleDescription(
            self.tr(
                "Stress, energy, sleep, hours of care, self-care, feelings, a journal entry, and "
                "the date and time"
            )
        )
        self.more.setToolTip(self.more.accessibleDescription())
        self.more.setMinimumHeight(40)
        self.more.toggled.connect(self._show_details)
        self._keys_hint = self.tr("Press 1 to 5 to choose, then Enter to save.")
        self.hint = label(self._keys_hint, "hint")
        self.hint.setAccessibleName(self.tr("How to check in with the keyboard"))

        # -- folded away: everything optional ---------------------------------------------------
        start = now or datetime.now().astimezone()
        self.when = OneStopDateTimeEdit(
            QDateTime.fromMSecsSinceEpoch(int(start.timestamp() * 1000))
        )
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(date_pattern("day_time"))
        self.when.setAccessibleName(self.tr("When"))
        self.when.setAccessibleDescription(
            self.tr(
                "Left and right arrows move between the date and the time; up and down change "
                "them. Alt+Down opens a calendar."
            )
        )
        self.when.setMinimumHeight(40)
        if draft is not None and draft.at is not None:
            self.when.setDateTime(QDateTime.fromMSecsSinceEpoch(int(draft.at.timestamp() * 1000)))
        self.stress = _scale(self.tr("Stress from 0 to 10"), draft.stress if draft else None)
        self.energy = _scale(self.tr("Energy from 0 to 10"), draft.energy if draft else None)
        self.sleep = _hours(self.tr("Hours slept"), draft.sleep_hours if draft else None)
        self.care = _hours(
            self.tr("Hours of care given today"), draft.care_hours if draft else None
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.addWidget(label(self.tr("Stress (0–10)"), wrap=False), 0, 0)
        grid.addWidget(self.stress, 0, 1)
        grid.addWidget(label(self.tr("Energy (0–10)"), wrap=False), 0, 2)
        grid.addWidget(self.energy, 0, 3)
        grid.addWidget(label(self.tr("Hours slept"), wrap=False), 1, 0)
        grid.addWidget(self.sleep, 1, 1)
        grid.addWidget(label(self.tr("Hours of care today"), wrap=False), 1, 2)
        grid.addWidget(self.care, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        names = [a.name for a in mood.activities.list()]
        chosen = draft.activities if draft else ()
        self.activities = _choices(
            names + [n for n in chosen if n not in names],
            chosen,
            self.tr("Self-care today"),
            activity_word,
        )
        feelings = list(DEFAULT_EMOTIONS)
        felt = draft.emotions if draft else ()
        self.emotions = _choices(
            feelings + [n for n in felt if n not in feelings],
            felt,
            self.tr("Feelings"),
            emotion_word,
        )
        self.add_activity_button = QPushButton(self.tr("Add your own…"))
        self.add_activity_button.setAutoDefault(False)
        self.add_activity_button.setAccessibleName(self.tr("Add a self-care activity to your list"))
        self.add_activity_button.clicked.connect(self._add_activity)
        self.entry = QComboBox()
        self.entry.setAccessibleName(self.tr("Link to a journal entry"))
        self.entry.addItem(self.tr("No journal entry"), None)
        for summary in recent_entries:
            when = format_when(summary.entry_at, "short_day")
            title = summary.title or self.tr("Untitled entry")  # outside the f-string: lupdate
            self.entry.addItem(f"{when} — {title}", summary.id)
        linked = draft.entry_id if draft else None
        if linked is not None and self.entry.findData(linked) < 0:
            self.entry.addItem(self.tr("The linked entry"), linked)
        self.entry.setCurrentIndex(max(0, self.entry.findData(linked)))

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.tr("When"), self.when)
        form.addRow(self.tr("Journal entry"), self.entry)
        inner = QWidget()
        details_layout = QVBoxLayout(inner)
        details_layout.setContentsMargins(0, 0, 8, 0)
        details_layout.setSpacing(10)
        details_layout.addLayout(grid)
        care_row = QHBoxLayout()
        care_row.addWidget(label(self.tr("Self-care today"), "sectionTitle", wrap=False))
        care_row.addStretch(1)
        care_row.addWidget(self.add_activity_button)
        details_layout.addLayout(care_row)
        details_layout.addWidget(self.activities)
        details_layout.addWidget(label(self.tr("Feelings"), "sectionTitle", wrap=False))
        details_layout.addWidget(self.emotions)
        details_layout.addLayout(form)
        self.details = _Details()
        self.details.setWidget(inner)
        self.details.setWidgetResizable(True)
        self.details.setFrameShape(QFrame.Shape.NoFrame)
        self.details.setAccessibleName(self.tr("More questions, all optional"))
        self.details.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields take the focus
        self.details.hide()

        # -- the buttons, outside the scroll area: always in view -------------------------------
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save check-in"))
        self.save_button.setAccessibleName(self.tr("Save the check-in"))
        self.save_button.setObjectName("primary")
        self.save_button.setDefault(True)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.error = label("", "error")
        self.error.hide()

        more_row = QHBoxLayout()
        more_row.setSpacing(12)
        more_row.addWidget(self.more)
        more_row.addWidget(self.hint, 1)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(label(self.tr("How are you, right now?"), "sectionTitle"))
        layout.addLayout(faces)
        layout.addWidget(self.note)
        layout.addLayout(more_row)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        # Tab: the chosen face, the note, More, (the optional answers when shown), Save.
        chain: list[QWidget] = [
            *self.mood_group.buttons(),
            self.note,
            self.more,
            self.when,
            self.stress,
            self.energy,
            self.sleep,
            self.care,
            self.add_activity_button,
            self.activities,
            self.emotions,
            self.entry,
            self.save_button,
            self.cancel_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self._validate()
        self._rove()
        self._tab_face().setFocus()
        self._initial = self._answers()
        if existing is not None:
            self.more.setChecked(True)  # correcting: every answer in view

    # -- keys ---------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        focus = self.focusWidget()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # Whatever has the focus: Enter saves the mood that was chosen, or says how.
            event.accept()
            self._enter()
            return
        typing = isinstance(focus, (QLineEdit, QAbstractSpinBox))
        if not typing and Qt.Key.Key_1 <= key <= Qt.Key.Key_5:
            self._choose(key - Qt.Key.Key_0, move_focus=isinstance(focus, FaceButton))
            return
        if isinstance(focus, FaceButton) and key in (
            Qt.Key.Key_Left,
            Qt.Key.Key_Up,
            Qt.Key.Key_Right,
            Qt.Key.Key_Down,
        ):
            step = -1 if key in (Qt.Key.Key_Left, Qt.Key.Key_Up) else 1
            self._choose(min(5, max(1, self.mood_group.id(focus) + step)), move_focus=True)
            return
        super().keyPressEvent(event)

    def _choose(self, value: int, move_focus: bool) -> None:
        face = self.mood_group.button(value)
        face.setChecked(True)
        if move_focus:
            face.setFocus(Qt.FocusReason.OtherFocusReason)

    def _enter(self) -> None:
        if self.mood_group.checkedId() > 0:
            self.save()
            return
        self.hint.setText(
            self.tr("First choose how you feel: press a number from 1 to 5, or click a face.")
        )
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.hint, self.hint.text()))

    def _mood_toggled(self, _id: int, on: bool) -> None:
        if on:
            self.hint.setText(self._keys_hint)
        self._validate()
        self._rove()

    def _tab_face(self) -> QToolButton:
        checked = self.mood_group.checkedButton()
        face = checked if checked is not None else self.mood_group.button(1)
        assert isinstance(face, QToolButton)
        return face

    def _rove(self) -> None:
        """The five faces are one Tab stop, the chosen one (the first while none is)."""
        current = self._tab_face()
        for face in self.mood_group.buttons():
            face.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if face is current else Qt.FocusPolicy.ClickFocus
            )

    # -- fitting the screen ---------------------------------------------------------------------
    def _show_details(self, on: bool) -> None:
        self.details.setVisible(on)
        self.more.setIcon(theme.icon("chevron-up" if on else "chevron-down", 32))
        self._fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()

    def _fit(self) -> None:
        screen = (self.parentWidget() or self).screen() if not self.isVisible() else self.screen()
        area = screen.availableGeometry()
        frame = FRAME_ALLOWANCE
        if self.isVisible():
            frame = max(frame, self.frameGeometry().height() - self.geometry().height())
        self.fit_to(area.width() - SIDE_ALLOWANCE, area.height() - frame)
        if self.isVisible():  # grown downwards past the screen's edge: move up
            outer = self.frameGeometry()
            x = max(area.left(), min(outer.left(), area.right() - outer.width()))
            y = max(area.top(), min(outer.top(), area.bottom() - outer.height()))
            if (x, y) != (outer.left(), outer.top()):
                self.move(x, y)

    def fit_to(self, available_width: int, available_height: int) -> None:
        """Never larger than the space given (the screen's, less a frame): the optional part
        scrolls instead. Folded, the dialog shrinks back to what it shows."""
        self.setMaximumSize(
            max(available_width, self.minimumSizeHint().width()),
            max(available_height, self.minimumSizeHint().height()),
        )
        layout = self.layout()
        if layout is not None:
            layout.activate()
        hint = self.sizeHint()
        self.resize(
            min(hint.width(), self.maximumWidth()), min(hint.height(), self.maximumHeight())
        )

    # -- answers ----------------------------------------------------------------------------------
    def _add_activity(self) -> None:
        name, ok = QInputDialog.getText(
            self,
            self.tr("Add a self-care activity"),
            self.tr(
                "What helps you? (for example: a bath, gardening, a phone call with my sister)"
            ),
        )
        if ok and name.strip():
            self.add_activity(name.strip())

    def add_activity(self, name: str) -> None:
        """Add to the person's own list (kept for next time) and tick it for today."""
        try:
            added = self._mood.activities.add(name)
        except ValueError as exc:
            self.error.setText(error_words.message(exc))
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

    def _answers(self) -> tuple[object, ...]:
        return (
            self.mood_group.checkedId(),
            _value(self.stress),
            _value(self.energy),
            _hours_value(self.sleep),
            _hours_value(self.care),
            _checked(self.activities),
            _checked(self.emotions),
            self.note.text().strip(),
            self.entry.currentData(),
            self.when.dateTime().toSecsSinceEpoch(),
        )

    def has_answers(self) -> bool:
        """Whether anything was chosen or typed since the dialog opened."""
        return self._answers() != self._initial

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

    def _store(self) -> CheckIn:
        if self._existing is None:
            return self._mood.add(self.draft())
        return self._mood.update(self._existing.id, self.draft())

    def save(self) -> None:
        if self.mood_group.checkedId() <= 0:
            return
        try:
            self.saved = self._store()
        except ValueError as exc:
            self.error.setText(error_words.message(exc))
            self.error.show()
            return
        self.accept()

    def save_for_lock(self) -> CheckIn | None:
        """The journal is locking with this dialog open. A chosen mood is the person's answer:
        what was chosen and typed is saved (a correction only when something changed) and
        returned. Without a mood there is no check-in to save, and None is returned. The
        dialog is closed either way (see ``CheckInFlow.close_for_lock``)."""
        if self.mood_group.checkedId() <= 0 or not self.has_answers():
            return None
        try:
            self.saved = self._store()
        except ValueError:
            return None  # a rule the answers break: nothing half-saved
        return self.saved
