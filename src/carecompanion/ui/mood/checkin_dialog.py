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

from collections.abc import Sequence
from datetime import datetime
from itertools import pairwise

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QKeyEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from carecompanion.journal.service import EntrySummary
from carecompanion.mood.records import CheckIn, CheckInDraft
from carecompanion.mood.service import MoodService
from carecompanion.ui.common import error_words, theme
from carecompanion.ui.common.discard import close_or_ask
from carecompanion.ui.common.screen_fit import follow_focus
from carecompanion.ui.common.widgets import label
from carecompanion.ui.mood.checkin_questions import NAME_ROLE, CheckInQuestions
from carecompanion.ui.mood.colours import mood_word
from carecompanion.ui.mood.faces import face_icon

__all__ = ["NAME_ROLE", "CheckInDialog", "FaceButton"]

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
        faces = self._build_faces(draft)
        self.note = self._build_note(draft)
        self.more = self._build_more()
        self._keys_hint = self.tr("Press 1 to 5 to choose, then Enter to save.")
        self.hint = label(self._keys_hint, "hint")
        self.hint.setAccessibleName(self.tr("How to check in with the keyboard"))
        self.questions = self._build_questions(draft, now, recent_entries)
        self.details = self._fold(self.questions)
        buttons = self._build_buttons()
        self.error = label("", "error")
        self.error.hide()
        self._lay_out(faces, buttons)
        self._chain_tabs()
        self._validate()
        self._rove()
        self._tab_face().setFocus()
        self._initial = self._answers()
        if existing is not None:
            self.more.setChecked(True)  # correcting: every answer in view

    # -- always shown: the faces, a note, More, Save --------------------------------------------
    def _build_faces(self, draft: CheckInDraft | None) -> QHBoxLayout:
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
        return faces

    def _build_note(self, draft: CheckInDraft | None) -> QLineEdit:
        note = QLineEdit(draft.note if draft else "")
        note.setAccessibleName(self.tr("A short note"))
        note.setPlaceholderText(self.tr("A few words, if you like"))
        note.setMinimumHeight(40)
        return note

    def _build_more(self) -> QPushButton:
        more = QPushButton(self.tr("More questions"))
        more.setCheckable(True)
        more.setAutoDefault(False)  # Enter on it saves, like everywhere in the dialog
        more.setAccessibleName(self.tr("More questions, all optional"))
        more.setAccessibleDescription(
            self.tr(
                "Stress, energy, sleep, hours of care, self-care, feelings, a journal entry, and "
                "the date and time"
            )
        )
        more.setToolTip(more.accessibleDescription())
        more.setMinimumHeight(40)
        more.toggled.connect(self._show_details)
        return more

    # -- folded away: everything optional ----------------------------------------------------
    def _build_questions(
        self, draft: CheckInDraft | None, now: datetime | None, recent: Sequence[EntrySummary]
    ) -> CheckInQuestions:
        start = now or datetime.now().astimezone()
        questions = CheckInQuestions(self._mood, draft, start, recent)
        questions.problem.connect(self._show_error)
        # Its fields keep the names the dialog has always given them (tests, the fit walk).
        self.when, self.stress, self.energy = questions.when, questions.stress, questions.energy
        self.sleep, self.care, self.entry = questions.sleep, questions.care, questions.entry
        self.activities, self.emotions = questions.activities, questions.emotions
        return questions

    def _fold(self, questions: QWidget) -> _Details:
        """The optional questions in a scroll area, folded away until More is pressed."""
        details = _Details()
        details.setWidget(questions)
        details.setWidgetResizable(True)
        details.setFrameShape(QFrame.Shape.NoFrame)
        details.setAccessibleName(self.tr("More questions, all optional"))
        details.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields take the focus
        follow_focus(details)  # and each is scrolled into sight, from More or from Save
        details.hide()
        return details

    def _build_buttons(self) -> QDialogButtonBox:
        """Save and Cancel, outside the scroll area: always in view."""
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
        return buttons

    def _lay_out(self, faces: QHBoxLayout, buttons: QDialogButtonBox) -> None:
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

    def _chain_tabs(self) -> None:
        """Tab: the chosen face, the note, More, (the optional answers when shown), Save."""
        chain: list[QWidget] = [
            *self.mood_group.buttons(),
            self.note,
            self.more,
            *self.questions.focus_chain(),
            self.save_button,
            self.cancel_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

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
    def add_activity(self, name: str) -> None:
        """Add to the person's own list (kept for next time) and tick it for today."""
        self.questions.add_activity(name)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _validate(self) -> None:
        self.save_button.setEnabled(self.mood_group.checkedId() > 0)

    def _answers(self) -> tuple[object, ...]:
        return (
            self.mood_group.checkedId(),
            self.note.text().strip(),
            self.questions.snapshot(),
        )

    def has_answers(self) -> bool:
        """Whether anything was chosen or typed since the dialog opened."""
        return self._answers() != self._initial

    def draft(self) -> CheckInDraft:
        return self.questions.draft(self.mood_group.checkedId(), self.note.text().strip())

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
            self._show_error(error_words.message(exc))
            return
        self.accept()

    def reject(self) -> None:
        # Escape, Cancel and the window's close button: a chosen mood or a typed note is only
        # thrown away when the person says so.
        close_or_ask(self, self.has_answers())

    def close_for_lock(self) -> None:
        """Closed without asking: the lock has saved (or reported) the answers already."""
        QDialog.reject(self)

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
